/* ff-unlock-page.c — choose a tenant and a user, give the password. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ff-application.h"
#include "ff-error.h"
#include "ff-unlock-page.h"

struct _FfUnlockPage
{
  AdwBin         parent_instance;

  /* template widgets */
  GtkMenuButton *menu_button;
  AdwComboRow   *tenant_row;
  GtkStringList *tenant_list;
  AdwComboRow   *user_row;
  GtkStringList *user_list;
  AdwEntryRow   *password_row;
  GtkLabel      *error_label;
  GtkButton     *unlock_button;
  GtkSpinner    *spinner;

  /* owned */
  FfVault       *vault;
  GSettings     *settings;
  GPtrArray     *tenants;      /* FfTenantInfo*, in tenant_list order */
  GCancellable  *cancellable;
  gboolean       busy;
};

G_DEFINE_FINAL_TYPE (FfUnlockPage, ff_unlock_page, ADW_TYPE_BIN)

enum {
  SIGNAL_CREATE_REQUESTED,
  SIGNAL_UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
replace_strings (GtkStringList     *list,
                 const char *const *strings)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  gtk_string_list_splice (list, 0, n, strings);
}

static guint
find_string (GtkStringList *list,
             const char    *value)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; value != NULL && i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (list, i), value))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static FfTenantInfo *
selected_tenant (FfUnlockPage *self)
{
  guint i = adw_combo_row_get_selected (self->tenant_row);

  if (self->tenants == NULL || i >= self->tenants->len)
    return NULL;
  return g_ptr_array_index (self->tenants, i);
}

static void
tenant_selected_cb (FfUnlockPage *self)
{
  FfTenantInfo *tenant = selected_tenant (self);
  g_auto (GStrv) users = NULL;
  g_autofree char *last_user = NULL;
  guint pos;

  if (tenant != NULL && self->vault != NULL)
    users = ff_vault_list_usernames (self->vault, tenant->id, NULL);
  replace_strings (self->user_list, (const char *const *) users);
  if (self->settings != NULL)
    last_user = g_settings_get_string (self->settings, "last-user");
  pos = find_string (self->user_list, last_user);
  adw_combo_row_set_selected (self->user_row, pos != GTK_INVALID_LIST_POSITION ? pos : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
password_changed_cb (FfUnlockPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
}

static void
set_busy (FfUnlockPage *self,
          gboolean      busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tenant_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
}

static void
show_error (FfUnlockPage *self,
            const char   *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
unlock_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (FfUnlockPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (FfSession) session = NULL;

  session = ff_vault_unlock_finish (FF_VAULT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (session == NULL)
    {
      show_error (self, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
      gtk_editable_select_region (GTK_EDITABLE (self->password_row), 0, -1);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  g_signal_emit (self, signals[SIGNAL_UNLOCKED], 0, session);
}

static void
unlock_clicked_cb (FfUnlockPage *self)
{
  FfTenantInfo *tenant = selected_tenant (self);
  guint user_pos = adw_combo_row_get_selected (self->user_row);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (self->busy || self->vault == NULL)
    return;
  if (tenant == NULL || user_pos == GTK_INVALID_LIST_POSITION
      || user_pos >= g_list_model_get_n_items (G_LIST_MODEL (self->user_list)))
    {
      show_error (self, _("Choose a tenant and a user"));
      return;
    }
  if (*password == '\0')
    {
      show_error (self, _("Type your password"));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  set_busy (self, TRUE);
  ff_vault_unlock_async (self->vault, tenant->id,
                         gtk_string_list_get_string (self->user_list, user_pos), password,
                         self->cancellable, unlock_done_cb, g_object_ref (self));
}

static void
create_clicked_cb (FfUnlockPage *self)
{
  g_signal_emit (self, signals[SIGNAL_CREATE_REQUESTED], 0);
}

void
ff_unlock_page_reload (FfUnlockPage *self)
{
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_auto (GStrv) strv = NULL;
  g_autofree char *last = NULL;
  guint pos;

  g_return_if_fail (FF_IS_UNLOCK_PAGE (self));

  g_clear_pointer (&self->tenants, g_ptr_array_unref);
  if (self->vault != NULL)
    self->tenants = ff_vault_list_tenants (self->vault, NULL);
  for (guint i = 0; self->tenants != NULL && i < self->tenants->len; i++)
    g_strv_builder_add (names, ((FfTenantInfo *) g_ptr_array_index (self->tenants, i))->name);
  strv = g_strv_builder_end (names);

  g_signal_handlers_block_by_func (self->tenant_row, tenant_selected_cb, self);
  replace_strings (self->tenant_list, (const char *const *) strv);
  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-tenant");
  pos = find_string (self->tenant_list, last);
  adw_combo_row_set_selected (self->tenant_row, pos != GTK_INVALID_LIST_POSITION ? pos : 0);
  g_signal_handlers_unblock_by_func (self->tenant_row, tenant_selected_cb, self);
  tenant_selected_cb (self);

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  password_changed_cb (self);
}

void
ff_unlock_page_set_vault (FfUnlockPage *self,
                          FfVault      *vault,
                          GSettings    *settings)
{
  g_return_if_fail (FF_IS_UNLOCK_PAGE (self));

  g_set_object (&self->vault, vault);
  g_set_object (&self->settings, settings);
  ff_unlock_page_reload (self);
}

void
ff_unlock_page_focus (FfUnlockPage *self)
{
  g_return_if_fail (FF_IS_UNLOCK_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
ff_unlock_page_dispose (GObject *object)
{
  FfUnlockPage *self = FF_UNLOCK_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->vault);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->tenants, g_ptr_array_unref);

  G_OBJECT_CLASS (ff_unlock_page_parent_class)->dispose (object);
}

static void
ff_unlock_page_class_init (FfUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ff_unlock_page_dispose;

  signals[SIGNAL_CREATE_REQUESTED] =
    g_signal_new ("create-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, FF_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ff-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FfUnlockPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, FfUnlockPage, tenant_row);
  gtk_widget_class_bind_template_child (widget_class, FfUnlockPage, tenant_list);
  gtk_widget_class_bind_template_child (widget_class, FfUnlockPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, FfUnlockPage, user_list);
  gtk_widget_class_bind_template_child (widget_class, FfUnlockPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, FfUnlockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, FfUnlockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, FfUnlockPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, tenant_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unlock_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
}

static void
ff_unlock_page_init (FfUnlockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_menu_button_set_menu_model (self->menu_button, ff_application_get_primary_menu ());
}
