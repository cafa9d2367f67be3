/* ff-units.h — converting quantities between the units of measure records use (kg, g, l, ...). */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @quantity in @from expressed in @to: mass (mg, g, kg, t), volume (ml, cl, l, hl) and counts
 * (ea) convert within their dimension; the same unit (regardless of case) always converts.
 * FALSE, leaving @out alone, when they do not (kg to ea). */
gboolean ff_unit_convert (double      quantity,
                          const char *from,
                          const char *to,
                          double     *out);

G_END_DECLS
