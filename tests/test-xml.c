/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "model/store/jp-database.h"
#include "model/store/jp-sqlite-private.h"
#include "model/exchange/jp-xml.h"

/* The exchange format: export, round trips, partial imports and the
 * inputs an import must refuse without touching the plan. */

static char *tmp_dir;

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define PLAN_OPEN "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"plan\" year=\"2013\">\n"
#define SECTION_OPEN "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"section\">\n"
#define CHAPTER_OPEN "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"chapter\">\n"
/* A small whole plan: bad inputs are variations of it. */
#define PLAN_BODY \
  "  <title xml:lang=\"nl\">Proef</title>\n" \
  "  <chapter id=\"c1\" number=\"1\">\n" \
  "    <title xml:lang=\"nl\">Hoofdstuk</title>\n" \
  "    <section id=\"s1\" number=\"1.1\">\n" \
  "      <title xml:lang=\"nl\">Sectie</title>\n" \
  "    </section>\n" \
  "  </chapter>\n"

/* ---------------------------------------------------------------- helpers */

static GBytes *
export_item (JpDatabase *db,
             JpItem     *item)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = jp_xml_export_bytes (db, item, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static GBytes *
export_all (JpDatabase *db)
{
  g_autoptr(JpItem) root = jp_database_get_root (db);
  return export_item (db, root);
}

static GBytes *
export_numbered (JpDatabase *db,
                 JpKind      kind,
                 const char *number)
{
  g_autoptr(JpItem) item = jp_database_find_numbered (db, kind, number);

  g_assert_nonnull (item);
  return export_item (db, item);
}

/* Fails with the first line that differs, not with two whole plans. */
static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  gsize la, lb, i = 0, line = 1, start = 0;
  const char *da = g_bytes_get_data (a, &la);
  const char *db = g_bytes_get_data (b, &lb);

  if (la == lb && memcmp (da, db, la) == 0)
    return;
  while (i < la && i < lb && da[i] == db[i])
    {
      if (da[i] == '\n')
        {
          line++;
          start = i + 1;
        }
      i++;
    }
  {
    g_autofree char *ea = g_strndup (da + start, MIN (la - start, 160));
    g_autofree char *eb = g_strndup (db + start, MIN (lb - start, 160));
    g_test_message ("first difference on line %" G_GSIZE_FORMAT ":\n%s\n---\n%s", line, ea, eb);
  }
  g_assert_cmpuint (line, ==, 0);   /* always fails here */
}

static GBytes *
bytes_from_string (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

static GBytes *
load_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static char *
write_temp (const char *name,
            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

/* Imports @bytes as a file called @name. */
static gboolean
import_as_file (JpDatabase      *db,
                const char      *name,
                GBytes          *bytes,
                gboolean         dry_run,
                JpImportReport **report,
                GError         **error)
{
  g_autofree char *path = write_temp (name, bytes);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean ok = jp_xml_import (db, file, dry_run, report, NULL, error);

  g_remove (path);
  return ok;
}

static JpImportReport *
import_ok (JpDatabase *db,
           GBytes     *bytes,
           gboolean    dry_run)
{
  g_autoptr(GError) error = NULL;
  JpImportReport *report = NULL;

  g_assert_true (jp_xml_import_bytes (db, bytes, "test.xml", dry_run, &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* Everything undo and redo know, as one string. */
static char *
undo_state (JpDatabase *db)
{
  sqlite3 *handle = _jp_database_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  GString *s = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT 'log', seq, stack, step, sql FROM undo_log"
                                       " UNION ALL SELECT 'state', id, active, stack, step FROM undo_state"
                                       " ORDER BY 1, 2", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < 5; c++)
      g_string_append_printf (s, "%s%c", (const char *) sqlite3_column_text (stmt, c), c == 4 ? '\n' : '|');
  sqlite3_finalize (stmt);
  g_string_append_printf (s, "can-undo %d can-redo %d\n", jp_database_can_undo (db), jp_database_can_redo (db));
  return g_string_free (s, FALSE);
}

/* Cuts out the element whose line starts with @start, up to its end tag
 * @end. */
static char *
cut_element (const char *haystack,
             const char *start,
             const char *end)
{
  g_autofree char *line = g_strconcat ("\n", start, NULL);
  const char *from = strstr (haystack, line);
  const char *to;
  GString *s;

  g_assert_nonnull (from);
  from++;
  to = strstr (from, end);
  g_assert_nonnull (to);
  to += strlen (end);
  s = g_string_new_len (haystack, from - haystack);
  g_string_append (s, to);
  return g_string_free (s, FALSE);
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  return g_strndup (data, len);
}

/* ---------------------------------------------------------------- export */

static void
validate_in_process (GBytes *bytes)
{
  const char *schema_path = g_getenv ("JAARPLAN_SCHEMA");
  xmlRelaxNGParserCtxtPtr pctxt;
  xmlRelaxNGPtr schema;
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlDocPtr doc;

  g_assert_nonnull (schema_path);
  pctxt = xmlRelaxNGNewParserCtxt (schema_path);
  schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  g_assert_nonnull (schema);

  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "export.xml", NULL,
                       XML_PARSE_NONET);
  g_assert_nonnull (doc);
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  g_assert_cmpint (xmlRelaxNGValidateDoc (vctxt, doc), ==, 0);
  xmlRelaxNGFreeValidCtxt (vctxt);
  xmlFreeDoc (doc);
  xmlRelaxNGFree (schema);
}

static void
validate_with_xmllint (GBytes     *bytes,
                       const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp (name, bytes);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  const char *argv[] = { "xmllint", "--noout", "--relaxng", g_getenv ("JAARPLAN_SCHEMA"), path, NULL };
  int status = -1;

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed");
      g_remove (path);
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("xmllint: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "validates"));
  g_remove (path);
}

static void
test_export_valid (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpItem) root = jp_database_get_root (db);
  g_autoptr(JpItem) contacts = jp_database_find_child (db, root, JP_KIND_CONTACTS);
  g_autoptr(GBytes) plan = export_all (db);
  g_autoptr(GBytes) chapter = export_numbered (db, JP_KIND_CHAPTER, "5");
  g_autoptr(GBytes) section = export_numbered (db, JP_KIND_SECTION, "5.7");
  g_autoptr(GBytes) people = export_item (db, contacts);

  validate_in_process (plan);
  validate_in_process (chapter);
  validate_in_process (section);
  validate_in_process (people);
  validate_with_xmllint (plan, "plan.xml");
  validate_with_xmllint (chapter, "chapter.xml");
  validate_with_xmllint (section, "section.xml");
  validate_with_xmllint (people, "contacts.xml");
}

static void
test_export_deterministic (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpDatabase) other = jp_test_open_memory (TRUE);
  g_autoptr(GBytes) a = export_all (db);
  g_autoptr(GBytes) b = export_all (db);
  g_autoptr(GBytes) c = export_all (other);

  assert_same_bytes (a, b);
  assert_same_bytes (a, c);
}

/* The bundled plan is in the exporter's normal form, but for the order of
 * the root's attributes: exporting it gives it back line for line. */
static void
test_export_bundled (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpDatabase) again = jp_test_open_memory (FALSE);
  g_autoptr(GBytes) bundled = load_file (g_getenv ("JAARPLAN_BUNDLED"));
  g_autoptr(GBytes) first = export_all (db);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(JpImportReport) report = NULL;
  g_autofree char *bundled_text = bytes_to_string (bundled);
  g_autofree char *first_text = bytes_to_string (first);
  g_auto(GStrv) bundled_lines = g_strsplit (bundled_text, "\n", -1);
  g_auto(GStrv) first_lines = g_strsplit (first_text, "\n", -1);

  report = import_ok (again, first, FALSE);
  second = export_all (again);
  assert_same_bytes (first, second);

  g_assert_cmpuint (g_strv_length (bundled_lines), ==, g_strv_length (first_lines));
  for (guint i = 0; bundled_lines[i]; i++)
    {
      if (g_str_has_prefix (bundled_lines[i], "<plan "))
        {
          g_assert_true (g_str_has_prefix (first_lines[i], "<plan "));
          continue;
        }
      g_assert_cmpstr (bundled_lines[i], ==, first_lines[i]);
    }
}

/* ---------------------------------------------------------------- round trips */

static void
test_roundtrip_new_db (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpDatabase) empty = jp_test_open_memory (FALSE);
  g_autoptr(JpDatabase) third = jp_test_open_memory (FALSE);
  g_autoptr(GBytes) a = export_all (db);
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GBytes) c = NULL;
  g_autoptr(JpImportReport) r1 = NULL;
  g_autoptr(JpImportReport) r2 = NULL;
  g_autoptr(JpItem) root = jp_database_get_root (db);
  guint n_items = jp_database_count_descendants (db, root, JP_KIND_MASK_ALL);

  g_assert_cmpuint (n_items, >, 500);
  r1 = import_ok (empty, a, FALSE);
  g_assert_cmpuint (r1->scope, ==, JP_SCOPE_PLAN);
  g_assert_cmpuint (jp_import_report_total (r1, r1->added), ==, n_items - 1);   /* all but the contacts */
  g_assert_cmpuint (jp_import_report_total (r1, r1->removed), ==, 0);
  b = export_all (empty);
  assert_same_bytes (a, b);

  r2 = import_ok (third, b, FALSE);
  c = export_all (third);
  assert_same_bytes (b, c);

  /* The same file again changes nothing. */
  g_clear_pointer (&r2, jp_import_report_free);
  r2 = import_ok (third, c, FALSE);
  g_assert_cmpuint (jp_import_report_total (r2, r2->added), ==, 0);
  g_assert_cmpuint (jp_import_report_total (r2, r2->changed), ==, 0);
  g_assert_cmpuint (jp_import_report_total (r2, r2->removed), ==, 0);

  g_clear_object (&root);
  root = jp_database_get_root (empty);
  g_assert_cmpstr (jp_item_get_field (root, JP_FIELD_NUMBER), ==, "2013");
}

