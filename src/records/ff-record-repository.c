/* ff-record-repository.c — CRUD for records of one kind, driven by its description. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-records"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ff-audit-trail.h"
#include "ff-error.h"
#include "ff-record-repository-private.h"
#include "ff-uuid.h"

G_DEFINE_FINAL_TYPE (FfRecordRepository, ff_record_repository, G_TYPE_OBJECT)


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
  g_free (self->from_sql);
  g_free (self->select_sql);
  g_free (self->ref_column);
  g_free (self->insert_sql);
  g_free (self->update_sql);
  g_free (self->natural_key_sql);
  for (guint i = 0; i < self->n_fields; i++)
    {
      g_free (self->unique_sql[i]);
      g_free (self->ref_sql[i]);
    }
  g_free (self->unique_sql);
  g_free (self->ref_sql);

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
  g_autoptr (GString) select = g_string_new (NULL);
  g_autoptr (GString) refs = g_string_new (NULL);
  g_autoptr (GString) from = g_string_new (NULL);
  g_autoptr (GString) marks = g_string_new (NULL);
  g_autoptr (GString) sets = g_string_new (NULL);
  int column;

  g_return_val_if_fail (FF_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (FF_TYPE_RECORD_REPOSITORY, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->n_fields = ff_kind_get_n_fields (kind);
  self->ref_column = g_new (int, self->n_fields);
  self->unique_sql = g_new0 (char *, self->n_fields);
  self->ref_sql = g_new0 (char *, self->n_fields);

  g_string_append_printf (from, "FROM \"%s\" AS t", kind->table);
  column = FF_RECORD_META_COLUMNS + (int) self->n_fields;
  for (guint i = 0; i < self->n_fields; i++)
    {
      const FfField *field = &kind->fields[i];

      g_string_append_printf (cols, ", \"%s\"", field->name);
      g_string_append (marks, ", ?");
      if (field->type == FF_FIELD_BLOB)
        g_string_append_printf (select, ", length(t.\"%s\")", field->name);
      else
        {
          g_string_append_printf (select, ", t.\"%s\"", field->name);
          g_string_append_printf (sets, "\"%s\" = ?, ", field->name);
        }
      self->ref_column[i] = -1;
      /* Codes stay reserved after a delete: the tombstone still carries them and may come back
       * from another device through sync. A code compares regardless of case. */
      if (field->flags & FF_FIELD_UNIQUE)
        self->unique_sql[i] = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE \"%s\" = ?%s "
                                               "AND id IS NOT ?", kind->table, field->name,
                                               field->flags & FF_FIELD_IDENTIFIER
                                                 ? " COLLATE FF_CODE" : "");
      if (field->type == FF_FIELD_REF)
        {
          const FfKind *ref = ff_field_get_ref_kind (field);
          g_assert (ref != NULL);
          /* A kind without a code (a time series) is referred to by its id. */
          g_string_append_printf (refs, ", r%u.\"%s\"", i, ref->code_field ? ref->code_field : "id");
          if (ref->ref_shows_title && ref->code_field != NULL)
            /* "SKU-10010 · Tortilla Chips Salted 200 g" */
            g_string_append_printf (refs, ", r%u.\"%s\" || coalesce (' · ' || r%u.\"%s\", '')", i,
                                    ref->code_field, i, ref->title_field);
          else
            g_string_append_printf (refs, ", r%u.\"%s\"", i,
                                    ref->ref_label_field ? ref->ref_label_field : ref->title_field);
          g_string_append_printf (from, " LEFT JOIN \"%s\" AS r%u ON r%u.id = t.\"%s\"",
                                  ref->table, i, i, field->name);
          self->ref_column[i] = column;
          column += 2;
          self->ref_sql[i] = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ? "
                                              "AND _deleted = 0", ref->table);
        }
    }
  if (kind->natural_key != NULL)
    {
      g_autoptr (GString) where = g_string_new (NULL);

      for (guint k = 0; kind->natural_key[k] != NULL; k++)
        g_string_append_printf (where, "t.\"%s\" = ? AND ", kind->natural_key[k]);
      self->natural_key_sql = g_strdup_printf ("SELECT t.rowid FROM \"%s\" AS t WHERE %s"
                                               "t._deleted = 0 AND t.id IS NOT ?", kind->table,
                                               where->str);
    }
  self->from_sql = g_string_free (g_steal_pointer (&from), FALSE);
  self->select_sql = g_strdup_printf ("SELECT t.rowid, t.id, t._hlc%s%s %s", select->str,
                                      refs->str, self->from_sql);
  self->insert_sql = g_strdup_printf ("INSERT INTO \"%s\" (id, _hlc, _device%s) "
                                      "VALUES (?, ?, ?%s)", kind->table, cols->str, marks->str);
  if (kind->sync_class == FF_SYNC_EDITABLE)
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
             guint                index,
             const char          *value,
             const char          *own_id,
             gboolean            *taken,
             GError             **error)
{
  sqlite3_stmt *stmt = ff_store_prepare (self->store, self->unique_sql[index], error);
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

/* The rowid of the live record that holds @record's natural key, 0 when none does, -1 on an
 * error. */
static gint64
natural_key_rowid (FfRecordRepository  *self,
                   FfRecord            *record,
                   GError             **error)
{
  const char *const *key = self->kind->natural_key;
  sqlite3_stmt *stmt;
  gint64 rowid = 0;
  int rc, k;

  for (k = 0; key[k] != NULL; k++)
    if (ff_record_get (record, key[k]) == NULL)
      return 0;  /* a key field is missing: "is required" says so */
  stmt = ff_store_prepare (self->store, self->natural_key_sql, error);
  if (stmt == NULL)
    return -1;
  for (k = 0; key[k] != NULL; k++)
    _ff_record_repository_bind_value (stmt, k + 1, ff_kind_get_field (self->kind, key[k]),
                                      ff_record_get (record, key[k]));
  sqlite3_bind_text (stmt, k + 1, ff_record_get_id (record), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ff_store_set_error (self->store, rc, _("Could not check a record"), error);
      return -1;
    }
  return rowid;
}

FfRecord *
ff_record_repository_find_by_natural_key (FfRecordRepository  *self,
                                          FfRecord            *record,
                                          GError             **error)
{
  g_autoptr (GPtrArray) found = NULL;
  gint64 rowid;

  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), NULL);
  g_return_val_if_fail (FF_IS_RECORD (record), NULL);

  if (self->natural_key_sql == NULL)
    return NULL;
  rowid = natural_key_rowid (self, record, error);
  if (rowid <= 0)
    return NULL;
  found = ff_record_repository_load_rowids (self, &rowid, 1, error);
  return found ? g_object_ref (g_ptr_array_index (found, 0)) : NULL;
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

      if (field->type == FF_FIELD_BLOB)
        {
          if ((field->flags & FF_FIELD_REQUIRED) && ff_record_get_nth (record, i) == NULL)
            add_problem (problems, field->name, _("is required"));
          continue;
        }
      if (!ff_field_normalize (field, ff_record_get_nth (record, i), &value, &local_error))
        {
          add_problem (problems, field->name, local_error->message);
          continue;
        }
      ff_record_set_nth (record, i, value);
      if (value == NULL)
        continue;
      if (field->flags & FF_FIELD_UNIQUE)
        {
          gboolean taken = FALSE;
          if (!value_taken (self, i, value, ff_record_get_id (record), &taken, error))
            return NULL;
          if (taken)
            {
              /* Translators: a field's problem; %s is the value typed */
              g_autofree char *msg = g_strdup_printf (_("“%s” is already taken"), value);
              add_problem (problems, field->name, msg);
              /* The kind's code taken: the record that holds it may be this one again. */
              if (g_strcmp0 (field->name, self->kind->code_field) == 0)
                ((FfFieldError *) g_ptr_array_index (problems, problems->len - 1))->duplicate = TRUE;
            }
        }
      if (field->type == FF_FIELD_REF)
        {
          gboolean exists = FALSE;
          if (!_ff_record_repository_ref_exists (self, i, value, &exists, error))
            return NULL;
          if (!exists)
            {
              add_problem (problems, field->name, _("refers to a record that does not exist"));
            }
        }
      if (field->type == FF_FIELD_USER)
        {
          gboolean known = FALSE;
          if (!_ff_record_repository_user_known (self, i, record, value, &known, error))
            return NULL;
          if (!known)
            {
              /* Translators: a field's problem; %s is what was typed, e.g. "jdv" */
              g_autofree char *msg = g_strdup_printf (_("“%s” is not a user of this tenant"),
                                                      value);
              add_problem (problems, field->name, msg);
            }
        }
    }
  if (self->natural_key_sql != NULL)
    {
      gint64 rowid = natural_key_rowid (self, record, error);

      if (rowid < 0)
        return NULL;
      if (rowid > 0)
        {
          FfFieldError *e = g_new0 (FfFieldError, 1);
          e->message = g_strdup (g_dgettext (GETTEXT_PACKAGE, self->kind->duplicate_message));
          e->duplicate = TRUE;
          g_ptr_array_add (problems, e);
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
refuse (GError       **error,
        FfRecordRepository *self,
        const FfActor *actor)
{
  /* Translators: a role ("Viewer") and a record kind's command-line name ("lots") */
  g_set_error (error, FF_ERROR, FF_ERROR_PERMISSION, _("Your role (%s) may not change %s"),
               actor ? ff_role_get_label (actor->role) : "?", self->kind->name);
  return FALSE;
}

static gboolean
check_role (FfRecordRepository  *self,
            const FfActor       *actor,
            GError             **error)
{
  if (actor == NULL || !ff_kind_role_can_write (self->kind, actor->role))
    return refuse (error, self, actor);
  return TRUE;
}

/* A change to @field: may the actor make it, and does it have the reason it needs? */
static gboolean
check_field_change (FfRecordRepository  *self,
                    const FfActor       *actor,
                    const FfField       *field,
                    const char          *reason,
                    gboolean             creating,
                    GError             **error)
{
  if (!ff_field_role_can_write (self->kind, field, actor->role))
    {
      g_set_error (error, FF_ERROR, FF_ERROR_PERMISSION,
                   /* Translators: a role ("Operator") and a field's label ("Status") */
                   _("Your role (%s) may not set %s"), ff_role_get_label (actor->role),
                   ff_field_get_label (field));
      return FALSE;
    }
  if (creating)
    return TRUE;
  if (field->flags & FF_FIELD_READONLY)
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID, _("%s cannot be changed once recorded"),
                   ff_field_get_label (field));
      return FALSE;
    }
  if (ff_field_is_regulated (self->kind, field)
      && (reason == NULL || *reason == '\0'))
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                   _("Changing %s is a regulated change and needs a reason"),
                   ff_field_get_label (field));
      return FALSE;
    }
  return TRUE;
}

