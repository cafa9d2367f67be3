/* ff-vault-rekey.c — a new data key for a tenant, so that whoever left can open nothing new,
 * kept crash-safe across the registry and the tenant file. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-vault"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "ff-error.h"
#include "ff-vault-private.h"

/* Two files change, so the registry holds a pending step in between:
 *   (a) one registry transaction: a new key K' sealed for every member who stays as
 *       generation G+1, pending_generation = G+1, the keys of those who leave deleted;
 *   (b) the tenant file re-encrypted with K' (atomic by itself, see ff-store-rekey.c);
 *   (c) one registry transaction: key_generation = G+1, no pending, generation G's slots
 *       deleted.
 * After a crash between (a) and (c) the registry holds both keys for everyone who stays, and
 * unlocking tries K' first: if it opens the file, only (c) is left; if K does, (b) is done
 * again with K'. Either way the members who stay can open the tenant, and those who left had
 * their keys deleted in (a). */

static gboolean
is_leaving (const char        *username,
            const char *const *leaving)
{
  return leaving != NULL && g_strv_contains (leaving, username);
}

gboolean
_ff_vault_rekey_check (FfVault           *self,
                       const char        *tenant_id,
                       const char *const *leaving,
                       GError           **error)
{
  g_autoptr (GPtrArray) holders = _ff_vault_list_holders (self, tenant_id, error);
  g_autoptr (GString) names = NULL;
  guint count = 0;

  if (holders == NULL)
    return FALSE;
  for (guint i = 0; i < holders->len; i++)
    {
      FfVaultHolder *holder = g_ptr_array_index (holders, i);

      if (holder->has_key_pair || is_leaving (holder->username, leaving))
        continue;
      if (names == NULL)
        names = g_string_new (holder->username);
      else
        g_string_append_printf (names, ", %s", holder->username);
      count++;
    }
  if (count == 0)
    return TRUE;
  g_set_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_OLD_KEYS,
               g_dngettext (GETTEXT_PACKAGE,
                            /* Translators: %s is a user name. */
                            "The tenant's key cannot be changed yet: %s has keys of an older "
                            "FoodFlow. Ask them to unlock the tenant once on this computer, "
                            "then try again",
                            /* Translators: %s is a list of user names. */
                            "The tenant's key cannot be changed yet: %s have keys of an older "
                            "FoodFlow. Ask them to unlock the tenant once on this computer, "
                            "then try again", count), names->str);
  return FALSE;
}

static gboolean
changed_meanwhile (GError **error)
{
  g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_FAILED,
                       _("The tenant's keys were changed by another FoodFlow window or command "
                         "meanwhile; try again"));
  return FALSE;
}

/* Step (a). Returns the new generation, or 0. */
static guint
seal_next_generation (FfVault            *self,
                      const char         *tenant_id,
                      const char *const  *leaving,
                      const guint8       *next_key,
                      GError            **error)
{
  g_autoptr (GPtrArray) holders = NULL;
  sqlite3_stmt *stmt;
  guint current = 0, pending = 0, next;

  if (!_ff_vault_registry_begin (self, error))
    return 0;
  if (!_ff_vault_get_generations (self, tenant_id, &current, &pending, error))
    goto fail;
  if (pending != 0)
    {
      changed_meanwhile (error);
      goto fail;
    }
  next = current + 1;
  holders = _ff_vault_list_holders (self, tenant_id, error);
  if (holders == NULL)
    goto fail;
  for (guint i = 0; i < holders->len; i++)
    {
      FfVaultHolder *holder = g_ptr_array_index (holders, i);

      if (is_leaving (holder->username, leaving))
        {
          if (!_ff_vault_delete_user_keys (self, tenant_id, holder->username, error))
            goto fail;
        }
      else if (!holder->has_key_pair)
        {
          /* Checked before; a first-format slot appeared since. */
          changed_meanwhile (error);
          goto fail;
        }
      else if (!_ff_vault_seal (self, tenant_id, holder->username, next, holder->public_key,
                                next_key, error))
        goto fail;
    }
  stmt = _ff_vault_registry_prepare (self, "UPDATE tenants SET pending_generation = ? "
                                           "WHERE id = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, next);
      sqlite3_bind_text (stmt, 2, tenant_id, -1, SQLITE_TRANSIENT);
    }
  if (!_ff_vault_registry_step (self, stmt, _("Could not store the tenant's new key"), error))
    goto fail;
  if (!_ff_vault_registry_commit (self, error))
    return 0;
  return next;

fail:
  _ff_vault_registry_rollback (self);
  return 0;
}

