/* ff-record-repository.c — CRUD for records of one kind, driven by its description. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-records"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ff-audit-trail.h"
#include "ff-error.h"
#include "ff-record-repository.h"
#include "ff-uuid.h"

struct _FfRecordRepository
{
  GObject       parent_instance;

  /* borrowed */
  const FfKind *kind;

  /* owned */
  FfStore      *store;
  guint         n_fields;
  char         *select_sql;   /* "SELECT rowid, id, _hlc, <fields> FROM t" */
  char         *insert_sql;
  char         *update_sql;
};

G_DEFINE_FINAL_TYPE (FfRecordRepository, ff_record_repository, G_TYPE_OBJECT)

#define META_COLUMNS 3  /* rowid, id, _hlc precede the fields in select_sql */

void
ff_field_error_free (FfFieldError *error)
{
  if (error == NULL)
    return;
  g_free (error->field);
  g_free (error->message);
  g_free (error);
}

static void
ff_record_repository_finalize (GObject *object)
{
  FfRecordRepository *self = FF_RECORD_REPOSITORY (object);

  g_clear_object (&self->store);
  g_free (self->select_sql);
  g_free (self->insert_sql);
  g_free (self->update_sql);

  G_OBJECT_CLASS (ff_record_repository_parent_class)->finalize (object);
}

static void
ff_record_repository_class_init (FfRecordRepositoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ff_record_repository_finalize;
}

static void
ff_record_repository_init (FfRecordRepository *self)
{
}

/* Identifiers come from the static kind descriptions, never from input; values are always
 * bound. */
FfRecordRepository *
ff_record_repository_new (FfStore      *store,
                          const FfKind *kind)
{
  FfRecordRepository *self;
  g_autoptr (GString) cols = g_string_new (NULL);
  g_autoptr (GString) marks = g_string_new (NULL);
  g_autoptr (GString) sets = g_string_new (NULL);

  g_return_val_if_fail (FF_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (FF_TYPE_RECORD_REPOSITORY, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->n_fields = ff_kind_get_n_fields (kind);

  for (guint i = 0; i < self->n_fields; i++)
    {
      g_string_append_printf (cols, ", \"%s\"", kind->fields[i].name);
      g_string_append (marks, ", ?");
      g_string_append_printf (sets, "\"%s\" = ?, ", kind->fields[i].name);
    }
  self->select_sql = g_strdup_printf ("SELECT rowid, id, _hlc%s FROM \"%s\"", cols->str,
                                      kind->table);
  self->insert_sql = g_strdup_printf ("INSERT INTO \"%s\" (id, _hlc, _device%s) "
                                      "VALUES (?, ?, ?%s)", kind->table, cols->str, marks->str);
  self->update_sql = g_strdup_printf ("UPDATE \"%s\" SET %s_hlc = ?, _device = ?, _fhlc = ? "
                                      "WHERE id = ? AND _deleted = 0", kind->table, sets->str);
  return self;
}

const FfKind *
ff_record_repository_get_kind (FfRecordRepository *self)
{
  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), NULL);
  return self->kind;
}

FfStore *
ff_record_repository_get_store (FfRecordRepository *self)
{
  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), NULL);
  return self->store;
}

/* Reading ----------------------------------------------------------------------------------- */

static FfRecord *
record_from_row (FfRecordRepository *self,
                 sqlite3_stmt       *stmt)
{
  FfRecord *record = ff_record_new (self->kind);

  _ff_record_set_meta (record, (const char *) sqlite3_column_text (stmt, 1),
                       sqlite3_column_int64 (stmt, 0),
                       (FfHlcTimestamp) sqlite3_column_int64 (stmt, 2));
  for (guint i = 0; i < self->n_fields; i++)
    ff_record_set_nth (record, i, (const char *) sqlite3_column_text (stmt, META_COLUMNS + (int) i));
  return record;
}

