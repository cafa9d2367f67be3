/* ff-fsq-period-private.h — the period of an export: inclusive dates, checked once for all the
 * FSQ exports (ff-fsq-period.c). */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @from and @to (each may be NULL: open) are YYYY-MM-DD dates and @from is not after
 * @to; FALSE with an error that names the wrong one. */
gboolean _ff_fsq_check_period (const char  *from,
                               const char  *to,
                               GError     **error);

G_END_DECLS
