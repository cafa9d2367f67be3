/* ff-tenant-info.c — what the registry knows of one tenant. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ff-tenant-info.h"

FfTenantInfo *
ff_tenant_info_copy (const FfTenantInfo *info)
{
  FfTenantInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);
  copy = g_new0 (FfTenantInfo, 1);
  copy->id = g_strdup (info->id);
  copy->name = g_strdup (info->name);
  copy->path = g_strdup (info->path);
  copy->created_at = g_strdup (info->created_at);
  return copy;
}

void
ff_tenant_info_free (FfTenantInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->name);
  g_free (info->path);
  g_free (info->created_at);
  g_free (info);
}
