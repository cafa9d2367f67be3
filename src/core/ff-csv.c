/* ff-csv.c — RFC 4180 CSV: quoting for writers, a strict reader that says where it fails. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ff-csv.h"
#include "ff-error.h"

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

struct _FfCsvReader
{
  const char *text;
  gsize       length;
  gsize       pos;
  guint       line;
  GPtrArray  *fields;
};

FfCsvReader *
ff_csv_reader_new (const char *text,
                   gsize       length)
{
  FfCsvReader *reader = g_new0 (FfCsvReader, 1);

  reader->text = text;
  reader->length = length;
  reader->line = 1;
  reader->fields = g_ptr_array_new_with_free_func (g_free);
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    reader->pos = 3;
  return reader;
}

void
ff_csv_reader_free (FfCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_ptr_array_unref (reader->fields);
  g_free (reader);
}

static gboolean
at_end (FfCsvReader *r)
{
  return r->pos >= r->length;
}

/* Column (1-based, in characters) of byte @pos on the current line. */
static guint
column_of (FfCsvReader *r,
           gsize        pos)
{
  gsize start = pos;

  while (start > 0 && r->text[start - 1] != '\n')
    start--;
  /* The byte-order mark is not a column of the first line. */
  if (start == 0 && r->length >= 3 && memcmp (r->text, "\xEF\xBB\xBF", 3) == 0)
    start = 3;
  return (guint) g_utf8_strlen (r->text + start, (gssize) (pos - start)) + 1;
}

char **
ff_csv_reader_next (FfCsvReader  *r,
                    guint        *out_line,
                    GError      **error)
{
  g_autoptr (GString) field = g_string_new (NULL);

  g_return_val_if_fail (r != NULL, NULL);

  g_ptr_array_set_size (r->fields, 0);
  if (at_end (r))
    return NULL;
  if (out_line)
    *out_line = r->line;

  for (;;)
    {
      gboolean quoted = FALSE;

      g_string_truncate (field, 0);
      if (!at_end (r) && r->text[r->pos] == '"')
        {
          gsize open_pos = r->pos;
          guint open_line = r->line;

          quoted = TRUE;
          r->pos++;
          for (;;)
            {
              if (at_end (r))
                {
                  g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                               _("line %u, column %u: a quoted field is never closed"),
                               open_line, column_of (r, open_pos));
                  return NULL;
                }
              if (r->text[r->pos] == '"')
                {
                  if (r->pos + 1 < r->length && r->text[r->pos + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      r->pos += 2;
                      continue;
                    }
                  r->pos++;
                  break;
                }
              if (r->text[r->pos] == '\n')
                r->line++;
              g_string_append_c (field, r->text[r->pos++]);
            }
        }
      /* An unquoted field, or what follows a closing quote (which must be a separator). */
      while (!at_end (r) && r->text[r->pos] != ',' && r->text[r->pos] != '\n'
             && !(r->text[r->pos] == '\r' && (r->pos + 1 == r->length
                                              || r->text[r->pos + 1] == '\n')))
        {
          if (quoted || r->text[r->pos] == '"')
            {
              g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                           quoted ? _("line %u, column %u: text after a closing quote")
                                  : _("line %u, column %u: a quote inside an unquoted field"),
                           r->line, column_of (r, r->pos));
              return NULL;
            }
          g_string_append_c (field, r->text[r->pos++]);
        }
      g_ptr_array_add (r->fields, g_strndup (field->str, field->len));

      if (at_end (r))
        break;
      if (r->text[r->pos] == ',')
        {
          r->pos++;
          continue;
        }
      /* End of record: CRLF or LF. */
      if (r->text[r->pos] == '\r')
        r->pos++;
      if (!at_end (r) && r->text[r->pos] == '\n')
        r->pos++;
      r->line++;
      break;
    }
  g_ptr_array_add (r->fields, NULL);
  return (char **) r->fields->pdata;
}
