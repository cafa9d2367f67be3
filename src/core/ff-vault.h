/* ff-vault.h — the tenant registry and the keys: create tenants, unlock them, manage users. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "ff-actor.h"
#include "ff-role.h"
#include "ff-session.h"
#include "ff-store.h"
#include "ff-tenant-info.h"

G_BEGIN_DECLS

#define FF_TYPE_VAULT (ff_vault_get_type ())
G_DECLARE_FINAL_TYPE (FfVault, ff_vault, FF, VAULT, GObject)

/* The registry's numbered migrations (see ff-migrations.h), recorded in registry.db's
 * user_version. */
#define FF_VAULT_REGISTRY_MIGRATIONS_PATH "/org/foodflow/FoodFlow/registry-migrations"

typedef enum {
  FF_VAULT_CREATE_DEFAULT = 0,
  /* Skip the password policy: only for the demo tenant, whose password is public anyway. */
  FF_VAULT_CREATE_ALLOW_WEAK_PASSWORD = 1 << 0,
} FfVaultCreateFlags;

/* Opens (creating if needed, mode 0700) the data directory and its registry. */
FfVault      *ff_vault_open            (const char  *data_dir,
                                        GError     **error);
const char   *ff_vault_get_data_dir    (FfVault *self);

/* Fills a tenant being made, before anyone can see it (see ff_vault_create_tenant()). */
typedef gboolean (*FfVaultPopulateFunc) (FfStore        *store,
                                         const FfActor  *actor,
                                         gpointer        user_data,
                                         GCancellable   *cancellable,
                                         GError        **error);

/* Tenants as FfTenantInfo*, by name. Tenants still being made are not listed. */
GPtrArray    *ff_vault_list_tenants    (FfVault  *self,
                                        GError  **error);
/* By name (in any case or Unicode spelling, see ff-tenant-name.h) or id.
 * FF_VAULT_ERROR_NO_TENANT when there is none. */
FfTenantInfo *ff_vault_find_tenant     (FfVault     *self,
                                        const char  *name_or_id,
                                        GError     **error);
/* The users that hold a key slot for the tenant, by name. */
GStrv         ff_vault_list_usernames  (FfVault     *self,
                                        const char  *tenant_id,
                                        GError     **error);

/* Makes a new tenant: a random data key, the encrypted database with the current schema, the
 * admin user, whatever @populate (when not NULL) writes as the admin, and the admin's key
 * slot. Until all of that is done the tenant is registered as being made and is neither
 * listed nor found; a failure removes it, and what a killed process leaves is removed by the
 * next ff_vault_open() or creation of the same name. */
FfTenantInfo *ff_vault_create_tenant   (FfVault              *self,
                                        const char           *name,
                                        const char           *admin_username,
                                        const char           *password,
                                        FfVaultCreateFlags    flags,
                                        FfVaultPopulateFunc   populate,
                                        gpointer              populate_data,
                                        GCancellable         *cancellable,
                                        GError              **error);

/* Admin only (FF_ERROR_PERMISSION otherwise): removes the session's tenant from this
 * computer. Locks @admin, then deletes the registry rows (key slots included, overwritten on
 * disk) in one transaction and removes the database with its -wal, -shm, -journal and lock
 * files. */
gboolean      ff_vault_delete_tenant   (FfVault     *self,
                                        FfSession   *admin,
                                        GError     **error);

/* Unwraps the data key with the user's password and opens the tenant. A wrong user name or
 * password fails with FF_VAULT_ERROR_AUTH and writes nothing anywhere. Slow on purpose (the
 * key derivation); call it from a worker thread in a UI. */
FfSession    *ff_vault_unlock          (FfVault     *self,
                                        const char  *tenant,
                                        const char  *username,
                                        const char  *password,
                                        GError     **error);
void          ff_vault_unlock_async    (FfVault             *self,
                                        const char          *tenant,
                                        const char          *username,
                                        const char          *password,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
FfSession    *ff_vault_unlock_finish   (FfVault       *self,
                                        GAsyncResult  *result,
                                        GError       **error);

/* Admin only (FF_ERROR_PERMISSION otherwise): adds a user to the session's tenant with their
 * own key slot. A member of the tenant who has no key slot on this computer gets one (and
 * @role); a member who has one is FF_ERROR_EXISTS. */
gboolean      ff_vault_add_user        (FfVault     *self,
                                        FfSession   *admin,
                                        const char  *username,
                                        FfRole       role,
                                        const char  *password,
                                        GError     **error);
/* Admin only: removes a user and their key slot. The last admin cannot be removed. */
gboolean      ff_vault_remove_user     (FfVault     *self,
                                        FfSession   *admin,
                                        const char  *username,
                                        GError     **error);

G_END_DECLS
