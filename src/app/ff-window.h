/* ff-window.h — the main window: first run, unlock, the workspaces, lock and auto-lock. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-application.h"
#include "ff-session.h"

G_BEGIN_DECLS

#define FF_TYPE_WINDOW (ff_window_get_type ())
G_DECLARE_FINAL_TYPE (FfWindow, ff_window, FF, WINDOW, AdwApplicationWindow)

FfWindow  *ff_window_new         (FfApplication *application);
/* The unlocked session, or NULL while locked. */
FfSession *ff_window_get_session (FfWindow *self);
/* "busy", "welcome", "create", "unlock" or "main". */
const char *ff_window_get_page   (FfWindow *self);
/* Locks the tenant; the same user unlocking it again finds the workspace, list and record they
 * left. */
void       ff_window_lock        (FfWindow *self);
/* Opens the demo tenant (made first if missing), unless a tenant is open or opening. */
void       ff_window_open_demo   (FfWindow *self);
void       ff_window_show_toast  (FfWindow   *self,
                                  const char *message);

G_END_DECLS
