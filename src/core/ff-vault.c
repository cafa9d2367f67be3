/* ff-vault.c — the tenant registry and the keys. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-vault"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "ff-error.h"
#include "ff-migrations.h"
#include "ff-password.h"
#include "ff-paths.h"
#include "ff-tenant-name.h"
#include "ff-users.h"
#include "ff-uuid.h"
#include "ff-vault.h"

#define REGISTRY_FILE "registry.db"
#define TENANTS_DIR "tenants"

struct _FfVault
{
  GObject  parent_instance;

  /* owned */
  char    *data_dir;
  sqlite3 *registry;
  GMutex   mutex;
};

G_DEFINE_FINAL_TYPE (FfVault, ff_vault, G_TYPE_OBJECT)

static void
ff_vault_finalize (GObject *object)
{
  FfVault *self = FF_VAULT (object);

  if (self->registry != NULL)
    sqlite3_close_v2 (self->registry);
  g_free (self->data_dir);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (ff_vault_parent_class)->finalize (object);
}

static void
ff_vault_class_init (FfVaultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ff_vault_finalize;
}

static void
ff_vault_init (FfVault *self)
{
  g_mutex_init (&self->mutex);
}

static gboolean
registry_error (FfVault     *self,
                const char  *what,
                GError     **error)
{
  g_set_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_FAILED, "%s: %s", what,
               sqlite3_errmsg (self->registry));
  return FALSE;
}

static sqlite3_stmt *
registry_prepare (FfVault     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->registry, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      registry_error (self, _("The tenant registry could not be read"), error);
      return NULL;
    }
  return stmt;
}

/* ff_tenant_name_key() for SQL: the registry migration that introduced the key fills it. */
static void
name_key_function (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  const char *name = (const char *) sqlite3_value_text (argv[0]);
  char *key = name ? ff_tenant_name_key (name) : NULL;

  if (key == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, key, -1, g_free);
}

