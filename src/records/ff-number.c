/* ff-number.c — numbers as people read and type them in their locale. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <math.h>
#include <string.h>

#include "ff-error.h"
#include "ff-number.h"

const char *
ff_number_get_decimal_sign (void)
{
  const char *radix = nl_langinfo (RADIXCHAR);
  return radix != NULL && *radix != '\0' ? radix : ".";
}

static const char *
grouping_sign (void)
{
  const char *sep = nl_langinfo (THOUSEP);

  if (sep != NULL && *sep != '\0')
    return sep;
  /* C and C.UTF-8 group nothing; people still read 1,404 better than 1404. */
  return g_str_equal (ff_number_get_decimal_sign (), ",") ? "." : ",";
}

char *
ff_number_format (double value,
                  int    decimals)
{
  g_autoptr (GString) out = g_string_new (NULL);
  char digits[G_ASCII_DTOSTR_BUF_SIZE * 2];
  const char *point, *int_end;
  gsize n_int;

  g_return_val_if_fail (decimals >= 0 && decimals <= 12, NULL);

  if (!isfinite (value))
    return g_strdup ("—");
  /* Round first, so -0.004 shows as 0. */
  value = round (value * pow (10, decimals)) / pow (10, decimals);
  if (value == 0)
    value = 0;
  g_ascii_formatd (digits, sizeof digits, decimals == 0 ? "%.0f"
                   : decimals == 1 ? "%.1f" : decimals == 2 ? "%.2f"
                   : decimals == 3 ? "%.3f" : "%.4f", fabs (value));
  point = strchr (digits, '.');
  int_end = point ? point : digits + strlen (digits);
  n_int = (gsize) (int_end - digits);
  if (value < 0)
    g_string_append_c (out, '-');
  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append (out, grouping_sign ());
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    {
      g_string_append (out, ff_number_get_decimal_sign ());
      g_string_append (out, point + 1);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
ff_number_format_auto (double value)
{
  int decimals = 0;

  while (decimals < 3 && fabs (value * pow (10, decimals) - round (value * pow (10, decimals)))
                           > 1e-6 * fmax (1, fabs (value * pow (10, decimals))))
    decimals++;
  return ff_number_format (value, decimals);
}

char *
ff_count_format (guint64 n)
{
  return ff_number_format ((double) n, 0);
}

char *
ff_number_format_input (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr (GString) out = NULL;

  for (int digits = 15; digits <= 17; digits++)
    {
      g_ascii_formatd (buf, sizeof buf, digits == 15 ? "%.15g" : digits == 16 ? "%.16g" : "%.17g",
                       value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  out = g_string_new (buf);
  g_string_replace (out, ".", ff_number_get_decimal_sign (), 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Removes the thousands signs @sign from the integer part @text, which must group by three;
 * FALSE when they stand elsewhere. */
static gboolean
ungroup (GString    *text,
         const char *sign)
{
  g_auto (GStrv) groups = g_strsplit (text->str, sign, -1);
  guint n = g_strv_length (groups);

  if (n == 1)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (groups[i]);
      const char *digits = groups[i] + (i == 0 && (*groups[i] == '-' || *groups[i] == '+'));

      if ((i == 0 && (strlen (digits) < 1 || strlen (digits) > 3)) || (i > 0 && len != 3))
        return FALSE;
    }
  g_string_assign (text, "");
  for (guint i = 0; i < n; i++)
    g_string_append (text, groups[i]);
  return TRUE;
}

gboolean
ff_number_parse (const char  *text,
                 char       **out_c,
                 GError     **error)
{
  const char *decimal = ff_number_get_decimal_sign ();
  const char *other = g_str_equal (decimal, ",") ? "." : ",";
  g_autoptr (GString) s = NULL;
  g_autofree char *integer = NULL;
  const char *mark;
  char *last_decimal, *last_other;

  *out_c = NULL;
  if (text == NULL)
    return TRUE;
  s = g_string_new (text);
  /* Spaces, no-break and narrow no-break spaces group thousands in some locales. */
  g_string_replace (s, " ", "", 0);
  g_string_replace (s, "\xc2\xa0", "", 0);
  g_string_replace (s, "\xe2\x80\xaf", "", 0);
  if (s->len == 0)
    return TRUE;

  last_decimal = g_strrstr (s->str, decimal);
  last_other = g_strrstr (s->str, other);
  if (last_decimal != NULL && last_other != NULL)
    {
      /* Both signs: the last one is the decimal sign, the others group. */
      gboolean decimal_last = last_decimal > last_other;
      const char *group = decimal_last ? other : decimal;
      char *point = decimal_last ? last_decimal : last_other;
      g_autoptr (GString) head = g_string_new_len (s->str, point - s->str);

      if (!ungroup (head, group))
        goto ambiguous;
      g_string_append_printf (head, ".%s", point + 1);
      g_string_assign (s, head->str);
    }
  else if (last_decimal != NULL || last_other != NULL)
    {
      const char *sign = last_decimal ? decimal : other;
      char *first = strstr (s->str, sign);
      char *last = last_decimal ? last_decimal : last_other;

      if (first != last)
        {
          /* One sign several times: it groups thousands ("1.234.567" in German). */
          if (g_str_equal (sign, decimal) || !ungroup (s, sign))
            goto ambiguous;
        }
      else if (!g_str_equal (sign, decimal) && strlen (last + 1) == 3
               && strspn (last + 1, "0123456789") == 3 && last != s->str)
        /* "1.234" where the decimal sign is a comma: a thousand, or one and a quarter? */
        goto ambiguous;
      else
        *last = '.';
    }
  mark = s->str;
  if (*mark == '+' || *mark == '-')
    mark++;
  if (*mark == '\0' || strspn (mark, "0123456789.eE+-") != strlen (mark))
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID, _("“%s” is not a number"), text);
      return FALSE;
    }
  *out_c = g_string_free (g_steal_pointer (&s), FALSE);
  return TRUE;

ambiguous:
  g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
               /* Translators: %s is what was typed, then the decimal sign of the locale */
               _("“%s” could be read two ways: write the number without thousands signs, with "
                 "“%s” before the decimals"), text, decimal);
  return FALSE;
}
