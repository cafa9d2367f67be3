/* ff-related-records.c — the records of one kind that refer to a record, in its detail view. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ff-record-list-model.h"
#include "ff-record.h"
#include "ff-related-records.h"

#define SHOWN 5

struct _FfRelatedRecords
{
  GtkBox             parent_instance;

  /* owned */
  FfRecordListModel *model;
  GCancellable      *cancellable;
  char              *target_id;
  int                count;

  /* borrowed */
  const FfKind      *kind;
  const FfField     *field;
  GtkLabel          *heading;
  GtkListBox        *list;
};

G_DEFINE_FINAL_TYPE (FfRelatedRecords, ff_related_records, GTK_TYPE_BOX)

int
ff_related_records_get_count (FfRelatedRecords *self)
{
  g_return_val_if_fail (FF_IS_RELATED_RECORDS (self), -1);
  return self->count;
}

/* @via: the field that refers to the record whose detail this is; not worth repeating. */
static GtkWidget *
record_row_new (FfRecord      *record,
                const FfField *via)
{
  const FfKind *kind = ff_record_get_kind (record);
  GtkWidget *row = adw_action_row_new ();
  const char *code = ff_record_get_code (record);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GString *details = g_string_new (NULL);

  /* The title names the record; the other list columns say what it is. */
  title = g_strdup (code ? code : "");
  for (guint i = 0; kind->fields[i].name != NULL; i++)
    {
      const FfField *f = &kind->fields[i];
      g_autofree char *text = NULL;

      if (!(f->flags & FF_FIELD_LIST) || f == via
          || (kind->code_field && g_str_equal (f->name, kind->code_field)))
        continue;
      text = ff_record_format_nth (record, i);
      if (*text == '\0')
        continue;
      if (*title == '\0')
        {
          g_free (title);
          title = g_steal_pointer (&text);
          continue;
        }
      g_string_append_printf (details, "%s%s", details->len ? " · " : "", text);
      if (details->len > 120)
        break;
    }
  subtitle = g_string_free (details, FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", kind->name,
                                    ff_record_get_id (record));
  return row;
}

/* TRUE when @kind has another reference to the same kind as @field (a lot link's input and
 * output lot): then the heading names the field too. */
static gboolean
refers_twice (const FfKind  *kind,
              const FfField *field)
{
  for (const FfField *f = kind->fields; f->name != NULL; f++)
    if (f != field && f->type == FF_FIELD_REF && f->ref_kind == field->ref_kind)
      return TRUE;
  return FALSE;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  FfRelatedRecords *self;
  g_autoptr (GError) error = NULL;
  g_autofree char *heading = NULL;
  guint n;

  if (!ff_record_list_model_reload_finish (FF_RECORD_LIST_MODEL (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not load related records: %s", error->message);
      return;
    }
  self = user_data;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  self->count = (int) n;
  if (refers_twice (self->kind, self->field))
    /* Translators: heading of related records when a kind refers to the record in two ways,
     * e.g. "Lot genealogy · Input lot (12)" */
    heading = g_strdup_printf (_("%s · %s (%'u)"), ff_kind_get_label (self->kind),
                               ff_field_get_label (self->field), n);
  else
    /* Translators: heading of related records in a detail view, e.g. "Batches (180)" */
    heading = g_strdup_printf (_("%s (%'u)"), ff_kind_get_label (self->kind), n);
  gtk_label_set_label (self->heading, heading);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);

  for (guint i = 0; i < MIN (n, SHOWN); i++)
    {
      g_autoptr (FfRecord) record = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      gtk_list_box_append (self->list, record_row_new (record, self->field));
    }
  if (n > SHOWN)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Show all %'u"), n);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-related");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(sss)", self->kind->name,
                                        self->field->name, self->target_id);
      gtk_list_box_append (self->list, row);
    }
}

static void
ff_related_records_dispose (GObject *object)
{
  FfRelatedRecords *self = FF_RELATED_RECORDS (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->model);
  g_clear_pointer (&self->target_id, g_free);

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
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *list = gtk_list_box_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (self), label);
  gtk_box_append (GTK_BOX (self), list);
  self->heading = GTK_LABEL (label);
  self->list = GTK_LIST_BOX (list);
  self->cancellable = g_cancellable_new ();
  self->count = -1;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

FfRelatedRecords *
ff_related_records_new (FfSession     *session,
                        const FfKind  *kind,
                        const FfField *field,
                        const char    *target_id)
{
  FfRelatedRecords *self;
  g_autoptr (FfRecordQuery) query = ff_record_query_new ();
  const FfField *sort;

  g_return_val_if_fail (FF_IS_SESSION (session), NULL);

  self = g_object_new (FF_TYPE_RELATED_RECORDS, NULL);
  self->kind = kind;
  self->field = field;
  self->target_id = g_strdup (target_id);
  self->model = ff_record_list_model_new (session, kind);

  query->filter_field = g_strdup (field->name);
  query->filter_value = g_strdup (target_id);
  query->sort_field = g_strdup (kind->default_sort);
  /* Time series read newest first. */
  sort = ff_kind_get_field (kind, kind->default_sort);
  query->descending = sort != NULL
                      && (sort->type == FF_FIELD_DATE || sort->type == FF_FIELD_TIMESTAMP);
  ff_record_list_model_reload_async (self->model, query, self->cancellable, loaded_cb, self);
  return self;
}