/* Writing ----------------------------------------------------------------------------------- */

void
_ff_record_repository_bind_value (sqlite3_stmt  *stmt,
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

static void
bind_blob (sqlite3_stmt *stmt,
           int           index,
           GBytes       *bytes)
{
  if (bytes == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_blob64 (stmt, index, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                         SQLITE_TRANSIENT);
}

/* A field's value as the outbox carries it: blobs travel as base64. */
static void
add_json_value (JsonBuilder   *builder,
                FfRecord      *record,
                guint          i)
{
  const FfField *field = &ff_record_get_kind (record)->fields[i];
  const char *value = ff_record_get_nth (record, i);
  GBytes *blob = field->type == FF_FIELD_BLOB ? ff_record_get_blob (record, i) : NULL;

  json_builder_set_member_name (builder, field->name);
  if (blob != NULL)
    {
      g_autofree char *b64 = g_base64_encode (g_bytes_get_data (blob, NULL),
                                              g_bytes_get_size (blob));
      json_builder_add_string_value (builder, b64);
    }
  else if (value != NULL && field->type != FF_FIELD_BLOB)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
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

char *
ff_record_repository_content_hash (FfRecordRepository  *self,
                                   FfRecord            *record,
                                   GError             **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *content = NULL;
  const char *id = ff_record_get_id (record);

  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), NULL);
  g_return_val_if_fail (FF_IS_RECORD (record) && ff_record_get_kind (record) == self->kind, NULL);

  json_builder_begin_object (builder);
  for (guint i = 0; i < self->n_fields; i++)
    {
      const FfField *field = &self->kind->fields[i];

      json_builder_set_member_name (builder, field->name);
      if (field->type == FF_FIELD_BLOB)
        {
          g_autoptr (GBytes) stored = NULL;
          GBytes *blob = ff_record_get_blob (record, i);
          g_autoptr (GError) local_error = NULL;

          if (blob == NULL && id != NULL)
            {
              stored = ff_record_repository_load_blob (self, id, field->name, &local_error);
              if (local_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return NULL;
                }
              blob = stored;
            }
          if (blob != NULL)
            {
              g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, blob);
              json_builder_add_string_value (builder, digest);
            }
          else
            json_builder_add_null_value (builder);
        }
      else if (ff_record_get_nth (record, i) != NULL)
        json_builder_add_string_value (builder, ff_record_get_nth (record, i));
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
  content = builder_to_string (builder);
  g_checksum_update (sum, (const guchar *) "foodflow-content-v1\n", -1);
  g_checksum_update (sum, (const guchar *) self->kind->table, -1);
  g_checksum_update (sum, (const guchar *) "\n", 1);
  g_checksum_update (sum, (const guchar *) (id ? id : ""), -1);
  g_checksum_update (sum, (const guchar *) "\n", 1);
  g_checksum_update (sum, (const guchar *) content, -1);
  return g_strdup (g_checksum_get_string (sum));
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

  if (!check_role (self, actor, error))
    return FALSE;
  if (!ff_store_begin (self->store, error))
    return FALSE;
  if (!check_valid (self, record, error))
    goto fail;
  if (self->kind->check_write != NULL
      && !self->kind->check_write (self, actor, NULL, record, error))
    goto fail;
  /* A restricted field may only be given its default by someone not allowed to change it
   * (an operator opens a CAPA; only QA closes it). Checked on the normalised values. */
  for (guint i = 0; i < self->n_fields; i++)
    {
      const FfField *field = &self->kind->fields[i];
      if (field->write_roles != 0
          && g_strcmp0 (ff_record_get_nth (record, i), field->default_value) != 0
          && !check_field_change (self, actor, field, reason, TRUE, error))
        goto fail;
    }

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
      const FfField *field = &self->kind->fields[i];

      if (field->type == FF_FIELD_BLOB)
        bind_blob (stmt, 4 + (int) i, ff_record_get_blob (record, i));
      else
        _ff_record_repository_bind_value (stmt, 4 + (int) i, field, ff_record_get_nth (record, i));
      add_json_value (fields, record, i);
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
                                 ff_record_get_code (record),
                                 reason && *reason ? reason : _("Recorded"), error))
    goto fail;
  if (self->kind->after_write != NULL
      && !self->kind->after_write (self, actor, NULL, record, error))
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
    /* Translators: a record's id and a record kind's command-line name ("lots") */
    g_set_error (error, FF_ERROR, FF_ERROR_NOT_FOUND, _("No record has the id %s in %s"), id,
                 self->kind->name);
  return clocks;
}

