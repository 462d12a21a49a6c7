/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"

#include "model/jp-progress.h"
#include "model/store/jp-database.h"

/* The overview of the year's progress: every project with where it
 * belongs and how far it is, counted and filtered. */

typedef struct {
  JpDatabase *db;
  JpProgress *progress;
  guint       changed;
} Fixture;

static void
on_changed (JpProgress *progress,
            Fixture    *f)
{
  f->changed++;
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  f->db = jp_test_open_memory (TRUE);
  f->progress = jp_progress_new (JP_STORE (f->db));
  g_signal_connect (f->progress, "changed", G_CALLBACK (on_changed), f);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_assert_finalize_object (f->progress);
  g_clear_object (&f->db);
}

/* The projects under @item, counted through the store's own lists. */
static guint
count_projects (JpStore *store,
                JpItem  *item)
{
  g_autoptr(GListModel) sections = NULL;
  guint n = 0;

  if (jp_item_get_kind (item) == JP_KIND_SECTION)
    {
      g_autoptr(GListModel) projects = jp_store_get_children (store, item, JP_KIND_MASK (JP_KIND_PROJECT));
      return g_list_model_get_n_items (projects);
    }
  sections = jp_store_get_children (store, item, JP_KIND_MASK (JP_KIND_SECTION));
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JpItem) section = g_list_model_get_item (sections, i);
      n += count_projects (store, section);
    }
  return n;
}

static JpItem *
numbered (Fixture    *f,
          JpKind      kind,
          const char *number)
{
  JpItem *item = jp_store_find_numbered (JP_STORE (f->db), kind, number);

  g_assert_nonnull (item);
  return item;
}

static JpProgressProject *
project_at (Fixture *f,
            guint    position)
{
  JpProgressProject *project = g_list_model_get_item (G_LIST_MODEL (f->progress), position);

  g_object_unref (project);
  return project;
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  guint counts[JP_PROGRESS_N_STATUSES];
  g_autoptr(JpItem) section = numbered (f, JP_KIND_SECTION, "3.1");
  JpProgressProject *first;

  g_assert_cmpuint (jp_progress_get_year (f->progress), ==, 2013);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->progress)), ==, 119);
  g_assert_cmpuint (jp_progress_count (f->progress, NULL, counts), ==, 119);
  g_assert_cmpuint (counts[JP_STATUS_IN_PROGRESS], ==, 64);
  g_assert_cmpuint (counts[JP_STATUS_PLANNED], ==, 55);
  g_assert_cmpuint (counts[JP_STATUS_DONE] + counts[JP_STATUS_POSTPONED] + counts[JP_STATUS_DROPPED], ==, 0);
  g_assert_cmpuint (jp_progress_get_units (f->progress, JP_KIND_AREA)->len, ==, 7);
  g_assert_cmpuint (jp_progress_get_units (f->progress, JP_KIND_TEAM)->len, ==, 5);

  /* In plan order, numbered by section; titled in both languages. */
  first = project_at (f, 0);
  g_assert_cmpint (jp_progress_project_get_section (first), ==, jp_item_get_id (section));
  g_assert_cmpstr (jp_progress_project_get_number (first), ==, "3.1.1");
  g_assert_true (g_str_has_prefix (jp_progress_project_get_section_label (first, JP_LANG_NL), "3.1 "));
  g_assert_cmpstr (jp_progress_project_get_title (first, JP_LANG_NL), !=, "");
  g_assert_cmpstr (jp_progress_project_get_title (first, JP_LANG_FR), !=, "");
  g_assert_null (jp_progress_project_get_progress_date (first));
  g_assert_cmpstr (jp_progress_project_get_team (first), ==, "team-ime");
}

