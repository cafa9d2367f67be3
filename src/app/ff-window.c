/* ff-window.c — the main window: first run, unlock, the workspaces, lock and auto-lock. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ff-create-tenant-page.h"
#include "ff-demo.h"
#include "ff-kind-catalog.h"
#include "ff-unlock-page.h"
#include "ff-welcome-page.h"
#include "ff-window.h"
#include "ff-workspaces-view.h"

#define IDLE_CHECK_SECONDS 15

struct _FfWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *busy_page;
  GtkSpinner           *busy_spinner;
  FfWelcomePage        *welcome_page;
  FfCreateTenantPage   *create_page;
  FfUnlockPage         *unlock_page;

  /* owned */
  FfSession            *session;
  GtkWidget            *workspaces;      /* FfWorkspacesView while unlocked */
  GCancellable         *cancellable;
  gint64                last_activity;   /* monotonic µs */
  guint                 idle_source;

  /* Where the person was when the tenant locked, to go back there when they unlock it again. */
  char                 *resume_tenant_id;
  char                 *resume_username;
  FfWorkspace           resume_workspace;
  const FfKind         *resume_kind;
  char                 *resume_record_id;

  /* borrowed */
  FfApplication        *application;
};

G_DEFINE_FINAL_TYPE (FfWindow, ff_window, ADW_TYPE_APPLICATION_WINDOW)

static FfVault *
get_vault (FfWindow *self)
{
  return ff_application_get_vault (self->application);
}

