/* ff-gtin.h — GS1 Global Trade Item Numbers: check digit and validation. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The GS1 mod-10 check digit for @digits (all but the last digit of a GTIN), or -1 when
 * @digits holds anything but 7, 11, 12 or 13 decimal digits. */
int      ff_gtin_check_digit (const char *digits);
/* TRUE when @gtin has 8, 12, 13 or 14 digits and a correct check digit. */
gboolean ff_gtin_is_valid    (const char *gtin);
/* A valid GTIN of any length as 14 digits (leading zeros added), the form GS1 stores. */
char    *ff_gtin_to_14       (const char *gtin);
/* A 14-digit GTIN in the shortest form it fits (GTIN-8, -12, -13 or -14): what is printed on a
 * pack and what people recognise. Anything else is returned as it is. */
char    *ff_gtin_to_shortest (const char *gtin);

G_END_DECLS
