/* ff-workspaces-view.c — the unlocked tenant: one tab per workspace. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n.h>

#include "ff-application.h"
#include "ff-record-browser.h"
#include "ff-record-list-model.h"
#include "ff-record-repository.h"
#include "ff-workspace-page.h"
#include "ff-workspaces-view.h"

struct _FfWorkspacesView
{
  AdwBin         parent_instance;

  /* template widgets */
  AdwViewStack  *stack;
  GtkButton     *back_button;
  GtkLabel      *tenant_label;
  GtkMenuButton *menu_button;

  /* owned */
  FfSession     *session;
  guint          back_idle;

  /* borrowed */
  GtkWidget     *pages[FF_N_WORKSPACES];
};

G_DEFINE_FINAL_TYPE (FfWorkspacesView, ff_workspaces_view, ADW_TYPE_BIN)

void
ff_workspaces_view_show (FfWorkspacesView *self,
                         FfWorkspace       workspace)
{
  g_return_if_fail (FF_IS_WORKSPACES_VIEW (self));
  g_return_if_fail (workspace < FF_N_WORKSPACES);
  adw_view_stack_set_visible_child (self->stack, self->pages[workspace]);
}

FfWorkspace
ff_workspaces_view_get_shown (FfWorkspacesView *self)
{
  GtkWidget *child;

  g_return_val_if_fail (FF_IS_WORKSPACES_VIEW (self), FF_WORKSPACE_PLANT_OPS);
  child = adw_view_stack_get_visible_child (self->stack);
  for (guint i = 0; i < FF_N_WORKSPACES; i++)
    if (self->pages[i] == child)
      return i;
  return FF_WORKSPACE_PLANT_OPS;
}

GtkWidget *
ff_workspaces_view_get_page (FfWorkspacesView *self,
                             FfWorkspace       workspace)
{
  g_return_val_if_fail (FF_IS_WORKSPACES_VIEW (self), NULL);
  g_return_val_if_fail (workspace < FF_N_WORKSPACES, NULL);
  return self->pages[workspace];
}

static FfWorkspacePage *
visible_page (FfWorkspacesView *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->stack);

  return FF_IS_WORKSPACE_PAGE (child) ? FF_WORKSPACE_PAGE (child) : NULL;
}

/* In a narrow window, the header bar's back button returns to what is folded away. */
static gboolean
update_back_button_idle (gpointer user_data)
{
  FfWorkspacesView *self = user_data;
  FfWorkspacePage *page = visible_page (self);

  g_assert (FF_IS_WORKSPACES_VIEW (self));

  self->back_idle = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          page != NULL && ff_workspace_page_get_can_go_back (page));
  return G_SOURCE_REMOVE;
}

/* Leaflets fold while the window is laid out: the header bar changes after that, not in the
 * middle of it. */
static void
update_back_button (FfWorkspacesView *self)
{
  g_assert (FF_IS_WORKSPACES_VIEW (self));

  if (self->back_idle == 0)
    self->back_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_back_button_idle, self, NULL);
}

static void
back_clicked_cb (FfWorkspacesView *self)
{
  FfWorkspacePage *page = visible_page (self);

  g_assert (FF_IS_WORKSPACES_VIEW (self));

  if (page != NULL)
    ff_workspace_page_go_back (page);
}

gboolean
ff_workspaces_view_focus_search (FfWorkspacesView *self)
{
  FfWorkspacePage *page;

  g_return_val_if_fail (FF_IS_WORKSPACES_VIEW (self), FALSE);
  page = visible_page (self);
  return page != NULL && ff_workspace_page_focus_search (page);
}

void
ff_workspaces_view_get_location (FfWorkspacesView  *self,
                                 FfWorkspace       *workspace,
                                 const FfKind     **kind,
                                 const char       **record_id)
{
  FfWorkspacePage *page;
  GtkWidget *browser;
  FfRecord *record = NULL;

  g_return_if_fail (FF_IS_WORKSPACES_VIEW (self));

  page = visible_page (self);
  browser = page ? ff_workspace_page_get_browser (page) : NULL;
  if (browser != NULL)
    record = ff_record_browser_get_selected (FF_RECORD_BROWSER (browser));
  /* A row whose page is not read yet has no id to come back to. */
  if (record != NULL && ff_record_list_model_is_placeholder (record))
    record = NULL;
  *workspace = ff_workspaces_view_get_shown (self);
  *kind = browser ? ff_record_browser_get_kind (FF_RECORD_BROWSER (browser)) : NULL;
  *record_id = record ? ff_record_get_id (record) : NULL;
}

static FfRecordBrowser *
show_kind (FfWorkspacesView *self,
           const FfKind     *kind)
{
  GtkWidget *page = self->pages[kind->workspace];

  adw_view_stack_set_visible_child (self->stack, page);
  return FF_RECORD_BROWSER (ff_workspace_page_show_kind (FF_WORKSPACE_PAGE (page), kind));
}