static void
test_filter_scope (Fixture       *f,
                   gconstpointer  data)
{
  JpStore *store = JP_STORE (f->db);
  GPtrArray *chapters = jp_progress_get_units (f->progress, JP_KIND_CHAPTER);
  GPtrArray *sections = jp_progress_get_units (f->progress, JP_KIND_SECTION);
  guint total = 0;

  g_assert_cmpuint (chapters->len, >=, 5);
  for (guint i = 0; i < chapters->len; i++)
    {
      const JpProgressUnit *unit = g_ptr_array_index (chapters, i);
      g_autoptr(JpItem) chapter = jp_store_lookup (store, unit->id);
      JpProgressFilter filter = { .scope = unit->id };
      guint n = jp_progress_count (f->progress, &filter, NULL);

      g_assert_cmpuint (n, ==, count_projects (store, chapter));
      total += n;
    }
  g_assert_cmpuint (total, ==, 119);
  for (guint i = 0; i < sections->len; i++)
    {
      const JpProgressUnit *unit = g_ptr_array_index (sections, i);
      g_autoptr(JpItem) section = jp_store_lookup (store, unit->id);
      JpProgressFilter filter = { .scope = unit->id };

      g_assert_cmpuint (jp_progress_count (f->progress, &filter, NULL), ==, count_projects (store, section));
      g_assert_true (jp_progress_find_unit (f->progress, unit->parent) != NULL);
    }
}

static void
test_filter_team (Fixture       *f,
                  gconstpointer  data)
{
  JpStore *store = JP_STORE (f->db);
  g_autoptr(JpItem) six = numbered (f, JP_KIND_CHAPTER, "6");
  g_autoptr(JpItem) seven = numbered (f, JP_KIND_CHAPTER, "7");
  g_autoptr(JpItem) three = numbered (f, JP_KIND_CHAPTER, "3");
  JpProgressFilter staff = { .team = "team-staf" };
  JpProgressFilter ime = { .team = "team-ime" };
  JpProgressFilter college = { .team = "team-college" };

  /* The Stafbureau holds two chapters. */
  g_assert_cmpuint (jp_progress_count (f->progress, &staff, NULL), ==,
                    count_projects (store, six) + count_projects (store, seven));
  g_assert_cmpuint (jp_progress_count (f->progress, &ime, NULL), ==, count_projects (store, three));
  g_assert_cmpuint (jp_progress_count (f->progress, &college, NULL), ==, 0);
}

static void
test_filter_area (Fixture       *f,
                  gconstpointer  data)
{
  JpStore *store = JP_STORE (f->db);
  GPtrArray *areas = jp_progress_get_units (f->progress, JP_KIND_AREA);
  guint some = 0;

  for (guint i = 0; i < areas->len; i++)
    {
      const JpProgressUnit *unit = g_ptr_array_index (areas, i);
      g_autoptr(JpItem) area = jp_store_lookup (store, unit->id);
      g_autoptr(GListModel) served = jp_database_get_area_sections (f->db, area);
      JpProgressFilter filter = { .area = unit->id };
      guint expected = 0, n;

      for (guint s = 0; s < g_list_model_get_n_items (served); s++)
        {
          g_autoptr(JpItem) section = g_list_model_get_item (served, s);
          expected += count_projects (store, section);
        }
      n = jp_progress_count (f->progress, &filter, NULL);
      g_assert_cmpuint (n, ==, expected);
      g_assert_cmpuint (n, <, 119);
      some += n > 0;
    }
  g_assert_cmpuint (some, >, 1);
}

