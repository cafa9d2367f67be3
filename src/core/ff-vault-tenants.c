/* ff-vault-tenants.c — making and removing tenants, so that a process killed at any point
 * leaves either a whole tenant or nothing anyone can see, and its debris is swept up. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-vault"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ff-clock.h"
#include "ff-actor.h"
#include "ff-error.h"
#include "ff-password.h"
#include "ff-tenant-name.h"
#include "ff-users.h"
#include "ff-uuid.h"
#include "ff-vault-private.h"

/* A tenant is registered as 'creating' before its database exists, by a process that holds an
 * exclusive flock() on "<database>.lock" until the row says 'ready'. The kernel drops the lock
 * when that process dies, so a 'creating' row whose lock can be taken belongs to nobody. */

static const char *const file_suffixes[] = { "", "-wal", "-shm", "-journal", ".lock" };

static char *
lock_path_for (const char *db_path)
{
  return g_strconcat (db_path, ".lock", NULL);
}

/* The database and its companions; the lock file too unless @keep_lock (it goes last, by
 * whoever holds it). */
static void
remove_tenant_files (const char *db_path,
                     gboolean    keep_lock)
{
  for (guint i = 0; i < G_N_ELEMENTS (file_suffixes) - (keep_lock ? 1 : 0); i++)
    {
      g_autofree char *path = g_strconcat (db_path, file_suffixes[i], NULL);

      if (g_unlink (path) != 0 && errno != ENOENT)
        g_info ("could not remove %s: %s", path, g_strerror (errno));
    }
}

/* Takes the lock of a tenant's creation, waiting for it when @wait. Returns the locked
 * descriptor, -1 when another process holds it (or it cannot be opened), or -2 when there is
 * no lock file (and @create is FALSE). */
static int
take_lock (const char *lock_path,
           gboolean    create,
           gboolean    wait)
{
  for (guint attempt = 0; attempt < 10; attempt++)
    {
      struct stat held, named;
      int fd = open (lock_path, O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0600);

      if (fd < 0)
        return errno == ENOENT && !create ? -2 : -1;
      if (flock (fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0)
        {
          close (fd);
          return -1;
        }
      /* The file may have been removed and made again between open() and flock(): the lock
       * only counts when it is on the file the name now points to. */
      if (fstat (fd, &held) == 0 && stat (lock_path, &named) == 0
          && held.st_dev == named.st_dev && held.st_ino == named.st_ino)
        return fd;
      close (fd);
      if (!create)
        return -2;
    }
  return -1;
}

static void
release_lock (const char *lock_path,
              int         fd)
{
  if (fd < 0)
    return;
  g_unlink (lock_path);
  close (fd);
}

/* Deletes the registry row of @tenant_id (and any key slots) if it is still 'creating'. */
static gboolean
delete_creating_row (FfVault     *self,
                     const char  *tenant_id,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!_ff_vault_registry_begin (self, error))
    return FALSE;
  /* Keys go with the row (ON DELETE CASCADE); a 'creating' row has none yet anyway. */
  stmt = _ff_vault_registry_prepare (self, "DELETE FROM tenants "
                                           "WHERE id = ? AND state = 'creating'", error);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
  ok = _ff_vault_registry_step (self, stmt, _("Could not remove the tenant"), error);
  if (!ok)
    {
      _ff_vault_registry_rollback (self);
      return FALSE;
    }
  return _ff_vault_registry_commit (self, error);
}

static gboolean
is_creating (FfVault    *self,
             const char *tenant_id)
{
  sqlite3_stmt *stmt;
  gboolean creating;

  g_rec_mutex_lock (&self->mutex);
  stmt = _ff_vault_registry_prepare (self, "SELECT 1 FROM tenants "
                                           "WHERE id = ? AND state = 'creating'", NULL);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
  creating = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  g_rec_mutex_unlock (&self->mutex);
  return creating;
}

/* Removes an unfinished creation whose creator is gone: files first (a crash after that
 * leaves a row to find again), then the row, then the lock file. */
