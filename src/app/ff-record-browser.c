/* ff-record-browser.c — the records of one kind: search, a sortable list and the details. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ff-record-browser.h"
#include "ff-record-detail.h"
#include "ff-record-list-model.h"

struct _FfRecordBrowser
{
  AdwBin              parent_instance;

  /* template widgets */
  GtkLabel           *title_label;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  FfRecordDetail     *detail;

  /* owned */
  FfSession          *session;
  FfRecordListModel  *model;
  GtkSingleSelection *selection;
  GCancellable       *cancellable;
  FfRecordQuery      *query;
  FfRecord           *probe[2];     /* compared by the view's sorter to learn its order */
  int                 probed_field; /* set by a column sorter while probing */

  /* borrowed */
  const FfKind       *kind;
};

G_DEFINE_FINAL_TYPE (FfRecordBrowser, ff_record_browser, ADW_TYPE_BIN)

/* Rows ---------------------------------------------------------------------------------------- */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  const FfField *field = user_data;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), ff_field_is_numeric (field) ? 1.0 : 0.0);
  if (ff_field_is_numeric (field))
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  const FfField *field = user_data;
  FfRecord *record = gtk_list_item_get_item (item);
  g_autofree char *text = ff_record_format (record, field->name);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* Sorting ------------------------------------------------------------------------------------ */

/* GTK 4.8 cannot say which column a GtkColumnView sorts by. Each column gets a sorter that,
 * when the view's sorter compares two probe records, notes its field and answers "smaller";
 * the view's sorter asks its primary column first and inverts the answer when descending. So
 * one comparison tells the field and the direction, and the database does the sorting. */
typedef struct
{
  FfRecordBrowser *browser;
  int              field;
} ProbeData;

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ProbeData *probe = user_data;

  probe->browser->probed_field = probe->field;
  return GTK_ORDERING_SMALLER;
}

static void reload (FfRecordBrowser *self);

static void
sorter_changed_cb (GtkSorter       *sorter,
                   GtkSorterChange  change,
                   FfRecordBrowser *self)
{
  GtkOrdering order;

  /* Columns going away while the browser is disposed change the sorter too. */
  if (self->probe[0] == NULL || self->model == NULL)
    return;
  self->probed_field = -1;
  order = gtk_sorter_compare (sorter, self->probe[0], self->probe[1]);
  g_clear_pointer (&self->query->sort_field, g_free);
  if (self->probed_field >= 0 && order != GTK_ORDERING_EQUAL)
    {
      self->query->sort_field = g_strdup (self->kind->fields[self->probed_field].name);
      self->query->descending = order == GTK_ORDERING_LARGER;
    }
  else
    {
      self->query->sort_field = g_strdup (self->kind->default_sort);
      self->query->descending = FALSE;
    }
  reload (self);
}

static int
column_width (const FfKind  *kind,
              const FfField *field)
{
  if (g_str_equal (field->name, kind->title_field))
    return 200;
  if (g_str_equal (field->name, kind->code_field))
    return field->max_length > 32 ? 210 : 110;
  switch (field->type)
    {
    case FF_FIELD_ENUM:
      return 115;
    case FF_FIELD_DATE:
      return 105;
    case FF_FIELD_GTIN:
      return 130;
    case FF_FIELD_INTEGER:
    case FF_FIELD_REAL:
    case FF_FIELD_MONEY:
    case FF_FIELD_QUANTITY:
      return 115;
    default:
      return field->max_length <= 2 ? 70 : 140;
    }
}

static void
add_columns (FfRecordBrowser *self)
{
  for (int i = 0; self->kind->fields[i].name != NULL; i++)
    {
      const FfField *field = &self->kind->fields[i];
      g_autoptr (GtkListItemFactory) factory = NULL;
      g_autoptr (GtkColumnViewColumn) column = NULL;
      g_autoptr (GtkSorter) sorter = NULL;
      ProbeData *probe;

      if (!(field->flags & FF_FIELD_LIST))
        continue;
      factory = gtk_signal_list_item_factory_new ();
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), (gpointer) field);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer) field);
      column = gtk_column_view_column_new (ff_field_get_label (field), g_object_ref (factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      /* Every column keeps a width that fits its kind of value; the title (name,
       * description) also takes whatever width is spare. */
      gtk_column_view_column_set_fixed_width (column, column_width (self->kind, field));
      gtk_column_view_column_set_expand (column, g_str_equal (field->name,
                                                              self->kind->title_field));

      probe = g_new0 (ProbeData, 1);
      probe->browser = self;
      probe->field = i;
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, probe, g_free));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_append_column (self->column_view, column);
    }
  g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed",
                    G_CALLBACK (sorter_changed_cb), self);
}