static void
test_roundtrip_twice (void)
{
  g_autoptr(GBytes) bundled = load_file (g_getenv ("JAARPLAN_BUNDLED"));
  g_autoptr(JpDatabase) one = jp_test_open_memory (FALSE);
  g_autoptr(JpDatabase) two = jp_test_open_memory (FALSE);
  g_autoptr(JpImportReport) r1 = NULL;
  g_autoptr(JpImportReport) r2 = NULL;
  g_autoptr(GBytes) x1 = NULL;
  g_autoptr(GBytes) x2 = NULL;

  r1 = import_ok (one, bundled, FALSE);
  x1 = export_all (one);
  r2 = import_ok (two, x1, FALSE);
  x2 = export_all (two);
  assert_same_bytes (x1, x2);
  g_assert_cmpuint (jp_import_report_total (r1, r1->added), ==, jp_import_report_total (r2, r2->added));
}

/* ---------------------------------------------------------------- partial imports */

#define NEW_PROJECT \
  "    <project id=\"sec-5.7-p12\" phase=\"new\" status=\"planned\">\n" \
  "      <text xml:lang=\"nl\">Onderzoeken van btw-fraude met cryptomunten.</text>\n" \
  "    </project>\n"

static void
test_import_section (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(GBytes) before = export_all (db);
  g_autoptr(GBytes) section = export_numbered (db, JP_KIND_SECTION, "5.7");
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) after_section = NULL;
  g_autoptr(JpImportReport) dry = NULL;
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = bytes_to_string (section);
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  g_autofree char *t3 = NULL;
  g_autofree char *undo_before = NULL;
  g_autofree char *undo_after_dry = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(JpItem) group = NULL;
  g_autoptr(JpItem) removed = NULL;

  /* One code changed, one project added after the last, one working
   * group (the last, without subgroups) removed. */
  t1 = jp_test_replace (text, "code=\"FISC STRAT\"", "code=\"FISC-STRAT\"");
  t2 = jp_test_replace (t1, "    <group id=\"sec-5.7-g1\"", NEW_PROJECT "    <group id=\"sec-5.7-g1\"");
  t3 = cut_element (t2, "    <group id=\"sec-5.7-g9\"", "</group>\n");
  edited = bytes_from_string (t3);

  undo_before = undo_state (db);
  dry = import_ok (db, edited, TRUE);
  after = export_all (db);
  assert_same_bytes (before, after);
  undo_after_dry = undo_state (db);
  g_assert_cmpstr (undo_before, ==, undo_after_dry);

  g_assert_cmpuint (dry->scope, ==, JP_SCOPE_SECTION);
  g_assert_cmpstr (dry->scope_uid, ==, "sec-5.7");
  g_assert_true (g_str_has_prefix (dry->scope_label, "5.7 "));
  for (guint k = 0; k < JP_N_KINDS; k++)
    {
      g_assert_cmpuint (dry->added[k], ==, k == JP_KIND_PROJECT ? 1 : 0);
      g_assert_cmpuint (dry->changed[k], ==, k == JP_KIND_GROUP ? 1 : 0);
      g_assert_cmpuint (dry->removed[k], ==, k == JP_KIND_GROUP ? 1 : 0);
    }
  summary = jp_import_report_describe (dry);
  g_assert_true (g_str_has_prefix (summary, "added 1, changed 1, removed 1 in 5.7 "));

  report = import_ok (db, edited, FALSE);
  g_assert_cmpmem (report->added, sizeof report->added, dry->added, sizeof dry->added);
  g_assert_cmpmem (report->changed, sizeof report->changed, dry->changed, sizeof dry->changed);
  g_assert_cmpmem (report->removed, sizeof report->removed, dry->removed, sizeof dry->removed);

  /* The section now reads exactly as the file. */
  after_section = export_numbered (db, JP_KIND_SECTION, "5.7");
  assert_same_bytes (edited, after_section);
  group = jp_database_lookup_uid (db, "sec-5.7-g1");
  g_assert_cmpstr (jp_item_get_field (group, JP_FIELD_CODE), ==, "FISC-STRAT");
  removed = jp_database_lookup_uid (db, "sec-5.7-g9");
  g_assert_null (removed);

  /* The import is one step of undo. */
  g_assert_true (jp_database_can_undo (db));
  jp_database_undo (db, &error);
  g_assert_no_error (error);
  g_clear_pointer (&after, g_bytes_unref);
  after = export_all (db);
  assert_same_bytes (before, after);
}

/* Two projects swapped: one changed place, nothing else changed. */
static void
test_import_section_moved (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(GBytes) section = export_numbered (db, JP_KIND_SECTION, "5.7");
  g_autofree char *text = bytes_to_string (section);
  const char *p1 = strstr (text, "    <project id=\"sec-5.7-p1\"");
  const char *p2 = strstr (text, "    <project id=\"sec-5.7-p2\"");
  const char *p3 = strstr (text, "    <project id=\"sec-5.7-p3\"");
  g_autoptr(GString) swapped = g_string_new (NULL);
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(JpImportReport) report = NULL;

  g_assert_true (p1 && p2 && p3 && p1 < p2 && p2 < p3);
  g_string_append_len (swapped, text, p1 - text);
  g_string_append_len (swapped, p2, p3 - p2);
  g_string_append_len (swapped, p1, p2 - p1);
  g_string_append (swapped, p3);
  edited = g_bytes_new (swapped->str, swapped->len);

  report = import_ok (db, edited, FALSE);
  g_assert_cmpuint (jp_import_report_total (report, report->added), ==, 0);
  g_assert_cmpuint (jp_import_report_total (report, report->removed), ==, 0);
  g_assert_cmpuint (jp_import_report_total (report, report->changed), ==, 1);
  g_assert_cmpuint (report->changed[JP_KIND_PROJECT], ==, 1);
  after = export_numbered (db, JP_KIND_SECTION, "5.7");
  assert_same_bytes (edited, after);
}

static void
test_import_chapter (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(GBytes) before = export_all (db);
  g_autoptr(GBytes) chapter = export_numbered (db, JP_KIND_CHAPTER, "5");
  g_autofree char *text = bytes_to_string (chapter);
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(JpImportReport) dry = NULL;
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(JpItem) section = NULL;

  /* The title of 5.7 in French changed, project 5.7-p11 dropped. */
  t1 = jp_test_replace (text, "<title xml:lang=\"fr\">Coopération fiscale et lutte contre la fraude</title>",
                "<title xml:lang=\"fr\">Coopération fiscale et lutte contre les fraudes</title>");
  t2 = cut_element (t1, "      <project id=\"sec-5.7-p11\"", "</project>\n");
  g_assert_cmpuint (strlen (t2), <, strlen (t1));
  edited = bytes_from_string (t2);

  dry = import_ok (db, edited, TRUE);
  after = export_all (db);
  assert_same_bytes (before, after);
  g_assert_cmpuint (dry->scope, ==, JP_SCOPE_CHAPTER);
  g_assert_cmpstr (dry->scope_uid, ==, "ch-5");
  for (guint k = 0; k < JP_N_KINDS; k++)
    {
      g_assert_cmpuint (dry->added[k], ==, 0);
      g_assert_cmpuint (dry->changed[k], ==, k == JP_KIND_SECTION ? 1 : 0);
      g_assert_cmpuint (dry->removed[k], ==, k == JP_KIND_PROJECT ? 1 : 0);
    }

  report = import_ok (db, edited, FALSE);
  g_assert_cmpuint (report->scope, ==, JP_SCOPE_CHAPTER);
  section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  g_assert_cmpstr (jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_FR), ==,
                   "Coopération fiscale et lutte contre les fraudes");
  g_clear_pointer (&after, g_bytes_unref);
  after = export_numbered (db, JP_KIND_CHAPTER, "5");
  assert_same_bytes (edited, after);
}