static void
clean_up_creating (FfVault    *self,
                   const char *tenant_id,
                   const char *db_path)
{
  g_autofree char *lock_path = lock_path_for (db_path);
  g_autoptr (GError) error = NULL;
  int fd = take_lock (lock_path, FALSE, FALSE);

  if (fd == -1)
    return;
  /* The creator lets the lock go only after the row says 'ready', so with the lock in hand
   * (or no lock file left) the state read now is final. */
  if (!is_creating (self, tenant_id))
    {
      if (fd >= 0)
        close (fd);
      return;
    }
  g_info ("removing the unfinished tenant %s", tenant_id);
  remove_tenant_files (db_path, TRUE);
  if (!delete_creating_row (self, tenant_id, &error))
    g_info ("could not remove the unfinished tenant %s: %s", tenant_id, error->message);
  if (fd >= 0)
    release_lock (lock_path, fd);
}

/* Files in the tenants folder that no registry row owns: a creation killed before its row
 * was written, or a removal killed after. Taken only under their lock. */
static void
clean_up_orphans (FfVault *self)
{
  g_autofree char *tenants_dir = g_build_filename (self->data_dir, FF_VAULT_TENANTS_DIR, NULL);
  g_autoptr (GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) orphans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GDir) dir = NULL;
  GHashTableIter iter;
  gpointer id;
  sqlite3_stmt *stmt;
  const char *name;

  dir = g_dir_open (tenants_dir, 0, NULL);
  if (dir == NULL)
    return;
  g_rec_mutex_lock (&self->mutex);
  stmt = _ff_vault_registry_prepare (self, "SELECT id FROM tenants", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (known, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_rec_mutex_unlock (&self->mutex);
  if (stmt == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      const char *dot = strchr (name, '.');
      g_autofree char *tenant_id = dot ? g_strndup (name, (gsize) (dot - name)) : NULL;

      /* Only names of the form we make: "<uuid>.db", "<uuid>.db-wal", "<uuid>.db.lock"... */
      if (tenant_id == NULL || !g_str_has_prefix (dot, ".db") || strlen (tenant_id) != 36
          || g_hash_table_contains (known, tenant_id))
        continue;
      g_hash_table_add (orphans, g_steal_pointer (&tenant_id));
    }

  g_hash_table_iter_init (&iter, orphans);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      g_autofree char *file = g_strconcat (id, ".db", NULL);
      g_autofree char *db_path = g_build_filename (tenants_dir, file, NULL);
      g_autofree char *lock_path = lock_path_for (db_path);
      int fd = take_lock (lock_path, TRUE, FALSE);
      gboolean registered;

      if (fd < 0)
        continue;
      /* Registered meanwhile by a creator that took the lock after this one let it go? */
      g_rec_mutex_lock (&self->mutex);
      stmt = _ff_vault_registry_prepare (self, "SELECT 1 FROM tenants WHERE id = ?", NULL);
      if (stmt != NULL)
        sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      registered = stmt == NULL || sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_finalize (stmt);
      g_rec_mutex_unlock (&self->mutex);
      /* Then the lock file is one this sweep just made again, after its creator was done. */
      if (registered)
        {
          release_lock (lock_path, fd);
          continue;
        }
      g_info ("removing files of no tenant: %s", db_path);
      remove_tenant_files (db_path, TRUE);
      release_lock (lock_path, fd);
    }
}

void
_ff_vault_clean_up (FfVault    *self,
                    const char *name_key)
{
  g_autoptr (GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_rec_mutex_lock (&self->mutex);
  stmt = _ff_vault_registry_prepare (self, name_key != NULL
                                           ? "SELECT id, file FROM tenants "
                                             "WHERE state = 'creating' AND name_key = ?"
                                           : "SELECT id, file FROM tenants "
                                             "WHERE state = 'creating'", NULL);
  if (stmt != NULL && name_key != NULL)
    sqlite3_bind_text (stmt, 1, name_key, -1, SQLITE_TRANSIENT);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (stale, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (stale, g_build_filename (self->data_dir,
                                                (const char *) sqlite3_column_text (stmt, 1),
                                                NULL));
    }
  sqlite3_finalize (stmt);
  g_rec_mutex_unlock (&self->mutex);

  for (guint i = 0; i + 1 < stale->len; i += 2)
    clean_up_creating (self, g_ptr_array_index (stale, i), g_ptr_array_index (stale, i + 1));
  if (name_key == NULL)
    clean_up_orphans (self);
}

/* Creating ---------------------------------------------------------------------------------- */

/* Writes the row that reserves the name, as 'creating'. */
static gboolean
register_creating (FfVault             *self,
                   const FfTenantInfo  *info,
                   const char          *name_key,
                   const char          *file,
                   GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!_ff_vault_registry_begin (self, error))
    return FALSE;
  stmt = _ff_vault_registry_prepare (self, "INSERT INTO tenants (id, name, name_key, file, "
                                           "created_at, state) "
                                           "VALUES (?, ?, ?, ?, ?, 'creating')", error);
  if (stmt == NULL)
    {
      _ff_vault_registry_rollback (self);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, info->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, info->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, name_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, file, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, info->created_at, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      /* Taken by a tenant made (or being made) since the check, in this process or another. */
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, FF_ERROR, FF_ERROR_EXISTS,
                     _("A tenant named “%s” already exists"), info->name);
      else
        _ff_vault_registry_error (self, _("Could not register the tenant"), error);
      _ff_vault_registry_rollback (self);
      return FALSE;
    }
  return _ff_vault_registry_commit (self, error);
}

