/* ff-vault-users.c — a tenant's users: their row in the tenant database, which is the truth of
 * who belongs, and their keys in the registry; adding, removing, changing passwords. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-vault"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "ff-error.h"
#include "ff-password.h"
#include "ff-users.h"
#include "ff-vault-private.h"

gboolean
_ff_vault_require_unlocked (FfSession  *session,
                            GError    **error)
{
  if (ff_session_is_locked (session))
    {
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_LOCKED,
                           _("The tenant is locked; unlock it again"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_ff_vault_require_admin (FfSession   *session,
                         const char  *refusal,
                         GError     **error)
{
  if (!_ff_vault_require_unlocked (session, error))
    return FALSE;
  if (ff_session_get_role (session) != FF_ROLE_ADMIN)
    {
      g_set_error_literal (error, FF_ERROR, FF_ERROR_PERMISSION, refusal);
      return FALSE;
    }
  return TRUE;
}

/* Users in the registry who are no (longer) members of the tenant, plus @also: the keys a
 * re-key leaves behind. NULL-terminated, strings owned by @holders. */
static GPtrArray *
leaving_users (GPtrArray  *holders,
               FfStore    *store,
               const char *also)
{
  g_autoptr (GPtrArray) members = ff_users_list (store, NULL);
  GPtrArray *leaving = g_ptr_array_new ();

  for (guint i = 0; i < holders->len; i++)
    {
      FfVaultHolder *holder = g_ptr_array_index (holders, i);
      gboolean member = FALSE;

      for (guint j = 0; members != NULL && j < members->len && !member; j++)
        member = g_str_equal (((FfUserInfo *) g_ptr_array_index (members, j))->username,
                              holder->username);
      if (!member || g_strcmp0 (holder->username, also) == 0)
        g_ptr_array_add (leaving, holder->username);
    }
  g_ptr_array_add (leaving, NULL);
  return leaving;
}

/* Re-keys the session's tenant on its connection, @leaving's keys going; the session gets the
 * new key. A failed re-encryption can leave the connection unable to read: the session is
 * locked then, and the next unlock settles which key the file has. */
static gboolean
rekey_session (FfVault              *self,
               FfSession            *session,
               const char *const    *leaving,
               FfVaultProgressFunc   progress,
               gpointer              progress_data,
               GError              **error)
{
  const FfTenantInfo *tenant = ff_session_get_tenant (session);
  FfStore *store = ff_session_get_store (session);
  g_autoptr (GError) local_error = NULL;
  guint8 *key = sodium_malloc (FF_STORE_KEY_SIZE);
  gboolean ok;

  if (key == NULL)
    {
      ff_store_rekey_end (store);
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_FAILED,
                           _("Could not allocate protected memory for the key"));
      return FALSE;
    }
  memcpy (key, _ff_session_peek_key (session), FF_STORE_KEY_SIZE);
  ok = _ff_vault_rekey (self, tenant->id, store, leaving, &key, progress, progress_data,
                        &local_error);
  ff_store_rekey_end (store);
  /* The file uses @key whenever it differs from the session's, even when a later step
   * failed. */
  if (sodium_memcmp (key, _ff_session_peek_key (session), FF_STORE_KEY_SIZE) != 0)
    _ff_session_set_key (session, key);
  else
    sodium_free (key);
  if (ok)
    return TRUE;
  if (g_error_matches (local_error, FF_STORE_ERROR, FF_STORE_ERROR_FAILED))
    ff_session_lock (session);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
