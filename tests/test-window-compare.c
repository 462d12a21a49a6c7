/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"
#include "jp-test-window.h"
#include "ui/window/jp-compare-dialog.h"

/* Two years compared from the window: the list of differences by
 * section, and a row that opens its item in its year. */

typedef JpTestWindowFixture Fixture;

static void
wait_a_moment (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE));
}

/* The comparison window, or NULL. */
static GtkWindow *
find_compare_window (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), title) == 0)
        return window;
    }
  return NULL;
}

static GtkListBoxRow *
find_row (GtkWidget  *widget,
          const char *needle)
{
  GtkListBoxRow *found;

  if (GTK_IS_LIST_BOX_ROW (widget) && jp_test_has_label_containing (widget, needle))
    return GTK_LIST_BOX_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if ((found = find_row (child, needle)) != NULL)
      return found;
  return NULL;
}

static void
test_one_year (Fixture       *f,
               gconstpointer  data)
{
  /* One year: nothing to compare with. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.compare-years", NULL) &&
                  find_compare_window ("Changes from 2013 to 2014") != NULL);
  g_assert_cmpuint (jp_compare_dialog_other_year (f->db), ==, 0);
}

static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) s57 = NULL, done = NULL, s57_2014 = NULL;
  g_autofree char *done_title = NULL;
  JpNewPlanSummary summary;
  GtkWindow *compare;
  GtkListBoxRow *row;

  /* 2013: the first project of 5.7 done; 2014 made; its 5.7 renamed. */
  s57 = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  {
    g_autoptr(GListModel) projects = jp_database_get_children (f->db, s57, JP_KIND_MASK (JP_KIND_PROJECT));

    done = g_list_model_get_item (projects, 0);
  }
  done_title = g_strdup (jp_item_get_label (done));
  g_assert_true (jp_database_set_status (f->db, done, JP_STATUS_DONE, &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_new_plan (f->db, 2014, &summary, &error));
  g_assert_no_error (error);
  jp_test_window_close (f);
  jp_test_window_open (f);
  g_assert_cmpuint (jp_database_get_year (f->db), ==, 2014);
  s57_2014 = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_assert_true (jp_database_set_text (f->db, s57_2014, JP_TEXT_TITLE, JP_LANG_NL, "Hernoemde sectie", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jp_compare_dialog_other_year (f->db), ==, 2013);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.compare-years", NULL));
  wait_a_moment ();
  compare = find_compare_window ("Changes from 2013 to 2014");
  g_assert_nonnull (compare);

  /* The renamed section, under its own heading, says what changed. */
  row = find_row (GTK_WIDGET (compare), "5.7 Hernoemde sectie");
  g_assert_nonnull (row);
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (row), "Title (Dutch)"));
  /* Its row opens it. */
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  wait_a_moment ();
  g_assert_true (jp_window_get_item (f->window) == s57_2014);

  /* The project done in 2013 was not carried over; its row opens it in 2013. */
  row = find_row (GTK_WIDGET (compare), "Not Carried Over");
  g_assert_nonnull (row);
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (row), "Only in 2013 (Done)"));


  /* Escape closes it. */
  gtk_window_destroy (compare);
  wait_a_moment ();
  g_assert_null (find_compare_window ("Changes from 2013 to 2014"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  jp_test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, jp_test_window_fixture_set_up, func, jp_test_window_fixture_tear_down)
  ADD ("/window/compare/one-year", test_one_year);
  ADD ("/window/compare/years", test_compare);

  return g_test_run ();
}
