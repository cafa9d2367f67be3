/* ff-workspace-page.c — one workspace: its record kinds beside the chosen kind's records. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n.h>

#include "ff-kde-gaps-page.h"
#include "ff-kind-catalog.h"
#include "ff-record-browser.h"
#include "ff-workspace-overview.h"
#include "ff-workspace-page.h"

/* The width the records ask for beside the sidebar: a list with a record's details (the
 * browser's own fold point, plus some room). Narrower, the sidebar folds away. */
#define CONTENT_WIDTH 800

struct _FfWorkspacePage
{
  AdwBin       parent_instance;

  /* template widgets */
  AdwLeaflet  *leaflet;
  GtkLabel    *summary_label;
  GtkListBox  *kind_list;
  GtkWidget   *content_bin;
  GtkStack    *content;

  /* owned */
  FfSession   *session;
  FfWorkspace  workspace;
  GPtrArray   *kinds;  /* const FfKind*, in list order */
  gboolean     can_go_back;
};

G_DEFINE_FINAL_TYPE (FfWorkspacePage, ff_workspace_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void kind_selected_cb (FfWorkspacePage *self,
                              GtkListBoxRow   *row);
static void can_go_back_changed_cb (FfWorkspacePage *self);

/* Shows the records of @kind in the content, without bringing the content into view. */
static GtkWidget *
show_kind (FfWorkspacePage *self,
           const FfKind    *kind)
{
  GtkWidget *browser;

  /* Browsers are made on first visit: a workspace nobody opens reads nothing. */
  browser = gtk_stack_get_child_by_name (self->content, kind->name);
  if (browser == NULL)
    {
      browser = GTK_WIDGET (ff_record_browser_new (self->session, kind));
      g_signal_connect_object (browser, "notify::showing-detail",
                               G_CALLBACK (can_go_back_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->content, browser, kind->name);
    }
  gtk_stack_set_visible_child (self->content, browser);
  return browser;
}

/* FSQ's list of the traceability records that lack an FSMA 204 key data element. */
static void
show_kde_gaps (FfWorkspacePage *self)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->content, "kde-gaps");

  if (page == NULL)
    {
      page = ff_kde_gaps_page_new (self->session);
      gtk_stack_add_named (self->content, page, "kde-gaps");
    }
  gtk_stack_set_visible_child (self->content, page);
}

static void
show_overview (FfWorkspacePage *self)
{
  GtkWidget *overview = gtk_stack_get_child_by_name (self->content, "overview");

  if (overview == NULL)
    {
      overview = GTK_WIDGET (ff_workspace_overview_new (self->session, self->workspace));
      gtk_stack_add_named (self->content, overview, "overview");
    }
  gtk_stack_set_visible_child (self->content, overview);
}

GtkWidget *
ff_workspace_page_show_kind (FfWorkspacePage *self,
                             const FfKind    *kind)
{
  GtkWidget *browser;

  g_return_val_if_fail (FF_IS_WORKSPACE_PAGE (self), NULL);
  g_return_val_if_fail (kind != NULL && kind->workspace == self->workspace, NULL);

  browser = show_kind (self, kind);
  adw_leaflet_set_visible_child (self->leaflet, self->content_bin);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->kind_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "ff-kind") == kind)
      {
        g_signal_handlers_block_by_func (self->kind_list, kind_selected_cb, self);
        gtk_list_box_select_row (self->kind_list, GTK_LIST_BOX_ROW (row));
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
  g_return_if_fail (FF_IS_WORKSPACE_PAGE (self));

  show_overview (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content_bin);
  g_signal_handlers_block_by_func (self->kind_list, kind_selected_cb, self);
  gtk_list_box_select_row (self->kind_list, gtk_list_box_get_row_at_index (self->kind_list, 0));
  g_signal_handlers_unblock_by_func (self->kind_list, kind_selected_cb, self);
}

/* Row 0 is the overview; the kinds follow (FSQ's KDE gaps among them). A row selected (also by
 * the arrow keys) shows its records; in a narrow window they come into view only once the row
 * is activated. */
static void
kind_selected_cb (FfWorkspacePage *self,
                  GtkListBoxRow   *row)
{
  const FfKind *kind;

  g_assert (FF_IS_WORKSPACE_PAGE (self));

  if (row == NULL)
    return;
  kind = g_object_get_data (G_OBJECT (row), "ff-kind");
  if (kind != NULL)
    show_kind (self, kind);
  else if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), "kde-gaps") == 0)
    show_kde_gaps (self);
  else
    show_overview (self);
}

static void
kind_activated_cb (FfWorkspacePage *self,
                   GtkListBoxRow   *row)
{
  g_assert (FF_IS_WORKSPACE_PAGE (self));
  g_assert (GTK_IS_LIST_BOX_ROW (row));

  kind_selected_cb (self, row);
  adw_leaflet_set_visible_child (self->leaflet, self->content_bin);
}

