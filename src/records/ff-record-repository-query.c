/* ff-record-repository-query.c — reading records: by id or code, counts, queries, pages. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-error.h"
#include "ff-record-repository-private.h"
#include "ff-text.h"

FfRecord *
_ff_record_repository_from_row (FfRecordRepository *self,
                                sqlite3_stmt       *stmt)
{
  FfRecord *record = ff_record_new (self->kind);

  _ff_record_set_meta (record, (const char *) sqlite3_column_text (stmt, 1),
                       sqlite3_column_int64 (stmt, 0),
                       (FfHlcTimestamp) sqlite3_column_int64 (stmt, 2));
  for (guint i = 0; i < self->n_fields; i++)
    {
      int col = FF_RECORD_META_COLUMNS + (int) i;

      /* A number reads back as the text it was given ("100", not SQLite's "100.0"): the same
       * values compare and hash the same whether typed in or loaded. */
      if (sqlite3_column_type (stmt, col) == SQLITE_FLOAT)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          ff_record_set_nth (record, i, ff_decimal_shortest (buf, sizeof buf,
                                                             sqlite3_column_double (stmt, col)));
        }
      else
        ff_record_set_nth (record, i, (const char *) sqlite3_column_text (stmt, col));
      if (self->ref_column[i] >= 0)
        _ff_record_set_ref (record, i,
                            (const char *) sqlite3_column_text (stmt, self->ref_column[i]),
                            (const char *) sqlite3_column_text (stmt, self->ref_column[i] + 1));
    }
  return record;
}

char *
_ff_record_repository_sort_expr (FfRecordRepository *self,
                                 const FfField      *field)
{
  int i = (int) (field - self->kind->fields);

  if (field->type == FF_FIELD_REF)
    {
      const FfKind *ref = ff_field_get_ref_kind (field);
      return g_strdup_printf ("r%d.\"%s\"", i,
                              ref->ref_label_field ? ref->ref_label_field : ref->title_field);
    }
  return g_strdup_printf ("t.\"%s\"", field->name);
}

