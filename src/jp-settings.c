/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-settings"

#include "config.h"

#include "jp-settings.h"

static GSettingsSchema *
lookup_schema (void)
{
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build_tree = NULL;
  GSettingsSchema *schema = NULL;

  if (installed)
    schema = g_settings_schema_source_lookup (installed, APP_ID, TRUE);
  if (schema)
    return schema;

  /* Run from the build tree, before any installation. */
  build_tree = g_settings_schema_source_new_from_directory (BUILD_SCHEMADIR, installed, FALSE, NULL);
  if (build_tree)
    schema = g_settings_schema_source_lookup (build_tree, APP_ID, FALSE);
  return schema;
}

GSettings *
jp_settings_new (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();

  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}