ff_vault_add_user (FfVault     *self,
                   FfSession   *admin,
                   const char  *username,
                   FfRole       role,
                   const char  *password,
                   GError     **error)
{
  const FfTenantInfo *tenant;
  FfStore *store;
  FfRole current;
  FfVaultUserKeys keys;
  guint generation = 0, pending = 0;

  g_return_val_if_fail (FF_IS_VAULT (self), FALSE);
  g_return_val_if_fail (FF_IS_SESSION (admin), FALSE);
  g_return_val_if_fail (username != NULL && password != NULL, FALSE);

  if (!_ff_vault_require_admin (admin, _("Only an administrator can manage users"), error)
      || !ff_password_is_acceptable (password, error))
    return FALSE;
  if (!ff_users_name_is_valid (username))
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                   _("“%s” is not a valid user name: use 1 to 64 lower-case letters, digits, "
                     "dots, dashes or underscores"), username);
      return FALSE;
    }
  tenant = ff_session_get_tenant (admin);
  store = ff_session_get_store (admin);
  /* The new user's key is sealed for the current generation only. */
  if (!_ff_vault_settle (self, admin, error))
    return FALSE;

  /* The user row first, then the keys: a crash in between leaves a member without keys on
   * this computer, whom adding again completes, never keys for someone who is no member. */
  if (ff_users_get_role (store, username, &current, NULL))
    {
      if (_ff_vault_has_keys (self, tenant->id, username))
        {
          g_set_error (error, FF_ERROR, FF_ERROR_EXISTS,
                       _("A user named “%s” already exists"), username);
          return FALSE;
        }
      /* A member whose keys are not here (added elsewhere, or a crash after the row). */
      if (current != role && !ff_users_set_role (store, username, role, error))
        return FALSE;
    }
  else if (!ff_users_add (store, username, role, error))
    return FALSE;
  _ff_vault_crash_point ("add-user-row");

  if (!_ff_vault_user_keys_make (tenant->id, username, password, &keys, error))
    return FALSE;
  if (!_ff_vault_registry_begin (self, error))
    {
      _ff_vault_user_keys_clear (&keys);
      return FALSE;
    }
  if (!_ff_vault_get_generations (self, tenant->id, &generation, &pending, error)
      || !_ff_vault_store_user_keys (self, tenant->id, username, &keys, error)
      || !_ff_vault_seal (self, tenant->id, username, generation, keys.public_key,
                          _ff_session_peek_key (admin), error))
    {
      _ff_vault_registry_rollback (self);
      _ff_vault_user_keys_clear (&keys);
      return FALSE;
    }
  _ff_vault_user_keys_clear (&keys);
  return _ff_vault_registry_commit (self, error);
}

gboolean
ff_vault_remove_user (FfVault              *self,
                      FfSession            *admin,
                      const char           *username,
                      FfVaultProgressFunc   progress,
                      gpointer              progress_data,
                      GError              **error)
{
  const FfTenantInfo *tenant;
  g_autoptr (GPtrArray) holders = NULL;
  g_autoptr (GPtrArray) leaving = NULL;
  const char *const only_them[] = { username, NULL };
  FfStore *store;
  FfRole role;

  g_return_val_if_fail (FF_IS_VAULT (self), FALSE);
  g_return_val_if_fail (FF_IS_SESSION (admin), FALSE);
  g_return_val_if_fail (username != NULL, FALSE);

  if (!_ff_vault_require_admin (admin, _("Only an administrator can manage users"), error))
    return FALSE;
  tenant = ff_session_get_tenant (admin);
  store = ff_session_get_store (admin);
  if (!ff_users_get_role (store, username, &role, error))
    return FALSE;
  if (role == FF_ROLE_ADMIN && ff_users_count_role (store, FF_ROLE_ADMIN, NULL) <= 1)
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                   _("“%s” is the only administrator and cannot be removed"), username);
      return FALSE;
    }

  /* Everything that could refuse the re-key, before the user is removed. */
  if (!_ff_vault_settle (self, admin, error)
      || !_ff_vault_rekey_check (self, tenant->id, only_them, error)
      || !ff_store_rekey_begin (store, error))
    return FALSE;

  /* The tenant's user table says who belongs: once the row is a tombstone, any unlock that
   * finds keys of this user here re-keys them away, should this process die now. */
  if (!ff_users_remove (store, username, error))
    {
      ff_store_rekey_end (store);
      return FALSE;
    }
  _ff_vault_crash_point ("remove-tombstoned");

  holders = _ff_vault_list_holders (self, tenant->id, error);
  if (holders == NULL)
    {
      ff_store_rekey_end (store);
      return FALSE;
    }
  leaving = leaving_users (holders, store, username);
  return rekey_session (self, admin, (const char *const *) leaving->pdata, progress,
                        progress_data, error);
}

