/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "jp-test-util.h"

#include "model/exchange/jp-xml.h"
#include "model/store/jp-database.h"
#include "model/store/jp-schema.h"

/* Several yearly plans in one database: the open year, a new year made
 * from the last one, the migration of a file of one plan. */

static char *
export_plan (JpDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) root = jp_database_get_root (db);
  g_autoptr(GBytes) bytes = jp_xml_export_bytes (db, root, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_years (JpDatabase *db,
              guint       first,
              guint       last)
{
  g_autoptr(GArray) years = jp_database_list_years (db);

  g_assert_cmpuint (years->len, ==, last - first + 1);
  for (guint i = 0; i < years->len; i++)
    g_assert_cmpuint (g_array_index (years, guint, i), ==, first + i);
}

/* Every phase and status, each project with an item under it. */
static const JpPhase phases[] = { JP_PHASE_NEW, JP_PHASE_ONGOING };
static const JpStatus statuses[] = {
  JP_STATUS_PLANNED, JP_STATUS_IN_PROGRESS, JP_STATUS_DONE, JP_STATUS_POSTPONED, JP_STATUS_DROPPED,
};

static void
add_projects (JpDatabase *db,
              JpItem     *parent)
{
  g_autoptr(GError) error = NULL;

  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
      {
        g_autoptr(JpItem) project = jp_database_add_item_full (db, parent, JP_KIND_PROJECT, NULL,
                                                               phases[p], statuses[s], &error);
        g_autofree char *title = g_strdup_printf ("Proef %s %s", jp_phase_to_string (phases[p]),
                                                  jp_status_to_string (statuses[s]));
        g_autoptr(JpItem) item = NULL;

        g_assert_no_error (error);
        g_assert_true (jp_database_set_text (db, project, JP_TEXT_BODY, JP_LANG_NL, title, &error));
        g_assert_no_error (error);
        item = jp_database_add_item (db, project, JP_KIND_ITEM, NULL, &error);
        g_assert_no_error (error);
        g_assert_true (jp_database_set_text (db, item, JP_TEXT_BODY, JP_LANG_NL, title, &error));
        g_assert_no_error (error);
      }
}

static guint
count_status (JpDatabase *db,
              JpItem     *parent,
              JpStatus    status)
{
  g_autoptr(GListModel) projects = jp_database_get_children (db, parent, JP_KIND_MASK (JP_KIND_PROJECT));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JpItem) project = g_list_model_get_item (projects, i);

      n += jp_item_get_status (project) == status;
    }
  return n;
}

