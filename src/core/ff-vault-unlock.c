/* ff-vault-unlock.c — opening a tenant with a user's password. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-vault"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "ff-error.h"
#include "ff-users.h"
#include "ff-vault-private.h"

/* The open tenant of an unlock: its connection, the key it was opened with and the role. */
typedef struct
{
  FfStore *store;
  guint8  *key;
  FfRole   role;
} Opened;

static void
opened_clear (Opened *opened)
{
  g_clear_object (&opened->store);
  g_clear_pointer (&opened->key, sodium_free);
}

/* After a failed re-key the connection may read with a key the file does not have. */
static gboolean
broke_connection (const GError *error)
{
  return g_error_matches (error, FF_STORE_ERROR, FF_STORE_ERROR_FAILED);
}

/* Opens the tenant with the user's keys (the pending generation's first), checks the user is a
 * member, and finishes a re-key left pending when it can. */
static gboolean
open_tenant (FfVault                   *self,
             const FfTenantInfo        *tenant,
             const char                *username,
             const FfVaultCredentials  *credentials,
             Opened                    *out,
             GError                   **error)
{
  g_autoptr (GError) local_error = NULL;
  guint current = 0, pending = 0;
  guint8 *keys[3] = { NULL, NULL, NULL };
  guint8 *opened_with = NULL;

  memset (out, 0, sizeof *out);
  if (!_ff_vault_get_generations (self, tenant->id, &current, &pending, error))
    return FALSE;
  if (credentials->secret_key != NULL)
    {
      keys[0] = _ff_vault_unseal (self, tenant->id, username, pending, credentials->public_key,
                                  credentials->secret_key);
      keys[1] = _ff_vault_unseal (self, tenant->id, username, current, credentials->public_key,
                                  credentials->secret_key);
    }
  else
    {
      keys[1] = sodium_malloc (FF_STORE_KEY_SIZE);
      if (keys[1] != NULL)
        memcpy (keys[1], credentials->old_key, FF_STORE_KEY_SIZE);
    }
  /* Keys, but no slot of a generation the file may have: this user is being removed. */
  if (keys[0] == NULL && keys[1] == NULL)
    {
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH,
                           _("Wrong user name or password"));
      return FALSE;
    }

  /* The pending key again last: another process may have finished step (b) meanwhile. */
  for (guint i = 0; i < 3 && out->store == NULL; i++)
    {
      guint8 *key = keys[i < 2 ? i : 0];

      if (key == NULL)
        continue;
      g_clear_error (&local_error);
      out->store = ff_store_open_for_tenant (tenant->path, tenant->id, key, FF_STORE_OPEN_DEFAULT,
                                             &local_error);
      if (out->store != NULL)
        opened_with = key;
      else if (!g_error_matches (local_error, FF_STORE_ERROR, FF_STORE_ERROR_NOT_A_DATABASE))
        break;
    }
  if (out->store == NULL)
    {
      g_clear_pointer (&keys[0], sodium_free);
      g_clear_pointer (&keys[1], sodium_free);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!ff_users_get_role (out->store, username, &out->role, NULL))
    {
      /* Keys without a live user row: the user was removed, here or on another device. */
      opened_clear (out);
      g_clear_pointer (&keys[0], sodium_free);
      g_clear_pointer (&keys[1], sodium_free);
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH,
                           _("Wrong user name or password"));
      return FALSE;
    }

  if (opened_with == keys[0])
    {
      out->key = g_steal_pointer (&keys[0]);
      g_clear_pointer (&keys[1], sodium_free);
      if (!_ff_vault_finish_pending (self, tenant->id, pending, &local_error))
        g_info ("could not finish the re-key of %s: %s", tenant->id, local_error->message);
      return TRUE;
    }
  out->key = g_steal_pointer (&keys[1]);
  if (keys[0] == NULL)
    return TRUE;

  /* Only the old key opens the file: step (b) did not happen, or was undone by the journal. */
  g_clear_error (&local_error);
  if (_ff_vault_resume_pending (self, tenant->id, out->store, pending, keys[0], &local_error))
    {
      sodium_free (out->key);
      out->key = g_steal_pointer (&keys[0]);
      return TRUE;
    }
  g_info ("leaving the re-key of %s pending: %s", tenant->id, local_error->message);
  g_clear_pointer (&keys[0], sodium_free);
  if (broke_connection (local_error))
    {
      opened_clear (out);
      g_set_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_FAILED,
                   _("An unfinished change of the tenant's key could not be completed: %s"),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* A slot of the first format becomes a key pair, now that the password is at hand. */
static gboolean
upgrade_credentials (FfVault             *self,
                     const FfTenantInfo  *tenant,
                     const char          *username,
                     const char          *password,
                     const guint8        *key,
                     FfVaultUserKeys     *keys,
                     GError             **error)
{
  guint current = 0, pending = 0;

  if (!_ff_vault_get_generations (self, tenant->id, &current, &pending, error))
    return FALSE;
  if (pending != 0)
    {
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_FAILED,
                           "a re-key is pending");
      return FALSE;
    }
  if (!_ff_vault_user_keys_make (tenant->id, username, password, keys, error))
    return FALSE;
  if (!_ff_vault_registry_begin (self, error))
    {
      _ff_vault_user_keys_clear (keys);
      return FALSE;
    }
  if (!_ff_vault_store_user_keys (self, tenant->id, username, keys, error)
      || !_ff_vault_seal (self, tenant->id, username, current, keys->public_key, key, error))
    {
      _ff_vault_registry_rollback (self);
      _ff_vault_user_keys_clear (keys);
      return FALSE;
    }
  if (!_ff_vault_registry_commit (self, error))
    {
      _ff_vault_user_keys_clear (keys);
      return FALSE;
    }
  g_info ("upgraded the keys of %s for %s", username, tenant->id);
  return TRUE;
}

