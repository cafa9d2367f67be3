/* ff-vault-unlock.c — opening a tenant with a user's password. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-vault"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "ff-error.h"
#include "ff-users.h"
#include "ff-vault-private.h"

FfSession *
ff_vault_unlock (FfVault     *self,
                 const char  *tenant,
                 const char  *username,
                 const char  *password,
                 GError     **error)
{
  g_autoptr (FfTenantInfo) info = NULL;
  g_autoptr (FfStore) store = NULL;
  g_autoptr (GError) local_error = NULL;
  guint8 *key;
  FfRole role;

  g_return_val_if_fail (FF_IS_VAULT (self), NULL);
  g_return_val_if_fail (tenant != NULL && username != NULL && password != NULL, NULL);

  info = ff_vault_find_tenant (self, tenant, error);
  if (info == NULL)
    return NULL;
  key = _ff_vault_read_slot (self, info->id, username, password, error);
  if (key == NULL)
    return NULL;

  store = ff_store_open (info->path, key, FF_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    {
      sodium_free (key);
      return NULL;
    }
  if (!ff_users_get_role (store, username, &role, &local_error))
    {
      /* A key slot without a live user row: the user was removed on another device. */
      sodium_free (key);
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH,
                           _("Wrong user name or password"));
      return NULL;
    }
  return _ff_session_new (info, username, role, key, store);
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
