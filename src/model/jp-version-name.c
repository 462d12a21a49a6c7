/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-i18n.h"
#include "model/jp-version-name.h"

char *
jp_version_name (JpDatabase      *db,
                 const JpVersion *version,
                 JpLang           lang)
{
  g_autofree char *scope = NULL;

  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (version != NULL, NULL);

  /* A chapter or section by its number, else the file's name. */
  if (version->kind != JP_VERSION_SAVED && version->scope != NULL)
    {
      g_autoptr(JpItem) item = jp_database_lookup_uid (db, version->scope);
      const char *number = item ? jp_item_get_field (item, JP_FIELD_NUMBER) : NULL;

      scope = g_strdup (number ? number : version->scope);
    }
  if (scope == NULL)
    /* Translators: a version's name as given, in quotes. */
    scope = g_strdup_printf (jp_i18n_translate (lang, NULL, N_("“%s”")), version->name ? version->name : "");
  switch (version->kind)
    {
    case JP_VERSION_EXPORT:
      /* Translators: a version of the plan noted at an export: "Export of 5.7". */
      return g_strdup_printf (jp_i18n_translate (lang, NULL, N_("Export of %s")), scope);
    case JP_VERSION_IMPORT:
      /* Translators: a version of the plan noted at an import: "Import of 5.7". */
      return g_strdup_printf (jp_i18n_translate (lang, NULL, N_("Import of %s")), scope);
    case JP_VERSION_SAVED:
    default:
      return g_steal_pointer (&scope);
    }
}