static void
test_new_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpItem) section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) section_2014 = NULL;
  g_autoptr(GListModel) projects = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *uid = NULL;
  JpNewPlanSummary dry = { 0, };
  JpNewPlanSummary made = { 0, };
  guint done, dropped, others;
  guint carried_here = 0;

  g_assert_nonnull (section);
  assert_years (db, 2013, 2013);
  g_assert_cmpuint (jp_database_get_year (db), ==, 2013);
  add_projects (db, section);
  done = count_status (db, section, JP_STATUS_DONE);
  dropped = count_status (db, section, JP_STATUS_DROPPED);
  g_assert_cmpuint (done, >=, 2);
  g_assert_cmpuint (dropped, >=, 2);
  others = g_list_model_get_n_items (projects = jp_database_get_children (db, section, JP_KIND_MASK (JP_KIND_PROJECT))) - done - dropped;
  g_clear_object (&projects);
  before = export_plan (db);

  /* Refused: a year that exists, a year before the latest. */
  g_assert_false (jp_database_plan_new_year (db, 2013, &dry, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (jp_database_new_plan (db, 2012, &made, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  assert_years (db, 2013, 2013);

  /* The dry run says what the step will do, and writes nothing. */
  g_assert_true (jp_database_plan_new_year (db, 2014, &dry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dry.from_year, ==, 2013);
  g_assert_cmpuint (dry.year, ==, 2014);
  g_assert_cmpuint (dry.left_done, >=, done);
  g_assert_cmpuint (dry.left_dropped, >=, dropped);
  g_assert_cmpuint (dry.carried_postponed, >=, 2);
  assert_years (db, 2013, 2013);
  g_assert_cmpuint (jp_database_count_descendants (db, section, JP_KIND_MASK (JP_KIND_PROJECT)), ==,
                    done + dropped + others);

  g_assert_true (jp_database_new_plan (db, 2014, &made, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&dry, sizeof dry, &made, sizeof made);
  assert_years (db, 2013, 2014);
  /* The open year stays open, unchanged. */
  g_assert_cmpuint (jp_database_get_year (db), ==, 2013);
  after = export_plan (db);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* In 2014: the carried-over projects, as the rules say. */
  g_assert_true (jp_database_set_year (db, 2014, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jp_database_get_year (db), ==, 2014);
  section_2014 = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  g_assert_nonnull (section_2014);
  g_assert_cmpint (jp_item_get_id (section_2014), !=, jp_item_get_id (section));
  g_assert_cmpint (jp_database_get_continued (db, section_2014), ==, jp_item_get_id (section));
  uid = g_strdup_printf ("%s-2014", jp_item_get_uid (section));
  g_assert_cmpstr (jp_item_get_uid (section_2014), ==, uid);
  projects = jp_database_get_children (db, section_2014, JP_KIND_MASK (JP_KIND_PROJECT));
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JpItem) project = g_list_model_get_item (projects, i);
      g_autoptr(JpItem) old = jp_database_lookup (db, jp_database_get_continued (db, project));
      const char *title = jp_item_get_text (project, JP_TEXT_BODY, JP_LANG_NL);

      g_assert_nonnull (old);
      g_assert_cmpstr (title, ==, jp_item_get_text (old, JP_TEXT_BODY, JP_LANG_NL));
      g_assert_cmpint (jp_item_get_status (old), !=, JP_STATUS_DONE);
      g_assert_cmpint (jp_item_get_status (old), !=, JP_STATUS_DROPPED);
      if (jp_item_get_status (old) == JP_STATUS_POSTPONED)
        {
          g_assert_cmpint (jp_item_get_phase (project), ==, JP_PHASE_NEW);
          g_assert_cmpint (jp_item_get_status (project), ==, JP_STATUS_PLANNED);
        }
      else
        {
          g_assert_cmpint (jp_item_get_phase (project), ==, JP_PHASE_ONGOING);
          g_assert_cmpint (jp_item_get_status (project), ==, JP_STATUS_IN_PROGRESS);
        }
      if (title && g_str_has_prefix (title, "Proef "))
        {
          carried_here++;
          g_assert_cmpuint (jp_database_count_descendants (db, project, JP_KIND_MASK (JP_KIND_ITEM)), ==, 1);
        }
    }
  /* Of each phase: planned, in progress and postponed. */
  g_assert_cmpuint (carried_here, ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, others);
  g_clear_object (&projects);
  /* The search and the numbered lookups are the open year's. */
  g_assert_null (jp_database_lookup (db, 0));
  {
    g_autoptr(GArray) ids = jp_database_search (db, "Proef", 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 2 * 6);
  }
  after = export_plan (db);
  g_assert_nonnull (strstr (after, "year=\"2014\""));
  {
    g_autoptr(JpItem) root = jp_database_get_root (db);

    g_assert_cmpstr (jp_item_get_text (root, JP_TEXT_TITLE, JP_LANG_NL), ==, "Jaarplan 2014");
    g_assert_cmpstr (jp_item_get_text (root, JP_TEXT_TITLE, JP_LANG_FR), ==, "Plan annuel 2014");
    g_assert_null (jp_item_get_text (root, JP_TEXT_REFERENCE, JP_LANG_NL));
  }
  g_assert_null (strstr (after, "Proef new done"));
  g_assert_nonnull (strstr (after, "Proef new postponed"));

  /* Again: refused.  Then the whole step is one undo. */
  g_assert_false (jp_database_new_plan (db, 2014, &made, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (jp_database_undo (db, &error));
  g_assert_no_error (error);
  assert_years (db, 2013, 2013);
  g_assert_cmpuint (jp_database_get_year (db), ==, 2013);
  g_clear_pointer (&after, g_free);
  after = export_plan (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (jp_database_set_year (db, 2014, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_NOT_FOUND);
}

/* Takes the file at @path back to schema @version, one
 * schema-undo-N.sql after the other. */
static void
undo_schema (const char *path,
             int         version)
{
  sqlite3 *raw;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  for (int v = JP_DATABASE_SCHEMA_VERSION; v > version; v--)
    {
      g_autofree char *name = g_strdup_printf ("schema-undo-%d.sql", v);
      g_autofree char *sql = NULL;

      g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, name, NULL), &sql, NULL, NULL));
      g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  sqlite3_close (raw);
}

/* A file of the fifth schema holds one plan: it becomes 2013, its
 * export and its undo history as they were. */
static void
test_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v5.db", NULL);
  g_autoptr(JpDatabase) db = jp_test_open_seeded (path, JP_DATABASE_OPEN_DEFAULT);
  g_autoptr(JpItem) section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *raw;
  sqlite3_stmt *stmt;

  g_assert_true (jp_database_set_text (db, section, JP_TEXT_NOTE, JP_LANG_NL, "Nog na te gaan", &error));
  g_assert_no_error (error);
  before = export_plan (db);
  g_clear_object (&section);
  g_clear_object (&db);

  /* Back to schema 5: without imports in bulk (10), the history (9),
   * closed years (8), the progress of projects (7), then without the
   * years (6). */
  undo_schema (path, 6);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "DROP TABLE continuation; PRAGMA user_version = 5;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (raw);

  db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_years (db, 2013, 2013);
  g_assert_cmpuint (jp_database_get_year (db), ==, 2013);
  after = export_plan (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (jp_database_can_undo (db));
  g_assert_true (jp_database_undo (db, &error));
  g_assert_no_error (error);
  section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  g_assert_null (jp_item_get_text (section, JP_TEXT_NOTE, JP_LANG_NL));
  g_clear_object (&section);
  g_clear_object (&db);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, JP_DATABASE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  jp_test_remove_dir (dir);
}

/* A plan without a year, as a file of one bare plan may hold, is 2013. */
static void
test_migration_bare (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v5.db", NULL);
  g_autoptr(JpDatabase) db = NULL;
  sqlite3 *raw;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  for (guint v = 0; v < 5; v++)
    g_assert_cmpint (sqlite3_exec (raw, jp_schema_migrations[v], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "PRAGMA user_version = 5; PRAGMA application_id = 1246776398;"
                                 "INSERT INTO item (id, uid, kind) VALUES (1, 'plan', 'plan');"
                                 "INSERT INTO item (id, uid, kind, parent) VALUES (2, 'contacts', 'contacts', 1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_years (db, 2013, 2013);
  g_clear_object (&db);
  jp_test_remove_dir (dir);
}

/* The words of a new plan's summary, shared by the command line and the
 * window. */
static void
test_summary_words (void)
{
  JpNewPlanSummary summary = { 2013, 2014, 112, 5, 7, 1 };
  g_autofree char *text = jp_new_plan_summary_describe (&summary);

  g_assert_cmpstr (text, ==, "carried over 112 projects (5 postponed, now new), left 7 done and 1 dropped in 2013");
}

#define assert_closed(call) G_STMT_START {                          \
    g_autoptr(GError) closed_error = NULL;                          \
    GError **error_p = &closed_error;                               \
    g_assert_false (call);                                          \
    g_assert_error (closed_error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CLOSED); \
    g_assert_nonnull (strstr (closed_error->message, "2013"));      \
  } G_STMT_END

/* A closed year refuses every edit of its items and every import, and
 * is still read and exported; another year stays open; closing and
 * reopening are undone as one step each. */
static void
test_closed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpItem) root = jp_database_get_root (db);
  g_autoptr(JpItem) section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) other_section = jp_database_find_numbered (db, JP_KIND_SECTION, "3.1");
  g_autoptr(JpItem) area = jp_database_find_numbered (db, JP_KIND_AREA, "1");
  g_autoptr(JpItem) contacts = jp_database_find_child (db, root, JP_KIND_CONTACTS);
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(JpItem) project = NULL;
  g_autoptr(JpItem) section_2014 = NULL;
  g_autoptr(GBytes) section_file = NULL;
  g_autoptr(GBytes) plan_file = NULL;
  g_autoptr(JpItem) added = NULL;
  JpNewPlanSummary summary;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_nonnull (section);
  g_assert_nonnull (other_section);
  g_assert_nonnull (area);
  g_assert_nonnull (contacts);
  projects = jp_database_get_children (db, section, JP_KIND_MASK (JP_KIND_PROJECT));
  project = g_list_model_get_item (projects, 0);
  g_assert_nonnull (project);
  section_file = jp_xml_export_bytes (db, section, &error);
  g_assert_no_error (error);
  plan_file = jp_xml_export_bytes (db, root, &error);
  g_assert_no_error (error);
  g_assert_true (jp_database_new_plan (db, 2014, &summary, &error));
  g_assert_no_error (error);

  g_assert_false (jp_database_get_year_closed (db, 2013));
  g_assert_false (jp_database_get_year_closed (db, 2014));
  g_assert_false (jp_database_set_year_closed (db, 2012, TRUE, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  before = export_plan (db);
  g_assert_true (jp_database_set_year_closed (db, 2013, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_get_year_closed (db, 2013));
  g_assert_false (jp_database_get_year_closed (db, 2014));
  {
    JpChange change;

    g_assert_true (jp_store_get_history (JP_STORE (db), FALSE, &change));
    g_assert_cmpint (change.kind, ==, JP_CHANGE_CLOSE_YEAR);
    g_assert_cmpint (change.detail, ==, 1);
    g_assert_cmpstr (change.label, ==, "2013");
    jp_change_clear (&change);
  }
  /* Closing again changes nothing and makes no step. */
  g_assert_true (jp_database_set_year_closed (db, 2013, TRUE, &error));
  g_assert_no_error (error);

  /* Every kind of edit. */
  assert_closed ((added = jp_database_add_item (db, section, JP_KIND_PROJECT, NULL, error_p)) != NULL);
  assert_closed ((added = jp_database_add_item_full (db, section, JP_KIND_PROJECT, NULL, JP_PHASE_NEW,
                                                     JP_STATUS_PLANNED, error_p)) != NULL);
  assert_closed (jp_database_remove_item (db, project, error_p));
  assert_closed (jp_database_move_item (db, project, other_section, NULL, error_p));
  assert_closed (jp_database_set_text (db, project, JP_TEXT_BODY, JP_LANG_NL, "Gesloten", error_p));
  assert_closed (jp_database_set_text (db, root, JP_TEXT_TITLE, JP_LANG_FR, "Fermé", error_p));
  assert_closed (jp_database_set_field (db, section, JP_FIELD_NUMBER, "5.8", error_p));
  assert_closed (jp_database_set_status (db, project, JP_STATUS_DONE, error_p));
  assert_closed (jp_database_set_phase (db, project, jp_item_get_phase (project) == JP_PHASE_NEW ? JP_PHASE_ONGOING
                                                                                              : JP_PHASE_NEW, error_p));
  assert_closed (jp_database_set_section_area (db, section, area, TRUE, error_p));
  assert_closed ((added = jp_database_add_item (db, contacts, JP_KIND_TEAM, NULL, error_p)) != NULL);
  /* Every kind of import: a section, the whole plan, a dry run. */
  assert_closed (jp_xml_import_bytes (db, section_file, "s57.xml", JP_IMPORT_DEFAULT, NULL, error_p));
  assert_closed (jp_xml_import_bytes (db, plan_file, "plan.xml", JP_IMPORT_DEFAULT, NULL, error_p));
  assert_closed (jp_xml_import_bytes (db, plan_file, "plan.xml", JP_IMPORT_DRY_RUN, NULL, error_p));
  g_assert_null (added);
  /* Read and exported as it was. */
  after = export_plan (db);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* 2014 stays open; moving an item of it into 2013 is refused. */
  g_assert_true (jp_database_set_year (db, 2014, &error));
  g_assert_no_error (error);
  section_2014 = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  g_assert_true (jp_database_set_text (db, section_2014, JP_TEXT_NOTE, JP_LANG_NL, "Open", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) projects_2014 = jp_database_get_children (db, section_2014, JP_KIND_MASK (JP_KIND_PROJECT));
    g_autoptr(JpItem) project_2014 = g_list_model_get_item (projects_2014, 0);

    assert_closed (jp_database_move_item (db, project_2014, section, NULL, error_p));
  }
  g_assert_true (jp_database_undo (db, &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_get_year_closed (db, 2013));
  g_assert_true (jp_database_set_year (db, 2013, &error));
  g_assert_no_error (error);

  /* Undoing the closing reopens; redoing closes again. */
  g_assert_true (jp_database_undo (db, &error));
  g_assert_no_error (error);
  g_assert_false (jp_database_get_year_closed (db, 2013));
  g_assert_true (jp_database_redo (db, &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_get_year_closed (db, 2013));
  g_assert_true (jp_database_undo (db, &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_set_status (db, project, JP_STATUS_DONE, &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_set_year_closed (db, 2013, TRUE, &error));
  g_assert_no_error (error);

  /* Reopening allows every edit again, and is one step of undo. */
  g_assert_true (jp_database_set_year_closed (db, 2013, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (jp_database_get_year_closed (db, 2013));
  g_assert_true (jp_database_set_text (db, project, JP_TEXT_BODY, JP_LANG_NL, "Weer open", &error));
  g_assert_no_error (error);
  g_assert_true (jp_xml_import_bytes (db, section_file, "s57.xml", JP_IMPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_undo (db, &error));
  g_assert_true (jp_database_undo (db, &error));
  g_assert_no_error (error);
  g_assert_false (jp_database_get_year_closed (db, 2013));
  g_assert_true (jp_database_undo (db, &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_get_year_closed (db, 2013));

  /* A new plan is made from a closed year; the new year is open. */
  g_assert_true (jp_database_new_plan (db, 2015, &summary, &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_get_year_closed (db, 2013));
  g_assert_false (jp_database_get_year_closed (db, 2015));
}

/* A file of schema 7 (no closed years) comes over with everything it
 * held: the plans of its years, their continuation and the undo history. */
static void
test_migration_8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v7.db", NULL);
  g_autoptr(JpDatabase) db = jp_test_open_seeded (path, JP_DATABASE_OPEN_DEFAULT);
  g_autoptr(JpItem) section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  g_autofree char *before_2013 = NULL;
  g_autofree char *before_2014 = NULL;
  g_autofree char *after = NULL;
  JpNewPlanSummary summary;

  g_assert_true (jp_database_set_text (db, section, JP_TEXT_NOTE, JP_LANG_NL, "Nog na te gaan", &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_new_plan (db, 2014, &summary, &error));
  g_assert_no_error (error);
  before_2013 = export_plan (db);
  g_assert_true (jp_database_set_year (db, 2014, &error));
  before_2014 = export_plan (db);
  g_clear_object (&section);
  g_clear_object (&db);

  undo_schema (path, 7);

  db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_years (db, 2013, 2014);
  g_assert_false (jp_database_get_year_closed (db, 2013));
  g_assert_false (jp_database_get_year_closed (db, 2014));
  after = export_plan (db);
  g_assert_cmpstr (after, ==, before_2014);
  g_clear_pointer (&after, g_free);
  g_assert_true (jp_database_set_year (db, 2013, &error));
  after = export_plan (db);
  g_assert_cmpstr (after, ==, before_2013);
  /* The new plan, then the note: undone as before. */
  g_assert_true (jp_database_undo (db, &error));
  g_assert_no_error (error);
  assert_years (db, 2013, 2013);
  g_assert_true (jp_database_undo (db, &error));
  g_assert_no_error (error);
  section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  g_assert_null (jp_item_get_text (section, JP_TEXT_NOTE, JP_LANG_NL));
  /* And the new table works. */
  g_assert_true (jp_database_set_year_closed (db, 2013, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_get_year_closed (db, 2013));
  g_clear_object (&section);
  g_clear_object (&db);
  jp_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/years/new-plan", test_new_plan);
  g_test_add_func ("/years/migration", test_migration);
  g_test_add_func ("/years/migration/bare", test_migration_bare);
  g_test_add_func ("/years/migration/8", test_migration_8);
  g_test_add_func ("/years/summary-words", test_summary_words);
  g_test_add_func ("/years/closed", test_closed);

  return g_test_run ();
}