static void
test_import_contacts (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpItem) root = jp_database_get_root (db);
  g_autoptr(JpItem) contacts = jp_database_find_child (db, root, JP_KIND_CONTACTS);
  g_autoptr(GBytes) exported = export_item (db, contacts);
  g_autofree char *text = bytes_to_string (exported);
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(JpItem) contact = NULL;

  t1 = jp_test_replace (text, "phone=\"+32 (0)2 519 38 65\"", "phone=\"+32 (0)2 519 38 66\"");
  /* A new contact in the first subject, after its first contact. */
  {
    const char *c1 = strstr (t1, "<contact id=\"team-college-s1-c1\"");
    const char *end;
    GString *s;

    g_assert_nonnull (c1);
    end = strchr (c1, '\n');
    s = g_string_new_len (t1, end + 1 - t1);
    g_string_append (s, "        <contact id=\"team-college-s1-c2\" person=\"A. Nieuw\""
                        " email=\"a.nieuw@benelux.int\" valid-from=\"2013-03-01\" valid-until=\"2013-12-31\"/>\n");
    g_string_append (s, end + 1);
    t2 = g_string_free (s, FALSE);
  }
  edited = bytes_from_string (t2);

  report = import_ok (db, edited, FALSE);
  g_assert_cmpuint (report->scope, ==, JP_SCOPE_CONTACTS);
  for (guint k = 0; k < JP_N_KINDS; k++)
    {
      g_assert_cmpuint (report->added[k], ==, k == JP_KIND_CONTACT ? 1 : 0);
      g_assert_cmpuint (report->changed[k], ==, k == JP_KIND_CONTACT ? 1 : 0);
      g_assert_cmpuint (report->removed[k], ==, 0);
    }
  contact = jp_database_lookup_uid (db, "team-college-s1-c1");
  g_assert_cmpstr (jp_item_get_field (contact, JP_FIELD_PHONE), ==, "+32 (0)2 519 38 66");
  g_clear_object (&contact);
  contact = jp_database_lookup_uid (db, "team-college-s1-c2");
  g_assert_nonnull (contact);
  g_assert_cmpstr (jp_item_get_field (contact, JP_FIELD_VALID_UNTIL), ==, "2013-12-31");
  after = export_item (db, contacts);
  assert_same_bytes (edited, after);
}

/* A French title set through the model survives export and import into
 * another database. */
static void
test_bilingual (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpDatabase) other = jp_test_open_memory (FALSE);
  g_autoptr(JpItem) section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *nl;
  const char *fr = "Coopération fiscale, « fraude » & lutte — ça marche <vraiment>";

  nl = jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_NL);
  g_assert_nonnull (nl);
  jp_database_set_text (db, section, JP_TEXT_TITLE, JP_LANG_FR, fr, &error);
  g_assert_no_error (error);

  bytes = export_all (db);
  report = import_ok (other, bytes, FALSE);
  copy = jp_database_lookup_uid (other, "sec-5.7");
  g_assert_nonnull (copy);
  g_assert_cmpstr (jp_item_get_text (copy, JP_TEXT_TITLE, JP_LANG_FR), ==, fr);
  g_assert_cmpstr (jp_item_get_text (copy, JP_TEXT_TITLE, JP_LANG_NL), ==, nl);
}

/* ---------------------------------------------------------------- good inputs */

typedef struct {
  const char *path;
  GBytes   *(*make) (const char *section);   /* from the export of 5.7 */
  const char *title_nl;   /* 5.7's Dutch title afterwards, or NULL: unchanged */
} GoodInput;

#define TITLE_57 "<title xml:lang=\"nl\">Fiscale samenwerking en strijd tegen de fraude</title>"

static GBytes *
make_utf8_bom (const char *section)
{
  g_autofree char *edited = jp_test_replace (section, TITLE_57, "<title xml:lang=\"nl\">Met BOM</title>");
  GString *s = g_string_new ("\xef\xbb\xbf");

  g_string_append (s, edited);
  return g_string_free_to_bytes (s);
}

static GBytes *
make_cdata (const char *section)
{
  g_autofree char *edited = jp_test_replace (section, TITLE_57,
                                     "<title xml:lang=\"nl\"><![CDATA[Fiscale <samenwerking> & ]]>fraude</title>");
  return bytes_from_string (edited);
}

static GBytes *
make_comments (const char *section)
{
  g_autofree char *a = jp_test_replace (section, "  <section ", "  <!-- een opmerking -->\n  <section ");
  g_autofree char *b = jp_test_replace (a, TITLE_57, TITLE_57 "<!-- nog een -->");
  return bytes_from_string (b);
}

static GBytes *
make_processing_instructions (const char *section)
{
  g_autofree char *a = jp_test_replace (section, "<plan ", "<?xml-stylesheet type=\"text/xsl\" href=\"file:///etc/passwd\"?>\n<plan ");
  g_autofree char *b = jp_test_replace (a, TITLE_57, "<?jaarplan ignore me?>" TITLE_57);
  return bytes_from_string (b);
}

static GBytes *
make_latin1_declared (const char *section)
{
  g_autofree char *a = jp_test_replace (section, "encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  gsize len = 0;

  /* The whole file in Latin-1, as it says. */
  b = jp_test_replace (a, TITLE_57, "<title xml:lang=\"nl\">Fiscale samenwerking: één</title>");
  c = g_convert (b, -1, "ISO-8859-1", "UTF-8", NULL, &len, NULL);
  g_assert_nonnull (c);
  return g_bytes_new (c, len);
}

static GBytes *
make_character_references (const char *section)
{
  g_autofree char *a = jp_test_replace (section, TITLE_57,
                                "<title xml:lang=\"nl\">&#x1F4C5; &#233;&lt;&amp;&gt;&quot;&apos;</title>");
  return bytes_from_string (a);
}

static const GoodInput good_inputs[] = {
  { "utf8-bom", make_utf8_bom, "Met BOM" },
  { "cdata", make_cdata, "Fiscale <samenwerking> & fraude" },
  { "comments", make_comments, NULL },
  { "processing-instructions", make_processing_instructions, NULL },
  { "character-references", make_character_references, "\xf0\x9f\x93\x85 é<&>\"'" },
};

static void
test_good_input (gconstpointer data)
{
  const GoodInput *input = data;
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(GBytes) section = export_numbered (db, JP_KIND_SECTION, "5.7");
  g_autofree char *text = bytes_to_string (section);
  g_autoptr(GBytes) bytes = input->make (text);
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) item = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_true (import_as_file (db, "good.xml", bytes, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jp_import_report_total (report, report->added), ==, 0);
  g_assert_cmpuint (jp_import_report_total (report, report->removed), ==, 0);
  g_assert_cmpuint (jp_import_report_total (report, report->changed), ==, input->title_nl ? 1 : 0);

  item = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  if (input->title_nl)
    g_assert_cmpstr (jp_item_get_text (item, JP_TEXT_TITLE, JP_LANG_NL), ==, input->title_nl);
  else
    {
      after = export_numbered (db, JP_KIND_SECTION, "5.7");
      assert_same_bytes (section, after);
    }
}

/* ---------------------------------------------------------------- bad inputs */

typedef struct {
  const char *path;       /* /xml/import/rejects-PATH */
  const char *content;    /* or NULL, and made by make () */
  GBytes   *(*make) (void);
  JpXmlError  code;
  const char *phrase;     /* the message says this */
  int         line;       /* the line it names; 0 if it names none */
} BadInput;

static GBytes *
make_binary (void)
{
  GRand *rand = g_rand_new_with_seed (20130101);
  GByteArray *a = g_byte_array_new ();

  for (guint i = 0; i < 4096; i++)
    {
      guint8 b = g_rand_int_range (rand, 0, 256);
      g_byte_array_append (a, &b, 1);
    }
  g_rand_free (rand);
  return g_byte_array_free_to_bytes (a);
}

static GBytes *
make_binary_no_nul (void)
{
  GRand *rand = g_rand_new_with_seed (20130102);
  GByteArray *a = g_byte_array_new ();

  for (guint i = 0; i < 4096; i++)
    {
      guint8 b = g_rand_int_range (rand, 1, 256);
      g_byte_array_append (a, &b, 1);
    }
  g_rand_free (rand);
  return g_byte_array_free_to_bytes (a);
}

static GBytes *
to_utf16 (const char *charset,
          const char *bom,
          gsize       bom_len)
{
  const char *text = HEAD PLAN_OPEN PLAN_BODY "</plan>\n";
  gsize len = 0;
  g_autofree char *converted = g_convert (text, -1, charset, "UTF-8", NULL, &len, NULL);
  GByteArray *a = g_byte_array_new ();

  g_assert_nonnull (converted);
  g_byte_array_append (a, (const guint8 *) bom, bom_len);
  g_byte_array_append (a, (const guint8 *) converted, len);
  return g_byte_array_free_to_bytes (a);
}

static GBytes *
make_utf16le_bom (void)
{
  return to_utf16 ("UTF-16LE", "\xff\xfe", 2);
}

static GBytes *
make_utf16be_bom (void)
{
  return to_utf16 ("UTF-16BE", "\xfe\xff", 2);
}

static GBytes *
make_utf16le_no_bom (void)
{
  return to_utf16 ("UTF-16LE", "", 0);
}

static GBytes *
make_utf32le_bom (void)
{
  return to_utf16 ("UTF-32LE", "\xff\xfe\x00\x00", 4);
}

static GBytes *
make_utf32be_bom (void)
{
  return to_utf16 ("UTF-32BE", "\x00\x00\xfe\xff", 4);
}

static GBytes *
make_huge_text (void)
{
  GString *s = g_string_new (HEAD PLAN_OPEN "  <title xml:lang=\"nl\">");

  for (guint i = 0; i < 11 * 1024 * 1024 / 64; i++)
    g_string_append (s, "Dit is een zeer lange titel die nooit ophoudt, en nog langer. ");
  g_string_append (s, "</title>\n" PLAN_BODY "</plan>\n");
  return g_string_free_to_bytes (s);
}

static GBytes *
make_long_text (void)
{
  GString *s = g_string_new (HEAD PLAN_OPEN "  <title xml:lang=\"nl\">Proef</title>\n"
                             "  <chapter id=\"c1\" number=\"1\">\n"
                             "    <text xml:lang=\"nl\">");

  for (guint i = 0; i < 65537; i++)
    g_string_append_c (s, 'a' + i % 26);
  g_string_append (s, "</text>\n  </chapter>\n</plan>\n");
  return g_string_free_to_bytes (s);
}

static GBytes *
make_deep (void)
{
  GString *s = g_string_new (HEAD PLAN_OPEN "  <chapter id=\"c1\" number=\"1\">\n");

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (s, "<item id=\"i%u\">", i);
  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "</item>");
  g_string_append (s, "\n  </chapter>\n</plan>\n");
  return g_string_free_to_bytes (s);
}