FfVault *
ff_vault_open (const char  *data_dir,
               GError     **error)
{
  g_autoptr (FfVault) self = NULL;
  g_autofree char *registry_path = NULL;
  g_autofree char *tenants_dir = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_FAILED,
                           _("The cryptography library could not be initialised"));
      return NULL;
    }
  tenants_dir = g_build_filename (data_dir, TENANTS_DIR, NULL);
  if (g_mkdir_with_parents (tenants_dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the data directory “%s”: %s"), data_dir,
                   g_strerror (saved));
      return NULL;
    }

  self = g_object_new (FF_TYPE_VAULT, NULL);
  self->data_dir = g_strdup (data_dir);
  registry_path = g_build_filename (data_dir, REGISTRY_FILE, NULL);
  if (!ff_paths_ensure_private_file (registry_path, error))
    return NULL;
  if (sqlite3_open_v2 (registry_path, &self->registry,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      registry_error (self, _("Could not open the tenant registry"), error);
      return NULL;
    }
  sqlite3_busy_timeout (self->registry, 10000);

  if (sqlite3_exec (self->registry, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_create_function (self->registry, "ff_tenant_name_key", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, name_key_function,
                                  NULL, NULL) != SQLITE_OK)
    {
      registry_error (self, _("The tenant registry could not be prepared"), error);
      return NULL;
    }
  if (!ff_migrations_apply (self->registry, FF_VAULT_REGISTRY_MIGRATIONS_PATH, G_MAXUINT, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
ff_vault_get_data_dir (FfVault *self)
{
  g_return_val_if_fail (FF_IS_VAULT (self), NULL);
  return self->data_dir;
}

/* Tenants ----------------------------------------------------------------------------------- */

static FfTenantInfo *
tenant_from_row (FfVault      *self,
                 sqlite3_stmt *stmt)
{
  FfTenantInfo *info = g_new0 (FfTenantInfo, 1);

  info->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  info->path = g_build_filename (self->data_dir, (const char *) sqlite3_column_text (stmt, 2),
                                 NULL);
  info->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  return info;
}

GPtrArray *
ff_vault_list_tenants (FfVault  *self,
                       GError  **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ff_tenant_info_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FF_IS_VAULT (self), NULL);

  stmt = registry_prepare (self, "SELECT id, name, file, created_at FROM tenants ORDER BY name",
                           error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, tenant_from_row (self, stmt));
  sqlite3_finalize (stmt);
  return g_steal_pointer (&list);
}

FfTenantInfo *
ff_vault_find_tenant (FfVault     *self,
                      const char  *name_or_id,
                      GError     **error)
{
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  FfTenantInfo *info = NULL;

  g_return_val_if_fail (FF_IS_VAULT (self), NULL);
  g_return_val_if_fail (name_or_id != NULL, NULL);

  key = ff_tenant_name_key (name_or_id);
  stmt = registry_prepare (self, "SELECT id, name, file, created_at FROM tenants "
                                 "WHERE name_key = ?1 OR id = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name_or_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    info = tenant_from_row (self, stmt);
  sqlite3_finalize (stmt);
  if (info == NULL)
    g_set_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_TENANT,
                 _("There is no tenant named “%s”"), name_or_id);
  return info;
}

GStrv
ff_vault_list_usernames (FfVault     *self,
                         const char  *tenant_id,
                         GError     **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FF_IS_VAULT (self), NULL);

  stmt = registry_prepare (self, "SELECT username FROM key_slots WHERE tenant_id = ? "
                                 "ORDER BY username", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_strv_builder_end (builder);
}

/* Key slots --------------------------------------------------------------------------------- */

/* The key-encryption key for one (tenant, user, password, salt), in protected memory. */
static guint8 *
derive_kek (const char  *tenant_id,
            const char  *username,
            const char  *password,
            const guint8 *salt,
            guint64      opslimit,
            gsize        memlimit,
            GError     **error)
{
  guint8 *stretched = sodium_malloc (crypto_secretbox_KEYBYTES);
  guint8 *kek = sodium_malloc (crypto_secretbox_KEYBYTES);
  g_autofree char *context = g_strdup_printf ("foodflow-key-slot/%s/%s", tenant_id, username);

  if (stretched == NULL || kek == NULL)
    {
      sodium_free (stretched);
      sodium_free (kek);
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_FAILED,
                           _("Could not allocate protected memory for the key"));
      return NULL;
    }
  if (crypto_pwhash (stretched, crypto_secretbox_KEYBYTES, password, strlen (password), salt,
                     opslimit, memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      sodium_free (stretched);
      sodium_free (kek);
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_FAILED,
                           _("Not enough memory to derive the key from the password"));
      return NULL;
    }
  crypto_generichash (kek, crypto_secretbox_KEYBYTES, (const guint8 *) context, strlen (context),
                      stretched, crypto_secretbox_KEYBYTES);
  sodium_free (stretched);
  return kek;
}

/* Wraps @key for @username and writes the slot (replacing any). Runs inside the caller's
 * registry transaction. */
static gboolean
write_key_slot (FfVault      *self,
                const char   *tenant_id,
                const char   *username,
                const char   *password,
                const guint8 *key,
                GError      **error)
{
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint8 nonce[crypto_secretbox_NONCEBYTES];
  guint8 wrapped[FF_STORE_KEY_SIZE + crypto_secretbox_MACBYTES];
  const guint64 ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  const gsize mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  guint8 *kek;
  sqlite3_stmt *stmt;
  gboolean ok;

  randombytes_buf (salt, sizeof salt);
  randombytes_buf (nonce, sizeof nonce);
  kek = derive_kek (tenant_id, username, password, salt, ops, mem, error);
  if (kek == NULL)
    return FALSE;
  crypto_secretbox_easy (wrapped, key, FF_STORE_KEY_SIZE, nonce, kek);
  sodium_free (kek);

  stmt = registry_prepare (self, "INSERT OR REPLACE INTO key_slots (tenant_id, username, "
                                 "opslimit, memlimit, salt, nonce, wrapped) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) ops);
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) mem);
  sqlite3_bind_blob (stmt, 5, salt, sizeof salt, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 6, nonce, sizeof nonce, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 7, wrapped, sizeof wrapped, SQLITE_TRANSIENT);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    return registry_error (self, _("Could not store the user's key"), error);
  return TRUE;
}

/* The data key, unwrapped into protected memory, or NULL with FF_VAULT_ERROR_AUTH. Reads only. */
static guint8 *
read_key_slot (FfVault     *self,
               const char  *tenant_id,
               const char  *username,
               const char  *password,
               GError     **error)
{
  g_autofree guint8 *salt = NULL, *nonce = NULL, *wrapped = NULL;
  gsize wrapped_len = 0;
  guint64 ops = 0;
  gsize mem = 0;
  gboolean found = FALSE;
  sqlite3_stmt *stmt;
  guint8 *kek, *key;

  stmt = registry_prepare (self, "SELECT opslimit, memlimit, salt, nonce, wrapped FROM key_slots "
                                 "WHERE tenant_id = ? AND username = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW
      && sqlite3_column_bytes (stmt, 2) == crypto_pwhash_SALTBYTES
      && sqlite3_column_bytes (stmt, 3) == crypto_secretbox_NONCEBYTES
      && sqlite3_column_bytes (stmt, 4) == FF_STORE_KEY_SIZE + crypto_secretbox_MACBYTES)
    {
      found = TRUE;
      ops = (guint64) sqlite3_column_int64 (stmt, 0);
      mem = (gsize) sqlite3_column_int64 (stmt, 1);
      salt = g_memdup2 (sqlite3_column_blob (stmt, 2), crypto_pwhash_SALTBYTES);
      nonce = g_memdup2 (sqlite3_column_blob (stmt, 3), crypto_secretbox_NONCEBYTES);
      wrapped_len = (gsize) sqlite3_column_bytes (stmt, 4);
      wrapped = g_memdup2 (sqlite3_column_blob (stmt, 4), wrapped_len);
    }
  sqlite3_finalize (stmt);

  /* An unknown user gets the same answer as a wrong password, after the same work, so
   * neither the message nor the time tells which user names exist. */
  if (!found)
    {
      guint8 dummy_salt[crypto_pwhash_SALTBYTES];
      randombytes_buf (dummy_salt, sizeof dummy_salt);
      kek = derive_kek (tenant_id, username, password, dummy_salt,
                        crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                        NULL);
      sodium_free (kek);
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH,
                           _("Wrong user name or password"));
      return NULL;
    }
  kek = derive_kek (tenant_id, username, password, salt, ops, mem, error);
  if (kek == NULL)
    return NULL;
  key = sodium_malloc (FF_STORE_KEY_SIZE);
  if (key == NULL || crypto_secretbox_open_easy (key, wrapped, wrapped_len, nonce, kek) != 0)
    {
      sodium_free (kek);
      sodium_free (key);
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH,
                           _("Wrong user name or password"));
      return NULL;
    }
  sodium_free (kek);
  return key;
}

