/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-xml.h"
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

/* The exchange format: partial imports and what they report, and the
 * inputs an import accepts. */

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

int
main (int    argc,
      char **argv)
{
  int rc;

  jp_test_xml_init (&argc, &argv);

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
  rc = jp_test_xml_run ();
  return rc;
}
