/* ff-preferences-window.c — settings kept in GSettings. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include "ff-preferences-window.h"

struct _FfPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  GtkSpinButton        *auto_lock_spin;

  /* owned */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (FfPreferencesWindow, ff_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
ff_preferences_window_dispose (GObject *object)
{
  FfPreferencesWindow *self = FF_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ff_preferences_window_parent_class)->dispose (object);
}

static void
ff_preferences_window_class_init (FfPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ff_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ff-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FfPreferencesWindow, auto_lock_spin);
}

static void
ff_preferences_window_init (FfPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

FfPreferencesWindow *
ff_preferences_window_new (GSettings *settings)
{
  FfPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (FF_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "auto-lock-minutes", self->auto_lock_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  return self;
}
