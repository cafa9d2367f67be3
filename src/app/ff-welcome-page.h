/* ff-welcome-page.h — first run: create a tenant or open the demo. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FF_TYPE_WELCOME_PAGE (ff_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (FfWelcomePage, ff_welcome_page, FF, WELCOME_PAGE, AdwBin)

G_END_DECLS