static gboolean
registry_exec (FfVault     *self,
               const char  *sql,
               GError     **error)
{
  if (sqlite3_exec (self->registry, sql, NULL, NULL, NULL) != SQLITE_OK)
    return registry_error (self, _("The tenant registry could not be written"), error);
  return TRUE;
}

static void
remove_tenant_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

FfTenantInfo *
ff_vault_create_tenant (FfVault             *self,
                        const char          *name,
                        const char          *admin_username,
                        const char          *password,
                        FfVaultCreateFlags   flags,
                        GError             **error)
{
  g_autoptr (FfTenantInfo) info = NULL;
  g_autoptr (FfTenantInfo) existing = NULL;
  g_autoptr (FfStore) store = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *name_key = NULL;
  g_autofree char *file = NULL;
  guint8 *key = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (FF_IS_VAULT (self), NULL);
  g_return_val_if_fail (name != NULL && admin_username != NULL && password != NULL, NULL);

  stripped = ff_tenant_name_normalize (name, error);
  if (stripped == NULL)
    return NULL;
  name_key = ff_tenant_name_key (stripped);
  if (!ff_users_name_is_valid (admin_username))
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                   _("“%s” is not a valid user name: use 1 to 64 lower-case letters, digits, "
                     "dots, dashes or underscores"), admin_username);
      return NULL;
    }
  if (!(flags & FF_VAULT_CREATE_ALLOW_WEAK_PASSWORD) && !ff_password_is_acceptable (password, error))
    return NULL;

  g_mutex_lock (&self->mutex);
  existing = ff_vault_find_tenant (self, stripped, NULL);
  if (existing != NULL)
    {
      g_mutex_unlock (&self->mutex);
      g_set_error (error, FF_ERROR, FF_ERROR_EXISTS,
                   _("A tenant named “%s” already exists"), existing->name);
      return NULL;
    }

  info = g_new0 (FfTenantInfo, 1);
  info->id = ff_uuid_v7_new ();
  info->name = g_strdup (stripped);
  file = g_strdup_printf (TENANTS_DIR G_DIR_SEPARATOR_S "%s.db", info->id);
  info->path = g_build_filename (self->data_dir, file, NULL);
  now = g_date_time_new_now_utc ();
  info->created_at = g_date_time_format_iso8601 (now);

  key = sodium_malloc (FF_STORE_KEY_SIZE);
  if (key == NULL)
    {
      g_mutex_unlock (&self->mutex);
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_FAILED,
                           _("Could not allocate protected memory for the key"));
      return NULL;
    }
  randombytes_buf (key, FF_STORE_KEY_SIZE);

  store = ff_store_open (info->path, key, FF_STORE_OPEN_CREATE, error);
  ok = store != NULL && ff_users_add (store, admin_username, FF_ROLE_ADMIN, error);
  g_clear_object (&store);
  if (ok)
    ok = registry_exec (self, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      stmt = registry_prepare (self, "INSERT INTO tenants (id, name, name_key, file, created_at) "
                                     "VALUES (?, ?, ?, ?, ?)", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, info->id, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, info->name, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, name_key, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 4, file, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 5, info->created_at, -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (stmt);
          ok = rc == SQLITE_DONE;
          /* Another process registered the same name since the check above. */
          if ((rc & 0xff) == SQLITE_CONSTRAINT)
            g_set_error (error, FF_ERROR, FF_ERROR_EXISTS,
                         _("A tenant named “%s” already exists"), info->name);
          else if (!ok)
            registry_error (self, _("Could not register the tenant"), error);
          sqlite3_finalize (stmt);
        }
      ok = ok && write_key_slot (self, info->id, admin_username, password, key, error);
      ok = ok && registry_exec (self, "COMMIT", error);
      if (!ok)
        sqlite3_exec (self->registry, "ROLLBACK", NULL, NULL, NULL);
    }
  sodium_free (key);
  g_mutex_unlock (&self->mutex);

  if (!ok)
    {
      remove_tenant_files (info->path);
      return NULL;
    }
  g_info ("created tenant %s (%s)", info->name, info->id);
  return g_steal_pointer (&info);
}

