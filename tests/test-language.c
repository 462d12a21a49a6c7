/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"
#include "jp-test-window.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jp-application.h"
#include "ui/contacts/jp-contacts-page.h"
#include "jp-i18n.h"
#include "ui/panes/jp-pane.h"
#include "ui/panes/jp-section-pane.h"
#include "ui/sidebar/jp-sidebar.h"
#include "ui/window/jp-window.h"
#include "model/jp-translations.h"
#include "model/exchange/jp-xml.h"

/* The words the interface must show in each language. */
typedef struct {
  const char *code;
  JpLang      plan_language;
  const char *title;           /* the window's */
  const char *menu_import;     /* primary menu items */
  const char *menu_language;
  const char *menu_contacts;
  const char *areas_button;    /* the sidebar's toggle */
  const char *ongoing;         /* section pane group titles */
  const char *groups;
  const char *number_row;
  const char *translated;      /* a piece of the translation status */
  const char *gtk_cancel;      /* GTK's own domain */
} Words;

static const Words dutch = {
  "nl", JP_LANG_NL, "Jaarplan", "_Importeren…", "_Taal", "_Contacten", "_Beleidsterreinen",
  "Voortgangsprojecten", "Werkgroepen en commissies", "Nummer", "teksten vertaald", "_Annuleren",
};

static const Words french = {
  "fr", JP_LANG_FR, "Plan annuel", "_Importer…", "_Langue", "C_ontacts", "_Domaines d’action",
  "Projets en cours", "Groupes de travail et commissions", "Numéro", "Textes traduits\u00a0: ", "A_nnuler",
};

typedef struct {
  char          *dir;
  char          *path;
  JpApplication *app;
  JpDatabase    *db;
} Fixture;

static JpWindow *
get_window (Fixture *f)
{
  return jp_test_window_find (f->app);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "language");
  g_settings_reset (settings, "tree-view");
  g_settings_reset (settings, "last-item");
  g_settings_reset (settings, "show-untranslated-only");
  f->dir = g_dir_make_tmp ("jaarplan-language-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plan.db", NULL);

  f->app = jp_application_new (f->path);
  f->db = jp_window_get_database (jp_test_window_start (f->app));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  JpWindow *window = get_window (f);

  if (window)
    gtk_window_destroy (GTK_WINDOW (window));
  jp_test_iterate ();
  g_clear_object (&f->app);
  /* The next test starts in the language of the environment again. */
  g_settings_reset (settings, "language");
  jp_i18n_set_language ("", "");
  jp_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* ------------------------------------------------------------ finding */

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *widget,
             Match          match,
             gconstpointer  data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* The title a toggle button, a preferences group or a row shows. */
static const char *
title_of (GtkWidget *widget)
{
  if (GTK_IS_TOGGLE_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (ADW_IS_PREFERENCES_GROUP (widget))
    return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  return NULL;
}

typedef struct {
  GType       type;
  const char *title;
} Titled;

static gboolean
is_titled (GtkWidget     *widget,
           gconstpointer  data)
{
  const Titled *titled = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, titled->type) && g_strcmp0 (title_of (widget), titled->title) == 0;
}

/* The first widget of @type inside @widget whose title is @title. */
static GtkWidget *
find_titled (GtkWidget  *widget,
             GType       type,
             const char *title)
{
  Titled titled = { type, title };

  return find_widget (widget, is_titled, &titled);
}

static gboolean
is_subtitle_containing (GtkWidget     *widget,
                        gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) != NULL &&
         strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), data) != NULL;
}

static void
collect_labels (GMenuModel *model,
                GPtrArray  *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuLinkIter) links = NULL;
      char *label = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_ptr_array_add (labels, label);
      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);
          collect_labels (link, labels);
        }
    }
}

static gboolean
menu_has (JpWindow   *window,
          const char *label)
{
  GtkWidget *button = find_widget (GTK_WIDGET (window), is_primary_menu_button, NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (button);
  collect_labels (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), labels);
  g_assert_cmpuint (labels->len, >, 8);
  return g_ptr_array_find_with_equal_func (labels, label, g_str_equal, NULL);
}

