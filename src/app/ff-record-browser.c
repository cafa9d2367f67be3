/* ff-record-browser.c — the records of one kind: search, a sortable list and the details. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ff-record-browser.h"
#include "ff-record-browser-private.h"
#include "ff-record-detail.h"
#include "ff-record-form.h"
#include "ff-record-list-model.h"
#include "ff-record-repository.h"

G_DEFINE_FINAL_TYPE (FfRecordBrowser, ff_record_browser, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOWING_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
show_cell (GtkLabel      *label,
           FfRecord      *record,
           const FfField *field)
{
  g_autofree char *text = ff_record_format (record, field->name);

  gtk_label_set_label (label, text);
}

static void
cell_loaded_cb (FfRecord *record,
                GtkLabel *label)
{
  show_cell (label, record, g_object_get_data (G_OBJECT (label), "ff-field"));
}

/* A row still being read shows empty until its page arrives ("loaded"): the list never waits
 * for the database while it scrolls. */
static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  const FfField *field = user_data;
  FfRecord *record = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  g_assert (FF_IS_RECORD (record));
  g_object_set_data (G_OBJECT (label), "ff-field", (gpointer) field);
  show_cell (label, record, field);
  if (ff_record_list_model_is_placeholder (record))
    g_signal_connect_object (record, "loaded", G_CALLBACK (cell_loaded_cb), label, 0);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  FfRecord *record = gtk_list_item_get_item (item);

  if (record != NULL)
    g_signal_handlers_disconnect_by_func (record, cell_loaded_cb, gtk_list_item_get_child (item));
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
  _ff_record_browser_reload (self);
}

static int
column_width (const FfKind  *kind,
              const FfField *field)
{
  if (g_str_equal (field->name, kind->title_field))
    return 200;
  if (g_strcmp0 (field->name, kind->code_field) == 0)
    return field->max_length > 32 ? 210 : 110;
  switch (field->type)
    {
    case FF_FIELD_ENUM:
      return 115;
    case FF_FIELD_DATE:
      return 105;
    case FF_FIELD_GTIN:
    case FF_FIELD_GLN:
      return 130;
    case FF_FIELD_REF:
      return 150;
    case FF_FIELD_INTEGER:
    case FF_FIELD_REAL:
    case FF_FIELD_MONEY:
    case FF_FIELD_QUANTITY:
      return 115;
    default:
      return field->max_length > 0 && field->max_length <= 2 ? 70 : 140;
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
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), (gpointer) field);
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
      g_object_set_data (G_OBJECT (column), "ff-field", (gpointer) field);
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

  gboolean loading = ff_record_list_model_get_loading (self->model);

  if (loading)
    /* Translators: the number of records found so far while a list still loads */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u item so far…", "%'u items so far…",
                                         n), n);
  else
    /* Translators: the number of records in a list, e.g. "1,404 items" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u item", "%'u items", n), n);
  gtk_label_set_label (self->count_label, text);

  /* Never "no records" over a list that is still coming. */
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list"
                                                            : loading ? "loading" : "empty");
  gtk_spinner_set_spinning (self->loading_spinner, loading && n == 0);
  if (n == 0 && !loading)
    {
      if (searching)
        {
          adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Results"));
          adw_status_page_set_description (self->empty_page,
                                           _("Nothing matches the search. Try other words."));
        }
      else
        {
          adw_status_page_set_icon_name (self->empty_page, self->kind->icon_name);
          adw_status_page_set_title (self->empty_page, ff_kind_get_empty_label (self->kind));
          adw_status_page_set_description (self->empty_page,
                                           _("Records appear here once they are created "
                                             "or imported."));
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
  if (self->reveal_rowid != 0)
    {
      int pos = ff_record_list_model_find_rowid (self->model, self->reveal_rowid);

      self->reveal_rowid = 0;
      if (pos >= 0)
        {
          gtk_single_selection_set_selected (self->selection, (guint) pos);
          /* GTK 4.8 has no gtk_column_view_scroll_to(); its list view has the action. */
          gtk_widget_activate_action (gtk_widget_get_first_child (GTK_WIDGET (self->column_view)),
                                      "list.scroll-to-item", "u", (guint) pos);
        }
    }
}

void
_ff_record_browser_reload (FfRecordBrowser *self)
{
  /* Widgets set up before the model exists report changes too. */
  if (self->model == NULL || self->frozen)
    return;
  ff_record_list_model_reload_async (self->model, self->query, self->cancellable, reload_done_cb,
                                     self);
}

static void
search_changed_cb (FfRecordBrowser *self)
{
  g_free (self->query->search);
  self->query->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  _ff_record_browser_reload (self);
}

static void selection_changed_cb (FfRecordBrowser *self);

static void
selected_loaded_cb (FfRecord        *record,
                    FfRecordBrowser *self)
{
  g_assert (FF_IS_RECORD (record));
  g_assert (FF_IS_RECORD_BROWSER (self));

  g_signal_handlers_disconnect_by_func (record, selected_loaded_cb, self);
  if (record == ff_record_browser_get_selected (self))
    ff_record_detail_set_record (self->detail, record);
}

static void show_detail (FfRecordBrowser *self);

static void
selection_changed_cb (FfRecordBrowser *self)
{
  FfRecord *record = ff_record_browser_get_selected (self);

  /* A row picked before its page was read shows once it is. */
  if (record != NULL && ff_record_list_model_is_placeholder (record))
    g_signal_connect_object (record, "loaded", G_CALLBACK (selected_loaded_cb), self, 0);
  ff_record_detail_set_record (self->detail, record);
  if (record != NULL)
    show_detail (self);
  else if (!adw_leaflet_get_folded (self->leaflet))
    ff_record_browser_show_list (self);
}

/* Narrow windows ---------------------------------------------------------------------------- */

/* The record chosen is what a person wants to see: when the details replace the list, they come
 * into view (side by side, the leaflet only remembers it for when the window narrows). */
static void
show_detail (FfRecordBrowser *self)
{
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

static void
leaflet_changed_cb (FfRecordBrowser *self)
{
  gboolean showing;

  g_assert (FF_IS_RECORD_BROWSER (self));

  /* The template reports its first child before every widget is bound. */
  if (self->leaflet == NULL || self->detail == NULL)
    return;
  showing = ff_record_browser_get_showing_detail (self);
  if (showing == self->showing_detail)
    return;
  self->showing_detail = showing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAIL]);
}

