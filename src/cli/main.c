/* main.c — entry point of foodflow-cli. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ff-cli.h"

int
main (int   argc,
      char *argv[])
{
  return ff_cli_run (argc, argv);
}
