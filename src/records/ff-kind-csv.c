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

void
ff_kind_csv_import_clear (FfKindCsvImport *report)
{
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  memset (report, 0, sizeof *report);
}

typedef struct
{
  guint  line;
  int    column;   /* 1-based field, 0 for the whole row, -1: the message says where */
  guint  seq;      /* the order found in, within a line */
  char  *message;
} Problem;

typedef struct
{
  char  **fields;
  guint   line;
} DeferredRow;

typedef enum {
  ROW_DONE,      /* inserted, or a problem recorded */
  ROW_UNCHANGED, /* the same record is already there */
  ROW_DEFERRED,  /* refers to a record of its own kind further down the file */
  ROW_FAILED,    /* not the row's fault: the database (error set) */
} RowResult;

typedef struct
{
  FfStore            *store;
  const FfActor      *actor;
  const FfKind       *kind;
  FfRecordRepository *repo;
  GHashTable         *ref_repos;  /* kind name -> FfRecordRepository */
  GHashTable         *ref_ids;    /* "kind\x1fcode" -> id, of references resolved so far */
  int                *field_of;   /* per column: field index */
  guint               n_columns;
  GArray             *problems;   /* Problem, the first FF_KIND_CSV_MAX_PROBLEMS in line order */
  guint               n_problems; /* all of them */
  guint64             imported;
  guint64             unchanged;
} ImportData;

static void
problem_clear (gpointer data)
{
  g_free (((Problem *) data)->message);
}

static void
deferred_row_free (gpointer data)
{
  DeferredRow *row = data;

  g_strfreev (row->fields);
  g_free (row);
}

/* Keeps the first problems of the file, by line, however many there are: a file of the wrong
 * kind has a problem on every row. */
static void
problem (ImportData *data,
         guint       line,
         int         column,
         const char *message)
{
  Problem p = { line, column, data->n_problems, NULL };
  guint last = 0;

  data->n_problems++;
  if (data->problems->len >= FF_KIND_CSV_MAX_PROBLEMS)
    {
      for (guint i = 1; i < data->problems->len; i++)
        if (g_array_index (data->problems, Problem, i).line
            > g_array_index (data->problems, Problem, last).line)
          last = i;
      if (g_array_index (data->problems, Problem, last).line <= line)
        return;
      g_array_remove_index_fast (data->problems, last);
    }
  p.message = g_strdup (message);
  g_array_append_val (data->problems, p);
}

static int
problem_compare (gconstpointer a,
                 gconstpointer b)
{
  const Problem *pa = a, *pb = b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  return (pa->seq > pb->seq) - (pa->seq < pb->seq);
}

/* The problems as people read them, in file order. */
static GPtrArray *
problem_texts (ImportData *data)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  g_array_sort (data->problems, problem_compare);
  for (guint i = 0; i < data->problems->len; i++)
    {
      const Problem *p = &g_array_index (data->problems, Problem, i);

      if (p->column < 0)
        g_ptr_array_add (texts, g_strdup (p->message));
      else if (p->column > 0)
        /* Translators: where in a CSV file a problem is, then what it is. */
        g_ptr_array_add (texts, g_strdup_printf (_("line %u, column %d: %s"), p->line, p->column,
                                                 p->message));
      else
        /* Translators: the line of a CSV file with a problem, then what it is. */
        g_ptr_array_add (texts, g_strdup_printf (_("line %u: %s"), p->line, p->message));
    }
  return texts;
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
             char       **header)
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
          /* Translators: a CSV column and a record kind's command-line name ("lines") */
          g_autofree char *msg = g_strdup_printf (_("“%s” is not a column of %s"), name,
                                                  data->kind->name);
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
  return data->n_problems == 0;
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

/* A row whose natural key is taken: the same values are the same record (a file imported again
 * changes nothing); other values are a conflict, named field by field. */
