/* ff-kde-gaps-page.c — the KDE gaps of the tenant's traceability records, read in a worker,
 * each row opening the record where the missing element is entered. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ff-kde-gaps-page.h"
#include "ff-kde-gaps.h"

/* Rows shown at most: a list longer than this is a job for the export's gap sheet. */
#define MAX_ROWS 500

struct _FfKdeGapsPage
{
  AdwBin                parent_instance;

  /* owned */
  FfSession            *session;
  GCancellable         *cancellable;  /* of the read running, if any */

  /* borrowed */
  GtkStack             *stack;
  AdwPreferencesGroup  *group;
  GtkListBox           *list;
};

G_DEFINE_FINAL_TYPE (FfKdeGapsPage, ff_kde_gaps_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FfSession *session = task_data;
  g_autoptr (FfStore) store = NULL;
  GError *error = NULL;
  GPtrArray *gaps = NULL;

  store = ff_session_open_store (session, &error);
  if (store != NULL)
    gaps = ff_kde_gaps_list (store, cancellable, &error);
  if (gaps == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, gaps, (GDestroyNotify) g_ptr_array_unref);
}

static GtkWidget *
gap_row_new (FfKdeGap *gap)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  const char *kind = ff_kind_get_label_singular (gap->kind);
  const char *lot = gap->lot_code ? gap->lot_code : "—";

  if (g_strcmp0 (gap->fix_id, gap->record_id) == 0)
    /* Translators: the record that lacks a key data element (its kind and code), its critical
     * tracking event and the lot concerned: "Shipment SH-1 · Shipping · lot FG-1" */
    subtitle = g_strdup_printf (_("%s %s · %s · lot %s"), kind, gap->record_code,
                                ff_fsma204_cte_label (gap->cte), lot);
  else
    /* Translators: as "%s %s · %s · lot %s", and the record where the element is entered (its
     * kind and code): "Receipt GR-3 · Receiving · lot RM-1 · entered on Lot RM-1" */
    subtitle = g_strdup_printf (_("%s %s · %s · lot %s · entered on %s %s"), kind,
                                gap->record_code, ff_fsma204_cte_label (gap->cte), lot,
                                ff_kind_get_label_singular (gap->fix_kind), gap->fix_code);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ff_fsma204_column_label (gap->kde));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_widget_set_name (row, "kde-gap");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", gap->fix_kind->name,
                                    gap->fix_id);
  gtk_widget_set_tooltip_text (row, _("Open the record where it is entered"));
  return row;
}

static void
list_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FfKdeGapsPage *self = FF_KDE_GAPS_PAGE (object);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) gaps = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *description = NULL;
  GtkWidget *child;

  if (gaps == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_assert (FF_IS_KDE_GAPS_PAGE (self));
  g_clear_object (&self->cancellable);
  if (gaps == NULL)
    {
      g_message ("Could not read the KDE gaps: %s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < gaps->len && i < MAX_ROWS; i++)
    gtk_list_box_append (self->list, gap_row_new (g_ptr_array_index (gaps, i)));
  if (gaps->len > MAX_ROWS)
    /* Translators: the list shows the first %u of %u gaps */
    description = g_strdup_printf (_("The first %u of %u. The FSMA 204 export lists them all."),
                                   MAX_ROWS, gaps->len);
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u key data element is missing.",
                                                "%u key data elements are missing.",
                                                gaps->len), gaps->len);
  adw_preferences_group_set_description (self->group, description);
  gtk_stack_set_visible_child_name (self->stack, gaps->len > 0 ? "list" : "empty");
}

void
ff_kde_gaps_page_refresh (FfKdeGapsPage *self)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (FF_IS_KDE_GAPS_PAGE (self));

  /* A newer read supersedes the one running. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (ff_session_is_locked (self->session))
    return;
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, list_loaded_cb, NULL);
  g_task_set_task_data (task, g_object_ref (self->session), g_object_unref);
  g_task_run_in_thread (task, list_thread);
}

gboolean
ff_kde_gaps_page_is_loading (FfKdeGapsPage *self)
{
  g_return_val_if_fail (FF_IS_KDE_GAPS_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

/* Fixed elsewhere a moment ago: read again whenever the page comes into view. */
static void
ff_kde_gaps_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ff_kde_gaps_page_parent_class)->map (widget);
  ff_kde_gaps_page_refresh (FF_KDE_GAPS_PAGE (widget));
}

static void
ff_kde_gaps_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FfKdeGapsPage *self = FF_KDE_GAPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ff_kde_gaps_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FfKdeGapsPage *self = FF_KDE_GAPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ff_kde_gaps_page_dispose (GObject *object)
{
  FfKdeGapsPage *self = FF_KDE_GAPS_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (ff_kde_gaps_page_parent_class)->dispose (object);
}

static void
ff_kde_gaps_page_class_init (FfKdeGapsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = ff_kde_gaps_page_set_property;
  object_class->get_property = ff_kde_gaps_page_get_property;
  object_class->dispose = ff_kde_gaps_page_dispose;
  widget_class->map = ff_kde_gaps_page_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, FF_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ff_kde_gaps_page_init (FfKdeGapsPage *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *refresh = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  GtkWidget *spinner;
  AdwPreferencesGroup *heading = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  self->stack = GTK_STACK (gtk_stack_new ());
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self), "kde-gaps-page");

  adw_preferences_group_set_title (heading, _("KDE Gaps"));
  adw_preferences_group_set_description (heading,
                                         _("Traceability records of foods on the Food "
                                           "Traceability List that lack a key data element "
                                           "FSMA 204 requires. FDA may ask for these records "
                                           "within 24 hours."));
  gtk_widget_add_css_class (refresh, "flat");
  gtk_widget_set_valign (refresh, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (refresh, _("Read Again"));
  g_signal_connect_swapped (refresh, "clicked", G_CALLBACK (ff_kde_gaps_page_refresh), self);
  adw_preferences_group_set_header_suffix (heading, refresh);
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_name (GTK_WIDGET (self->list), "kde-gap-list");
  adw_preferences_group_add (self->group, GTK_WIDGET (self->list));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), heading);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->group);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No KDE Gaps"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Every traceability record of a food on the Food "
                                     "Traceability List has the key data elements FSMA 204 "
                                     "requires."));
  gtk_widget_set_name (empty, "kde-gaps-empty");

  spinner = gtk_spinner_new ();
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reading"), -1);

  gtk_stack_add_named (self->stack, spinner, "loading");
  gtk_stack_add_named (self->stack, page, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_set_visible_child_name (self->stack, "loading");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

GtkWidget *
ff_kde_gaps_page_new (FfSession *session)
{
  g_return_val_if_fail (FF_IS_SESSION (session), NULL);
  return g_object_new (FF_TYPE_KDE_GAPS_PAGE, "session", session, NULL);
}
