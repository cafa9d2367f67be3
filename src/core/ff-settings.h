/* ff-settings.h — FoodFlow's GSettings, also when run from the build tree. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The org.foodflow.FoodFlow settings. The installed schema is used when there is one; an
 * uninstalled build falls back to the schema compiled in its own build directory. Returns NULL
 * only when neither exists. */
GSettings *ff_settings_new (void);

G_END_DECLS
