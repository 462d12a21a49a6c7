/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-exchange.h"
#include "jp-test-util.h"

#include <string.h>

#include "model/store/jp-database.h"
#include "model/store/jp-sqlite-private.h"
#include "model/exchange/jp-xml.h"

/* An import writes the rows it adds in bulk: without their insert
 * triggers, then indexed, logged for undo and recorded in the history
 * in one statement each.  The plan must be found, undone, redone and
 * read back exactly as if each row had gone through its triggers. */

#define NEW_PROJECT \
  "<project id=\"sec-5.7-new\" phase=\"new\" status=\"planned\">" \
  "<text xml:lang=\"nl\">Kwartsfilterproef met zeldzaamwoord voor de douane;</text>" \
  "<text xml:lang=\"fr\">Essai de filtre à quartz avec motrarissime ;</text>" \
  "<item id=\"sec-5.7-new-1\"><text xml:lang=\"nl\">Deelstap ondergeschoven</text></item>" \
  "</project>"

static gint64
query_int (JpDatabase *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_jp_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Every full-text index holds exactly what its table does. */
static void
assert_indexes_sound (JpDatabase *db)
{
  static const char *const tables[] = { "text_fts", "item_fts", "text_tri", "item_tri" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('integrity-check')", tables[i], tables[i]);
      char *message = NULL;
      int rc = sqlite3_exec (_jp_database_get_handle (db), sql, NULL, NULL, &message);

      if (rc != SQLITE_OK)
        g_error ("%s: %s", tables[i], message);
    }
  /* A contentless index checks only itself: count what it holds. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM text_tri_docsize"), ==,
                   query_int (db, "SELECT count(*) FROM text WHERE field = 'title'"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM text_fts_docsize"), ==,
                   query_int (db, "SELECT count(*) FROM text"));
  g_assert_cmpint (query_int (db, "SELECT bulk FROM undo_state"), ==, 0);
}

static gboolean
finds (JpDatabase *db,
       const char *query,
       const char *uid)
{
  g_autoptr(JpItem) item = jp_database_lookup_uid (db, uid);

  return item != NULL && jp_test_search_finds (JP_STORE (db), query, item);
}

static char *
with_changes (JpDatabase *db)
{
  g_autofree char *sent = jp_test_export_section (db);
  g_autofree char *added = jp_test_replace (sent, "\n    <group ", NEW_PROJECT "\n    <group ");
  g_autofree char *noted = NULL;

  /* A text the plan did not have, on a project it has. */
  noted = jp_test_replace (added, "lors d’actions de contrôle\xe2\x80\xaf;</text>",
                           "lors d’actions de contrôle\xe2\x80\xaf;</text>"
                           "<note xml:lang=\"nl\">Opvolging door de werkgroep zandloper</note>");
  /* And a text changed. */
  return jp_test_replace (noted, "Uitwisselen van informatie bij controle-acties mogelijk maken;",
                          "Uitwisselen van informatie bij gezamenlijke controle-acties mogelijk maken;");
}

static void
test_section (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *file = with_changes (db);
  g_autofree char *before = jp_test_dump_full (db, FALSE);
  g_autofree char *after = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 new_id, history_before = query_int (db, "SELECT count(*) FROM history");

  assert_indexes_sound (db);
  report = jp_test_import_ok (db, file, JP_IMPORT_DEFAULT, NULL);
  assert_indexes_sound (db);
  after = jp_test_dump_full (db, FALSE);

  /* Found by a word, inside a word of a title, and the new note. */
  g_assert_true (finds (db, "zeldzaamwoord", "sec-5.7-new"));
  g_assert_true (finds (db, "motrarissime", "sec-5.7-new"));
  g_assert_true (finds (db, "ondergeschoven", "sec-5.7-new-1"));
  g_assert_true (finds (db, "zandloper", "sec-5.7-p3"));
  g_assert_true (finds (db, "gezamenlijke", "sec-5.7-p3"));

  /* Logged for undo as one entry of the rows it added. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM undo_log WHERE sql LIKE 'DELETE FROM text WHERE id >%'"),
                   ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM undo_log WHERE sql LIKE 'DELETE FROM text WHERE id=%'"),
                   ==, 0);

  /* Recorded in the history as the triggers do: the added items with
   * their values, every added text, the changed one. */
  new_id = query_int (db, "SELECT id FROM item WHERE uid = 'sec-5.7-new'");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM history WHERE kind = 5 AND json_extract (new_value, '$.uid')"
                                  " IN ('sec-5.7-new', 'sec-5.7-new-1') AND step IS NOT NULL"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM history h JOIN item i ON i.id = h.item"
                                  " WHERE h.kind = 1 AND h.old_value IS NULL AND i.uid LIKE 'sec-5.7-new%'"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM history h JOIN item i ON i.id = h.item"
                                  " WHERE h.kind = 1 AND i.uid = 'sec-5.7-p3'"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM history WHERE kind <> 7") - history_before, ==, 2 + 3 + 2);
  g_assert_cmpint (new_id, >, 0);

  /* Undone: the plan as it was, not found any more. */
  g_assert_true (jp_database_undo (db, &error));
  g_assert_no_error (error);
  assert_indexes_sound (db);
  {
    g_autofree char *undone = jp_test_dump_full (db, FALSE);
    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_false (finds (db, "zeldzaamwoord", "sec-5.7-new"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM text_fts WHERE text_fts MATCH 'zandloper'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM text_tri WHERE text_tri MATCH 'rarissime'"), ==, 0);

  /* Redone: as imported. */
  g_assert_true (jp_database_redo (db, &error));
  g_assert_no_error (error);
  assert_indexes_sound (db);
  redone = jp_test_dump_full (db, FALSE);
  g_assert_cmpstr (redone, ==, after);
  g_assert_true (finds (db, "zeldzaamwoord", "sec-5.7-new"));
  g_assert_true (finds (db, "zandloper", "sec-5.7-p3"));
}

/* A refused import leaves no trace, and the next edits are indexed one
 * by one again. */
static void
test_refused (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *sent = jp_test_export_section (db);
  g_autofree char *before = jp_test_dump_full (db, TRUE);
  g_autofree char *taken = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JpImportReport) report = NULL;

  /* A new project under a uid another section's item has. */
  taken = jp_test_replace (sent, "\n    <group ",
                           "<project id=\"sec-5.1-p1\" phase=\"new\" status=\"planned\"><text xml:lang=\"nl\">Bezet</text></project>"
                           "\n    <group ");
  report = jp_test_import_refused (db, taken, JP_IMPORT_DEFAULT, JP_XML_ERROR_CONFLICT);
  after = jp_test_dump_full (db, TRUE);
  g_assert_cmpstr (after, ==, before);
  assert_indexes_sound (db);

  jp_test_set_text (db, "sec-5.7-p2", "Nagekeken met hagelsteen");
  g_assert_true (finds (db, "hagelsteen", "sec-5.7-p2"));
  assert_indexes_sound (db);
}

/* A whole plan into a bare one (the bundled plan): every row in bulk. */
static void
test_whole_plan (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);

  assert_indexes_sound (db);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM item_fts_docsize"), ==,
                   query_int (db, "SELECT count(*) FROM item"));
  g_assert_true (finds (db, "carrouselfraude", "sec-5.7-p1"));
  /* Inside a word of a title, and of a code. */
  g_assert_true (finds (db, "issementsfr", "sec-5.7-g9"));
  g_assert_true (finds (db, "SC-FA", "sec-5.7-g9"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-bulk/section", test_section);
  g_test_add_func ("/import-bulk/refused", test_refused);
  g_test_add_func ("/import-bulk/whole-plan", test_whole_plan);
  return g_test_run ();
}
