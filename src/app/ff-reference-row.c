/* ff-reference-row.c — a form row that names another record, picked from a search popover. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"


#include "ff-record-list-model.h"
#include "ff-reference-row.h"

#define MAX_MATCHES 8
#define SEARCH_DELAY_MS 120

struct _FfReferenceRow
{
  AdwEntryRow        parent_instance;

  FfSession         *session;
  FfRecordListModel *model;
  GtkSliceListModel *matches;
  GCancellable      *cancellable;
  GtkPopover        *popover;
  GtkListBox        *list;
  GtkLabel          *title_label;
  char              *id;
  guint              search_source;
  int                popover_width;
  gboolean           setting;   /* the text is being set by the row, not typed */
};

G_DEFINE_FINAL_TYPE (FfReferenceRow, ff_reference_row, ADW_TYPE_ENTRY_ROW)

static void
show_title (FfReferenceRow *self,
            const char     *code,
            const char     *title)
{
  gboolean shown = title != NULL && g_strcmp0 (title, code) != 0;

  gtk_label_set_label (self->title_label, shown ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), shown);
}

void
ff_reference_row_set_reference (FfReferenceRow *self,
                                const char     *id,
                                const char     *code,
                                const char     *title)
{
  g_return_if_fail (FF_IS_REFERENCE_ROW (self));

  g_free (self->id);
  self->id = g_strdup (id);
  self->setting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), id && code ? code : "");
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
  self->setting = FALSE;
  show_title (self, code, id ? title : NULL);
  gtk_popover_popdown (self->popover);
}

const char *
ff_reference_row_get_id (FfReferenceRow *self)
{
  g_return_val_if_fail (FF_IS_REFERENCE_ROW (self), NULL);
  return self->id;
}

GListModel *
ff_reference_row_get_matches (FfReferenceRow *self)
{
  g_return_val_if_fail (FF_IS_REFERENCE_ROW (self), NULL);
  return G_LIST_MODEL (self->matches);
}

void
ff_reference_row_pick (FfReferenceRow *self,
                       guint           position)
{
  g_autoptr (FfRecord) record = NULL;

  g_return_if_fail (FF_IS_REFERENCE_ROW (self));

  record = g_list_model_get_item (G_LIST_MODEL (self->matches), position);
  if (record == NULL || ff_record_list_model_is_placeholder (record))
    return;
  ff_reference_row_set_reference (self, ff_record_get_id (record), ff_record_get_code (record),
                                  ff_record_get_title (record));
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Searching --------------------------------------------------------------------------------- */

static void
reload_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (!ff_record_list_model_reload_finish (FF_RECORD_LIST_MODEL (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not search: %s", error->message);
}

static gboolean
search_cb (gpointer user_data)
{
  FfReferenceRow *self = user_data;
  g_autoptr (FfRecordQuery) query = ff_record_query_new ();

  self->search_source = 0;
  query->search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (*query->search == '\0' || ff_session_is_locked (self->session))
    return G_SOURCE_REMOVE;
  self->cancellable = g_cancellable_new ();
  ff_record_list_model_reload_async (self->model, query, self->cancellable, reload_cb, NULL);
  return G_SOURCE_REMOVE;
}

static void
text_changed_cb (FfReferenceRow *self)
{
  if (self->setting)
    return;
  /* What is typed now names no picked record until one is picked again. */
  g_clear_pointer (&self->id, g_free);
  show_title (self, NULL, NULL);
  g_clear_handle_id (&self->search_source, g_source_remove);
  if (*gtk_editable_get_text (GTK_EDITABLE (self)) == '\0')
    {
      gtk_popover_popdown (self->popover);
      return;
    }
  self->search_source = g_timeout_add (SEARCH_DELAY_MS, search_cb, self);
}

/* The popover shows while the person types and there are matches for it. */
static void
matches_changed_cb (FfReferenceRow *self)
{
  gboolean typing = self->id == NULL && *gtk_editable_get_text (GTK_EDITABLE (self)) != '\0'
                    && gtk_widget_get_mapped (GTK_WIDGET (self));

  if (typing && g_list_model_get_n_items (G_LIST_MODEL (self->matches)) > 0)
    gtk_popover_popup (self->popover);
  else
    gtk_popover_popdown (self->popover);
}

static GtkWidget *
match_row_new (gpointer item,
               gpointer user_data)
{
  FfRecord *record = item;
  GtkWidget *row = adw_action_row_new ();
  gboolean placeholder = ff_record_list_model_is_placeholder (record);
  const char *code = placeholder ? "…" : ff_record_get_code (record);
  const char *title = placeholder ? NULL : ff_record_get_title (record);
  g_autofree char *code_markup = g_markup_escape_text (code ? code : "", -1);
  g_autofree char *title_markup = g_markup_escape_text (title ? title : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), code_markup);
  if (title != NULL && g_strcmp0 (title, code) != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), title_markup);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !placeholder);
  return row;
}

