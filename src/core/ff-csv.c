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

#define CHUNK_SIZE (64 * 1024)

struct _FfCsvReader
{
  GInputStream *stream;
  guint8       *buffer;
  gsize         length;   /* bytes in buffer */
  gsize         pos;      /* next byte to read */
  gboolean      eof;
  GError       *read_error; /* the stream failed: reported by the next call */
  guint         line;
  guint         column;   /* of the next byte, in characters, 1-based */
  gboolean      started;
  GPtrArray    *fields;
  GString      *field;
};

FfCsvReader *
ff_csv_reader_new_for_stream (GInputStream *stream)
{
  FfCsvReader *reader;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  reader = g_new0 (FfCsvReader, 1);
  reader->stream = g_object_ref (stream);
  reader->buffer = g_malloc (CHUNK_SIZE);
  reader->line = 1;
  reader->column = 1;
  reader->fields = g_ptr_array_new_with_free_func (g_free);
  reader->field = g_string_new (NULL);
  return reader;
}

FfCsvReader *
ff_csv_reader_new (const char *text,
                   gsize       length)
{
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_data (text, (gssize) length,
                                                                           NULL);
  return ff_csv_reader_new_for_stream (stream);
}

void
ff_csv_reader_free (FfCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_object_unref (reader->stream);
  g_free (reader->buffer);
  g_clear_error (&reader->read_error);
  g_ptr_array_unref (reader->fields);
  g_string_free (reader->field, TRUE);
  g_free (reader);
}

/* Makes @n bytes from pos readable when the stream has them; FALSE at the end (or on a read
 * error, kept for the caller). */
static gboolean
fill (FfCsvReader  *r,
      gsize         n,
      GCancellable *cancellable)
{
  while (r->length - r->pos < n && !r->eof && r->read_error == NULL)
    {
      gssize got;

      if (r->pos > 0)
        {
          memmove (r->buffer, r->buffer + r->pos, r->length - r->pos);
          r->length -= r->pos;
          r->pos = 0;
        }
      got = g_input_stream_read (r->stream, r->buffer + r->length, CHUNK_SIZE - r->length,
                                 cancellable, &r->read_error);
      if (got < 0)
        return FALSE;
      if (got == 0)
        r->eof = TRUE;
      r->length += (gsize) got;
    }
  return r->length - r->pos >= n;
}

/* The next byte (0..255) without consuming it, or -1 at the end. */
static int
peek (FfCsvReader  *r,
      gsize         ahead,
      GCancellable *cancellable)
{
  if (!fill (r, ahead + 1, cancellable))
    return -1;
  return r->buffer[r->pos + ahead];
}

static void
advance (FfCsvReader *r)
{
  guint8 c = r->buffer[r->pos++];

  if (c == '\n')
    {
      r->line++;
      r->column = 1;
    }
  else if ((c & 0xC0) != 0x80)
    r->column++;  /* continuation bytes belong to the character before them */
}

static char **
fail (FfCsvReader  *r,
      GError      **error,
      guint         line,
      guint         column,
      const char   *what)
{
  /* Translators: a place in a CSV file and what is wrong there. */
  g_set_error (error, FF_ERROR, FF_ERROR_INVALID, _("line %u, column %u: %s"), line, column,
               what);
  return NULL;
}

char **
ff_csv_reader_next (FfCsvReader  *r,
                    guint        *out_line,
                    GCancellable *cancellable,
                    GError      **error)
{
  GString *field;
  int c;

  g_return_val_if_fail (r != NULL, NULL);

  field = r->field;
  g_ptr_array_set_size (r->fields, 0);
  if (!r->started)
    {
      r->started = TRUE;
      /* A UTF-8 byte-order mark is not text: column 1 is what follows it. */
      if (peek (r, 0, cancellable) == 0xEF && peek (r, 1, cancellable) == 0xBB
          && peek (r, 2, cancellable) == 0xBF)
        r->pos += 3;
    }
  if (peek (r, 0, cancellable) < 0)
    {
      if (r->read_error != NULL)
        g_propagate_error (error, g_steal_pointer (&r->read_error));
      return NULL;
    }
  if (out_line)
    *out_line = r->line;

  for (;;)
    {
      gboolean quoted = FALSE;

      g_string_truncate (field, 0);
      if (peek (r, 0, cancellable) == '"')
        {
          guint open_line = r->line, open_column = r->column;

          quoted = TRUE;
          advance (r);
          for (;;)
            {
              c = peek (r, 0, cancellable);
              if (c < 0)
                {
                  if (r->read_error != NULL)
                    {
                      g_propagate_error (error, g_steal_pointer (&r->read_error));
                      return NULL;
                    }
                  return fail (r, error, open_line, open_column,
                               _("a quoted field is never closed"));
                }
              if (c == '\0')
                return fail (r, error, r->line, r->column,
                             _("a NUL byte (code 0), which no field may hold; is this a text "
                               "file?"));
              if (c == '"')
                {
                  advance (r);
                  if (peek (r, 0, cancellable) == '"')
                    {
                      g_string_append_c (field, '"');
                      advance (r);
                      continue;
                    }
                  break;
                }
              g_string_append_c (field, (char) c);
              advance (r);
            }
        }
      /* An unquoted field, or what follows a closing quote (which must be a separator). */
      for (;;)
        {
          c = peek (r, 0, cancellable);
          if (c < 0 || c == ',' || c == '\n')
            break;
          if (c == '\r')
            {
              int next = peek (r, 1, cancellable);
              if (next < 0 || next == '\n')
                break;
            }
          if (quoted)
            return fail (r, error, r->line, r->column, _("text after a closing quote"));
          if (c == '"')
            return fail (r, error, r->line, r->column, _("a quote inside an unquoted field"));
          if (c == '\0')
            return fail (r, error, r->line, r->column,
                         _("a NUL byte (code 0), which no field may hold; is this a text "
                           "file?"));
          g_string_append_c (field, (char) c);
          advance (r);
        }
      if (r->read_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&r->read_error));
          return NULL;
        }
      g_ptr_array_add (r->fields, g_strndup (field->str, field->len));

      if (c < 0)
        break;
      if (c == ',')
        {
          advance (r);
          continue;
        }
      /* End of record: CRLF or LF (or CR at the very end). */
      if (c == '\r')
        advance (r);
      if (peek (r, 0, cancellable) == '\n')
        advance (r);
      else
        {
          /* A lone CR at the end of the text still ends the line. */
          r->line++;
          r->column = 1;
        }
      break;
    }
  g_ptr_array_add (r->fields, NULL);
  return (char **) r->fields->pdata;
}