static FfRecord *
get_one (FfRecordRepository  *self,
         const char          *column,
         const char          *value,
         GError             **error)
{
  const FfField *field = ff_kind_get_field (self->kind, column);
  /* A code is found whatever its case ("l3" finds L3). */
  g_autofree char *sql = g_strdup_printf ("%s WHERE t.\"%s\" = ?%s AND t._deleted = 0",
                                          self->select_sql, column,
                                          field && (field->flags & FF_FIELD_IDENTIFIER)
                                            ? " COLLATE FF_CODE" : "");
  sqlite3_stmt *stmt;
  FfRecord *record = NULL;
  int rc;

  stmt = ff_store_prepare (self->store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = _ff_record_repository_from_row (self, stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    ff_store_set_error (self->store, rc, _("Could not read a record"), error);
  else if (record == NULL)
    /* Translators: a code or name and a record kind's command-line name ("lots") */
    g_set_error (error, FF_ERROR, FF_ERROR_NOT_FOUND, _("Nothing in %s is called “%s”"),
                 self->kind->name, value);
  return record;
}

FfRecord *
ff_record_repository_get (FfRecordRepository  *self,
                          const char          *id,
                          GError             **error)
{
  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return get_one (self, "id", id, error);
}

FfRecord *
ff_record_repository_find_by_code (FfRecordRepository  *self,
                                   const char          *code,
                                   GError             **error)
{
  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  if (self->kind->code_field == NULL)
    {
      /* Translators: a record kind's command-line name ("sensor_readings") */
      g_set_error (error, FF_ERROR, FF_ERROR_NOT_FOUND, _("Records of %s have no code to find "
                                                          "them by"), self->kind->name);
      return NULL;
    }
  return get_one (self, self->kind->code_field, code, error);
}

gboolean
_ff_record_repository_ref_exists (FfRecordRepository  *self,
                                  guint                index,
                                  const char          *id,
                                  gboolean            *exists,
                                  GError             **error)
{
  sqlite3_stmt *stmt = ff_store_prepare (self->store, self->ref_sql[index], error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return ff_store_set_error (self->store, rc, _("Could not check a reference"), error);
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
_ff_record_repository_user_known (FfRecordRepository  *self,
                                  guint                index,
                                  FfRecord            *record,
                                  const char          *username,
                                  gboolean            *known,
                                  GError             **error)
{
  g_autofree char *stored_sql = NULL;
  sqlite3_stmt *stmt = ff_store_prepare (self->store,
                                         "SELECT 1 FROM users WHERE username = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return ff_store_set_error (self->store, rc, _("Could not check a user"), error);
  *known = rc == SQLITE_ROW;
  if (*known || ff_record_get_id (record) == NULL)
    return TRUE;

  stored_sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ? AND \"%s\" = ?",
                                self->kind->table, self->kind->fields[index].name);
  stmt = ff_store_prepare (self->store, stored_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ff_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return ff_store_set_error (self->store, rc, _("Could not check a user"), error);
  *known = rc == SQLITE_ROW;
  return TRUE;
}

GBytes *
ff_record_repository_load_blob (FfRecordRepository  *self,
                                const char          *id,
                                const char          *field,
                                GError             **error)
{
  const FfField *f;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), NULL);
  f = ff_kind_get_field (self->kind, field);
  g_return_val_if_fail (f != NULL && f->type == FF_FIELD_BLOB, NULL);

  sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE id = ?", f->name, self->kind->table);
  stmt = ff_store_prepare (self->store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, FF_ERROR, FF_ERROR_NOT_FOUND, _("No record has the id %s in %s"), id,
                     self->kind->name);
      else
        ff_store_set_error (self->store, rc, _("Could not read a record"), error);
    }
  return bytes;
}

gint64
ff_record_repository_count (FfRecordRepository  *self,
                            GError             **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), -1);

  sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE _deleted = 0", self->kind->table);
  stmt = ff_store_prepare (self->store, sql, error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    ff_store_set_error (self->store, rc, _("Could not count records"), error);
  sqlite3_reset (stmt);
  return n;
}

static char *
like_pattern (const char *search)
{
  GString *s = g_string_new ("%");

  for (const char *p = search; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

/* At most this many referenced records are named in a search's SQL; more are matched by a
 * subquery instead. */
#define MAX_REF_IDS 200

/* "ff_search_fold (a) LIKE ?1 ESCAPE '\\' OR ..." over what names a record of @ref: its code,
 * the label references show and its title (a SKU is found by its code and its description). */
static char *
ref_name_condition (const FfKind *ref,
                    const char   *param)
{
  const char *names[] = { ref->code_field ? ref->code_field : "id", ref->ref_label_field,
                          ref->title_field };
  g_autoptr (GString) sql = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gboolean repeated = FALSE;

      for (guint j = 0; j < i; j++)
        repeated = repeated || g_strcmp0 (names[i], names[j]) == 0;
      if (names[i] == NULL || repeated)
        continue;
      g_string_append_printf (sql, "%sff_search_fold (\"%s\") LIKE %s ESCAPE '\\'",
                              sql->len ? " OR " : "", names[i], param);
    }
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* The ids of the records of @ref whose names hold @pattern (folded LIKE), at most
 * MAX_REF_IDS + 1 of them; NULL on an error. */
static GPtrArray *
matching_ref_ids (FfRecordRepository  *self,
                  const FfKind        *ref,
                  const char          *pattern,
                  GError             **error)
{
  g_autofree char *condition = ref_name_condition (ref, "?1");
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE %s LIMIT %d", ref->table,
                                          condition, MAX_REF_IDS + 1);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = ff_store_prepare (self->store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ff_store_set_error (self->store, rc, _("Could not query records"), error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Appends " AND (...)" over the searchable fields, each condition one an index can serve: a
 * reference finds the matching referenced records first (a small table) and names them, so the
 * rows that point at them come through the reference's index (in the list's order, without a
 * sort, when one record matches and the index holds the sort column); a kind that grows with the
 * work searches its own text in the narrow <table>_search that triggers keep (migration 0005).
 * A million POS rows are so searched by store or SKU without reading them all. Text compares
 * regardless of case, in any script (ff_search_fold). Values to bind are added to @binds in the
 * order of their "?". @by_reference tells whether every match comes through a reference's index
 * (no text of the kind's own is searched). */
static gboolean
append_search (FfRecordRepository  *self,
               GString             *sql,
               const char          *pattern,
               GPtrArray           *binds,
               gboolean            *by_reference,
               GError             **error)
{
  g_autoptr (GString) terms = g_string_new (NULL);
  /* Two references to one kind (a genealogy link's input and output lot) look it up once. */
  g_autoptr (GHashTable) found = g_hash_table_new_full (NULL, NULL, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  gboolean own_text = FALSE;

  *by_reference = TRUE;
  for (guint i = 0; i < self->n_fields; i++)
    {
      const FfField *field = &self->kind->fields[i];

      if (!(field->flags & FF_FIELD_SEARCH))
        continue;
      if (field->type == FF_FIELD_REF)
        {
          const FfKind *ref = ff_field_get_ref_kind (field);
          GPtrArray *known = g_hash_table_lookup (found, ref);
          g_autoptr (GPtrArray) ids = NULL;

          if (known == NULL)
            {
              known = matching_ref_ids (self, ref, pattern, error);
              if (known == NULL)
                return FALSE;
              g_hash_table_insert (found, (gpointer) ref, known);
            }
          ids = g_ptr_array_copy (known, (GCopyFunc) g_strdup, NULL);
          g_ptr_array_set_free_func (ids, g_free);
          if (ids->len == 0)
            continue;
          g_string_append_printf (terms, "%st.\"%s\"", terms->len ? " OR " : "", field->name);
          if (ids->len == 1)
            g_string_append (terms, " = ?");
          else if (ids->len <= MAX_REF_IDS)
            {
              g_string_append (terms, " IN (?");
              for (guint k = 1; k < ids->len; k++)
                g_string_append (terms, ", ?");
              g_string_append (terms, ")");
            }
          else
            {
              /* The pattern is bound once more for this subquery (numbered past the rest). */
              g_autofree char *param = g_strdup_printf ("?%u", binds->len + 1);
              g_autofree char *condition = ref_name_condition (ref, param);

              g_string_append_printf (terms, " IN (SELECT id FROM \"%s\" WHERE %s)", ref->table,
                                      condition);
              g_ptr_array_set_size (ids, 0);
              g_ptr_array_add (ids, g_strdup (pattern));
            }
          for (guint k = 0; k < ids->len; k++)
            g_ptr_array_add (binds, g_steal_pointer (&ids->pdata[k]));
        }
      else if (self->kind->indexed_search)
        own_text = TRUE;
      else
        {
          *by_reference = FALSE;
          g_string_append_printf (terms, "%sff_search_fold (t.\"%s\") LIKE ? ESCAPE '\\'",
                                  terms->len ? " OR " : "", field->name);
          g_ptr_array_add (binds, g_strdup (pattern));
        }
    }
  if (own_text)
    {
      *by_reference = FALSE;
      g_string_append_printf (terms, "%st.rowid IN (SELECT rowid FROM \"%s_search\" "
                              "WHERE text LIKE ? ESCAPE '\\')", terms->len ? " OR " : "",
                              self->kind->table);
      g_ptr_array_add (binds, g_strdup (pattern));
    }
  g_string_append_printf (sql, " AND (%s)", terms->len ? terms->str : "0");
  return TRUE;
}

/* Stops a statement that runs while @cancellable is cancelled (a search superseded by the next
 * keystroke), even in a sort that yields no row until it is done. */
static int
cancel_progress_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

GArray *
ff_record_repository_query_rowids (FfRecordRepository  *self,
                                   const FfRecordQuery *query,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  return ff_record_repository_query_rowids_partial (self, query, NULL, NULL, cancellable, error);
}

/* Appends " WHERE ..." for what @query selects (scope, facet, range, condition, search) to
 * @sql, over the kind's table as t, and the values to bind to @binds in the order of their
 * "?". The list and its count share it, so a figure and the list it opens agree.
 * @searched_by_reference (may be NULL) tells whether there is a search and every match of it
 * comes through a reference's index. */
static gboolean
append_where (FfRecordRepository  *self,
              const FfRecordQuery *query,
              GString             *sql,
              GPtrArray           *binds,
              gboolean            *searched_by_reference,
              GError             **error)
{
  const FfField *filter_field = NULL;
  const FfField *facet_field = NULL;
  gboolean by_reference = FALSE;

  if (query && query->filter_field && query->filter_value)
    {
      filter_field = ff_kind_get_field (self->kind, query->filter_field);
      if (filter_field == NULL)
        {
          g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                       _("Records of %s have no field “%s”"), self->kind->name, query->filter_field);
          return FALSE;
        }
    }
  if (query && query->facet_field && query->facet_value)
    {
      facet_field = ff_kind_get_field (self->kind, query->facet_field);
      if (facet_field == NULL)
        {
          g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                       _("Records of %s have no field “%s”"), self->kind->name, query->facet_field);
          return FALSE;
        }
    }
  g_string_append_printf (sql, " WHERE %s",
                          self->kind->sync_class == FF_SYNC_APPEND_ONLY ? "1" : "t._deleted = 0");
  if (filter_field)
    {
      g_string_append_printf (sql, " AND t.\"%s\" = ?", filter_field->name);
      g_ptr_array_add (binds, g_strdup (query->filter_value));
    }
  if (facet_field)
    {
      g_string_append_printf (sql, " AND t.\"%s\" = ?", facet_field->name);
      g_ptr_array_add (binds, g_strdup (query->facet_value));
    }
  if (query && query->range_field && (query->range_from || query->range_to))
    {
      const FfField *range = ff_kind_get_field (self->kind, query->range_field);

      if (range == NULL)
        {
          g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                       _("Records of %s have no field “%s”"), self->kind->name, query->range_field);
          return FALSE;
        }
      /* Dates and UTC times compare as text; numbers as numbers. */
      if (query->range_from)
        {
          g_string_append_printf (sql, " AND t.\"%s\" >= %s", range->name,
                                  ff_field_is_numeric (range) ? "CAST (? AS REAL)" : "?");
          g_ptr_array_add (binds, g_strdup (query->range_from));
        }
      if (query->range_to)
        {
          g_string_append_printf (sql, " AND t.\"%s\" <= %s", range->name,
                                  ff_field_is_numeric (range) ? "CAST (? AS REAL)" : "?");
          g_ptr_array_add (binds, g_strdup (query->range_to));
        }
    }
  if (query && query->condition)
    {
      const FfKindCondition *condition = ff_kind_get_condition (self->kind, query->condition);
      g_autoptr (GString) where = NULL;
      g_autofree char *param = NULL;

      if (condition == NULL)
        {
          g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                       _("Records of %s have no selection “%s”"), self->kind->name,
                       query->condition);
          return FALSE;
        }
      where = g_string_new (condition->where);
      param = g_strdup_printf ("?%u", binds->len + 1);
      if (g_string_replace (where, "{arg}", param, 0) > 0)
        g_ptr_array_add (binds, g_strdup (query->condition_arg ? query->condition_arg : ""));
      g_string_append_printf (sql, " AND (%s)", where->str);
    }
  if (query && query->search && *query->search)
    {
      g_autofree char *folded = ff_text_search_fold (query->search);
      g_autofree char *pattern = like_pattern (folded);

      if (!append_search (self, sql, pattern, binds, &by_reference, error))
        return FALSE;
    }
  if (searched_by_reference != NULL)
    *searched_by_reference = by_reference;
  return TRUE;
}

static sqlite3_stmt *
prepare_bound (FfRecordRepository  *self,
               const char          *sql,
               GPtrArray           *binds,
               GError             **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Not cached: the text varies with the query, and this runs in a worker. */
  rc = sqlite3_prepare_v2 (ff_store_get_handle (self->store), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ff_store_set_error (self->store, rc, _("Could not query records"), error);
      return NULL;
    }
  for (guint i = 0; i < binds->len; i++)
    sqlite3_bind_text (stmt, (int) i + 1, g_ptr_array_index (binds, i), -1, SQLITE_TRANSIENT);
  return stmt;
}

gint64
ff_record_repository_count_matching (FfRecordRepository  *self,
                                     const FfRecordQuery *query,
                                     GCancellable        *cancellable,
                                     GError             **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (GPtrArray) binds = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), -1);

  g_string_append_printf (sql, "SELECT count(*) FROM \"%s\" AS t", self->kind->table);
  if (!append_where (self, query, sql, binds, NULL, error))
    return -1;
  stmt = prepare_bound (self, sql->str, binds, error);
  if (stmt == NULL)
    return -1;
  if (cancellable != NULL)
    sqlite3_progress_handler (ff_store_get_handle (self->store), 1000, cancel_progress_cb,
                              cancellable);
  rc = sqlite3_step (stmt);
  sqlite3_progress_handler (ff_store_get_handle (self->store), 0, NULL, NULL);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  if (rc != SQLITE_ROW)
    ff_store_set_error (self->store, rc, _("Could not count records"), error);
  return n;
}