gboolean
ff_record_browser_get_showing_detail (FfRecordBrowser *self)
{
  g_return_val_if_fail (FF_IS_RECORD_BROWSER (self), FALSE);
  return adw_leaflet_get_folded (self->leaflet)
         && adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->detail);
}

void
ff_record_browser_show_list (FfRecordBrowser *self)
{
  g_return_if_fail (FF_IS_RECORD_BROWSER (self));
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
search_mapped_cb (FfRecordBrowser *self)
{
  g_assert (FF_IS_RECORD_BROWSER (self));

  g_signal_handlers_disconnect_by_func (self->search_entry, search_mapped_cb, self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
ff_record_browser_focus_search (FfRecordBrowser *self)
{
  g_return_if_fail (FF_IS_RECORD_BROWSER (self));

  ff_record_browser_show_list (self);
  /* A list that was out of view (behind the details or the sidebar of a narrow window) comes
   * back on the next frame; the entry takes the focus once it is on screen. */
  g_signal_handlers_disconnect_by_func (self->search_entry, search_mapped_cb, self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->search_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  else
    g_signal_connect_object (self->search_entry, "map", G_CALLBACK (search_mapped_cb), self,
                             G_CONNECT_SWAPPED);
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

/* Scope, facet, reveal --------------------------------------------------------------------- */

void
ff_record_browser_set_scope (FfRecordBrowser *self,
                             const char      *field,
                             const char      *value,
                             const char      *label)
{
  g_return_if_fail (FF_IS_RECORD_BROWSER (self));

  g_clear_pointer (&self->query->filter_field, g_free);
  g_clear_pointer (&self->query->filter_value, g_free);
  if (field != NULL && value != NULL)
    {
      self->query->filter_field = g_strdup (field);
      self->query->filter_value = g_strdup (value);
      gtk_label_set_label (self->scope_label, label ? label : value);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->scope_button), field != NULL && value != NULL);
  _ff_record_browser_reload (self);
}

static void
clear_selection_of (FfRecordQuery *query)
{
  g_clear_pointer (&query->filter_field, g_free);
  g_clear_pointer (&query->filter_value, g_free);
  g_clear_pointer (&query->range_field, g_free);
  g_clear_pointer (&query->range_from, g_free);
  g_clear_pointer (&query->range_to, g_free);
  g_clear_pointer (&query->condition, g_free);
  g_clear_pointer (&query->condition_arg, g_free);
}

static void
clear_scope_cb (FfRecordBrowser *self)
{
  clear_selection_of (self->query);
  gtk_widget_set_visible (GTK_WIDGET (self->scope_button), FALSE);
  _ff_record_browser_reload (self);
}

static GtkColumnViewColumn *
column_of_field (FfRecordBrowser *self,
                 const char      *name)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; name != NULL && i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const FfField *field = g_object_get_data (G_OBJECT (column), "ff-field");

      if (field != NULL && g_str_equal (field->name, name))
        return column;
    }
  return NULL;
}

void
ff_record_browser_show_query (FfRecordBrowser     *self,
                              const FfRecordQuery *query,
                              const char          *label)
{
  GtkColumnViewColumn *column;

  g_return_if_fail (FF_IS_RECORD_BROWSER (self));
  g_return_if_fail (query != NULL);

  /* One reload for the whole change, once everything is set. */
  self->frozen = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query->search ? query->search : "");
  g_free (self->query->search);
  self->query->search = g_strdup (query->search);
  clear_selection_of (self->query);
  self->query->filter_field = g_strdup (query->filter_field);
  self->query->filter_value = g_strdup (query->filter_value);
  self->query->range_field = g_strdup (query->range_field);
  self->query->range_from = g_strdup (query->range_from);
  self->query->range_to = g_strdup (query->range_to);
  self->query->condition = g_strdup (query->condition);
  self->query->condition_arg = g_strdup (query->condition_arg);
  /* A facet the drop-down offers shows there; another one is part of the scope. */
  if (self->facet != NULL
      && (query->facet_field == NULL || g_str_equal (query->facet_field, self->facet->name)))
    ff_record_browser_set_facet (self, query->facet_value);
  g_free (self->query->facet_field);
  g_free (self->query->facet_value);
  self->query->facet_field = g_strdup (query->facet_field);
  self->query->facet_value = g_strdup (query->facet_value);
  /* The order shows on the column it sorts by, when the list has it. */
  column = column_of_field (self, query->sort_field);
  if (column != NULL)
    gtk_column_view_sort_by_column (self->column_view, column,
                                    query->descending ? GTK_SORT_DESCENDING
                                                      : GTK_SORT_ASCENDING);
  g_free (self->query->sort_field);
  self->query->sort_field = g_strdup (query->sort_field ? query->sort_field
                                                        : self->kind->default_sort);
  self->query->descending = query->descending;

  gtk_label_set_label (self->scope_label, label ? label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->scope_button),
                          label != NULL && (query->filter_field || query->range_field
                                            || query->condition));
  self->frozen = FALSE;
  _ff_record_browser_reload (self);
}

