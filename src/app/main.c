/* main.c — entry point of the FoodFlow desktop application. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sys/stat.h>

#include "ff-application.h"
#include "ff-log.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (FfApplication) app = NULL;

  /* Whatever FoodFlow writes (databases, exports) is for the user alone. */
  umask (077);
  setlocale (LC_ALL, "");
  /* FOODFLOW_LOCALE_DIR: translations of a build that is not installed (tests, screenshots). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FOODFLOW_LOCALE_DIR") ? g_getenv ("FOODFLOW_LOCALE_DIR")
                                                                   : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  ff_log_init ();

  app = ff_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
