/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-settings"

#include "config.h"

#include "jp-settings.h"

/* The installed schema, or the build folder's: `meson devenv` points
 * GSETTINGS_SCHEMA_DIR there. */
static GSettingsSchema *
lookup_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  return source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
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