/* Keys in the registry of users who are no members: a removal that did not finish (or one
 * made on another device). They are re-keyed away when that is possible now. */
static void
drop_departed (FfVault            *self,
               const FfTenantInfo *tenant,
               Opened             *opened)
{
  g_autoptr (GPtrArray) holders = _ff_vault_list_holders (self, tenant->id, NULL);
  g_autoptr (GPtrArray) members = ff_users_list (opened->store, NULL);
  g_autoptr (GPtrArray) leaving = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  guint current = 0, pending = 0;
  gboolean ok;

  if (holders == NULL || members == NULL)
    return;
  for (guint i = 0; i < holders->len; i++)
    {
      FfVaultHolder *holder = g_ptr_array_index (holders, i);
      gboolean member = FALSE;

      for (guint j = 0; j < members->len && !member; j++)
        member = g_str_equal (((FfUserInfo *) g_ptr_array_index (members, j))->username,
                              holder->username);
      if (!member)
        g_ptr_array_add (leaving, holder->username);
    }
  if (leaving->len == 0)
    return;
  g_ptr_array_add (leaving, NULL);
  if (!_ff_vault_get_generations (self, tenant->id, &current, &pending, &error)
      || pending != 0
      || !_ff_vault_rekey_check (self, tenant->id, (const char *const *) leaving->pdata, &error)
      || !ff_store_rekey_begin (opened->store, &error))
    {
      g_info ("could not yet re-key away the keys of users who left %s: %s", tenant->id,
              error ? error->message : "a re-key is pending");
      return;
    }
  ok = _ff_vault_rekey (self, tenant->id, opened->store, (const char *const *) leaving->pdata,
                        &opened->key, NULL, NULL, &error);
  ff_store_rekey_end (opened->store);
  if (!ok)
    {
      g_info ("could not re-key away the keys of users who left %s: %s", tenant->id,
              error->message);
      /* The connection may no longer read the file; the caller opens it again. */
      if (broke_connection (error))
        opened_clear (opened);
    }
}

FfSession *
ff_vault_unlock (FfVault     *self,
                 const char  *tenant,
                 const char  *username,
                 const char  *password,
                 GError     **error)
{
  g_autoptr (FfTenantInfo) info = NULL;
  g_autoptr (GError) local_error = NULL;
  FfVaultCredentials credentials;
  FfVaultUserKeys upgraded = { 0 };
  Opened opened;
  FfSession *session;
  const guint8 *public_key;

  g_return_val_if_fail (FF_IS_VAULT (self), NULL);
  g_return_val_if_fail (tenant != NULL && username != NULL && password != NULL, NULL);

  info = ff_vault_find_tenant (self, tenant, error);
  if (info == NULL)
    return NULL;
  if (!_ff_vault_open_credentials (self, info->id, username, password, &credentials, error))
    return NULL;
  if (!open_tenant (self, info, username, &credentials, &opened, error))
    {
      _ff_vault_credentials_clear (&credentials);
      return NULL;
    }

  if (credentials.secret_key == NULL)
    {
      if (upgrade_credentials (self, info, username, password, opened.key, &upgraded,
                               &local_error))
        {
          memcpy (credentials.public_key, upgraded.public_key, sizeof credentials.public_key);
          credentials.secret_key = g_steal_pointer (&upgraded.secret_key);
        }
      else
        g_info ("could not upgrade the keys of %s: %s", username, local_error->message);
      _ff_vault_user_keys_clear (&upgraded);
    }

  drop_departed (self, info, &opened);
  if (opened.store == NULL)
    {
      /* A failed re-key left the registry pending; opening again settles which key works. */
      if (!open_tenant (self, info, username, &credentials, &opened, error))
        {
          _ff_vault_credentials_clear (&credentials);
          return NULL;
        }
    }

  public_key = credentials.secret_key != NULL ? credentials.public_key : NULL;
  session = _ff_session_new (info, username, opened.role, g_steal_pointer (&opened.key),
                             public_key, g_steal_pointer (&credentials.secret_key), opened.store);
  opened_clear (&opened);
  _ff_vault_credentials_clear (&credentials);
  return session;
}

gboolean
ff_vault_confirm_user (FfVault     *self,
                       FfSession   *session,
                       FfStore     *store,
                       const char  *username,
                       const char  *password,
                       FfRole      *out_role,
                       GError     **error)
{
  FfVaultCredentials credentials;

  g_return_val_if_fail (FF_IS_VAULT (self), FALSE);
  g_return_val_if_fail (FF_IS_SESSION (session), FALSE);
  g_return_val_if_fail (username != NULL && password != NULL, FALSE);

  if (store == NULL)
    store = ff_session_get_store (session);
  if (store == NULL)
    {
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_LOCKED,
                           _("The tenant is locked; unlock it first"));
      return FALSE;
    }
  if (!_ff_vault_open_credentials (self, ff_session_get_tenant (session)->id, username, password,
                                   &credentials, error))
    return FALSE;
  _ff_vault_credentials_clear (&credentials);
  /* The role the tenant's own database gives: a key slot of a removed member confirms nothing. */
  if (!ff_users_get_role (store, username, out_role, NULL))
    {
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH,
                           _("Wrong user name or password"));
      return FALSE;
    }
  return TRUE;
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