gboolean
ff_vault_delete_tenant (FfVault     *self,
                        const char  *tenant_id,
                        GError     **error)
{
  g_autoptr (FfTenantInfo) info = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (FF_IS_VAULT (self), FALSE);

  g_mutex_lock (&self->mutex);
  info = ff_vault_find_tenant (self, tenant_id, error);
  ok = info != NULL && registry_exec (self, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      stmt = registry_prepare (self, "DELETE FROM key_slots WHERE tenant_id = ?1; ", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, info->id, -1, SQLITE_TRANSIENT);
          ok = sqlite3_step (stmt) == SQLITE_DONE;
          sqlite3_finalize (stmt);
        }
      stmt = ok ? registry_prepare (self, "DELETE FROM tenants WHERE id = ?1", error) : NULL;
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, info->id, -1, SQLITE_TRANSIENT);
          ok = sqlite3_step (stmt) == SQLITE_DONE;
          sqlite3_finalize (stmt);
        }
      if (ok)
        ok = registry_exec (self, "COMMIT", error);
      else
        {
          if (error && *error == NULL)
            registry_error (self, _("Could not remove the tenant"), error);
          sqlite3_exec (self->registry, "ROLLBACK", NULL, NULL, NULL);
        }
    }
  g_mutex_unlock (&self->mutex);
  if (ok)
    remove_tenant_files (info->path);
  return ok;
}

/* Unlocking --------------------------------------------------------------------------------- */

FfSession *
ff_vault_unlock (FfVault     *self,
                 const char  *tenant,
                 const char  *username,
                 const char  *password,
                 GError     **error)
{
  g_autoptr (FfTenantInfo) info = NULL;
  g_autoptr (FfStore) store = NULL;
  g_autoptr (GError) local_error = NULL;
  guint8 *key;
  FfRole role;

  g_return_val_if_fail (FF_IS_VAULT (self), NULL);
  g_return_val_if_fail (tenant != NULL && username != NULL && password != NULL, NULL);

  info = ff_vault_find_tenant (self, tenant, error);
  if (info == NULL)
    return NULL;
  key = read_key_slot (self, info->id, username, password, error);
  if (key == NULL)
    return NULL;

  store = ff_store_open (info->path, key, FF_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    {
      sodium_free (key);
      return NULL;
    }
  if (!ff_users_get_role (store, username, &role, &local_error))
    {
      /* A key slot without a live user row: the user was removed on another device. */
      sodium_free (key);
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH,
                           _("Wrong user name or password"));
      return NULL;
    }
  return _ff_session_new (info, username, role, key, store);
}

typedef struct
{
  char *tenant;
  char *username;
  char *password;
} UnlockData;

static void
unlock_data_free (UnlockData *data)
{
  g_free (data->tenant);
  g_free (data->username);
  if (data->password != NULL)
    {
      sodium_memzero (data->password, strlen (data->password));
      g_free (data->password);
    }
  g_free (data);
}

static void
unlock_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  UnlockData *data = task_data;
  GError *error = NULL;
  FfSession *session;

  session = ff_vault_unlock (source_object, data->tenant, data->username, data->password, &error);
  if (session == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, session, g_object_unref);
}

