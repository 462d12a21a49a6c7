/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"

#include "model/jp-store.h"
#include "model/store/jp-database.h"
#include "model/store/jp-schema.h"

/* A project's progress through the year: its note and the date the store
 * gives it when the note or the status changes. */

typedef JpTestPlan Fixture;

/* Today, local time, as the store writes it; @before is read before the
 * change, so that a change at midnight finds either day. */
static gboolean
is_today (const char *date,
          const char *before)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *after = g_date_time_format (now, "%Y-%m-%d");

  return g_strcmp0 (date, before) == 0 || g_strcmp0 (date, after) == 0;
}

static void
test_progress_dated (Fixture       *f,
                     gconstpointer  data)
{
  JpStore *store = JP_STORE (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) root = jp_store_get_root (store);
  g_autoptr(JpItem) chapter = jp_test_add_item (store, root, JP_KIND_CHAPTER);
  g_autoptr(JpItem) section = jp_test_add_item (store, chapter, JP_KIND_SECTION);
  g_autoptr(JpItem) project = jp_test_add_item (store, section, JP_KIND_PROJECT);
  g_autoptr(JpItem) objective = jp_test_add_item (store, section, JP_KIND_OBJECTIVE);
  g_autofree char *before = jp_test_today ();

  /* Only a project holds progress. */
  g_assert_true (jp_kind_allows_text (JP_KIND_PROJECT, JP_TEXT_PROGRESS));
  g_assert_true (jp_kind_allows_field (JP_KIND_PROJECT, JP_FIELD_PROGRESS_DATE));
  g_assert_false (jp_kind_allows_text (JP_KIND_SECTION, JP_TEXT_PROGRESS));
  g_assert_false (jp_store_set_text (store, objective, JP_TEXT_PROGRESS, JP_LANG_NL, "Half af", &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (jp_item_get_field (project, JP_FIELD_PROGRESS_DATE));

  /* The note dates the project, in the same step of undo. */
  g_assert_true (jp_store_set_text (store, project, JP_TEXT_PROGRESS, JP_LANG_NL,
                                    "Verdrag in behandeling bij de parlementen", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jp_item_get_text (project, JP_TEXT_PROGRESS, JP_LANG_NL), ==,
                   "Verdrag in behandeling bij de parlementen");
  g_assert_true (is_today (jp_item_get_field (project, JP_FIELD_PROGRESS_DATE), before));
  g_assert_true (jp_test_search_finds (store, "parlementen", project));
  g_assert_true (jp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_null (jp_item_get_text (project, JP_TEXT_PROGRESS, JP_LANG_NL));
  g_assert_null (jp_item_get_field (project, JP_FIELD_PROGRESS_DATE));
  g_assert_false (jp_test_search_finds (store, "parlementen", project));
  g_assert_true (jp_store_redo (store, &error));
  g_assert_no_error (error);
  g_assert_true (is_today (jp_item_get_field (project, JP_FIELD_PROGRESS_DATE), before));

  /* So does the status; the date can also be set by hand, and another
   * text leaves it alone. */
  g_assert_true (jp_store_set_field (store, project, JP_FIELD_PROGRESS_DATE, "2013-06-30", &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_set_text (store, project, JP_TEXT_NOTE, JP_LANG_NL, "Zie ook 5.8", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jp_item_get_field (project, JP_FIELD_PROGRESS_DATE), ==, "2013-06-30");
  g_assert_true (jp_store_set_status (store, project, JP_STATUS_IN_PROGRESS, &error));
  g_assert_no_error (error);
  g_assert_true (is_today (jp_item_get_field (project, JP_FIELD_PROGRESS_DATE), before));
  g_assert_true (jp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jp_item_get_field (project, JP_FIELD_PROGRESS_DATE), ==, "2013-06-30");
  g_assert_cmpint (jp_item_get_status (project), !=, JP_STATUS_IN_PROGRESS);

  /* Not a date: refused. */
  g_assert_false (jp_store_set_field (store, project, JP_FIELD_PROGRESS_DATE, "30-06-2013", &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID);
}

/* A database of the fifth schema is brought over: its texts and their
 * indexes kept, its projects without progress, ready to take it. */
static void
test_progress_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v5.db", NULL);
  g_autoptr(JpDatabase) db = NULL;
  g_autoptr(JpItem) project = NULL;
  g_autoptr(JpItem) section = NULL;
  g_autofree char *before = jp_test_today ();
  sqlite3 *raw;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  for (guint v = 0; v < 5; v++)
    g_assert_cmpint (sqlite3_exec (raw, jp_schema_migrations[v], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "PRAGMA user_version = 5; PRAGMA application_id = 1246776398;"
                                 "INSERT INTO item (id, uid, kind) VALUES (1, 'plan', 'plan');"
                                 "INSERT INTO item (id, uid, kind, parent) VALUES (2, 'contacts', 'contacts', 1);"
                                 "INSERT INTO item (id, uid, kind, parent, number) VALUES (6, 'c5', 'chapter', 1, '5');"
                                 "INSERT INTO item (id, uid, kind, parent, number) VALUES (7, 's57', 'section', 6, '5.7');"
                                 "INSERT INTO item (id, uid, kind, parent, phase, status)"
                                 "  VALUES (8, 'p1', 'project', 7, 'new', 'planned');"
                                 "INSERT INTO text (item, field, lang, value) VALUES (7, 'title', 'nl', 'Carrouselfraude');"
                                 "INSERT INTO text (item, field, lang, value) VALUES (8, 'text', 'fr', 'Ratification');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  project = jp_store_lookup (JP_STORE (db), 8);
  g_assert_nonnull (project);
  g_assert_cmpstr (jp_item_get_text (project, JP_TEXT_BODY, JP_LANG_FR), ==, "Ratification");
  g_assert_null (jp_item_get_field (project, JP_FIELD_PROGRESS_DATE));
  g_assert_cmpint (jp_item_get_status (project), ==, JP_STATUS_PLANNED);
  g_assert_true (jp_test_search_finds (JP_STORE (db), "ratification", project));
  section = jp_store_lookup (JP_STORE (db), 7);
  g_assert_true (jp_test_search_finds (JP_STORE (db), "rouself", section));
  g_assert_true (jp_store_set_text (JP_STORE (db), project, JP_TEXT_PROGRESS, JP_LANG_FR,
                                    "Ratifié par deux pays", &error));
  g_assert_no_error (error);
  g_assert_true (is_today (jp_item_get_field (project, JP_FIELD_PROGRESS_DATE), before));
  g_assert_true (jp_test_search_finds (JP_STORE (db), "ratifie", project));
  g_clear_object (&project);
  g_clear_object (&section);
  g_clear_object (&db);

  /* And opens again as it was left. */
  db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  project = jp_store_lookup (JP_STORE (db), 8);
  g_assert_cmpstr (jp_item_get_text (project, JP_TEXT_PROGRESS, JP_LANG_FR), ==, "Ratifié par deux pays");
  g_clear_object (&project);
  g_clear_object (&db);
  jp_test_remove_dir (dir);
}

/* Progress is the year's own: a new year's plan starts without the notes
 * and dates of the year before, which keeps them. */
static void
test_progress_per_year (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) s57 = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  g_autoptr(GListModel) projects = jp_database_get_children (db, s57, JP_KIND_MASK (JP_KIND_PROJECT));
  g_autoptr(JpItem) project = g_list_model_get_item (projects, 1);
  g_autofree char *uid = g_strdup_printf ("%s-2014", jp_item_get_uid (project));
  g_autoptr(JpItem) next = NULL;
  JpNewPlanSummary summary;

  g_assert_true (jp_database_set_text (db, project, JP_TEXT_PROGRESS, JP_LANG_NL, "Halverwege", &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_set_text (db, project, JP_TEXT_PROGRESS, JP_LANG_FR, "À mi-chemin", &error));
  g_assert_no_error (error);
  g_assert_nonnull (jp_item_get_field (project, JP_FIELD_PROGRESS_DATE));
  g_assert_true (jp_database_new_plan (db, 2014, &summary, &error));
  g_assert_no_error (error);

  next = jp_database_lookup_uid (db, uid);
  g_assert_nonnull (next);
  g_assert_null (jp_item_get_text (next, JP_TEXT_PROGRESS, JP_LANG_NL));
  g_assert_null (jp_item_get_text (next, JP_TEXT_PROGRESS, JP_LANG_FR));
  g_assert_null (jp_item_get_field (next, JP_FIELD_PROGRESS_DATE));
  /* Its other texts came along. */
  g_assert_cmpstr (jp_item_get_text (next, JP_TEXT_BODY, JP_LANG_NL), ==, jp_item_get_text (project, JP_TEXT_BODY, JP_LANG_NL));
  g_assert_cmpstr (jp_item_get_text (project, JP_TEXT_PROGRESS, JP_LANG_NL), ==, "Halverwege");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/progress/dated", Fixture, NULL, jp_test_plan_set_up, test_progress_dated, jp_test_plan_tear_down);
  g_test_add_func ("/progress/migration", test_progress_migration);
  g_test_add_func ("/progress/per-year", test_progress_per_year);

  return g_test_run ();
}
