/* ff-workspace-overview.h — a workspace's first page: its key figures as cards. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-session.h"
#include "ff-workspace.h"

G_BEGIN_DECLS

#define FF_TYPE_WORKSPACE_OVERVIEW (ff_workspace_overview_get_type ())
G_DECLARE_FINAL_TYPE (FfWorkspaceOverview, ff_workspace_overview, FF, WORKSPACE_OVERVIEW, AdwBin)

FfWorkspaceOverview *ff_workspace_overview_new     (FfSession   *session,
                                                    FfWorkspace  workspace);
/* Computes the figures again (in a worker). */
void                 ff_workspace_overview_refresh (FfWorkspaceOverview *self);
/* The figures shown (FfKpi*), NULL while loading. */
GPtrArray           *ff_workspace_overview_get_kpis (FfWorkspaceOverview *self);
/* The card of the figure @kpi_id (a button opening its records), or NULL. */
GtkWidget           *ff_workspace_overview_get_card (FfWorkspaceOverview *self,
                                                     const char          *kpi_id);

G_END_DECLS
