/* ff-workspace.h — the five workspaces, in the order the window shows them. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  FF_WORKSPACE_PLANT_OPS,
  FF_WORKSPACE_FSQ,
  FF_WORKSPACE_PLANNING,
  FF_WORKSPACE_BRAND,
  FF_WORKSPACE_RETAIL,
  FF_N_WORKSPACES
} FfWorkspace;

/* "plant-ops", "fsq", ... (stable, for settings and page names) */
const char *ff_workspace_get_id        (FfWorkspace workspace);
/* Translated title with a mnemonic underscore ("_PlantOps"). */
const char *ff_workspace_get_title     (FfWorkspace workspace);
/* Translated title without the mnemonic. */
const char *ff_workspace_get_label     (FfWorkspace workspace);
const char *ff_workspace_get_icon_name (FfWorkspace workspace);
const char *ff_workspace_get_summary   (FfWorkspace workspace);
/* The headings the workspace's sidebar groups its kinds under, in order (untranslated, N_()
 * strings; NULL-terminated). Each kind's nav_group is one of them. */
const char *const *ff_workspace_get_nav_groups (FfWorkspace workspace);

G_END_DECLS
