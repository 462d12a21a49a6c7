/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jp-test-util.h"
#include "jp-test-window.h"
#include "model/jp-model-private.h"
#include "model/store/jp-connection.h"
#include "ui/jp-difference-ui.h"
#include "ui/window/jp-compare-dialog.h"

/* Two years compared from the window: the list of differences by
 * section, and a row that opens its item in its year. */

typedef JpTestWindowFixture Fixture;

/* The comparison window, or NULL. */
static JpCompareDialog *
find_compare_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (JP_IS_COMPARE_DIALOG (window))
        return JP_COMPARE_DIALOG (window);
    }
  return NULL;
}

static void
wait_until_ready (JpCompareDialog *dialog)
{
  for (int i = 0; i < 500 && !jp_compare_dialog_is_ready (dialog); i++)
    {
      g_usleep (10000);
      jp_test_wait_a_moment ();
    }
  g_assert_true (jp_compare_dialog_is_ready (dialog));
  jp_test_wait_a_moment ();
}

static gboolean
showing_progress (JpWindow *window)
{
  g_autoptr(GVariant) state = jp_window_save_state (window);
  gboolean progress = FALSE;

  g_variant_lookup (state, "progress", "b", &progress);
  return progress;
}

static void
test_one_year (Fixture       *f,
               gconstpointer  data)
{
  /* One year: nothing to compare with, the action is off. */
  g_assert_cmpuint (jp_compare_dialog_other_year (f->db), ==, 0);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.compare-years", "u", 2014) &&
                  find_compare_window () != NULL);
}