void
ff_workspaces_view_open_list (FfWorkspacesView    *self,
                              const FfKind        *kind,
                              const FfRecordQuery *query,
                              const char          *label)
{
  g_return_if_fail (FF_IS_WORKSPACES_VIEW (self));
  ff_record_browser_show_query (show_kind (self, kind), query, label);
}

void
ff_workspaces_view_set_location (FfWorkspacesView *self,
                                 FfWorkspace       workspace,
                                 const FfKind     *kind,
                                 const char       *record_id)
{
  g_return_if_fail (FF_IS_WORKSPACES_VIEW (self));
  g_return_if_fail (workspace < FF_N_WORKSPACES);
  g_return_if_fail (kind == NULL || kind->workspace == workspace);

  if (kind != NULL && record_id != NULL)
    ff_workspaces_view_open_record (self, kind, record_id);
  else if (kind != NULL)
    show_kind (self, kind);
  else
    {
      ff_workspaces_view_show (self, workspace);
      ff_workspace_page_show_overview (FF_WORKSPACE_PAGE (self->pages[workspace]));
    }
}

void
ff_workspaces_view_open_record (FfWorkspacesView *self,
                                const FfKind     *kind,
                                const char       *id)
{
  g_return_if_fail (FF_IS_WORKSPACES_VIEW (self));
  g_return_if_fail (kind != NULL && id != NULL);
  ff_record_browser_reveal (show_kind (self, kind), id);
}

void
ff_workspaces_view_show_related (FfWorkspacesView *self,
                                 const FfKind     *kind,
                                 const FfField    *field,
                                 const char       *target_id)
{
  const FfKind *target_kind;
  g_autoptr (FfRecordRepository) repo = NULL;
  g_autoptr (FfRecord) target = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (FF_IS_WORKSPACES_VIEW (self));
  g_return_if_fail (field->type == FF_FIELD_REF);

  target_kind = ff_field_get_ref_kind (field);
  if (ff_session_get_store (self->session) == NULL)
    return;
  repo = ff_record_repository_new (ff_session_get_store (self->session), target_kind);
  target = ff_record_repository_get (repo, target_id, NULL);
  /* Translators: the scope of a filtered list, e.g. "Line: L3" */
  label = g_strdup_printf (_("%s: %s"), ff_field_get_label (field),
                           target && ff_record_get_code (target) ? ff_record_get_code (target)
                                                                 : target_id);
  ff_record_browser_set_scope (show_kind (self, kind), field->name, target_id, label);
}

static void
ff_workspaces_view_dispose (GObject *object)
{
  FfWorkspacesView *self = FF_WORKSPACES_VIEW (object);

  g_clear_handle_id (&self->back_idle, g_source_remove);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (ff_workspaces_view_parent_class)->dispose (object);
}

static void
ff_workspaces_view_class_init (FfWorkspacesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ff_workspaces_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ff-workspaces-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FfWorkspacesView, stack);
  gtk_widget_class_bind_template_child (widget_class, FfWorkspacesView, back_button);
  gtk_widget_class_bind_template_child (widget_class, FfWorkspacesView, tenant_label);
  gtk_widget_class_bind_template_child (widget_class, FfWorkspacesView, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, update_back_button);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
ff_workspaces_view_init (FfWorkspacesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_menu_model (self->menu_button, ff_application_get_primary_menu ());
}

FfWorkspacesView *
ff_workspaces_view_new (FfSession *session)
{
  FfWorkspacesView *self;
  g_autofree char *who = NULL;

  g_return_val_if_fail (FF_IS_SESSION (session), NULL);

  self = g_object_new (FF_TYPE_WORKSPACES_VIEW, NULL);
  self->session = g_object_ref (session);

  /* Translators: the tenant and the signed-in user, in the header bar */
  who = g_strdup_printf (_("%s · %s"), ff_session_get_tenant (session)->name,
                         ff_session_get_username (session));
  gtk_label_set_label (self->tenant_label, who);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tenant_label),
                               ff_role_get_label (ff_session_get_role (session)));

  for (guint i = 0; i < FF_N_WORKSPACES; i++)
    {
      AdwViewStackPage *page;

      self->pages[i] = GTK_WIDGET (ff_workspace_page_new (session, i));
      g_signal_connect_object (self->pages[i], "notify::can-go-back",
                               G_CALLBACK (update_back_button), self, G_CONNECT_SWAPPED);
      page = adw_view_stack_add_titled (self->stack, self->pages[i], ff_workspace_get_id (i),
                                        ff_workspace_get_title (i));
      adw_view_stack_page_set_icon_name (page, ff_workspace_get_icon_name (i));
      adw_view_stack_page_set_use_underline (page, TRUE);
    }
  return self;
}
