/* ff-log.c — FoodFlow's GLib log writer: JSON lines on stderr or GLib's default output. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-core"

#include "ff-log.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static gboolean log_json;
/* g_log_writer_default() makes levels in g_log_set_always_fatal() fatal (G_DEBUG=fatal-warnings,
 * g_test_init()); our JSON path has to do the same. GLib offers no getter, so this is read once
 * in ff_log_init(). */
static GLogLevelFlags log_always_fatal = G_LOG_LEVEL_ERROR;
static GPrivate request_id_key = G_PRIVATE_INIT (g_free);

void
ff_log_set_request_id (const char *request_id)
{
  g_private_replace (&request_id_key, g_strdup (request_id));
}

const char *
ff_log_get_request_id (void)
{
  return g_private_get (&request_id_key);
}

static const char *
level_name (GLogLevelFlags level)
{
  /* The most severe level bit wins, as in GLib. */
  if (level & G_LOG_LEVEL_ERROR)
    return "error";
  if (level & G_LOG_LEVEL_CRITICAL)
    return "critical";
  if (level & G_LOG_LEVEL_WARNING)
    return "warning";
  if (level & G_LOG_LEVEL_MESSAGE)
    return "message";
  if (level & G_LOG_LEVEL_INFO)
    return "info";
  if (level & G_LOG_LEVEL_DEBUG)
    return "debug";
  return "message";
}

/* The value of field @key as a NUL-terminated, valid UTF-8 string, or NULL when absent. */
static char *
field_dup (const GLogField *fields,
           gsize            n_fields,
           const char      *key)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, key) == 0 && fields[i].value != NULL)
        return g_utf8_make_valid (fields[i].value, fields[i].length);
    }

  return NULL;
}

static gboolean
has_field (const GLogField *fields,
           gsize            n_fields,
           const char      *key)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, key) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Appends @str (valid UTF-8) as a JSON string; non-ASCII text is kept as it is. */
static void
append_json_string (GString    *out,
                    const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

static void
append_time (GString *out,
             gint64   unix_us)
{
  gint64 secs = unix_us / G_USEC_PER_SEC;
  gint64 us = unix_us % G_USEC_PER_SEC;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;

  /* Round towards the past for times before 1970, so the fraction stays non-negative. */
  if (us < 0)
    {
      secs--;
      us += G_USEC_PER_SEC;
    }

  dt = g_date_time_new_from_unix_utc (secs);
  if (dt == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  text = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  g_string_append_printf (out, "\"%s.%03dZ\"", text, (int) (us / 1000));
}

/* Pure: the output depends only on the arguments. The writer adds the calling thread's request id
 * as an FF_REQUEST_ID field before calling this. */
char *
ff_log_format_json (GLogLevelFlags   level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gint64           unix_us)
{
  g_autofree char *domain = NULL;
  g_autofree char *message = NULL;
  g_autofree char *request_id = NULL;
  GString *out;

  g_return_val_if_fail (fields != NULL || n_fields == 0, NULL);

  domain = field_dup (fields, n_fields, "GLIB_DOMAIN");
  message = field_dup (fields, n_fields, "MESSAGE");
  request_id = field_dup (fields, n_fields, "FF_REQUEST_ID");
  out = g_string_sized_new (128);

  g_string_append (out, "{\"time\":");
  append_time (out, unix_us);
  g_string_append (out, ",\"level\":");
  append_json_string (out, level_name (level));
  g_string_append (out, ",\"domain\":");
  if (domain != NULL)
    append_json_string (out, domain);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\"message\":");
  append_json_string (out, message != NULL ? message : "");
  if (request_id != NULL)
    {
      g_string_append (out, ",\"request_id\":");
      append_json_string (out, request_id);
    }
  g_string_append_c (out, '}');

  return g_string_free (out, FALSE);
}

static void
write_json (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields)
{
  const char *request_id = ff_log_get_request_id ();
  g_autofree GLogField *with_id = NULL;
  g_autofree char *line = NULL;
  gsize len;

  if (request_id != NULL && !has_field (fields, n_fields, "FF_REQUEST_ID"))
    {
      with_id = g_new (GLogField, n_fields + 1);
      memcpy (with_id, fields, n_fields * sizeof (GLogField));
      with_id[n_fields] = (GLogField) { "FF_REQUEST_ID", request_id, -1 };
      fields = with_id;
      n_fields++;
    }

  line = ff_log_format_json (level, fields, n_fields, g_get_real_time ());
  /* One write of the whole line (stderr is unbuffered) keeps lines from different threads
   * whole. */
  len = strlen (line);
  line = g_realloc (line, len + 2);
  line[len] = '\n';
  line[len + 1] = '\0';
  fwrite (line, 1, len + 1, stderr);
  fflush (stderr);
}

static GLogWriterOutput
ff_log_writer (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  g_autofree char *domain = NULL;

  if (!log_json)
    return g_log_writer_default (level, fields, n_fields, user_data);

  domain = field_dup (fields, n_fields, "GLIB_DOMAIN");
  if (g_log_writer_default_would_drop (level, domain))
    return G_LOG_WRITER_HANDLED;

  write_json (level, fields, n_fields);

  /* As g_log_writer_default(): g_log() has already applied the fatal masks to old-API messages
   * and aborts by itself. */
  if ((level & log_always_fatal) && !has_field (fields, n_fields, "GLIB_OLD_LOG_API"))
    level |= G_LOG_FLAG_FATAL;
  if (level & G_LOG_FLAG_FATAL)
    {
      /* A test subprocess that logs a fatal message usually means to. */
      if (g_test_subprocess ())
        _exit (1);
      g_abort ();
    }

  return G_LOG_WRITER_HANDLED;
}

void
ff_log_init (void)
{
  static gsize installed = 0;

  /* GLib aborts when a writer is installed twice. */
  if (g_once_init_enter (&installed))
    {
      log_json = g_strcmp0 (g_getenv ("FOODFLOW_LOG"), "json") == 0;
      log_always_fatal = g_log_set_always_fatal (G_LOG_LEVEL_ERROR);
      g_log_set_always_fatal (log_always_fatal);
      g_log_set_writer_func (ff_log_writer, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