/* In one transaction: the admin's keys, with the data key sealed for them as generation 1,
 * and the row flipped to 'ready'. */
static gboolean
register_ready (FfVault       *self,
                const char    *tenant_id,
                const char    *admin_username,
                const char    *password,
                const guint8  *key,
                GError       **error)
{
  FfVaultUserKeys keys;
  sqlite3_stmt *stmt;

  /* The slow part (the password's key derivation) before the registry is locked. */
  if (!_ff_vault_user_keys_make (tenant_id, admin_username, password, &keys, error))
    return FALSE;
  if (!_ff_vault_registry_begin (self, error))
    {
      _ff_vault_user_keys_clear (&keys);
      return FALSE;
    }
  if (!_ff_vault_store_user_keys (self, tenant_id, admin_username, &keys, error)
      || !_ff_vault_seal (self, tenant_id, admin_username, 1, keys.public_key, key, error))
    goto fail;
  stmt = _ff_vault_registry_prepare (self, "UPDATE tenants SET state = 'ready', "
                                           "key_generation = 1, pending_generation = NULL "
                                           "WHERE id = ? AND state = 'creating'", error);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
  if (!_ff_vault_registry_step (self, stmt, _("Could not register the tenant"), error))
    goto fail;
  if (sqlite3_changes (self->registry) != 1)
    {
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_FAILED,
                           _("The new tenant was removed while it was being made"));
      goto fail;
    }
  _ff_vault_user_keys_clear (&keys);
  return _ff_vault_registry_commit (self, error);

fail:
  _ff_vault_user_keys_clear (&keys);
  _ff_vault_registry_rollback (self);
  return FALSE;
}

/* The database with the current schema, the admin user, and whatever @populate adds. */
static gboolean
make_database (const FfTenantInfo   *info,
               const guint8         *key,
               const char           *admin_username,
               FfVaultPopulateFunc   populate,
               gpointer              populate_data,
               GCancellable         *cancellable,
               GError              **error)
{
  g_autoptr (FfStore) store = NULL;
  FfActor actor = { admin_username, FF_ROLE_ADMIN };

  store = ff_store_open_for_tenant (info->path, info->id, key, FF_STORE_OPEN_CREATE, error);
  if (store == NULL || !ff_users_add (store, admin_username, FF_ROLE_ADMIN, error))
    return FALSE;
  _ff_vault_crash_point ("create-database");
  if (populate != NULL && !populate (store, &actor, populate_data, cancellable, error))
    return FALSE;
  return TRUE;
}

