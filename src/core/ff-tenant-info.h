/* ff-tenant-info.h — what the registry knows of one tenant (no secrets, no business data). */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *name;
  char *path;        /* the tenant's SQLCipher file */
  char *created_at;  /* UTC ISO-8601 */
} FfTenantInfo;

FfTenantInfo *ff_tenant_info_copy (const FfTenantInfo *info);
void          ff_tenant_info_free (FfTenantInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfTenantInfo, ff_tenant_info_free)

G_END_DECLS