static GBytes *
make_truncated (void)
{
  g_autoptr(GBytes) bundled = load_file (g_getenv ("JAARPLAN_BUNDLED"));
  gsize len;
  const char *data = g_bytes_get_data (bundled, &len);

  return g_bytes_new (data, len / 2);
}

#define BAD_PLAN(x) HEAD PLAN_OPEN x "</plan>\n"

static const BadInput bad_inputs[] = {
  /* Not XML, or not well-formed. */
  { "empty", "", NULL, JP_XML_ERROR_MALFORMED, "the file is empty", 0 },
  { "whitespace-only", " \n\t\r\n   \n", NULL, JP_XML_ERROR_MALFORMED, "the file is empty", 0 },
  { "binary-garbage", NULL, make_binary, JP_XML_ERROR_MALFORMED, "binary data", 0 },
  { "binary-garbage-without-zero", NULL, make_binary_no_nul, JP_XML_ERROR_MALFORMED, "not well-formed XML", 1 },
  { "plain-text", "Jaarplan 2013\nHoofdstuk 1\n", NULL, JP_XML_ERROR_MALFORMED, "not well-formed XML", 1 },
  { "malformed", BAD_PLAN ("  <title xml:lang=\"nl\">Proef</titel>\n"), NULL,
    JP_XML_ERROR_MALFORMED, "not well-formed XML: Opening and ending tag mismatch", 3 },
  { "unclosed-attribute", BAD_PLAN ("  <chapter id=\"c1 number=\"1\"/>\n"), NULL,
    JP_XML_ERROR_MALFORMED, "not well-formed XML", 3 },
  { "two-roots", HEAD PLAN_OPEN PLAN_BODY "</plan>\n<plan/>\n", NULL,
    JP_XML_ERROR_MALFORMED, "Extra content", 11 },
  { "truncated", NULL, make_truncated, JP_XML_ERROR_MALFORMED, "not well-formed XML", 0 },
  { "undefined-entity", BAD_PLAN ("  <title xml:lang=\"nl\">Proef&nbsp;</title>\n"), NULL,
    JP_XML_ERROR_MALFORMED, "nbsp", 3 },
  { "nul-character-reference", BAD_PLAN ("  <title xml:lang=\"nl\">Proef&#0;</title>\n"), NULL,
    JP_XML_ERROR_MALFORMED, "invalid xmlChar value 0", 3 },
  { "undeclared-prefix", BAD_PLAN ("  <x:title xml:lang=\"nl\">Proef</x:title>\n"), NULL,
    JP_XML_ERROR_MALFORMED, "Namespace prefix x on title is not defined", 3 },

  /* Encodings. */
  { "latin1-bytes", BAD_PLAN ("  <title xml:lang=\"fr\">S\xe9" "curit\xe9</title>\n"), NULL,
    JP_XML_ERROR_MALFORMED, "UTF-8", 3 },
  { "invalid-utf8-text", BAD_PLAN ("  <title xml:lang=\"nl\">Proef \xc3\x28 ok</title>\n"), NULL,
    JP_XML_ERROR_MALFORMED, "UTF-8", 3 },
  { "invalid-utf8-attribute", BAD_PLAN ("  <chapter id=\"c\xff\" number=\"1\"/>\n"), NULL,
    JP_XML_ERROR_MALFORMED, "UTF-8", 3 },
  { "invalid-utf8-element-name", BAD_PLAN ("  <chap\xe9ter id=\"c1\" number=\"1\"/>\n"), NULL,
    JP_XML_ERROR_MALFORMED, "UTF-8", 3 },
  /* Found by fuzzing: libxml2 quotes the bad bytes in its message. */
  { "invalid-utf8-end-tag", BAD_PLAN ("  <title xml:lang=\"nl\">Proef</title\xd9>\n"), NULL,
    JP_XML_ERROR_MALFORMED, "UTF-8", 3 },
  { "invalid-utf8-prefix", BAD_PLAN ("  <xml\xff\xff:title xml:lang=\"nl\">Proef</xml\xff\xff:title>\n"), NULL,
    JP_XML_ERROR_MALFORMED, "not well-formed XML", 3 },
  { "overlong-utf8", BAD_PLAN ("  <title xml:lang=\"nl\">\xc0\xbc</title>\n"), NULL,
    JP_XML_ERROR_MALFORMED, "UTF-8", 3 },
  { "utf16le-without-bom", NULL, make_utf16le_no_bom, JP_XML_ERROR_FORMAT, "UTF-16", 0 },
  { "utf32le-bom", NULL, make_utf32le_bom, JP_XML_ERROR_FORMAT, "UTF-32", 0 },
  { "utf32be-bom", NULL, make_utf32be_bom, JP_XML_ERROR_FORMAT, "UTF-32", 0 },

  /* Not a Jaarplan file, or a newer one. */
  { "wrong-root", HEAD "<jaarplan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"plan\"/>\n", NULL,
    JP_XML_ERROR_FORMAT, "not a Jaarplan file", 2 },
  { "wrong-namespace", HEAD "<plan xmlns=\"urn:x-benelux:jaarplan:2\" version=\"1\" scope=\"plan\" year=\"2013\"/>\n",
    NULL, JP_XML_ERROR_FORMAT, "not a Jaarplan file", 2 },
  { "missing-namespace", HEAD "<plan version=\"1\" scope=\"plan\" year=\"2013\">\n" PLAN_BODY "</plan>\n", NULL,
    JP_XML_ERROR_FORMAT, "not a Jaarplan file", 2 },
  { "xhtml", HEAD "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>\n", NULL,
    JP_XML_ERROR_FORMAT, "not a Jaarplan file", 2 },
  { "newer-version", HEAD "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"2\" scope=\"plan\" year=\"2013\">\n"
    "  <future/>\n</plan>\n", NULL, JP_XML_ERROR_FORMAT, "newer version of Jaarplan", 2 },
  { "version-zero", HEAD "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"0\" scope=\"plan\" year=\"2013\"/>\n",
    NULL, JP_XML_ERROR_FORMAT, "not a version of the plan format", 2 },
  { "version-text", HEAD "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"een\" scope=\"plan\" year=\"2013\"/>\n",
    NULL, JP_XML_ERROR_FORMAT, "not a version of the plan format", 2 },
  { "version-missing", HEAD "<plan xmlns=\"urn:x-benelux:jaarplan:1\" scope=\"plan\" year=\"2013\"/>\n",
    NULL, JP_XML_ERROR_FORMAT, "no version attribute", 2 },

  /* Safety: DTDs, entities, inclusion. */
  { "doctype", HEAD "<!DOCTYPE plan>\n" PLAN_OPEN PLAN_BODY "</plan>\n", NULL,
    JP_XML_ERROR_FORMAT, "document type", 2 },
  { "external-entity", HEAD "<!DOCTYPE plan [\n  <!ENTITY secret SYSTEM \"file:///etc/passwd\">\n]>\n"
    PLAN_OPEN "  <title xml:lang=\"nl\">&secret;</title>\n</plan>\n", NULL,
    JP_XML_ERROR_FORMAT, "document type", 2 },
  { "external-dtd", HEAD "<!DOCTYPE plan SYSTEM \"file:///etc/passwd\">\n" PLAN_OPEN PLAN_BODY "</plan>\n", NULL,
    JP_XML_ERROR_FORMAT, "document type", 2 },
  { "parameter-entity", HEAD "<!DOCTYPE plan [\n  <!ENTITY % p SYSTEM \"file:///etc/passwd\">\n  %p;\n]>\n"
    PLAN_OPEN PLAN_BODY "</plan>\n", NULL, JP_XML_ERROR_FORMAT, "document type", 2 },
  { "internal-entity", HEAD "<!DOCTYPE plan [\n  <!ENTITY naam \"Benelux\">\n]>\n"
    PLAN_OPEN "  <title xml:lang=\"nl\">&naam;</title>\n</plan>\n", NULL,
    JP_XML_ERROR_FORMAT, "document type", 2 },
  { "billion-laughs", HEAD "<!DOCTYPE plan [\n"
    "  <!ENTITY a \"haha\">\n"
    "  <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
    "  <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
    "  <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
    "  <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
    "  <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
    "  <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
    "  <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
    "  <!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n"
    "]>\n" PLAN_OPEN "  <title xml:lang=\"nl\">&i;</title>\n</plan>\n", NULL,
    JP_XML_ERROR_FORMAT, "document type", 2 },
  { "xinclude", BAD_PLAN ("  <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\""
                          " parse=\"text\"/>\n"), NULL, JP_XML_ERROR_INVALID, "<include> in the namespace", 3 },
  { "foreign-element", BAD_PLAN ("  <title xml:lang=\"nl\">Proef</title>\n"
                                 "  <chapter id=\"c1\" number=\"1\">\n"
                                 "    <x:extra xmlns:x=\"urn:other\">meer</x:extra>\n"
                                 "  </chapter>\n"), NULL, JP_XML_ERROR_INVALID, "<extra> in the namespace “urn:other” is not an element", 5 },
  { "foreign-attribute", BAD_PLAN ("  <chapter xmlns:x=\"urn:other\" x:secret=\"1\" id=\"c1\" number=\"1\"/>\n"), NULL,
    JP_XML_ERROR_INVALID, "Invalid attribute secret for element chapter", 3 },

  /* Valid XML, but not the plan format. */
  { "unknown-element", BAD_PLAN (PLAN_BODY "  <appendix id=\"a1\"/>\n"), NULL,
    JP_XML_ERROR_INVALID, "<appendix> is not an element of the plan format", 10 },
  { "unknown-attribute", BAD_PLAN ("  <chapter id=\"c1\" number=\"1\" colour=\"red\"/>\n"), NULL,
    JP_XML_ERROR_INVALID, "Invalid attribute colour for element chapter", 3 },
  { "missing-id", BAD_PLAN ("  <chapter number=\"1\"/>\n"), NULL, JP_XML_ERROR_INVALID, "<chapter> has no id", 3 },
  { "bad-id", BAD_PLAN ("  <chapter id=\"1 twee\" number=\"1\"/>\n"), NULL, JP_XML_ERROR_INVALID, "the id “1 twee” of <chapter> is not valid", 3 },
  /* The schema types an id as an NCName of at most 64 characters; the
   * reader narrows that to ASCII, starting with a letter. */
  { "id-not-ascii", BAD_PLAN ("  <chapter id=\"\xc3\xa9t\xc3\xa9\" number=\"1\"/>\n"), NULL, JP_XML_ERROR_INVALID, "the id “été” of <chapter> is not valid", 3 },
  { "id-underscore", BAD_PLAN ("  <chapter id=\"_c1\" number=\"1\"/>\n"), NULL, JP_XML_ERROR_INVALID, "the id “_c1” of <chapter> is not valid", 3 },
  { "id-too-long", BAD_PLAN ("  <chapter id=\"c1234567890123456789012345678901234567890123456789012345678901234\" number=\"1\"/>\n"), NULL, JP_XML_ERROR_INVALID, "c1234567890123456789012345678901234567890123456789012345678901234", 3 },
  { "missing-scope", HEAD "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" year=\"2013\"/>\n", NULL,
    JP_XML_ERROR_INVALID, "<plan> has no scope", 2 },
  { "unknown-scope", HEAD "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"all\" year=\"2013\"/>\n",
    NULL, JP_XML_ERROR_INVALID, "the scope “all” is not", 2 },
  { "bad-status", BAD_PLAN ("  <chapter id=\"c1\" number=\"1\">\n    <section id=\"s1\" number=\"1.1\">\n"
                            "      <project id=\"p1\" phase=\"new\" status=\"finished\"/>\n"
                            "    </section>\n  </chapter>\n"), NULL, JP_XML_ERROR_INVALID, "the status of project “p1” is “finished”", 5 },
  { "bad-phase", BAD_PLAN ("  <chapter id=\"c1\" number=\"1\">\n    <section id=\"s1\" number=\"1.1\">\n"
                           "      <project id=\"p1\" phase=\"later\" status=\"planned\"/>\n"
                           "    </section>\n  </chapter>\n"), NULL, JP_XML_ERROR_INVALID, "the phase of project “p1” is “later”", 5 },
  { "bad-date", BAD_PLAN ("  <contacts>\n    <team id=\"t1\">\n      <subject id=\"s1\">\n"
                          "        <contact id=\"k1\" person=\"A. B\" valid-until=\"2013-02-30\"/>\n"
                          "      </subject>\n    </team>\n  </contacts>\n"), NULL,
    JP_XML_ERROR_INVALID, "valid-until=“2013-02-30” of contact “k1” is not a date", 6 },
  { "valid-from-after-until", BAD_PLAN ("  <contacts>\n    <team id=\"t1\">\n      <subject id=\"s1\">\n"
                                        "        <contact id=\"k1\" person=\"A. B\" valid-from=\"2014-01-01\""
                                        " valid-until=\"2013-12-31\"/>\n"
                                        "      </subject>\n    </team>\n  </contacts>\n"), NULL,
    JP_XML_ERROR_INVALID, "after it stops being valid", 6 },
  { "bad-email", BAD_PLAN ("  <contacts>\n    <team id=\"t1\">\n      <subject id=\"s1\">\n"
                           "        <contact id=\"k1\" person=\"A. B\" email=\"niet een adres\"/>\n"
                           "      </subject>\n    </team>\n  </contacts>\n"), NULL,
    JP_XML_ERROR_INVALID, "“niet een adres” of contact “k1” is not an e-mail address", 6 },
  { "number-with-letters", BAD_PLAN ("  <chapter id=\"c1\" number=\"1a\"/>\n"), NULL, JP_XML_ERROR_INVALID, "the number “1a” of <chapter> “c1” is not a number", 3 },
  { "year-out-of-range", HEAD "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"plan\" year=\"1900\">\n"
    PLAN_BODY "</plan>\n", NULL, JP_XML_ERROR_INVALID, "the year “1900” is not a year between", 2 },
  { "year-text", HEAD "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"plan\" year=\"MMXIII\">\n"
    PLAN_BODY "</plan>\n", NULL, JP_XML_ERROR_INVALID, "the year “MMXIII” is not a year", 2 },
  { "wrong-order", BAD_PLAN ("  <chapter id=\"c1\" number=\"1\">\n    <section id=\"s1\" number=\"1.1\"/>\n"
                             "    <title xml:lang=\"nl\">Te laat</title>\n  </chapter>\n"), NULL,
    JP_XML_ERROR_INVALID, "in <chapter> “c1”: Did not expect element title there", 5 },
  { "text-without-lang", BAD_PLAN ("  <title>Proef</title>\n"), NULL, JP_XML_ERROR_INVALID, "<title> has no language", 3 },
  { "text-in-german", BAD_PLAN ("  <title xml:lang=\"de\">Probe</title>\n"), NULL, JP_XML_ERROR_INVALID, "<title> is in the language “de”", 3 },
  { "text-twice-same-language", BAD_PLAN ("  <title xml:lang=\"nl\">Proef</title>\n"
                                          "  <title xml:lang=\"nl\">Nog eens</title>\n"), NULL,
    JP_XML_ERROR_INVALID, "twice in the same language", 4 },
  { "text-over-limit", NULL, make_long_text, JP_XML_ERROR_INVALID, "<text> is longer than 65536 characters", 5 },
  /* libxml2 2.9.14 reads a text node over 10 MB here; the schema's limit
   * refuses it. */
  { "huge-text-node", NULL, make_huge_text, JP_XML_ERROR_INVALID, "<title> is longer than 65536 characters", 3 },
  { "deep-nesting", NULL, make_deep, JP_XML_ERROR_MALFORMED, "nested more than 256 deep", 4 },
  { "section-scope-holding-chapter", HEAD SECTION_OPEN "  <chapter id=\"ch-5\" number=\"5\"/>\n</plan>\n", NULL,
    JP_XML_ERROR_INVALID, "scope “section” holds exactly one <section>", 2 },
  { "chapter-scope-empty", HEAD CHAPTER_OPEN "</plan>\n", NULL,
    JP_XML_ERROR_INVALID, "scope “chapter” holds exactly one <chapter>", 2 },

  /* Well-formed and valid, but it does not fit the plan. */
  { "duplicate-id-same-kind", BAD_PLAN ("  <chapter id=\"c1\" number=\"1\"/>\n  <chapter id=\"c1\" number=\"2\"/>\n"), NULL,
    JP_XML_ERROR_CONFLICT, "used twice (first on line 3)", 4 },
  { "duplicate-id-across-kinds", BAD_PLAN ("  <chapter id=\"c1\" number=\"1\">\n"
                                           "    <section id=\"c1\" number=\"1.1\"/>\n  </chapter>\n"), NULL,
    JP_XML_ERROR_CONFLICT, "“c1” is used twice", 4 },
  { "id-outside-scope", HEAD SECTION_OPEN "  <section id=\"sec-5.7\" number=\"5.7\">\n"
    "    <project id=\"sec-5.6-p1\" phase=\"new\" status=\"planned\"/>\n  </section>\n</plan>\n", NULL,
    JP_XML_ERROR_CONFLICT, "already used by another item", 4 },
  { "id-of-another-kind", HEAD SECTION_OPEN "  <section id=\"sec-5.7\" number=\"5.7\">\n"
    "    <project id=\"sec-5.7-g1\" phase=\"new\" status=\"planned\"/>\n  </section>\n</plan>\n", NULL,
    JP_XML_ERROR_CONFLICT, "belongs to a group in the plan, but to a project in the file", 4 },
  { "unknown-section", HEAD SECTION_OPEN "  <section id=\"sec-9.9\" number=\"9.9\"/>\n</plan>\n", NULL,
    JP_XML_ERROR_CONFLICT, "section 9.9 (id “sec-9.9”) does not exist", 3 },
  { "section-id-of-chapter", HEAD SECTION_OPEN "  <section id=\"ch-5\" number=\"5.1\"/>\n</plan>\n", NULL,
    JP_XML_ERROR_CONFLICT, "does not exist", 3 },
  { "unknown-chapter", HEAD CHAPTER_OPEN "  <chapter id=\"ch-9\" number=\"9\"/>\n</plan>\n", NULL,
    JP_XML_ERROR_CONFLICT, "chapter 9 (id “ch-9”) does not exist", 3 },
  { "unknown-policy-area", HEAD SECTION_OPEN "  <section id=\"sec-5.7\" number=\"5.7\" areas=\"area-7 area-99\"/>\n"
    "</plan>\n", NULL, JP_XML_ERROR_CONFLICT, "policy area “area-99”, which does not exist", 3 },
  { "area-not-an-area", HEAD SECTION_OPEN "  <section id=\"sec-5.7\" number=\"5.7\" areas=\"ch-5\"/>\n"
    "</plan>\n", NULL, JP_XML_ERROR_CONFLICT, "policy area “ch-5”", 3 },
  { "unknown-team", HEAD CHAPTER_OPEN "  <chapter id=\"ch-5\" number=\"5\" team=\"team-nobody\"/>\n</plan>\n", NULL,
    JP_XML_ERROR_CONFLICT, "team “team-nobody”, which does not exist", 3 },
  { "plan-unknown-team", BAD_PLAN ("  <chapter id=\"c1\" number=\"1\" team=\"team-nobody\"/>\n"), NULL,
    JP_XML_ERROR_CONFLICT, "team “team-nobody”", 3 },
};

