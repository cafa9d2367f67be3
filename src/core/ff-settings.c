/* ff-settings.c — FoodFlow's GSettings, also when run from the build tree. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include "ff-settings.h"

GSettings *
ff_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettingsSchemaSource) build_source = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      build_source = g_settings_schema_source_new_from_directory (SCHEMAS_BUILD_DIR, source, FALSE,
                                                                  NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, APP_ID, FALSE);
    }
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}