static FfRecord *
get_one (FfRecordRepository  *self,
         const char          *column,
         const char          *value,
         GError             **error)
{
  g_autofree char *sql = g_strdup_printf ("%s WHERE \"%s\" = ? AND _deleted = 0", self->select_sql,
                                          column);
  sqlite3_stmt *stmt;
  FfRecord *record = NULL;
  int rc;

  stmt = ff_store_prepare (self->store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = record_from_row (self, stmt);
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
  return get_one (self, self->kind->code_field, code, error);
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

GArray *
ff_record_repository_query_rowids (FfRecordRepository  *self,
                                   const FfRecordQuery *query,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *pattern = NULL;
  const FfField *sort_field = NULL;
  const FfField *filter_field = NULL;
  sqlite3_stmt *stmt = NULL;
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

  g_string_append_printf (sql, "SELECT rowid FROM \"%s\" WHERE _deleted = 0", self->kind->table);
  if (filter_field)
    g_string_append_printf (sql, " AND \"%s\" = ?%d", filter_field->name, param++);
  if (query && query->search && *query->search)
    {
      gboolean first = TRUE;
      pattern = like_pattern (query->search);
      g_string_append (sql, " AND (");
      for (guint i = 0; i < self->n_fields; i++)
        if (self->kind->fields[i].flags & FF_FIELD_SEARCH)
          {
            g_string_append_printf (sql, "%s\"%s\" LIKE ?%d ESCAPE '\\'", first ? "" : " OR ",
                                    self->kind->fields[i].name, param);
            first = FALSE;
          }
      if (first)
        g_string_append (sql, "0");
      g_string_append (sql, ")");
      param++;
    }
  g_string_append_printf (sql, " ORDER BY \"%s\"%s %s, rowid %s", sort_field->name,
                          ff_field_is_numeric (sort_field) ? "" : " COLLATE FF_NATURAL",
                          query && query->descending ? "DESC" : "ASC",
                          query && query->descending ? "DESC" : "ASC");

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

  sql = g_strdup_printf ("%s WHERE rowid = ?", self->select_sql);
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
      g_ptr_array_add (records, record_from_row (self, stmt));
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

  sql = g_strdup_printf ("%s WHERE _deleted = 0 ORDER BY \"%s\" COLLATE FF_NATURAL, rowid", self->select_sql,
                         self->kind->default_sort);
  rc = sqlite3_prepare_v2 (ff_store_get_handle (self->store), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return ff_store_set_error (self->store, rc, _("Could not read records"), error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (FfRecord) record = record_from_row (self, stmt);
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

/* Validation -------------------------------------------------------------------------------- */

static void
add_problem (GPtrArray  *problems,
             const char *field,
             const char *message)
{
  FfFieldError *e = g_new0 (FfFieldError, 1);
  e->field = g_strdup (field);
  e->message = g_strdup (message);
  g_ptr_array_add (problems, e);
}

static gboolean
value_taken (FfRecordRepository  *self,
             const FfField       *field,
             const char          *value,
             const char          *own_id,
             gboolean            *taken,
             GError             **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE \"%s\" = ? AND id IS NOT ?",
                                          self->kind->table, field->name);
  sqlite3_stmt *stmt = ff_store_prepare (self->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, own_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return ff_store_set_error (self->store, rc, _("Could not check a value"), error);
  *taken = rc == SQLITE_ROW;
  return TRUE;
}

GPtrArray *
ff_record_repository_validate (FfRecordRepository  *self,
                               FfRecord            *record,
                               GError             **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ff_field_error_free);

  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), NULL);
  g_return_val_if_fail (FF_IS_RECORD (record) && ff_record_get_kind (record) == self->kind, NULL);

  for (guint i = 0; i < self->n_fields; i++)
    {
      const FfField *field = &self->kind->fields[i];
      g_autoptr (GError) local_error = NULL;
      g_autofree char *value = NULL;

      if (!ff_field_normalize (field, ff_record_get_nth (record, i), &value, &local_error))
        {
          add_problem (problems, field->name, local_error->message);
          continue;
        }
      ff_record_set_nth (record, i, value);
      if (value != NULL && (field->flags & FF_FIELD_UNIQUE))
        {
          gboolean taken = FALSE;
          if (!value_taken (self, field, value, ff_record_get_id (record), &taken, error))
            return NULL;
          if (taken)
            {
              g_autofree char *msg = g_strdup_printf (_("“%s” is already used by another %s"),
                                                      value,
                                                      ff_kind_get_label_singular (self->kind));
              add_problem (problems, field->name, msg);
            }
        }
    }
  /* A unit belongs with its amount: both or neither. */
  for (guint i = 0; i < self->n_fields; i++)
    {
      const FfField *field = &self->kind->fields[i];
      if (field->unit_field != NULL && ff_record_get_nth (record, i) != NULL
          && ff_record_get (record, field->unit_field) == NULL)
        {
          const FfField *unit = ff_kind_get_field (self->kind, field->unit_field);
          g_autofree char *msg = g_strdup_printf (_("is required when %s is given"),
                                                  ff_field_get_label (field));
          add_problem (problems, unit->name, msg);
        }
    }
  return g_steal_pointer (&problems);
}

static gboolean
check_valid (FfRecordRepository  *self,
             FfRecord            *record,
             GError             **error)
{
  g_autoptr (GPtrArray) problems = ff_record_repository_validate (self, record, error);
  g_autoptr (GString) msg = NULL;

  if (problems == NULL)
    return FALSE;
  if (problems->len == 0)
    return TRUE;
  msg = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      FfFieldError *e = g_ptr_array_index (problems, i);
      const FfField *field = e->field ? ff_kind_get_field (self->kind, e->field) : NULL;
      g_string_append_printf (msg, "%s%s: %s", i ? "; " : "",
                              field ? ff_field_get_label (field) : "", e->message);
    }
  g_set_error_literal (error, FF_ERROR, FF_ERROR_INVALID, msg->str);
  return FALSE;
}

static gboolean
check_allowed (FfRecordRepository  *self,
               const FfActor       *actor,
               const char          *reason,
               GError             **error)
{
  if (actor == NULL || !ff_kind_role_can_write (self->kind, actor->role))
    {
      g_set_error (error, FF_ERROR, FF_ERROR_PERMISSION,
                   _("Your role (%s) may not change %s"),
                   actor ? ff_role_get_label (actor->role) : "?",
                   ff_kind_get_label (self->kind));
      return FALSE;
    }
  if (self->kind->regulated && (reason == NULL || *reason == '\0'))
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                   _("Changes to %s are regulated and need a reason"),
                   ff_kind_get_label (self->kind));
      return FALSE;
    }
  return TRUE;
}

