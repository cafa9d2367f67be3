/* ff-create-tenant-page.c — a new tenant: its name, the first administrator and a password. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "ff-create-tenant-page.h"
#include "ff-password.h"
#include "ff-users.h"

struct _FfCreateTenantPage
{
  AdwBin              parent_instance;

  /* template widgets */
  AdwEntryRow        *name_row;
  AdwEntryRow        *user_row;
  AdwEntryRow        *password_row;
  AdwEntryRow        *confirm_row;
  GtkLevelBar        *strength_bar;
  GtkLabel           *hint_label;
  GtkLabel           *error_label;
  GtkButton          *create_button;
  GtkSpinner         *spinner;

  /* owned */
  FfVault            *vault;
  GCancellable       *cancellable;
  gboolean            busy;
};

G_DEFINE_FINAL_TYPE (FfCreateTenantPage, ff_create_tenant_page, ADW_TYPE_BIN)

enum {
  SIGNAL_CANCELLED,
  SIGNAL_UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_row_error (AdwEntryRow *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* Checks the form and says the first thing that is missing; TRUE when it can be submitted. */
static gboolean
validate (FfCreateTenantPage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (row_text (self->name_row)));
  const char *user = row_text (self->user_row);
  const char *password = row_text (self->password_row);
  const char *confirm = row_text (self->confirm_row);
  FfPasswordStrength strength = ff_password_estimate (password);
  const char *hint = NULL;
  gboolean user_ok = ff_users_name_is_valid (user);
  gboolean match = g_str_equal (password, confirm);

  gtk_level_bar_set_value (self->strength_bar, strength);
  set_row_error (self->user_row, *user != '\0' && !user_ok);
  set_row_error (self->confirm_row, *confirm != '\0' && !match);

  if (*name == '\0')
    hint = _("Name the tenant, e.g. your company or site.");
  else if (!user_ok)
    hint = _("User names use lower-case letters, digits, dots, dashes or underscores.");
  else if (*password == '\0')
    hint = _("Choose a password of at least 8 characters. It cannot be recovered if lost.");
  else if (!ff_password_is_acceptable (password, NULL))
    hint = ff_password_describe (strength);
  else if (!match)
    hint = _("The two passwords differ.");
  else
    hint = ff_password_describe (strength);
  gtk_label_set_label (self->hint_label, hint);

  return *name != '\0' && user_ok && ff_password_is_acceptable (password, NULL) && match;
}

static void
changed_cb (FfCreateTenantPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), validate (self) && !self->busy);
}

static void
set_busy (FfCreateTenantPage *self,
          gboolean            busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), !busy && validate (self));
}

typedef struct
{
  FfVault *vault;
  char    *name;
  char    *user;
  char    *password;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_object_unref (data->vault);
  g_free (data->name);
  g_free (data->user);
  sodium_memzero (data->password, strlen (data->password));
  g_free (data->password);
  g_free (data);
}

static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CreateData *data = task_data;
  g_autoptr (FfTenantInfo) info = NULL;
  GError *error = NULL;
  FfSession *session;

  info = ff_vault_create_tenant (data->vault, data->name, data->user, data->password,
                                 FF_VAULT_CREATE_DEFAULT, NULL, NULL, NULL, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  session = ff_vault_unlock (data->vault, info->id, data->user, data->password, &error);
  if (session == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, session, g_object_unref);
}

static void
create_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FfCreateTenantPage *self = FF_CREATE_TENANT_PAGE (object);
  g_autoptr (GError) error = NULL;
  g_autoptr (FfSession) session = NULL;

  session = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (session == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  ff_create_tenant_page_reset (self);
  g_signal_emit (self, signals[SIGNAL_UNLOCKED], 0, session);
}

static void
create_clicked_cb (FfCreateTenantPage *self)
{
  g_autoptr (GTask) task = NULL;
  CreateData *data;

  if (self->busy || self->vault == NULL || !validate (self))
    return;
  data = g_new0 (CreateData, 1);
  data->vault = g_object_ref (self->vault);
  data->name = g_strstrip (g_strdup (row_text (self->name_row)));
  data->user = g_strdup (row_text (self->user_row));
  data->password = g_strdup (row_text (self->password_row));
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, create_done_cb, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) create_data_free);
  g_task_run_in_thread (task, create_thread);
}

static void
back_clicked_cb (FfCreateTenantPage *self)
{
  ff_create_tenant_page_reset (self);
  g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
}

void
ff_create_tenant_page_set_vault (FfCreateTenantPage *self,
                                 FfVault            *vault)
{
  g_return_if_fail (FF_IS_CREATE_TENANT_PAGE (self));
  g_set_object (&self->vault, vault);
}

void
ff_create_tenant_page_reset (FfCreateTenantPage *self)
{
  g_return_if_fail (FF_IS_CREATE_TENANT_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), "admin");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  changed_cb (self);
}

void
ff_create_tenant_page_focus (FfCreateTenantPage *self)
{
  g_return_if_fail (FF_IS_CREATE_TENANT_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
ff_create_tenant_page_dispose (GObject *object)
{
  FfCreateTenantPage *self = FF_CREATE_TENANT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (ff_create_tenant_page_parent_class)->dispose (object);
}

static void
ff_create_tenant_page_class_init (FfCreateTenantPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ff_create_tenant_page_dispose;

  signals[SIGNAL_CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, FF_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ff-create-tenant-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FfCreateTenantPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, FfCreateTenantPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, FfCreateTenantPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, FfCreateTenantPage, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, FfCreateTenantPage, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, FfCreateTenantPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, FfCreateTenantPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, FfCreateTenantPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, FfCreateTenantPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
ff_create_tenant_page_init (FfCreateTenantPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  validate (self);
}