/* Everything the user reads in @window is in the language of @words. */
static void
assert_language (JpWindow    *window,
                 const Words *words)
{
  JpDatabase *db = jp_window_get_database (window);
  GtkWidget *pane = jp_window_get_pane (window);
  GtkWidget *row;

  /* The plan's year and file follow the application's name. */
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), words->title));
  g_assert_true (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (window)), " 2013 — plan.db"));
  g_assert_true (menu_has (window, words->menu_import));
  g_assert_true (menu_has (window, words->menu_language));
  g_assert_true (menu_has (window, words->menu_contacts));
  /* The languages' own names stay as they are. */
  g_assert_true (menu_has (window, "_Nederlands"));
  g_assert_true (menu_has (window, "_Français"));
  g_assert_nonnull (find_titled (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, words->areas_button));

  g_assert_true (JP_IS_SECTION_PANE (pane));
  g_assert_nonnull (find_titled (pane, ADW_TYPE_PREFERENCES_GROUP, words->ongoing));
  g_assert_nonnull (find_titled (pane, ADW_TYPE_PREFERENCES_GROUP, words->groups));
  g_assert_nonnull (find_titled (pane, ADW_TYPE_PREFERENCES_ROW, words->number_row));
  row = find_widget (pane, is_subtitle_containing, words->translated);
  g_assert_nonnull (row);

  g_assert_cmpstr (g_dgettext ("gtk40", "_Cancel"), ==, words->gtk_cancel);
  g_assert_cmpint (jp_i18n_get_plan_language (), ==, words->plan_language);
  g_assert_cmpint (jp_database_get_language (db), ==, words->plan_language);
  g_assert_cmpint (jp_window_get_edit_language (window), ==, words->plan_language);
  g_assert_cmpint (jp_pane_get_language (JP_PANE (pane)), ==, words->plan_language);
}

static const Words *
environment_words (void)
{
  const char *language = g_getenv ("LANGUAGE");

  if (g_strcmp0 (language, "fr") == 0)
    return &french;
  g_assert_cmpstr (language, ==, "nl");
  return &dutch;
}

/* -------------------------------------------------------------- tests */

static void
test_environment (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");

  jp_window_open_item (get_window (f), section);
  assert_language (get_window (f), environment_words ());
}

static void
switch_to (Fixture     *f,
           const Words *words)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *stored = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "language", g_variant_new_string (words->code));
  jp_test_iterate ();
  stored = g_settings_get_string (settings, "language");
  g_assert_cmpstr (stored, ==, words->code);
}

static void
test_switch_live (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  const Words *order[] = { &dutch, &french, &dutch, &french };
  JpWindow *window = get_window (f);

  jp_window_open_item (window, section);
  jp_sidebar_set_search_mode (jp_window_get_sidebar (window), TRUE);
  jp_sidebar_set_search_text (jp_window_get_sidebar (window), "fraude");
  jp_test_iterate ();

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_test_message ("Switching to %s", order[i]->code);
      switch_to (f, order[i]);
      window = get_window (f);
      g_assert_nonnull (window);
      /* One window, built anew, in the same state. */
      g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (f->app))), ==, 1);
      g_assert_true (jp_window_get_item (window) == section);
      g_assert_true (jp_sidebar_get_selected_item (jp_window_get_sidebar (window)) == section);
      g_assert_true (jp_sidebar_get_search_mode (jp_window_get_sidebar (window)));
      g_assert_cmpstr (jp_sidebar_get_search_text (jp_window_get_sidebar (window)), ==, "fraude");
      assert_language (window, order[i]);
    }
}

static void
test_switch_contacts (Fixture       *f,
                      gconstpointer  data)
{
  JpWindow *window = get_window (f);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-contacts", NULL);
  g_assert_true (JP_IS_CONTACTS_PAGE (jp_window_get_pane (window)));
  switch_to (f, &french);
  window = get_window (f);
  g_assert_true (JP_IS_CONTACTS_PAGE (jp_window_get_pane (window)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "Plan annuel 2013"));
}

static void
on_language_setting (GSettings  *settings,
                     const char *key,
                     char      **language)
{
  g_free (*language);
  *language = g_strdup (g_getenv ("LANGUAGE"));
}

