/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"
#include "jp-test-window.h"
#include "model/exchange/jp-xml.h"

typedef struct {
  char          *dir;
  JpApplication *app;
  JpWindow      *window;
  JpDatabase    *db;
  GSettings     *settings;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "tree-view");
  g_settings_reset (f->settings, "last-item");
  f->dir = g_dir_make_tmp ("jaarplan-window-state-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "plan.db", NULL);
  f->app = jp_application_new (path);
  f->window = jp_test_window_start (f->app);
  f->db = jp_window_get_database (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (f->app))) != NULL)
    gtk_window_destroy (windows->data);
  jp_test_iterate ();
  g_clear_object (&f->app);
  g_clear_object (&f->settings);
  jp_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* The first item of @kind, depth first. */
static JpItem *
find_kind (JpDatabase *db,
           JpItem     *parent,
           JpKind      kind)
{
  g_autoptr(GListModel) children = jp_database_get_children (db, parent, JP_KIND_MASK_ALL);

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(JpItem) child = g_list_model_get_item (children, i);
      JpItem *found;

      if (jp_item_get_kind (child) == kind)
        return g_steal_pointer (&child);
      if ((found = find_kind (db, child, kind)) != NULL)
        return found;
    }
  return NULL;
}

/* Saves @f's window's state, restores it into a new window and returns
 * the new window's own state. */
static GVariant *
round_trip (Fixture   *f,
            GVariant **saved)
{
  JpWindow *window;

  *saved = jp_window_save_state (f->window);
  window = jp_window_new (GTK_APPLICATION (f->app), f->db, f->settings, NULL);
  jp_window_restore_state (window, *saved);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  jp_test_iterate ();
  g_assert_true (jp_window_get_database (window) == f->db);
  return jp_window_save_state (window);
}

static void
assert_same (GVariant   *a,
             GVariant   *b,
             const char *key)
{
  g_autoptr(GVariant) va = g_variant_lookup_value (a, key, NULL);
  g_autoptr(GVariant) vb = g_variant_lookup_value (b, key, NULL);

  if (va == NULL || vb == NULL || !g_variant_equal (va, vb))
    {
      g_autofree char *sa = va ? g_variant_print (va, TRUE) : g_strdup ("(none)");
      g_autofree char *sb = vb ? g_variant_print (vb, TRUE) : g_strdup ("(none)");
      g_error ("state key %s: saved %s, restored %s", key, sa, sb);
    }
}

static void
test_item_and_search (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JpItem) root = jp_database_get_root (f->db);
  g_autoptr(JpItem) section = find_kind (f->db, root, JP_KIND_SECTION);
  g_autoptr(GVariant) saved = NULL;
  g_autoptr(GVariant) restored = NULL;
  const char *uid;

  g_assert_nonnull (section);
  jp_window_open_item (f->window, section);
  jp_sidebar_set_search_mode (jp_window_get_sidebar (f->window), TRUE);
  jp_sidebar_set_search_text (jp_window_get_sidebar (f->window), "samenwerking");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  jp_test_iterate ();

  restored = round_trip (f, &saved);
  g_assert_true (g_variant_lookup (saved, "item", "&s", &uid));
  g_assert_cmpstr (uid, ==, jp_item_get_uid (section));
  for (const char * const *key = (const char * const[]) {
         "width", "height", "maximized", "fullscreen", "item", "search-mode", "search-text",
         "leaflet-child", "dialogs", "imports", NULL };
       *key; key++)
    assert_same (saved, restored, *key);
  g_assert_false (g_variant_lookup (restored, "contacts", "b", NULL));
}

static void
test_contacts (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GVariant) saved = NULL;
  g_autoptr(GVariant) restored = NULL;
  gboolean contacts = FALSE;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-contacts", NULL);
  jp_test_iterate ();

  restored = round_trip (f, &saved);
  g_assert_true (g_variant_lookup (saved, "contacts", "b", &contacts) && contacts);
  assert_same (saved, restored, "contacts");
  assert_same (saved, restored, "search-mode");
  g_assert_false (g_variant_lookup (restored, "item", "s", NULL));
}

static void
test_unknown_item (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autoptr(GVariant) state = NULL;
  JpItem *before = jp_window_get_item (f->window);

  /* A state from elsewhere may name an item this plan does not hold. */
  g_variant_builder_add (&builder, "{sv}", "item", g_variant_new_string ("no-such-uid"));
  state = g_variant_ref_sink (g_variant_builder_end (&builder));
  jp_window_restore_state (f->window, state);
  jp_test_iterate ();
  g_assert_true (jp_window_get_item (f->window) == before);
}

/* A window on a database of its own at @path, holding the bundled plan. */
static JpWindow *
open_other (Fixture     *f,
            const char  *path,
            JpDatabase **db_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  JpWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (jp_xml_import_bundled (db, &error));
  g_assert_no_error (error);
  window = jp_window_new (GTK_APPLICATION (f->app), db, f->settings, NULL);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  *db_out = g_steal_pointer (&db);
  return window;
}