static void
row_activated_cb (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  FfReferenceRow *self)
{
  ff_reference_row_pick (self, (guint) gtk_list_box_row_get_index (row));
}

static void
entry_activated_cb (FfReferenceRow *self)
{
  if (self->id == NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    ff_reference_row_pick (self, 0);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FfReferenceRow        *self)
{
  GtkListBoxRow *first;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    return FALSE;
  if (keyval == GDK_KEY_Escape)
    {
      gtk_popover_popdown (self->popover);
      return TRUE;
    }
  if (keyval == GDK_KEY_Down && (first = gtk_list_box_get_row_at_index (self->list, 0)))
    {
      gtk_widget_grab_focus (GTK_WIDGET (first));
      return TRUE;
    }
  return FALSE;
}

/* Focus that leaves the row for somewhere other than its popover closes the popover. */
static gboolean
check_focus_cb (gpointer user_data)
{
  FfReferenceRow *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !(gtk_widget_is_ancestor (focus, GTK_WIDGET (self))
                         || focus == GTK_WIDGET (self)))
    gtk_popover_popdown (self->popover);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
focus_leave_cb (FfReferenceRow *self)
{
  g_idle_add (check_focus_cb, g_object_ref (self));
}

/* Life cycle -------------------------------------------------------------------------------- */

static void
ff_reference_row_dispose (GObject *object)
{
  FfReferenceRow *self = FF_REFERENCE_ROW (object);

  g_clear_handle_id (&self->search_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  if (self->matches != NULL)
    g_signal_handlers_disconnect_by_data (self->matches, self);
  g_clear_object (&self->matches);
  g_clear_object (&self->model);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (ff_reference_row_parent_class)->dispose (object);
}

static void
ff_reference_row_finalize (GObject *object)
{
  FfReferenceRow *self = FF_REFERENCE_ROW (object);

  g_free (self->id);

  G_OBJECT_CLASS (ff_reference_row_parent_class)->finalize (object);
}

static void
ff_reference_row_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  FfReferenceRow *self = FF_REFERENCE_ROW (widget);

  GTK_WIDGET_CLASS (ff_reference_row_parent_class)->size_allocate (widget, width, height,
                                                                   baseline);
  if (self->popover != NULL)
    {
      int w = MAX (width, 240);
      if (w != self->popover_width)
        {
          /* As wide as the row, so the matches line up under what is typed. */
          self->popover_width = w;
          gtk_widget_set_size_request (GTK_WIDGET (self->popover), w, -1);
        }
      gtk_popover_present (self->popover);
    }
}

static void
ff_reference_row_class_init (FfReferenceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ff_reference_row_dispose;
  object_class->finalize = ff_reference_row_finalize;
  widget_class->size_allocate = ff_reference_row_size_allocate;
}

static void
ff_reference_row_init (FfReferenceRow *self)
{
}

GtkWidget *
ff_reference_row_new (FfSession    *session,
                      const FfKind *kind)
{
  FfReferenceRow *self;
  GtkWidget *scrolled;
  GtkEventController *controller;

  g_return_val_if_fail (FF_IS_SESSION (session), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (FF_TYPE_REFERENCE_ROW, NULL);
  self->session = g_object_ref (session);
  self->model = ff_record_list_model_new (session, kind);
  self->matches = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->model)), 0,
                                            MAX_MATCHES);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->title_label, 28);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), GTK_WIDGET (self->title_label));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "matches");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->matches), match_row_new, self, NULL);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));

  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_autohide (self->popover, FALSE);
  gtk_popover_set_has_arrow (self->popover, FALSE);
  gtk_popover_set_position (self->popover, GTK_POS_BOTTOM);
  gtk_popover_set_child (self->popover, scrolled);
  gtk_widget_add_css_class (GTK_WIDGET (self->popover), "menu");
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));

  g_signal_connect_swapped (self, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self, "entry-activated", G_CALLBACK (entry_activated_cb), self);
  g_signal_connect_swapped (self->matches, "items-changed", G_CALLBACK (matches_changed_cb),
                            self);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  return GTK_WIDGET (self);
}
