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

/* Keys (ff-vault-keys.c) -------------------------------------------------------------------- */

#define FF_VAULT_SALT_SIZE 16
#define FF_VAULT_NONCE_SIZE 24
#define FF_VAULT_WRAPPED_SECRET_SIZE (FF_SESSION_SECRET_KEY_SIZE + 16)

/* A new key pair for a user and its secret half wrapped under their password, ready to be
 * stored. */
typedef struct
{
  guint8   public_key[FF_SESSION_PUBLIC_KEY_SIZE];
  guint8  *secret_key;   /* sodium_malloc'd */
  guint64  opslimit;
  gsize    memlimit;
  guint8   salt[FF_VAULT_SALT_SIZE];
  guint8   nonce[FF_VAULT_NONCE_SIZE];
  guint8   wrapped[FF_VAULT_WRAPPED_SECRET_SIZE];
} FfVaultUserKeys;

/* What a user's password opens: their key pair, or (a slot of the first format, from before
 * key pairs) the data key itself. */
typedef struct
{
  guint8  public_key[FF_SESSION_PUBLIC_KEY_SIZE];
  guint8 *secret_key;   /* sodium_malloc'd; NULL for a first-format slot */
  guint8 *old_key;      /* sodium_malloc'd data key of a first-format slot, else NULL */
} FfVaultCredentials;

/* Someone with keys for a tenant in the registry. */
typedef struct
{
  char     *username;
  gboolean  has_key_pair;   /* FALSE: only a slot of the first format */
  guint8    public_key[FF_SESSION_PUBLIC_KEY_SIZE];
} FfVaultHolder;

/* A random data key in protected memory. */
guint8       *_ff_vault_new_data_key      (GError **error);
/* A new key pair for @username, the secret half wrapped under @password. Slow (Argon2id):
 * call it outside registry transactions. */
gboolean      _ff_vault_user_keys_make    (const char       *tenant_id,
                                           const char       *username,
                                           const char       *password,
                                           FfVaultUserKeys  *keys,
                                           GError          **error);
void          _ff_vault_user_keys_clear   (FfVaultUserKeys *keys);
/* Inside a registry transaction: @keys become @username's, replacing every key they had
 * (sealed slots and a first-format slot included). */
gboolean      _ff_vault_store_user_keys   (FfVault                *self,
                                           const char             *tenant_id,
                                           const char             *username,
                                           const FfVaultUserKeys  *keys,
                                           GError                **error);
/* Inside a registry transaction: @data_key sealed to @public_key as @username's slot of
 * @generation. */
gboolean      _ff_vault_seal              (FfVault       *self,
                                           const char    *tenant_id,
                                           const char    *username,
                                           guint          generation,
                                           const guint8  *public_key,
                                           const guint8  *data_key,
                                           GError       **error);
/* The data key of @generation sealed for @username, in protected memory, or NULL when there
 * is no such slot (or the key pair does not open it). */
guint8       *_ff_vault_unseal            (FfVault       *self,
                                           const char    *tenant_id,
                                           const char    *username,
                                           guint          generation,
                                           const guint8  *public_key,
                                           const guint8  *secret_key);
/* What @password opens of @username's keys, or FF_VAULT_ERROR_AUTH after the same work
 * whether or not the user has keys. Reads only. */
gboolean      _ff_vault_open_credentials  (FfVault             *self,
                                           const char          *tenant_id,
                                           const char          *username,
                                           const char          *password,
                                           FfVaultCredentials  *out,
                                           GError             **error);
void          _ff_vault_credentials_clear (FfVaultCredentials *credentials);
/* Inside a registry transaction: every key of @username for the tenant goes. */
gboolean      _ff_vault_delete_user_keys  (FfVault     *self,
                                           const char  *tenant_id,
                                           const char  *username,
                                           GError     **error);
/* Everyone with keys for the tenant, as FfVaultHolder*, by name. */
GPtrArray    *_ff_vault_list_holders      (FfVault     *self,
                                           const char  *tenant_id,
                                           GError     **error);
void          _ff_vault_holder_free       (FfVaultHolder *holder);
gboolean      _ff_vault_has_keys          (FfVault    *self,
                                           const char *tenant_id,
                                           const char *username);
/* The tenant's key generation and the pending one (0 when none). */
gboolean      _ff_vault_get_generations   (FfVault     *self,
                                           const char  *tenant_id,
                                           guint       *out_current,
                                           guint       *out_pending,
                                           GError     **error);

/* Re-keying (ff-vault-rekey.c) -------------------------------------------------------------- */

/* FF_VAULT_ERROR_OLD_KEYS naming them when any holder of keys for the tenant, other than
 * @leaving, still has a slot of the first format (a re-key cannot seal for them). */
gboolean      _ff_vault_rekey_check       (FfVault           *self,
                                           const char        *tenant_id,
                                           const char *const *leaving,
                                           GError           **error);
/* A new generation: (a) in one registry transaction a new data key sealed for every holder
 * except @leaving (whose keys go) and set pending; (b) @store (between ff_store_rekey_begin()
 * and its end, opened with *@key) re-encrypted with it; (c) in one registry transaction the
 * new generation made current and the old slots deleted. *@key is replaced by the new key
 * (the old one freed) as soon as the file uses it, even when (c) then fails: the next unlock
 * finishes that. */
gboolean      _ff_vault_rekey             (FfVault              *self,
                                           const char           *tenant_id,
                                           FfStore              *store,
                                           const char *const    *leaving,
                                           guint8              **key,
                                           FfStoreProgressFunc   progress,
                                           gpointer              progress_data,
                                           GError              **error);
/* Step (c) for @pending, once the file uses its key. */
gboolean      _ff_vault_finish_pending    (FfVault     *self,
                                           const char  *tenant_id,
                                           guint        pending,
                                           GError     **error);
/* Steps (b) and (c) of a re-key to @pending whose file still uses the old key, on @store
 * (opened with it): needs exclusive access, else FF_STORE_ERROR_BUSY and nothing changes. */
gboolean      _ff_vault_resume_pending    (FfVault       *self,
                                           const char    *tenant_id,
                                           FfStore       *store,
                                           guint          pending,
                                           const guint8  *pending_key,
                                           GError       **error);
/* Makes sure no re-key of @session's tenant is half done, finishing one with the session's
 * connection (and key pair). */
gboolean      _ff_vault_settle            (FfVault    *self,
                                           FfSession  *session,
                                           GError    **error);

G_END_DECLS
