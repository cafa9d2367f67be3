/* ff-workspaces-view.h — the unlocked tenant: one tab per workspace. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-session.h"
#include "ff-kind.h"
#include "ff-record-query.h"
#include "ff-workspace.h"

G_BEGIN_DECLS

#define FF_TYPE_WORKSPACES_VIEW (ff_workspaces_view_get_type ())
G_DECLARE_FINAL_TYPE (FfWorkspacesView, ff_workspaces_view, FF, WORKSPACES_VIEW, AdwBin)

FfWorkspacesView *ff_workspaces_view_new        (FfSession *session);
void              ff_workspaces_view_show       (FfWorkspacesView *self,
                                                 FfWorkspace       workspace);
FfWorkspace       ff_workspaces_view_get_shown  (FfWorkspacesView *self);
/* The page of one workspace (an FfWorkspacePage). */
GtkWidget        *ff_workspaces_view_get_page   (FfWorkspacesView *self,
                                                 FfWorkspace       workspace);

/* Puts the focus in the search box of the list on show (Ctrl+F); FALSE if none is shown. */
gboolean          ff_workspaces_view_focus_search  (FfWorkspacesView *self);
/* Where the person is: the workspace shown, the kind whose list shows there (NULL: the
 * overview) and the id of the record selected in it (NULL: none; owned by the list). */
void              ff_workspaces_view_get_location  (FfWorkspacesView  *self,
                                                    FfWorkspace       *workspace,
                                                    const FfKind     **kind,
                                                    const char       **record_id);
/* Goes back there (a record that is gone leaves its list shown). */
void              ff_workspaces_view_set_location  (FfWorkspacesView *self,
                                                    FfWorkspace       workspace,
                                                    const FfKind     *kind,
                                                    const char       *record_id);

/* Opens the list of @kind showing what @query selects, in its order; @label names the scope. */
void              ff_workspaces_view_open_list     (FfWorkspacesView    *self,
                                                    const FfKind        *kind,
                                                    const FfRecordQuery *query,
                                                    const char          *label);
/* Opens the workspace of @kind, its list, and selects the record with @id there. */
void              ff_workspaces_view_open_record   (FfWorkspacesView *self,
                                                    const FfKind     *kind,
                                                    const char       *id);
/* Opens the list of @kind showing only the records whose @field refers to @target_id. */
void              ff_workspaces_view_show_related  (FfWorkspacesView *self,
                                                    const FfKind     *kind,
                                                    const FfField    *field,
                                                    const char       *target_id);

G_END_DECLS
