/* ff-record-detail.c — every field of one record, as a person reads it. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n.h>

#include "ff-record-detail.h"

struct _FfRecordDetail
{
  AdwBin          parent_instance;

  /* template widgets */
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkLabel       *kind_label;
  GtkLabel       *title_label;
  GtkLabel       *code_label;
  GtkListBox     *field_list;

  /* owned */
  FfRecord       *record;

  /* borrowed */
  const FfKind   *kind;
};

G_DEFINE_FINAL_TYPE (FfRecordDetail, ff_record_detail, ADW_TYPE_BIN)

void
ff_record_detail_set_kind (FfRecordDetail *self,
                           const FfKind   *kind)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (FF_IS_RECORD_DETAIL (self));

  self->kind = kind;
  /* Translators: %s is a record kind in the singular, e.g. "No Line Selected" */
  title = g_strdup_printf (_("No %s Selected"), ff_kind_get_label_singular (kind));
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_icon_name (self->empty_page, kind->icon_name);
  adw_status_page_set_description (self->empty_page,
                                   _("Choose one in the list to see its details."));
}

/* A field as a label over its value, which can be selected and copied. */
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
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return row;
}

static void
clear_rows (FfRecordDetail *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->field_list))) != NULL)
    gtk_list_box_remove (self->field_list, child);
}

void
ff_record_detail_set_record (FfRecordDetail *self,
                             FfRecord       *record)
{
  const FfKind *kind;

  g_return_if_fail (FF_IS_RECORD_DETAIL (self));

  if (!g_set_object (&self->record, record))
    return;
  clear_rows (self);
  if (record == NULL || ff_record_get_id (record) == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  kind = ff_record_get_kind (record);
  gtk_label_set_label (self->kind_label, ff_kind_get_label_singular (kind));
  gtk_label_set_label (self->title_label, ff_record_get_title (record));
  gtk_label_set_label (self->code_label, ff_record_get_code (record));
  gtk_widget_set_visible (GTK_WIDGET (self->code_label),
                          g_strcmp0 (kind->code_field, kind->title_field) != 0);

  for (guint i = 0; kind->fields[i].name != NULL; i++)
    {
      const FfField *field = &kind->fields[i];
      g_autofree char *value = NULL;

      /* A unit shows with its amount, not on a row of its own. */
      if (field->type == FF_FIELD_UNIT || field->type == FF_FIELD_CURRENCY)
        continue;
      value = ff_record_format_nth (record, i);
      gtk_list_box_append (self->field_list, property_row_new (ff_field_get_label (field),
                                                               *value ? value : "—"));
    }
  gtk_stack_set_visible_child_name (self->stack, "record");
}

FfRecord *
ff_record_detail_get_record (FfRecordDetail *self)
{
  g_return_val_if_fail (FF_IS_RECORD_DETAIL (self), NULL);
  return self->record;
}

static void
ff_record_detail_dispose (GObject *object)
{
  FfRecordDetail *self = FF_RECORD_DETAIL (object);

  g_clear_object (&self->record);

  G_OBJECT_CLASS (ff_record_detail_parent_class)->dispose (object);
}

static void
ff_record_detail_class_init (FfRecordDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ff_record_detail_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ff-record-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, FfRecordDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, FfRecordDetail, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FfRecordDetail, kind_label);
  gtk_widget_class_bind_template_child (widget_class, FfRecordDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, FfRecordDetail, code_label);
  gtk_widget_class_bind_template_child (widget_class, FfRecordDetail, field_list);
}

static void
ff_record_detail_init (FfRecordDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
