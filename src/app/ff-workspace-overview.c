/* ff-workspace-overview.c — a workspace's first page: its key figures as cards. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ff-overview.h"
#include "ff-trend-chart.h"
#include "ff-workspace-overview.h"

struct _FfWorkspaceOverview
{
  AdwBin        parent_instance;

  /* owned */
  FfSession    *session;
  GCancellable *cancellable;
  FfOverview   *overview;

  /* borrowed */
  FfWorkspace   workspace;
  GtkFlowBox   *cards;
  GtkBox       *trends;
  GtkStack     *stack;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (FfWorkspaceOverview, ff_workspace_overview, ADW_TYPE_BIN)

GPtrArray *
ff_workspace_overview_get_kpis (FfWorkspaceOverview *self)
{
  g_return_val_if_fail (FF_IS_WORKSPACE_OVERVIEW (self), NULL);
  return self->overview ? self->overview->kpis : NULL;
}

GtkWidget *
ff_workspace_overview_get_card (FfWorkspaceOverview *self,
                                const char          *kpi_id)
{
  g_return_val_if_fail (FF_IS_WORKSPACE_OVERVIEW (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cards)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      if (g_strcmp0 (gtk_widget_get_name (card), kpi_id) == 0)
        return card;
    }
  return NULL;
}

static GtkWidget *
card_new (FfKpi *kpi)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (kpi->label);
  GtkWidget *value = gtk_label_new (kpi->value);
  GtkWidget *detail = gtk_label_new (kpi->detail ? kpi->detail : "");
  static const char *const state_classes[] = { NULL, "success", "warning", "error" };

  gtk_widget_set_name (button, kpi->id);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_add_css_class (value, "numeric");
  if (state_classes[kpi->state] != NULL)
    gtk_widget_add_css_class (value, state_classes[kpi->state]);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_visible (detail, kpi->detail != NULL);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 14);
  gtk_widget_set_margin_end (box, 14);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "kpi-card");
  gtk_widget_set_size_request (button, 260, -1);

  if (kpi->method != NULL)
    gtk_widget_set_tooltip_text (button, kpi->method);
  if (kpi->kind != NULL)
    {
      /* The records it counts, named in the list's scope by the figure's label. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-list");
      gtk_actionable_set_action_target_value (
          GTK_ACTIONABLE (button),
          g_variant_new ("(s@a{ss}s)", kpi->kind, ff_record_query_to_variant (kpi->query),
                         kpi->label));
    }
  else
    gtk_widget_set_can_target (button, FALSE);
  return button;
}

/* A titled card with the trend's chart (a copy: the overview keeps its figures). */
static GtkWidget *
trend_new (const FfSeries *series)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (series->title);
  FfSeries *copy = ff_series_new (series->title, series->unit);
  GtkWidget *chart;

  for (guint i = 0; i < series->values->len; i++)
    ff_series_add (copy, g_ptr_array_index (series->labels, i),
                   g_array_index (series->values, double, i));
  copy->from_zero = series->from_zero;
  chart = GTK_WIDGET (ff_trend_chart_new_for_series (copy));
  gtk_widget_set_size_request (chart, -1, 180);
  gtk_widget_set_margin_start (title, 14);
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_start (chart, 14);
  gtk_widget_set_margin_end (chart, 14);
  gtk_widget_set_margin_bottom (chart, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (card), title);
  gtk_box_append (GTK_BOX (card), chart);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "trend-card");
  return card;
}

typedef struct
{
  FfSession   *session;
  FfWorkspace  workspace;
} ComputeData;

static void
compute_data_free (ComputeData *data)
{
  g_object_unref (data->session);
  g_free (data);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  g_autoptr (FfStore) store = NULL;
  FfOverview *overview = NULL;
  GError *error = NULL;

  store = ff_session_open_store (data->session, &error);
  if (store != NULL)
    overview = ff_overview_compute (store, data->workspace, NULL, &error);
  if (overview == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, overview, (GDestroyNotify) ff_overview_free);
}