/* Whether SQLite sorts the rows @sql selects (no index gives them in its order). */
static gboolean
plan_sorts (FfRecordRepository *self,
            const char         *sql,
            GPtrArray          *binds)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  sqlite3_stmt *stmt = prepare_bound (self, explain, binds, NULL);
  gboolean sorts = FALSE;

  if (stmt == NULL)
    return FALSE;
  while (!sorts && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *detail = (const char *) sqlite3_column_text (stmt, 3);

      /* "USE TEMP B-TREE FOR ORDER BY" (or "FOR RIGHT PART OF ORDER BY") */
      sorts = detail != NULL && g_str_has_prefix (detail, "USE TEMP B-TREE FOR")
              && strstr (detail, "ORDER BY") != NULL;
    }
  sqlite3_finalize (stmt);
  return sorts;
}

/* The most a look for the first rows may cost, in SQLite VM instructions, before it gives way
 * to the whole query: 256 per row wanted, 131,072 (a few milliseconds). Rows that come through
 * an index in the list's order for each matched record cost a few dozen per row: for the POS
 * sales of the 28 stores of a city (pos_sales_by_store_date) SQLite reads only the first rows of
 * each store (its ORDER BY ... LIMIT optimisation), 23,000 instructions for 512 rows. A query
 * that reads every match to find the first ones (an index without the sort column, an OR of two
 * references) would cost nearly as much as the whole query again, and is stopped. */
