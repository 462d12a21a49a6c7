/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"
#include "jp-test-window.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jp-i18n.h"
#include "ui/window/jp-language-chooser.h"

/* Run with LANGUAGE=en_US and LC_ALL=C.UTF-8: a system that speaks
 * neither Dutch nor French. */

typedef struct {
  char          *dir;
  char          *path;
  JpApplication *app;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* Never asked yet. */
  g_settings_reset (settings, "asked-language");
  f->dir = g_dir_make_tmp ("jaarplan-first-start-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plan.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (f->app)
    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (f->app)); l; l = gtk_application_get_windows (GTK_APPLICATION (f->app)))
      gtk_window_destroy (l->data);
  jp_test_iterate ();
  g_clear_object (&f->app);
  g_settings_reset (settings, "language");
  g_settings_reset (settings, "asked-language");
  jp_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Registers and activates a new application on f->path. */
static void
start (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->app);
  f->app = jp_application_new (f->path);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (f->app));
  jp_test_iterate ();
}

static JpLanguageChooser *
find_chooser (Fixture *f)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (f->app)); l; l = l->next)
    if (JP_IS_LANGUAGE_CHOOSER (l->data))
      return l->data;
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found)
        return found;
    }
  return NULL;
}

/* The chooser comes first, alone, in both languages; Français gives the
 * French window and is remembered. */
static void
test_asks_first (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *asked = NULL;
  g_autofree char *chosen = NULL;
  JpLanguageChooser *chooser;
  GtkWidget *french;
  JpWindow *window;

  g_assert_null (jp_i18n_get_system_language ());
  start (f);
  chooser = find_chooser (f);
  g_assert_nonnull (chooser);
  g_assert_null (jp_test_window_find (f->app));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chooser)));
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (chooser), "Kies uw taal"));
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (chooser), "Choisissez votre langue"));
  g_assert_nonnull (find_button (GTK_WIDGET (chooser), "Nederlands"));
  french = find_button (GTK_WIDGET (chooser), "Français");
  g_assert_nonnull (french);
  /* The keyboard starts on a choice. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (chooser)) == find_button (GTK_WIDGET (chooser), "Nederlands"));

  /* A button activated by the keyboard shows itself pressed a moment. */
  gtk_widget_activate (french);
  while ((window = jp_test_window_find (f->app)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  jp_test_iterate ();
  g_assert_null (find_chooser (f));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "Plan annuel"));
  g_assert_cmpint (jp_i18n_get_plan_language (), ==, JP_LANG_FR);
  g_assert_cmpint (jp_window_get_edit_language (window), ==, JP_LANG_FR);
  g_assert_cmpstr (jp_i18n_get_language (), ==, "fr");

  /* Remembered as what following the system means here. */
  asked = g_settings_get_string (settings, "asked-language");
  chosen = g_settings_get_string (settings, "language");
  g_assert_cmpstr (asked, ==, "fr");
  g_assert_cmpstr (chosen, ==, "");

  /* The next start does not ask again. */
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_iterate ();
  jp_i18n_set_language ("", "");
  start (f);
  g_assert_null (find_chooser (f));
  window = jp_test_window_find (f->app);
  g_assert_nonnull (window);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "Plan annuel"));
}

/* Escape closes the question and, with no window left, the application:
 * nothing is chosen, nothing is remembered. */
static void
test_escape (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *asked = NULL;
  JpLanguageChooser *chooser;

  start (f);
  chooser = find_chooser (f);
  g_assert_nonnull (chooser);
  gtk_widget_activate_action (GTK_WIDGET (chooser), "window.close", NULL);
  jp_test_iterate ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (f->app)));
  asked = g_settings_get_string (settings, "asked-language");
  g_assert_cmpstr (asked, ==, "");
}

/* Chosen in the menu: no question, whatever the system speaks; and the
 * menu's "System" keeps the language shown. */
static void
test_menu_choice (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *asked = NULL;
  JpWindow *window;

  g_settings_set_string (settings, "language", "nl");
  start (f);
  g_assert_null (find_chooser (f));
  window = jp_test_window_find (f->app);
  g_assert_nonnull (window);
  g_assert_cmpstr (jp_i18n_get_language (), ==, "nl");

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "language", g_variant_new_string (""));
  jp_test_iterate ();
  asked = g_settings_get_string (settings, "asked-language");
  g_assert_cmpstr (asked, ==, "nl");
  g_assert_cmpstr (jp_i18n_get_language (), ==, "nl");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (jp_test_window_find (f->app))), "Jaarplan"));
}

int
main (int   argc,
      char *argv[])
{
  jp_i18n_init ();
  jp_test_window_init (&argc, &argv);

  g_test_add ("/first-start/asks-first", Fixture, NULL, fixture_set_up, test_asks_first, fixture_tear_down);
  g_test_add ("/first-start/escape", Fixture, NULL, fixture_set_up, test_escape, fixture_tear_down);
  g_test_add ("/first-start/menu-choice", Fixture, NULL, fixture_set_up, test_menu_choice, fixture_tear_down);

  return g_test_run ();
}
