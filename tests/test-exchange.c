/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-exchange.h"
#include "jp-test-util.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "model/store/jp-database.h"
#include "model/store/jp-sqlite-private.h"
#include "model/exchange/jp-xml.h"
#include "model/exchange/jp-xml-merge.h"
#include "model/store/jp-connection-exchange.h"

/* Exchanging chapters and sections: a file can only change its scope, a
 * whole plan cannot silently wipe the plan, and a section that comes
 * back never reverts what was changed here since it was sent. */

static char *tmp_dir;


static void
test_record_deterministic (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *a = jp_test_export_section (db);
  g_autofree char *b = jp_test_export_section (db);
  g_autofree char *plan = jp_test_export_numbered (db, JP_KIND_PLAN, NULL);
  g_autofree char *chapter = jp_test_export_numbered (db, JP_KIND_CHAPTER, "5");
  g_autofree char *id = jp_test_sent_export_id (a);

  /* The same state gives the same bytes; the record comes first. */
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "<sent export=\""));
  g_assert_true (strstr (a, "<sent ") < strstr (a, "<section "));
  g_assert_nonnull (strstr (a, "<fingerprint ref=\"sec-5.7\" value=\""));
  g_assert_nonnull (strstr (a, "<fingerprint ref=\"sec-5.7-p1\" parent=\"sec-5.7\" value=\""));
  g_assert_nonnull (strstr (chapter, "<sent export=\""));
  /* The whole plan carries none. */
  g_assert_null (strstr (plan, "<sent"));
  g_assert_null (strstr (plan, "fingerprint"));

  /* A change in the section gives another export id. */
  jp_test_set_text (db, "sec-5.7-p1", "Anders.");
  {
    g_autofree char *c = jp_test_export_section (db);
    g_autofree char *id2 = jp_test_sent_export_id (c);
    g_assert_cmpstr (id, !=, id2);
  }
}

/* The fingerprint covers content and parent, not the position. */
static void
test_record_fingerprint (void)
{
  char *fields[JP_N_FIELDS] = { NULL, };
  char *texts[JP_N_TEXTS][JP_N_LANGS] = { { NULL, }, };
  char *areas_a[] = { "area-1", "area-2" };
  char *areas_b[] = { "area-2", "area-1", "area-2" };
  char a[JP_FINGERPRINT_LEN + 1], b[JP_FINGERPRINT_LEN + 1], c[JP_FINGERPRINT_LEN + 1];

  texts[JP_TEXT_BODY][JP_LANG_NL] = "Tekst";
  _jp_fingerprint (a, JP_KIND_SECTION, "ch-5", JP_PHASE_NONE, JP_STATUS_NONE, fields, texts, areas_a, 2);
  _jp_fingerprint (b, JP_KIND_SECTION, "ch-5", JP_PHASE_NONE, JP_STATUS_NONE, fields, texts, areas_b, 3);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpuint (strlen (a), ==, JP_FINGERPRINT_LEN);
  _jp_fingerprint (c, JP_KIND_SECTION, "ch-4", JP_PHASE_NONE, JP_STATUS_NONE, fields, texts, areas_a, 2);
  g_assert_cmpstr (a, !=, c);
  texts[JP_TEXT_BODY][JP_LANG_NL] = "Tekst.";
  _jp_fingerprint (c, JP_KIND_SECTION, "ch-5", JP_PHASE_NONE, JP_STATUS_NONE, fields, texts, areas_a, 2);
  g_assert_cmpstr (a, !=, c);
  /* Text moved from one field to another is a change too. */
  texts[JP_TEXT_BODY][JP_LANG_NL] = NULL;
  texts[JP_TEXT_NOTE][JP_LANG_NL] = "Tekst";
  _jp_fingerprint (c, JP_KIND_SECTION, "ch-5", JP_PHASE_NONE, JP_STATUS_NONE, fields, texts, areas_a, 2);
  g_assert_cmpstr (a, !=, c);
}

/* ---------------------------------------------------------------- scope */

