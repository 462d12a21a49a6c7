/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-i18n"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "jp-i18n.h"
#include "jp-settings.h"

/* The system's language, "nl", "fr" or NULL, read before any switch. */
static const char *system_language;
/* The language the messages are in: "nl" or "fr". */
static const char *current_language = "nl";

/* "nl" or "fr" when @locale ("fr_BE.UTF-8", "nl", "de_DE@euro") names
 * Dutch or French, else NULL. */
static const char *
language_of (const char *locale)
{
  static const char * const known[] = { "nl", "fr" };
  gsize length = strcspn (locale, "_.@-");

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (length == 2 && strncmp (locale, known[i], 2) == 0)
      return known[i];
  return NULL;
}

/* As gettext reads it: the list in LANGUAGE, whose first language with
 * a translation wins; else the first set of LC_ALL, LC_MESSAGES, LANG. */
static const char *
read_system_language (void)
{
  const char *names[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
  const char *list = g_getenv ("LANGUAGE");

  if (list && *list)
    {
      g_auto(GStrv) languages = g_strsplit (list, ":", -1);

      for (guint i = 0; languages[i]; i++)
        if (language_of (languages[i]))
          return language_of (languages[i]);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *value = g_getenv (names[i]);

      if (value && *value)
        return language_of (value);
    }
  return NULL;
}

/* Reads the locale from the environment again, which also drops
 * gettext's cached translations.  gettext ignores LANGUAGE in the "C"
 * locale: the messages then take the C locale that speaks UTF-8. */
static void
reload_locale (void)
{
  const char *messages;

  setlocale (LC_ALL, "");
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
    setlocale (LC_MESSAGES, "C.UTF-8");
}

/* The catalogues read by jp_i18n_translate(): msgid (with its context
 * before a \004) → translation, one table per language, kept to the end. */
static GHashTable *catalogues[JP_N_LANGS];
G_LOCK_DEFINE_STATIC (catalogues);

void
jp_i18n_init (void)
{
  const char *localedir = LOCALEDIR;

  system_language = read_system_language ();
  /* Set by `meson devenv` to the build folder's translations. */
  if (g_getenv ("JAARPLAN_LOCALEDIR"))
    localedir = g_getenv ("JAARPLAN_LOCALEDIR");

  /* The default text domain is left alone: GLib's g_dgettext() and
   * GtkBuilder use the domain given to them, and must not see
   * translations switched off. */
  bindtextdomain (GETTEXT_PACKAGE, localedir);

  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* Until the settings are read: the system's language, or Dutch. */
  jp_i18n_set_language (NULL, NULL);
}

const char *
jp_i18n_get_system_language (void)
{
  return system_language;
}

const char *
jp_i18n_resolve (const char *chosen,
                 const char *asked)
{
  if (chosen && language_of (chosen) && strlen (chosen) == 2)
    return language_of (chosen);
  if (system_language)
    return system_language;
  if (asked && language_of (asked) && strlen (asked) == 2)
    return language_of (asked);
  return NULL;
}

gboolean
jp_i18n_must_ask (GSettings *settings)
{
  g_autofree char *chosen = NULL;
  g_autofree char *asked = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  chosen = g_settings_get_string (settings, "language");
  asked = g_settings_get_string (settings, "asked-language");
  return jp_i18n_resolve (chosen, asked) == NULL;
}

void
jp_i18n_set_language (const char *chosen,
                      const char *asked)
{
  const char *language = jp_i18n_resolve (chosen, asked);

  /* Never the sources' English: Dutch when nothing settles it. */
  current_language = language ? language : "nl";
  g_setenv ("LANGUAGE", current_language, TRUE);
  reload_locale ();
}

void
jp_i18n_apply_settings (GSettings *settings)
{
  g_autofree char *chosen = NULL;
  g_autofree char *asked = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));

  chosen = g_settings_get_string (settings, "language");
  asked = g_settings_get_string (settings, "asked-language");
  jp_i18n_set_language (chosen, asked);
}

void
jp_i18n_apply_saved_language (void)
{
  g_autoptr(GSettings) settings = jp_settings_new ();

  /* Without the schema: the system's language, or Dutch. */
  if (settings == NULL)
    jp_i18n_set_language (NULL, NULL);
  else
    jp_i18n_apply_settings (settings);
}

const char *
jp_i18n_get_language (void)
{
  return current_language;
}

JpLang
jp_i18n_get_plan_language (void)
{
  /* Translators: the language of the plan's texts to show first: "nl" or
   * "fr".  Translate as "fr" in French and "nl" in Dutch. */
  const char *lang = C_("plan-language", "nl");

  return strcmp (lang, "fr") == 0 ? JP_LANG_FR : JP_LANG_NL;
}

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* A compiled catalogue (.mo): a magic number, the number of strings and
 * two tables of (length, offset), originals and translations. */
static GHashTable *
read_catalogue (JpLang lang)
{
  const char *localedir = g_getenv ("JAARPLAN_LOCALEDIR") ? g_getenv ("JAARPLAN_LOCALEDIR") : LOCALEDIR;
  g_autofree char *path = g_build_filename (localedir, jp_lang_to_string (lang), "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree guint8 *data = NULL;
  gsize size = 0;
  guint32 n, originals, translations;
  gboolean swapped;

  if (!g_file_get_contents (path, (char **) &data, &size, NULL) || size < 20)
    return table;
  if (read_u32 (data, 0, FALSE) == 0x950412de)
    swapped = FALSE;
  else if (read_u32 (data, 0, TRUE) == 0x950412de)
    swapped = TRUE;
  else
    return table;
  n = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);
  if (originals > size || translations > size ||
      n > (size - MAX (originals, translations)) / 8)
    return table;
  for (guint32 i = 0; i < n; i++)
    {
      guint32 o_len = read_u32 (data, originals + 8 * i, swapped);
      guint32 o_off = read_u32 (data, originals + 8 * i + 4, swapped);
      guint32 t_len = read_u32 (data, translations + 8 * i, swapped);
      guint32 t_off = read_u32 (data, translations + 8 * i + 4, swapped);

      if (o_off > size || o_len >= size - o_off || t_off > size || t_len >= size - t_off || o_len == 0)
        continue;
      /* A plural's forms follow each other, NUL-separated: the first
       * (singular) is kept. */
      g_hash_table_insert (table, g_strndup ((const char *) data + o_off, o_len),
                           g_strdup ((const char *) data + t_off));
    }
  return table;
}

const char *
jp_i18n_translate (JpLang      lang,
                   const char *context,
                   const char *msgid)
{
  g_autofree char *key = NULL;
  const char *translation;

  g_return_val_if_fail (lang <= JP_N_LANGS, msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (lang == JP_N_LANGS)
    return context ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid) : g_dgettext (GETTEXT_PACKAGE, msgid);

  key = context ? g_strconcat (context, "\004", msgid, NULL) : NULL;
  G_LOCK (catalogues);
  if (catalogues[lang] == NULL)
    catalogues[lang] = read_catalogue (lang);
  translation = g_hash_table_lookup (catalogues[lang], key ? key : msgid);
  G_UNLOCK (catalogues);
  return translation && *translation ? translation : msgid;
}
