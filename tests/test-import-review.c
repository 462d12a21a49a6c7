/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-exchange.h"
#include "jp-test-util.h"

#include <string.h>

#include "model/store/jp-sqlite-private.h"
#include "model/exchange/jp-xml.h"

/* The review of an import: the differences left out are not imported,
 * everything else is, in one step of undo. */

#define P3_START "<project id=\"sec-5.7-p3\""
#define P5_START "<project id=\"sec-5.7-p5\""
#define G3_2_START "<group id=\"sec-5.7-g3-2\""
#define NEW_GROUPS \
  "<group id=\"sec-5.7-g3-9\" code=\"FISC-NEW\">\n" \
  "        <title xml:lang=\"nl\">Nieuwe subgroep</title>\n" \
  "        <title xml:lang=\"fr\">Nouveau sous-groupe</title>\n" \
  "        <group id=\"sec-5.7-g3-9-1\">\n" \
  "          <title xml:lang=\"nl\">Werkgroep</title>\n" \
  "          <title xml:lang=\"fr\">Groupe de travail</title>\n" \
  "        </group>\n" \
  "      </group>\n" \
  "      " G3_2_START

/* The uids of @parent's items, in order, separated by spaces. */
static char *
kids_of (JpDatabase *db,
         const char *parent)
{
  sqlite3 *handle = _jp_database_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  GString *s = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT uid FROM item WHERE parent = (SELECT id FROM item WHERE uid = ?)"
                                       " ORDER BY position, id", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, parent, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (s, "%s%s", s->len ? " " : "", (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_string_free (s, FALSE);
}

static gboolean
exists (JpDatabase *db,
        const char *uid)
{
  g_autoptr(JpItem) item = jp_database_lookup_uid (db, uid);

  return item != NULL;
}

static char *
title_of (JpDatabase *db,
          const char *uid,
          JpLang      lang)
{
  g_autoptr(JpItem) item = jp_database_lookup_uid (db, uid);

  g_assert_nonnull (item);
  return g_strdup (jp_item_get_text (item, JP_TEXT_TITLE, lang));
}

/* @text with the block from @start through @end moved after the block
 * that starts with @after and ends with @end. */
static char *
move_block (const char *text,
            const char *start,
            const char *end,
            const char *after)
{
  const char *from = strstr (text, start);
  const char *to = strstr (from, end) + strlen (end);
  g_autofree char *block = g_strndup (from, to - from);
  g_autofree char *without = jp_test_cut (text, start, end);
  const char *at = strstr (without, after);
  const char *at_end = strstr (at, end) + strlen (end);
  GString *s = g_string_new_len (without, at_end - without);

  g_string_append (s, "\n    ");
  g_string_append (s, block);
  g_string_append (s, at_end);
  return g_string_free (s, FALSE);
}

static GHashTable *
leave_out (const char *uid,
           ...)
{
  GHashTable *choices = jp_import_choices_new ();
  va_list args;

  va_start (args, uid);
  for (const char *u = uid; u != NULL; u = va_arg (args, const char *))
    jp_import_choices_set (choices, u, JP_CHOICE_LEAVE_OUT);
  va_end (args);
  return choices;
}

static void
test_changed_status (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *sent = jp_test_export_section (db);
  g_autofree char *a = jp_test_replace (sent, P1_OPEN, P1_DONE);
  g_autofree char *b = jp_test_replace (a, "Uitwisselen van informatie bij controle-acties mogelijk maken;",
                                        "Uitwisselen van informatie bij gezamenlijke controle-acties;");
  g_autofree char *file = jp_test_replace (b, "<project id=\"sec-5.7-p7\" phase=\"new\" status=\"planned\">",
                                           "<project id=\"sec-5.7-p7\" phase=\"ongoing\" status=\"in-progress\">");
  g_autoptr(GHashTable) choices = leave_out ("sec-5.7-p1", NULL);
  g_autoptr(JpImportReport) report = jp_test_import_ok (db, file, JP_IMPORT_DEFAULT, choices);
  g_autoptr(GError) error = NULL;

  /* Left out: the database's status. */
  g_assert_cmpint (jp_test_status_of (db, "sec-5.7-p1"), ==, JP_STATUS_IN_PROGRESS);
  /* The rest came in. */
  assert_text (db, "sec-5.7-p3", ==, "Uitwisselen van informatie bij gezamenlijke controle-acties;");
  g_assert_cmpint (jp_test_status_of (db, "sec-5.7-p7"), ==, JP_STATUS_IN_PROGRESS);
  g_assert_cmpuint (jp_import_report_total (report, report->changed), ==, 2);

  /* One step of undo. */
  g_assert_true (jp_database_undo (db, &error));
  g_assert_no_error (error);
  assert_text (db, "sec-5.7-p3", ==, "Uitwisselen van informatie bij controle-acties mogelijk maken;");
  g_assert_cmpint (jp_test_status_of (db, "sec-5.7-p7"), ==, JP_STATUS_PLANNED);
  g_assert_cmpint (jp_test_status_of (db, "sec-5.7-p1"), ==, JP_STATUS_IN_PROGRESS);
  g_assert_false (jp_database_can_undo (db));
}

static void
test_added_sub_item (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *sent = jp_test_export_section (db);
  g_autofree char *a = jp_test_replace (sent, G3_2_START, NEW_GROUPS);
  g_autofree char *file = jp_test_replace (a, "<title xml:lang=\"nl\">Subgroep Trusts</title>",
                                           "<title xml:lang=\"nl\">Subgroep Trusts en stichtingen</title>");
  g_autoptr(GHashTable) choices = leave_out ("sec-5.7-g3-9", NULL);
  g_autoptr(JpImportReport) report = jp_test_import_ok (db, file, JP_IMPORT_DEFAULT, choices);
  g_autofree char *g3 = kids_of (db, "sec-5.7-g3");
  g_autofree char *g5 = title_of (db, "sec-5.7-g5", JP_LANG_NL);

  /* Neither the new group nor the one under it. */
  g_assert_false (exists (db, "sec-5.7-g3-9"));
  g_assert_false (exists (db, "sec-5.7-g3-9-1"));
  g_assert_cmpstr (g3, ==, "sec-5.7-g3-1 sec-5.7-g3-2");
  g_assert_cmpstr (g5, ==, "Subgroep Trusts en stichtingen");
  g_assert_cmpuint (jp_import_report_total (report, report->added), ==, 0);
  g_assert_cmpuint (jp_import_report_total (report, report->changed), ==, 1);

  /* Imported again without leaving it out, both come in, in the file's
   * place: what was left out is offered again. */
  {
    g_autoptr(JpImportReport) all = jp_test_import_ok (db, file, JP_IMPORT_DEFAULT, NULL);
    g_autofree char *kids = kids_of (db, "sec-5.7-g3");
    g_autofree char *under = kids_of (db, "sec-5.7-g3-9");

    g_assert_cmpstr (kids, ==, "sec-5.7-g3-1 sec-5.7-g3-9 sec-5.7-g3-2");
    g_assert_cmpstr (under, ==, "sec-5.7-g3-9-1");
  }
}

static void
test_removed_project (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *sent = jp_test_export_section (db);
  g_autofree char *p2_before = jp_test_text_of (db, "sec-5.7-p2");
  g_autofree char *a = jp_test_cut (sent, "<project id=\"sec-5.7-p2\"", "</project>");
  g_autofree char *b = jp_test_cut (a, "<project id=\"sec-5.7-p4\"", "</project>");
  /* A removed group goes with what is under it, and comes back with it. */
  g_autofree char *file = jp_test_cut (b, "<group id=\"sec-5.7-g3\"", "</group>\n    </group>");
  g_autoptr(GHashTable) choices = leave_out ("sec-5.7-p2", "sec-5.7-g3", NULL);
  g_autoptr(JpImportReport) report = jp_test_import_ok (db, file, JP_IMPORT_DEFAULT, choices);
  g_autofree char *kids = kids_of (db, "sec-5.7");
  g_autofree char *g3 = kids_of (db, "sec-5.7-g3");

  /* p2 stays, where it was, as it was; p4 went. */
  g_assert_true (exists (db, "sec-5.7-p2"));
  assert_text (db, "sec-5.7-p2", ==, p2_before);
  g_assert_cmpint (jp_test_status_of (db, "sec-5.7-p2"), ==, JP_STATUS_IN_PROGRESS);
  g_assert_false (exists (db, "sec-5.7-p4"));
  g_assert_true (g_str_has_prefix (kids, "sec-5.7-o1 sec-5.7-o2 sec-5.7-o3 sec-5.7-p1 sec-5.7-p2 sec-5.7-p3 "
                                         "sec-5.7-p5 "));
  g_assert_nonnull (strstr (kids, "sec-5.7-g2 sec-5.7-g3 sec-5.7-g4"));
  g_assert_cmpstr (g3, ==, "sec-5.7-g3-1 sec-5.7-g3-2");
  g_assert_cmpuint (report->removed[JP_KIND_PROJECT], ==, 1);
  g_assert_cmpuint (jp_import_report_removed_total (report), ==, 1);
}

static void
test_moved_project (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *sent = jp_test_export_section (db);
  g_autofree char *a = move_block (sent, P3_START, "</project>", P5_START);
  g_autofree char *file = move_block (a, "<project id=\"sec-5.7-p7\"", "</project>", "<project id=\"sec-5.7-p9\"");
  g_autoptr(GHashTable) choices = leave_out ("sec-5.7-p3", NULL);
  g_autoptr(JpImportReport) report = jp_test_import_ok (db, file, JP_IMPORT_DEFAULT, choices);
  g_autofree char *kids = kids_of (db, "sec-5.7");

  /* p3 stays between p2 and p4; p7 moved after p9. */
  g_assert_true (g_str_has_prefix (kids, "sec-5.7-o1 sec-5.7-o2 sec-5.7-o3 sec-5.7-p1 sec-5.7-p2 sec-5.7-p3 "
                                         "sec-5.7-p4 sec-5.7-p5 sec-5.7-p6 sec-5.7-p8 sec-5.7-p9 sec-5.7-p7 "
                                         "sec-5.7-p10 sec-5.7-p11 sec-5.7-g1"));
  g_assert_cmpuint (jp_import_report_total (report, report->changed), ==, 1);
}

/* On a conflict, leaving the file's change out keeps this database's. */
static void
test_conflict_left_out (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *sent = jp_test_export_section (db);
  g_autofree char *a = jp_test_replace (sent, "Uitwisselen van informatie bij controle-acties mogelijk maken;",
                                        "In het bestand.");
  g_autofree char *file = jp_test_replace (a, P1_OPEN, P1_DONE);
  g_autoptr(GHashTable) choices = leave_out ("sec-5.7-p3", NULL);
  g_autoptr(JpImportReport) refused = NULL;
  g_autoptr(JpImportReport) report = NULL;

  jp_test_set_text (db, "sec-5.7-p3", "In de databank.");
  refused = jp_test_import_refused (db, file, JP_IMPORT_DRY_RUN, JP_XML_ERROR_EDIT_CONFLICT);
  g_assert_cmpuint (refused->conflicts->len, ==, 1);
  report = jp_test_import_ok (db, file, JP_IMPORT_DEFAULT, choices);
  assert_text (db, "sec-5.7-p3", ==, "In de databank.");
  g_assert_cmpint (jp_test_status_of (db, "sec-5.7-p1"), ==, JP_STATUS_DONE);
}

/* A whole plan leaves out as a section does; nothing outside changes. */
static void
test_plan (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *plan = jp_test_export_numbered (db, JP_KIND_PLAN, NULL);
  g_autofree char *a = jp_test_replace (plan, P1_OPEN, P1_DONE);
  g_autofree char *file = jp_test_replace (a, "Uitwisselen van informatie bij controle-acties mogelijk maken;",
                                           "Anders.");
  g_autoptr(GHashTable) choices = leave_out ("sec-5.7-p3", NULL);
  g_autoptr(JpImportReport) report = jp_test_import_ok (db, file, JP_IMPORT_DEFAULT, choices);

  assert_text (db, "sec-5.7-p3", ==, "Uitwisselen van informatie bij controle-acties mogelijk maken;");
  g_assert_cmpint (jp_test_status_of (db, "sec-5.7-p1"), ==, JP_STATUS_DONE);
  g_assert_cmpuint (jp_import_report_total (report, report->changed), ==, 1);
  g_assert_cmpuint (jp_import_report_total (report, report->added), ==, 0);
  g_assert_cmpuint (jp_import_report_removed_total (report), ==, 0);
}

/* A dry run lists every difference, also beside conflicts. */
static void
test_dry_run_differences (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *sent = jp_test_export_section (db);
  g_autofree char *a = jp_test_replace (sent, "Uitwisselen van informatie bij controle-acties mogelijk maken;",
                                        "In het bestand.");
  g_autofree char *b = jp_test_replace (a, P1_OPEN, P1_DONE);
  g_autofree char *file = jp_test_replace (b, G3_2_START, NEW_GROUPS);
  g_autoptr(JpImportReport) report = jp_test_import_ok (db, file, JP_IMPORT_DRY_RUN, NULL);
  g_autoptr(JpImportReport) refused = NULL;
  const JpDifference *d;

  g_assert_nonnull (report->differences);
  g_assert_cmpuint (report->differences->differences->len, ==, 3);
  d = jp_differences_find (report->differences, "sec-5.7-p1");
  g_assert_nonnull (d);
  g_assert_cmpint (d->kind, ==, JP_DIFFERENCE_CHANGED);
  g_assert_cmpuint (d->values->len, ==, 1);
  g_assert_cmpstr (((JpValueChange *) d->values->pdata[0])->old_value, ==, "in-progress");
  g_assert_cmpstr (((JpValueChange *) d->values->pdata[0])->new_value, ==, "done");
  d = jp_differences_find (report->differences, "sec-5.7-g3-9");
  g_assert_nonnull (d);
  g_assert_cmpint (d->kind, ==, JP_DIFFERENCE_ADDED);
  g_assert_cmpuint (d->descendants, ==, 1);
  g_assert_nonnull (jp_differences_find (report->differences, "sec-5.7-p3"));

  /* p3 changed here too: a conflict, and the two others still listed. */
  jp_test_set_text (db, "sec-5.7-p3", "In de databank.");
  refused = jp_test_import_refused (db, file, JP_IMPORT_DRY_RUN, JP_XML_ERROR_EDIT_CONFLICT);
  g_assert_cmpuint (refused->conflicts->len, ==, 1);
  g_assert_nonnull (refused->differences);
  g_assert_cmpuint (refused->differences->differences->len, ==, 2);
  g_assert_null (jp_differences_find (refused->differences, "sec-5.7-p3"));
  g_assert_nonnull (jp_differences_find (refused->differences, "sec-5.7-p1"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-review/leave-out/changed-status", test_changed_status);
  g_test_add_func ("/import-review/leave-out/added-sub-item", test_added_sub_item);
  g_test_add_func ("/import-review/leave-out/removed-project", test_removed_project);
  g_test_add_func ("/import-review/leave-out/moved-project", test_moved_project);
  g_test_add_func ("/import-review/leave-out/conflict", test_conflict_left_out);
  g_test_add_func ("/import-review/leave-out/plan", test_plan);
  g_test_add_func ("/import-review/dry-run/differences", test_dry_run_differences);
  return g_test_run ();
}