static RowResult
compare_with_recorded (ImportData  *data,
                       FfRecord    *record,
                       guint        line,
                       int          column,
                       const char  *taken,
                       GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (FfRecord) existing = NULL;
  g_autoptr (GString) differences = g_string_new (NULL);
  g_autofree char *msg = NULL;

  if (data->kind->natural_key != NULL)
    existing = ff_record_repository_find_by_natural_key (data->repo, record, &local_error);
  else
    existing = ff_record_repository_find_by_code (data->repo,
                                                  ff_record_get (record, data->kind->code_field),
                                                  &local_error);
  if (existing == NULL)
    {
      if (local_error != NULL && !g_error_matches (local_error, FF_ERROR, FF_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return ROW_FAILED;
        }
      problem (data, line, column, taken);
      return ROW_DONE;
    }
  for (guint i = 0; data->kind->fields[i].name != NULL; i++)
    {
      const FfField *field = &data->kind->fields[i];
      g_autofree char *here = NULL, *there = NULL;

      if (field->type == FF_FIELD_BLOB
          || ff_field_values_equal (field, ff_record_get_nth (record, i),
                                    ff_record_get_nth (existing, i)))
        continue;
      here = ff_record_format_nth (record, i);
      there = ff_record_format_nth (existing, i);
      /* Translators: one difference between a CSV row and the record already kept: the field,
       * the file's value and the recorded one. */
      g_string_append_printf (differences, _("%s%s %s here, %s recorded"),
                              differences->len ? "; " : "", field->name,
                              *here ? here : _("(empty)"), *there ? there : _("(empty)"));
    }
  if (differences->len == 0)
    return ROW_UNCHANGED;
  /* Translators: what is taken (the kind's phrase for its natural key, or its code), then how
   * the row differs. */
  msg = g_strdup_printf (_("%s, with other values: %s"), taken, differences->str);
  problem (data, line, column, msg);
  return ROW_DONE;
}

/* Builds and inserts one row; problems go to data->problems. With @last_pass a reference to a
 * record of the same kind that is not there is a problem; before, the row waits for the rest
 * of the file (a child may come before its parent). */
static RowResult
import_row (ImportData  *data,
            char       **row,
            guint        line,
            gboolean     last_pass,
            GError     **error)
{
  g_autoptr (FfRecord) record = ff_record_new (data->kind);
  g_autoptr (GPtrArray) field_problems = NULL;
  g_autoptr (GError) local_error = NULL;
  guint n = g_strv_length (row);
  guint before = data->n_problems;
  gboolean duplicate_only = TRUE;

  if (!fields_are_utf8 (data, row, line))
    return ROW_DONE;
  if (n != data->n_columns)
    {
      g_autofree char *msg = g_strdup_printf (_("%u fields where the header has %u"), n,
                                              data->n_columns);
      problem (data, line, 0, msg);
      return ROW_DONE;
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
          const char *id = resolve_ref (data, ref_kind, value, &local_error);

          if (id == NULL)
            {
              g_autofree char *msg = NULL;

              if (local_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return ROW_FAILED;
                }
              if (ref_kind == data->kind && !last_pass && data->n_problems == before)
                return ROW_DEFERRED;
              /* Translators: a CSV column ("plant") and the code in it */
              msg = g_strdup_printf (_("%s refers to “%s”, but no record has that code"),
                                     field->name, value);
              problem (data, line, (int) c + 1, msg);
              continue;
            }
          ff_record_set_nth (record, (guint) data->field_of[c], id);
        }
      else
        ff_record_set_nth (record, (guint) data->field_of[c], value);
    }
  if (data->n_problems > before)
    return ROW_DONE;

  field_problems = ff_record_repository_validate (data->repo, record, error);
  if (field_problems == NULL)
    return ROW_FAILED;
  for (guint i = 0; i < field_problems->len; i++)
    duplicate_only = duplicate_only && ((FfFieldError *) g_ptr_array_index (field_problems, i))->duplicate;
  if (field_problems->len > 0 && duplicate_only)
    {
      FfFieldError *fe = g_ptr_array_index (field_problems, 0);
      g_autofree char *taken = fe->field != NULL ? g_strdup_printf ("%s %s", fe->field,
                                                                    fe->message)
                                                 : g_strdup (fe->message);

      return compare_with_recorded (data, record, line,
                                    fe->field ? column_of_field (data, fe->field) : 0, taken,
                                    error);
    }
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
    return ROW_DONE;

  if (!ff_record_repository_insert (data->repo, data->actor, record, _("Imported from CSV"),
                                    &local_error))
    {
      if (!g_error_matches (local_error, FF_ERROR, FF_ERROR_INVALID)
          && !g_error_matches (local_error, FF_STORE_ERROR, FF_STORE_ERROR_CONSTRAINT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return ROW_FAILED;
        }
      problem (data, line, 0, local_error->message);
      return ROW_DONE;
    }
  data->imported++;
  return ROW_DONE;
}

static RowResult
count_row (ImportData  *data,
           char       **row,
           guint        line,
           gboolean     last_pass,
           GPtrArray   *deferred,
           GError     **error)
{
  RowResult result = import_row (data, row, line, last_pass, error);

  if (result == ROW_UNCHANGED)
    data->unchanged++;
  else if (result == ROW_DEFERRED)
    {
      DeferredRow *d = g_new0 (DeferredRow, 1);
      d->fields = g_strdupv (row);
      d->line = line;
      g_ptr_array_add (deferred, d);
    }
  return result;
}

/* Rows that refer to records of their kind further down the file, again until no more of them
 * can be placed; what is left refers to nothing. */
static gboolean
import_deferred (ImportData  *data,
                 GPtrArray   *deferred,
                 GError     **error)
{
  gboolean last_pass = FALSE;

  while (deferred->len > 0)
    {
      g_autoptr (GPtrArray) waiting = g_steal_pointer (&deferred);
      guint before = waiting->len;

      deferred = g_ptr_array_new_with_free_func (deferred_row_free);
      for (guint i = 0; i < waiting->len; i++)
        {
          DeferredRow *row = g_ptr_array_index (waiting, i);
          if (count_row (data, row->fields, row->line, last_pass, deferred, error) == ROW_FAILED)
            {
              g_ptr_array_unref (deferred);
              return FALSE;
            }
        }
      if (deferred->len == before)
        last_pass = TRUE;
    }
  g_ptr_array_unref (deferred);
  return TRUE;
}

gboolean
ff_kind_csv_import (FfStore          *store,
                    const FfActor    *actor,
                    const FfKind     *kind,
                    GInputStream     *in,
                    FfKindCsvImport  *report,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_autoptr (FfCsvReader) reader = NULL;
  g_autoptr (FfRecordRepository) repo = NULL;
  g_autoptr (GPtrArray) deferred = g_ptr_array_new_with_free_func (deferred_row_free);
  g_autoptr (GError) syntax_error = NULL;
  ImportData data = { 0 };
  gboolean in_transaction = FALSE;
  gboolean ok = FALSE;
  guint64 rows = 0;
  char **row;
  guint line = 0;

  g_return_val_if_fail (FF_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL && G_IS_INPUT_STREAM (in) && report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  if (actor == NULL || !ff_kind_role_can_write (kind, actor->role))
    {
      /* Translators: a role ("Viewer") and a record kind's command-line name ("lots") */
      g_set_error (error, FF_ERROR, FF_ERROR_PERMISSION, _("Your role (%s) may not change %s"),
                   actor ? ff_role_get_label (actor->role) : "?", kind->name);
      return FALSE;
    }
  repo = ff_record_repository_new (store, kind);
  data.store = store;
  data.actor = actor;
  data.kind = kind;
  data.repo = repo;
  data.problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (data.problems, problem_clear);
  data.ref_repos = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  data.ref_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  reader = ff_csv_reader_new_for_stream (in);
  row = ff_csv_reader_next (reader, &line, cancellable, &syntax_error);
  if (row == NULL)
    {
      if (syntax_error != NULL && syntax_error->domain == FF_ERROR)
        problem (&data, 1, -1, syntax_error->message);
      else if (syntax_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&syntax_error));
          goto out;
        }
      else
        {
          g_set_error_literal (error, FF_ERROR, FF_ERROR_INVALID,
                               _("The file is empty: it needs a header row of column names"));
          goto out;
        }
      goto report;
    }
  if (!fields_are_utf8 (&data, row, line) || !read_header (&data, row))
    goto report;

  /* One transaction, begun with the first record (a file of only a header writes nothing): the
   * file lands whole or not at all. Rows are inserted as they are read so that later rows see
   * earlier ones (a code used twice, a lot made from a lot above it). */
  while ((row = ff_csv_reader_next (reader, &line, cancellable, &syntax_error)) != NULL)
    {
      /* A blank line (one empty field) is not a record. */
      if (row[0] != NULL && row[1] == NULL && *g_strstrip (row[0]) == '\0')
        continue;
      if (!in_transaction)
        {
          if (!ff_store_begin (store, error))
            goto out;
          in_transaction = TRUE;
        }
      if (count_row (&data, row, line, FALSE, deferred, error) == ROW_FAILED)
        goto out;
      if ((++rows & 0x3ff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
    }
  if (syntax_error != NULL)
    {
      if (syntax_error->domain != FF_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&syntax_error));
          goto out;
        }
      /* The CSV itself is malformed there (the message names line and column): one more
       * problem, after which the rest cannot be read. */
      problem (&data, line, -1, syntax_error->message);
      goto report;
    }
  if (!import_deferred (&data, g_steal_pointer (&deferred), error))
    goto out;
  if (data.n_problems > 0)
    goto report;
  if (in_transaction)
    {
      in_transaction = FALSE;
      if (!ff_store_commit (store, error))
        goto out;
      /* A large file's write-ahead log gives its disk back now, not at the next restart. */
      if (data.imported > 100000)
        ff_store_checkpoint (store);
    }
  report->imported = data.imported;
  report->unchanged = data.unchanged;
  ok = TRUE;
  goto out;

report:
  report->problems = problem_texts (&data);
  report->n_problems = data.n_problems;
  g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
               /* Translators: the number of problems in a CSV file, then the first of them. */
               g_dngettext (GETTEXT_PACKAGE,
                            "Nothing was imported: %u problem in the file; first: %s",
                            "Nothing was imported: %u problems in the file; first: %s",
                            data.n_problems),
               data.n_problems, (const char *) g_ptr_array_index (report->problems, 0));

out:
  if (in_transaction)
    ff_store_rollback (store);
  g_hash_table_unref (data.ref_repos);
  g_hash_table_unref (data.ref_ids);
  g_array_unref (data.problems);
  g_free (data.field_of);
  return ok;
}
