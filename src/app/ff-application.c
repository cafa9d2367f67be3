/* ff-application.c — the FoodFlow AdwApplication: one instance, options, app-wide actions, the
 * vault. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ff-application.h"
#include "ff-paths.h"
#include "ff-preferences-window.h"
#include "ff-settings.h"
#include "ff-window.h"

struct _FfApplication
{
  AdwApplication  parent_instance;

  /* owned */
  FfVault        *vault;
  GSettings      *settings;
  char           *data_dir;
  gboolean        demo;
};

G_DEFINE_FINAL_TYPE (FfApplication, ff_application, ADW_TYPE_APPLICATION)

/* Unique: a second launch hands its command line to the running instance, which raises its
 * window, so no tenant is ever open in two processes. */
FfApplication *
ff_application_new (void)
{
  return g_object_new (FF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

FfVault *
ff_application_get_vault (FfApplication *self)
{
  g_return_val_if_fail (FF_IS_APPLICATION (self), NULL);
  return self->vault;
}

GSettings *
ff_application_get_settings (FfApplication *self)
{
  g_return_val_if_fail (FF_IS_APPLICATION (self), NULL);
  return self->settings;
}

gboolean
ff_application_get_demo (FfApplication *self)
{
  g_return_val_if_fail (FF_IS_APPLICATION (self), FALSE);
  return self->demo;
}

GMenuModel *
ff_application_get_primary_menu (void)
{
  GApplication *app = g_application_get_default ();

  if (!GTK_IS_APPLICATION (app))
    return NULL;
  return G_MENU_MODEL (gtk_application_get_menu_by_id (GTK_APPLICATION (app), "primary_menu"));
}

static int
ff_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  FfApplication *self = FF_APPLICATION (app);
  const char *data_dir = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("foodflow %s\n", PACKAGE_VERSION);
      return 0;
    }
  g_variant_dict_lookup (options, "data-dir", "&s", &data_dir);
  self->data_dir = ff_paths_get_data_dir (data_dir);
  self->demo = g_variant_dict_contains (options, "demo");
  /* Resolved here, with this process's directory and environment, the data directory goes to
   * the running instance with the rest of the options. */
  g_variant_dict_insert (options, "data-dir", "s", self->data_dir);
  return -1;
}

static int
ff_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  FfApplication *self = FF_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *data_dir = NULL;
  GtkWindow *window;

  if (!g_application_command_line_get_is_remote (command_line))
    {
      g_application_activate (app);
      return 0;
    }

  /* A second launch: the window there is raised instead. */
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (ff_window_new (self));
  gtk_window_present (window);
  g_variant_dict_lookup (options, "data-dir", "&s", &data_dir);
  if (data_dir != NULL && g_strcmp0 (data_dir, self->data_dir) != 0)
    {
      g_application_command_line_printerr (
        command_line,
        /* Translators: a second launch asked for another data directory (--data-dir) than the
         * FoodFlow already running uses; the first %s is the one in use, the second the one
         * asked for. */
        _("FoodFlow is already running with the data directory %s; quit it to use %s\n"),
        self->data_dir, data_dir);
      return 1;
    }
  if (g_variant_dict_contains (options, "demo") && FF_IS_WINDOW (window))
    ff_window_open_demo (FF_WINDOW (window));
  return 0;
}

static void
ff_application_startup (GApplication *app)
{
  FfApplication *self = FF_APPLICATION (app);
  g_autoptr (GError) error = NULL;
  static const char *const quit_accels[] = { "<Control>q", NULL };
  static const char *const lock_accels[] = { "<Control>l", NULL };
  static const char *const prefs_accels[] = { "<Control>comma", NULL };
  static const char *const find_accels[] = { "<Control>f", NULL };

  G_APPLICATION_CLASS (ff_application_parent_class)->startup (app);

  self->settings = ff_settings_new ();
  if (self->settings == NULL)
    g_error ("The org.foodflow.FoodFlow settings schema is not installed");
  if (self->data_dir == NULL)
    self->data_dir = ff_paths_get_data_dir (NULL);
  self->vault = ff_vault_open (self->data_dir, &error);
  if (self->vault == NULL)
    g_critical ("Could not open the data directory: %s", error->message);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.lock", lock_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.find", find_accels);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *action = g_strdup_printf ("win.show-workspace(uint32 %u)", i);
      g_autofree char *accel = g_strdup_printf ("<Control>%u", i + 1);
      const char *accels[] = { accel, NULL };
      gtk_application_set_accels_for_action (GTK_APPLICATION (app), action, accels);
    }
}

static void
ff_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (ff_window_new (FF_APPLICATION (app)));
  gtk_window_present (window);
}

static void
ff_application_dispose (GObject *object)
{
  FfApplication *self = FF_APPLICATION (object);

  g_clear_object (&self->vault);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (ff_application_parent_class)->dispose (object);
}

static void
ff_application_class_init (FfApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ff_application_dispose;
  app_class->handle_local_options = ff_application_handle_local_options;
  app_class->startup = ff_application_startup;
  app_class->activate = ff_application_activate;
  app_class->command_line = ff_application_command_line;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Closing windows lets each one save its state and wipe its key. */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_close (windows->data);
      windows = next;
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  static const char *developers[] = { "The FoodFlow developers", NULL };
  GtkApplication *app = user_data;

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("FoodFlow"),
                         "application-icon", APP_ID,
                         "developer-name", _("The FoodFlow developers"),
                         "version", PACKAGE_VERSION,
                         "website", "https://foodflow.example.org",
                         "issue-url", "https://foodflow.example.org/issues",
                         "comments", _("Plant operations, food safety and quality, planning, "
                                       "brand and retail analytics for food manufacturers — "
                                       "offline first and encrypted."),
                         "developers", developers,
                         "copyright", "© 2026 The FoodFlow developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  FfApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  FfPreferencesWindow *prefs = ff_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

static void
ff_application_init (FfApplication *self)
{
  static const GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Keep tenants in DIR instead of the default data directory"), N_("DIR") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the demo tenant (made first if missing) as the demo user"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
}
