/* ff-record-repository-query.c — reading records: by id or code, counts, queries, pages. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-error.h"
#include "ff-record-repository-private.h"

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
    g_set_error (error, FF_ERROR, FF_ERROR_NOT_FOUND, _("There is no %s “%s”"),
                 ff_kind_get_label_singular (self->kind), value);
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
      g_set_error (error, FF_ERROR, FF_ERROR_NOT_FOUND, _("%s have no code to find them by"),
                   ff_kind_get_label (self->kind));
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
        g_set_error (error, FF_ERROR, FF_ERROR_NOT_FOUND, _("There is no %s with id %s"),
                     ff_kind_get_label_singular (self->kind), id);
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

/* Appends "a LIKE ?N OR b LIKE ?N ..." over the searchable fields (a reference matches by the
 * referenced record's code and label). Returns FALSE when no field is searchable. */
static gboolean
append_search (FfRecordRepository *self,
               GString            *sql,
               int                 param)
{
  gboolean first = TRUE;

  for (guint i = 0; i < self->n_fields; i++)
    {
      const FfField *field = &self->kind->fields[i];

      if (!(field->flags & FF_FIELD_SEARCH))
        continue;
      if (field->type == FF_FIELD_REF)
        {
          const FfKind *ref = ff_field_get_ref_kind (field);
          g_string_append_printf (sql, "%sr%u.\"%s\" LIKE ?%d ESCAPE '\\' OR r%u.\"%s\" LIKE ?%d "
                                  "ESCAPE '\\'", first ? "" : " OR ", i,
                                  ref->code_field ? ref->code_field : "id", param,
                                  i, ref->ref_label_field ? ref->ref_label_field : ref->title_field,
                                  param);
        }
      else
        g_string_append_printf (sql, "%st.\"%s\" LIKE ?%d ESCAPE '\\'", first ? "" : " OR ",
                                field->name, param);
      first = FALSE;
    }
  return !first;
}

GArray *
ff_record_repository_query_rowids (FfRecordRepository  *self,
                                   const FfRecordQuery *query,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *pattern = NULL;
  g_autofree char *sort_expr = NULL;
  const FfField *sort_field = NULL;
  const FfField *filter_field = NULL;
  const FfField *facet_field = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *direction;
  int param = 1, rc;

  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), NULL);

  if (query && query->sort_field)
    sort_field = ff_kind_get_field (self->kind, query->sort_field);
  if (sort_field == NULL)
    sort_field = ff_kind_get_field (self->kind, self->kind->default_sort);
  if (query && query->filter_field && query->filter_value)
    {
      filter_field = ff_kind_get_field (self->kind, query->filter_field);
      if (filter_field == NULL)
        {
          g_set_error (error, FF_ERROR, FF_ERROR_INVALID, _("%s have no field “%s”"),
                       ff_kind_get_label (self->kind), query->filter_field);
          return NULL;
        }
    }
  if (query && query->facet_field && query->facet_value)
    {
      facet_field = ff_kind_get_field (self->kind, query->facet_field);
      if (facet_field == NULL)
        {
          g_set_error (error, FF_ERROR, FF_ERROR_INVALID, _("%s have no field “%s”"),
                       ff_kind_get_label (self->kind), query->facet_field);
          return NULL;
        }
    }
  direction = query && query->descending ? "DESC" : "ASC";
  sort_expr = _ff_record_repository_sort_expr (self, sort_field);

  /* Joins are needed only to search or sort by a referenced record. */
  g_string_append_printf (sql, "SELECT t.rowid %s WHERE t._deleted = 0", self->from_sql);
  if (filter_field)
    g_string_append_printf (sql, " AND t.\"%s\" = ?%d", filter_field->name, param++);
  if (facet_field)
    g_string_append_printf (sql, " AND t.\"%s\" = ?%d", facet_field->name, param++);
  if (query && query->search && *query->search)
    {
      pattern = like_pattern (query->search);
      g_string_append (sql, " AND (");
      if (!append_search (self, sql, param))
        g_string_append (sql, "0");
      g_string_append (sql, ")");
      param++;
    }
  g_string_append_printf (sql, " ORDER BY %s%s %s, t.rowid %s", sort_expr,
                          /* Numbers and ISO dates sort right as they are (and can use an
                           * index); codes and names sort naturally. */
                          ff_field_is_numeric (sort_field) || sort_field->type == FF_FIELD_DATE
                            || sort_field->type == FF_FIELD_TIMESTAMP ? "" : " COLLATE FF_NATURAL",
                          direction, direction);

  /* Not cached: the text varies with the query, and this runs in a worker. */
  rc = sqlite3_prepare_v2 (ff_store_get_handle (self->store), sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ff_store_set_error (self->store, rc, _("Could not query records"), error);
      return NULL;
    }
  param = 1;
  if (filter_field)
    sqlite3_bind_text (stmt, param++, query->filter_value, -1, SQLITE_TRANSIENT);
  if (facet_field)
    sqlite3_bind_text (stmt, param++, query->facet_value, -1, SQLITE_TRANSIENT);
  if (pattern)
    sqlite3_bind_text (stmt, param++, pattern, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rowids, rowid);
      if ((rowids->len & 0xffff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ff_store_set_error (self->store, rc, _("Could not query records"), error);
      return NULL;
    }
  return g_steal_pointer (&rowids);
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
