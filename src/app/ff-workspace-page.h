/* ff-workspace-page.h — one workspace: its record kinds beside the chosen kind's records. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-kind.h"
#include "ff-session.h"

G_BEGIN_DECLS

#define FF_TYPE_WORKSPACE_PAGE (ff_workspace_page_get_type ())
G_DECLARE_FINAL_TYPE (FfWorkspacePage, ff_workspace_page, FF, WORKSPACE_PAGE, AdwBin)

FfWorkspacePage *ff_workspace_page_new          (FfSession   *session,
                                                 FfWorkspace  workspace);
FfWorkspace      ff_workspace_page_get_workspace (FfWorkspacePage *self);
/* Shows the records of @kind (one of this workspace's kinds); returns its FfRecordBrowser. */
GtkWidget       *ff_workspace_page_show_kind    (FfWorkspacePage *self,
                                                 const FfKind    *kind);
/* Shows the workspace's key figures. */
void             ff_workspace_page_show_overview (FfWorkspacePage *self);
/* The browser on show, or NULL (also while the overview shows). */
GtkWidget       *ff_workspace_page_get_browser  (FfWorkspacePage *self);
/* In a narrow window, whether a part of the page is folded away that "back" returns to: the
 * list behind a record's details, the sidebar behind the records. */
gboolean         ff_workspace_page_get_can_go_back (FfWorkspacePage *self);
void             ff_workspace_page_go_back      (FfWorkspacePage *self);
/* Puts the focus in the search box of the list on show; FALSE if there is none. */
gboolean         ff_workspace_page_focus_search (FfWorkspacePage *self);

G_END_DECLS
