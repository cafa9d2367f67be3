/* ff-workspace-page.c — one workspace: its record kinds beside the chosen kind's records. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n.h>

#include "ff-kind-catalog.h"
#include "ff-record-browser.h"
#include "ff-workspace-overview.h"
#include "ff-workspace-page.h"

struct _FfWorkspacePage
{
  AdwBin       parent_instance;

  /* template widgets */
  AdwLeaflet  *leaflet;
  GtkLabel    *summary_label;
  GtkListBox  *kind_list;
  GtkStack    *content;

  /* owned */
  FfSession   *session;
  FfWorkspace  workspace;
  GPtrArray   *kinds;  /* const FfKind*, in list order */
};

G_DEFINE_FINAL_TYPE (FfWorkspacePage, ff_workspace_page, ADW_TYPE_BIN)

static void kind_selected_cb (FfWorkspacePage *self,
                              GtkListBoxRow   *row);

GtkWidget *
ff_workspace_page_show_kind (FfWorkspacePage *self,
                             const FfKind    *kind)
{
  GtkWidget *browser;

  g_return_val_if_fail (FF_IS_WORKSPACE_PAGE (self), NULL);
  g_return_val_if_fail (kind != NULL && kind->workspace == self->workspace, NULL);

  /* Browsers are made on first visit: a workspace nobody opens reads nothing. */
  browser = gtk_stack_get_child_by_name (self->content, kind->name);
  if (browser == NULL)
    {
      browser = GTK_WIDGET (ff_record_browser_new (self->session, kind));
      gtk_stack_add_named (self->content, browser, kind->name);
    }
  gtk_stack_set_visible_child (self->content, browser);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content));
  for (guint i = 0; i < self->kinds->len; i++)
    if (g_ptr_array_index (self->kinds, i) == kind)
      {
        g_signal_handlers_block_by_func (self->kind_list, kind_selected_cb, self);
        gtk_list_box_select_row (self->kind_list,
                                 gtk_list_box_get_row_at_index (self->kind_list, (int) i + 1));
        g_signal_handlers_unblock_by_func (self->kind_list, kind_selected_cb, self);
      }
  return browser;
}

GtkWidget *
ff_workspace_page_get_browser (FfWorkspacePage *self)
{
  GtkWidget *child;

  g_return_val_if_fail (FF_IS_WORKSPACE_PAGE (self), NULL);
  child = gtk_stack_get_visible_child (self->content);
  return FF_IS_RECORD_BROWSER (child) ? child : NULL;
}

FfWorkspace
ff_workspace_page_get_workspace (FfWorkspacePage *self)
{
  g_return_val_if_fail (FF_IS_WORKSPACE_PAGE (self), FF_WORKSPACE_PLANT_OPS);
  return self->workspace;
}

void
ff_workspace_page_show_overview (FfWorkspacePage *self)
{
  GtkWidget *overview;

  g_return_if_fail (FF_IS_WORKSPACE_PAGE (self));

  overview = gtk_stack_get_child_by_name (self->content, "overview");
  if (overview == NULL)
    {
      overview = GTK_WIDGET (ff_workspace_overview_new (self->session, self->workspace));
      gtk_stack_add_named (self->content, overview, "overview");
    }
  gtk_stack_set_visible_child (self->content, overview);
  gtk_list_box_select_row (self->kind_list, gtk_list_box_get_row_at_index (self->kind_list, 0));
}

/* Row 0 is the overview; the kinds follow. */
static void
kind_selected_cb (FfWorkspacePage *self,
                  GtkListBoxRow   *row)
{
  int index;

  if (row == NULL)
    return;
  index = gtk_list_box_row_get_index (row);
  if (index == 0)
    ff_workspace_page_show_overview (self);
  else
    ff_workspace_page_show_kind (self, g_ptr_array_index (self->kinds, (guint) index - 1));
}

/* A heading above the first row of each group of kinds. */
static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const char *group = g_object_get_data (G_OBJECT (row), "ff-nav-group");
  const char *previous = before ? g_object_get_data (G_OBJECT (before), "ff-nav-group") : NULL;
  GtkWidget *header;

  if (group == NULL || g_strcmp0 (group, previous) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = g_object_new (GTK_TYPE_LABEL, "label", g_dgettext (GETTEXT_PACKAGE, group),
                         "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 3);
  gtk_widget_set_margin_start (header, 12);
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
sidebar_row_new (const char *icon_name,
                 const char *label,
                 const char *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, name);
  return row;
}

/* The first kind opens when the workspace is first shown, not when the tab is made. */
static void
ff_workspace_page_map (GtkWidget *widget)
{
  FfWorkspacePage *self = FF_WORKSPACE_PAGE (widget);

  GTK_WIDGET_CLASS (ff_workspace_page_parent_class)->map (widget);
  if (gtk_list_box_get_selected_row (self->kind_list) == NULL)
    gtk_list_box_select_row (self->kind_list, gtk_list_box_get_row_at_index (self->kind_list, 0));
}

static void
ff_workspace_page_dispose (GObject *object)
{
  FfWorkspacePage *self = FF_WORKSPACE_PAGE (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);

  G_OBJECT_CLASS (ff_workspace_page_parent_class)->dispose (object);
}

static void
ff_workspace_page_class_init (FfWorkspacePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ff_workspace_page_dispose;
  widget_class->map = ff_workspace_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ff-workspace-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FfWorkspacePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FfWorkspacePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FfWorkspacePage, kind_list);
  gtk_widget_class_bind_template_child (widget_class, FfWorkspacePage, content);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
}

static void
ff_workspace_page_init (FfWorkspacePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->kinds = g_ptr_array_new ();
}

FfWorkspacePage *
ff_workspace_page_new (FfSession   *session,
                       FfWorkspace  workspace)
{
  FfWorkspacePage *self;
  const FfKind *const *kinds;
  const char *const *groups;
  guint n;

  g_return_val_if_fail (FF_IS_SESSION (session), NULL);
  g_return_val_if_fail (workspace < FF_N_WORKSPACES, NULL);

  self = g_object_new (FF_TYPE_WORKSPACE_PAGE, NULL);
  self->session = g_object_ref (session);
  self->workspace = workspace;
  gtk_label_set_label (self->summary_label, ff_workspace_get_summary (workspace));

  gtk_list_box_append (self->kind_list, sidebar_row_new ("view-grid-symbolic", _("Overview"),
                                                         "overview"));
  /* The kinds a person looks for, under their headings; child kinds (an audit's responses)
   * live in their parent's detail. */
  kinds = ff_kinds_get_all (&n);
  groups = ff_workspace_get_nav_groups (workspace);
  for (guint g = 0; groups[g] != NULL; g++)
    for (guint i = 0; i < n; i++)
      if (kinds[i]->workspace == workspace && g_strcmp0 (kinds[i]->nav_group, groups[g]) == 0)
        {
          GtkWidget *row = sidebar_row_new (kinds[i]->icon_name, ff_kind_get_label (kinds[i]),
                                            kinds[i]->name);

          g_object_set_data (G_OBJECT (row), "ff-nav-group", (gpointer) groups[g]);
          g_ptr_array_add (self->kinds, (gpointer) kinds[i]);
          gtk_list_box_append (self->kind_list, row);
        }
  gtk_list_box_set_header_func (self->kind_list, header_func, NULL, NULL);
  return self;
}
