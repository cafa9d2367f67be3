/* ff-csv.c — RFC 4180 CSV: quoting for writers. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include <string.h>

#include "ff-csv.h"

void
ff_csv_append_field (GString    *out,
                     const char *value)
{
  gsize len;

  if (value == NULL || *value == '\0')
    return;
  len = strlen (value);
  if (strpbrk (value, ",\"\r\n") == NULL && value[0] != ' ' && value[len - 1] != ' ')
    {
      g_string_append_len (out, value, (gssize) len);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
ff_csv_append_record (GString           *out,
                      const char *const *fields,
                      guint              n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      ff_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}
