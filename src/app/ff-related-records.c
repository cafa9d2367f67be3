/* ff-related-records.c — the records of one kind that refer to a record, in its detail view;
 * for a child kind (an audit's responses, a template's sections) all of them, added and edited
 * right there. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ff-number.h"
#include "ff-record-form.h"
#include "ff-record-list-model.h"
#include "ff-record.h"
#include "ff-related-records.h"

#define SHOWN 5
#define SHOWN_CHILDREN 200

struct _FfRelatedRecords
{
  GtkBox             parent_instance;

  /* owned */
  FfSession         *session;
  FfRecordListModel *model;
  FfRecordQuery     *query;
  GCancellable      *cancellable;
  FfRecord          *target;
  int                count;

  /* borrowed */
  const FfKind      *kind;
  const FfField     *field;
  GtkLabel          *heading;
  GtkLabel          *count_label;
  GtkButton         *add_button;
  GtkListBox        *list;
};

G_DEFINE_FINAL_TYPE (FfRelatedRecords, ff_related_records, GTK_TYPE_BOX)

int
ff_related_records_get_count (FfRelatedRecords *self)
{
  g_return_val_if_fail (FF_IS_RELATED_RECORDS (self), -1);
  return self->count;
}

static gboolean
is_children (FfRelatedRecords *self)
{
  return g_strcmp0 (self->kind->parent_field, self->field->name) == 0;
}

/* @via: the field that refers to the record whose detail this is; not worth repeating. */
static GtkWidget *
record_row_new (FfRelatedRecords *self,
                FfRecord         *record)
{
  const FfKind *kind = ff_record_get_kind (record);
  GtkWidget *row = adw_action_row_new ();
  const char *code = ff_record_get_code (record);
  const char *name = ff_record_get_title (record);
  g_autofree char *subtitle = NULL;
  GString *details = g_string_new (NULL);

  /* The title names the record; the other list columns say what it is. */
  for (guint i = 0; kind->fields[i].name != NULL; i++)
    {
      const FfField *f = &kind->fields[i];
      g_autofree char *text = NULL;

      if (!(f->flags & FF_FIELD_LIST) || f == self->field
          || g_strcmp0 (f->name, kind->code_field) == 0
          || g_strcmp0 (f->name, kind->title_field) == 0)
        continue;
      text = ff_record_format_nth (record, i);
      if (*text == '\0')
        continue;
      g_string_append_printf (details, "%s%s", details->len ? " · " : "", text);
      if (details->len > 120)
        break;
    }
  subtitle = g_string_free (details, FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name && *name ? name : code ? code : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (is_children (self) && !kind->made_by_engine)
    {
      /* A child is edited here, in its parent's detail. */
      g_object_set_data_full (G_OBJECT (row), "ff-record", g_object_ref (record), g_object_unref);
      if (kind->sync_class == FF_SYNC_EDITABLE
          && ff_kind_role_can_write (kind, ff_session_get_role (self->session)))
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   gtk_image_new_from_icon_name ("document-edit-symbolic"));
    }
  else
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", kind->name,
                                        ff_record_get_id (record));
    }
  return row;
}

static void
clear_rows (FfRelatedRecords *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  FfRelatedRecords *self;
  g_autoptr (GError) error = NULL;
  g_autofree char *count = NULL;
  guint n, shown;

  if (!ff_record_list_model_reload_finish (FF_RECORD_LIST_MODEL (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not load related records: %s", error->message);
      return;
    }
  self = user_data;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  self->count = (int) n;
  count = ff_count_format (n);
  gtk_label_set_label (self->count_label, count);
  /* Children show even when there are none yet: that is where they are added. */
  gtk_widget_set_visible (GTK_WIDGET (self),
                          n > 0 || gtk_widget_get_visible (GTK_WIDGET (self->add_button)));
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);

  clear_rows (self);
  shown = MIN (n, is_children (self) ? SHOWN_CHILDREN : SHOWN);
  for (guint i = 0; i < shown; i++)
    {
      g_autoptr (FfRecord) record = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      /* The first page comes read with the list; further rows are in "Show all". */
      if (ff_record_list_model_is_placeholder (record))
        {
          shown = i;
          break;
        }
      gtk_list_box_append (self->list, record_row_new (self, record));
    }
  if (n > shown)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *all = ff_count_format (n);
      /* Translators: the last row of a detail's related records: "Show all 1,404" */
      g_autofree char *title = g_strdup_printf (_("Show all %s"), all);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-related");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(sss)", self->kind->name,
                                        self->field->name, ff_record_get_id (self->target));
      gtk_list_box_append (self->list, row);
    }
}

