/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"
#include "jp-test-window.h"

#include "ui/sidebar/jp-sidebar.h"
#include "ui/sidebar/jp-sidebar-row.h"
#include "ui/window/jp-window.h"
#include "model/jp-item-list.h"
#include "model/store/jp-database.h"

/* The sidebar reads what it shows, and no more: a large plan's tree
 * opens a level without reading every row of it. */

typedef JpTestWindowFixture Fixture;

/* The row of the policy area that serves the most sections. */
static GtkTreeListRow *
largest_area (GListModel *rows,
              JpDatabase *db,
              guint      *n_sections)
{
  GtkTreeListRow *best = NULL;

  *n_sections = 0;
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
      g_autoptr(GListModel) sections = NULL;

      if (!JP_IS_ITEM (item) || jp_item_get_kind (JP_ITEM (item)) != JP_KIND_AREA)
        continue;
      sections = jp_database_get_area_sections (db, JP_ITEM (item));
      if (g_list_model_get_n_items (sections) > *n_sections)
        {
          *n_sections = g_list_model_get_n_items (sections);
          g_set_object (&best, row);
        }
    }
  return best;
}

static void
test_expand_reads_nothing (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *sidebar = g_object_ref_sink (jp_sidebar_new (JP_STORE (f->db)));
  GListModel *rows = jp_sidebar_get_model (JP_SIDEBAR (sidebar));
  g_autoptr(GtkTreeListRow) area = NULL;
  guint n_sections, n_before;
  guint64 reads;

  area = largest_area (rows, f->db, &n_sections);
  g_assert_nonnull (area);
  g_assert_cmpuint (n_sections, >, 1);

  /* The sidebar shows no rows (it is in no window): opening the area
   * reads none of its sections. */
  n_before = g_list_model_get_n_items (rows);
  reads = jp_database_get_n_item_reads (f->db);
  gtk_tree_list_row_set_expanded (area, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_before + n_sections);
  g_assert_cmpuint (jp_database_get_n_item_reads (f->db) - reads, ==, 0);

  g_clear_object (&area);
  g_object_unref (sidebar);
}

/* Showing a row asks whether it can be opened, which reads no list:
 * the seven areas of a large plan read their sections only when one is
 * opened, and then only its own. */
static void
test_rows_read_no_list (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *sidebar = g_object_ref_sink (jp_sidebar_new (JP_STORE (f->db)));
  GListModel *rows = jp_sidebar_get_model (JP_SIDEBAR (sidebar));
  g_autoptr(GtkTreeListRow) area = NULL;
  guint64 lists = jp_database_get_n_list_reads (f->db);
  guint n_areas = 0, n_sections;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (JP_IS_ITEM (item) && jp_item_get_kind (JP_ITEM (item)) == JP_KIND_AREA)
        {
          g_assert_true (gtk_tree_list_row_is_expandable (row));
          n_areas++;
        }
    }
  g_assert_cmpuint (n_areas, ==, 7);
  g_assert_cmpuint (jp_database_get_n_list_reads (f->db) - lists, ==, 0);

  area = largest_area (rows, f->db, &n_sections);
  lists = jp_database_get_n_list_reads (f->db);
  gtk_tree_list_row_set_expanded (area, TRUE);
  g_assert_cmpuint (jp_database_get_n_list_reads (f->db) - lists, ==, 1);

  g_clear_object (&area);
  g_object_unref (sidebar);
}

/* A list's items are read together with the one asked for: the next
 * ones a list shows cost no query of their own. */
