/* ff-cli-user.c — foodflow-cli user add | remove | passwd. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <unistd.h>

#include "ff-cli-private.h"
#include "ff-error.h"

static int
user_add (FfCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfSession) session = NULL;
  g_autofree char *password = NULL;
  const char *role_name = _ff_cli_option (ctx, "--role");
  FfRole role;

  if (ctx->args->len != 2)
    return _ff_cli_usage_error (_("user add takes TENANT and USER"));
  if (role_name == NULL)
    return _ff_cli_usage_error (_("user add needs --role ROLE (one of %s)"), ff_role_list_names ());
  if (!ff_role_from_string (role_name, &role))
    return _ff_cli_usage_error (_("“%s” is not a role; use one of %s"), role_name,
                                ff_role_list_names ());
  session = _ff_cli_sign_in (ctx, &vault, &error);
  if (session == NULL)
    return _ff_cli_fail (error);
  password = _ff_cli_read_password ("FOODFLOW_NEW_PASSWORD", _("Password for the new user"),
                                    &error);
  if (password == NULL
      || !ff_vault_add_user (vault, session, g_ptr_array_index (ctx->args, 1), role, password,
                             &error))
    return _ff_cli_fail (error);
  return FF_CLI_EXIT_OK;
}

static int
user_remove (FfCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfSession) session = NULL;

  if (ctx->args->len != 2)
    return _ff_cli_usage_error (_("user remove takes TENANT and USER"));
  session = _ff_cli_sign_in (ctx, &vault, &error);
  if (session == NULL
      || !ff_vault_remove_user (vault, session, g_ptr_array_index (ctx->args, 1),
                                _ff_cli_progress_cb, (gpointer) _("Changing the tenant's key"),
                                &error))
    return _ff_cli_fail (error);
  return FF_CLI_EXIT_OK;
}

static void
free_password (char *password)
{
  if (password != NULL)
    sodium_memzero (password, strlen (password));
  g_free (password);
}

static int
user_passwd (FfCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfSession) session = NULL;
  char *password = NULL;
  char *again = NULL;
  gboolean rekey = _ff_cli_option (ctx, "--rekey") != NULL;
  gboolean asked = g_getenv ("FOODFLOW_NEW_PASSWORD") == NULL && isatty (STDIN_FILENO);
  const char *username = ctx->args->len > 1 ? g_ptr_array_index (ctx->args, 1) : NULL;
  gboolean ok;

  if (ctx->args->len < 1 || ctx->args->len > 2)
    return _ff_cli_usage_error (_("user passwd takes TENANT and at most one USER"));
  session = _ff_cli_sign_in (ctx, &vault, &error);
  if (session == NULL)
    return _ff_cli_fail (error);
  password = _ff_cli_read_password ("FOODFLOW_NEW_PASSWORD", _("New password"), &error);
  if (password == NULL)
    return _ff_cli_fail (error);
  /* Typed without echo: once more, so that a typo does not lock the user out. */
  if (asked)
    {
      again = _ff_cli_read_password ("FOODFLOW_NEW_PASSWORD", _("The new password again"),
                                     &error);
      if (again == NULL || !g_str_equal (again, password))
        {
          free_password (password);
          free_password (again);
          if (error == NULL)
            g_set_error_literal (&error, FF_ERROR, FF_ERROR_INVALID,
                                 _("The two passwords differ; nothing was changed"));
          return _ff_cli_fail (error);
        }
      free_password (again);
    }
  ok = ff_vault_change_password (vault, session, username, password, rekey, _ff_cli_progress_cb,
                                 (gpointer) _("Changing the tenant's key"), &error);
  free_password (password);
  if (!ok)
    return _ff_cli_fail (error);
  return FF_CLI_EXIT_OK;
}

int
_ff_cli_user (FfCliContext *ctx,
              const char   *verb)
{
  if (g_str_equal (verb, "add"))
    return user_add (ctx);
  if (g_str_equal (verb, "remove"))
    return user_remove (ctx);
  if (g_str_equal (verb, "passwd"))
    return user_passwd (ctx);
  return _ff_cli_usage_error (_("Unknown command “user %s”"), verb);
}
