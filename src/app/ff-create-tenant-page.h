/* ff-create-tenant-page.h — a new tenant: its name, the first administrator and a password. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-vault.h"

G_BEGIN_DECLS

#define FF_TYPE_CREATE_TENANT_PAGE (ff_create_tenant_page_get_type ())
G_DECLARE_FINAL_TYPE (FfCreateTenantPage, ff_create_tenant_page, FF, CREATE_TENANT_PAGE, AdwBin)

void ff_create_tenant_page_set_vault (FfCreateTenantPage *self,
                                      FfVault            *vault);
/* Clears the form for a new tenant. */
void ff_create_tenant_page_reset     (FfCreateTenantPage *self);
void ff_create_tenant_page_focus     (FfCreateTenantPage *self);

G_END_DECLS
