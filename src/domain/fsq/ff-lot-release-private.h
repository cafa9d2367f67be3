/* ff-lot-release-private.h — the rule the lots kind enforces on every write. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-kind.h"

G_BEGIN_DECLS

/* A lot released (from any other status) while an open critical deviation is on it or on one of
 * the lots it was made from is refused, unless a QA user signed that very release ("released",
 * over the lot's content as released). Whoever writes: a form, an import, sync, the engine. */
gboolean _ff_lot_check_write (FfRecordRepository  *repo,
                              const FfActor       *actor,
                              FfRecord            *current,
                              FfRecord            *record,
                              GError             **error);

G_END_DECLS
