/* ff-kind-csv.c — CSV export and import of the records of one kind. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ff-csv.h"
#include "ff-error.h"
#include "ff-kind-csv.h"
#include "ff-record-repository.h"

GPtrArray *
ff_kind_csv_columns (const FfKind *kind)
{
  GPtrArray *columns = g_ptr_array_new ();

  for (const FfField *f = kind->fields; f->name != NULL; f++)
    g_ptr_array_add (columns, (gpointer) f->name);
  return columns;
}

/* Export ------------------------------------------------------------------------------------ */

typedef struct
{
  GOutputStream      *out;
  GCancellable       *cancellable;
  GString            *buffer;
  guint64             count;
  FfRecordRepository *repo;
} ExportData;

static gboolean
flush (ExportData  *data,
       gsize        threshold,
       GError     **error)
{
  if (data->buffer->len < threshold)
    return TRUE;
  if (!g_output_stream_write_all (data->out, data->buffer->str, data->buffer->len, NULL,
                                  data->cancellable, error))
    return FALSE;
  g_string_truncate (data->buffer, 0);
  return TRUE;
}

static gboolean
export_record_cb (FfRecord  *record,
                  gpointer   user_data,
                  GError   **error)
{
  ExportData *data = user_data;
  const FfKind *kind = ff_record_get_kind (record);
  guint n = ff_kind_get_n_fields (kind);
  const char *values[n];
  g_autoptr (GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      const FfField *field = &kind->fields[i];

      if (field->type == FF_FIELD_REF)
        values[i] = ff_record_get_ref_code (record, i);
      else if (field->type == FF_FIELD_BLOB && ff_record_get_nth (record, i) != NULL)
        {
          /* Binary content travels as base64, so an export imports back whole. */
          g_autoptr (GBytes) bytes = ff_record_repository_load_blob (data->repo,
                                                                     ff_record_get_id (record),
                                                                     field->name, error);
          if (bytes == NULL)
            return FALSE;
          values[i] = g_base64_encode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
          g_ptr_array_add (owned, (gpointer) values[i]);
        }
      else
        values[i] = ff_record_get_nth (record, i);
    }
  ff_csv_append_record (data->buffer, values, n);
  data->count++;
  if ((data->count & 0x3ff) == 0 && g_cancellable_set_error_if_cancelled (data->cancellable, error))
    return FALSE;
  return flush (data, 64 * 1024, error);
}

