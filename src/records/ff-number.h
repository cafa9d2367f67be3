/* ff-number.h — numbers as people read and type them in their locale: a decimal comma where
 * the locale has one, thousands grouped. Stored values stay in the C form ("80.5"). */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @value with @decimals digits after the locale's decimal sign and its thousands grouped
 * ("20,398.56" in English, "20.398,56" in German; a locale without grouping, such as C, groups
 * with commas). */
char    *ff_number_format       (double  value,
                                 int     decimals);
/* @value with as few decimals as it needs, at most three ("2.4", "1,250", "0.125"). */
char    *ff_number_format_auto  (double  value);
/* A count: "1,404". */
char    *ff_count_format        (guint64 n);
/* @value for an input field: the locale's decimal sign, no grouping, as few digits as read back
 * the same ("80,5"). */
char    *ff_number_format_input (double  value);
/* Reads a number as a person types it: the locale's decimal sign (or a point, which no locale
 * reads otherwise in a number with one separator and not three digits after it), thousands
 * grouped with the locale's sign, spaces or none. "1.234" in a decimal-comma locale is refused
 * as ambiguous. @out_c gets the number as C text ("1234.5") for ff_field_normalize(). */
gboolean ff_number_parse        (const char  *text,
                                 char       **out_c,
                                 GError     **error);
/* The locale's decimal sign, "." or ",". */
const char *ff_number_get_decimal_sign (void);

G_END_DECLS
