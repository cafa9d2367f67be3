/* ff-record-detail.c — one record as a person reads it: its fields, the records that refer to
 * it and, for regulated records, its history from the audit trail. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ff-audit-trail.h"
#include "ff-kde-gap-banner.h"
#include "ff-kind-catalog.h"
#include "ff-lot-panel.h"
#include "ff-lot-trace-view.h"
#include "ff-mock-recall-dialog.h"
#include "ff-record-detail.h"
#include "ff-record-series.h"
#include "ff-related-records.h"
#include "ff-trend-chart.h"

#define MAX_REFERRERS 16

struct _FfRecordDetail
{
  AdwBin          parent_instance;

  /* template widgets */
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkLabel       *kind_label;
  GtkLabel       *title_label;
  GtkLabel       *code_label;
  GtkButton      *edit_button;
  GtkBox         *panel_box;
  GtkListBox     *field_list;
  GtkBox         *related_box;
  GtkBox         *history_box;
  GtkListBox     *history_list;

  /* owned */
  FfSession      *session;
  FfRecord       *record;
  GCancellable   *cancellable;   /* of the history being read */

  /* borrowed */
  const FfKind   *kind;
};

G_DEFINE_FINAL_TYPE (FfRecordDetail, ff_record_detail, ADW_TYPE_BIN)

enum {
  SIGNAL_EDIT_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
ff_record_detail_setup (FfRecordDetail *self,
                        FfSession      *session,
                        const FfKind   *kind)
{
  g_return_if_fail (FF_IS_RECORD_DETAIL (self));

  g_set_object (&self->session, session);
  self->kind = kind;
  adw_status_page_set_title (self->empty_page, _("Nothing Selected"));
  adw_status_page_set_icon_name (self->empty_page, kind->icon_name);
  adw_status_page_set_description (self->empty_page,
                                   _("Choose a record in the list to see it here."));
}

static void
clear_children (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

/* A field as a label over its value, which can be selected and copied. A reference opens the
 * record it names. */
static GtkWidget *
property_row_new (const char *label,
                  const char *value)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *text = gtk_label_new (value);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return row;
}

static GtkWidget *
reference_row_new (const char   *label,
                   const char   *value,
                   const FfKind *kind,
                   const char   *id)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (value, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", kind->name, id);
  gtk_widget_set_tooltip_text (row, _("Open"));
  return row;
}

static void
fill_fields (FfRecordDetail *self,
             FfRecord       *record)
{
  const FfKind *kind = ff_record_get_kind (record);

  for (guint i = 0; kind->fields[i].name != NULL; i++)
    {
      const FfField *field = &kind->fields[i];
      g_autofree char *value = NULL;

      /* A unit shows with its amount, not on a row of its own. */
      if (field->type == FF_FIELD_UNIT || field->type == FF_FIELD_CURRENCY)
        continue;
      value = ff_record_format_nth (record, i);
      if (field->type == FF_FIELD_REF && ff_record_get_nth (record, i) != NULL)
        gtk_list_box_append (self->field_list,
                             reference_row_new (ff_field_get_label (field), value,
                                                ff_field_get_ref_kind (field),
                                                ff_record_get_nth (record, i)));
      else
        gtk_list_box_append (self->field_list,
                             property_row_new (ff_field_get_label (field), *value ? value : "—"));
    }
}

/* A trend (POS of a store, a sensor's readings) above the related records. */
static void
fill_trend (FfRecordDetail *self,
            FfRecord       *record)
{
  const FfKind *kind = ff_record_get_kind (record);
  GtkWidget *box, *label, *chart, *frame;

  if (!ff_record_series_available (kind))
    return;
  chart = GTK_WIDGET (ff_trend_chart_new (self->session, kind, ff_record_get_id (record)));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new (_("Trend"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "view");
  gtk_widget_set_margin_top (chart, 8);
  gtk_widget_set_margin_bottom (chart, 4);
  gtk_widget_set_margin_start (chart, 4);
  gtk_widget_set_margin_end (chart, 8);
  gtk_frame_set_child (GTK_FRAME (frame), chart);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  /* The section shows once the chart has data. */
  g_object_bind_property (chart, "visible", box, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (self->related_box, box);
}

static void
fill_related (FfRecordDetail *self,
              FfRecord       *record)
{
  const FfKind *kinds[MAX_REFERRERS];
  const FfField *fields[MAX_REFERRERS];
  guint n = ff_kind_get_referrers (ff_record_get_kind (record), kinds, fields, MAX_REFERRERS);

  /* What belongs to the record (a template's sections, an audit's answers) comes first. */
  for (int children = 1; children >= 0; children--)
    for (guint i = 0; i < n; i++)
      if ((g_strcmp0 (kinds[i]->parent_field, fields[i]->name) == 0) == children)
        gtk_box_append (self->related_box,
                        GTK_WIDGET (ff_related_records_new (self->session, kinds[i], fields[i],
                                                            record)));
}

static gboolean
has_regulated_fields (const FfKind *kind)
{
  if (kind->regulated)
    return TRUE;
  for (const FfField *f = kind->fields; f->name != NULL; f++)
    if (f->flags & FF_FIELD_REGULATED)
      return TRUE;
  return FALSE;
}

/* Who changed what, when and why: the audit trail of this record, newest first. */
static void
show_history (FfRecordDetail *self,
              GPtrArray      *entries)
{
  const FfKind *kind = ff_record_get_kind (self->record);

  for (guint i = entries->len; i-- > 0;)
    {
      FfAuditEntry *e = g_ptr_array_index (entries, i);
      const FfField *field = e->field ? ff_kind_get_field (kind, e->field) : NULL;
      g_autofree char *what = NULL;
      g_autofree char *old_text = NULL, *new_text = NULL;
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;
      g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr (GDateTime) at = g_date_time_new_from_iso8601 (e->at, utc);
      g_autoptr (GDateTime) local = at ? g_date_time_to_local (at) : NULL;
      GtkWidget *row = adw_action_row_new ();

      if (field != NULL)
        {
          old_text = ff_field_format (field, e->old_value, NULL);
          new_text = ff_field_format (field, e->new_value, NULL);
          /* Translators: an audit-trail line, e.g. "Status: Quarantine → Released" */
          what = g_strdup_printf (_("%s: %s → %s"), ff_field_get_label (field),
                                  *old_text ? old_text : "—", *new_text ? new_text : "—");
        }
      else if (e->new_value != NULL || e->old_value == NULL)
        what = g_strdup (_("Recorded"));
      else
        what = g_strdup (_("Deleted"));
      when = local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (e->at);
      /* Translators: who, when and why of an audit-trail line */
      subtitle = g_strdup_printf (_("%s · %s · “%s”"), e->username, when,
                                  e->reason ? e->reason : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), what);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->history_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_box), entries->len > 0);
}

static void
history_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  FfRecord *record = task_data;
  FfSession *session = g_object_get_data (G_OBJECT (task), "ff-session");
  g_autoptr (FfStore) store = NULL;
  GError *error = NULL;
  GPtrArray *entries = NULL;