static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) s57 = NULL, done = NULL, first = NULL;
  g_autofree char *done_uid = NULL;
  JpNewPlanSummary summary;
  JpCompareDialog *compare;
  const JpYearChange *change;

  /* 2013: the first project of 5.7 done; 2014 made; its first section renamed. */
  s57 = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  {
    g_autoptr(GListModel) projects = jp_database_get_children (f->db, s57, JP_KIND_MASK (JP_KIND_PROJECT));

    done = g_list_model_get_item (projects, 0);
  }
  done_uid = g_strdup (jp_item_get_uid (done));
  g_assert_true (jp_database_set_status (f->db, done, JP_STATUS_DONE, &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_new_plan (f->db, 2014, &summary, &error));
  g_assert_no_error (error);
  jp_test_window_close (f);
  jp_test_window_open (f);
  g_assert_cmpuint (jp_database_get_year (f->db), ==, 2014);
  first = jp_database_find_numbered (f->db, JP_KIND_SECTION, "2.1");
  g_assert_nonnull (first);
  g_assert_true (jp_database_set_text (f->db, first, JP_TEXT_TITLE, JP_LANG_NL, "Hernoemde sectie", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jp_compare_dialog_other_year (f->db), ==, 2013);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.compare-years", "u", 2013));
  compare = find_compare_window ();
  g_assert_nonnull (compare);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (compare)), ==, "Changes from 2013 to 2014");
  wait_until_ready (compare);

  /* Hiding what the carrying over did (statuses and phases) leaves the
   * renamed section and the project not carried over, each under its
   * heading; showing it again brings every difference back. */
  {
    GtkListView *list = GTK_LIST_VIEW (jp_test_find_type (GTK_WIDGET (compare), GTK_TYPE_LIST_VIEW));
    GtkToggleButton *hide = GTK_TOGGLE_BUTTON (jp_test_find_type (GTK_WIDGET (compare), GTK_TYPE_TOGGLE_BUTTON));
    GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
    guint all = g_list_model_get_n_items (model);

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hide)));
    g_assert_cmpuint (all, >, 50);
    gtk_toggle_button_set_active (hide, TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
    gtk_toggle_button_set_active (hide, FALSE);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
  }

  /* The renamed section, the first difference, shows under its heading
   * and says what changed. */
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (compare), "2.1 Hernoemde sectie"));
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (compare), "Title (Dutch)"));
  change = jp_year_comparison_find (jp_compare_dialog_get_comparison (compare), jp_item_get_uid (first));
  g_assert_nonnull (change);
  /* From the progress overview too: the plan's page comes back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-progress", NULL));
  jp_test_wait_a_moment ();
  g_assert_true (showing_progress (f->window));
  jp_compare_dialog_open_change (compare, change);
  jp_test_wait_a_moment ();
  g_assert_true (jp_window_get_item (f->window) == first);
  g_assert_false (showing_progress (f->window));

  /* The project done in 2013 was not carried over. */
  change = jp_year_comparison_find (jp_compare_dialog_get_comparison (compare), done_uid);
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, JP_YEAR_CHANGE_REMOVED);
  {
    const JpDifference *difference = jp_differences_find (jp_compare_dialog_get_differences (compare), done_uid);
    g_autofree char *words = jp_difference_describe (difference, 2013, 2014);

    g_assert_cmpstr (words, ==, "Only in 2013 (Done)");
  }
  /* Its row opens it where it is: in 2013, the window's year following. */
  jp_compare_dialog_open_change (compare, change);
  jp_test_wait_a_moment ();
  g_assert_cmpuint (jp_database_get_year (f->db), ==, 2013);
  g_assert_nonnull (jp_window_get_item (f->window));
  g_assert_cmpstr (jp_item_get_uid (jp_window_get_item (f->window)), ==, done_uid);
  {
    g_autoptr(JpItem) root = jp_database_get_root (f->db);

    g_assert_cmpstr (jp_item_get_field (root, JP_FIELD_NUMBER), ==, "2013");
  }
  {
    JpDifference added = { .kind = JP_DIFFERENCE_ADDED, .item_kind = JP_KIND_PROJECT, .descendants = 3 };
    JpDifference changed = { .kind = JP_DIFFERENCE_CHANGED, .item_kind = JP_KIND_PROJECT };
    JpValueChange values[] = {
      { .kind = JP_VALUE_STATUS, .old_value = (char *) "planned", .new_value = (char *) "done" },
      { .kind = JP_VALUE_PLACE, .old_value = (char *) "sec-5.6 1", .new_value = (char *) "sec-5.7 2" },
      { .kind = JP_VALUE_FIELD, .field = JP_FIELD_CODE },
      { .kind = JP_VALUE_TEXT, .field = JP_TEXT_TITLE, .lang = JP_LANG_FR },
    };
    g_autoptr(GPtrArray) list = g_ptr_array_new ();
    g_autofree char *added_words = NULL, *changed_words = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      g_ptr_array_add (list, &values[i]);
    changed.values = list;
    added_words = jp_difference_describe (&added, 2013, 2014);
    changed_words = jp_difference_describe (&changed, 2013, 2014);

    g_assert_cmpstr (added_words, ==, "New in 2014, with 3 items under it");
    g_assert_cmpstr (changed_words, ==, "Status: Planned → Done, Moved, Code, Title (French)");
  }

  gtk_window_destroy (GTK_WINDOW (compare));
  jp_test_wait_a_moment ();
  g_assert_null (find_compare_window ());
}

/* Whether a label under @widget has @needle in its markup. */
static gboolean
has_markup_containing (GtkWidget  *widget,
                       const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), needle))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_markup_containing (child, needle))
      return TRUE;
  return FALSE;
}

static JpSnapshot *
load_section (JpDatabase *db,
              JpItem     *section)
{
  g_autoptr(GError) error = NULL;
  JpSnapshot *snapshot = _jp_connection_load_snapshot (_jp_database_get_connection (db),
                                                       jp_item_get_id (section), &error);

  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  return snapshot;
}