static void
compute_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  FfWorkspaceOverview *self = FF_WORKSPACE_OVERVIEW (object);
  g_autoptr (GError) error = NULL;
  FfOverview *overview;
  GtkWidget *child;

  overview = g_task_propagate_pointer (G_TASK (result), &error);
  if (overview == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_label_set_label (self->error_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_clear_pointer (&self->overview, ff_overview_free);
  self->overview = overview;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards))) != NULL)
    gtk_flow_box_remove (self->cards, child);
  for (guint i = 0; i < overview->kpis->len; i++)
    gtk_flow_box_append (self->cards, card_new (g_ptr_array_index (overview->kpis, i)));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->trends))) != NULL)
    gtk_box_remove (self->trends, child);
  for (guint i = 0; i < overview->trends->len; i++)
    gtk_box_append (self->trends, trend_new (g_ptr_array_index (overview->trends, i)));
  gtk_stack_set_visible_child_name (self->stack, "cards");
}

void
ff_workspace_overview_refresh (FfWorkspaceOverview *self)
{
  g_autoptr (GTask) task = NULL;
  ComputeData *data;

  g_return_if_fail (FF_IS_WORKSPACE_OVERVIEW (self));

  /* A newer refresh supersedes one still running: its figures may predate a change. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  data = g_new0 (ComputeData, 1);
  data->session = g_object_ref (self->session);
  data->workspace = self->workspace;
  task = g_task_new (self, self->cancellable, compute_done_cb, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

static void
ff_workspace_overview_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ff_workspace_overview_parent_class)->map (widget);
  /* Figures are computed each time the overview comes into view, so they are current. */
  ff_workspace_overview_refresh (FF_WORKSPACE_OVERVIEW (widget));
}

static void
ff_workspace_overview_dispose (GObject *object)
{
  FfWorkspaceOverview *self = FF_WORKSPACE_OVERVIEW (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->overview, ff_overview_free);

  G_OBJECT_CLASS (ff_workspace_overview_parent_class)->dispose (object);
}

static void
ff_workspace_overview_class_init (FfWorkspaceOverviewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ff_workspace_overview_dispose;
  GTK_WIDGET_CLASS (klass)->map = ff_workspace_overview_map;
}

static void
ff_workspace_overview_init (FfWorkspaceOverview *self)
{
  self->cancellable = g_cancellable_new ();
}

FfWorkspaceOverview *
ff_workspace_overview_new (FfSession   *session,
                           FfWorkspace  workspace)
{
  FfWorkspaceOverview *self = g_object_new (FF_TYPE_WORKSPACE_OVERVIEW, NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (ff_workspace_get_label (workspace));
  GtkWidget *summary = gtk_label_new (ff_workspace_get_summary (workspace));
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *flow = gtk_flow_box_new ();
  GtkWidget *trends = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *error = gtk_label_new (NULL);

  self->session = g_object_ref (session);
  self->workspace = workspace;
  self->cards = GTK_FLOW_BOX (flow);
  self->trends = GTK_BOX (trends);
  self->stack = GTK_STACK (stack);
  self->error_label = GTK_LABEL (error);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-1");
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_set_margin_bottom (summary, 12);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_widget_set_valign (flow, GTK_ALIGN_START);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_add_css_class (error, "error");
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_stack_add_named (GTK_STACK (stack), spinner, "loading");
  gtk_box_append (GTK_BOX (content), flow);
  gtk_box_append (GTK_BOX (content), trends);
  gtk_stack_add_named (GTK_STACK (stack), content, "cards");
  gtk_stack_add_named (GTK_STACK (stack), error, "error");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_box_append (GTK_BOX (box), stack);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_widget_set_margin_top (clamp, 24);
  gtk_widget_set_margin_bottom (clamp, 24);
  gtk_widget_set_margin_start (clamp, 18);
  gtk_widget_set_margin_end (clamp, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_bin_set_child (ADW_BIN (self), scrolled);
  return self;
}
