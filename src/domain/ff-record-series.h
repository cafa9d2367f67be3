/* ff-record-series.h — the trend a detail view shows for a record: a store's daily POS units,
 * a sensor's readings against its specification limits, a CCP's readings against its limits. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-kind.h"
#include "ff-series.h"
#include "ff-store.h"

G_BEGIN_DECLS

/* TRUE when records of @kind have a trend. */
gboolean  ff_record_series_available (const FfKind *kind);
/* The trend of record @id, or NULL with @error unset when it has none (no data). */
FfSeries *ff_record_series_load      (FfStore       *store,
                                      const FfKind  *kind,
                                      const char    *id,
                                      GError       **error);

G_END_DECLS
