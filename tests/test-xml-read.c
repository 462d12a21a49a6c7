/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-xml.h"
#include "jp-test-util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
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

/* The exchange format: values as the schema reads them, encodings, and
 * files that are not regular files. */

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

  report = accept_section_edit (&db, "version=\"3\"", "version=\" 3 \"");
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
  GString *s = g_string_new (HEAD "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"4\" scope=\"section\">\n"
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

/* The highest resident set size of this process so far, in KiB. */
static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

/* An ordinary file is read as it is parsed, not held whole: importing
 * a chapter file of 48 MB, most of it comments between its sections,
 * takes less than half the file in memory more than importing the same
 * chapter without the white space.  In a process of its own, so that
 * the peak is the imports'. */
static void
test_not_held_whole (void)
{
#if defined(__SANITIZE_ADDRESS__)
  /* AddressSanitizer keeps freed memory aside: the peak says nothing. */
  g_test_skip ("the peak RSS is AddressSanitizer's");
  return;
#endif
  if (g_test_subprocess ())
    {
      g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
      g_autoptr(GBytes) chapter = export_numbered (db, JP_KIND_CHAPTER, "5");
      g_autofree char *text = bytes_to_string (chapter);
      g_auto(GStrv) parts = g_strsplit (text, "<section ", -1);
      g_autofree char *path = g_build_filename (tmp_dir, "padded.xml", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(JpImportReport) report = NULL;
      FILE *out = fopen (path, "w");
      char line[1024];
      long before, after;

      g_assert_cmpuint (g_strv_length (parts), ==, 9);
      g_assert_nonnull (out);
      memset (line, 'x', sizeof line);
      memcpy (line, "<!-- ", 5);
      memcpy (line + sizeof line - 5, " -->\n", 5);
      /* 6 MB of comments of 1 KB before each of the 8 sections. */
      fputs (parts[0], out);
      for (guint i = 1; parts[i]; i++)
        {
          for (guint n = 0; n < 6 * 1024; n++)
            fwrite (line, 1, sizeof line, out);
          fputs ("<section ", out);
          fputs (parts[i], out);
        }
      g_assert_cmpint (fclose (out), ==, 0);

      g_assert_true (import_as_file (db, "chapter.xml", chapter, FALSE, NULL, &error));
      g_assert_no_error (error);
      before = peak_rss_kib ();
      g_assert_true (jp_xml_import (db, file, FALSE, &report, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (report->scope, ==, JP_SCOPE_CHAPTER);
      after = peak_rss_kib ();
      g_test_message ("peak RSS %ld KiB before the import, %ld KiB after", before, after);
      g_assert_cmpint (after - before, <, 24 * 1024);
      g_remove (path);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
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

int
main (int    argc,
      char **argv)
{
  int rc;

  jp_test_xml_init (&argc, &argv);

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
  g_test_add_func ("/xml/read/not-held-whole", test_not_held_whole);
  g_test_add_func ("/xml/read/large-newer-version", test_large_newer_version);
  shared_init ();
  rc = jp_test_xml_run ();
  return rc;
}
