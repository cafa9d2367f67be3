/* main.c — entry point of foodflow-cli. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include <sys/stat.h>

#include "ff-cli.h"

int
main (int   argc,
      char *argv[])
{
  /* Whatever FoodFlow writes (databases, exports) is for the user alone. */
  umask (077);
  return ff_cli_run (argc, argv);
}