typedef struct {
  JpDatabase *db;
  GBytes     *export;
  char       *undo;
} Shared;

static Shared shared;

/* One database for all bad inputs, with something to undo and to redo,
 * which a refused import must keep. */
static void
shared_init (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = NULL;

  shared.db = jp_test_open_memory (TRUE);
  section = jp_database_find_numbered (shared.db, JP_KIND_SECTION, "5.7");
  jp_database_set_text (shared.db, section, JP_TEXT_NOTE, JP_LANG_NL, "Eerste", &error);
  g_assert_no_error (error);
  jp_database_set_field (shared.db, section, JP_FIELD_NUMBER, "5.7", &error);
  g_assert_no_error (error);
  jp_database_set_text (shared.db, section, JP_TEXT_NOTE, JP_LANG_FR, "Deuxième", &error);
  g_assert_no_error (error);
  jp_database_undo (shared.db, &error);
  g_assert_no_error (error);
  g_assert_true (jp_database_can_undo (shared.db));
  g_assert_true (jp_database_can_redo (shared.db));
  shared.export = export_all (shared.db);
  shared.undo = undo_state (shared.db);
}

static void
assert_unchanged (void)
{
  g_autoptr(GBytes) now = export_all (shared.db);
  g_autofree char *undo = undo_state (shared.db);

  assert_same_bytes (shared.export, now);
  g_assert_cmpstr (shared.undo, ==, undo);
}