static void
facet_changed_cb (FfRecordBrowser *self)
{
  guint pos = gtk_drop_down_get_selected (self->facet_dropdown);

  if (self->facet == NULL)
    return;
  g_clear_pointer (&self->query->facet_field, g_free);
  g_clear_pointer (&self->query->facet_value, g_free);
  if (pos != GTK_INVALID_LIST_POSITION && pos > 0)
    {
      self->query->facet_field = g_strdup (self->facet->name);
      self->query->facet_value = g_strdup (self->facet->enum_values[pos - 1].value);
    }
  _ff_record_browser_reload (self);
}

/* The status-like enum of the list, if the kind has one: "status" first, else the first enum
 * column. */
static const FfField *
find_facet (const FfKind *kind)
{
  const FfField *first = NULL;

  for (const FfField *f = kind->fields; f->name != NULL; f++)
    if (f->type == FF_FIELD_ENUM && (f->flags & FF_FIELD_LIST))
      {
        if (g_str_equal (f->name, "status"))
          return f;
        if (first == NULL)
          first = f;
      }
  return first;
}

static void
setup_facet (FfRecordBrowser *self)
{

  self->facet = find_facet (self->kind);
  if (self->facet == NULL)
    return;
  /* The first entry filters nothing. */
  gtk_string_list_append (self->facet_labels, _("All"));
  for (const FfEnumValue *e = self->facet->enum_values; e->value; e++)
    gtk_string_list_append (self->facet_labels, g_dgettext (GETTEXT_PACKAGE, e->label));
  gtk_drop_down_set_selected (self->facet_dropdown, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->facet_dropdown), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->facet_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, ff_field_get_label (self->facet),
                                  -1);
}

void
ff_record_browser_set_facet (FfRecordBrowser *self,
                             const char      *value)
{
  guint pos = 0;

  g_return_if_fail (FF_IS_RECORD_BROWSER (self));

  if (self->facet == NULL)
    return;
  for (guint i = 0; value != NULL && self->facet->enum_values[i].value != NULL; i++)
    if (g_str_equal (self->facet->enum_values[i].value, value))
      pos = i + 1;
  gtk_drop_down_set_selected (self->facet_dropdown, pos);
}