static gboolean
watch (JpDatabase *db,
       gint64      root_id,
       const char *sql)
{
  sqlite3 *handle = _jp_database_get_handle (db);
  g_autoptr(GError) error = NULL;
  gboolean outside = FALSE;

  g_assert_cmpint (sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (_jp_connection_watch_begin (_jp_database_get_connection (db), root_id, &error));
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (_jp_connection_watch_end (_jp_database_get_connection (db), root_id, &outside, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  return outside;
}

/* Writes inside the scope pass, writes outside are seen, cascades too;
 * the counts of the rest change with what is added or removed there. */
static void
test_scope_watch (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpItem) section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  gint64 id = jp_item_get_id (section);
  sqlite3 *handle = _jp_database_get_handle (db);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = _jp_connection_outside_counts (_jp_database_get_connection (db), id, &error);
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (before, "items "));
  g_assert_false (watch (db, id, "UPDATE text SET value = 'Binnen.' WHERE item = (SELECT id FROM item"
                                 " WHERE uid = 'sec-5.7-p1')"));
  g_assert_false (watch (db, id, "DELETE FROM item WHERE uid = 'sec-5.7-p2'"));
  g_assert_true (watch (db, id, "UPDATE text SET value = 'Buiten.' WHERE item = (SELECT id FROM item"
                                " WHERE uid = 'sec-5.6-p1')"));
  g_assert_true (watch (db, id, "UPDATE item SET code = 'X' WHERE uid = 'sec-5.6-g1'"));
  /* Moving an outside item into the scope writes outside. */
  g_assert_true (watch (db, id, "UPDATE item SET parent = (SELECT id FROM item WHERE uid = 'sec-5.7')"
                                " WHERE uid = 'sec-5.6-p1'"));
  /* The texts of an outside item. */
  g_assert_true (watch (db, id, "DELETE FROM text WHERE item = (SELECT id FROM item WHERE uid = 'sec-5.6-p1')"));

  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM item WHERE uid = 'sec-5.6-p1'", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  after = _jp_connection_outside_counts (_jp_database_get_connection (db), id, &error);
  g_assert_cmpstr (before, !=, after);
}

/* An import whose writes reach outside its section (made to, here, by a
 * trigger standing for a bug) is rolled back. */
static void
test_scope_refused (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *file = jp_test_export_section (db);
  g_autofree char *edited = jp_test_replace (file, P1_OPEN, P1_DONE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JpImportReport) report = NULL;

  g_assert_cmpint (sqlite3_exec (_jp_database_get_handle (db),
                                 "CREATE TEMP TRIGGER stray AFTER UPDATE OF status ON item BEGIN"
                                 " UPDATE item SET code = 'STRAY' WHERE uid = 'sec-5.6-g1'; END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  before = jp_test_dump (db);
  report = jp_test_import_refused (db, edited, JP_IMPORT_DEFAULT, JP_XML_ERROR_OUTSIDE_SCOPE);
  g_assert_null (report);
  after = jp_test_dump (db);
  g_assert_cmpstr (before, ==, after);

  /* Without the stray write the same file imports. */
  g_assert_cmpint (sqlite3_exec (_jp_database_get_handle (db), "DROP TRIGGER stray", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_clear_pointer (&report, jp_import_report_free);
  report = jp_test_import_ok (db, edited, JP_IMPORT_DEFAULT, NULL);
  g_assert_cmpuint (jp_test_status_of (db, "sec-5.7-p1"), ==, JP_STATUS_DONE);
}

static void
test_mass_removal (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *before = jp_test_dump (db);
  g_autofree char *after = NULL;
  g_autoptr(JpImportReport) dry = NULL;
  g_autoptr(JpImportReport) refused = NULL;
  g_autoptr(JpImportReport) forced = NULL;
  g_autoptr(JpItem) s1 = NULL;
  g_autoptr(JpItem) s57 = NULL;

  /* Refused, with the counts, on a dry run as on the real one. */
  dry = jp_test_import_refused (db, SMALL_PLAN, JP_IMPORT_DRY_RUN, JP_XML_ERROR_MASS_REMOVAL);
  refused = jp_test_import_refused (db, SMALL_PLAN, JP_IMPORT_DEFAULT, JP_XML_ERROR_MASS_REMOVAL);
  g_assert_nonnull (refused);
  g_assert_cmpuint (refused->n_items, >, 500);
  g_assert_cmpuint (jp_import_report_removed_total (refused), >, refused->n_items / 2);
  g_assert_cmpuint (jp_import_report_removed_total (dry), ==, jp_import_report_removed_total (refused));
  after = jp_test_dump (db);
  g_assert_cmpstr (before, ==, after);

  /* The message says how many and what to do. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (SMALL_PLAN, strlen (SMALL_PLAN));
    g_autoptr(GError) error = NULL;
    g_autofree char *count = g_strdup_printf ("remove %u of the %u items", jp_import_report_removed_total (refused),
                                              refused->n_items);

    g_assert_false (jp_xml_import_bytes (db, bytes, "small.xml", JP_IMPORT_DEFAULT, NULL, &error));
    g_assert_nonnull (strstr (error->message, count));
    g_assert_nonnull (strstr (error->message, "--force"));
  }

  forced = jp_test_import_ok (db, SMALL_PLAN, JP_IMPORT_FORCE, NULL);
  g_assert_cmpuint (jp_import_report_removed_total (forced), ==, jp_import_report_removed_total (refused));
  s1 = jp_database_lookup_uid (db, "s1");
  g_assert_nonnull (s1);
  s57 = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  g_assert_null (s57);
}

/* ---------------------------------------------------------------- conflicts */

/* Changed only in the file: taken. */
static void
test_changed_in_file (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *file = jp_test_export_section (db);
  g_autofree char *edited = jp_test_replace (file, P1_OPEN, P1_DONE);
  g_autoptr(JpImportReport) report = jp_test_import_ok (db, edited, JP_IMPORT_DEFAULT, NULL);
  g_autofree char *summary = jp_import_report_describe (report);

  g_assert_true (report->checked);
  g_assert_null (report->unchecked);
  g_assert_cmpuint (report->conflicts->len, ==, 0);
  g_assert_cmpuint (report->kept, ==, 0);
  g_assert_cmpuint (jp_test_status_of (db, "sec-5.7-p1"), ==, JP_STATUS_DONE);
  g_assert_true (g_str_has_prefix (summary, "added 0, changed 1, removed 0 in 5.7 "));
}

/* The lost update of the issue: export 5.7, change 5.7 here, import the
 * earlier file.  The change made here stays. */
static void
test_changed_in_database (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *file = jp_test_export_section (db);
  g_autoptr(JpImportReport) report = NULL;

  jp_test_set_text (db, "sec-5.7-p1", "Nieuwer, hier geschreven.");
  jp_test_set_status (db, "sec-5.7-p2", JP_STATUS_DONE);
  report = jp_test_import_ok (db, file, JP_IMPORT_DEFAULT, NULL);
  g_assert_true (report->checked);
  g_assert_cmpuint (report->kept, ==, 2);
  g_assert_cmpuint (jp_import_report_total (report, report->changed), ==, 0);
  assert_text (db, "sec-5.7-p1", ==, "Nieuwer, hier geschreven.");
  g_assert_cmpuint (jp_test_status_of (db, "sec-5.7-p2"), ==, JP_STATUS_DONE);
}

/* Changed on both sides: refused with both versions, nothing changed,
 * also on a dry run; then a choice per item decides. */
static void
test_changed_in_both (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *file = jp_test_export_section (db);
  g_autofree char *edited = jp_test_replace (file, P1_OPEN, P1_DONE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listed = NULL;
  g_autoptr(JpImportReport) dry = NULL;
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(JpImportReport) resolved = NULL;
  g_autoptr(GHashTable) choices = jp_import_choices_new ();
  JpImportConflict *c;

  jp_test_set_status (db, "sec-5.7-p1", JP_STATUS_DROPPED);
  jp_test_set_text (db, "sec-5.7-p2", "Ook hier veranderd.");   /* and not in the file: no conflict */
  before = jp_test_dump (db);

  dry = jp_test_import_refused (db, edited, JP_IMPORT_DRY_RUN, JP_XML_ERROR_EDIT_CONFLICT);
  report = jp_test_import_refused (db, edited, JP_IMPORT_DEFAULT, JP_XML_ERROR_EDIT_CONFLICT);
  after = jp_test_dump (db);
  g_assert_cmpstr (before, ==, after);

  g_assert_nonnull (report);
  g_assert_cmpuint (dry->conflicts->len, ==, 1);
  g_assert_cmpuint (report->conflicts->len, ==, 1);
  c = report->conflicts->pdata[0];
  g_assert_cmpint (c->kind, ==, JP_CONFLICT_CHANGED);
  g_assert_cmpint (c->item_kind, ==, JP_KIND_PROJECT);
  g_assert_cmpstr (c->uid, ==, "sec-5.7-p1");
  g_assert_cmpstr (c->theirs, ==, "status “done”");
  g_assert_cmpstr (c->mine, ==, "status “dropped”");
  g_assert_cmpint (c->line, >, 0);
  listed = jp_import_report_describe_conflicts (report);
  g_assert_nonnull (strstr (listed, "sec-5.7-p1"));
  g_assert_nonnull (strstr (listed, "in the file: status “done”"));
  g_assert_nonnull (strstr (listed, "in this database: status “dropped”"));

  /* Mine: the database's version stays, the rest of the file applies. */
  jp_import_choices_set (choices, "sec-5.7-p1", JP_CHOICE_MINE);
  resolved = jp_test_import_ok (db, edited, JP_IMPORT_DRY_RUN, choices);
  g_assert_cmpuint (resolved->conflicts->len, ==, 0);
  g_clear_pointer (&after, g_free);
  after = jp_test_dump (db);
  g_assert_cmpstr (before, ==, after);

  /* Theirs: the file's. */
  jp_import_choices_set (choices, "sec-5.7-p1", JP_CHOICE_THEIRS);
  g_clear_pointer (&resolved, jp_import_report_free);
  resolved = jp_test_import_ok (db, edited, JP_IMPORT_DEFAULT, choices);
  g_assert_cmpuint (jp_test_status_of (db, "sec-5.7-p1"), ==, JP_STATUS_DONE);
  assert_text (db, "sec-5.7-p2", ==, "Ook hier veranderd.");
}

/* The window's way: refused, then the choices, both through the worker. */
typedef struct {
  GMainLoop      *loop;
  gboolean        ok;
  GError         *error;
  JpImportReport *report;
} AsyncResult;

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->ok = jp_xml_import_finish (JP_DATABASE (source), result, &r->report, &r->error);
  g_main_loop_quit (r->loop);
}

static void
test_conflict_async (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "async.db", NULL);
  g_autofree char *xml = g_build_filename (tmp_dir, "async.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = jp_test_open_seeded (path, JP_DATABASE_OPEN_DEFAULT);
  g_autofree char *file = jp_test_export_section (db);
  g_autofree char *edited = jp_test_replace (file, P1_OPEN, P1_DONE);
  g_autoptr(GFile) gfile = g_file_new_for_path (xml);
  g_autoptr(GHashTable) choices = jp_import_choices_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncResult r = { loop, FALSE, NULL, NULL };

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (xml, edited, -1, NULL));
  jp_test_set_status (db, "sec-5.7-p1", JP_STATUS_DROPPED);

  jp_xml_import_async (db, gfile, JP_IMPORT_DEFAULT, NULL, import_done, &r);
  g_main_loop_run (loop);
  g_assert_false (r.ok);
  g_assert_error (r.error, JP_XML_ERROR, JP_XML_ERROR_EDIT_CONFLICT);
  g_assert_nonnull (r.report);
  g_assert_cmpuint (r.report->conflicts->len, ==, 1);
  g_clear_error (&r.error);
  g_clear_pointer (&r.report, jp_import_report_free);

  jp_import_choices_set (choices, "sec-5.7-p1", JP_CHOICE_THEIRS);
  jp_xml_import_full_async (db, gfile, JP_IMPORT_DEFAULT, choices, NULL, import_done, &r);
  g_main_loop_run (loop);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_cmpuint (jp_test_status_of (db, "sec-5.7-p1"), ==, JP_STATUS_DONE);
  jp_import_report_free (r.report);
  g_clear_object (&db);
  g_remove (xml);
  g_remove (path);
}

/* Items added and removed on either side since the export. */
static void
test_adds_and_removes (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *file = jp_test_export_section (db);
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(JpItem) section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) added = NULL;
  g_autoptr(JpItem) p4 = NULL;
  g_autoptr(JpItem) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *added_uid = NULL;

  /* Here: a project added, project 4 removed.  In the file: project 3
   * removed, a project added. */
  added = jp_database_add_item (db, section, JP_KIND_PROJECT, NULL, &error);
  g_assert_no_error (error);
  added_uid = g_strdup (jp_item_get_uid (added));
  jp_test_set_text (db, added_uid, "Hier toegevoegd.");
  p4 = jp_database_lookup_uid (db, "sec-5.7-p4");
  g_assert_true (jp_database_remove_item (db, p4, &error));
  t1 = jp_test_cut (file, "<project id=\"sec-5.7-p3\"", "</project>");
  t2 = jp_test_replace (t1, "    <group id=\"sec-5.7-g1\"",
                "    <project id=\"sec-5.7-p99\" phase=\"new\" status=\"planned\">\n"
                "      <text xml:lang=\"nl\">In het bestand toegevoegd.</text>\n"
                "    </project>\n    <group id=\"sec-5.7-g1\"");

  report = jp_test_import_ok (db, t2, JP_IMPORT_DEFAULT, NULL);
  g_assert_true (report->checked);
  g_assert_cmpuint (report->added[JP_KIND_PROJECT], ==, 1);
  g_assert_cmpuint (report->removed[JP_KIND_PROJECT], ==, 1);
  g_assert_cmpuint (report->kept, ==, 2);   /* the addition and the removal made here */
  assert_text (db, added_uid, ==, "Hier toegevoegd.");
  assert_text (db, "sec-5.7-p99", ==, "In het bestand toegevoegd.");
  gone = jp_database_lookup_uid (db, "sec-5.7-p3");
  g_assert_null (gone);
  g_clear_object (&gone);
  gone = jp_database_lookup_uid (db, "sec-5.7-p4");
  g_assert_null (gone);
}

/* Removed on one side, changed on the other: conflicts both ways. */
static void
test_removed_and_changed (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *file = jp_test_export_section (db);
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(JpImportReport) resolved = NULL;
  g_autoptr(GHashTable) choices = jp_import_choices_new ();
  g_autoptr(JpItem) p5 = jp_database_lookup_uid (db, "sec-5.7-p5");
  g_autoptr(JpItem) item = NULL;
  g_autoptr(GError) error = NULL;
  JpImportConflict *c;

  /* Here: project 3 changed, project 5 removed.  In the file: project 3
   * removed, project 5 changed. */
  jp_test_set_text (db, "sec-5.7-p3", "Hier veranderd.");
  g_assert_true (jp_database_remove_item (db, p5, &error));
  t1 = jp_test_cut (file, "<project id=\"sec-5.7-p3\"", "</project>");
  t2 = jp_test_replace (t1, "<project id=\"sec-5.7-p5\" phase=\"ongoing\" status=\"in-progress\">",
                "<project id=\"sec-5.7-p5\" phase=\"ongoing\" status=\"postponed\">");
  before = jp_test_dump (db);
  report = jp_test_import_refused (db, t2, JP_IMPORT_DEFAULT, JP_XML_ERROR_EDIT_CONFLICT);
  after = jp_test_dump (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (report->conflicts->len, ==, 2);
  c = report->conflicts->pdata[0];
  g_assert_cmpstr (c->uid, ==, "sec-5.7-p5");
  g_assert_cmpint (c->kind, ==, JP_CONFLICT_REMOVED_IN_DATABASE);
  g_assert_cmpstr (c->mine, ==, "removed");
  g_assert_nonnull (strstr (c->theirs, "changed since it was sent"));
  c = report->conflicts->pdata[1];
  g_assert_cmpstr (c->uid, ==, "sec-5.7-p3");
  g_assert_cmpint (c->kind, ==, JP_CONFLICT_REMOVED_IN_FILE);
  g_assert_cmpstr (c->theirs, ==, "removed");
  g_assert_nonnull (strstr (c->mine, "Hier veranderd."));

  /* Theirs for both: 5 comes back as the file has it, 3 goes. */
  jp_import_choices_set (choices, "sec-5.7-p5", JP_CHOICE_THEIRS);
  jp_import_choices_set (choices, "sec-5.7-p3", JP_CHOICE_THEIRS);
  resolved = jp_test_import_ok (db, t2, JP_IMPORT_DEFAULT, choices);
  g_assert_cmpuint (jp_test_status_of (db, "sec-5.7-p5"), ==, JP_STATUS_POSTPONED);
  item = jp_database_lookup_uid (db, "sec-5.7-p3");
  g_assert_null (item);
}

/* The same for a chapter: a change made here since is kept. */
static void
test_chapter (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *file = jp_test_export_numbered (db, JP_KIND_CHAPTER, "5");
  g_autofree char *edited = jp_test_replace (file, P1_OPEN, P1_DONE);
  g_autoptr(JpImportReport) report = NULL;

  jp_test_set_text (db, "sec-5.6-p1", "Hier veranderd.");
  report = jp_test_import_ok (db, edited, JP_IMPORT_DEFAULT, NULL);
  g_assert_true (report->checked);
  g_assert_cmpuint (report->kept, ==, 1);
  g_assert_cmpuint (jp_test_status_of (db, "sec-5.7-p1"), ==, JP_STATUS_DONE);
  assert_text (db, "sec-5.6-p1", ==, "Hier veranderd.");
}

/* A file without a record is imported as before, and says so. */
static void
test_old_format (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *file = jp_test_export_section (db);
  g_autofree char *old = jp_test_cut (file, "<sent ", "</sent>");
  g_autoptr(JpImportReport) report = NULL;

  g_assert_null (strstr (old, "<sent"));
  jp_test_set_text (db, "sec-5.7-p1", "Hier veranderd.");
  report = jp_test_import_ok (db, old, JP_IMPORT_DEFAULT, NULL);
  g_assert_false (report->checked);
  g_assert_nonnull (report->unchecked);
  g_assert_nonnull (strstr (report->unchecked, "no check"));
  g_assert_cmpuint (report->changed[JP_KIND_PROJECT], ==, 1);
  assert_text (db, "sec-5.7-p1", !=, "Hier veranderd.");
}

/* The team head's round trip: the section goes to a second database,
 * is edited there and comes back, while the first went on editing. */
int
main (int   argc,
      char *argv[])
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("jaarplan-exchange-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/exchange/record/deterministic", test_record_deterministic);
  g_test_add_func ("/exchange/record/fingerprint", test_record_fingerprint);
  g_test_add_func ("/exchange/scope/watch", test_scope_watch);
  g_test_add_func ("/exchange/scope/refused", test_scope_refused);
  g_test_add_func ("/exchange/plan/mass-removal", test_mass_removal);
  g_test_add_func ("/exchange/conflict/changed-in-file", test_changed_in_file);
  g_test_add_func ("/exchange/conflict/changed-in-database", test_changed_in_database);
  g_test_add_func ("/exchange/conflict/changed-in-both", test_changed_in_both);
  g_test_add_func ("/exchange/conflict/async", test_conflict_async);
  g_test_add_func ("/exchange/conflict/adds-and-removes", test_adds_and_removes);
  g_test_add_func ("/exchange/conflict/removed-and-changed", test_removed_and_changed);
  g_test_add_func ("/exchange/conflict/old-format", test_old_format);
  g_test_add_func ("/exchange/conflict/chapter", test_chapter);

  rc = g_test_run ();
  jp_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return rc;
}