#define FIRST_ROWS_BUDGET (256 * FF_RECORD_REPOSITORY_FIRST_ROWS)
#define PROGRESS_STEP 1000

typedef struct
{
  GCancellable *cancellable;
  guint         steps;
  gboolean      too_dear;
} FirstRowsProgress;

static int
first_rows_progress_cb (void *user_data)
{
  FirstRowsProgress *progress = user_data;

  if (++progress->steps * PROGRESS_STEP > FIRST_ROWS_BUDGET)
    progress->too_dear = TRUE;
  return progress->too_dear || g_cancellable_is_cancelled (progress->cancellable);
}

typedef enum
{
  FIRST_ROWS_FAILED,      /* an error (or a cancellation), set */
  FIRST_ROWS_FOUND,       /* in @rowids: at most FF_RECORD_REPOSITORY_FIRST_ROWS, all if fewer */
  FIRST_ROWS_TOO_DEAR,    /* not found within the budget; @rowids is left empty */
} FirstRows;

/* The first FF_RECORD_REPOSITORY_FIRST_ROWS rows of @sql (a query's whole SELECT ... ORDER BY),
 * appended to the empty @rowids, if SQLite finds them within FIRST_ROWS_BUDGET. */
static FirstRows
read_first_rows (FfRecordRepository  *self,
                 const char          *sql,
                 GPtrArray           *binds,
                 GArray              *rowids,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autofree char *limited = g_strdup_printf ("%s LIMIT %d", sql,
                                              FF_RECORD_REPOSITORY_FIRST_ROWS);
  sqlite3 *db = ff_store_get_handle (self->store);
  FirstRowsProgress progress = { cancellable, 0, FALSE };
  sqlite3_stmt *stmt = prepare_bound (self, limited, binds, error);
  int rc;

  if (stmt == NULL)
    return FIRST_ROWS_FAILED;
  sqlite3_progress_handler (db, PROGRESS_STEP, first_rows_progress_cb, &progress);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rowids, rowid);
    }
  sqlite3_progress_handler (db, 0, NULL, NULL);
  sqlite3_finalize (stmt);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FIRST_ROWS_FAILED;
  if (rc == SQLITE_DONE)
    return FIRST_ROWS_FOUND;
  g_array_set_size (rowids, 0);
  if (rc == SQLITE_INTERRUPT && progress.too_dear)
    return FIRST_ROWS_TOO_DEAR;
  ff_store_set_error (self->store, rc, _("Could not query records"), error);
  return FIRST_ROWS_FAILED;
}