gboolean
ff_vault_change_password (FfVault              *self,
                          FfSession            *session,
                          const char           *username,
                          const char           *new_password,
                          gboolean              suspected_compromise,
                          FfVaultProgressFunc   progress,
                          gpointer              progress_data,
                          GError              **error)
{
  const FfTenantInfo *tenant;
  g_autoptr (GPtrArray) holders = NULL;
  g_autoptr (GPtrArray) leaving = NULL;
  FfVaultUserKeys keys;
  FfStore *store;
  FfRole role;
  guint generation = 0, pending = 0;
  gboolean self_service;

  g_return_val_if_fail (FF_IS_VAULT (self), FALSE);
  g_return_val_if_fail (FF_IS_SESSION (session), FALSE);
  g_return_val_if_fail (new_password != NULL, FALSE);

  if (!_ff_vault_require_unlocked (session, error))
    return FALSE;
  if (username == NULL)
    username = ff_session_get_username (session);
  self_service = g_str_equal (username, ff_session_get_username (session));
  if (!self_service
      && !_ff_vault_require_admin (session, _("Only an administrator can set another user's "
                                              "password"), error))
    return FALSE;
  tenant = ff_session_get_tenant (session);
  store = ff_session_get_store (session);
  if (!ff_users_get_role (store, username, &role, error)
      || !ff_password_is_acceptable (new_password, error))
    return FALSE;

  if (!_ff_vault_settle (self, session, error))
    return FALSE;
  /* With a re-key to follow, refuse now what would refuse it (the user's own keys become a
   * key pair here, so they do not count). */
  if (suspected_compromise)
    {
      const char *const only_them[] = { username, NULL };

      if (!_ff_vault_rekey_check (self, tenant->id, only_them, error)
          || !ff_store_rekey_begin (store, error))
        return FALSE;
    }

  /* A new key pair, not the old secret re-wrapped: the old password and an old copy of the
   * registry give the old secret key, which must open nothing sealed from now on. */
  if (!_ff_vault_user_keys_make (tenant->id, username, new_password, &keys, error))
    goto fail;
  if (!_ff_vault_registry_begin (self, error))
    {
      _ff_vault_user_keys_clear (&keys);
      goto fail;
    }
  if (!_ff_vault_get_generations (self, tenant->id, &generation, &pending, error)
      || !_ff_vault_store_user_keys (self, tenant->id, username, &keys, error)
      || !_ff_vault_seal (self, tenant->id, username, generation, keys.public_key,
                          _ff_session_peek_key (session), error))
    {
      _ff_vault_registry_rollback (self);
      _ff_vault_user_keys_clear (&keys);
      goto fail;
    }
  if (!_ff_vault_registry_commit (self, error))
    {
      _ff_vault_user_keys_clear (&keys);
      goto fail;
    }
  if (self_service)
    _ff_session_set_user_keys (session, keys.public_key, g_steal_pointer (&keys.secret_key));
  _ff_vault_user_keys_clear (&keys);
  _ff_vault_crash_point ("passwd-keys");
  if (!suspected_compromise)
    return TRUE;

  /* The old password and an old registry still give the current data key: change it. */
  holders = _ff_vault_list_holders (self, tenant->id, error);
  if (holders == NULL)
    goto fail;
  leaving = leaving_users (holders, store, NULL);
  return rekey_session (self, session, (const char *const *) leaving->pdata, progress,
                        progress_data, error);

fail:
  if (suspected_compromise)
    ff_store_rekey_end (store);
  return FALSE;
}

/* Asynchronous variants ---------------------------------------------------------------------- */

typedef struct
{
  FfSession           *session;
  char                *username;
  char                *password;
  gboolean             suspected_compromise;
  FfVaultProgressFunc  progress;
  gpointer             progress_data;
  GDestroyNotify       progress_notify;
  GMainContext        *context;
} UserTask;

static void
user_task_free (UserTask *data)
{
  g_clear_object (&data->session);
  g_free (data->username);
  if (data->password != NULL)
    {
      sodium_memzero (data->password, strlen (data->password));
      g_free (data->password);
    }
  if (data->progress_notify != NULL)
    data->progress_notify (data->progress_data);
  g_main_context_unref (data->context);
  g_free (data);
}

typedef struct
{
  GTask  *task;
  double  fraction;
} Progress;

static void
progress_free (Progress *report)
{
  g_object_unref (report->task);
  g_free (report);
}

static gboolean
progress_idle_cb (gpointer user_data)
{
  Progress *report = user_data;
  UserTask *data = g_task_get_task_data (report->task);

  data->progress (report->fraction, data->progress_data);
  return G_SOURCE_REMOVE;
}

