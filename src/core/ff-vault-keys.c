/* ff-vault-keys.c — the keys in the registry: each user's key pair, wrapped under a key
 * derived from their password, and each generation's data key sealed to their public key. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-vault"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "ff-error.h"
#include "ff-store.h"
#include "ff-vault-private.h"

G_STATIC_ASSERT (FF_SESSION_PUBLIC_KEY_SIZE == crypto_box_PUBLICKEYBYTES);
G_STATIC_ASSERT (FF_SESSION_SECRET_KEY_SIZE == crypto_box_SECRETKEYBYTES);
G_STATIC_ASSERT (FF_VAULT_SALT_SIZE == crypto_pwhash_SALTBYTES);
G_STATIC_ASSERT (FF_VAULT_NONCE_SIZE == crypto_secretbox_NONCEBYTES);
G_STATIC_ASSERT (FF_VAULT_WRAPPED_SECRET_SIZE
                 == crypto_box_SECRETKEYBYTES + crypto_secretbox_MACBYTES);

#define SEALED_SIZE (FF_STORE_KEY_SIZE + crypto_box_SEALBYTES)

static gboolean
out_of_memory (GError **error)
{
  g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_FAILED,
                       _("Could not allocate protected memory for the key"));
  return FALSE;
}

static gboolean
wrong_credentials (GError **error)
{
  g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH,
                       _("Wrong user name or password"));
  return FALSE;
}

/* The key-encryption key for one (tenant, user, password, salt), in protected memory:
 * BLAKE2b keyed with Argon2id (password, salt), over "foodflow-key-slot/TENANT/USER", so
 * that a slot copied to another row opens nothing. */
static guint8 *
derive_kek (const char    *tenant_id,
            const char    *username,
            const char    *password,
            const guint8  *salt,
            guint64        opslimit,
            gsize          memlimit,
            GError       **error)
{
  guint8 *stretched = sodium_malloc (crypto_secretbox_KEYBYTES);
  guint8 *kek = sodium_malloc (crypto_secretbox_KEYBYTES);
  g_autofree char *context = g_strdup_printf ("foodflow-key-slot/%s/%s", tenant_id, username);

  if (stretched == NULL || kek == NULL)
    {
      sodium_free (stretched);
      sodium_free (kek);
      out_of_memory (error);
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

guint8 *
_ff_vault_new_data_key (GError **error)
{
  guint8 *key = sodium_malloc (FF_STORE_KEY_SIZE);

  if (key == NULL)
    {
      out_of_memory (error);
      return NULL;
    }
  randombytes_buf (key, FF_STORE_KEY_SIZE);
  return key;
}

void
_ff_vault_user_keys_clear (FfVaultUserKeys *keys)
{
  g_clear_pointer (&keys->secret_key, sodium_free);
  sodium_memzero (keys, sizeof *keys);
}

gboolean
_ff_vault_user_keys_make (const char       *tenant_id,
                          const char       *username,
                          const char       *password,
                          FfVaultUserKeys  *keys,
                          GError          **error)
{
  guint8 *kek;

  memset (keys, 0, sizeof *keys);
  keys->secret_key = sodium_malloc (FF_SESSION_SECRET_KEY_SIZE);
  if (keys->secret_key == NULL)
    return out_of_memory (error);
  crypto_box_keypair (keys->public_key, keys->secret_key);
  keys->opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  keys->memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  randombytes_buf (keys->salt, sizeof keys->salt);
  randombytes_buf (keys->nonce, sizeof keys->nonce);
  kek = derive_kek (tenant_id, username, password, keys->salt, keys->opslimit, keys->memlimit,
                    error);
  if (kek == NULL)
    {
      _ff_vault_user_keys_clear (keys);
      return FALSE;
    }
  crypto_secretbox_easy (keys->wrapped, keys->secret_key, FF_SESSION_SECRET_KEY_SIZE,
                         keys->nonce, kek);
  sodium_free (kek);
  return TRUE;
}

gboolean
_ff_vault_store_user_keys (FfVault                *self,
                           const char             *tenant_id,
                           const char             *username,
                           const FfVaultUserKeys  *keys,
                           GError                **error)
{
  sqlite3_stmt *stmt;

  /* A new key pair makes the user's sealed slots useless: they go with the old row. */
  if (!_ff_vault_delete_user_keys (self, tenant_id, username, error))
    return FALSE;
  stmt = _ff_vault_registry_prepare (self, "INSERT INTO user_keys (tenant_id, username, "
                                           "public_key, opslimit, memlimit, salt, nonce, "
                                           "wrapped_secret_key) "
                                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 3, keys->public_key, sizeof keys->public_key, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) keys->opslimit);
  sqlite3_bind_int64 (stmt, 5, (sqlite3_int64) keys->memlimit);
  sqlite3_bind_blob (stmt, 6, keys->salt, sizeof keys->salt, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 7, keys->nonce, sizeof keys->nonce, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 8, keys->wrapped, sizeof keys->wrapped, SQLITE_TRANSIENT);
  return _ff_vault_registry_step (self, stmt, _("Could not store the user's key"), error);
}

gboolean
_ff_vault_seal (FfVault       *self,
                const char    *tenant_id,
                const char    *username,
                guint          generation,
                const guint8  *public_key,
                const guint8  *data_key,
                GError       **error)
{
  guint8 sealed[SEALED_SIZE];
  sqlite3_stmt *stmt;

  if (crypto_box_seal (sealed, data_key, FF_STORE_KEY_SIZE, public_key) != 0)
    {
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_FAILED,
                           _("Could not seal the tenant's key for a user"));
      return FALSE;
    }
  stmt = _ff_vault_registry_prepare (self, "INSERT OR REPLACE INTO sealed_slots (tenant_id, "
                                           "username, generation, sealed) VALUES (?, ?, ?, ?)",
                                     error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, generation);
  sqlite3_bind_blob (stmt, 4, sealed, sizeof sealed, SQLITE_TRANSIENT);
  return _ff_vault_registry_step (self, stmt, _("Could not store the user's key"), error);
}