gboolean
ff_kind_csv_export (FfStore        *store,
                    const FfKind   *kind,
                    GOutputStream  *out,
                    guint64        *out_count,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autoptr (FfRecordRepository) repo = NULL;
  g_autoptr (GString) buffer = g_string_new (NULL);
  g_autoptr (GPtrArray) columns = NULL;
  ExportData data = { out, cancellable, buffer, 0, NULL };

  g_return_val_if_fail (FF_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  columns = ff_kind_csv_columns (kind);
  ff_csv_append_record (buffer, (const char *const *) columns->pdata, columns->len);

  repo = ff_record_repository_new (store, kind);
  data.repo = repo;
  if (!ff_record_repository_foreach (repo, export_record_cb, &data, error)
      || !flush (&data, 0, error))
    return FALSE;
  if (out_count)
    *out_count = data.count;
  return TRUE;
}

/* Import ------------------------------------------------------------------------------------ */

typedef struct
{
  FfStore       *store;
  const FfActor *actor;
  const FfKind  *kind;
  FfRecordRepository *repo;
  GHashTable    *ref_repos;  /* kind name -> FfRecordRepository */
  GHashTable    *ref_ids;    /* "kind\x1fcode" -> id, of references resolved so far */
  int           *field_of;   /* per column: field index */
  guint          n_columns;
  GPtrArray     *problems;
} ImportData;

static void
problem (ImportData *data,
         guint       line,
         int         column,
         const char *message)
{
  if (column > 0)
    g_ptr_array_add (data->problems, g_strdup_printf (_("line %u, column %d: %s"), line, column,
                                                      message));
  else
    g_ptr_array_add (data->problems, g_strdup_printf (_("line %u: %s"), line, message));
}

/* The column (1-based) that holds @field, or 0. */
static int
column_of_field (ImportData *data,
                 const char *field)
{
  for (guint c = 0; c < data->n_columns; c++)
    if (data->field_of[c] >= 0 && g_str_equal (data->kind->fields[data->field_of[c]].name, field))
      return (int) c + 1;
  return 0;
}

/* A field that is not UTF-8 text: reported at its place, the row skipped. */
static gboolean
fields_are_utf8 (ImportData  *data,
                 char       **row,
                 guint        line)
{
  gboolean ok = TRUE;

  for (guint c = 0; row[c] != NULL; c++)
    if (!g_utf8_validate (row[c], -1, NULL))
      {
        problem (data, line, (int) c + 1, _("the text is not UTF-8"));
        ok = FALSE;
      }
  return ok;
}

static gboolean
read_header (ImportData  *data,
             char       **header,
             GError     **error)
{
  data->n_columns = g_strv_length (header);
  data->field_of = g_new (int, data->n_columns);
  for (guint c = 0; c < data->n_columns; c++)
    {
      g_autofree char *name = g_strstrip (g_strdup (header[c]));
      int index = ff_kind_get_field_index (data->kind, name);

      data->field_of[c] = index;
      if (index < 0)
        {
          g_autofree char *msg = g_strdup_printf (_("“%s” is not a column of %s"), name,
                                                  ff_kind_get_label (data->kind));
          problem (data, 1, (int) c + 1, msg);
          continue;
        }
      for (guint d = 0; d < c; d++)
        if (data->field_of[d] == index)
          {
            g_autofree char *msg = g_strdup_printf (_("the column “%s” appears twice"), name);
            problem (data, 1, (int) c + 1, msg);
          }
    }
  for (const FfField *f = data->kind->fields; f->name != NULL; f++)
    if ((f->flags & FF_FIELD_REQUIRED) && column_of_field (data, f->name) == 0)
      {
        g_autofree char *msg = g_strdup_printf (_("the required column “%s” is missing"), f->name);
        problem (data, 1, 0, msg);
      }
  return data->problems->len == 0;
}

/* The id of the @ref_kind record with @code, or NULL. */
static const char *
resolve_ref (ImportData    *data,
             const FfKind  *ref_kind,
             const char    *code,
             GError       **error)
{
  g_autofree char *key = g_strconcat (ref_kind->name, "\x1f", code, NULL);
  FfRecordRepository *repo;
  g_autoptr (FfRecord) record = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *id;

  id = g_hash_table_lookup (data->ref_ids, key);
  if (id != NULL)
    return id;
  repo = g_hash_table_lookup (data->ref_repos, ref_kind->name);
  if (repo == NULL)
    {
      repo = ff_record_repository_new (data->store, ref_kind);
      g_hash_table_insert (data->ref_repos, (gpointer) ref_kind->name, repo);
    }
  record = ff_record_repository_find_by_code (repo, code, &local_error);
  if (record == NULL)
    {
      if (!g_error_matches (local_error, FF_ERROR, FF_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  id = g_strdup (ff_record_get_id (record));
  g_hash_table_insert (data->ref_ids, g_steal_pointer (&key), (gpointer) id);
  return id;
}

/* Builds and inserts one row; problems go to data->problems. FALSE only for failures that are
 * not the row's fault (the database). */
static gboolean
import_row (ImportData  *data,
            char       **row,
            guint        line,
            GError     **error)
{
  g_autoptr (FfRecord) record = ff_record_new (data->kind);
  g_autoptr (GPtrArray) field_problems = NULL;
  g_autoptr (GError) local_error = NULL;
  guint n = g_strv_length (row);
  guint before = data->problems->len;

  if (!fields_are_utf8 (data, row, line))
    return TRUE;
  if (n != data->n_columns)
    {
      g_autofree char *msg = g_strdup_printf (_("%u fields where the header has %u"), n,
                                              data->n_columns);
      problem (data, line, 0, msg);
      return TRUE;
    }
  for (guint c = 0; c < n; c++)
    {
      const FfField *field = &data->kind->fields[data->field_of[c]];
      g_autofree char *value = g_strstrip (g_strdup (row[c]));

      if (field->type == FF_FIELD_BLOB && *value != '\0')
        {
          g_autoptr (GBytes) bytes = NULL;
          gsize size = 0;
          guchar *decoded;

          if (strspn (value, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
              != strlen (value))
            {
              g_autofree char *msg = g_strdup_printf (_("%s is not base64-encoded content"),
                                                      field->name);
              problem (data, line, (int) c + 1, msg);
              continue;
            }
          decoded = g_base64_decode (value, &size);
          bytes = g_bytes_new_take (decoded, size);
          ff_record_set_blob (record, (guint) data->field_of[c], bytes);
        }
      else if (field->type == FF_FIELD_REF && *value != '\0')
        {
          const FfKind *ref_kind = ff_field_get_ref_kind (field);
          const char *id = resolve_ref (data, ref_kind, value, error);

          if (id == NULL)
            {
              g_autofree char *msg = NULL;
              if (error && *error)
                return FALSE;
              msg = g_strdup_printf (_("%s refers to “%s”, but there is no %s with that code"),
                                     field->name, value, ff_kind_get_label_singular (ref_kind));
              problem (data, line, (int) c + 1, msg);
              continue;
            }
          ff_record_set_nth (record, (guint) data->field_of[c], id);
        }
      else
        ff_record_set_nth (record, (guint) data->field_of[c], value);
    }
  if (data->problems->len > before)
    return TRUE;

  field_problems = ff_record_repository_validate (data->repo, record, error);
  if (field_problems == NULL)
    return FALSE;
  for (guint i = 0; i < field_problems->len; i++)
    {
      FfFieldError *fe = g_ptr_array_index (field_problems, i);
      const FfField *field = fe->field ? ff_kind_get_field (data->kind, fe->field) : NULL;
      int column = fe->field ? column_of_field (data, fe->field) : 0;
      g_autofree char *msg = field != NULL ? g_strdup_printf ("%s %s", field->name, fe->message)
                                           : g_strdup (fe->message);
      problem (data, line, column, msg);
    }
  if (field_problems->len > 0)
    return TRUE;

  if (!ff_record_repository_insert (data->repo, data->actor, record, _("Imported from CSV"),
                                    &local_error))
    {
      if (g_error_matches (local_error, FF_ERROR, FF_ERROR_PERMISSION))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      problem (data, line, 0, local_error->message);
    }
  return TRUE;
}

gboolean
ff_kind_csv_import (FfStore        *store,
                    const FfActor  *actor,
                    const FfKind   *kind,
                    const char     *text,
                    gsize           length,
                    guint64        *out_count,
                    GPtrArray     **out_problems,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autoptr (FfCsvReader) reader = NULL;
  g_autoptr (FfRecordRepository) repo = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  ImportData data = { 0 };
  guint64 count = 0;
  gboolean ok = FALSE;
  char **row;
  guint line = 0;

  g_return_val_if_fail (FF_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL && text != NULL, FALSE);

  if (out_problems)
    *out_problems = NULL;
  if (actor == NULL || !ff_kind_role_can_write (kind, actor->role))
    {
      g_set_error (error, FF_ERROR, FF_ERROR_PERMISSION, _("Your role (%s) may not change %s"),
                   actor ? ff_role_get_label (actor->role) : "?", ff_kind_get_label (kind));
      return FALSE;
    }
  repo = ff_record_repository_new (store, kind);
  data.store = store;
  data.actor = actor;
  data.kind = kind;
  data.repo = repo;
  data.problems = problems;
  data.ref_repos = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  data.ref_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  reader = ff_csv_reader_new (text, length);
  row = ff_csv_reader_next (reader, &line, error);
  if (row == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error_literal (error, FF_ERROR, FF_ERROR_INVALID,
                             _("The file is empty: it needs a header row of column names"));
      goto out;
    }
  if (!fields_are_utf8 (&data, row, line) || !read_header (&data, row, error))
    goto report;

  /* One transaction: the file lands whole or not at all. Rows are inserted as they are read so
   * that later rows see earlier ones (a code used twice, a lot made from a lot above it). */
  if (!ff_store_begin (store, error))
    goto out;
  while ((row = ff_csv_reader_next (reader, &line, error)) != NULL)
    {
      /* A blank line (one empty field) is not a record. */
      if (row[0] != NULL && row[1] == NULL && *g_strstrip (row[0]) == '\0')
        continue;
      if (!import_row (&data, row, line, error))
        {
          ff_store_rollback (store);
          goto out;
        }
      count++;
      if ((count & 0x3ff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ff_store_rollback (store);
          goto out;
        }
    }
  if (error && *error)
    {
      /* The CSV itself is malformed there (its message names line and column): one more
       * problem, after which the rest cannot be read. */
      g_ptr_array_add (problems, g_strdup ((*error)->message));
      g_clear_error (error);
    }
  if (problems->len > 0)
    {
      ff_store_rollback (store);
      goto report;
    }
  ok = ff_store_commit (store, error);
  if (ok && out_count)
    *out_count = count;
  goto out;

report:
  g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE, "Nothing was imported: %u problem in the file; first: %s",
                            "Nothing was imported: %u problems in the file; first: %s",
                            problems->len),
               problems->len, (const char *) g_ptr_array_index (problems, 0));
  if (out_problems)
    *out_problems = g_ptr_array_ref (problems);

out:
  g_hash_table_unref (data.ref_repos);
  g_hash_table_unref (data.ref_ids);
  g_free (data.field_of);
  return ok;
}