void
ff_vault_unlock_async (FfVault             *self,
                       const char          *tenant,
                       const char          *username,
                       const char          *password,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  UnlockData *data;

  g_return_if_fail (FF_IS_VAULT (self));

  data = g_new0 (UnlockData, 1);
  data->tenant = g_strdup (tenant);
  data->username = g_strdup (username);
  data->password = g_strdup (password);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ff_vault_unlock_async);
  g_task_set_task_data (task, data, (GDestroyNotify) unlock_data_free);
  g_task_run_in_thread (task, unlock_thread);
}

FfSession *
ff_vault_unlock_finish (FfVault       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Users ------------------------------------------------------------------------------------- */

static gboolean
require_admin (FfSession  *session,
               GError    **error)
{
  if (ff_session_is_locked (session))
    {
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_LOCKED,
                           _("The tenant is locked; unlock it again"));
      return FALSE;
    }
  if (ff_session_get_role (session) != FF_ROLE_ADMIN)
    {
      g_set_error_literal (error, FF_ERROR, FF_ERROR_PERMISSION,
                           _("Only an administrator can manage users"));
      return FALSE;
    }
  return TRUE;
}

gboolean
ff_vault_add_user (FfVault     *self,
                   FfSession   *admin,
                   const char  *username,
                   FfRole       role,
                   const char  *password,
                   GError     **error)
{
  const FfTenantInfo *tenant;
  FfStore *store;
  gboolean ok;

  g_return_val_if_fail (FF_IS_VAULT (self), FALSE);
  g_return_val_if_fail (FF_IS_SESSION (admin), FALSE);
  g_return_val_if_fail (username != NULL && password != NULL, FALSE);

  if (!require_admin (admin, error))
    return FALSE;
  if (!ff_password_is_acceptable (password, error))
    return FALSE;
  tenant = ff_session_get_tenant (admin);
  store = ff_session_get_store (admin);

  /* The user row and the key slot commit together: the tenant transaction stays open until
   * the registry has committed, and is rolled back if it did not. */
  g_mutex_lock (&self->mutex);
  ok = ff_store_begin (store, error);
  if (ok)
    {
      ok = ff_users_add (store, username, role, error)
           && registry_exec (self, "BEGIN IMMEDIATE", error);
      if (ok)
        {
          ok = write_key_slot (self, tenant->id, username, password, _ff_session_peek_key (admin),
                               error)
               && registry_exec (self, "COMMIT", error);
          if (!ok)
            sqlite3_exec (self->registry, "ROLLBACK", NULL, NULL, NULL);
        }
      if (ok)
        ok = ff_store_commit (store, error);
      else
        ff_store_rollback (store);
    }
  g_mutex_unlock (&self->mutex);
  return ok;
}

gboolean
ff_vault_remove_user (FfVault     *self,
                      FfSession   *admin,
                      const char  *username,
                      GError     **error)
{
  const FfTenantInfo *tenant;
  FfStore *store;
  sqlite3_stmt *stmt;
  FfRole role;
  gboolean ok;

  g_return_val_if_fail (FF_IS_VAULT (self), FALSE);
  g_return_val_if_fail (FF_IS_SESSION (admin), FALSE);
  g_return_val_if_fail (username != NULL, FALSE);

  if (!require_admin (admin, error))
    return FALSE;
  tenant = ff_session_get_tenant (admin);
  store = ff_session_get_store (admin);
  if (!ff_users_get_role (store, username, &role, error))
    return FALSE;
  if (role == FF_ROLE_ADMIN && ff_users_count_role (store, FF_ROLE_ADMIN, NULL) <= 1)
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                   _("“%s” is the only administrator and cannot be removed"), username);
      return FALSE;
    }

  g_mutex_lock (&self->mutex);
  ok = ff_store_begin (store, error);
  if (ok)
    {
      ok = ff_users_remove (store, username, error)
           && registry_exec (self, "BEGIN IMMEDIATE", error);
      if (ok)
        {
          stmt = registry_prepare (self, "DELETE FROM key_slots WHERE tenant_id = ? "
                                         "AND username = ?", error);
          ok = stmt != NULL;
          if (ok)
            {
              sqlite3_bind_text (stmt, 1, tenant->id, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
              ok = sqlite3_step (stmt) == SQLITE_DONE;
              if (!ok)
                registry_error (self, _("Could not remove the user's key"), error);
              sqlite3_finalize (stmt);
            }
          ok = ok && registry_exec (self, "COMMIT", error);
          if (!ok)
            sqlite3_exec (self->registry, "ROLLBACK", NULL, NULL, NULL);
        }
      if (ok)
        ok = ff_store_commit (store, error);
      else
        ff_store_rollback (store);
    }
  g_mutex_unlock (&self->mutex);
  return ok;
}