/* Any differences, given: a section before and after two edits. */
static void
test_differences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) s57 = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) first = NULL, second = NULL;
  g_autoptr(JpSnapshot) before = NULL, after = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-compare-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "changes.pdf", NULL);
  g_autofree char *contents = NULL;
  JpDifferences *differences;
  JpCompareDialog *compare;
  GtkListView *list;
  GtkToggleButton *hide;
  guint all;

  {
    g_autoptr(GListModel) projects = jp_database_get_children (f->db, s57, JP_KIND_MASK (JP_KIND_PROJECT));

    first = g_list_model_get_item (projects, 0);
    second = g_list_model_get_item (projects, 1);
  }
  g_assert_true (jp_database_set_text (f->db, first, JP_TEXT_BODY, JP_LANG_NL,
                                       "Het overleg vindt in juni plaats.", &error));
  g_assert_no_error (error);
  before = load_section (f->db, s57);
  g_assert_true (jp_database_set_text (f->db, first, JP_TEXT_BODY, JP_LANG_NL,
                                       "Het overleg vindt in december plaats.", &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_set_status (f->db, second, JP_STATUS_DONE, &error));
  g_assert_no_error (error);
  after = load_section (f->db, s57);
  differences = jp_differences_compute (before, after, NULL, JP_DIFFERENCES_DEFAULT);
  g_assert_cmpuint (differences->differences->len, ==, 2);

  compare = jp_compare_dialog_new_for_differences (f->window, differences, "Changes since 12 December",
                                                   "Version sent to the Committee");
  gtk_window_present (GTK_WINDOW (compare));
  jp_test_wait_a_moment ();
  g_assert_true (jp_compare_dialog_is_ready (compare));
  g_assert_true (jp_compare_dialog_get_differences (compare) == differences);
  g_assert_null (jp_compare_dialog_get_comparison (compare));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (compare)), ==, "Changes since 12 December");
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (compare), "Version sent to the Committee — 2 differences"));

  /* The changed word struck and the new one underlined, under the section's heading. */
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (compare), "5.7 "));
  g_assert_true (has_markup_containing (GTK_WIDGET (compare), "strikethrough=\"true\">juni</span>"));
  g_assert_true (has_markup_containing (GTK_WIDGET (compare), "underline=\"single\" weight=\"bold\">december</span>"));
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (compare), "→ Done"));

  /* A status alone can be hidden: the heading and the text's row stay. */
  list = GTK_LIST_VIEW (jp_test_find_type (GTK_WIDGET (compare), GTK_TYPE_LIST_VIEW));
  hide = GTK_TOGGLE_BUTTON (jp_test_find_type (GTK_WIDGET (compare), GTK_TYPE_TOGGLE_BUTTON));
  all = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
  g_assert_cmpuint (all, ==, 3);
  gtk_toggle_button_set_active (hide, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 2);
  gtk_toggle_button_set_active (hide, FALSE);

  /* On paper: a PDF. */
  pdf = g_file_new_for_path (path);
  g_assert_true (jp_compare_dialog_export_pdf (compare, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  /* A row opens its item. */
  jp_compare_dialog_open_difference (compare, jp_differences_find (differences, jp_item_get_uid (first)));
  jp_test_wait_a_moment ();
  g_assert_true (jp_window_get_item (f->window) == first);

  gtk_window_destroy (GTK_WINDOW (compare));
  jp_test_wait_a_moment ();
  jp_test_remove_dir (dir);
}

/* A year the file lacks: the window says so, the dialog goes away. */
static void
test_missing_year (Fixture       *f,
                   gconstpointer  data)
{
  JpCompareDialog *compare = jp_compare_dialog_new (f->window, 2013, 2031);

  gtk_window_present (GTK_WINDOW (compare));
  for (int i = 0; i < 200 && find_compare_window () != NULL; i++)
    {
      g_usleep (10000);
      jp_test_wait_a_moment ();
    }
  g_assert_null (find_compare_window ());
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
  ADD ("/window/compare/missing-year", test_missing_year);
  ADD ("/window/compare/differences", test_differences);

  return g_test_run ();
}
