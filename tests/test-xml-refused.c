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

/* The exchange format: the inputs an import must refuse without touching
 * the plan. */

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
  { "newer-version", HEAD "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"4\" scope=\"plan\" year=\"2013\">\n"
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

int
main (int    argc,
      char **argv)
{
  int rc;

  jp_test_xml_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/xml/import/rejects-%s", bad_inputs[i].path);
      g_test_add_data_func (path, &bad_inputs[i], test_bad_input);
    }
  g_test_add_func ("/xml/import/rejects-too-large", test_too_large);
  g_test_add_func ("/xml/import/rejects-missing-file", test_missing_file);
  shared_init ();
  rc = jp_test_xml_run ();
  return rc;
}