/* Two windows on two plans tell which is which: the year, and the file
 * when it is not the usual one; the sidebar's header says the same. */
static void
test_plan_title (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (f->dir, "plan-b.db", NULL);
  g_autofree char *default_path = jp_database_default_path ();
  g_autoptr(JpDatabase) other_db = NULL;
  g_autoptr(JpDatabase) default_db = NULL;
  g_autoptr(JpItem) root = NULL;
  g_autoptr(GError) error = NULL;
  JpWindow *other;
  JpWindow *usual;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Annual Plan 2013 — plan.db");
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (f->window), "plan.db"));

  other = open_other (f, other_path, &other_db);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (other)), ==, "Annual Plan 2013 — plan-b.db");
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (other), "plan-b.db"));
  g_assert_false (jp_test_has_label_containing (GTK_WIDGET (other), "plan.db"));

  /* The year follows the plan's. */
  root = jp_store_get_root (JP_STORE (other_db));
  g_assert_true (jp_database_set_field (other_db, root, JP_FIELD_NUMBER, "2014", &error));
  g_assert_no_error (error);
  jp_test_iterate ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (other)), ==, "Annual Plan 2014 — plan-b.db");
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (other), "Annual Plan 2014"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Annual Plan 2013 — plan.db");

  /* The usual database goes without its file's name. */
  usual = open_other (f, default_path, &default_db);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (usual)), ==, "Annual Plan 2013");
  g_assert_false (jp_test_has_label_containing (GTK_WIDGET (usual), "jaarplan.db"));
  gtk_window_destroy (GTK_WINDOW (usual));
  gtk_window_destroy (GTK_WINDOW (other));
  jp_test_iterate ();
}

/* Team heads work by chapter: the first window shows the chapters, and
 * a view chosen later is the one the next window shows. */
static void
test_default_view (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *view = g_settings_get_string (f->settings, "tree-view");
  JpWindow *window;

  g_assert_cmpstr (view, ==, "chapters");
  g_assert_cmpint (jp_sidebar_get_view (jp_window_get_sidebar (f->window)), ==, JP_SIDEBAR_VIEW_CHAPTERS);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tree-view", "s", "areas"));
  jp_test_iterate ();
  g_assert_cmpint (jp_sidebar_get_view (jp_window_get_sidebar (f->window)), ==, JP_SIDEBAR_VIEW_AREAS);
  window = jp_window_new (GTK_APPLICATION (f->app), f->db, f->settings, NULL);
  g_assert_cmpint (jp_sidebar_get_view (jp_window_get_sidebar (window)), ==, JP_SIDEBAR_VIEW_AREAS);
}

/* The first descendant of @widget whose tooltip is @tooltip. */
static GtkWidget *
find_tooltip (GtkWidget  *widget,
              const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tooltip (child, tooltip);
      if (found)
        return found;
    }
  return NULL;
}

static void
resize_and_settle (Fixture *f,
                   int      width)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 700);
  for (int i = 0; i < 20; i++)
    {
      g_usleep (20000);
      jp_test_iterate ();
    }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

/* A wide window shows the NL/FR pair in the pane's header; a narrow one
 * (folded) shows one button instead, and its header, with the back
 * button, fits in 400 pixels (the window would not go below 429); the
 * title, cut short, keeps its whole text as a tooltip. */
static void
test_narrow_header (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  GtkWidget *pair, *menu, *header, *title;
  AdwLeaflet *leaflet;
  int min_width;

  jp_window_open_item (f->window, section);
  resize_and_settle (f, 1280);
  pair = gtk_widget_get_parent (find_tooltip (GTK_WIDGET (f->window), "Edit the Dutch Texts"));
  menu = find_tooltip (GTK_WIDGET (f->window), "Language of the Texts");
  g_assert_nonnull (pair);
  g_assert_nonnull (menu);
  leaflet = ADW_LEAFLET (gtk_widget_get_ancestor (pair, ADW_TYPE_LEAFLET));
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_get_visible (pair));
  g_assert_false (gtk_widget_get_visible (menu));

  resize_and_settle (f, 360);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_visible (pair));
  g_assert_true (gtk_widget_get_visible (menu));
  header = gtk_widget_get_ancestor (menu, ADW_TYPE_HEADER_BAR);
  gtk_widget_measure (header, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 400);
  g_assert_cmpint (min_width, <=, gtk_widget_get_width (header));
  title = jp_test_find_type (header, ADW_TYPE_WINDOW_TITLE);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (title), ==, jp_item_get_label (section));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("jaarplan-data-home-XXXXXX", NULL);
  int ret;

  /* The usual database, under a data folder of the test's own. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  jp_test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window/state/item-and-search", test_item_and_search);
  ADD ("/window/state/contacts", test_contacts);
  ADD ("/window/state/unknown-item", test_unknown_item);
  ADD ("/window/state/plan-title", test_plan_title);
  ADD ("/window/state/default-view", test_default_view);
  ADD ("/window/state/narrow-header", test_narrow_header);
  ret = g_test_run ();
  jp_test_remove_dir (data_home);
  return ret;
}