/* Writing ----------------------------------------------------------------------------------- */

static void
bind_value (sqlite3_stmt  *stmt,
            int            index,
            const FfField *field,
            const char    *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else if (field->type == FF_FIELD_INTEGER || field->type == FF_FIELD_MONEY
           || field->type == FF_FIELD_BOOLEAN)
    sqlite3_bind_int64 (stmt, index, g_ascii_strtoll (value, NULL, 10));
  else if (field->type == FF_FIELD_REAL || field->type == FF_FIELD_QUANTITY)
    sqlite3_bind_double (stmt, index, g_ascii_strtod (value, NULL));
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static char *
builder_to_string (JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Appends the change to the outbox: @fields holds the new values of the changed fields (NULL
 * for a delete); @base the field clocks the change was made from. */
static gboolean
write_outbox (FfRecordRepository  *self,
              const char          *row_id,
              const char          *op,
              const char          *fields,
              const char          *base,
              FfHlcTimestamp       ts,
              GError             **error)
{
  g_autofree char *mutation_id = ff_uuid_v7_new ();
  sqlite3_stmt *stmt;

  stmt = ff_store_prepare (self->store,
                           "INSERT INTO sync_outbox (mutation_id, tbl, row_id, op, fields, base, "
                           "hlc) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, mutation_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->kind->table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, row_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, op, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, fields ? fields : "{}", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, base, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, (sqlite3_int64) ts);
  return ff_store_step_done (self->store, stmt, error);
}

gboolean
ff_record_repository_insert (FfRecordRepository  *self,
                             const FfActor       *actor,
                             FfRecord            *record,
                             const char          *reason,
                             GError             **error)
{
  g_autoptr (JsonBuilder) fields = json_builder_new ();
  g_autofree char *id = NULL;
  g_autofree char *fields_json = NULL;
  sqlite3_stmt *stmt;
  FfHlcTimestamp ts;

  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), FALSE);
  g_return_val_if_fail (FF_IS_RECORD (record) && ff_record_get_id (record) == NULL, FALSE);

  if (!check_allowed (self, actor, reason, error))
    return FALSE;
  if (!ff_store_begin (self->store, error))
    return FALSE;
  if (!check_valid (self, record, error))
    goto fail;

  id = ff_uuid_v7_new ();
  ts = ff_store_tick (self->store);
  stmt = ff_store_prepare (self->store, self->insert_sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) ts);
  sqlite3_bind_text (stmt, 3, ff_store_get_device_id (self->store), -1, SQLITE_TRANSIENT);
  json_builder_begin_object (fields);
  for (guint i = 0; i < self->n_fields; i++)
    {
      const char *value = ff_record_get_nth (record, i);
      bind_value (stmt, 4 + (int) i, &self->kind->fields[i], value);
      json_builder_set_member_name (fields, self->kind->fields[i].name);
      if (value)
        json_builder_add_string_value (fields, value);
      else
        json_builder_add_null_value (fields);
    }
  json_builder_end_object (fields);
  if (!ff_store_step_done (self->store, stmt, error))
    goto fail;
  _ff_record_set_meta (record, id, sqlite3_last_insert_rowid (ff_store_get_handle (self->store)),
                       ts);

  fields_json = builder_to_string (fields);
  if (!write_outbox (self, id, "insert", fields_json, NULL, ts, error))
    goto fail;
  if (self->kind->regulated
      && !ff_audit_trail_record (self->store, actor->username, self->kind->table, id, NULL, NULL,
                                 ff_record_get_code (record), reason, error))
    goto fail;
  return ff_store_commit (self->store, error);

fail:
  ff_store_rollback (self->store);
  _ff_record_set_meta (record, NULL, 0, 0);
  return FALSE;
}

