/* ff-vault-keys.c — key slots: the tenant's data key wrapped for each user under a key
 * derived from their password. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-vault"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "ff-error.h"
#include "ff-store.h"
#include "ff-vault-private.h"

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

gboolean
_ff_vault_write_slot (FfVault       *self,
                      const char    *tenant_id,
                      const char    *username,
                      const char    *password,
                      const guint8  *key,
                      GError       **error)
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

  stmt = _ff_vault_registry_prepare (self, "INSERT OR REPLACE INTO key_slots (tenant_id, "
                                           "username, opslimit, memlimit, salt, nonce, "
                                           "wrapped) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
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
    return _ff_vault_registry_error (self, _("Could not store the user's key"), error);
  return TRUE;
}

guint8 *
_ff_vault_read_slot (FfVault     *self,
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

  g_rec_mutex_lock (&self->mutex);
  stmt = _ff_vault_registry_prepare (self, "SELECT opslimit, memlimit, salt, nonce, wrapped "
                                           "FROM key_slots WHERE tenant_id = ? AND username = ?",
                                     error);
  if (stmt == NULL)
    {
      g_rec_mutex_unlock (&self->mutex);
      return NULL;
    }
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
  g_rec_mutex_unlock (&self->mutex);

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

gboolean
_ff_vault_has_slot (FfVault    *self,
                    const char *tenant_id,
                    const char *username)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_rec_mutex_lock (&self->mutex);
  stmt = _ff_vault_registry_prepare (self, "SELECT 1 FROM key_slots "
                                           "WHERE tenant_id = ? AND username = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_finalize (stmt);
    }
  g_rec_mutex_unlock (&self->mutex);
  return found;
}

gboolean
_ff_vault_delete_slots (FfVault     *self,
                        const char  *tenant_id,
                        const char  *username,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _ff_vault_registry_prepare (self, "DELETE FROM key_slots "
                                           "WHERE tenant_id = ? AND username = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
  return _ff_vault_registry_step (self, stmt, _("Could not remove the user's key"), error);
}