static void
check_refusal (const BadInput *input,
               const char     *name,
               GError         *error)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, JP_XML_ERROR, (int) input->code);
  g_assert_true (g_str_has_prefix (error->message, name));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, input->phrase));
  if (input->line > 0)
    {
      g_autofree char *where = g_strdup_printf ("%s, line %d", name, input->line);
      g_assert_true (g_str_has_prefix (error->message, where));
    }
  /* Nothing from the file the import may have tried to read. */
  g_assert_null (strstr (error->message, "root:"));
}

static void
test_bad_input (gconstpointer data)
{
  const BadInput *input = data;
  g_autofree char *name = g_strdup_printf ("bad-%s.xml", input->path);
  g_autoptr(GBytes) bytes = input->content ? bytes_from_string (input->content) : input->make ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) dry_error = NULL;
  JpImportReport *report = NULL;

  g_assert_false (import_as_file (shared.db, name, bytes, TRUE, &report, &dry_error));
  g_assert_null (report);
  check_refusal (input, name, dry_error);

  g_assert_false (import_as_file (shared.db, name, bytes, FALSE, &report, &error));
  g_assert_null (report);
  check_refusal (input, name, error);
  g_assert_cmpstr (error->message, ==, dry_error->message);

  assert_unchanged ();
}

/* Refused by its size, before a byte is read: a sparse file. */
static void
test_too_large (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "bad-too-large.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JpImportReport *report = NULL;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, HEAD, strlen (HEAD)), ==, (int) strlen (HEAD));
  g_assert_cmpint (ftruncate (fd, (off_t) JP_XML_MAX_SIZE + 1), ==, 0);
  close (fd);

  g_assert_false (jp_xml_import (shared.db, file, FALSE, &report, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, JP_XML_ERROR, JP_XML_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "bad-too-large.xml: "));
  g_assert_nonnull (strstr (error->message, "too large"));
  g_assert_null (report);
  g_remove (path);
  assert_unchanged ();
}

static void
test_missing_file (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "no-such-plan.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (jp_xml_import (shared.db, file, FALSE, NULL, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, JP_XML_ERROR, JP_XML_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "no-such-plan.xml"));
  g_assert_nonnull (strstr (error->message, "cannot be read"));
  assert_unchanged ();
}

/* ---------------------------------------------------------------- values as the schema reads them */

/* Imports an edit of the export of 5.7 into the shared database: it
 * must be refused, with @phrase, and change nothing. */
static void
refuse_section_edit (const char *from,
                     const char *to,
                     int         code,
                     const char *phrase)
{
  g_autoptr(GBytes) section = export_numbered (shared.db, JP_KIND_SECTION, "5.7");
  g_autofree char *text = bytes_to_string (section);
  g_autofree char *edited = jp_test_replace (text, from, to);
  g_autoptr(GBytes) bytes = bytes_from_string (edited);
  g_autoptr(GError) error = NULL;
  JpImportReport *report = NULL;

  g_assert_false (import_as_file (shared.db, "edit.xml", bytes, FALSE, &report, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, JP_XML_ERROR, code);
  g_assert_nonnull (strstr (error->message, phrase));
  g_assert_null (report);
  assert_unchanged ();
}

/* Imports an edit of the export of 5.7 into a fresh database; returns
 * the report and the database. */
static JpImportReport *
accept_section_edit (JpDatabase **db_out,
                     const char  *from,
                     const char  *to)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(GBytes) section = export_numbered (db, JP_KIND_SECTION, "5.7");
  g_autofree char *text = bytes_to_string (section);
  g_autofree char *edited = jp_test_replace (text, from, to);
  g_autoptr(GBytes) bytes = bytes_from_string (edited);
  g_autoptr(GError) error = NULL;
  JpImportReport *report = NULL;

  g_assert_true (import_as_file (db, "edit.xml", bytes, FALSE, &report, &error));
  g_assert_no_error (error);
  *db_out = g_steal_pointer (&db);
  return report;
}