/* Narrow windows ---------------------------------------------------------------------------- */

gboolean
ff_workspace_page_get_can_go_back (FfWorkspacePage *self)
{
  GtkWidget *browser;
  gboolean folded;

  g_return_val_if_fail (FF_IS_WORKSPACE_PAGE (self), FALSE);

  folded = adw_leaflet_get_folded (self->leaflet);
  if (folded && adw_leaflet_get_visible_child (self->leaflet) != self->content_bin)
    return FALSE;
  browser = ff_workspace_page_get_browser (self);
  if (browser != NULL && ff_record_browser_get_showing_detail (FF_RECORD_BROWSER (browser)))
    return TRUE;
  return folded;
}

void
ff_workspace_page_go_back (FfWorkspacePage *self)
{
  GtkWidget *browser;

  g_return_if_fail (FF_IS_WORKSPACE_PAGE (self));

  if (!ff_workspace_page_get_can_go_back (self))
    return;
  /* From a record's details to its list, from there to the sidebar. */
  browser = ff_workspace_page_get_browser (self);
  if (browser != NULL && ff_record_browser_get_showing_detail (FF_RECORD_BROWSER (browser)))
    ff_record_browser_show_list (FF_RECORD_BROWSER (browser));
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

gboolean
ff_workspace_page_focus_search (FfWorkspacePage *self)
{
  GtkWidget *browser;

  g_return_val_if_fail (FF_IS_WORKSPACE_PAGE (self), FALSE);

  browser = ff_workspace_page_get_browser (self);
  if (browser == NULL)
    return FALSE;
  adw_leaflet_set_visible_child (self->leaflet, self->content_bin);
  ff_record_browser_focus_search (FF_RECORD_BROWSER (browser));
  return TRUE;
}

static void
can_go_back_changed_cb (FfWorkspacePage *self)
{
  gboolean can_go_back;

  g_assert (FF_IS_WORKSPACE_PAGE (self));

  /* The template reports its first children before every widget is bound. */
  if (self->leaflet == NULL || self->content_bin == NULL || self->content == NULL)
    return;
  can_go_back = ff_workspace_page_get_can_go_back (self);
  if (can_go_back == self->can_go_back)
    return;
  self->can_go_back = can_go_back;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

/* The content asks for CONTENT_WIDTH, whatever its pages would like: the leaflet (folding on
 * natural widths) then folds the sidebar away at one width for every workspace and list. */
static GtkSizeRequestMode
content_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
content_measure (GtkWidget      *widget,
                 GtkOrientation  orientation,
                 int             for_size,
                 int            *minimum,
                 int            *natural,
                 int            *minimum_baseline,
                 int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  *minimum_baseline = *natural_baseline = -1;
  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                      natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, CONTENT_WIDTH);
}

static void
content_allocate (GtkWidget *widget,
                  int        width,
                  int        height,
                  int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
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
ff_workspace_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FfWorkspacePage *self = FF_WORKSPACE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, self->can_go_back);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  object_class->get_property = ff_workspace_page_get_property;
  widget_class->map = ff_workspace_page_map;

  /* Part of a narrow window's page is folded away: the header bar offers a way back. */
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ff-workspace-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FfWorkspacePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FfWorkspacePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FfWorkspacePage, kind_list);
  gtk_widget_class_bind_template_child (widget_class, FfWorkspacePage, content_bin);
  gtk_widget_class_bind_template_child (widget_class, FfWorkspacePage, content);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, can_go_back_changed_cb);
}

static void
ff_workspace_page_init (FfWorkspacePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->kinds = g_ptr_array_new ();
  gtk_widget_set_layout_manager (self->content_bin,
                                 gtk_custom_layout_new (content_request_mode, content_measure,
                                                        content_allocate));
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
          g_object_set_data (G_OBJECT (row), "ff-kind", (gpointer) kinds[i]);
          g_ptr_array_add (self->kinds, (gpointer) kinds[i]);
          gtk_list_box_append (self->kind_list, row);
        }
  /* FSMA 204's missing key data elements, after the traceability records they are missing
   * from. */
  if (workspace == FF_WORKSPACE_FSQ)
    {
      GtkWidget *row = sidebar_row_new ("dialog-warning-symbolic", _("KDE gaps"), "kde-gaps");
      int position = -1;

      for (guint i = 0; i < self->kinds->len; i++)
        if (g_strcmp0 (((const FfKind *) self->kinds->pdata[i])->nav_group, "Traceability") == 0)
          position = (int) i + 2;
      g_object_set_data (G_OBJECT (row), "ff-nav-group", (gpointer) "Traceability");
      gtk_list_box_insert (self->kind_list, row, position);
    }
  gtk_list_box_set_header_func (self->kind_list, header_func, NULL, NULL);
  return self;
}