guint8 *
_ff_vault_unseal (FfVault       *self,
                  const char    *tenant_id,
                  const char    *username,
                  guint          generation,
                  const guint8  *public_key,
                  const guint8  *secret_key)
{
  guint8 *key = NULL;
  sqlite3_stmt *stmt;

  if (public_key == NULL || secret_key == NULL || generation == 0)
    return NULL;
  g_rec_mutex_lock (&self->mutex);
  stmt = _ff_vault_registry_prepare (self, "SELECT sealed FROM sealed_slots WHERE tenant_id = ? "
                                           "AND username = ? AND generation = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, generation);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) == SEALED_SIZE)
        {
          key = sodium_malloc (FF_STORE_KEY_SIZE);
          if (key != NULL
              && crypto_box_seal_open (key, sqlite3_column_blob (stmt, 0), SEALED_SIZE,
                                       public_key, secret_key) != 0)
            g_clear_pointer (&key, sodium_free);
        }
      sqlite3_finalize (stmt);
    }
  g_rec_mutex_unlock (&self->mutex);
  return key;
}

void
_ff_vault_credentials_clear (FfVaultCredentials *credentials)
{
  g_clear_pointer (&credentials->secret_key, sodium_free);
  g_clear_pointer (&credentials->old_key, sodium_free);
  memset (credentials->public_key, 0, sizeof credentials->public_key);
}

/* One row's worth of a wrapped secret: what both slot formats share. */
typedef struct
{
  gboolean found;
  guint64  opslimit;
  gsize    memlimit;
  guint8   salt[crypto_pwhash_SALTBYTES];
  guint8   nonce[crypto_secretbox_NONCEBYTES];
  guint8   wrapped[64];
  gsize    wrapped_len;
  guint8   public_key[crypto_box_PUBLICKEYBYTES];
} Wrapped;