  store = ff_session_open_store (session, &error);
  if (store != NULL)
    entries = ff_audit_trail_list (store, ff_record_get_kind (record)->table,
                                   ff_record_get_id (record), &error);
  if (entries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

static void
history_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  FfRecordDetail *self = FF_RECORD_DETAIL (object);
  FfRecord *record = g_task_get_task_data (G_TASK (result));
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;

  entries = g_task_propagate_pointer (G_TASK (result), &error);
  if (entries == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not read the audit trail: %s", error->message);
      return;
    }
  /* Another record may be shown by now. */
  if (self->record == NULL || g_strcmp0 (ff_record_get_id (self->record),
                                         ff_record_get_id (record)) != 0)
    return;
  show_history (self, entries);
}

/* Read in a worker: a record's trail can be long, and the window never waits. */
static void
fill_history (FfRecordDetail *self,
              FfRecord       *record)
{
  g_autoptr (GTask) task = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->history_box), FALSE);
  if (!has_regulated_fields (ff_record_get_kind (record)) || self->session == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, history_loaded_cb, NULL);
  g_task_set_task_data (task, g_object_ref (record), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "ff-session", g_object_ref (self->session),
                          g_object_unref);
  g_task_run_in_thread (task, history_thread);
}

static gboolean
can_edit (FfRecordDetail *self,
          const FfKind   *kind)
{
  return self->session != NULL && kind->sync_class == FF_SYNC_EDITABLE
         && ff_kind_role_can_write (kind, ff_session_get_role (self->session));
}