GArray *
ff_record_repository_query_rowids_partial (FfRecordRepository  *self,
                                           const FfRecordQuery *query,
                                           FfRowidsFunc         partial,
                                           gpointer             user_data,
                                           GCancellable        *cancellable,
                                           GError             **error)
{
  guint next_partial = FF_RECORD_REPOSITORY_FIRST_ROWS;
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) binds = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sort_expr = NULL;
  const FfField *sort_field = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  const char *direction;
  gboolean searched_by_reference = FALSE;
  gboolean in_snapshot = FALSE;
  guint n_known = 0, n_seen = 0;
  GArray *result = NULL;
  int rc;

  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), NULL);

  db = ff_store_get_handle (self->store);
  if (query && query->sort_field)
    sort_field = ff_kind_get_field (self->kind, query->sort_field);
  if (sort_field == NULL)
    sort_field = ff_kind_get_field (self->kind, self->kind->default_sort);
  direction = query && query->descending ? "DESC" : "ASC";
  sort_expr = _ff_record_repository_sort_expr (self, sort_field);

  /* Only a sort by a referenced record joins its table (SQLite 3.15 keeps an unused LEFT JOIN
   * and pays for it on every row). Append-only records are never deleted: without the tombstone
   * test an index alone can answer. */
  g_string_append_printf (sql, "SELECT t.rowid FROM \"%s\" AS t", self->kind->table);
  if (sort_field->type == FF_FIELD_REF)
    {
      const FfKind *ref = ff_field_get_ref_kind (sort_field);
      int i = (int) (sort_field - self->kind->fields);

      g_string_append_printf (sql, " LEFT JOIN \"%s\" AS r%d ON r%d.id = t.\"%s\"", ref->table,
                              i, i, sort_field->name);
    }
  if (!append_where (self, query, sql, binds, &searched_by_reference, error))
    return NULL;
  g_string_append_printf (sql, " ORDER BY %s%s %s, t.rowid %s", sort_expr,
                          /* Numbers and ISO dates sort right as they are (and can use an
                           * index); codes and names sort naturally. */
                          ff_field_is_numeric (sort_field) || sort_field->type == FF_FIELD_DATE
                            || sort_field->type == FF_FIELD_TIMESTAMP ? "" : " COLLATE FF_NATURAL",
                          direction, direction);

  /* A sort yields no row before it has sorted them all: a search of the POS sales of a city's
   * stores showed nothing until all 70,000 were sorted. When the matches come through
   * references' indexes, a look for the first rows alone (ORDER BY ... LIMIT) may find them
   * cheaply; if it does within its budget, they are handed over before the whole query runs, in
   * one snapshot with it (so they are its first rows), and only the rows after them are new. A
   * search of the kind's own text scans it all whatever the limit, and is not looked at twice. */
  if (partial != NULL && searched_by_reference && plan_sorts (self, sql->str, binds)
      && sqlite3_exec (db, "SAVEPOINT ff_query_rowids", NULL, NULL, NULL) == SQLITE_OK)
    {
      in_snapshot = TRUE;
      switch (read_first_rows (self, sql->str, binds, rowids, cancellable, error))
        {
        case FIRST_ROWS_FAILED:
          goto out;
        case FIRST_ROWS_FOUND:
          if (rowids->len < FF_RECORD_REPOSITORY_FIRST_ROWS)
            {
              /* That was all of them. */
              result = g_steal_pointer (&rowids);
              goto out;
            }
          n_known = rowids->len;
          partial (rowids, user_data);
          next_partial = rowids->len * 4;
          break;
        case FIRST_ROWS_TOO_DEAR:
          break;
        }
    }

  stmt = prepare_bound (self, sql->str, binds, error);
  if (stmt == NULL)
    goto out;
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 1000, cancel_progress_cb, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      if (n_seen < n_known)
        {
          /* One of the first rows, handed over already. */
          g_warn_if_fail (g_array_index (rowids, gint64, n_seen) == rowid);
          n_seen++;
          continue;
        }
      g_array_append_val (rowids, rowid);
      if (partial != NULL && rowids->len >= next_partial)
        {
          partial (rowids, user_data);
          next_partial = rowids->len * 4;
        }
    }
  sqlite3_progress_handler (db, 0, NULL, NULL);
  sqlite3_finalize (stmt);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  if (rc != SQLITE_DONE)
    {
      ff_store_set_error (self->store, rc, _("Could not query records"), error);
      goto out;
    }
  result = g_steal_pointer (&rowids);