void
ff_record_browser_reveal (FfRecordBrowser *self,
                          const char      *id)
{
  g_autoptr (FfRecordRepository) repo = NULL;
  g_autoptr (FfRecord) record = NULL;
  FfStore *store;

  g_return_if_fail (FF_IS_RECORD_BROWSER (self));

  store = ff_session_get_store (self->session);
  if (store == NULL)
    return;
  repo = ff_record_repository_new (store, self->kind);
  record = ff_record_repository_get (repo, id, NULL);
  if (record == NULL)
    return;
  /* Show everything, so the record is surely in the list, then select it once loaded. */
  self->reveal_rowid = ff_record_get_rowid (record);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->query->search, g_free);
  clear_selection_of (self->query);
  gtk_widget_set_visible (GTK_WIDGET (self->scope_button), FALSE);
  if (self->facet != NULL)
    gtk_drop_down_set_selected (self->facet_dropdown, 0);
  _ff_record_browser_reload (self);
  ff_record_detail_set_record (self->detail, record);
  show_detail (self);
}

/* Create and edit --------------------------------------------------------------------------- */

static void
saved_cb (FfRecordForm    *form,
          FfRecord        *record,
          FfRecordBrowser *self)
{
  self->reveal_rowid = ff_record_get_rowid (record);
  _ff_record_browser_reload (self);
  ff_record_detail_set_record (self->detail, record);
  show_detail (self);
}

static FfRecordForm *
open_form (FfRecordBrowser *self,
           FfRecord        *record)
{
  FfRecordForm *form = ff_record_form_new (self->session, self->kind, record);

  gtk_window_set_transient_for (GTK_WINDOW (form),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (form, "saved", G_CALLBACK (saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (form));
  return form;
}

FfRecordForm *
ff_record_browser_open_form (FfRecordBrowser *self,
                             FfRecord        *record)
{
  g_return_val_if_fail (FF_IS_RECORD_BROWSER (self), NULL);
  return open_form (self, record);
}

static void
edit_requested_cb (FfRecordBrowser *self,
                   FfRecord        *record)
{
  open_form (self, record);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  open_form (FF_RECORD_BROWSER (widget), NULL);
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
ff_record_browser_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FfRecordBrowser *self = FF_RECORD_BROWSER (object);

  switch (prop_id)
    {
    case PROP_SHOWING_DETAIL:
      g_value_set_boolean (value, self->showing_detail);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ff_record_browser_class_init (FfRecordBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ff_record_browser_dispose;
  object_class->get_property = ff_record_browser_get_property;

  /* The details have replaced the list in a narrow window: "back" returns to the list. */
  properties[PROP_SHOWING_DETAIL] =
    g_param_spec_boolean ("showing-detail", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FF_TYPE_RECORD_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ff-record-browser.ui");
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, title_label);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, count_label);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, list_stack);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, column_view);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, detail);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, list_pane);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, scope_button);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, scope_label);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, facet_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, facet_labels);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, new_button);
  gtk_widget_class_bind_template_child (widget_class, FfRecordBrowser, more_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_scope_cb);
  gtk_widget_class_bind_template_callback (widget_class, facet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_changed_cb);

  gtk_widget_class_install_action (widget_class, "browser.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "browser.import", NULL, _ff_record_browser_import_action);
  gtk_widget_class_install_action (widget_class, "browser.export", NULL, _ff_record_browser_export_action);
  gtk_widget_class_install_action (widget_class, "browser.export-xlsx", NULL, _ff_record_browser_export_xlsx_action);
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
  gboolean writable;

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
  g_object_set (self->search_entry, "placeholder-text", _("Search"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search this list"), -1);
  ff_record_detail_setup (self->detail, session, kind);
  g_signal_connect_swapped (self->detail, "edit-requested", G_CALLBACK (edit_requested_cb), self);

  /* A role that may not write this kind gets no buttons for it (the services refuse anyway). */
  writable = ff_kind_role_can_write (kind, ff_session_get_role (session));
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), writable && !kind->made_by_engine);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.new",
                                 writable && !kind->made_by_engine);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.import", writable);
  if (!kind->made_by_engine)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_button), ff_kind_get_new_label (kind));
  setup_facet (self);

  self->model = ff_record_list_model_new (session, kind);
  /* The count and the page shown follow the list as its rows arrive. */
  g_signal_connect_object (self->model, "notify::n-items", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);
  update_count (self);
  _ff_record_browser_reload (self);
  return self;
}