/* RELAX NG reads a token after collapsing its white space: so does the
 * importer.  " section " is a section, not a whole plan. */
static void
test_scope_with_whitespace (void)
{
  static const char *const scopes[] = { "scope=\" section \"", "scope=\"section\n\"", "scope=\"\tsection\"" };

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      g_autoptr(JpDatabase) db = NULL;
      g_autoptr(JpImportReport) report = accept_section_edit (&db, "scope=\"section\"", scopes[i]);
      g_autoptr(GBytes) plan = NULL;

      g_assert_cmpint (report->scope, ==, JP_SCOPE_SECTION);
      g_assert_cmpuint (jp_import_report_total (report, report->removed), ==, 0);
      g_assert_cmpuint (jp_import_report_total (report, report->added), ==, 0);
      g_assert_cmpuint (jp_import_report_total (report, report->changed), ==, 0);
      plan = export_all (db);
      validate_with_xmllint (plan, "scope.xml");
    }
}

static void
test_tokens_with_whitespace (void)
{
  g_autoptr(JpDatabase) db = NULL;
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(JpItem) section = NULL;
  g_autoptr(JpItem) project = NULL;

  /* The section's own id and number, and a project's phase and status. */
  report = accept_section_edit (&db, "<section id=\"sec-5.7\" number=\"5.7\"",
                                "<section id=\" sec-5.7\n\" number=\" 5.7 \"");
  g_assert_cmpuint (jp_import_report_total (report, report->changed), ==, 0);
  section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  g_assert_nonnull (section);
  g_assert_cmpstr (jp_item_get_uid (section), ==, "sec-5.7");
  g_clear_pointer (&report, jp_import_report_free);
  g_clear_object (&db);

  report = accept_section_edit (&db, "<project id=\"sec-5.7-p1\" phase=\"ongoing\" status=\"in-progress\"",
                                "<project id=\"sec-5.7-p1\" phase=\" new\" status=\"done \"");
  g_assert_cmpuint (jp_import_report_total (report, report->changed), ==, 1);
  project = jp_database_lookup_uid (db, "sec-5.7-p1");
  g_assert_nonnull (project);
  g_assert_cmpint (jp_item_get_phase (project), ==, JP_PHASE_NEW);
  g_assert_cmpint (jp_item_get_status (project), ==, JP_STATUS_DONE);
  g_clear_pointer (&report, jp_import_report_free);
  g_clear_object (&db);

  /* A text's language and the format's version. */
  report = accept_section_edit (&db, TITLE_57, "<title xml:lang=\" nl \">Met spaties</title>");
  g_assert_cmpuint (jp_import_report_total (report, report->changed), ==, 1);
  g_clear_object (&section);
  section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  g_assert_cmpstr (jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_NL), ==, "Met spaties");
  g_clear_pointer (&report, jp_import_report_free);
  g_clear_object (&db);

  report = accept_section_edit (&db, "version=\"1\"", "version=\" 1 \"");
  g_assert_cmpuint (jp_import_report_total (report, report->changed), ==, 0);
}

static void
test_bad_values (void)
{
  refuse_section_edit ("<section id=\"sec-5.7\"", "<section id=\"sec 5.7\"", JP_XML_ERROR_INVALID,
                       "the id “sec 5.7” of <section> is not valid");
  refuse_section_edit ("scope=\"section\"", "scope=\"sec tion\"", JP_XML_ERROR_INVALID, "the scope “sec tion”");
  refuse_section_edit ("year=\"2013\"", "year=\"+02013\"", JP_XML_ERROR_INVALID, "the year “+02013”");
  refuse_section_edit ("year=\"2013\"", "year=\"02013\"", JP_XML_ERROR_INVALID, "the year “02013”");
}

static GBytes *
contacts_with_date (const char *date)
{
  g_autofree char *s = g_strdup_printf (HEAD "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"contacts\">\n"
                                        "  <contacts>\n    <team id=\"t1\">\n      <subject id=\"s1\">\n"
                                        "        <contact id=\"k1\" person=\"A. B\" valid-from=\"%s\"/>\n"
                                        "      </subject>\n    </team>\n  </contacts>\n</plan>\n", date);
  return bytes_from_string (s);
}

/* Only a day of the calendar written YYYY-MM-DD is a date here. */
static void
test_dates (void)
{
  static const char *const bad[] = { "2013-01-01Z", "2013-01-01+01:00", "12013-01-01", "-0044-03-15",
                                     "2013-1-01", "0000-01-01", "2013-02-29" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = contacts_with_date (bad[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (import_as_file (shared.db, "date.xml", bytes, TRUE, NULL, &error));
      g_test_message ("%s", error->message);
      g_assert_error (error, JP_XML_ERROR, JP_XML_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "date.xml, line 6"));
      g_assert_nonnull (strstr (error->message, bad[i]));
      assert_unchanged ();
    }

  /* libxml2's validator takes no white space around a date: it is
   * refused, in the importer's words, not read as another date. */
  {
    g_autoptr(GBytes) bytes = contacts_with_date (" 2013-03-01\n");
    g_autoptr(GError) error = NULL;

    g_assert_false (import_as_file (shared.db, "date.xml", bytes, FALSE, NULL, &error));
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "is not a date of the calendar"));
    assert_unchanged ();
  }
}

/* A file in another encoding than it says, or than UTF-8, is refused:
 * never decoded into something else. */
static void
test_declared_encodings (void)
{
  static const char *const names[] = { "ISO-8859-1", "Shift_JIS", "US-ASCII", "UTF-7", "UTF-16", "windows-1252" };
  g_autoptr(GBytes) section = export_numbered (shared.db, JP_KIND_SECTION, "5.7");
  g_autofree char *text = bytes_to_string (section);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *declaration = g_strdup_printf ("encoding=\"%s\"", names[i]);
      g_autofree char *edited = jp_test_replace (text, "encoding=\"UTF-8\"", declaration);
      g_autoptr(GBytes) bytes = bytes_from_string (edited);
      g_autoptr(GError) error = NULL;

      g_assert_false (import_as_file (shared.db, "enc.xml", bytes, FALSE, NULL, &error));
      g_test_message ("%s", error->message);
      g_assert_error (error, JP_XML_ERROR, JP_XML_ERROR_FORMAT);
      g_assert_nonnull (strstr (error->message, names[i]));
      g_assert_nonnull (strstr (error->message, "UTF-8"));
      assert_unchanged ();
    }
  /* In Latin-1, as it says: still refused. */
  {
    g_autoptr(GBytes) bytes = make_latin1_declared (text);
    g_autoptr(GError) error = NULL;

    g_assert_false (import_as_file (shared.db, "latin1.xml", bytes, FALSE, NULL, &error));
    g_assert_error (error, JP_XML_ERROR, JP_XML_ERROR_FORMAT);
    g_assert_nonnull (strstr (error->message, "ISO-8859-1"));
    assert_unchanged ();
  }
}

/* UTF-16 with a byte order mark reads as the same file in UTF-8. */
static void
test_utf16_with_bom (void)
{
  static const char *const encodings[] = { "UTF-16LE", "UTF-16BE" };

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
      g_autoptr(GBytes) section = export_numbered (db, JP_KIND_SECTION, "5.7");
      g_autofree char *text = bytes_to_string (section);
      g_autofree char *a = jp_test_replace (text, "encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
      g_autofree char *b = jp_test_replace (a, TITLE_57, "<title xml:lang=\"nl\">In UTF-16: één</title>");
      g_autofree char *utf8 = g_strconcat ("\xef\xbb\xbf", b, NULL);
      g_autofree char *wide = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JpImportReport) report = NULL;
      g_autoptr(JpItem) item = NULL;
      gsize len = 0;

      wide = g_convert (utf8, -1, encodings[i], "UTF-8", NULL, &len, &error);
      g_assert_no_error (error);
      bytes = g_bytes_new (wide, len);
      g_assert_true (import_as_file (db, "wide.xml", bytes, FALSE, &report, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (jp_import_report_total (report, report->changed), ==, 1);
      item = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
      g_assert_cmpstr (jp_item_get_text (item, JP_TEXT_TITLE, JP_LANG_NL), ==, "In UTF-16: één");
    }
  /* A whole plan in UTF-16 whose declaration still says UTF-8: the byte
   * order mark decides. */
  {
    GBytes *(*makers[]) (void) = { make_utf16le_bom, make_utf16be_bom };

    for (guint i = 0; i < G_N_ELEMENTS (makers); i++)
      {
        g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
        g_autoptr(GBytes) bytes = makers[i] ();
        g_autoptr(GError) error = NULL;

        g_autofree char *path = write_temp ("plan16.xml", bytes);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(JpImportReport) report = NULL;

        /* It replaces the bundled plan: most of it goes. */
        g_assert_true (jp_xml_import (db, file, JP_IMPORT_DRY_RUN | JP_IMPORT_FORCE, &report, NULL, &error));
        g_assert_no_error (error);
        g_assert_cmpint (report->scope, ==, JP_SCOPE_PLAN);
        g_remove (path);
      }
  }
}

static void
test_devices (void)
{
  static const char *const devices[] = { "/dev/zero", "/dev/urandom" };

  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (devices[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (jp_xml_import (shared.db, file, FALSE, NULL, NULL, &error));
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "binary data"));
      assert_unchanged ();
    }
  {
    g_autoptr(GFile) file = g_file_new_for_path (tmp_dir);
    g_autoptr(GError) error = NULL;

    g_assert_false (jp_xml_import (shared.db, file, FALSE, NULL, NULL, &error));
    g_test_message ("%s", error->message);
    g_assert_error (error, JP_XML_ERROR, JP_XML_ERROR_READ);
    g_assert_nonnull (strstr (error->message, "is a folder"));
    assert_unchanged ();
  }
}

