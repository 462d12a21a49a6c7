/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jp-i18n.h"
#include "jp-settings.h"
#include "model/print/jp-contacts-layout.h"

/* The environment a test runs in, in a process of its own: what gettext
 * reads, and the settings as a first start or a later one has them. */
typedef struct {
  const char *language;       /* LANGUAGE, LC_ALL, LC_MESSAGES, LANG */
  const char *lc_all;
  const char *lc_messages;
  const char *lang;
  const char *system;         /* what the system's language is taken for */
  const char *chosen;         /* the settings' "language", "asked-language" */
  const char *asked;
  const char *effective;      /* the interface's language then */
  gboolean    must_ask;
} Case;

static const Case cases[] = {
  { "nl", "C.UTF-8", NULL, NULL, "nl", "", "", "nl", FALSE },
  { "fr_BE:fr", "C.UTF-8", NULL, NULL, "fr", "", "", "fr", FALSE },
  { NULL, NULL, NULL, "fr_BE.UTF-8", "fr", "", "", "fr", FALSE },
  { NULL, NULL, "nl_BE.UTF-8", "de_DE.UTF-8", "nl", "", "", "nl", FALSE },
  { "de:fr", "C.UTF-8", NULL, NULL, "fr", "", "", "fr", FALSE },
  { "en_US", "C.UTF-8", NULL, "fr_BE.UTF-8", NULL, "", "", "nl", TRUE },
  { NULL, "de_DE.UTF-8", NULL, "nl_NL.UTF-8", NULL, "", "", "nl", TRUE },
  { NULL, "C", NULL, NULL, NULL, "", "", "nl", TRUE },
  { NULL, NULL, NULL, NULL, NULL, "", "", "nl", TRUE },
  /* Asked once: following the system means the answer. */
  { "en_US", "C.UTF-8", NULL, NULL, NULL, "", "fr", "fr", FALSE },
  { NULL, "C", NULL, NULL, NULL, "", "fr", "fr", FALSE },
  /* Chosen in the menu: whatever the system or the answer. */
  { "en_US", "C.UTF-8", NULL, NULL, NULL, "fr", "", "fr", FALSE },
  { "fr", "C.UTF-8", NULL, NULL, "fr", "nl", "fr", "nl", FALSE },
  /* A system in French wins over an old answer. */
  { "fr", "C.UTF-8", NULL, NULL, "fr", "", "nl", "fr", FALSE },
};

static void
set_env (const char *name,
         const char *value)
{
  if (value)
    g_setenv (name, value, TRUE);
  else
    g_unsetenv (name);
}

static void
set_up (const Case *c)
{
  g_autoptr(GSettings) settings = NULL;

  set_env ("LANGUAGE", c->language);
  set_env ("LC_ALL", c->lc_all);
  set_env ("LC_MESSAGES", c->lc_messages);
  set_env ("LANG", c->lang);
  settings = jp_settings_new ();
  g_assert_nonnull (settings);
  g_settings_set_string (settings, "language", c->chosen);
  g_settings_set_string (settings, "asked-language", c->asked);
  jp_i18n_init ();
}

static void
test_resolution (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GSettings) settings = NULL;
  const char *expected;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  set_up (c);
  settings = jp_settings_new ();
  g_assert_cmpstr (jp_i18n_get_system_language (), ==, c->system);
  g_assert_cmpint (jp_i18n_must_ask (settings), ==, c->must_ask);
  g_assert_cmpstr (jp_i18n_resolve (c->chosen, c->asked), ==, c->must_ask ? NULL : c->effective);

  /* As the command line does: never asks, never English. */
  jp_i18n_apply_saved_language ();
  g_assert_cmpstr (jp_i18n_get_language (), ==, c->effective);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, c->effective);
  g_assert_cmpint (jp_i18n_get_plan_language (), ==, strcmp (c->effective, "fr") == 0 ? JP_LANG_FR : JP_LANG_NL);
  expected = strcmp (c->effective, "fr") == 0 ? "Contacts du Secrétariat général Benelux"
                                               : "Contacten Benelux Secretariaat-Generaal";
  g_assert_cmpstr (_("Contacts Benelux Secretariat-General"), ==, expected);
}

/* The translation of @msgid in @context, or NULL when the catalogue does
 * not have it yet. */
static const char *
translated (const char *context,
            const char *msgid)
{
  const char *text = context ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid) : g_dgettext (GETTEXT_PACKAGE, msgid);

  return text == msgid ? NULL : text;
}

static void
check_date (const char *iso,
            const char *expected)
{
  g_autofree char *text = jp_contacts_format_date (iso);

  g_assert_cmpstr (text, ==, expected);
}

/* "1er mars 2013" in French, "1 maart 2013" in Dutch; other days as
 * they were. */
static void
test_dates (gconstpointer data)
{
  const char *language = data;
  gboolean french = strcmp (language, "fr") == 0;
  Case c = { language, "C.UTF-8", NULL, NULL, language, "", "", language, FALSE };

  if (!g_test_subprocess ())
    {
      g_autofree char *po = g_test_build_filename (G_TEST_DIST, "..", "po", french ? "fr.po" : "nl.po", NULL);
      g_autofree char *contents = NULL;

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      g_assert_true (g_file_get_contents (po, &contents, NULL, NULL));
      if (!strstr (contents, "msgctxt \"the first day of a month\""))
        g_test_skip ("the translations have no “the first day of a month” yet");
      return;
    }

  set_up (&c);
  check_date ("2024-12-31", french ? "31 décembre 2024" : "31 december 2024");
  check_date ("2013-02-28", french ? "28 février 2013" : "28 februari 2013");
  check_date ("2013-03-02", french ? "2 mars 2013" : "2 maart 2013");
  if (!translated ("the first day of a month", "1 %1$s %2$u"))
    return;
  check_date ("2013-03-01", french ? "1er mars 2013" : "1 maart 2013");
  check_date ("2014-01-01", french ? "1er janvier 2014" : "1 januari 2014");
}

/* The stored end is exclusive; people read and type the last valid day. */
static void
test_last_day (void)
{
  struct { const char *until; const char *last_day; } days[] = {
    { "2013-03-01", "2013-02-28" },
    { "2012-03-01", "2012-02-29" },
    { "2014-01-01", "2013-12-31" },
    { "2013-07-01", "2013-06-30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *last_day = jp_contacts_until_to_last_day (days[i].until);
      g_autofree char *until = jp_contacts_last_day_to_until (days[i].last_day);

      g_assert_cmpstr (last_day, ==, days[i].last_day);
      g_assert_cmpstr (until, ==, days[i].until);
    }
  g_assert_null (jp_contacts_until_to_last_day ("2013-02-30"));
  g_assert_null (jp_contacts_until_to_last_day (NULL));
  g_assert_null (jp_contacts_last_day_to_until ("28 februari"));
  g_assert_null (jp_contacts_last_day_to_until (""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/i18n/resolution/%u", i);
      g_test_add_data_func (path, &cases[i], test_resolution);
    }
  g_test_add_data_func ("/i18n/dates/nl", "nl", test_dates);
  g_test_add_data_func ("/i18n/dates/fr", "fr", test_dates);
  g_test_add_func ("/i18n/last-day", test_last_day);

  return g_test_run ();
}
