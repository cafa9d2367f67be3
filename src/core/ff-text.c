/* ff-text.c — code comparison and search folding. */
// SPDX-License-Identifier: GPL-3.0-or-later

#include "config.h"

#include <string.h>

#include "ff-text.h"

gboolean
ff_text_is_ascii (const char *text,
                  gssize      len)
{
  const unsigned char *s = (const unsigned char *) text;

  if (len < 0)
    len = (gssize) strlen (text);
  for (gssize i = 0; i < len; i++)
    if (s[i] >= 0x80)
      return FALSE;
  return TRUE;
}

int
ff_text_code_compare (const char *a,
                      gssize      len_a,
                      const char *b,
                      gssize      len_b)
{
  if (len_a < 0)
    len_a = (gssize) strlen (a);
  if (len_b < 0)
    len_b = (gssize) strlen (b);
  if (ff_text_is_ascii (a, len_a) && ff_text_is_ascii (b, len_b))
    {
      gssize n = MIN (len_a, len_b);

      for (gssize i = 0; i < n; i++)
        {
          int ca = g_ascii_tolower (a[i]), cb = g_ascii_tolower (b[i]);
          if (ca != cb)
            return ca < cb ? -1 : 1;
        }
      return (len_a > len_b) - (len_a < len_b);
    }
  else
    {
      g_autofree char *na = g_utf8_normalize (a, len_a, G_NORMALIZE_ALL_COMPOSE);
      g_autofree char *nb = g_utf8_normalize (b, len_b, G_NORMALIZE_ALL_COMPOSE);
      g_autofree char *fa = g_utf8_casefold (na ? na : "", -1);
      g_autofree char *fb = g_utf8_casefold (nb ? nb : "", -1);
      int c = strcmp (fa, fb);

      return (c > 0) - (c < 0);
    }
}

char *
ff_text_search_fold (const char *text)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  return g_utf8_casefold (normal ? normal : text, -1);
}