/* Loading ------------------------------------------------------------------------------------ */

static void
update_count (FfRecordBrowser *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *text = NULL;
  gboolean searching = self->query->search && *self->query->search;

  /* Translators: the number of records in a list, e.g. "1,404 items" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u item", "%'u items", n), n);
  gtk_label_set_label (self->count_label, text);

  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  if (n == 0)
    {
      g_autofree char *title = NULL;
      if (searching)
        {
          adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Results"));
          adw_status_page_set_description (self->empty_page,
                                           _("Nothing matches the search. Try other words."));
        }
      else
        {
          /* Translators: %s is a record kind, e.g. "No Lines Yet" */
          title = g_strdup_printf (_("No %s Yet"), ff_kind_get_label (self->kind));
          adw_status_page_set_icon_name (self->empty_page, self->kind->icon_name);
          adw_status_page_set_title (self->empty_page, title);
          adw_status_page_set_description (self->empty_page,
                                           _("Records appear here once they are created, "
                                             "imported or synced."));
        }
    }
}

static void
reload_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FfRecordBrowser *self = user_data;
  g_autoptr (GError) error = NULL;

  if (!ff_record_list_model_reload_finish (FF_RECORD_LIST_MODEL (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not load %s: %s", self->kind->name, error->message);
      return;
    }
  update_count (self);
}

static void
reload (FfRecordBrowser *self)
{
  ff_record_list_model_reload_async (self->model, self->query, self->cancellable, reload_done_cb,
                                     self);
}

static void
search_changed_cb (FfRecordBrowser *self)
{
  g_free (self->query->search);
  self->query->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  reload (self);
}

static void
selection_changed_cb (FfRecordBrowser *self)
{
  ff_record_detail_set_record (self->detail, ff_record_browser_get_selected (self));
}

/* API --------------------------------------------------------------------------------------- */

const FfKind *
ff_record_browser_get_kind (FfRecordBrowser *self)
{
  g_return_val_if_fail (FF_IS_RECORD_BROWSER (self), NULL);
  return self->kind;
}

GListModel *
ff_record_browser_get_model (FfRecordBrowser *self)
{
  g_return_val_if_fail (FF_IS_RECORD_BROWSER (self), NULL);
  return G_LIST_MODEL (self->model);
}

FfRecord *
ff_record_browser_get_selected (FfRecordBrowser *self)
{
  g_return_val_if_fail (FF_IS_RECORD_BROWSER (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

void
ff_record_browser_select (FfRecordBrowser *self,
                          guint            position)
{
  g_return_if_fail (FF_IS_RECORD_BROWSER (self));
  gtk_single_selection_set_selected (self->selection, position);
}

static void
ff_record_browser_dispose (GObject *object)
{
  FfRecordBrowser *self = FF_RECORD_BROWSER (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->session);
  g_clear_object (&self->probe[0]);
  g_clear_object (&self->probe[1]);
  g_clear_pointer (&self->query, ff_record_query_free);

  G_OBJECT_CLASS (ff_record_browser_parent_class)->dispose (object);
}

static void
ff_record_browser_class_init (FfRecordBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ff_record_browser_dispose;

  g_type_ensure (FF_TYPE_RECORD_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ff-record-browser.ui");
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, title_label);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, count_label);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, list_stack);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, column_view);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, detail);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
}

static void
ff_record_browser_init (FfRecordBrowser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->query = ff_record_query_new ();
}

FfRecordBrowser *
ff_record_browser_new (FfSession    *session,
                       const FfKind *kind)
{
  FfRecordBrowser *self;
  g_autofree char *placeholder = NULL;

  g_return_val_if_fail (FF_IS_SESSION (session), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (FF_TYPE_RECORD_BROWSER, NULL);
  self->session = g_object_ref (session);
  self->kind = kind;
  /* Two objects: a sorter answers "equal" for an item compared with itself. */
  self->probe[0] = ff_record_new (kind);
  self->probe[1] = ff_record_new (kind);
  self->query->sort_field = g_strdup (kind->default_sort);

  gtk_label_set_label (self->title_label, ff_kind_get_label (kind));
  /* Translators: placeholder of a list's search box, %s is a record kind ("Search lines") */
  placeholder = g_strdup_printf (_("Search %s"), ff_kind_get_label (kind));
  g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  ff_record_detail_set_kind (self->detail, kind);

  self->model = ff_record_list_model_new (session, kind);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);
  update_count (self);
  reload (self);
  return self;
}