/* The per-field clocks of a row: JSON {"field": hlc, ...}; a row never updated has none, and
 * its fields all changed last at the row's _hlc (the insert). */
static JsonObject *
load_field_clocks (FfRecordRepository  *self,
                   const char          *id,
                   FfHlcTimestamp      *row_hlc,
                   GError             **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT _hlc, _fhlc FROM \"%s\" WHERE id = ?",
                                          self->kind->table);
  sqlite3_stmt *stmt = ff_store_prepare (self->store, sql, error);
  JsonObject *clocks = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 1);
      g_autoptr (JsonNode) node = text ? json_from_string (text, NULL) : NULL;

      *row_hlc = (FfHlcTimestamp) sqlite3_column_int64 (stmt, 0);
      clocks = node && JSON_NODE_HOLDS_OBJECT (node) ? json_object_ref (json_node_get_object (node))
                                                     : json_object_new ();
    }
  sqlite3_reset (stmt);
  if (clocks == NULL)
    g_set_error (error, FF_ERROR, FF_ERROR_NOT_FOUND, _("There is no %s with id %s"),
                 ff_kind_get_label_singular (self->kind), id);
  return clocks;
}

gboolean
ff_record_repository_update (FfRecordRepository  *self,
                             const FfActor       *actor,
                             FfRecord            *record,
                             const char          *reason,
                             GError             **error)
{
  g_autoptr (FfRecord) current = NULL;
  g_autoptr (JsonObject) clocks = NULL;
  g_autoptr (JsonBuilder) fields = json_builder_new ();
  g_autoptr (JsonBuilder) base = json_builder_new ();
  g_autofree char *fields_json = NULL, *base_json = NULL, *clocks_json = NULL;
  g_autoptr (JsonNode) clocks_node = NULL;
  FfHlcTimestamp ts, row_hlc = 0;
  sqlite3_stmt *stmt;
  const char *id;
  guint n_changed = 0;

  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), FALSE);
  g_return_val_if_fail (FF_IS_RECORD (record) && ff_record_get_id (record) != NULL, FALSE);

  id = ff_record_get_id (record);
  if (!check_allowed (self, actor, reason, error))
    return FALSE;
  if (!ff_store_begin (self->store, error))
    return FALSE;
  if (!check_valid (self, record, error))
    goto fail;
  current = ff_record_repository_get (self, id, error);
  if (current == NULL)
    goto fail;
  clocks = load_field_clocks (self, id, &row_hlc, error);
  if (clocks == NULL)
    goto fail;

  /* Fields without a clock of their own have not changed since the insert, and until the
   * first update the row's clock is the insert's: write it down before it moves on. */
  for (guint i = 0; i < self->n_fields; i++)
    if (!json_object_has_member (clocks, self->kind->fields[i].name))
      json_object_set_int_member (clocks, self->kind->fields[i].name, (gint64) row_hlc);

  ts = ff_store_tick (self->store);
  json_builder_begin_object (fields);
  json_builder_begin_object (base);
  for (guint i = 0; i < self->n_fields; i++)
    {
      const FfField *field = &self->kind->fields[i];
      const char *old_value = ff_record_get_nth (current, i);
      const char *new_value = ff_record_get_nth (record, i);
      g_autofree char *old_clock = NULL;

      if (g_strcmp0 (old_value, new_value) == 0)
        continue;
      n_changed++;
      json_builder_set_member_name (fields, field->name);
      if (new_value)
        json_builder_add_string_value (fields, new_value);
      else
        json_builder_add_null_value (fields);
      old_clock = ff_hlc_to_string ((FfHlcTimestamp) json_object_get_int_member (clocks,
                                                                                  field->name));
      json_builder_set_member_name (base, field->name);
      json_builder_add_string_value (base, old_clock);
      json_object_set_int_member (clocks, field->name, (gint64) ts);

      if (self->kind->regulated
          && !ff_audit_trail_record (self->store, actor->username, self->kind->table, id,
                                     field->name, old_value, new_value, reason, error))
        goto fail;
    }
  json_builder_end_object (fields);
  json_builder_end_object (base);

  if (n_changed == 0)
    return ff_store_commit (self->store, error);

  clocks_node = json_node_init_object (json_node_alloc (), clocks);
  clocks_json = json_to_string (clocks_node, FALSE);
  stmt = ff_store_prepare (self->store, self->update_sql, error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < self->n_fields; i++)
    bind_value (stmt, 1 + (int) i, &self->kind->fields[i], ff_record_get_nth (record, i));
  sqlite3_bind_int64 (stmt, (int) self->n_fields + 1, (sqlite3_int64) ts);
  sqlite3_bind_text (stmt, (int) self->n_fields + 2, ff_store_get_device_id (self->store), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, (int) self->n_fields + 3, clocks_json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, (int) self->n_fields + 4, id, -1, SQLITE_TRANSIENT);
  if (!ff_store_step_done (self->store, stmt, error))
    goto fail;

  fields_json = builder_to_string (fields);
  base_json = builder_to_string (base);
  if (!write_outbox (self, id, "update", fields_json, base_json, ts, error))
    goto fail;
  if (!ff_store_commit (self->store, error))
    return FALSE;
  _ff_record_set_meta (record, id, ff_record_get_rowid (current), ts);
  return TRUE;

