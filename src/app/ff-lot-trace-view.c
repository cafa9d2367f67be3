/* ff-lot-trace-view.c — a lot's Trace page: backward and forward, each an expandable tree of
 * the lots reached with their shipments or receipts, the figures of the trace, the customers
 * or sources, and the lot's mass balance (the pages: ff-lot-trace-view-page.c). Everything is
 * read in a worker with a connection of its own; so is what its actions do (a mock recall,
 * holding the reached lots, the exports: ff-lot-trace-view-actions.c). */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ff-kind-catalog.h"
#include "ff-lot-trace-view-private.h"
#include "ff-mass-balance.h"
#include "ff-trace-node.h"

static void
trace_result_free (TraceResult *result)
{
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&result->traces[i], ff_trace_free);
      g_clear_object (&result->trees[i]);
    }
  g_clear_pointer (&result->balance, json_node_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TraceResult, trace_result_free)

G_DEFINE_FINAL_TYPE (FfLotTraceView, ff_lot_trace_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_LOT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_ff_lot_trace_view_toast (FfLotTraceView *self,
                          const char     *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

GtkWindow *
_ff_lot_trace_view_get_window (FfLotTraceView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The window the trace was opened from, which shows records. */
void
_ff_lot_trace_view_open_record (FfLotTraceView *self,
                                const char     *kind,
                                const char     *id)
{
  GtkWindow *window = _ff_lot_trace_view_get_window (self);
  GtkWindow *parent = window ? gtk_window_get_transient_for (window) : NULL;

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-record", "(ss)", kind, id);
}

void
_ff_lot_trace_view_update_actions (FfLotTraceView *self)
{
  FfRole role = ff_session_get_role (self->session);
  gboolean ready = self->result != NULL && self->n_jobs == 0;
  gboolean can_recall = ff_kind_role_can_write (ff_kind_lookup ("recall_exercises"), role);
  gboolean can_hold = ff_kind_role_can_write (ff_kind_lookup ("lots"), role);

  /* What the user may not do is not offered. */
  gtk_widget_set_visible (self->recall_button, can_recall);
  gtk_widget_set_visible (self->hold_button, can_hold);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trace.mock-recall", ready && can_recall);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trace.hold-reached", ready && can_hold);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trace.export-fsma204", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trace.export-epcis", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trace.reload", self->n_jobs == 0);
}

FfTraceDirection
_ff_lot_trace_view_shown_direction (FfLotTraceView *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "backward") == 0
           ? FF_TRACE_BACKWARD : FF_TRACE_FORWARD;
}

static void
show_result (FfLotTraceView *self)
{
  AdwViewStackPage *page;
  const char *type = ff_record_get (self->lot, "lot_type");
  const char *shown = adw_view_stack_get_visible_child_name (self->view_stack);
  g_autofree char *keep = g_strdup (shown);

  for (guint d = 0; d < 2; d++)
    if (self->pages[d] != NULL)
      {
        adw_view_stack_remove (self->view_stack, self->pages[d]);
        self->pages[d] = NULL;
      }
  self->pages[FF_TRACE_BACKWARD] = _ff_lot_trace_view_page_new (self, FF_TRACE_BACKWARD);
  page = adw_view_stack_add_titled (self->view_stack, self->pages[FF_TRACE_BACKWARD],
                                    "backward", _("Backward"));
  adw_view_stack_page_set_icon_name (page, "go-previous-symbolic");
  self->pages[FF_TRACE_FORWARD] = _ff_lot_trace_view_page_new (self, FF_TRACE_FORWARD);
  page = adw_view_stack_add_titled (self->view_stack, self->pages[FF_TRACE_FORWARD],
                                    "forward", _("Forward"));
  adw_view_stack_page_set_icon_name (page, "go-next-symbolic");
  /* Where an ingredient went; what a finished lot was made from. */
  if (keep != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, keep);
  else
    adw_view_stack_set_visible_child_name (self->view_stack,
                                           g_strcmp0 (type, "finished") == 0 ? "backward"
                                                                              : "forward");
  gtk_stack_set_visible_child_name (self->stack, "trace");
}

/* Reading the trace ----------------------------------------------------------------------------- */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FfSession *session = g_object_get_data (G_OBJECT (task), "ff-session");
  const char *lot_id = task_data;
  g_autoptr (FfStore) store = NULL;
  g_autoptr (TraceResult) result = g_new0 (TraceResult, 1);
  g_autoptr (FfMassBalance) balance = NULL;
  GError *error = NULL;

  store = ff_session_open_store (session, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint d = 0; d < 2; d++)
    {
      result->traces[d] = ff_lot_trace (store, lot_id, d, &error);
      if (result->traces[d] == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      result->trees[d] = ff_trace_node_build_tree (result->traces[d]);
      if (g_task_return_error_if_cancelled (task))
        return;
    }
  balance = ff_mass_balance_compute (store, lot_id, &error);
  if (balance == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result->balance = ff_mass_balance_to_json (balance);
  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) trace_result_free);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *res,
              gpointer      user_data)
{
  FfLotTraceView *self = FF_LOT_TRACE_VIEW (object);
  g_autoptr (GError) error = NULL;
  TraceResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  if (result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      g_clear_pointer (&self->result, trace_result_free);
      self->result = result;
      show_result (self);
    }
  g_clear_object (&self->load_cancellable);
  _ff_lot_trace_view_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
ff_lot_trace_view_reload (FfLotTraceView *self)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (FF_IS_LOT_TRACE_VIEW (self));

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  /* A reload after a hold keeps the trace in view; the first read shows the spinner. */
  if (self->result == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  task = g_task_new (self, self->load_cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, ff_lot_trace_view_reload);
  g_task_set_task_data (task, g_strdup (ff_record_get_id (self->lot)), g_free);
  g_object_set_data_full (G_OBJECT (task), "ff-session", g_object_ref (self->session),
                          g_object_unref);
  g_task_run_in_thread (task, load_thread);
  _ff_lot_trace_view_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The object ------------------------------------------------------------------------------------- */

static void
ff_lot_trace_view_constructed (GObject *object)
{
  FfLotTraceView *self = FF_LOT_TRACE_VIEW (object);
  g_autofree char *title = NULL;
  g_autofree char *loading = NULL;

  G_OBJECT_CLASS (ff_lot_trace_view_parent_class)->constructed (object);

  g_assert (FF_IS_SESSION (self->session) && FF_IS_RECORD (self->lot));
  /* Translators: the title of a lot's Trace page, with its code */
  title = g_strdup_printf (_("Trace of %s"), ff_record_get_code (self->lot));
  adw_view_switcher_title_set_title (self->switcher_title, title);
  /* Translators: the Trace page while it is read, with the lot code */
  loading = g_strdup_printf (_("Tracing %s…"), ff_record_get_code (self->lot));
  adw_status_page_set_title (self->loading_page, loading);
  adw_status_page_set_description (self->loading_page,
                                   _("Following the genealogy backward and forward, and "
                                     "balancing the lot’s quantity."));
  ff_lot_trace_view_reload (self);
}

static void
ff_lot_trace_view_dispose (GObject *object)
{
  FfLotTraceView *self = FF_LOT_TRACE_VIEW (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->result, trace_result_free);
  g_clear_object (&self->trees[0]);
  g_clear_object (&self->trees[1]);
  g_clear_object (&self->session);
  g_clear_object (&self->lot);

  G_OBJECT_CLASS (ff_lot_trace_view_parent_class)->dispose (object);
}

static void
ff_lot_trace_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FfLotTraceView *self = FF_LOT_TRACE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_LOT:
      g_value_set_object (value, self->lot);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, ff_lot_trace_view_is_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ff_lot_trace_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FfLotTraceView *self = FF_LOT_TRACE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_set_object (&self->session, g_value_get_object (value));
      break;
    case PROP_LOT:
      g_set_object (&self->lot, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ff_lot_trace_view_class_init (FfLotTraceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ff_lot_trace_view_constructed;
  object_class->dispose = ff_lot_trace_view_dispose;
  object_class->get_property = ff_lot_trace_view_get_property;
  object_class->set_property = ff_lot_trace_view_set_property;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, FF_TYPE_SESSION,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                  | G_PARAM_STATIC_STRINGS
                                                  | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOT] = g_param_spec_object ("lot", NULL, NULL, FF_TYPE_RECORD,
                                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                              | G_PARAM_STATIC_STRINGS
                                              | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS
                                                   | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ff-lot-trace-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FfLotTraceView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FfLotTraceView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, FfLotTraceView, stack);
  gtk_widget_class_bind_template_child (widget_class, FfLotTraceView, loading_page);
  gtk_widget_class_bind_template_child (widget_class, FfLotTraceView, error_page);
  gtk_widget_class_bind_template_child (widget_class, FfLotTraceView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FfLotTraceView, recall_button);
  gtk_widget_class_bind_template_child (widget_class, FfLotTraceView, hold_button);
  gtk_widget_class_bind_template_child (widget_class, FfLotTraceView, export_button);

  gtk_widget_class_install_action (widget_class, "trace.mock-recall", NULL, _ff_lot_trace_view_mock_recall_action);
  gtk_widget_class_install_action (widget_class, "trace.hold-reached", NULL,
                                   _ff_lot_trace_view_hold_reached_action);
  gtk_widget_class_install_action (widget_class, "trace.export-fsma204", NULL,
                                   _ff_lot_trace_view_export_fsma204_action);
  gtk_widget_class_install_action (widget_class, "trace.export-epcis", NULL,
                                   _ff_lot_trace_view_export_epcis_action);
  gtk_widget_class_install_action (widget_class, "trace.reload", NULL, _ff_lot_trace_view_reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "trace.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "trace.reload", NULL);
}

static void
ff_lot_trace_view_init (FfLotTraceView *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public ------------------------------------------------------------------------------------------ */

GtkWidget *
ff_lot_trace_view_new (FfSession *session,
                       FfRecord  *lot)
{
  g_return_val_if_fail (FF_IS_SESSION (session), NULL);
  g_return_val_if_fail (FF_IS_RECORD (lot), NULL);
  return g_object_new (FF_TYPE_LOT_TRACE_VIEW, "session", session, "lot", lot, NULL);
}

GtkWindow *
ff_lot_trace_view_present (GtkWidget *parent,
                           FfSession *session,
                           FfRecord  *lot)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *window = adw_window_new ();
  g_autofree char *title = NULL;

  g_return_val_if_fail (FF_IS_SESSION (session), NULL);

  /* Translators: a window's title, with the lot code */
  title = g_strdup_printf (_("Trace of %s"), ff_record_get_code (lot));
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_widget_set_name (window, "trace-window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1240, 760);
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
      gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
      gtk_window_set_application (GTK_WINDOW (window),
                                  gtk_window_get_application (GTK_WINDOW (root)));
    }
  adw_window_set_content (ADW_WINDOW (window), ff_lot_trace_view_new (session, lot));
  /* Nothing of the tenant stays on screen once it is locked. */
  g_signal_connect_object (session, "locked", G_CALLBACK (gtk_window_destroy), window,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
entry_activated_cb (AdwActionRow *row)
{
  FfSession *session = g_object_get_data (G_OBJECT (row), "ff-session");
  FfRecord *lot = g_object_get_data (G_OBJECT (row), "ff-record");

  g_assert (FF_IS_SESSION (session) && FF_IS_RECORD (lot));
  ff_lot_trace_view_present (GTK_WIDGET (row), session, lot);
}

GtkWidget *
ff_lot_trace_view_entry_new (FfSession *session,
                             FfRecord  *lot)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_action_row_new ();

  g_return_val_if_fail (FF_IS_SESSION (session) && FF_IS_RECORD (lot), NULL);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_top (list, 12);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Trace"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("What it was made from and where it went, its mass "
                                 "balance, and a mock recall"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("find-location-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, "trace-row");
  g_object_set_data_full (G_OBJECT (row), "ff-session", g_object_ref (session), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "ff-record", g_object_ref (lot), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (entry_activated_cb), NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return list;
}

FfRecord *
ff_lot_trace_view_get_lot (FfLotTraceView *self)
{
  g_return_val_if_fail (FF_IS_LOT_TRACE_VIEW (self), NULL);
  return self->lot;
}

gboolean
ff_lot_trace_view_is_loading (FfLotTraceView *self)
{
  g_return_val_if_fail (FF_IS_LOT_TRACE_VIEW (self), FALSE);
  return self->load_cancellable != NULL;
}

gboolean
ff_lot_trace_view_is_busy (FfLotTraceView *self)
{
  g_return_val_if_fail (FF_IS_LOT_TRACE_VIEW (self), FALSE);
  return self->n_jobs > 0;
}

GListModel *
ff_lot_trace_view_get_tree (FfLotTraceView   *self,
                            FfTraceDirection  direction)
{
  g_return_val_if_fail (FF_IS_LOT_TRACE_VIEW (self), NULL);
  g_return_val_if_fail (direction == FF_TRACE_FORWARD || direction == FF_TRACE_BACKWARD, NULL);
  return self->trees[direction] ? G_LIST_MODEL (self->trees[direction]) : NULL;
}

void
ff_lot_trace_view_show_direction (FfLotTraceView   *self,
                                  FfTraceDirection  direction)
{
  g_return_if_fail (FF_IS_LOT_TRACE_VIEW (self));
  if (self->result != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack,
                                           direction == FF_TRACE_BACKWARD ? "backward"
                                                                          : "forward");
}