void
ff_record_detail_set_record (FfRecordDetail *self,
                             FfRecord       *record)
{
  const FfKind *kind;
  const char *code;

  g_return_if_fail (FF_IS_RECORD_DETAIL (self));

  g_set_object (&self->record, record);
  clear_children (GTK_WIDGET (self->panel_box));
  gtk_widget_set_visible (GTK_WIDGET (self->panel_box), FALSE);
  clear_children (GTK_WIDGET (self->field_list));
  clear_children (GTK_WIDGET (self->related_box));
  clear_children (GTK_WIDGET (self->history_list));
  if (record == NULL || ff_record_get_id (record) == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  kind = ff_record_get_kind (record);
  code = ff_record_get_code (record);
  gtk_label_set_label (self->kind_label, ff_kind_get_label_singular (kind));
  gtk_label_set_label (self->title_label, ff_record_get_title (record)
                                          ? ff_record_get_title (record) : (code ? code : ""));
  gtk_label_set_label (self->code_label, code ? code : "");
  gtk_widget_set_visible (GTK_WIDGET (self->code_label),
                          code != NULL && g_strcmp0 (kind->code_field, kind->title_field) != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), can_edit (self, kind));

  /* What a kind's records are worked with beyond their fields: a lot's hold and release. */
  if (kind == ff_kind_lookup ("lots"))
    {
      gtk_box_append (self->panel_box, ff_lot_panel_new (self->session, record));
      gtk_box_append (self->panel_box, ff_lot_trace_view_entry_new (self->session, record));
      gtk_widget_set_visible (GTK_WIDGET (self->panel_box), TRUE);
    }
  else if (kind == ff_kind_lookup ("recall_exercises"))
    {
      gtk_box_append (self->panel_box, ff_mock_recall_dialog_entry_new (self->session, record));
      gtk_widget_set_visible (GTK_WIDGET (self->panel_box), TRUE);
    }
  /* A traceability record says which FSMA 204 key data elements it lacks (once read). */
  if (ff_kde_gap_banner_covers (kind))
    {
      GtkWidget *banner = ff_kde_gap_banner_new (self->session, record);

      gtk_box_prepend (self->panel_box, banner);
      if (!gtk_widget_get_visible (GTK_WIDGET (self->panel_box)))
        g_object_bind_property (banner, "visible", self->panel_box, "visible", G_BINDING_DEFAULT);
    }
  fill_fields (self, record);
  fill_trend (self, record);
  fill_related (self, record);
  fill_history (self, record);
  gtk_stack_set_visible_child_name (self->stack, "record");
}

FfRecord *
ff_record_detail_get_record (FfRecordDetail *self)
{
  g_return_val_if_fail (FF_IS_RECORD_DETAIL (self), NULL);
  return self->record;
}

static void
edit_clicked_cb (FfRecordDetail *self)
{
  if (self->record != NULL)
    g_signal_emit (self, signals[SIGNAL_EDIT_REQUESTED], 0, self->record);
}

static void
ff_record_detail_dispose (GObject *object)
{
  FfRecordDetail *self = FF_RECORD_DETAIL (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->record);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (ff_record_detail_parent_class)->dispose (object);
}

static void
ff_record_detail_class_init (FfRecordDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ff_record_detail_dispose;

  signals[SIGNAL_EDIT_REQUESTED] =
    g_signal_new ("edit-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, FF_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ff-record-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, FfRecordDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, FfRecordDetail, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FfRecordDetail, kind_label);
  gtk_widget_class_bind_template_child (widget_class, FfRecordDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, FfRecordDetail, code_label);
  gtk_widget_class_bind_template_child (widget_class, FfRecordDetail, edit_button);
  gtk_widget_class_bind_template_child (widget_class, FfRecordDetail, panel_box);
  gtk_widget_class_bind_template_child (widget_class, FfRecordDetail, field_list);
  gtk_widget_class_bind_template_child (widget_class, FfRecordDetail, related_box);
  gtk_widget_class_bind_template_child (widget_class, FfRecordDetail, history_box);
  gtk_widget_class_bind_template_child (widget_class, FfRecordDetail, history_list);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
}

static void
ff_record_detail_init (FfRecordDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