static void
reload (FfRelatedRecords *self)
{
  ff_record_list_model_reload_async (self->model, self->query, self->cancellable, loaded_cb,
                                     self);
}

static void
saved_cb (FfRecordForm     *form,
          FfRecord         *record,
          FfRelatedRecords *self)
{
  reload (self);
}

static void
present_form (FfRelatedRecords *self,
              FfRecordForm     *form)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (root));
  gtk_window_set_modal (GTK_WINDOW (form), TRUE);
  g_signal_connect_object (form, "saved", G_CALLBACK (saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
row_activated_cb (FfRelatedRecords *self,
                  GtkListBoxRow    *row)
{
  FfRecord *record = g_object_get_data (G_OBJECT (row), "ff-record");

  if (record == NULL || self->kind->sync_class != FF_SYNC_EDITABLE
      || !ff_kind_role_can_write (self->kind, ff_session_get_role (self->session)))
    return;
  present_form (self, ff_record_form_new (self->session, self->kind, record));
}

static void
add_clicked_cb (FfRelatedRecords *self)
{
  present_form (self, ff_record_form_new_child (self->session, self->kind, self->target));
}

FfRecordForm *
ff_related_records_add (FfRelatedRecords *self)
{
  FfRecordForm *form;

  g_return_val_if_fail (FF_IS_RELATED_RECORDS (self), NULL);
  g_return_val_if_fail (is_children (self), NULL);

  form = ff_record_form_new_child (self->session, self->kind, self->target);
  present_form (self, form);
  return form;
}

static void
ff_related_records_dispose (GObject *object)
{
  FfRelatedRecords *self = FF_RELATED_RECORDS (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->model);
  g_clear_object (&self->session);
  g_clear_object (&self->target);
  g_clear_pointer (&self->query, ff_record_query_free);

  G_OBJECT_CLASS (ff_related_records_parent_class)->dispose (object);
}

static void
ff_related_records_class_init (FfRelatedRecordsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ff_related_records_dispose;
}

static void
ff_related_records_init (FfRelatedRecords *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *list = gtk_list_box_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_hexpand (count, TRUE);
  gtk_label_set_xalign (GTK_LABEL (count), 0);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_visible (add, FALSE);
  gtk_widget_set_name (add, "add-child");
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (header), count);
  gtk_box_append (GTK_BOX (header), add);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (self), header);
  gtk_box_append (GTK_BOX (self), list);
  self->heading = GTK_LABEL (label);
  self->count_label = GTK_LABEL (count);
  self->add_button = GTK_BUTTON (add);
  self->list = GTK_LIST_BOX (list);
  self->cancellable = g_cancellable_new ();
  self->count = -1;
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked_cb), self);
  g_signal_connect_swapped (list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

FfRelatedRecords *
ff_related_records_new (FfSession     *session,
                        const FfKind  *kind,
                        const FfField *field,
                        FfRecord      *target)
{
  FfRelatedRecords *self;
  const FfField *sort;

  g_return_val_if_fail (FF_IS_SESSION (session), NULL);
  g_return_val_if_fail (FF_IS_RECORD (target) && ff_record_get_id (target) != NULL, NULL);

  self = g_object_new (FF_TYPE_RELATED_RECORDS, NULL);
  self->session = g_object_ref (session);
  self->kind = kind;
  self->field = field;
  self->target = g_object_ref (target);
  self->model = ff_record_list_model_new (session, kind);
  /* "Made from", "Used to make" where a kind refers twice; else the kind's name. */
  gtk_label_set_label (self->heading, ff_field_get_related_label (kind, field));
  if (is_children (self) && !kind->made_by_engine)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->add_button),
                              ff_kind_role_can_write (kind, ff_session_get_role (session)));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), ff_kind_get_new_label (kind));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, ff_kind_get_new_label (kind),
                                      -1);
    }

  self->query = ff_record_query_new ();
  self->query->filter_field = g_strdup (field->name);
  self->query->filter_value = g_strdup (ff_record_get_id (target));
  self->query->sort_field = g_strdup (kind->default_sort);
  /* Time series read newest first; children in their own order (sections by number). */
  sort = ff_kind_get_field (kind, kind->default_sort);
  self->query->descending = !is_children (self) && sort != NULL
                            && (sort->type == FF_FIELD_DATE || sort->type == FF_FIELD_TIMESTAMP);
  reload (self);
  return self;
}
