/* ff-vault.c — the tenant registry: opening it, its transactions, listing and finding tenants.
 * Creating tenants is in ff-vault-tenants.c, keys in ff-vault-keys.c, unlocking in
 * ff-vault-unlock.c and users in ff-vault-users.c. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-vault"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <signal.h>
#include <sodium.h>

#include "ff-error.h"
#include "ff-migrations.h"
#include "ff-paths.h"
#include "ff-tenant-name.h"
#include "ff-vault-private.h"

G_DEFINE_FINAL_TYPE (FfVault, ff_vault, G_TYPE_OBJECT)

static void
ff_vault_finalize (GObject *object)
{
  FfVault *self = FF_VAULT (object);

  if (self->registry != NULL)
    sqlite3_close_v2 (self->registry);
  g_free (self->data_dir);
  g_rec_mutex_clear (&self->mutex);

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
  g_rec_mutex_init (&self->mutex);
}

void
_ff_vault_crash_point (const char *name)
{
  const char *wanted = g_getenv ("FOODFLOW_TEST_CRASH_AT");

  if (wanted != NULL && g_str_equal (wanted, name))
    raise (SIGKILL);
}

/* The registry ------------------------------------------------------------------------------ */

gboolean
_ff_vault_registry_error (FfVault     *self,
                          const char  *what,
                          GError     **error)
{
  g_set_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_FAILED, "%s: %s", what,
               sqlite3_errmsg (self->registry));
  return FALSE;
}

sqlite3_stmt *
_ff_vault_registry_prepare (FfVault     *self,
                            const char  *sql,
                            GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->registry, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _ff_vault_registry_error (self, _("The tenant registry could not be read"), error);
      return NULL;
    }
  return stmt;
}

gboolean
_ff_vault_registry_step (FfVault       *self,
                         sqlite3_stmt  *stmt,
                         const char    *what,
                         GError       **error)
{
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _ff_vault_registry_error (self, what, error);
  return TRUE;
}

gboolean
_ff_vault_registry_begin (FfVault  *self,
                          GError  **error)
{
  g_rec_mutex_lock (&self->mutex);
  if (sqlite3_exec (self->registry, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      _ff_vault_registry_error (self, _("The tenant registry could not be written"), error);
      g_rec_mutex_unlock (&self->mutex);
      return FALSE;
    }
  return TRUE;
}

gboolean
_ff_vault_registry_commit (FfVault  *self,
                           GError  **error)
{
  gboolean ok = TRUE;

  if (sqlite3_exec (self->registry, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      ok = _ff_vault_registry_error (self, _("The tenant registry could not be written"), error);
      sqlite3_exec (self->registry, "ROLLBACK", NULL, NULL, NULL);
    }
  g_rec_mutex_unlock (&self->mutex);
  return ok;
}

void
_ff_vault_registry_rollback (FfVault *self)
{
  sqlite3_exec (self->registry, "ROLLBACK", NULL, NULL, NULL);
  g_rec_mutex_unlock (&self->mutex);
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
  tenants_dir = g_build_filename (data_dir, FF_VAULT_TENANTS_DIR, NULL);
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
  registry_path = g_build_filename (data_dir, FF_VAULT_REGISTRY_FILE, NULL);
  if (!ff_paths_ensure_private_file (registry_path, error))
    return NULL;
  if (sqlite3_open_v2 (registry_path, &self->registry,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK)
    {
      _ff_vault_registry_error (self, _("Could not open the tenant registry"), error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->registry, 1);
  sqlite3_busy_timeout (self->registry, 10000);

  /* secure_delete: a removed key slot is overwritten, not left in a free page. */
  if (sqlite3_exec (self->registry, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_exec (self->registry, "PRAGMA secure_delete = ON", NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_create_function (self->registry, "ff_tenant_name_key", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, name_key_function,
                                  NULL, NULL) != SQLITE_OK)
    {
      _ff_vault_registry_error (self, _("The tenant registry could not be prepared"), error);
      return NULL;
    }
  if (!ff_migrations_apply (self->registry, FF_VAULT_REGISTRY_MIGRATIONS_PATH, G_MAXUINT, error))
    return NULL;
  _ff_vault_clean_up (self, NULL);
  return g_steal_pointer (&self);
}

const char *
ff_vault_get_data_dir (FfVault *self)
{
  g_return_val_if_fail (FF_IS_VAULT (self), NULL);
  return self->data_dir;
}

/* Tenants ----------------------------------------------------------------------------------- */

#define TENANT_COLUMNS "id, name, file, created_at"

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
  g_autoptr (GPtrArray) list = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FF_IS_VAULT (self), NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ff_tenant_info_free);
  g_rec_mutex_lock (&self->mutex);
  stmt = _ff_vault_registry_prepare (self, "SELECT " TENANT_COLUMNS " FROM tenants "
                                           "WHERE state = 'ready' ORDER BY name", error);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, tenant_from_row (self, stmt));
  sqlite3_finalize (stmt);
  g_rec_mutex_unlock (&self->mutex);
  return stmt != NULL ? g_steal_pointer (&list) : NULL;
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
  g_rec_mutex_lock (&self->mutex);
  stmt = _ff_vault_registry_prepare (self, "SELECT " TENANT_COLUMNS " FROM tenants "
                                           "WHERE (name_key = ?1 OR id = ?2) "
                                           "AND state = 'ready'", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, name_or_id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        info = tenant_from_row (self, stmt);
      sqlite3_finalize (stmt);
      if (info == NULL)
        g_set_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_TENANT,
                     _("There is no tenant named “%s”"), name_or_id);
    }
  g_rec_mutex_unlock (&self->mutex);
  return info;
}

FfTenantInfo *
_ff_vault_get_tenant (FfVault     *self,
                      const char  *tenant_id,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  FfTenantInfo *info = NULL;

  g_rec_mutex_lock (&self->mutex);
  stmt = _ff_vault_registry_prepare (self, "SELECT " TENANT_COLUMNS " FROM tenants "
                                           "WHERE id = ? AND state = 'ready'", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        info = tenant_from_row (self, stmt);
      sqlite3_finalize (stmt);
      if (info == NULL)
        g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_TENANT,
                             _("The tenant no longer exists on this computer"));
    }
  g_rec_mutex_unlock (&self->mutex);
  return info;
}

GStrv
ff_vault_list_usernames (FfVault     *self,
                         const char  *tenant_id,
                         GError     **error)
{
  g_autoptr (GStrvBuilder) builder = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FF_IS_VAULT (self), NULL);
  g_return_val_if_fail (tenant_id != NULL, NULL);

  builder = g_strv_builder_new ();
  g_rec_mutex_lock (&self->mutex);
  stmt = _ff_vault_registry_prepare (self, "SELECT username FROM user_keys WHERE tenant_id = ?1 "
                                           "UNION SELECT username FROM key_slots "
                                           "WHERE tenant_id = ?1 ORDER BY 1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  g_rec_mutex_unlock (&self->mutex);
  return stmt != NULL ? g_strv_builder_end (builder) : NULL;
}