FfTenantInfo *
ff_vault_create_tenant (FfVault              *self,
                        const char           *name,
                        const char           *admin_username,
                        const char           *password,
                        FfVaultCreateFlags    flags,
                        FfVaultPopulateFunc   populate,
                        gpointer              populate_data,
                        GCancellable         *cancellable,
                        GError              **error)
{
  g_autoptr (FfTenantInfo) info = NULL;
  g_autoptr (FfTenantInfo) existing = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *name_key = NULL;
  g_autofree char *file = NULL;
  g_autofree char *lock_path = NULL;
  guint8 *key;
  gboolean ok;
  int lock_fd;

  g_return_val_if_fail (FF_IS_VAULT (self), NULL);
  g_return_val_if_fail (name != NULL && admin_username != NULL && password != NULL, NULL);

  display_name = ff_tenant_name_normalize (name, error);
  if (display_name == NULL)
    return NULL;
  name_key = ff_tenant_name_key (display_name);
  if (!ff_users_name_is_valid (admin_username))
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                   _("“%s” is not a valid user name: use 1 to 64 lower-case letters, digits, "
                     "dots, dashes or underscores"), admin_username);
      return NULL;
    }
  if (!(flags & FF_VAULT_CREATE_ALLOW_WEAK_PASSWORD)
      && !ff_password_is_acceptable (password, error))
    return NULL;

  /* A creation of this name that was killed must not keep the name. */
  _ff_vault_clean_up (self, name_key);
  existing = ff_vault_find_tenant (self, display_name, NULL);
  if (existing != NULL)
    {
      g_set_error (error, FF_ERROR, FF_ERROR_EXISTS,
                   _("A tenant named “%s” already exists"), existing->name);
      return NULL;
    }

  info = g_new0 (FfTenantInfo, 1);
  info->id = ff_uuid_v7_new ();
  info->name = g_strdup (display_name);
  file = g_strdup_printf (FF_VAULT_TENANTS_DIR G_DIR_SEPARATOR_S "%s.db", info->id);
  info->path = g_build_filename (self->data_dir, file, NULL);
  now = ff_clock_now ();
  info->created_at = g_date_time_format_iso8601 (now);

  /* The lock before the row: whoever sees the row finds it held. */
  lock_path = lock_path_for (info->path);
  lock_fd = take_lock (lock_path, TRUE, TRUE);
  if (lock_fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create “%s”: %s"), lock_path, g_strerror (saved));
      return NULL;
    }
  if (!register_creating (self, info, name_key, file, error))
    {
      release_lock (lock_path, lock_fd);
      return NULL;
    }
  _ff_vault_crash_point ("create-registered");

  key = sodium_malloc (FF_STORE_KEY_SIZE);
  if (key == NULL)
    {
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_FAILED,
                           _("Could not allocate protected memory for the key"));
      ok = FALSE;
    }
  else
    {
      randombytes_buf (key, FF_STORE_KEY_SIZE);
      ok = make_database (info, key, admin_username, populate, populate_data, cancellable,
                          error);
      _ff_vault_crash_point ("create-populated");
      ok = ok && register_ready (self, info->id, admin_username, password, key, error);
      sodium_free (key);
    }

  if (!ok)
    {
      remove_tenant_files (info->path, TRUE);
      delete_creating_row (self, info->id, NULL);
      release_lock (lock_path, lock_fd);
      return NULL;
    }
  release_lock (lock_path, lock_fd);
  g_info ("created tenant %s (%s)", info->name, info->id);
  return g_steal_pointer (&info);
}

/* Removing ---------------------------------------------------------------------------------- */

gboolean
ff_vault_delete_tenant (FfVault     *self,
                        FfSession   *admin,
                        GError     **error)
{
  /* The tenant row last: its changes() tells whether there was one. */
  static const char *const delete_statements[] = {
    "DELETE FROM sealed_slots WHERE tenant_id = ?",
    "DELETE FROM user_keys WHERE tenant_id = ?",
    "DELETE FROM key_slots WHERE tenant_id = ?",
    "DELETE FROM tenants WHERE id = ?",
  };
  g_autoptr (FfTenantInfo) info = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (FF_IS_VAULT (self), FALSE);
  g_return_val_if_fail (FF_IS_SESSION (admin), FALSE);

  if (!_ff_vault_require_admin (admin, _("Only an administrator can delete the tenant"), error))
    return FALSE;
  info = ff_tenant_info_copy (ff_session_get_tenant (admin));
  /* The session's connection is the last thing that would write to the files. */
  ff_session_lock (admin);

  if (!_ff_vault_registry_begin (self, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (delete_statements) && ok; i++)
    {
      stmt = _ff_vault_registry_prepare (self, delete_statements[i], error);
      if (stmt != NULL)
        sqlite3_bind_text (stmt, 1, info->id, -1, SQLITE_TRANSIENT);
      ok = _ff_vault_registry_step (self, stmt, _("Could not remove the tenant"), error);
    }
  if (ok && sqlite3_changes (self->registry) != 1)
    {
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_TENANT,
                           _("The tenant no longer exists on this computer"));
      ok = FALSE;
    }
  if (!ok)
    {
      _ff_vault_registry_rollback (self);
      return FALSE;
    }
  if (!_ff_vault_registry_commit (self, error))
    return FALSE;
  remove_tenant_files (info->path, FALSE);
  g_info ("deleted tenant %s (%s)", info->name, info->id);
  return TRUE;
}