/* Runs @function with a ref on @task in the context the operation was started from. Idle
 * sources of one priority run in the order they were added, so reports arrive in order and
 * before the notify that follows them. */
static void
run_in_caller_context (GTask       *task,
                       GSourceFunc  function,
                       Progress    *report)
{
  UserTask *data = g_task_get_task_data (task);
  g_autoptr (GSource) source = g_idle_source_new ();

  report->task = g_object_ref (task);
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, function, report, (GDestroyNotify) progress_free);
  g_source_attach (source, data->context);
}

/* On the worker: hands each report to the context the operation was started from. Each holds
 * the task, so progress_data outlives every report. */
static void
forward_progress_cb (double   fraction,
                     gpointer user_data)
{
  Progress *report = g_new0 (Progress, 1);

  report->fraction = fraction;
  run_in_caller_context (user_data, progress_idle_cb, report);
}

static gboolean
notify_idle_cb (gpointer user_data)
{
  Progress *report = user_data;
  UserTask *data = g_task_get_task_data (report->task);

  data->progress_notify (data->progress_data);
  data->progress_notify = NULL;
  return G_SOURCE_REMOVE;
}

/* On the worker, before the task returns: progress_data is freed after the last report and
 * before the callback, in the caller's context. */
static void
finish_progress (GTask *task)
{
  UserTask *data = g_task_get_task_data (task);

  if (data->progress_notify != NULL)
    run_in_caller_context (task, notify_idle_cb, g_new0 (Progress, 1));
}

static UserTask *
user_task_new (FfSession           *session,
               const char          *username,
               FfVaultProgressFunc  progress,
               gpointer             progress_data,
               GDestroyNotify       progress_notify)
{
  UserTask *data = g_new0 (UserTask, 1);

  data->session = g_object_ref (session);
  data->username = g_strdup (username);
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_notify = progress_notify;
  data->context = g_main_context_ref_thread_default ();
  return data;
}

static void
remove_user_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  UserTask *data = task_data;
  GError *error = NULL;
  gboolean ok;

  if (g_task_return_error_if_cancelled (task))
    return;
  ok = ff_vault_remove_user (source_object, data->session, data->username,
                             data->progress ? forward_progress_cb : NULL, task, &error);
  finish_progress (task);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ff_vault_remove_user_async (FfVault              *self,
                            FfSession            *admin,
                            const char           *username,
                            FfVaultProgressFunc   progress,
                            gpointer              progress_data,
                            GDestroyNotify        progress_notify,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (FF_IS_VAULT (self));
  g_return_if_fail (FF_IS_SESSION (admin));
  g_return_if_fail (username != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ff_vault_remove_user_async);
  g_task_set_task_data (task, user_task_new (admin, username, progress, progress_data,
                                             progress_notify), (GDestroyNotify) user_task_free);
  g_task_run_in_thread (task, remove_user_thread);
}

gboolean
ff_vault_remove_user_finish (FfVault       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
change_password_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  UserTask *data = task_data;
  GError *error = NULL;
  gboolean ok;

  if (g_task_return_error_if_cancelled (task))
    return;
  ok = ff_vault_change_password (source_object, data->session, data->username, data->password,
                                 data->suspected_compromise,
                                 data->progress ? forward_progress_cb : NULL, task, &error);
  finish_progress (task);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ff_vault_change_password_async (FfVault              *self,
                                FfSession            *session,
                                const char           *username,
                                const char           *new_password,
                                gboolean              suspected_compromise,
                                FfVaultProgressFunc   progress,
                                gpointer              progress_data,
                                GDestroyNotify        progress_notify,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  g_autoptr (GTask) task = NULL;
  UserTask *data;

  g_return_if_fail (FF_IS_VAULT (self));
  g_return_if_fail (FF_IS_SESSION (session));
  g_return_if_fail (new_password != NULL);

  data = user_task_new (session, username, progress, progress_data, progress_notify);
  data->password = g_strdup (new_password);
  data->suspected_compromise = suspected_compromise;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ff_vault_change_password_async);
  g_task_set_task_data (task, data, (GDestroyNotify) user_task_free);
  g_task_run_in_thread (task, change_password_thread);
}

gboolean
ff_vault_change_password_finish (FfVault       *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
