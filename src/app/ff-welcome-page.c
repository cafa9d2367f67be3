/* ff-welcome-page.c — first run: create a tenant or open the demo. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include "ff-application.h"
#include "ff-welcome-page.h"

struct _FfWelcomePage
{
  AdwBin         parent_instance;

  /* template widgets */
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (FfWelcomePage, ff_welcome_page, ADW_TYPE_BIN)

enum {
  SIGNAL_CREATE_REQUESTED,
  SIGNAL_DEMO_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
create_clicked_cb (FfWelcomePage *self)
{
  g_signal_emit (self, signals[SIGNAL_CREATE_REQUESTED], 0);
}

static void
demo_clicked_cb (FfWelcomePage *self)
{
  g_signal_emit (self, signals[SIGNAL_DEMO_REQUESTED], 0);
}

static void
ff_welcome_page_class_init (FfWelcomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[SIGNAL_CREATE_REQUESTED] =
    g_signal_new ("create-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_DEMO_REQUESTED] =
    g_signal_new ("demo-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ff-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FfWelcomePage, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, demo_clicked_cb);
}

static void
ff_welcome_page_init (FfWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_menu_model (self->menu_button, ff_application_get_primary_menu ());
}
