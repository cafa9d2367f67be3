/* ff-kind-csv.h — CSV export of the records of one kind (header = field names). */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "ff-kind.h"
#include "ff-store.h"

G_BEGIN_DECLS

/* Writes every live record of @kind to @out as RFC 4180 CSV in UTF-8: a header row of field
 * names, then one row per record with its stored values. Returns the number of records written
 * through @out_count. */
gboolean ff_kind_csv_export (FfStore        *store,
                             const FfKind   *kind,
                             GOutputStream  *out,
                             guint64        *out_count,
                             GCancellable   *cancellable,
                             GError        **error);

G_END_DECLS