static gpointer
close_later (gpointer data)
{
  g_usleep (G_USEC_PER_SEC / 4);
  close (GPOINTER_TO_INT (data));
  return NULL;
}

/* A pipe: without a writer it is empty; with one, it is read to its
 * end; one that never ends is given up on. */
static void
test_fifo (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "plan.fifo", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpImportReport) report = NULL;
  GThread *writer;
  int fd;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  g_assert_false (jp_xml_import (shared.db, file, TRUE, NULL, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "the file is empty"));
  g_clear_error (&error);

  /* A writer that has written a section and closes its end a moment
   * later, while the import waits for the rest. */
  {
    g_autoptr(GBytes) section = export_numbered (shared.db, JP_KIND_SECTION, "5.7");
    gsize size;
    const char *data = g_bytes_get_data (section, &size);

    fd = g_open (path, O_RDWR, 0);
    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (write (fd, data, size), ==, (gssize) size);
    writer = g_thread_new ("writer", close_later, GINT_TO_POINTER (fd));
    g_assert_true (jp_xml_import (shared.db, file, TRUE, &report, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (report->scope, ==, JP_SCOPE_SECTION);
    g_thread_join (writer);
  }

  /* A writer that keeps it open and says nothing. */
  fd = g_open (path, O_RDWR, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_false (jp_xml_import (shared.db, file, TRUE, NULL, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, JP_XML_ERROR, JP_XML_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "seconds"));
  close (fd);
  g_remove (path);
  assert_unchanged ();
}

/* An error at the deepest point of a large nested file is found in one
 * pass, with its line. */
static void
test_deep_error (void)
{
  GString *s = g_string_new (HEAD CHAPTER_OPEN "  <chapter id=\"ch-5\" number=\"5\">\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  guint line = 4;

  /* A hundred chains of items nested a hundred deep, the last one
   * wrong at its deepest point. */
  for (guint i = 0; i < 100; i++)
    {
      for (guint d = 0; d < 100; d++, line++)
        g_string_append_printf (s, "<item id=\"i%u-%u\">\n", i, d);
      if (i == 99)
        g_string_append (s, "<item id=\"bad id\"/>\n");
      for (guint d = 0; d < 100; d++)
        g_string_append (s, "</item>");
      g_string_append_c (s, '\n');
      if (i < 99)
        line++;
    }
  g_string_append (s, "  </chapter>\n</plan>\n");
  bytes = g_string_free_to_bytes (s);

  g_assert_false (import_as_file (shared.db, "deep.xml", bytes, FALSE, NULL, &error));
  g_test_message ("%s", error->message);
  where = g_strdup_printf ("deep.xml, line %u:", line);
  g_assert_true (g_str_has_prefix (error->message, where));
  g_assert_nonnull (strstr (error->message, "“bad id”"));
  assert_unchanged ();
}

/* A large file of a newer format is refused by its root, before the
 * rest of it is read. */
static void
test_large_newer_version (void)
{
  GString *s = g_string_new (HEAD "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"2\" scope=\"section\">\n"
                             "  <section id=\"sec-5.7\" number=\"5.7\">\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  while (s->len < 32 * 1024 * 1024)
    g_string_append_printf (s, "    <project id=\"p%u\" phase=\"new\" status=\"planned\"><future/></project>\n",
                            (guint) s->len);
  g_string_append (s, "  </section>\n</plan>\n");
  bytes = g_string_free_to_bytes (s);
  g_assert_false (import_as_file (shared.db, "newer.xml", bytes, FALSE, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, JP_XML_ERROR, JP_XML_ERROR_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, "newer.xml, line 2: "));
  g_assert_nonnull (strstr (error->message, "newer version of Jaarplan"));
  assert_unchanged ();
}

/* libxml2 says nothing on standard error by itself. */
static void
test_quiet (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) section = export_numbered (shared.db, JP_KIND_SECTION, "5.7");
      g_autofree char *text = bytes_to_string (section);
      g_autofree char *a = jp_test_replace (text, TITLE_57, "<title xml:lang=\"nl\">S\xe9" "curit\xe9 \xff\xfe</title>");
      g_autofree char *b = jp_test_replace (text, "encoding=\"UTF-8\"", "encoding=\"UTF-7\"");
      g_autoptr(GBytes) bad_bytes = bytes_from_string (a);
      g_autoptr(GBytes) utf7 = bytes_from_string (b);
      g_autoptr(GError) error = NULL;

      g_assert_false (import_as_file (shared.db, "bytes.xml", bad_bytes, TRUE, NULL, &error));
      g_clear_error (&error);
      g_assert_false (import_as_file (shared.db, "utf7.xml", utf7, TRUE, NULL, &error));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

/* ---------------------------------------------------------------- main */

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

/* The window exports through a worker thread on a connection of its own:
 * the same bytes as the plain export, and the file complete. */
static void
test_export_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (tmp_dir, "async.db", NULL);
  g_autofree char *out_path = g_build_filename (tmp_dir, "async.xml", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(JpDatabase) db = jp_test_open_seeded (db_path, JP_DATABASE_OPEN_DEFAULT);
  g_autoptr(JpItem) section = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *written = NULL;
  gsize len;

  g_assert_no_error (error);
  section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  expected = export_item (db, section);

  jp_xml_export_async (db, section, out, NULL, on_async_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (jp_xml_export_finish (db, result, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (out_path, &written, &len, NULL));
  g_assert_cmpmem (written, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("jaarplan-xml-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/xml/export/valid", test_export_valid);
  g_test_add_func ("/xml/export/deterministic", test_export_deterministic);
  g_test_add_func ("/xml/export/async-in-thread", test_export_async);
  g_test_add_func ("/xml/export/bundled-normal-form", test_export_bundled);
  g_test_add_func ("/xml/roundtrip/new-database", test_roundtrip_new_db);
  g_test_add_func ("/xml/roundtrip/import-export-twice", test_roundtrip_twice);
  g_test_add_func ("/xml/import/section-report", test_import_section);
  g_test_add_func ("/xml/import/section-moved", test_import_section_moved);
  g_test_add_func ("/xml/import/chapter-report", test_import_chapter);
  g_test_add_func ("/xml/import/contacts-report", test_import_contacts);
  g_test_add_func ("/xml/import/bilingual", test_bilingual);
  for (guint i = 0; i < G_N_ELEMENTS (good_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/xml/import/accepts-%s", good_inputs[i].path);
      g_test_add_data_func (path, &good_inputs[i], test_good_input);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/xml/import/rejects-%s", bad_inputs[i].path);
      g_test_add_data_func (path, &bad_inputs[i], test_bad_input);
    }
  g_test_add_func ("/xml/import/rejects-too-large", test_too_large);
  g_test_add_func ("/xml/import/rejects-missing-file", test_missing_file);
  g_test_add_func ("/xml/read/scope-with-whitespace", test_scope_with_whitespace);
  g_test_add_func ("/xml/read/tokens-with-whitespace", test_tokens_with_whitespace);
  g_test_add_func ("/xml/read/bad-values", test_bad_values);
  g_test_add_func ("/xml/read/dates", test_dates);
  g_test_add_func ("/xml/read/declared-encodings", test_declared_encodings);
  g_test_add_func ("/xml/read/utf16-with-bom", test_utf16_with_bom);
  g_test_add_func ("/xml/read/devices", test_devices);
  g_test_add_func ("/xml/read/fifo", test_fifo);
  g_test_add_func ("/xml/read/deep-error", test_deep_error);
  g_test_add_func ("/xml/read/quiet", test_quiet);
  g_test_add_func ("/xml/read/large-newer-version", test_large_newer_version);

  shared_init ();
  rc = g_test_run ();

  g_clear_object (&shared.db);
  g_clear_pointer (&shared.export, g_bytes_unref);
  g_clear_pointer (&shared.undo, g_free);
  jp_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  xmlCleanupParser ();
  return rc;
}