static void
test_read_ahead (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *rows;
  g_autoptr(GtkTreeListRow) area = NULL;
  g_autoptr(GObject) area_item = NULL;
  g_autoptr(GListModel) sections = NULL;
  g_autoptr(JpItem) first = NULL;
  g_autoptr(JpItem) second = NULL;
  GtkWidget *sidebar = g_object_ref_sink (jp_sidebar_new (JP_STORE (f->db)));
  guint n_sections;
  guint64 reads, first_reads;

  rows = jp_sidebar_get_model (JP_SIDEBAR (sidebar));
  area = largest_area (rows, f->db, &n_sections);
  area_item = gtk_tree_list_row_get_item (area);
  sections = jp_database_get_area_sections (f->db, JP_ITEM (area_item));
  g_assert_cmpuint (n_sections, >, 2);

  reads = jp_database_get_n_item_reads (f->db);
  first = g_list_model_get_item (sections, 0);
  first_reads = jp_database_get_n_item_reads (f->db) - reads;
  g_assert_cmpuint (first_reads, >, 1);
  second = g_list_model_get_item (sections, 1);
  g_assert_cmpuint (jp_database_get_n_item_reads (f->db) - reads, ==, first_reads);
  g_assert_cmpint (jp_item_get_id (second), ==, jp_item_list_get_id (JP_ITEM_LIST (sections), 1));
  g_assert_cmpstr (jp_item_get_label (second), !=, "");

  g_clear_object (&area);
  g_object_unref (sidebar);
}

/* The rows of an opened area show their sections' counts, read for
 * the rows that follow in one query: not one query a row. */
static void
test_counts_read_ahead (Fixture       *f,
                        gconstpointer  data)
{
  JpSidebar *sidebar = JP_SIDEBAR (jp_test_find_type (GTK_WIDGET (f->window), JP_TYPE_SIDEBAR));
  GListModel *rows = jp_sidebar_get_model (sidebar);
  g_autoptr(GtkTreeListRow) area = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  guint n_sections, n_with_counts = 0;
  guint64 counts;

  g_assert_nonnull (sidebar);
  area = largest_area (rows, f->db, &n_sections);
  g_assert_cmpuint (n_sections, >, 3);
  counts = jp_database_get_n_count_reads (f->db);
  gtk_tree_list_row_set_expanded (area, TRUE);
  jp_test_window_settle (f->window);

  shown = jp_test_find_all (GTK_WIDGET (sidebar), JP_TYPE_SIDEBAR_ROW);
  for (guint i = 0; i < shown->len; i++)
    {
      GtkTreeListRow *row = jp_sidebar_row_get_list_row (g_ptr_array_index (shown, i));
      g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;

      if (JP_IS_ITEM (item) && jp_item_get_kind (JP_ITEM (item)) == JP_KIND_SECTION)
        n_with_counts++;
    }
  g_assert_cmpuint (n_with_counts, >, 3);
  g_assert_cmpuint (jp_database_get_n_count_reads (f->db) - counts, <=, 1);

  g_clear_object (&area);
}

/* What was read ahead is not shown after a change: a project added
 * first moves the others down, the one read ahead too. */
static void
test_read_ahead_changed (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(JpItem) first = NULL;
  g_autoptr(JpItem) added = NULL;
  g_autoptr(JpItem) second = NULL;
  g_autoptr(GError) error = NULL;
  gint64 second_id;

  g_assert_nonnull (section);
  projects = jp_database_get_children (f->db, section, JP_KIND_MASK (JP_KIND_PROJECT));
  g_assert_cmpuint (g_list_model_get_n_items (projects), >, 2);
  second_id = jp_item_list_get_id (JP_ITEM_LIST (projects), 1);

  /* The second is read with the first, and nobody holds it. */
  first = g_list_model_get_item (projects, 0);
  added = jp_database_add_item (f->db, section, JP_KIND_PROJECT, first, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);

  second = jp_database_lookup (f->db, second_id);
  g_assert_cmpuint (jp_item_get_position (added), <, jp_item_get_position (first));
  g_assert_cmpuint (jp_item_get_position (first), <, jp_item_get_position (second));
}

int
main (int    argc,
      char **argv)
{
  jp_test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, jp_test_window_fixture_set_up, func, jp_test_window_fixture_tear_down)
  ADD ("/window/sidebar/expand-reads-nothing", test_expand_reads_nothing);
  ADD ("/window/sidebar/rows-read-no-list", test_rows_read_no_list);
  ADD ("/window/sidebar/read-ahead", test_read_ahead);
  ADD ("/window/sidebar/read-ahead-changed", test_read_ahead_changed);
  ADD ("/window/sidebar/counts-read-ahead", test_counts_read_ahead);
#undef ADD

  return g_test_run ();
}