static void
test_filter_status_since (Fixture       *f,
                          gconstpointer  data)
{
  JpStore *store = JP_STORE (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) dated = jp_store_lookup (store, jp_progress_project_get_id (project_at (f, 0)));
  g_autoptr(JpItem) done = jp_store_lookup (store, jp_progress_project_get_id (project_at (f, 1)));
  JpProgressFilter planned = { .status = JP_STATUS_PLANNED };
  JpProgressFilter finished = { .status = JP_STATUS_DONE };
  JpProgressFilter july = { .since = "2013-07-01" };
  JpProgressFilter june = { .since = "2013-06-01" };
  JpProgressFilter both = { .status = JP_STATUS_DONE, .since = "2013-07-01" };
  g_autoptr(JpItem) three = numbered (f, JP_KIND_CHAPTER, "3");
  JpProgressFilter narrow = { .scope = jp_item_get_id (three), .status = JP_STATUS_DONE };

  g_assert_cmpuint (jp_progress_count (f->progress, &planned, NULL), ==, 55);
  g_assert_true (jp_store_set_field (store, dated, JP_FIELD_PROGRESS_DATE, "2013-06-30", &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_set_status (store, done, JP_STATUS_DONE, &error));
  g_assert_no_error (error);
  g_assert_true (jp_progress_reload (f->progress, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (jp_progress_count (f->progress, &finished, NULL), ==, 1);
  /* Never updated, or last before the day. */
  g_assert_cmpuint (jp_progress_count (f->progress, &july, NULL), ==, 118);
  g_assert_cmpuint (jp_progress_count (f->progress, &june, NULL), ==, 117);
  g_assert_true (jp_progress_project_matches (project_at (f, 0), &july));
  g_assert_false (jp_progress_project_matches (project_at (f, 0), &june));
  g_assert_false (jp_progress_project_matches (project_at (f, 1), &july));
  g_assert_cmpuint (jp_progress_count (f->progress, &both, NULL), ==, 0);
  g_assert_cmpuint (jp_progress_count (f->progress, &narrow, NULL), ==, 1);
}

/* An edit, its undo and another year opened are read again once idle. */
static void
test_live (Fixture       *f,
           gconstpointer  data)
{
  JpStore *store = JP_STORE (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) project = jp_store_lookup (store, jp_progress_project_get_id (project_at (f, 2)));
  guint counts[JP_PROGRESS_N_STATUSES];
  JpNewPlanSummary summary;

  g_assert_true (jp_store_set_status (store, project, JP_STATUS_POSTPONED, &error));
  g_assert_no_error (error);
  jp_test_iterate ();
  g_assert_cmpuint (f->changed, ==, 1);
  jp_progress_count (f->progress, NULL, counts);
  g_assert_cmpuint (counts[JP_STATUS_POSTPONED], ==, 1);
  g_assert_nonnull (jp_progress_project_get_progress_date (project_at (f, 2)));

  g_assert_true (jp_store_undo (store, &error));
  g_assert_no_error (error);
  jp_test_iterate ();
  jp_progress_count (f->progress, NULL, counts);
  g_assert_cmpuint (counts[JP_STATUS_POSTPONED], ==, 0);
  g_assert_null (jp_progress_project_get_progress_date (project_at (f, 2)));

  /* A project removed is gone from the list. */
  g_assert_true (jp_store_remove_item (store, project, &error));
  g_assert_no_error (error);
  jp_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->progress)), ==, 118);
  g_assert_true (jp_store_undo (store, &error));
  g_assert_no_error (error);
  jp_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->progress)), ==, 119);

  /* Brought back, it is heard as before. */
  g_clear_object (&project);
  project = jp_store_lookup (store, jp_progress_project_get_id (project_at (f, 2)));
  g_assert_false (jp_item_get_removed (project));
  g_assert_true (jp_store_set_status (store, project, JP_STATUS_DROPPED, &error));
  g_assert_no_error (error);
  jp_test_iterate ();
  jp_progress_count (f->progress, NULL, counts);
  g_assert_cmpuint (counts[JP_STATUS_DROPPED], ==, 1);

  /* Another year. */
  g_assert_true (jp_database_new_plan (f->db, 2014, &summary, &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_set_year (f->db, 2014, &error));
  g_assert_no_error (error);
  jp_test_iterate ();
  g_assert_cmpuint (jp_progress_get_year (f->progress), ==, 2014);
  g_assert_cmpuint (jp_progress_count (f->progress, NULL, counts), ==, summary.carried);
  g_assert_cmpuint (counts[JP_STATUS_IN_PROGRESS] + counts[JP_STATUS_PLANNED], ==, summary.carried);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/progress-overview/counts", Fixture, NULL, set_up, test_counts, tear_down);
  g_test_add ("/progress-overview/filter/scope", Fixture, NULL, set_up, test_filter_scope, tear_down);
  g_test_add ("/progress-overview/filter/team", Fixture, NULL, set_up, test_filter_team, tear_down);
  g_test_add ("/progress-overview/filter/area", Fixture, NULL, set_up, test_filter_area, tear_down);
  g_test_add ("/progress-overview/filter/status-since", Fixture, NULL, set_up, test_filter_status_since,
              tear_down);
  g_test_add ("/progress-overview/live", Fixture, NULL, set_up, test_live, tear_down);

  return g_test_run ();
}