/* An import's worker thread may look up translations: the interface
 * language (setenv, setlocale) changes only once the import is done. */
static void
test_switch_waits_for_import (Fixture       *f,
                              gconstpointer  data)
{
  GSettings *settings = jp_application_get_settings (f->app);
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autofree char *xml = g_build_filename (f->dir, "section.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (xml);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *during = NULL;
  const Words *other = g_strcmp0 (before, "fr") == 0 ? &dutch : &french;
  JpWindow *window = get_window (f);

  g_assert_true (jp_xml_export (f->db, section, file, NULL, &error));
  g_assert_no_error (error);
  jp_window_open_item (window, section);
  jp_window_import (window, file);
  g_assert_true (jp_window_get_busy (window));

  /* After the application's own handler: what the switch did at once. */
  g_signal_connect_after (settings, "changed::language", G_CALLBACK (on_language_setting), &during);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "language", g_variant_new_string (other->code));
  while (during == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (during, ==, before);
  g_assert_true (get_window (f) == window);

  while (g_strcmp0 (g_getenv ("LANGUAGE"), other->code) != 0)
    {
      g_assert_true (get_window (f) != window || jp_window_get_busy (window) || g_main_context_pending (NULL));
      g_main_context_iteration (NULL, TRUE);
    }
  jp_test_iterate ();
  window = get_window (f);
  g_assert_false (jp_window_get_busy (window));
  assert_language (window, other);
  g_signal_handlers_disconnect_by_func (settings, on_language_setting, &during);
}

static void
test_edit_french (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autofree char *dutch_title = g_strdup (jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_NL));
  JpWindow *window = get_window (f);
  GtkWidget *title;

  switch_to (f, &dutch);
  window = get_window (f);
  jp_window_open_item (window, section);
  g_assert_nonnull (dutch_title);

  /* The FR button: the fields now edit the French texts. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-language", "s", "fr");
  g_assert_cmpint (jp_window_get_edit_language (window), ==, JP_LANG_FR);
  g_assert_cmpint (jp_pane_get_language (JP_PANE (jp_window_get_pane (window))), ==, JP_LANG_FR);
  title = find_titled (jp_window_get_pane (window), ADW_TYPE_PREFERENCES_ROW, "Titel");
  g_assert_nonnull (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "Justice et affaires intérieures");
  jp_pane_flush (jp_window_get_pane (window));
  g_assert_cmpstr (jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_FR), ==, "Justice et affaires intérieures");
  g_assert_cmpstr (jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_NL), ==, dutch_title);
  /* The interface stays Dutch: the tree shows the Dutch title. */
  g_assert_nonnull (strstr (jp_item_get_label (section), dutch_title));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-language", "s", "nl");
  title = find_titled (jp_window_get_pane (window), ADW_TYPE_PREFERENCES_ROW, "Titel");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, dutch_title);
}

