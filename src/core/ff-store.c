/* ff-store.c — one open connection to a tenant's SQLCipher database. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "ff-error.h"
#include "ff-migrations.h"
#include "ff-paths.h"
#include "ff-store-private.h"
#include "ff-text.h"
#include "ff-uuid.h"

struct _FfStore
{
  GObject     parent_instance;

  /* owned */
  sqlite3    *db;
  char       *path;
  GHashTable *statements;  /* sql -> sqlite3_stmt* */
  FfHlc      *hlc;
  char       *device_id;
  char       *tenant_id;  /* the namespace of name-based ids; NULL when not known */
  guint       depth;
  gboolean    failed;
};

G_DEFINE_FINAL_TYPE (FfStore, ff_store, G_TYPE_OBJECT)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
ff_store_finalize (GObject *object)
{
  FfStore *self = FF_STORE (object);

  if (self->depth > 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->hlc, ff_hlc_free);
  g_clear_pointer (&self->device_id, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->tenant_id, g_free);

  G_OBJECT_CLASS (ff_store_parent_class)->finalize (object);
}

static void
ff_store_class_init (FfStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ff_store_finalize;
}

static void
ff_store_init (FfStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->hlc = ff_hlc_new (0);
}

gboolean
ff_store_set_error (FfStore     *self,
                    int          rc,
                    const char  *what,
                    GError     **error)
{
  int code = FF_STORE_ERROR_SQL;
  int primary = rc & 0xff;

  if (primary == SQLITE_NOTADB)
    code = FF_STORE_ERROR_NOT_A_DATABASE;
  else if (primary == SQLITE_CONSTRAINT)
    code = FF_STORE_ERROR_CONSTRAINT;
  g_set_error (error, FF_STORE_ERROR, code, "%s: %s", what,
               self && self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  return FALSE;
}

gboolean
ff_store_checkpoint (FfStore *self)
{
  int log = -1, copied = -1;

  g_return_val_if_fail (FF_IS_STORE (self), FALSE);
  g_return_val_if_fail (!ff_store_in_transaction (self), FALSE);

  if (sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &copied)
      != SQLITE_OK)
    {
      g_debug ("Store: checkpoint left for later: %s", sqlite3_errmsg (self->db));
      return FALSE;
    }
  return TRUE;
}

