/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

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

#define P1_OPEN "<project id=\"sec-5.7-p1\" phase=\"ongoing\" status=\"in-progress\">"
#define P1_DONE "<project id=\"sec-5.7-p1\" phase=\"ongoing\" status=\"done\">"

/* ---------------------------------------------------------------- helpers */

static char *
export_numbered (JpDatabase *db,
                 JpKind      kind,
                 const char *number)
{
  g_autoptr(JpItem) item = number ? jp_database_find_numbered (db, kind, number) : jp_database_get_root (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_nonnull (item);
  bytes = jp_xml_export_bytes (db, item, &error);
  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
export_section (JpDatabase *db)
{
  return export_numbered (db, JP_KIND_SECTION, "5.7");
}

/* Cuts from the line starting with @start through @end. */
static char *
cut (const char *haystack,
     const char *start,
     const char *end)
{
  const char *from = strstr (haystack, start);
  const char *to;
  GString *s;

  g_assert_nonnull (from);
  while (from > haystack && from[-1] == ' ')
    from--;
  to = strstr (from, end);
  g_assert_nonnull (to);
  to += strlen (end);
  if (*to == '\n')
    to++;
  s = g_string_new_len (haystack, from - haystack);
  g_string_append (s, to);
  return g_string_free (s, FALSE);
}

/* Everything the plan, undo and the exchange records hold, as one string. */
static char *
dump_full (JpDatabase *db,
           gboolean    with_undo)
{
  static const char *const queries[] = {
    "SELECT * FROM item ORDER BY id",
    "SELECT * FROM text ORDER BY id",
    "SELECT * FROM link ORDER BY section, area",
    "SELECT * FROM undo_log ORDER BY seq",
    "SELECT * FROM undo_state",
    "SELECT * FROM exchange_record ORDER BY export",
    "SELECT * FROM exchange_base ORDER BY export",
    "SELECT * FROM exchange_scope ORDER BY scope",
  };
  sqlite3 *handle = _jp_database_get_handle (db);
  GString *s = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      if (!with_undo && strstr (queries[q], "undo_"))
        continue;
      g_assert_cmpint (sqlite3_prepare_v2 (handle, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (s, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (s, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (s, FALSE);
}

static char *
dump (JpDatabase *db)
{
  return dump_full (db, TRUE);
}

static JpImportReport *
import_ok (JpDatabase    *db,
           const char    *text,
           JpImportFlags  flags,
           GHashTable    *choices)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  JpImportReport *report = NULL;

  jp_xml_import_bytes_full (db, bytes, "s57.xml", flags, choices, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* Imports and expects a refusal with @code; returns its report. */
static JpImportReport *
import_refused (JpDatabase    *db,
                const char    *text,
                JpImportFlags  flags,
                int            code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  JpImportReport *report = NULL;

  g_assert_false (jp_xml_import_bytes_full (db, bytes, "s57.xml", flags, NULL, &report, &error));
  g_assert_error (error, JP_XML_ERROR, code);
  g_test_message ("refused: %s", error->message);
  return report;
}

/* The Dutch text of @uid, a copy: the item may go once unreferenced. */
static char *
text_of (JpDatabase *db,
         const char *uid)
{
  g_autoptr(JpItem) item = jp_database_lookup_uid (db, uid);

  g_assert_nonnull (item);
  return g_strdup (jp_item_get_text (item, JP_TEXT_BODY, JP_LANG_NL));
}

#define assert_text(db, uid, op, expected) \
  G_STMT_START { \
    g_autofree char *text_ = text_of (db, uid); \
    g_assert_cmpstr (text_, op, expected); \
  } G_STMT_END

static JpStatus
status_of (JpDatabase *db,
           const char *uid)
{
  g_autoptr(JpItem) item = jp_database_lookup_uid (db, uid);

  g_assert_nonnull (item);
  return jp_item_get_status (item);
}

static void
set_text (JpDatabase *db,
          const char *uid,
          const char *value)
{
  g_autoptr(JpItem) item = jp_database_lookup_uid (db, uid);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (item);
  g_assert_true (jp_database_set_text (db, item, JP_TEXT_BODY, JP_LANG_NL, value, &error));
  g_assert_no_error (error);
}

static void
set_status (JpDatabase *db,
            const char *uid,
            JpStatus    status)
{
  g_autoptr(JpItem) item = jp_database_lookup_uid (db, uid);
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_database_set_status (db, item, status, &error));
  g_assert_no_error (error);
}

static char *
sent_export_id (const char *text)
{
  const char *at = strstr (text, "<sent export=\"");

  g_assert_nonnull (at);
  return g_strndup (at + strlen ("<sent export=\""), JP_FINGERPRINT_LEN);
}

/* ---------------------------------------------------------------- the record */

static void
test_record_deterministic (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *a = export_section (db);
  g_autofree char *b = export_section (db);
  g_autofree char *plan = export_numbered (db, JP_KIND_PLAN, NULL);
  g_autofree char *chapter = export_numbered (db, JP_KIND_CHAPTER, "5");
  g_autofree char *id = sent_export_id (a);

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
  set_text (db, "sec-5.7-p1", "Anders.");
  {
    g_autofree char *c = export_section (db);
    g_autofree char *id2 = sent_export_id (c);
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
  g_autofree char *file = export_section (db);
  g_autofree char *edited = jp_test_replace (file, P1_OPEN, P1_DONE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JpImportReport) report = NULL;

  g_assert_cmpint (sqlite3_exec (_jp_database_get_handle (db),
                                 "CREATE TEMP TRIGGER stray AFTER UPDATE OF status ON item BEGIN"
                                 " UPDATE item SET code = 'STRAY' WHERE uid = 'sec-5.6-g1'; END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  before = dump (db);
  report = import_refused (db, edited, JP_IMPORT_DEFAULT, JP_XML_ERROR_OUTSIDE_SCOPE);
  g_assert_null (report);
  after = dump (db);
  g_assert_cmpstr (before, ==, after);

  /* Without the stray write the same file imports. */
  g_assert_cmpint (sqlite3_exec (_jp_database_get_handle (db), "DROP TRIGGER stray", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_clear_pointer (&report, jp_import_report_free);
  report = import_ok (db, edited, JP_IMPORT_DEFAULT, NULL);
  g_assert_cmpuint (status_of (db, "sec-5.7-p1"), ==, JP_STATUS_DONE);
}

#define SMALL_PLAN \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"plan\" year=\"2013\">\n" \
  "  <chapter id=\"c1\" number=\"1\">\n" \
  "    <section id=\"s1\" number=\"1.1\"/>\n" \
  "  </chapter>\n" \
  "</plan>\n"

static void
test_mass_removal (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *before = dump (db);
  g_autofree char *after = NULL;
  g_autoptr(JpImportReport) dry = NULL;
  g_autoptr(JpImportReport) refused = NULL;
  g_autoptr(JpImportReport) forced = NULL;
  g_autoptr(JpItem) s1 = NULL;
  g_autoptr(JpItem) s57 = NULL;

  /* Refused, with the counts, on a dry run as on the real one. */
  dry = import_refused (db, SMALL_PLAN, JP_IMPORT_DRY_RUN, JP_XML_ERROR_MASS_REMOVAL);
  refused = import_refused (db, SMALL_PLAN, JP_IMPORT_DEFAULT, JP_XML_ERROR_MASS_REMOVAL);
  g_assert_nonnull (refused);
  g_assert_cmpuint (refused->n_items, >, 500);
  g_assert_cmpuint (jp_import_report_removed_total (refused), >, refused->n_items / 2);
  g_assert_cmpuint (jp_import_report_removed_total (dry), ==, jp_import_report_removed_total (refused));
  after = dump (db);
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

  forced = import_ok (db, SMALL_PLAN, JP_IMPORT_FORCE, NULL);
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
  g_autofree char *file = export_section (db);
  g_autofree char *edited = jp_test_replace (file, P1_OPEN, P1_DONE);
  g_autoptr(JpImportReport) report = import_ok (db, edited, JP_IMPORT_DEFAULT, NULL);
  g_autofree char *summary = jp_import_report_describe (report);

  g_assert_true (report->checked);
  g_assert_null (report->unchecked);
  g_assert_cmpuint (report->conflicts->len, ==, 0);
  g_assert_cmpuint (report->kept, ==, 0);
  g_assert_cmpuint (status_of (db, "sec-5.7-p1"), ==, JP_STATUS_DONE);
  g_assert_true (g_str_has_prefix (summary, "added 0, changed 1, removed 0 in 5.7 "));
}

/* The lost update of the issue: export 5.7, change 5.7 here, import the
 * earlier file.  The change made here stays. */
static void
test_changed_in_database (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *file = export_section (db);
  g_autoptr(JpImportReport) report = NULL;

  set_text (db, "sec-5.7-p1", "Nieuwer, hier geschreven.");
  set_status (db, "sec-5.7-p2", JP_STATUS_DONE);
  report = import_ok (db, file, JP_IMPORT_DEFAULT, NULL);
  g_assert_true (report->checked);
  g_assert_cmpuint (report->kept, ==, 2);
  g_assert_cmpuint (jp_import_report_total (report, report->changed), ==, 0);
  assert_text (db, "sec-5.7-p1", ==, "Nieuwer, hier geschreven.");
  g_assert_cmpuint (status_of (db, "sec-5.7-p2"), ==, JP_STATUS_DONE);
}

/* Changed on both sides: refused with both versions, nothing changed,
 * also on a dry run; then a choice per item decides. */
static void
test_changed_in_both (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *file = export_section (db);
  g_autofree char *edited = jp_test_replace (file, P1_OPEN, P1_DONE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listed = NULL;
  g_autoptr(JpImportReport) dry = NULL;
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(JpImportReport) resolved = NULL;
  g_autoptr(GHashTable) choices = jp_import_choices_new ();
  JpImportConflict *c;

  set_status (db, "sec-5.7-p1", JP_STATUS_DROPPED);
  set_text (db, "sec-5.7-p2", "Ook hier veranderd.");   /* and not in the file: no conflict */
  before = dump (db);

  dry = import_refused (db, edited, JP_IMPORT_DRY_RUN, JP_XML_ERROR_EDIT_CONFLICT);
  report = import_refused (db, edited, JP_IMPORT_DEFAULT, JP_XML_ERROR_EDIT_CONFLICT);
  after = dump (db);
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
  resolved = import_ok (db, edited, JP_IMPORT_DRY_RUN, choices);
  g_assert_cmpuint (resolved->conflicts->len, ==, 0);
  g_clear_pointer (&after, g_free);
  after = dump (db);
  g_assert_cmpstr (before, ==, after);

  /* Theirs: the file's. */
  jp_import_choices_set (choices, "sec-5.7-p1", JP_CHOICE_THEIRS);
  g_clear_pointer (&resolved, jp_import_report_free);
  resolved = import_ok (db, edited, JP_IMPORT_DEFAULT, choices);
  g_assert_cmpuint (status_of (db, "sec-5.7-p1"), ==, JP_STATUS_DONE);
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
  g_autofree char *file = export_section (db);
  g_autofree char *edited = jp_test_replace (file, P1_OPEN, P1_DONE);
  g_autoptr(GFile) gfile = g_file_new_for_path (xml);
  g_autoptr(GHashTable) choices = jp_import_choices_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncResult r = { loop, FALSE, NULL, NULL };

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (xml, edited, -1, NULL));
  set_status (db, "sec-5.7-p1", JP_STATUS_DROPPED);

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
  g_assert_cmpuint (status_of (db, "sec-5.7-p1"), ==, JP_STATUS_DONE);
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
  g_autofree char *file = export_section (db);
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
  set_text (db, added_uid, "Hier toegevoegd.");
  p4 = jp_database_lookup_uid (db, "sec-5.7-p4");
  g_assert_true (jp_database_remove_item (db, p4, &error));
  t1 = cut (file, "<project id=\"sec-5.7-p3\"", "</project>");
  t2 = jp_test_replace (t1, "    <group id=\"sec-5.7-g1\"",
                "    <project id=\"sec-5.7-p99\" phase=\"new\" status=\"planned\">\n"
                "      <text xml:lang=\"nl\">In het bestand toegevoegd.</text>\n"
                "    </project>\n    <group id=\"sec-5.7-g1\"");

  report = import_ok (db, t2, JP_IMPORT_DEFAULT, NULL);
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
  g_autofree char *file = export_section (db);
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
  set_text (db, "sec-5.7-p3", "Hier veranderd.");
  g_assert_true (jp_database_remove_item (db, p5, &error));
  t1 = cut (file, "<project id=\"sec-5.7-p3\"", "</project>");
  t2 = jp_test_replace (t1, "<project id=\"sec-5.7-p5\" phase=\"ongoing\" status=\"in-progress\">",
                "<project id=\"sec-5.7-p5\" phase=\"ongoing\" status=\"postponed\">");
  before = dump (db);
  report = import_refused (db, t2, JP_IMPORT_DEFAULT, JP_XML_ERROR_EDIT_CONFLICT);
  after = dump (db);
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
  resolved = import_ok (db, t2, JP_IMPORT_DEFAULT, choices);
  g_assert_cmpuint (status_of (db, "sec-5.7-p5"), ==, JP_STATUS_POSTPONED);
  item = jp_database_lookup_uid (db, "sec-5.7-p3");
  g_assert_null (item);
}

/* The same for a chapter: a change made here since is kept. */
static void
test_chapter (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *file = export_numbered (db, JP_KIND_CHAPTER, "5");
  g_autofree char *edited = jp_test_replace (file, P1_OPEN, P1_DONE);
  g_autoptr(JpImportReport) report = NULL;

  set_text (db, "sec-5.6-p1", "Hier veranderd.");
  report = import_ok (db, edited, JP_IMPORT_DEFAULT, NULL);
  g_assert_true (report->checked);
  g_assert_cmpuint (report->kept, ==, 1);
  g_assert_cmpuint (status_of (db, "sec-5.7-p1"), ==, JP_STATUS_DONE);
  assert_text (db, "sec-5.6-p1", ==, "Hier veranderd.");
}

/* A file without a record is imported as before, and says so. */
static void
test_old_format (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *file = export_section (db);
  g_autofree char *old = cut (file, "<sent ", "</sent>");
  g_autoptr(JpImportReport) report = NULL;

  g_assert_null (strstr (old, "<sent"));
  set_text (db, "sec-5.7-p1", "Hier veranderd.");
  report = import_ok (db, old, JP_IMPORT_DEFAULT, NULL);
  g_assert_false (report->checked);
  g_assert_nonnull (report->unchecked);
  g_assert_nonnull (strstr (report->unchecked, "no check"));
  g_assert_cmpuint (report->changed[JP_KIND_PROJECT], ==, 1);
  assert_text (db, "sec-5.7-p1", !=, "Hier veranderd.");
}

/* The team head's round trip: the section goes to a second database,
 * is edited there and comes back, while the first went on editing. */
static void
test_team_head (void)
{
  g_autoptr(JpDatabase) office = jp_test_open_memory (TRUE);
  g_autoptr(JpDatabase) head = jp_test_open_memory (TRUE);
  g_autofree char *sent = export_section (office);
  g_autofree char *returned = NULL;
  g_autofree char *sent_id = sent_export_id (sent);
  g_autofree char *returned_id = NULL;
  g_autoptr(JpImportReport) there = NULL;
  g_autoptr(JpImportReport) back = NULL;
  g_autoptr(JpImportReport) again = NULL;

  /* The team head's copy did not send it: no check there. */
  there = import_ok (head, sent, JP_IMPORT_DEFAULT, NULL);
  g_assert_false (there->checked);
  g_assert_nonnull (there->unchecked);

  /* Edited there; the export passes the office's record on. */
  set_text (head, "sec-5.7-p2", "Door het teamhoofd.");
  returned = export_section (head);
  returned_id = sent_export_id (returned);
  g_assert_cmpstr (returned_id, ==, sent_id);
  g_assert_nonnull (strstr (returned, "Door het teamhoofd."));
  g_assert_nonnull (strstr (returned, " since=\""));
  g_assert_null (strstr (sent, " since=\""));
  {
    /* The same state, the same bytes, also when passing a record on. */
    g_autofree char *twice = export_section (head);
    g_assert_cmpstr (twice, ==, returned);
  }

  /* Meanwhile the office edited another project, and the same one. */
  set_text (office, "sec-5.7-p3", "Door het Stafbureau.");
  back = import_ok (office, returned, JP_IMPORT_DEFAULT, NULL);
  g_assert_true (back->checked);
  g_assert_cmpuint (back->kept, ==, 1);
  g_assert_cmpuint (jp_import_report_total (back, back->changed), ==, 1);
  assert_text (office, "sec-5.7-p2", ==, "Door het teamhoofd.");
  assert_text (office, "sec-5.7-p3", ==, "Door het Stafbureau.");

  /* The team head goes on from what was sent back; the office edits
   * again: the second return is checked against the first. */
  set_text (head, "sec-5.7-p2", "Tweede versie van het teamhoofd.");
  set_text (office, "sec-5.7-p3", "Tweede versie van het Stafbureau.");
  g_clear_pointer (&returned, g_free);
  returned = export_section (head);
  again = import_ok (office, returned, JP_IMPORT_DEFAULT, NULL);
  g_assert_true (again->checked);
  g_assert_cmpuint (again->conflicts->len, ==, 0);
  assert_text (office, "sec-5.7-p2", ==, "Tweede versie van het teamhoofd.");
  assert_text (office, "sec-5.7-p3", ==, "Tweede versie van het Stafbureau.");
}

/* One section sent to two team heads: the second return does not undo
 * what the first brought. */
static void
test_two_heads (void)
{
  g_autoptr(JpDatabase) office = jp_test_open_memory (TRUE);
  g_autoptr(JpDatabase) x = jp_test_open_memory (TRUE);
  g_autoptr(JpDatabase) y = jp_test_open_memory (TRUE);
  g_autofree char *sent = export_section (office);
  g_autofree char *from_x = NULL;
  g_autofree char *from_y = NULL;
  g_autoptr(JpImportReport) rx = NULL;
  g_autoptr(JpImportReport) ry = NULL;
  g_autoptr(JpImportReport) r1 = NULL;
  g_autoptr(JpImportReport) r2 = NULL;

  rx = import_ok (x, sent, JP_IMPORT_DEFAULT, NULL);
  ry = import_ok (y, sent, JP_IMPORT_DEFAULT, NULL);
  set_text (x, "sec-5.7-p2", "Door X.");
  set_text (y, "sec-5.7-p3", "Door Y.");
  from_x = export_section (x);
  from_y = export_section (y);

  r1 = import_ok (office, from_x, JP_IMPORT_DEFAULT, NULL);
  r2 = import_ok (office, from_y, JP_IMPORT_DEFAULT, NULL);
  g_assert_true (r2->checked);
  g_assert_cmpuint (r2->conflicts->len, ==, 0);
  assert_text (office, "sec-5.7-p2", ==, "Door X.");
  assert_text (office, "sec-5.7-p3", ==, "Door Y.");
}

/* Undoing a checked import undoes what it learnt about the other side. */
static void
test_undo_restores_base (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *file = export_section (db);
  g_autofree char *edited = jp_test_replace (file, P1_OPEN, P1_DONE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  before = dump_full (db, FALSE);
  report = import_ok (db, edited, JP_IMPORT_DEFAULT, NULL);
  g_assert_true (jp_database_undo (db, &error));
  g_assert_no_error (error);
  after = dump_full (db, FALSE);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (status_of (db, "sec-5.7-p1"), ==, JP_STATUS_IN_PROGRESS);
}

static void
move_before (JpDatabase *db,
             const char *uid,
             const char *before_uid)
{
  g_autoptr(JpItem) item = jp_database_lookup_uid (db, uid);
  g_autoptr(JpItem) before = jp_database_lookup_uid (db, before_uid);
  g_autoptr(JpItem) parent = jp_database_get_parent (db, item);
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_database_move_item (db, item, parent, before, &error));
  g_assert_no_error (error);
}

/* Does @a come before @b in the section's export? */
static gboolean
exported_before (JpDatabase *db,
                 const char *a,
                 const char *b)
{
  g_autofree char *text = export_section (db);
  g_autofree char *ea = g_strdup_printf ("<project id=\"%s\"", a);
  g_autofree char *eb = g_strdup_printf ("<project id=\"%s\"", b);
  const char *pa = strstr (text, ea), *pb = strstr (text, eb);

  g_assert_true (pa && pb);
  return pa < pb;
}

/* Swaps two consecutive project elements in a section file. */
static char *
swap_projects (const char *text,
               const char *first,
               const char *second)
{
  g_autofree char *open1 = g_strdup_printf ("    <project id=\"%s\"", first);
  g_autofree char *open2 = g_strdup_printf ("    <project id=\"%s\"", second);
  const char *p1 = strstr (text, open1);
  const char *p2 = strstr (text, open2);
  const char *end2;
  GString *s = g_string_new (NULL);

  g_assert_true (p1 && p2 && p1 < p2);
  end2 = strstr (p2, "</project>\n") + strlen ("</project>\n");
  g_string_append_len (s, text, p1 - text);
  g_string_append_len (s, p2, end2 - p2);
  g_string_append_len (s, p1, p2 - p1);
  g_string_append (s, end2);
  return g_string_free (s, FALSE);
}

/* The order of siblings is merged as their content is. */
static void
test_order (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *file = export_section (db);
  g_autofree char *changed = jp_test_replace (file, P1_OPEN, P1_DONE);
  g_autofree char *swapped = swap_projects (file, "sec-5.7-p1", "sec-5.7-p2");
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(JpImportReport) refused = NULL;
  g_autoptr(GHashTable) choices = jp_import_choices_new ();
  JpImportConflict *c;

  /* Reordered here only: the order made here stays. */
  move_before (db, "sec-5.7-p3", "sec-5.7-p1");
  report = import_ok (db, changed, JP_IMPORT_DEFAULT, NULL);
  g_assert_cmpuint (status_of (db, "sec-5.7-p1"), ==, JP_STATUS_DONE);
  g_assert_true (exported_before (db, "sec-5.7-p3", "sec-5.7-p1"));

  /* Reordered on both sides, differently: a conflict on the section. */
  refused = import_refused (db, swapped, JP_IMPORT_DEFAULT, JP_XML_ERROR_EDIT_CONFLICT);
  g_assert_cmpuint (refused->conflicts->len, >=, 1);
  c = refused->conflicts->pdata[refused->conflicts->len - 1];
  g_assert_cmpint (c->kind, ==, JP_CONFLICT_ORDER);
  g_assert_cmpstr (c->uid, ==, "sec-5.7");
  g_assert_true (g_str_has_prefix (c->theirs, "sec-5.7-o1"));
  g_assert_nonnull (strstr (c->theirs, "sec-5.7-p2, sec-5.7-p1, sec-5.7-p3"));
  g_assert_nonnull (strstr (c->mine, "sec-5.7-p3, sec-5.7-p1, sec-5.7-p2"));

  for (guint i = 0; i < refused->conflicts->len; i++)
    jp_import_choices_set (choices, ((JpImportConflict *) refused->conflicts->pdata[i])->uid, JP_CHOICE_THEIRS);
  g_clear_pointer (&report, jp_import_report_free);
  report = import_ok (db, swapped, JP_IMPORT_DEFAULT, choices);
  g_assert_true (exported_before (db, "sec-5.7-p2", "sec-5.7-p1"));
  g_assert_true (exported_before (db, "sec-5.7-p1", "sec-5.7-p3"));
}

/* ---------------------------------------------------------------- the command line */

static int
run_cli (const char *const *args,
         char              **out,
         char              **err)
{
  const char *bin = g_getenv ("JAARPLAN_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                               &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "cli.db", NULL);
  g_autofree char *xml = g_build_filename (tmp_dir, "s57.xml", NULL);
  g_autofree char *small = g_build_filename (tmp_dir, "small.xml", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL, *err = NULL;
  int rc;

  {
    g_autoptr(JpDatabase) db = jp_test_open_seeded (path, JP_DATABASE_OPEN_DEFAULT);
    g_autofree char *file = NULL;
    g_autofree char *edited = NULL;

    g_assert_no_error (error);
    file = export_section (db);
    edited = jp_test_replace (file, P1_OPEN, P1_DONE);
    g_assert_true (g_file_set_contents (xml, edited, -1, NULL));
    set_status (db, "sec-5.7-p1", JP_STATUS_DROPPED);
    before = dump (db);
  }

  {
    const char *args[] = { "--database", path, "--import", xml, "--dry-run", NULL };
    rc = run_cli (args, &out, &err);
    g_test_message ("dry run: %s%s", out, err);
    g_assert_cmpint (rc, ==, 1);
    g_assert_nonnull (strstr (err, "sec-5.7-p1"));
    g_assert_nonnull (strstr (err, "in the file: status “done”"));
    g_assert_nonnull (strstr (err, "in this database: status “dropped”"));
    g_assert_nonnull (strstr (err, "nothing was imported"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", path, "--import", xml, NULL };
    rc = run_cli (args, &out, &err);
    g_assert_cmpint (rc, ==, 1);
    g_assert_nonnull (strstr (err, "in the file: status “done”"));
    g_assert_nonnull (strstr (err, "in this database: status “dropped”"));
    g_assert_cmpstr (out, ==, "");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    g_autoptr(JpDatabase) db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    after = dump (db);
    g_assert_cmpstr (before, ==, after);
  }

  /* A whole plan that would remove most of it needs --force. */
  g_assert_true (g_file_set_contents (small, SMALL_PLAN, -1, NULL));
  {
    const char *args[] = { "--database", path, "--import", small, NULL };
    rc = run_cli (args, &out, &err);
    g_assert_cmpint (rc, ==, 1);
    g_assert_nonnull (strstr (err, "--force"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", path, "--import", small, "--force", NULL };
    rc = run_cli (args, &out, &err);
    g_assert_cmpint (rc, ==, 0);
    g_assert_nonnull (strstr (out, "Imported"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  g_remove (xml);
  g_remove (small);
  g_remove (path);
}

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
  g_test_add_func ("/exchange/conflict/team-head", test_team_head);
  g_test_add_func ("/exchange/conflict/two-heads", test_two_heads);
  g_test_add_func ("/exchange/conflict/undo", test_undo_restores_base);
  g_test_add_func ("/exchange/conflict/order", test_order);
  g_test_add_func ("/exchange/cli", test_cli);

  rc = g_test_run ();
  jp_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return rc;
}
