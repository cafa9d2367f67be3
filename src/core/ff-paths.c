/* ff-paths.c — where FoodFlow keeps its files. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ff-paths.h"

char *
ff_paths_get_data_dir (const char *override)
{
  const char *env;

  if (override != NULL && *override != '\0')
    return g_canonicalize_filename (override, NULL);
  env = g_getenv ("FOODFLOW_DATA_DIR");
  if (env != NULL && *env != '\0')
    return g_canonicalize_filename (env, NULL);
  return g_build_filename (g_get_user_data_dir (), "foodflow", NULL);
}