fail:
  ff_store_rollback (self->store);
  return FALSE;
}

gboolean
ff_record_repository_delete (FfRecordRepository  *self,
                             const FfActor       *actor,
                             const char          *id,
                             const char          *reason,
                             GError             **error)
{
  g_autoptr (FfRecord) current = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  FfHlcTimestamp ts;

  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!check_allowed (self, actor, reason, error))
    return FALSE;
  if (!ff_store_begin (self->store, error))
    return FALSE;
  current = ff_record_repository_get (self, id, error);
  if (current == NULL)
    goto fail;
  ts = ff_store_tick (self->store);
  sql = g_strdup_printf ("UPDATE \"%s\" SET _deleted = 1, _hlc = ?, _device = ? WHERE id = ?",
                         self->kind->table);
  stmt = ff_store_prepare (self->store, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, (sqlite3_int64) ts);
  sqlite3_bind_text (stmt, 2, ff_store_get_device_id (self->store), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_TRANSIENT);
  if (!ff_store_step_done (self->store, stmt, error))
    goto fail;
  if (!write_outbox (self, id, "delete", NULL, NULL, ts, error))
    goto fail;
  if (self->kind->regulated
      && !ff_audit_trail_record (self->store, actor->username, self->kind->table, id, NULL,
                                 ff_record_get_code (current), NULL, reason, error))
    goto fail;
  return ff_store_commit (self->store, error);

fail:
  ff_store_rollback (self->store);
  return FALSE;
}
