/* ff-preferences-window.h — settings kept in GSettings. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FF_TYPE_PREFERENCES_WINDOW (ff_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (FfPreferencesWindow, ff_preferences_window, FF, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

FfPreferencesWindow *ff_preferences_window_new (GSettings *settings);

G_END_DECLS