void
ff_window_show_toast (FfWindow   *self,
                      const char *message)
{
  g_return_if_fail (FF_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
show_busy (FfWindow   *self,
           const char *title)
{
  adw_status_page_set_title (self->busy_page, title);
  gtk_spinner_start (self->busy_spinner);
  gtk_stack_set_visible_child_name (self->stack, "busy");
}

/* The first page for someone who is not signed in: the welcome page on a fresh install, the
 * unlock page once a tenant exists. */
static void
show_start (FfWindow *self)
{
  g_autoptr (GPtrArray) tenants = NULL;

  gtk_spinner_stop (self->busy_spinner);
  if (get_vault (self) != NULL)
    tenants = ff_vault_list_tenants (get_vault (self), NULL);
  if (tenants == NULL || tenants->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "welcome");
      return;
    }
  ff_unlock_page_reload (self->unlock_page);
  gtk_stack_set_visible_child_name (self->stack, "unlock");
  ff_unlock_page_focus (self->unlock_page);
}

static void
show_start_cb (FfWindow *self)
{
  show_start (self);
}

static void
show_create_cb (FfWindow *self)
{
  ff_create_tenant_page_reset (self->create_page);
  gtk_stack_set_visible_child_name (self->stack, "create");
  ff_create_tenant_page_focus (self->create_page);
}

static void
forget_location (FfWindow *self)
{
  g_clear_pointer (&self->resume_tenant_id, g_free);
  g_clear_pointer (&self->resume_username, g_free);
  g_clear_pointer (&self->resume_record_id, g_free);
  self->resume_workspace = FF_WORKSPACE_PLANT_OPS;
  self->resume_kind = NULL;
}

static void
remember_location (FfWindow *self)
{
  FfWorkspacesView *view = FF_WORKSPACES_VIEW (self->workspaces);
  const char *record_id;

  forget_location (self);
  self->resume_tenant_id = g_strdup (ff_session_get_tenant (self->session)->id);
  self->resume_username = g_strdup (ff_session_get_username (self->session));
  ff_workspaces_view_get_location (view, &self->resume_workspace, &self->resume_kind,
                                   &record_id);
  self->resume_record_id = g_strdup (record_id);
}

/* Only the person who locked the tenant finds it as they left it; anyone else starts afresh. */
static void
restore_location (FfWindow  *self,
                  FfSession *session)
{
  if (g_strcmp0 (self->resume_tenant_id, ff_session_get_tenant (session)->id) == 0
      && g_strcmp0 (self->resume_username, ff_session_get_username (session)) == 0)
    ff_workspaces_view_set_location (FF_WORKSPACES_VIEW (self->workspaces),
                                     self->resume_workspace, self->resume_kind,
                                     self->resume_record_id);
  forget_location (self);
}

static void
unlocked_cb (FfWindow  *self,
             FfSession *session)
{
  const FfTenantInfo *tenant = ff_session_get_tenant (session);
  GSettings *settings = ff_application_get_settings (self->application);

  g_assert (FF_IS_WINDOW (self));
  g_assert (FF_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  self->last_activity = g_get_monotonic_time ();
  g_settings_set_string (settings, "last-tenant", tenant->name);
  g_settings_set_string (settings, "last-user", ff_session_get_username (session));

  self->workspaces = GTK_WIDGET (ff_workspaces_view_new (session));
  restore_location (self, session);
  gtk_stack_add_named (self->stack, self->workspaces, "main");
  gtk_stack_set_visible_child (self->stack, self->workspaces);
  gtk_spinner_stop (self->busy_spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-workspace", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", TRUE);
}

void
ff_window_lock (FfWindow *self)
{
  g_return_if_fail (FF_IS_WINDOW (self));

  if (self->session == NULL)
    return;
  /* The views go first, so no widget holds a record once the key is gone. */
  gtk_stack_set_visible_child_name (self->stack, "unlock");
  if (self->workspaces != NULL)
    {
      remember_location (self);
      gtk_stack_remove (self->stack, self->workspaces);
      self->workspaces = NULL;
    }
  ff_session_lock (self->session);
  g_clear_object (&self->session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-workspace", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", FALSE);
  show_start (self);
}

FfSession *
ff_window_get_session (FfWindow *self)
{
  g_return_val_if_fail (FF_IS_WINDOW (self), NULL);
  return self->session;
}

const char *
ff_window_get_page (FfWindow *self)
{
  g_return_val_if_fail (FF_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* The demo ---------------------------------------------------------------------------------- */

static void
demo_unlocked_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (FfWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (FfSession) session = NULL;

  session = ff_vault_unlock_finish (FF_VAULT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (session == NULL)
    {
      show_start (self);
      ff_window_show_toast (self, error->message);
      return;
    }
  unlocked_cb (self, session);
}

static void
ensure_demo_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  FfVault *vault = task_data;
  g_autoptr (FfTenantInfo) info = ff_vault_find_tenant (vault, FF_DEMO_TENANT_NAME, NULL);
  GError *error = NULL;

  if (info == NULL)
    info = ff_demo_create (vault, FF_DEMO_TENANT_NAME, 1, FF_DEMO_APP_SCALE, cancellable, &error);
  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
ensure_demo_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FfWindow *self = FF_WINDOW (object);
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_start (self);
      ff_window_show_toast (self, error->message);
      return;
    }
  show_busy (self, _("Unlocking the demo tenant…"));
  ff_vault_unlock_async (get_vault (self), FF_DEMO_TENANT_NAME, FF_DEMO_USERNAME,
                         FF_DEMO_PASSWORD, self->cancellable, demo_unlocked_cb,
                         g_object_ref (self));
}

static void
open_demo_cb (FfWindow *self)
{
  g_autoptr (GTask) task = NULL;

  g_assert (FF_IS_WINDOW (self));

  if (get_vault (self) == NULL)
    return;
  show_busy (self, _("Preparing the demo plant…"));
  task = g_task_new (self, self->cancellable, ensure_demo_cb, NULL);
  g_task_set_task_data (task, g_object_ref (get_vault (self)), g_object_unref);
  g_task_run_in_thread (task, ensure_demo_thread);
}

void
ff_window_open_demo (FfWindow *self)
{
  g_return_if_fail (FF_IS_WINDOW (self));

  /* An open tenant stays open, and a demo on its way is not started twice. */
  if (self->session != NULL || g_strcmp0 (ff_window_get_page (self), "busy") == 0)
    return;
  open_demo_cb (self);
}

/* Auto-lock --------------------------------------------------------------------------------- */

static gboolean
activity_cb (GtkEventControllerLegacy *controller,
             GdkEvent                 *event,
             FfWindow                 *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_MOTION_NOTIFY:
    case GDK_BUTTON_PRESS:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
      self->last_activity = g_get_monotonic_time ();
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static gboolean
idle_check_cb (gpointer user_data)
{
  FfWindow *self = user_data;
  guint minutes = g_settings_get_uint (ff_application_get_settings (self->application),
                                       "auto-lock-minutes");

  if (self->session != NULL && minutes > 0
      && g_get_monotonic_time () - self->last_activity >= (gint64) minutes * 60 * G_USEC_PER_SEC)
    {
      ff_window_lock (self);
      ff_window_show_toast (self, _("Locked after a period of inactivity"));
    }
  return G_SOURCE_CONTINUE;
}

/* Actions ----------------------------------------------------------------------------------- */

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ff_window_lock (FF_WINDOW (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FfWindow *self = FF_WINDOW (widget);

  if (self->workspaces != NULL)
    ff_workspaces_view_focus_search (FF_WORKSPACES_VIEW (self->workspaces));
}

static void
show_workspace_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  FfWindow *self = FF_WINDOW (widget);

  if (self->workspaces != NULL)
    ff_workspaces_view_show (FF_WORKSPACES_VIEW (self->workspaces),
                             (FfWorkspace) g_variant_get_uint32 (param));
}

static void
open_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  FfWindow *self = FF_WINDOW (widget);
  const char *kind_name, *id;
  const FfKind *kind;

  g_variant_get (param, "(&s&s)", &kind_name, &id);
  kind = ff_kind_lookup (kind_name);
  if (self->workspaces != NULL && kind != NULL)
    ff_workspaces_view_open_record (FF_WORKSPACES_VIEW (self->workspaces), kind, id);
}

static void
open_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  FfWindow *self = FF_WINDOW (widget);
  g_autoptr (GVariant) query_variant = NULL;
  g_autoptr (FfRecordQuery) query = NULL;
  const char *kind_name, *label;
  const FfKind *kind;

  g_variant_get (param, "(&s@a{ss}&s)", &kind_name, &query_variant, &label);
  kind = ff_kind_lookup (kind_name);
  query = ff_record_query_new_from_variant (query_variant);
  if (self->workspaces != NULL && kind != NULL)
    ff_workspaces_view_open_list (FF_WORKSPACES_VIEW (self->workspaces), kind, query,
                                  *label ? label : NULL);
}

static void
show_related_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  FfWindow *self = FF_WINDOW (widget);
  const char *kind_name, *field_name, *id;
  const FfKind *kind;
  const FfField *field;

  g_variant_get (param, "(&s&s&s)", &kind_name, &field_name, &id);
  kind = ff_kind_lookup (kind_name);
  field = kind ? ff_kind_get_field (kind, field_name) : NULL;
  if (self->workspaces != NULL && field != NULL && field->type == FF_FIELD_REF)
    ff_workspaces_view_show_related (FF_WORKSPACES_VIEW (self->workspaces), kind, field, id);
}

/* Life cycle -------------------------------------------------------------------------------- */

static gboolean
ff_window_close_request (GtkWindow *window)
{
  FfWindow *self = FF_WINDOW (window);
  GSettings *settings = ff_application_get_settings (self->application);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
  g_cancellable_cancel (self->cancellable);
  ff_window_lock (self);

  return GTK_WINDOW_CLASS (ff_window_parent_class)->close_request (window);
}

static void
ff_window_dispose (GObject *object)
{
  FfWindow *self = FF_WINDOW (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->session != NULL)
    ff_session_lock (self->session);
  g_clear_object (&self->session);
  forget_location (self);

  G_OBJECT_CLASS (ff_window_parent_class)->dispose (object);
}

static void
ff_window_class_init (FfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ff_window_dispose;
  window_class->close_request = ff_window_close_request;

  g_type_ensure (FF_TYPE_WELCOME_PAGE);
  g_type_ensure (FF_TYPE_CREATE_TENANT_PAGE);
  g_type_ensure (FF_TYPE_UNLOCK_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ff-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FfWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FfWindow, busy_page);
  gtk_widget_class_bind_template_child (widget_class, FfWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, FfWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, FfWindow, create_page);
  gtk_widget_class_bind_template_child (widget_class, FfWindow, unlock_page);
  gtk_widget_class_bind_template_callback (widget_class, show_create_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_start_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_demo_cb);
  gtk_widget_class_bind_template_callback (widget_class, unlocked_cb);

  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.show-workspace", "u", show_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.open-record", "(ss)", open_record_action);
  gtk_widget_class_install_action (widget_class, "win.show-related", "(sss)",
                                   show_related_action);
  gtk_widget_class_install_action (widget_class, "win.open-list", "(sa{ss}s)", open_list_action);
}

static void
ff_window_init (FfWindow *self)
{
  GtkEventController *legacy;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (activity_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), legacy);
  self->idle_source = g_timeout_add_seconds (IDLE_CHECK_SECONDS, idle_check_cb, self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-workspace", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", FALSE);
}

FfWindow *
ff_window_new (FfApplication *application)
{
  FfWindow *self;
  GSettings *settings;

  g_return_val_if_fail (FF_IS_APPLICATION (application), NULL);

  self = g_object_new (FF_TYPE_WINDOW, "application", application, NULL);
  self->application = application;
  settings = ff_application_get_settings (application);
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  ff_unlock_page_set_vault (self->unlock_page, get_vault (self), settings);
  ff_create_tenant_page_set_vault (self->create_page, get_vault (self));

  if (ff_application_get_demo (application))
    open_demo_cb (self);
  else
    show_start (self);
  return self;
}
