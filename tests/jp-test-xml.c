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

char *tmp_dir;

void
jp_test_xml_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_test_init (argc, argv, NULL);
  tmp_dir = g_dir_make_tmp ("jaarplan-xml-XXXXXX", &error);
  g_assert_no_error (error);
}

int
jp_test_xml_run (void)
{
  int rc = g_test_run ();

  g_clear_object (&shared.db);
  g_clear_pointer (&shared.export, g_bytes_unref);
  g_clear_pointer (&shared.undo, g_free);
  jp_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  xmlCleanupParser ();
  return rc;
}

/* ---------------------------------------------------------------- helpers */

GBytes *
export_item (JpDatabase *db,
             JpItem     *item)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = jp_xml_export_bytes (db, item, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

GBytes *
export_all (JpDatabase *db)
{
  g_autoptr(JpItem) root = jp_database_get_root (db);
  return export_item (db, root);
}

GBytes *
export_numbered (JpDatabase *db,
                 JpKind      kind,
                 const char *number)
{
  g_autoptr(JpItem) item = jp_database_find_numbered (db, kind, number);

  g_assert_nonnull (item);
  return export_item (db, item);
}

/* Fails with the first line that differs, not with two whole plans. */
void
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

GBytes *
bytes_from_string (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

GBytes *
load_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

char *
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
gboolean
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

JpImportReport *
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
char *
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
char *
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

char *
bytes_to_string (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  return g_strndup (data, len);
}

/* ---------------------------------------------------------------- export */

void
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

void
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

Shared shared;

/* One database for all bad inputs, with something to undo and to redo,
 * which a refused import must keep. */
void
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

void
assert_unchanged (void)
{
  g_autoptr(GBytes) now = export_all (shared.db);
  g_autofree char *undo = undo_state (shared.db);

  assert_same_bytes (shared.export, now);
  g_assert_cmpstr (shared.undo, ==, undo);
}

GBytes *
make_latin1_declared (const char *section)
{
  g_autofree char *a = jp_test_replace (section, "encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  gsize len = 0;

  /* The whole file in Latin-1, as it says; the French texts' characters
   * that Latin-1 lacks (’, narrow no-break spaces) become "?". */
  b = jp_test_replace (a, TITLE_57, "<title xml:lang=\"nl\">Fiscale samenwerking: één</title>");
  c = g_convert_with_fallback (b, -1, "ISO-8859-1", "UTF-8", "?", NULL, &len, NULL);
  g_assert_nonnull (c);
  return g_bytes_new (c, len);
}

GBytes *
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
