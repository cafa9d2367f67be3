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

char *
ff_gtin_to_14 (const char *gtin)
{
  gsize len = strlen (gtin);

  g_return_val_if_fail (len <= 14, NULL);
  return g_strconcat ("00000000000000" + len, gtin, NULL);
}

char *
ff_gtin_to_shortest (const char *gtin)
{
  if (gtin == NULL || strlen (gtin) != 14 || strspn (gtin, "0123456789") != 14)
    return g_strdup (gtin);
  if (g_str_has_prefix (gtin, "000000"))
    return g_strdup (gtin + 6);
  if (g_str_has_prefix (gtin, "00"))
    return g_strdup (gtin + 2);
  if (gtin[0] == '0')
    return g_strdup (gtin + 1);
  return g_strdup (gtin);
}
