/* ff-unlock-page.h — choose a tenant and a user, give the password. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-vault.h"

G_BEGIN_DECLS

#define FF_TYPE_UNLOCK_PAGE (ff_unlock_page_get_type ())
G_DECLARE_FINAL_TYPE (FfUnlockPage, ff_unlock_page, FF, UNLOCK_PAGE, AdwBin)

/* @settings: last-tenant and last-user preselect the choices. */
void ff_unlock_page_set_vault (FfUnlockPage *self,
                               FfVault      *vault,
                               GSettings    *settings);
/* Reads the tenants and users again and clears the password. */
void ff_unlock_page_reload    (FfUnlockPage *self);
void ff_unlock_page_focus     (FfUnlockPage *self);

G_END_DECLS