gboolean
ff_store_exec (FfStore     *self,
               const char  *sql,
               GError     **error)
{
  char *msg = NULL;
  int rc;

  g_return_val_if_fail (FF_IS_STORE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &msg);
  if (rc != SQLITE_OK)
    {
      int code = (rc & 0xff) == SQLITE_CONSTRAINT ? FF_STORE_ERROR_CONSTRAINT
               : (rc & 0xff) == SQLITE_NOTADB ? FF_STORE_ERROR_NOT_A_DATABASE
               : FF_STORE_ERROR_SQL;
      g_set_error (error, FF_STORE_ERROR, code, "%s", msg ? msg : sqlite3_errstr (rc));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
ff_store_prepare (FfStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FF_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ff_store_set_error (self, rc, _("Could not prepare a query"), error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
ff_store_step_done (FfStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return ff_store_set_error (self, rc, _("Could not write to the database"), error);
  return TRUE;
}

/* "L2" before "L10", "SKU-9" before "SKU-10": runs of digits compare by value, the rest
 * case-insensitively. Used for codes and names in lists. */
static int
natural_compare (void       *user_data,
                 int         len_a,
                 const void *data_a,
                 int         len_b,
                 const void *data_b)
{
  const unsigned char *a = data_a, *b = data_b;
  int i = 0, j = 0;

  while (i < len_a && j < len_b)
    {
      if (g_ascii_isdigit (a[i]) && g_ascii_isdigit (b[j]))
        {
          int si = i, sj = j, na, nb;

          while (si < len_a && a[si] == '0')
            si++;
          while (sj < len_b && b[sj] == '0')
            sj++;
          for (i = si; i < len_a && g_ascii_isdigit (a[i]); i++)
            ;
          for (j = sj; j < len_b && g_ascii_isdigit (b[j]); j++)
            ;
          na = i - si;
          nb = j - sj;
          if (na != nb)
            return na < nb ? -1 : 1;
          for (int k = 0; k < na; k++)
            if (a[si + k] != b[sj + k])
              return a[si + k] < b[sj + k] ? -1 : 1;
          continue;
        }
      if (g_ascii_tolower (a[i]) != g_ascii_tolower (b[j]))
        return g_ascii_tolower (a[i]) < g_ascii_tolower (b[j]) ? -1 : 1;
      i++;
      j++;
    }
  return (len_a - i > len_b - j) - (len_a - i < len_b - j);
}

/* The FF_CODE collation: codes compare regardless of case (ff-text.h). */
static int
code_compare (void       *user_data,
              int         len_a,
              const void *data_a,
              int         len_b,
              const void *data_b)
{
  return ff_text_code_compare (data_a, len_a, data_b, len_b);
}

/* ff_search_fold(text): @text as searches compare it, regardless of case in any script (what
 * LIKE does for ASCII only): NFKC-normalised and case-folded. ASCII is lowered in place. */
static void
search_fold_function (sqlite3_context  *context,
                      int               argc,
                      sqlite3_value   **argv)
{
  const unsigned char *text = sqlite3_value_text (argv[0]);
  int len = sqlite3_value_bytes (argv[0]);

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  if (ff_text_is_ascii ((const char *) text, len))
    {
      char *lowered = sqlite3_malloc (len + 1);

      if (lowered == NULL)
        {
          sqlite3_result_error_nomem (context);
          return;
        }
      for (int i = 0; i < len; i++)
        lowered[i] = g_ascii_tolower (text[i]);
      lowered[len] = '\0';
      sqlite3_result_text (context, lowered, len, sqlite3_free);
    }
  else
    {
      g_autofree char *folded = ff_text_search_fold ((const char *) text);
      sqlite3_result_text (context, folded, -1, SQLITE_TRANSIENT);
    }
}

/* ff_name_id(kind, key): the name-based id of the record of @kind that a migration makes from
 * @key (DESIGN.md section 3), the same on every device of the tenant. */
static void
name_id_function (sqlite3_context  *context,
                  int               argc,
                  sqlite3_value   **argv)
{
  FfStore *self = sqlite3_user_data (context);
  const char *kind = (const char *) sqlite3_value_text (argv[0]);
  const char *key = (const char *) sqlite3_value_text (argv[1]);
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  if (self->tenant_id == NULL)
    {
      sqlite3_result_error (context, "ff_name_id() needs the tenant id", -1);
      return;
    }
  if (kind == NULL || key == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  name = g_strconcat (self->tenant_id, "/", kind, "/", key, NULL);
  id = ff_uuid_v5_new (FF_STORE_NAME_ID_NAMESPACE, name);
  sqlite3_result_text (context, id, -1, SQLITE_TRANSIENT);
}

/* ff_json_object(name, value, ...): a JSON object of text values as the sync outbox carries a
 * record's fields (numbers as their text, blobs as base64, NULL as null), for migrations that
 * move records from one table to another and queue them again. */
static void
json_object_function (sqlite3_context  *context,
                      int               argc,
                      sqlite3_value   **argv)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  if (argc % 2 != 0)
    {
      sqlite3_result_error (context, "ff_json_object() takes names and values in pairs", -1);
      return;
    }
  json_builder_begin_object (builder);
  for (int i = 0; i < argc; i += 2)
    {
      json_builder_set_member_name (builder, (const char *) sqlite3_value_text (argv[i]));
      switch (sqlite3_value_type (argv[i + 1]))
        {
        case SQLITE_NULL:
          json_builder_add_null_value (builder);
          break;
        case SQLITE_BLOB:
          {
            g_autofree char *b64 = g_base64_encode (sqlite3_value_blob (argv[i + 1]),
                                                    (gsize) sqlite3_value_bytes (argv[i + 1]));
            json_builder_add_string_value (builder, b64);
          }
          break;
        default:
          json_builder_add_string_value (builder,
                                         (const char *) sqlite3_value_text (argv[i + 1]));
          break;
        }
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  sqlite3_result_text (context, text, -1, SQLITE_TRANSIENT);
}

/* Migrations -------------------------------------------------------------------------------- */

guint
ff_store_get_latest_version (void)
{
  return ff_migrations_count (FF_STORE_MIGRATIONS_PATH);
}

guint
ff_store_get_schema_version (FfStore *self)
{
  g_return_val_if_fail (FF_IS_STORE (self), 0);
  return ff_migrations_get_version (self->db);
}

gboolean
ff_store_migrate (FfStore  *self,
                  guint     target,
                  GError  **error)
{
  gboolean ok;

  g_return_val_if_fail (FF_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  ok = ff_migrations_apply (self->db, FF_STORE_MIGRATIONS_PATH, target, error);
  /* Cached statements may refer to the schema before the migration. */
  g_hash_table_remove_all (self->statements);
  return ok;
}

char *
ff_store_dump_schema (FfStore  *self,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  GString *out = g_string_new (NULL);

  stmt = ff_store_prepare (self, "SELECT type, name, sql FROM sqlite_master "
                                 "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name", error);
  if (stmt == NULL)
    return (g_string_free (out, TRUE), NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s %s\n",
                            (const char *) sqlite3_column_text (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2)
                              ? (const char *) sqlite3_column_text (stmt, 2) : "");
  sqlite3_reset (stmt);
  return g_string_free (out, FALSE);
}

/* Opening ----------------------------------------------------------------------------------- */

char *
_ff_store_format_key (const guint8  *key,
                      gsize         *out_len,
                      GError       **error)
{
  /* x'<64 hex>' in a locked buffer that is wiped before it is freed. */
  const gsize len = 2 + FF_STORE_KEY_SIZE * 2 + 1;
  char *raw = sodium_malloc (len + 1);

  if (raw == NULL)
    {
      g_set_error_literal (error, FF_STORE_ERROR, FF_STORE_ERROR_FAILED,
                           _("Could not allocate protected memory for the key"));
      return NULL;
    }
  raw[0] = 'x';
  raw[1] = '\'';
  sodium_bin2hex (raw + 2, FF_STORE_KEY_SIZE * 2 + 1, key, FF_STORE_KEY_SIZE);
  raw[len - 1] = '\'';
  raw[len] = '\0';
  *out_len = len;
  return raw;
}

static gboolean
apply_key (FfStore       *self,
           const guint8  *key,
           GError       **error)
{
  gsize len = 0;
  char *raw = _ff_store_format_key (key, &len, error);
  int rc;

  if (raw == NULL)
    return FALSE;
  rc = sqlite3_key (self->db, raw, (int) len);
  sodium_free (raw);
  if (rc != SQLITE_OK)
    return ff_store_set_error (self, rc, _("Could not key the database"), error);
  /* SQLCipher 4 (the Flatpak) reads and writes the 3.x format of Debian's SQLCipher 3.4, so a
   * tenant file moves between the two. SQLCipher 3 ignores the unknown pragma. */
  sqlite3_exec (self->db, "PRAGMA cipher_compatibility = 3", NULL, NULL, NULL);
  return TRUE;
}

/* WAL mode, and away with a rollback journal that a re-key killed part-way left behind (its
 * header zeroed, or it would have been played back by the read that checked the key): once
 * the file is in WAL mode no connection reads one. */
static gboolean
switch_to_wal (FfStore  *self,
               GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    wal = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return ff_store_set_error (self, rc, _("Could not open the tenant database"), error);
  if (wal)
    {
      g_autofree char *journal = g_strconcat (self->path, "-journal", NULL);
      g_unlink (journal);
    }
  return TRUE;
}

FfStore *
ff_store_open (const char       *path,
               const guint8     *key,
               FfStoreOpenFlags  flags,
               GError          **error)
{
  return ff_store_open_for_tenant (path, NULL, key, flags, error);
}

FfStore *
ff_store_open_for_tenant (const char       *path,
                          const char       *tenant_id,
                          const guint8     *key,
                          FfStoreOpenFlags  flags,
                          GError          **error)
{
  g_autoptr (FfStore) self = NULL;
  int open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;
  sqlite3_stmt *check = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, FF_STORE_ERROR, FF_STORE_ERROR_FAILED,
                           _("The cryptography library could not be initialised"));
      return NULL;
    }
  if (flags & FF_STORE_OPEN_CREATE)
    {
      if (!ff_paths_ensure_private_file (path, error))
        return NULL;
    }
  else if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, FF_STORE_ERROR, FF_STORE_ERROR_FAILED,
                   _("The tenant database “%s” does not exist"), path);
      return NULL;
    }

  self = g_object_new (FF_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->tenant_id = g_strdup (tenant_id);
  rc = sqlite3_open_v2 (path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      ff_store_set_error (self, rc, _("Could not open the tenant database"), error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_create_collation (self->db, "FF_NATURAL", SQLITE_UTF8, NULL, natural_compare);
  sqlite3_create_collation (self->db, "FF_CODE", SQLITE_UTF8, NULL, code_compare);
  sqlite3_create_function (self->db, "ff_name_id", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, self,
                           name_id_function, NULL, NULL);
  sqlite3_create_function (self->db, "ff_json_object", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           NULL, json_object_function, NULL, NULL);
  sqlite3_create_function (self->db, "ff_search_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                           search_fold_function, NULL, NULL);
  sqlite3_busy_timeout (self->db, 10000);
  if (!apply_key (self, key, error))
    return NULL;

  /* Reading the schema is what proves the key: with a wrong key SQLCipher reports
   * "file is encrypted or is not a database" here, before anything is written. */
  rc = sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM sqlite_master", -1, &check, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (check);
  sqlite3_finalize (check);
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      /* Held exclusively by a connection that is changing the key (ff_store_rekey_begin). */
      g_set_error_literal (error, FF_STORE_ERROR, FF_STORE_ERROR_BUSY,
                           _("The tenant is busy: another FoodFlow window or command is "
                             "changing its key. Try again when it has finished"));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      g_set_error_literal (error, FF_STORE_ERROR, FF_STORE_ERROR_NOT_A_DATABASE,
                           _("The key does not open this tenant database"));
      return NULL;
    }
  if (!switch_to_wal (self, error)
      || !ff_store_exec (self, "PRAGMA foreign_keys = ON", error)
      || !ff_store_exec (self, "PRAGMA synchronous = NORMAL", error)
      /* Room for a bulk write (demo, import) to stay in memory until it commits. */
      || !ff_store_exec (self, "PRAGMA cache_size = -32768", error)
      || !ff_store_exec (self, "PRAGMA temp_store = MEMORY", error)
      /* A bulk write grows the WAL to its size; once checkpointed it shrinks back to this. */
      || !ff_store_exec (self, "PRAGMA journal_size_limit = 67108864", error))
    return NULL;
  if (!(flags & FF_STORE_OPEN_NO_MIGRATE)
      && !ff_store_migrate (self, G_MAXUINT, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
ff_store_get_path (FfStore *self)
{
  g_return_val_if_fail (FF_IS_STORE (self), NULL);
  return self->path;
}

sqlite3 *
ff_store_get_handle (FfStore *self)
{
  g_return_val_if_fail (FF_IS_STORE (self), NULL);
  return self->db;
}

/* State and clock --------------------------------------------------------------------------- */

char *
ff_store_get_state (FfStore     *self,
                    const char  *key,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  char *value = NULL;
  int rc;

  stmt = ff_store_prepare (self, "SELECT value FROM sync_state WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    ff_store_set_error (self, rc, _("Could not read the sync state"), error);
  sqlite3_reset (stmt);
  return value;
}

gboolean
ff_store_set_state (FfStore     *self,
                    const char  *key,
                    const char  *value,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = ff_store_prepare (self, "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return ff_store_step_done (self, stmt, error);
}

static gboolean
load_clock_state (FfStore  *self,
                  GError  **error)
{
  g_autofree char *last = NULL;
  FfHlcTimestamp ts = 0;

  last = ff_store_get_state (self, "hlc", error);
  if (last == NULL && error && *error)
    return FALSE;
  if (last != NULL && ff_hlc_parse (last, &ts))
    ff_hlc_update (self->hlc, ts);

  if (self->device_id == NULL)
    {
      self->device_id = ff_store_get_state (self, "device_id", error);
      if (self->device_id == NULL)
        {
          if (error && *error)
            return FALSE;
          self->device_id = ff_uuid_v4_new ();
          if (!ff_store_set_state (self, "device_id", self->device_id, error))
            return FALSE;
        }
    }
  return TRUE;
}

const char *
ff_store_get_device_id (FfStore *self)
{
  g_return_val_if_fail (FF_IS_STORE (self), NULL);

  if (self->device_id == NULL)
    self->device_id = ff_store_get_state (self, "device_id", NULL);
  return self->device_id;
}

FfHlcTimestamp
ff_store_tick (FfStore *self)
{
  g_return_val_if_fail (FF_IS_STORE (self), 0);
  g_return_val_if_fail (self->depth > 0, 0);
  return ff_hlc_now (self->hlc);
}

void
ff_store_observe_hlc (FfStore        *self,
                      FfHlcTimestamp  remote)
{
  g_return_if_fail (FF_IS_STORE (self));
  g_return_if_fail (self->depth > 0);
  ff_hlc_update (self->hlc, remote);
}

/* Transactions ------------------------------------------------------------------------------ */

gboolean
ff_store_begin (FfStore  *self,
                GError  **error)
{
  g_return_val_if_fail (FF_IS_STORE (self), FALSE);

  if (self->depth++ > 0)
    return TRUE;
  self->failed = FALSE;
  if (!ff_store_exec (self, "BEGIN IMMEDIATE", error))
    {
      self->depth = 0;
      return FALSE;
    }
  if (!load_clock_state (self, error))
    {
      ff_store_exec (self, "ROLLBACK", NULL);
      self->depth = 0;
      return FALSE;
    }
  return TRUE;
}

gboolean
ff_store_commit (FfStore  *self,
                 GError  **error)
{
  g_autofree char *last = NULL;

  g_return_val_if_fail (FF_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (--self->depth > 0)
    return TRUE;
  if (self->failed)
    {
      ff_store_exec (self, "ROLLBACK", NULL);
      g_clear_pointer (&self->device_id, g_free);
      g_set_error_literal (error, FF_STORE_ERROR, FF_STORE_ERROR_FAILED,
                           _("The change was rolled back because part of it failed"));
      return FALSE;
    }
  last = ff_hlc_to_string (ff_hlc_get_last (self->hlc));
  if (!ff_store_set_state (self, "hlc", last, error)
      || !ff_store_exec (self, "COMMIT", error))
    {
      ff_store_exec (self, "ROLLBACK", NULL);
      g_clear_pointer (&self->device_id, g_free);
      return FALSE;
    }
  return TRUE;
}

void
ff_store_rollback (FfStore *self)
{
  g_return_if_fail (FF_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    {
      self->failed = TRUE;
      return;
    }
  ff_store_exec (self, "ROLLBACK", NULL);
  /* The device id may have been made in the transaction just undone; read it again. */
  g_clear_pointer (&self->device_id, g_free);
}

gboolean
ff_store_in_transaction (FfStore *self)
{
  g_return_val_if_fail (FF_IS_STORE (self), FALSE);
  return self->depth > 0;
}