static void
test_fallback_mark (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(GError) error = NULL;
  JpWindow *window;
  GtkWidget *title;

  g_assert_true (jp_database_set_text (f->db, section, JP_TEXT_TITLE, JP_LANG_FR, NULL, &error));
  g_assert_no_error (error);
  switch_to (f, &french);
  window = get_window (f);
  jp_window_open_item (window, section);
  title = find_titled (jp_window_get_pane (window), ADW_TYPE_PREFERENCES_ROW, "Titre");
  g_assert_nonnull (title);
  /* No French title: the field is empty, marked, and the Dutch one is
   * shown under it for reference. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "");
  g_assert_true (gtk_widget_has_css_class (title, "jp-fallback"));
  g_assert_true (jp_test_has_label_containing (gtk_widget_get_parent (title),
                                               jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_NL)));
}

static gboolean
tree_holds (JpSidebar *sidebar,
            JpItem    *item)
{
  GListModel *model = jp_sidebar_get_model (sidebar);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) object = gtk_tree_list_row_get_item (row);
      if (object == G_OBJECT (item))
        return TRUE;
    }
  return FALSE;
}

/* Gives every text of @item and what it holds a French version. */
static void
translate_all (JpDatabase *db,
               JpItem     *item)
{
  g_autoptr(GListModel) children = jp_database_get_children (db, item, JP_KIND_MASK_ALL);

  for (guint t = 0; t < JP_N_TEXTS; t++)
    {
      const char *nl = jp_item_get_text (item, t, JP_LANG_NL);
      g_autoptr(GError) error = NULL;

      if (nl && !jp_item_get_text (item, t, JP_LANG_FR))
        {
          g_autofree char *fr = g_strconcat ("FR ", nl, NULL);
          g_assert_true (jp_database_set_text (db, item, t, JP_LANG_FR, fr, &error));
          g_assert_no_error (error);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(JpItem) child = g_list_model_get_item (children, i);
      translate_all (db, child);
    }
}

static void
test_untranslated_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(JpItem) done = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) todo = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.1");
  JpSidebar *sidebar;
  guint texts, translated;

  g_autoptr(GError) error = NULL;

  /* The bundled plan is translated throughout: 5.1 loses its French
   * title, and 5.7 is checked to have every text in French. */
  g_assert_true (jp_database_set_text (f->db, todo, JP_TEXT_TITLE, JP_LANG_FR, NULL, &error));
  g_assert_no_error (error);
  translate_all (f->db, done);
  jp_translations_count (JP_STORE (f->db), done, &texts, &translated, NULL, NULL);
  g_assert_cmpuint (texts, >, 5);
  g_assert_cmpuint (translated, ==, texts);
  jp_translations_count (JP_STORE (f->db), todo, &texts, &translated, NULL, NULL);
  g_assert_cmpuint (translated, <, texts);

  g_settings_set_boolean (settings, "show-untranslated-only", TRUE);
  jp_test_iterate ();
  sidebar = jp_window_get_sidebar (get_window (f));
  g_assert_true (jp_sidebar_get_untranslated_only (sidebar));
  g_assert_false (tree_holds (sidebar, done));
  g_assert_true (tree_holds (sidebar, todo));

  g_settings_set_boolean (settings, "show-untranslated-only", FALSE);
  jp_test_iterate ();
  g_assert_false (jp_sidebar_get_untranslated_only (sidebar));
  g_assert_true (jp_sidebar_select_item (sidebar, done));
  g_assert_true (tree_holds (sidebar, done));
}

static void
test_bilingual_round_trip (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) root = jp_database_get_root (f->db);
  g_autofree char *dutch_title = g_strdup (jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_NL));
  g_autofree char *xml = g_build_filename (f->dir, "plan.xml", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (xml);
  g_autoptr(JpDatabase) other = NULL;
  g_autoptr(JpItem) copy = NULL;
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (jp_database_set_text (f->db, section, JP_TEXT_TITLE, JP_LANG_FR, "Titre français de 5.7", &error));
  g_assert_no_error (error);
  g_assert_true (jp_xml_export (f->db, root, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (xml, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "xml:lang=\"fr\">Titre français de 5.7<"));

  other = jp_database_open (other_path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (jp_xml_import (other, file, FALSE, &report, NULL, &error));
  g_assert_no_error (error);
  copy = jp_database_lookup_uid (other, jp_item_get_uid (section));
  g_assert_nonnull (copy);
  g_assert_cmpstr (jp_item_get_text (copy, JP_TEXT_TITLE, JP_LANG_FR), ==, "Titre français de 5.7");
  g_assert_cmpstr (jp_item_get_text (copy, JP_TEXT_TITLE, JP_LANG_NL), ==, dutch_title);
}

int
main (int   argc,
      char *argv[])
{
  /* As the application does: before GTK looks up any string. */
  jp_i18n_init ();
  jp_test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  /* First: the applications of earlier tests, still alive, would switch
   * the process's language on their own. */
  ADD ("/language/switch-waits-for-import", test_switch_waits_for_import);
  ADD ("/language/environment", test_environment);
  ADD ("/language/switch-live", test_switch_live);
  ADD ("/language/switch-contacts", test_switch_contacts);
  ADD ("/language/edit-french", test_edit_french);
  ADD ("/language/fallback-mark", test_fallback_mark);
  ADD ("/language/untranslated-only", test_untranslated_only);
  ADD ("/language/bilingual-round-trip", test_bilingual_round_trip);
#undef ADD

  return g_test_run ();
}