gboolean
_ff_vault_finish_pending (FfVault     *self,
                          const char  *tenant_id,
                          guint        pending,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!_ff_vault_registry_begin (self, error))
    return FALSE;
  stmt = _ff_vault_registry_prepare (self, "UPDATE tenants SET key_generation = ?1, "
                                           "pending_generation = NULL "
                                           "WHERE id = ?2 AND pending_generation = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, pending);
      sqlite3_bind_text (stmt, 2, tenant_id, -1, SQLITE_TRANSIENT);
    }
  ok = _ff_vault_registry_step (self, stmt, _("Could not store the tenant's new key"), error);
  /* Finished by someone else already, or not: the slots of older generations go either way
   * once the file uses @pending's key. */
  stmt = ok ? _ff_vault_registry_prepare (self, "DELETE FROM sealed_slots "
                                                "WHERE tenant_id = ? AND generation < ?", error)
            : NULL;
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, tenant_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, pending);
    }
  ok = ok && _ff_vault_registry_step (self, stmt, _("Could not remove old keys"), error);
  if (!ok)
    {
      _ff_vault_registry_rollback (self);
      return FALSE;
    }
  return _ff_vault_registry_commit (self, error);
}

gboolean
_ff_vault_rekey (FfVault              *self,
                 const char           *tenant_id,
                 FfStore              *store,
                 const char *const    *leaving,
                 guint8              **key,
                 FfStoreProgressFunc   progress,
                 gpointer              progress_data,
                 GError              **error)
{
  guint8 *next_key;
  guint next;

  if (!_ff_vault_rekey_check (self, tenant_id, leaving, error))
    return FALSE;
  next_key = _ff_vault_new_data_key (error);
  if (next_key == NULL)
    return FALSE;

  next = seal_next_generation (self, tenant_id, leaving, next_key, error);
  if (next == 0)
    {
      sodium_free (next_key);
      return FALSE;
    }
  _ff_vault_crash_point ("rekey-sealed");

  if (!ff_store_rekey (store, next_key, progress, progress_data, error))
    {
      /* Pending stays: the next unlock sees which key the file has. */
      sodium_free (next_key);
      return FALSE;
    }
  sodium_free (*key);
  *key = next_key;
  _ff_vault_crash_point ("rekey-file-done");

  if (!_ff_vault_finish_pending (self, tenant_id, next, error))
    return FALSE;
  _ff_vault_crash_point ("rekey-done");
  g_info ("tenant %s has key generation %u", tenant_id, next);
  return TRUE;
}

gboolean
_ff_vault_resume_pending (FfVault       *self,
                          const char    *tenant_id,
                          FfStore       *store,
                          guint          pending,
                          const guint8  *pending_key,
                          GError       **error)
{
  gboolean ok;

  if (!ff_store_rekey_begin (store, error))
    return FALSE;
  ok = ff_store_rekey (store, pending_key, NULL, NULL, error);
  ff_store_rekey_end (store);
  return ok && _ff_vault_finish_pending (self, tenant_id, pending, error);
}

gboolean
_ff_vault_settle (FfVault    *self,
                  FfSession  *session,
                  GError    **error)
{
  const FfTenantInfo *tenant = ff_session_get_tenant (session);
  guint current = 0, pending = 0;
  guint8 *pending_key;
  gboolean ok;

  if (!_ff_vault_get_generations (self, tenant->id, &current, &pending, error))
    return FALSE;
  if (pending == 0)
    return TRUE;
  pending_key = _ff_vault_unseal (self, tenant->id, ff_session_get_username (session), pending,
                                  _ff_session_peek_public_key (session),
                                  _ff_session_peek_secret_key (session));
  if (pending_key == NULL)
    {
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_FAILED,
                           _("A change of the tenant's key is unfinished and your keys cannot "
                             "finish it; lock the tenant and unlock it again"));
      return FALSE;
    }
  /* The session opened the file with the new key already: only (c) was left. */
  if (sodium_memcmp (pending_key, _ff_session_peek_key (session), FF_STORE_KEY_SIZE) == 0)
    {
      sodium_free (pending_key);
      return _ff_vault_finish_pending (self, tenant->id, pending, error);
    }
  ok = _ff_vault_resume_pending (self, tenant->id, ff_session_get_store (session), pending,
                                 pending_key, error);
  if (ok)
    _ff_session_set_key (session, pending_key);
  else
    sodium_free (pending_key);
  return ok;
}