static gboolean
read_wrapped (FfVault    *self,
              const char *sql,
              const char *tenant_id,
              const char *username,
              gsize       wrapped_len,
              gboolean    with_public_key,
              Wrapped    *out)
{
  sqlite3_stmt *stmt;

  memset (out, 0, sizeof *out);
  g_rec_mutex_lock (&self->mutex);
  stmt = _ff_vault_registry_prepare (self, sql, NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW
          && sqlite3_column_bytes (stmt, 2) == sizeof out->salt
          && sqlite3_column_bytes (stmt, 3) == sizeof out->nonce
          && (gsize) sqlite3_column_bytes (stmt, 4) == wrapped_len
          && (!with_public_key || sqlite3_column_bytes (stmt, 5) == sizeof out->public_key))
        {
          out->found = TRUE;
          out->opslimit = (guint64) sqlite3_column_int64 (stmt, 0);
          out->memlimit = (gsize) sqlite3_column_int64 (stmt, 1);
          memcpy (out->salt, sqlite3_column_blob (stmt, 2), sizeof out->salt);
          memcpy (out->nonce, sqlite3_column_blob (stmt, 3), sizeof out->nonce);
          memcpy (out->wrapped, sqlite3_column_blob (stmt, 4), wrapped_len);
          out->wrapped_len = wrapped_len;
          if (with_public_key)
            memcpy (out->public_key, sqlite3_column_blob (stmt, 5), sizeof out->public_key);
        }
      sqlite3_finalize (stmt);
    }
  g_rec_mutex_unlock (&self->mutex);
  return out->found;
}

/* Opens @wrapped with the key derived from @password into a new protected buffer. */
static guint8 *
unwrap (const char     *tenant_id,
        const char     *username,
        const char     *password,
        const Wrapped  *wrapped,
        GError        **error)
{
  gsize len = wrapped->wrapped_len - crypto_secretbox_MACBYTES;
  guint8 *kek = derive_kek (tenant_id, username, password, wrapped->salt, wrapped->opslimit,
                            wrapped->memlimit, error);
  guint8 *plain;

  if (kek == NULL)
    return NULL;
  plain = sodium_malloc (len);
  if (plain == NULL)
    {
      sodium_free (kek);
      out_of_memory (error);
      return NULL;
    }
  if (crypto_secretbox_open_easy (plain, wrapped->wrapped, wrapped->wrapped_len, wrapped->nonce,
                                  kek) != 0)
    {
      sodium_free (kek);
      sodium_free (plain);
      wrong_credentials (error);
      return NULL;
    }
  sodium_free (kek);
  return plain;
}

gboolean
_ff_vault_open_credentials (FfVault             *self,
                            const char          *tenant_id,
                            const char          *username,
                            const char          *password,
                            FfVaultCredentials  *out,
                            GError             **error)
{
  Wrapped wrapped;
  guint8 derived[crypto_box_PUBLICKEYBYTES];

  memset (out, 0, sizeof *out);
  if (read_wrapped (self, "SELECT opslimit, memlimit, salt, nonce, wrapped_secret_key, "
                          "public_key FROM user_keys WHERE tenant_id = ? AND username = ?",
                    tenant_id, username, FF_VAULT_WRAPPED_SECRET_SIZE, TRUE, &wrapped))
    {
      out->secret_key = unwrap (tenant_id, username, password, &wrapped, error);
      if (out->secret_key == NULL)
        return FALSE;
      /* A secret key that does not belong to the public one is not this user's. */
      crypto_scalarmult_base (derived, out->secret_key);
      if (sodium_memcmp (derived, wrapped.public_key, sizeof derived) != 0)
        {
          _ff_vault_credentials_clear (out);
          return wrong_credentials (error);
        }
      memcpy (out->public_key, wrapped.public_key, sizeof out->public_key);
      return TRUE;
    }
  if (read_wrapped (self, "SELECT opslimit, memlimit, salt, nonce, wrapped FROM key_slots "
                          "WHERE tenant_id = ? AND username = ?",
                    tenant_id, username, FF_STORE_KEY_SIZE + crypto_secretbox_MACBYTES, FALSE,
                    &wrapped))
    {
      out->old_key = unwrap (tenant_id, username, password, &wrapped, error);
      return out->old_key != NULL;
    }

  /* An unknown user gets the same answer as a wrong password, after the same work, so
   * neither the message nor the time tells which user names exist. */
  {
    guint8 dummy_salt[crypto_pwhash_SALTBYTES];

    randombytes_buf (dummy_salt, sizeof dummy_salt);
    sodium_free (derive_kek (tenant_id, username, password, dummy_salt,
                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE, NULL));
  }
  return wrong_credentials (error);
}