static gboolean
refuse_append_only (FfRecordRepository  *self,
                    GError             **error)
{
  g_set_error (error, FF_ERROR, FF_ERROR_PERMISSION,
               /* Translators: a record kind's command-line name ("ccp_readings") */
               _("Records of %s are kept as recorded and cannot be changed or deleted; record "
                 "a new one"), self->kind->name);
  return FALSE;
}

static gboolean
write_blob (FfRecordRepository  *self,
            const FfField       *field,
            const char          *id,
            GBytes              *bytes,
            GError             **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ? WHERE id = ?",
                                          self->kind->table, field->name);
  sqlite3_stmt *stmt = ff_store_prepare (self->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_blob (stmt, 1, bytes);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  return ff_store_step_done (self->store, stmt, error);
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
  int col;

  g_return_val_if_fail (FF_IS_RECORD_REPOSITORY (self), FALSE);
  g_return_val_if_fail (FF_IS_RECORD (record) && ff_record_get_id (record) != NULL, FALSE);

  id = ff_record_get_id (record);
  if (self->kind->sync_class == FF_SYNC_APPEND_ONLY)
    return refuse_append_only (self, error);
  if (!check_role (self, actor, error))
    return FALSE;
  if (!ff_store_begin (self->store, error))
    return FALSE;
  if (!check_valid (self, record, error))
    goto fail;
  current = ff_record_repository_get (self, id, error);
  if (current == NULL)
    goto fail;
  if (self->kind->check_write != NULL
      && !self->kind->check_write (self, actor, current, record, error))
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

      if (field->type == FF_FIELD_BLOB)
        {
          /* A blob changes only when new content was set on the record. */
          GBytes *blob = ff_record_get_blob (record, i);
          if (blob == NULL)
            continue;
          if (!check_field_change (self, actor, field, reason, FALSE, error)
              || !write_blob (self, field, id, blob, error))
            goto fail;
        }
      else if (g_strcmp0 (old_value, new_value) == 0)
        continue;
      else if (!check_field_change (self, actor, field, reason, FALSE, error))
        goto fail;

      n_changed++;
      add_json_value (fields, record, i);
      old_clock = ff_hlc_to_string ((FfHlcTimestamp) json_object_get_int_member (clocks,
                                                                                  field->name));
      json_builder_set_member_name (base, field->name);
      json_builder_add_string_value (base, old_clock);
      json_object_set_int_member (clocks, field->name, (gint64) ts);

      if (ff_field_is_regulated (self->kind, field)
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
  col = 1;
  for (guint i = 0; i < self->n_fields; i++)
    if (self->kind->fields[i].type != FF_FIELD_BLOB)
      _ff_record_repository_bind_value (stmt, col++, &self->kind->fields[i], ff_record_get_nth (record, i));
  sqlite3_bind_int64 (stmt, col++, (sqlite3_int64) ts);
  sqlite3_bind_text (stmt, col++, ff_store_get_device_id (self->store), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, col++, clocks_json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, col++, id, -1, SQLITE_TRANSIENT);
  if (!ff_store_step_done (self->store, stmt, error))
    goto fail;

  fields_json = builder_to_string (fields);
  base_json = builder_to_string (base);
  if (!write_outbox (self, id, "update", fields_json, base_json, ts, error))
    goto fail;
  if (self->kind->after_write != NULL
      && !self->kind->after_write (self, actor, current, record, error))
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

  if (self->kind->sync_class == FF_SYNC_APPEND_ONLY)
    return refuse_append_only (self, error);
  if (!check_role (self, actor, error))
    return FALSE;
  if (self->kind->regulated && (reason == NULL || *reason == '\0'))
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                   _("Deleting a regulated record needs a reason"));
      return FALSE;
    }
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
  if (self->kind->after_write != NULL
      && !self->kind->after_write (self, actor, current, NULL, error))
    goto fail;
  return ff_store_commit (self->store, error);

fail:
  ff_store_rollback (self->store);
  return FALSE;
}
