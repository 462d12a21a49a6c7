/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jp-test-util.h"
#include "jp-test-window.h"

/* A plan file the last program did not close cleanly: the window shows
 * the plan at once, read only with a strip while the file is checked,
 * and becomes editable when the check has passed; a damaged file stays
 * read only, the strip saying so. */

typedef struct {
  char          *dir;
  char          *path;
  char          *image;
  JpApplication *app;
  JpWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(JpDatabase) db = NULL;

  g_settings_set_string (settings, "tree-view", "areas");
  g_settings_reset (settings, "last-item");
  f->dir = g_dir_make_tmp ("jaarplan-window-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "plan.db", NULL);
  f->image = g_build_filename (f->dir, "unclean.db", NULL);
  db = jp_test_open_seeded (f->path, JP_DATABASE_OPEN_DEFAULT);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window)
    gtk_window_close (GTK_WINDOW (f->window));
  jp_test_iterate ();
  g_clear_object (&f->app);
  jp_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->image);
}

/* Starts the application on @path as a person does, and returns before
 * anything else runs: the check cannot have ended yet. */
static void
start (Fixture    *f,
       const char *path)
{
  g_autoptr(GError) error = NULL;

  f->app = jp_application_new (path);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (f->app));
  f->window = jp_test_window_find (f->app);
  g_assert_nonnull (f->window);
}

static GtkRevealer *
find_revealer (GtkWidget *widget)
{
  if (GTK_IS_REVEALER (widget))
    return GTK_REVEALER (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkRevealer *found = find_revealer (child);

      if (found)
        return found;
    }
  return NULL;
}

/* The first text field of @widget that can be edited, or NULL. */
static GtkWidget *
find_editable (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_is_sensitive (widget) ||
      (GTK_IS_POPOVER (widget) && !gtk_widget_get_mapped (widget)))
    return NULL;
  if (GTK_IS_TEXT_VIEW (widget))
    return gtk_text_view_get_editable (GTK_TEXT_VIEW (widget)) ? widget : NULL;
  if (GTK_IS_EDITABLE (widget))
    return gtk_editable_get_editable (GTK_EDITABLE (widget)) ? widget : NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_editable (child);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
action_enabled (JpWindow   *window,
                const char *name)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (window), name);

  g_assert_nonnull (action);
  return g_action_get_enabled (action);
}

/* The window as it is while nothing may be changed. */
static void
assert_read_only (Fixture    *f,
                  const char *strip_says)
{
  GtkRevealer *strip = find_revealer (GTK_WIDGET (f->window));

  g_assert_nonnull (strip);
  g_assert_true (gtk_revealer_get_reveal_child (strip));
  if (!jp_test_has_label_starting (GTK_WIDGET (strip), strip_says))
    g_error ("the strip does not say “%s”", strip_says);
  g_assert_null (find_editable (jp_window_get_pane (f->window)));
  g_assert_false (action_enabled (f->window, "close-year"));
  g_assert_false (action_enabled (f->window, "reopen-year"));
}

static void
open_section (Fixture *f)
{
  JpDatabase *db = jp_window_get_database (f->window);
  g_autoptr(JpItem) section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");

  g_assert_nonnull (section);
  jp_window_open_item (f->window, section);
}

static void
test_checked_then_writable (Fixture       *f,
                            gconstpointer  data)
{
  JpDatabase *db;
  g_autoptr(JpItem) section = NULL;
  guint projects;

  jp_test_unclean_image (f->path, f->image);
  start (f, f->image);
  db = jp_window_get_database (f->window);
  g_assert_cmpint (jp_database_get_integrity (db), ==, JP_DATABASE_INTEGRITY_CHECKING);

  /* The plan is there at once, to read. */
  open_section (f);
  section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  g_assert_true (jp_window_get_item (f->window) == section);
  assert_read_only (f, "Checking the plan file");
  projects = jp_database_count_descendants (db, section, JP_KIND_MASK (JP_KIND_PROJECT));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-item", "(xs)", (gint64) 0, "project-new");
  g_assert_cmpuint (jp_database_count_descendants (db, section, JP_KIND_MASK (JP_KIND_PROJECT)), ==, projects);

  /* The check passes: the strip goes, the pane can be edited. */
  while (jp_database_get_integrity (db) == JP_DATABASE_INTEGRITY_CHECKING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (jp_database_get_integrity (db), ==, JP_DATABASE_INTEGRITY_OK);
  jp_test_window_settle (f->window);
  g_assert_false (gtk_revealer_get_reveal_child (find_revealer (GTK_WIDGET (f->window))));
  g_assert_nonnull (find_editable (jp_window_get_pane (f->window)));
  g_assert_true (action_enabled (f->window, "close-year"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-item", "(xs)", (gint64) 0, "project-new");
  jp_test_iterate ();
  g_assert_cmpuint (jp_database_count_descendants (db, section, JP_KIND_MASK (JP_KIND_PROJECT)), ==, projects + 1);
}

static void
test_damaged_stays_read_only (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JpDatabase *db;
  g_autoptr(JpItem) section = NULL;
  guint projects;
  gsize before_len, after_len;

  jp_test_add_unused_page (f->path);
  jp_test_unclean_image (f->path, f->image);
  g_assert_true (g_file_get_contents (f->image, &before, &before_len, NULL));
  start (f, f->image);
  db = jp_window_get_database (f->window);
  open_section (f);
  assert_read_only (f, "Checking the plan file");

  while (jp_database_get_integrity (db) == JP_DATABASE_INTEGRITY_CHECKING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (jp_database_get_integrity (db), ==, JP_DATABASE_INTEGRITY_DAMAGED);
  jp_test_window_settle (f->window);
  assert_read_only (f, "The plan file “");
  /* What gets through is refused, nothing written. */
  section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  projects = jp_database_count_descendants (db, section, JP_KIND_MASK (JP_KIND_PROJECT));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-item", "(xs)", (gint64) 0, "project-new");
  jp_test_iterate ();
  g_assert_cmpuint (jp_database_count_descendants (db, section, JP_KIND_MASK (JP_KIND_PROJECT)), ==, projects);
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (f->window),
                                               "is damaged. It has not been changed; restore it from a backup"));
  g_assert_true (g_file_get_contents (f->image, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

int
main (int   argc,
      char *argv[])
{
  jp_test_window_init (&argc, &argv);

  g_test_add ("/window/check/checked-then-writable", Fixture, NULL,
              fixture_set_up, test_checked_then_writable, fixture_tear_down);
  g_test_add ("/window/check/damaged-stays-read-only", Fixture, NULL,
              fixture_set_up, test_damaged_stays_read_only, fixture_tear_down);

  return g_test_run ();
}
