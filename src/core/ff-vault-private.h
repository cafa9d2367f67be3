/* ff-vault-private.h — what the files of FfVault share: the registry connection and its
 * transactions, the key slots, and the crash points of the crash tests. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <sqlite3.h>

#include "ff-vault.h"

G_BEGIN_DECLS

#define FF_VAULT_REGISTRY_FILE "registry.db"
#define FF_VAULT_TENANTS_DIR "tenants"

struct _FfVault
{
  GObject    parent_instance;

  /* owned */
  char      *data_dir;
  sqlite3   *registry;
  /* Held for every use of the registry connection, and across a whole transaction, so that
   * two threads sharing the vault never interleave statements in one transaction. */
  GRecMutex  mutex;
};

/* The registry (ff-vault.c) ----------------------------------------------------------------- */

/* Sets @error from the registry's last error, prefixed with @what. Returns FALSE. */
gboolean      _ff_vault_registry_error    (FfVault     *self,
                                           const char  *what,
                                           GError     **error);
/* A statement to finalize; NULL with @error when it cannot be prepared. */
sqlite3_stmt *_ff_vault_registry_prepare  (FfVault     *self,
                                           const char  *sql,
                                           GError     **error);
/* BEGIN IMMEDIATE, holding the vault's mutex until _commit or _rollback. */
gboolean      _ff_vault_registry_begin    (FfVault  *self,
                                           GError  **error);
/* COMMIT, or ROLLBACK when the commit fails; releases the mutex either way. */
gboolean      _ff_vault_registry_commit   (FfVault  *self,
                                           GError  **error);
void          _ff_vault_registry_rollback (FfVault *self);
/* Steps @stmt (prepared by _ff_vault_registry_prepare) to its end and finalizes it. */
gboolean      _ff_vault_registry_step     (FfVault       *self,
                                           sqlite3_stmt  *stmt,
                                           const char    *what,
                                           GError       **error);

/* The registry row of a tenant that is ready, by id; NULL with FF_VAULT_ERROR_NO_TENANT. */
FfTenantInfo *_ff_vault_get_tenant        (FfVault     *self,
                                           const char  *tenant_id,
                                           GError     **error);

/* The crash tests set FOODFLOW_TEST_CRASH_AT to one of the names passed here; the process then
 * dies with SIGKILL at that point, as if the power went. */
void          _ff_vault_crash_point       (const char *name);

/* Tenants (ff-vault-tenants.c) -------------------------------------------------------------- */

/* Removes what killed creations left: 'creating' rows whose creator is gone (only those with
 * @name_key, or all when NULL) with their files, and files in the tenants folder that no
 * registry row owns. */
void          _ff_vault_clean_up          (FfVault    *self,
                                           const char *name_key);

/* Users (ff-vault-users.c) ------------------------------------------------------------------ */

/* FF_VAULT_ERROR_LOCKED unless @session is unlocked. */
gboolean      _ff_vault_require_unlocked  (FfSession  *session,
                                           GError    **error);
/* That, and FF_ERROR_PERMISSION with @refusal unless the session's user is an admin. */
gboolean      _ff_vault_require_admin     (FfSession   *session,
                                           const char  *refusal,
                                           GError     **error);

/* Key slots (ff-vault-keys.c) --------------------------------------------------------------- */

/* Writes @username's slot for @key (replacing any), inside the caller's registry
 * transaction. Slow: derives the key-encryption key from @password. */
gboolean      _ff_vault_write_slot        (FfVault       *self,
                                           const char    *tenant_id,
                                           const char    *username,
                                           const char    *password,
                                           const guint8  *key,
                                           GError       **error);
/* The data key @username's @password unwraps, in protected memory, or NULL with
 * FF_VAULT_ERROR_AUTH after the same work whether or not the user has a slot. Reads only. */
guint8       *_ff_vault_read_slot         (FfVault     *self,
                                           const char  *tenant_id,
                                           const char  *username,
                                           const char  *password,
                                           GError     **error);
/* Whether @username has a key slot for the tenant. */
gboolean      _ff_vault_has_slot          (FfVault     *self,
                                           const char  *tenant_id,
                                           const char  *username);
/* Deletes every slot of @username for the tenant, inside the caller's transaction. */
gboolean      _ff_vault_delete_slots      (FfVault     *self,
                                           const char  *tenant_id,
                                           const char  *username,
                                           GError     **error);

G_END_DECLS
