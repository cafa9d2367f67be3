/* ff-vault-users.c — adding and removing a tenant's users: their row in the tenant database,
 * which is the truth of who belongs, and their keys in the registry. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

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

  g_return_val_if_fail (FF_IS_VAULT (self), FALSE);
  g_return_val_if_fail (FF_IS_SESSION (admin), FALSE);
  g_return_val_if_fail (username != NULL && password != NULL, FALSE);

  if (!_ff_vault_require_admin (admin, _("Only an administrator can manage users"), error)
      || !ff_password_is_acceptable (password, error))
    return FALSE;
  tenant = ff_session_get_tenant (admin);
  store = ff_session_get_store (admin);

  /* The user row first, then the keys: a crash in between leaves a member without keys on
   * this computer, whom adding again completes, never keys for someone who is no member. */
  if (ff_users_get_role (store, username, &current, NULL))
    {
      if (_ff_vault_has_slot (self, tenant->id, username))
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

  if (!_ff_vault_registry_begin (self, error))
    return FALSE;
  if (!_ff_vault_write_slot (self, tenant->id, username, password, _ff_session_peek_key (admin),
                             error))
    {
      _ff_vault_registry_rollback (self);
      return FALSE;
    }
  return _ff_vault_registry_commit (self, error);
}

gboolean
ff_vault_remove_user (FfVault     *self,
                      FfSession   *admin,
                      const char  *username,
                      GError     **error)
{
  const FfTenantInfo *tenant;
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

  if (!ff_users_remove (store, username, error))
    return FALSE;
  if (!_ff_vault_registry_begin (self, error))
    return FALSE;
  if (!_ff_vault_delete_slots (self, tenant->id, username, error))
    {
      _ff_vault_registry_rollback (self);
      return FALSE;
    }
  return _ff_vault_registry_commit (self, error);
}