out:
  /* Read only: releasing ends the snapshot (or, in a caller's transaction, leaves it as it
   * was). */
  if (in_snapshot)
    sqlite3_exec (db, "RELEASE ff_query_rowids", NULL, NULL, NULL);
  return result;
}

GPtrArray *
ff_record_repository_load_rowids (FfRecordRepository  *self,
                                  const gint64        *rowids,
                                  guint                n_rowids,
                                  GError             **error)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_full (n_rowids, g_object_unref);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), NULL);

  sql = g_strdup_printf ("%s WHERE t.rowid = ?", self->select_sql);
  stmt = ff_store_prepare (self->store, sql, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_rowids; i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, rowids[i]);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          if (rc == SQLITE_DONE)
            g_set_error (error, FF_ERROR, FF_ERROR_NOT_FOUND,
                         _("A record was removed while it was being read"));
          else
            ff_store_set_error (self->store, rc, _("Could not read a record"), error);
          return NULL;
        }
      g_ptr_array_add (records, _ff_record_repository_from_row (self, stmt));
      sqlite3_reset (stmt);
    }
  return g_steal_pointer (&records);
}

gboolean
ff_record_repository_foreach (FfRecordRepository  *self,
                              FfRecordFunc         func,
                              gpointer             user_data,
                              GError             **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), FALSE);

  /* Creation order: referenced rows of the same kind (a parent lot) come before their users. */
  sql = g_strdup_printf ("%s WHERE t._deleted = 0 ORDER BY t.rowid", self->select_sql);
  rc = sqlite3_prepare_v2 (ff_store_get_handle (self->store), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return ff_store_set_error (self->store, rc, _("Could not read records"), error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (FfRecord) record = _ff_record_repository_from_row (self, stmt);
      if (!func (record, user_data, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return ff_store_set_error (self->store, rc, _("Could not read records"), error);
  return TRUE;
}
