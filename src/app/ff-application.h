/* ff-application.h — the FoodFlow AdwApplication: one instance, options, app-wide actions, the
 * vault. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-vault.h"

G_BEGIN_DECLS

#define FF_TYPE_APPLICATION (ff_application_get_type ())
G_DECLARE_FINAL_TYPE (FfApplication, ff_application, FF, APPLICATION, AdwApplication)

/* The application as the desktop starts it: unique under its id, so that a second launch raises
 * the window of the first (tests make theirs with G_APPLICATION_NON_UNIQUE instead). */
FfApplication *ff_application_new          (void);
/* The registry of the data directory in use (--data-dir, $FOODFLOW_DATA_DIR or the default). */
FfVault       *ff_application_get_vault    (FfApplication *self);
GSettings     *ff_application_get_settings (FfApplication *self);
/* TRUE when started with --demo: open the demo tenant, creating it when missing. */
gboolean       ff_application_get_demo     (FfApplication *self);

/* The main menu of every header bar (ui/gtk/menus.ui). */
GMenuModel    *ff_application_get_primary_menu (void);

G_END_DECLS
