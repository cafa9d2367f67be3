/* ff-gtin.c — GS1 Global Trade Item Numbers: check digit and validation. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include <string.h>

#include "ff-gtin.h"

int
ff_gtin_check_digit (const char *digits)
{
  gsize len;
  int sum = 0;

  if (digits == NULL)
    return -1;
  len = strlen (digits);
  if (len != 7 && len != 11 && len != 12 && len != 13)
    return -1;
  /* From the right, weights alternate 3, 1, 3, ... starting next to the check digit. */
  for (gsize i = 0; i < len; i++)
    {
      char c = digits[len - 1 - i];
      if (!g_ascii_isdigit (c))
        return -1;
      sum += (c - '0') * (i % 2 == 0 ? 3 : 1);
    }
  return (10 - sum % 10) % 10;
}

gboolean
ff_gtin_is_valid (const char *gtin)
{
  char body[14];
  gsize len;

  if (gtin == NULL)
    return FALSE;
  len = strlen (gtin);
  if (len != 8 && len != 12 && len != 13 && len != 14)
    return FALSE;
  if (!g_ascii_isdigit (gtin[len - 1]))
    return FALSE;
  memcpy (body, gtin, len - 1);
  body[len - 1] = '\0';
  return ff_gtin_check_digit (body) == gtin[len - 1] - '0';
}
