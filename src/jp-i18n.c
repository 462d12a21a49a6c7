/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-i18n"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "jp-i18n.h"
#include "jp-settings.h"

/* The language the system asked for, before any switch. */
static char *system_language;

void
jp_i18n_init (void)
{
  const char *localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  /* Set by `meson devenv` to the build folder's translations. */
  if (g_getenv ("JAARPLAN_LOCALEDIR"))
    localedir = g_getenv ("JAARPLAN_LOCALEDIR");

  /* The default text domain is left alone: GLib's g_dgettext() and
   * GtkBuilder use the domain given to them, and must not see
   * translations switched off. */
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_free (system_language);
  system_language = g_strdup (g_getenv ("LANGUAGE"));
}

void
jp_i18n_set_language (const char *language)
{
  if (language && *language)
    g_setenv ("LANGUAGE", language, TRUE);
  else if (system_language)
    g_setenv ("LANGUAGE", system_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  /* Re-reading the locale drops gettext's cached translations. */
  setlocale (LC_ALL, "");
}

void
jp_i18n_apply_saved_language (void)
{
  g_autoptr(GSettings) settings = jp_settings_new ();
  g_autofree char *language = NULL;

  /* Without the schema: the system's language. */
  if (settings == NULL)
    return;
  language = g_settings_get_string (settings, "language");
  if (*language)
    jp_i18n_set_language (language);
}

JpLang
jp_i18n_get_plan_language (void)
{
  /* Translators: the language of the plan's texts to show first: "nl" or
   * "fr".  Translate as "fr" in French and "nl" in Dutch. */
  const char *lang = C_("plan-language", "nl");

  return strcmp (lang, "fr") == 0 ? JP_LANG_FR : JP_LANG_NL;
}
