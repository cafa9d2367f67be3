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

/* Reports the progress of a long operation (a re-key): @fraction from 0 to 1. */
typedef FfStoreProgressFunc FfVaultProgressFunc;

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

/* Unwraps the user's keys with their password and opens the tenant. A wrong user name or
 * password fails with FF_VAULT_ERROR_AUTH and writes nothing anywhere. A successful unlock
 * also finishes what a crash left undone: a re-key between its steps, keys of users who are
 * no longer members (re-keyed away when this is the only connection), and upgrades the user's
 * keys of the first format. Slow on purpose (the key derivation); call it from a worker
 * thread in a UI. */
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

/* Confirms that @username (a member of the session's tenant: the signed-in user or another one
 * at the same screen, such as a QA user overriding a hold) knows their password, and gives
 * their role as the tenant's database holds it (read through @store, a connection of the
 * session's own, say a worker's; NULL: the session's). For e-signatures: the password is
 * re-entered for each. A wrong user name or password fails with FF_VAULT_ERROR_AUTH after the
 * same work; nothing is written. Slow on purpose (the key derivation). */
gboolean      ff_vault_confirm_user    (FfVault     *self,
                                        FfSession   *session,
                                        FfStore     *store,
                                        const char  *username,
                                        const char  *password,
                                        FfRole      *out_role,
                                        GError     **error);

/* Admin only (FF_ERROR_PERMISSION otherwise): adds a user to the session's tenant with their
 * own key slot. A member of the tenant who has no key slot on this computer gets one (and
 * @role); a member who has one is FF_ERROR_EXISTS. */
gboolean      ff_vault_add_user        (FfVault     *self,
                                        FfSession   *admin,
                                        const char  *username,
                                        FfRole       role,
                                        const char  *password,
                                        GError     **error);
/* Admin only: removes a user and changes the tenant's data key, so that the user's old keys
 * (say in a copy of the registry) open nothing written from now on: the user's row becomes a
 * tombstone, a new key is sealed for everyone who stays, and the tenant file is re-encrypted
 * with it. The last admin cannot be removed. The re-key needs this session's connection to be
 * the only one open on the tenant (FF_STORE_ERROR_BUSY otherwise), free disk space about the
 * size of the tenant (FF_STORE_ERROR_NO_SPACE says how much) and every other user's keys in
 * the current format (FF_VAULT_ERROR_OLD_KEYS names who must unlock once first); all of that
 * is checked before anything changes. A crash at any point leaves a tenant the remaining
 * users can open; their next unlock finishes the work. Slow for a large tenant: @progress
 * (may be NULL) is called on this thread. */
gboolean      ff_vault_remove_user     (FfVault              *self,
                                        FfSession            *admin,
                                        const char           *username,
                                        FfVaultProgressFunc   progress,
                                        gpointer              progress_data,
                                        GError              **error);
/* The same in a worker thread; @progress is called in the thread-default main context of the
 * caller, and @progress_notify (may be NULL) frees @progress_data there after the last call
 * and before @callback. The session must not be used meanwhile. */
void          ff_vault_remove_user_async  (FfVault              *self,
                                           FfSession            *admin,
                                           const char           *username,
                                           FfVaultProgressFunc   progress,
                                           gpointer              progress_data,
                                           GDestroyNotify        progress_notify,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean      ff_vault_remove_user_finish (FfVault       *self,
                                           GAsyncResult  *result,
                                           GError       **error);

/* Gives @username (NULL: the session's user) the password @new_password, with a new key pair
 * (the old secret key, which the old password opens in any old copy of the registry, opens
 * nothing sealed from now on). Setting another user's password (a forgotten one) takes an
 * admin. With @suspected_compromise the tenant's data key changes too, as in
 * ff_vault_remove_user() (and with its requirements, checked before the password changes),
 * since the old password and an old registry still give the current one; if that re-key
 * fails later on, the new password is in place nonetheless and the error says why. */
gboolean      ff_vault_change_password (FfVault              *self,
                                        FfSession            *session,
                                        const char           *username,
                                        const char           *new_password,
                                        gboolean              suspected_compromise,
                                        FfVaultProgressFunc   progress,
                                        gpointer              progress_data,
                                        GError              **error);
void          ff_vault_change_password_async  (FfVault              *self,
                                               FfSession            *session,
                                               const char           *username,
                                               const char           *new_password,
                                               gboolean              suspected_compromise,
                                               FfVaultProgressFunc   progress,
                                               gpointer              progress_data,
                                               GDestroyNotify        progress_notify,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean      ff_vault_change_password_finish (FfVault       *self,
                                               GAsyncResult  *result,
                                               GError       **error);

G_END_DECLS
