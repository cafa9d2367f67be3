/* ff-cli-tenant.c — foodflow-cli tenant create | list | delete. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ff-cli-private.h"

static int
tenant_create (FfCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfTenantInfo) info = NULL;
  g_autofree char *password = NULL;
  const char *admin = _ff_cli_option (ctx, "--admin");

  if (ctx->args->len != 1)
    return _ff_cli_usage_error (_("tenant create takes one NAME"));
  if (admin == NULL)
    return _ff_cli_usage_error (_("tenant create needs --admin USER"));
  vault = _ff_cli_open_vault (ctx, &error);
  if (vault == NULL)
    return _ff_cli_fail (error);
  password = _ff_cli_read_password ("FOODFLOW_PASSWORD", _("Password for the administrator"),
                                    &error);
  if (password == NULL)
    return _ff_cli_fail (error);
  info = ff_vault_create_tenant (vault, g_ptr_array_index (ctx->args, 0), admin, password,
                                 FF_VAULT_CREATE_DEFAULT, NULL, NULL, NULL, &error);
  if (info == NULL)
    return _ff_cli_fail (error);
  printf ("%s\t%s\n", info->id, info->name);
  return FF_CLI_EXIT_OK;
}

static int
tenant_list (FfCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (GPtrArray) tenants = NULL;

  if (ctx->args->len != 0)
    return _ff_cli_usage_error (_("tenant list takes no arguments"));
  vault = _ff_cli_open_vault (ctx, &error);
  if (vault == NULL)
    return _ff_cli_fail (error);
  tenants = ff_vault_list_tenants (vault, &error);
  if (tenants == NULL)
    return _ff_cli_fail (error);
  for (guint i = 0; i < tenants->len; i++)
    {
      FfTenantInfo *t = g_ptr_array_index (tenants, i);
      printf ("%s\t%s\t%s\n", t->id, t->name, t->created_at);
    }
  return FF_CLI_EXIT_OK;
}

static int
tenant_delete (FfCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfSession) session = NULL;

  if (ctx->args->len != 1)
    return _ff_cli_usage_error (_("tenant delete takes one NAME"));
  /* The administrator's password is the confirmation. */
  session = _ff_cli_sign_in (ctx, &vault, &error);
  if (session == NULL || !ff_vault_delete_tenant (vault, session, &error))
    return _ff_cli_fail (error);
  return FF_CLI_EXIT_OK;
}

int
_ff_cli_tenant (FfCliContext *ctx,
                const char   *verb)
{
  if (g_str_equal (verb, "create"))
    return tenant_create (ctx);
  if (g_str_equal (verb, "list"))
    return tenant_list (ctx);
  if (g_str_equal (verb, "delete"))
    return tenant_delete (ctx);
  return _ff_cli_usage_error (_("Unknown command “tenant %s”"), verb);
}