gboolean
_ff_vault_delete_user_keys (FfVault     *self,
                            const char  *tenant_id,
                            const char  *username,
                            GError     **error)
{
  static const char *const statements[] = {
    "DELETE FROM sealed_slots WHERE tenant_id = ? AND username = ?",
    "DELETE FROM user_keys WHERE tenant_id = ? AND username = ?",
    "DELETE FROM key_slots WHERE tenant_id = ? AND username = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = _ff_vault_registry_prepare (self, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
      if (!_ff_vault_registry_step (self, stmt, _("Could not remove the user's key"), error))
        return FALSE;
    }
  return TRUE;
}

void
_ff_vault_holder_free (FfVaultHolder *holder)
{
  if (holder == NULL)
    return;
  g_free (holder->username);
  g_free (holder);
}

GPtrArray *
_ff_vault_list_holders (FfVault     *self,
                        const char  *tenant_id,
                        GError     **error)
{
  g_autoptr (GPtrArray) holders = NULL;
  sqlite3_stmt *stmt;

  holders = g_ptr_array_new_with_free_func ((GDestroyNotify) _ff_vault_holder_free);
  g_rec_mutex_lock (&self->mutex);
  stmt = _ff_vault_registry_prepare (self, "SELECT username, public_key FROM user_keys "
                                           "WHERE tenant_id = ?1 "
                                           "UNION ALL SELECT username, NULL FROM key_slots "
                                           "WHERE tenant_id = ?1 AND username NOT IN "
                                           "(SELECT username FROM user_keys "
                                           "WHERE tenant_id = ?1) ORDER BY 1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          FfVaultHolder *holder = g_new0 (FfVaultHolder, 1);

          holder->username = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          holder->has_key_pair = sqlite3_column_bytes (stmt, 1) == sizeof holder->public_key;
          if (holder->has_key_pair)
            memcpy (holder->public_key, sqlite3_column_blob (stmt, 1),
                    sizeof holder->public_key);
          g_ptr_array_add (holders, holder);
        }
      sqlite3_finalize (stmt);
    }
  g_rec_mutex_unlock (&self->mutex);
  return stmt != NULL ? g_steal_pointer (&holders) : NULL;
}

gboolean
_ff_vault_has_keys (FfVault    *self,
                    const char *tenant_id,
                    const char *username)
{
  g_autoptr (GPtrArray) holders = _ff_vault_list_holders (self, tenant_id, NULL);

  for (guint i = 0; holders != NULL && i < holders->len; i++)
    if (g_str_equal (((FfVaultHolder *) g_ptr_array_index (holders, i))->username, username))
      return TRUE;
  return FALSE;
}

gboolean
_ff_vault_get_generations (FfVault     *self,
                           const char  *tenant_id,
                           guint       *out_current,
                           guint       *out_pending,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_rec_mutex_lock (&self->mutex);
  stmt = _ff_vault_registry_prepare (self, "SELECT key_generation, pending_generation "
                                           "FROM tenants WHERE id = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          found = TRUE;
          *out_current = (guint) sqlite3_column_int64 (stmt, 0);
          *out_pending = (guint) sqlite3_column_int64 (stmt, 1);  /* NULL reads as 0 */
        }
      else
        g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_TENANT,
                             _("The tenant no longer exists on this computer"));
      sqlite3_finalize (stmt);
    }
  g_rec_mutex_unlock (&self->mutex);
  return found;
}
