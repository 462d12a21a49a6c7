/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "model/print/jp-publication-odt.h"
#include "model/store/jp-database.h"
#include "model/jp-snapshot.h"

/* The package read back as a reader of OpenDocument reads it: the
 * entries in their order, with their contents. */
typedef struct {
  GPtrArray  *names;     /* "mimetype", "META-INF/manifest.xml", … in order */
  GHashTable *contents;  /* name → GBytes */
} Package;

static void
package_free (Package *p)
{
  g_ptr_array_unref (p->names);
  g_hash_table_unref (p->contents);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Package, package_free)

static void
read_entries (Package    *p,
              GsfInfile  *dir,
              const char *prefix)
{
  for (int i = 0; i < gsf_infile_num_children (dir); i++)
    {
      GsfInput *child = gsf_infile_child_by_index (dir, i);
      g_autofree char *name = g_strconcat (prefix, gsf_infile_name_by_index (dir, i), NULL);

      g_assert_nonnull (child);
      if (GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
        {
          g_autofree char *inner = g_strconcat (name, "/", NULL);

          read_entries (p, GSF_INFILE (child), inner);
        }
      else
        {
          gsf_off_t size = gsf_input_size (child);
          const guint8 *data = gsf_input_read (child, size, NULL);

          g_assert_true (size == 0 || data != NULL);
          g_ptr_array_add (p->names, g_strdup (name));
          g_hash_table_insert (p->contents, g_strdup (name), g_bytes_new (data, size));
        }
      g_object_unref (child);
    }
}

static Package *
read_package (GBytes *odt)
{
  g_autoptr(GError) error = NULL;
  Package *p = g_new0 (Package, 1);
  gsize size;
  const guint8 *data = g_bytes_get_data (odt, &size);
  GsfInput *input = gsf_input_memory_new (data, size, FALSE);
  GsfInfile *zip = gsf_infile_zip_new (input, &error);

  g_assert_no_error (error);
  p->names = g_ptr_array_new_with_free_func (g_free);
  p->contents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  read_entries (p, zip, "");
  g_object_unref (zip);
  g_object_unref (input);
  return p;
}

static xmlDocPtr
parse_part (Package    *p,
            const char *name)
{
  GBytes *bytes = g_hash_table_lookup (p->contents, name);
  gsize size;
  const char *data;
  xmlDocPtr doc;

  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  /* Well formed: no recovery, nothing fetched. */
  doc = xmlReadMemory (data, size, name, "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  return doc;
}

/* The text of every node @xpath selects in @doc. */
static GPtrArray *
select_texts (xmlDocPtr   doc,
              const char *xpath)
{
  static const char * const ns[][2] = {
    { "office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
    { "style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
    { "text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
    { "table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
    { "fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
    { "dc", "http://purl.org/dc/elements/1.1/" },
    { "manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" },
  };
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (ns); i++)
    xmlXPathRegisterNs (context, BAD_CAST ns[i][0], BAD_CAST ns[i][1]);
  result = xmlXPathEvalExpression (BAD_CAST xpath, context);
  g_assert_nonnull (result);
  if (result->nodesetval)
    for (int i = 0; i < result->nodesetval->nodeNr; i++)
      {
        xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

        g_ptr_array_add (texts, g_strdup ((const char *) content));
        xmlFree (content);
      }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return texts;
}

static gboolean
has_text (GPtrArray  *texts,
          const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (texts->pdata[i], text) == 0)
      return TRUE;
  return FALSE;
}

static GBytes *
render (JpDatabase   *db,
        JpLang        lang,
        const char   *section)
{
  g_autoptr(GError) error = NULL;
  JpPublicationOptions options = { 0, lang, FALSE, NULL, section };
  GBytes *odt = jp_publication_odt_render (JP_STORE (db), &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (odt);
  return odt;
}

static JpSnapshot *
load_plan (JpDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) root = jp_store_get_root (JP_STORE (db));
  JpSnapshot *snapshot = jp_store_load_snapshot (JP_STORE (db), jp_item_get_id (root), &error);

  g_assert_no_error (error);
  return snapshot;
}

/* Mimetype first, stored, at the place a reader looks for it; the
 * manifest lists every part and no other; every part is well formed. */
static void
test_package (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(GBytes) odt = render (db, JP_LANG_NL, NULL);
  g_autoptr(Package) p = read_package (odt);
  g_autoptr(GPtrArray) listed = NULL;
  gsize size;
  const guint8 *raw = g_bytes_get_data (odt, &size);
  const char *type = JP_ODT_MIME_TYPE;
  g_autoptr(GBytes) expected = g_bytes_new_static (type, strlen (type));
  xmlDocPtr manifest;

  /* The zip's first local header: method 0 (stored), name "mimetype",
   * no extra field, the type right after. */
  g_assert_cmpuint (size, >, 38 + strlen (type));
  g_assert_cmpmem (raw, 4, "PK\003\004", 4);
  g_assert_cmpuint (raw[8] | raw[9] << 8, ==, 0);
  g_assert_cmpuint (raw[26] | raw[27] << 8, ==, 8);
  g_assert_cmpuint (raw[28] | raw[29] << 8, ==, 0);
  g_assert_cmpmem (raw + 30, 8, "mimetype", 8);
  g_assert_cmpmem (raw + 38, strlen (type), type, strlen (type));

  g_assert_cmpstr (p->names->pdata[0], ==, "mimetype");
  g_assert_true (g_bytes_equal (g_hash_table_lookup (p->contents, "mimetype"), expected));

  manifest = parse_part (p, "META-INF/manifest.xml");
  listed = select_texts (manifest, "//manifest:file-entry/@manifest:full-path");
  g_assert_true (has_text (listed, "/"));
  for (guint i = 0; i < p->names->len; i++)
    {
      const char *name = p->names->pdata[i];

      if (strcmp (name, "mimetype") == 0 || strcmp (name, "META-INF/manifest.xml") == 0)
        continue;
      g_assert_true (has_text (listed, name));
      xmlFreeDoc (parse_part (p, name));
    }
  for (guint i = 0; i < listed->len; i++)
    g_assert_true (strcmp (listed->pdata[i], "/") == 0 ||
                   g_hash_table_contains (p->contents, listed->pdata[i]));
  for (const char *const *part = (const char *const[]) { "content.xml", "styles.xml", "meta.xml", NULL }; *part; part++)
    g_assert_true (has_text (listed, *part));
  g_assert_cmpuint (listed->len, ==, p->names->len - 1);
  xmlFreeDoc (manifest);
}

/* Every chapter a heading of outline level 1, every section one of
 * level 2, with its number, in the language chosen. */
static void
test_headings (gconstpointer data)
{
  JpLang lang = GPOINTER_TO_INT (data);
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(GBytes) odt = render (db, lang, NULL);
  g_autoptr(Package) p = read_package (odt);
  g_autoptr(JpSnapshot) plan = load_plan (db);
  xmlDocPtr content = parse_part (p, "content.xml");
  g_autoptr(GPtrArray) h1 = select_texts (content, "//text:h[@text:outline-level='1']");
  g_autoptr(GPtrArray) h2 = select_texts (content, "//text:h[@text:outline-level='2']");
  g_autoptr(GPtrArray) styles = select_texts (content, "//text:h[@text:outline-level='2']/@text:style-name");
  guint n_sections = 0;

  for (guint c = 0; c < plan->root->children->len; c++)
    {
      JpSnapshotItem *chapter = plan->root->children->pdata[c];
      g_autofree char *title = NULL;

      if (chapter->data.kind != JP_KIND_CHAPTER)
        continue;
      title = g_strdup_printf ("%s %s", chapter->data.fields[JP_FIELD_NUMBER], chapter->data.texts[JP_TEXT_TITLE][lang]);
      g_assert_true (has_text (h1, title));
      for (guint s = 0; s < chapter->children->len; s++)
        {
          JpSnapshotItem *section = chapter->children->pdata[s];
          g_autofree char *heading = NULL;

          if (section->data.kind != JP_KIND_SECTION)
            continue;
          heading = g_strdup_printf ("%s %s", section->data.fields[JP_FIELD_NUMBER],
                                     section->data.texts[JP_TEXT_TITLE][lang]);
          if (!has_text (h2, heading))
            g_error ("no heading “%s”", heading);
          n_sections++;
        }
    }
  g_assert_cmpuint (n_sections, ==, 28);
  for (guint i = 0; i < styles->len; i++)
    g_assert_cmpstr (styles->pdata[i], ==, "Heading_20_2");
  if (lang == JP_LANG_FR)
    {
      g_assert_true (has_text (h2, "3.1 Politique de l’énergie"));
      g_assert_false (has_text (h2, "3.1 Energiebeleid"));
    }
  else
    g_assert_true (has_text (h2, "3.1 Energiebeleid"));
  xmlFreeDoc (content);
}

static void
collect_codes (JpSnapshotItem *item,
               GPtrArray      *codes,
               guint          *nested)
{
  if (item->data.kind == JP_KIND_GROUP && item->data.fields[JP_FIELD_CODE] && *item->data.fields[JP_FIELD_CODE])
    g_ptr_array_add (codes, item->data.fields[JP_FIELD_CODE]);
  if (item->data.kind == JP_KIND_GROUP && item->parent && item->parent->data.kind == JP_KIND_GROUP)
    (*nested)++;
  for (guint i = 0; i < item->children->len; i++)
    collect_codes (item->children->pdata[i], codes, nested);
}

/* Every working group's code in the code column of a table; a nested
 * group's name indented. */
static void
test_groups (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(GBytes) odt = render (db, JP_LANG_NL, NULL);
  g_autoptr(Package) p = read_package (odt);
  g_autoptr(JpSnapshot) plan = load_plan (db);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  xmlDocPtr content = parse_part (p, "content.xml");
  g_autoptr(GPtrArray) cells = select_texts (content,
    "//table:table/table:table-row/table:table-cell[1]/text:p[@text:style-name='Group_20_Code']");
  g_autoptr(GPtrArray) indented = select_texts (content,
    "//table:table/table:table-row/table:table-cell[2]/text:p[starts-with(@text:style-name,'Group') and "
    "@text:style-name!='Group_20_Name']");
  guint nested = 0;

  collect_codes (plan->root, codes, &nested);
  g_assert_cmpuint (codes->len, >, 50);
  for (guint i = 0; i < codes->len; i++)
    if (!has_text (cells, codes->pdata[i]))
      g_error ("no group code “%s”", (char *) codes->pdata[i]);
  g_assert_cmpuint (nested, >, 0);
  g_assert_cmpuint (indented->len, ==, nested);
  xmlFreeDoc (content);
}

/* 3.3's projects with their sub-items as lists inside list items. */
static void
test_nested_lists (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(GBytes) odt = render (db, JP_LANG_NL, "3.3");
  g_autoptr(Package) p = read_package (odt);
  g_autoptr(GError) error = NULL;
  JpPublicationOptions options = { 0, JP_LANG_NL, FALSE, NULL, "3.3" };
  g_autoptr(JpPublication) pub = jp_publication_new (JP_STORE (db), &options, &error);
  xmlDocPtr content = parse_part (p, "content.xml");
  g_autoptr(GPtrArray) inner = select_texts (content, "//text:list-item/text:list/text:list-item/text:p[@text:style-name='List_20_Item']");
  g_autoptr(GPtrArray) top = select_texts (content, "/office:document-content/office:body/office:text/text:list/text:list-item/text:p[@text:style-name='List_20_Item']");
  g_autoptr(GPtrArray) h2 = select_texts (content, "//text:h[@text:outline-level='2']");
  guint n_inner = 0, n_top = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < pub->blocks->len; i++)
    {
      JpBlock *block = pub->blocks->pdata[i];

      if (block->kind == JP_BLOCK_LIST_ITEM)
        {
          if (block->level > 0)
            {
              n_inner++;
              g_assert_true (has_text (inner, block->text));
            }
          else
            n_top++;
        }
    }
  g_assert_cmpuint (n_inner, >, 0);
  g_assert_cmpuint (inner->len, ==, n_inner);
  g_assert_cmpuint (top->len, ==, n_top);
  g_assert_cmpuint (h2->len, ==, 1);
  g_assert_true (g_str_has_prefix (h2->pdata[0], "3.3 "));
  xmlFreeDoc (content);
}

/* The paragraphs' language: the styles' default and the document's. */
static void
test_language (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(GBytes) odt = render (db, JP_LANG_FR, NULL);
  g_autoptr(Package) p = read_package (odt);
  xmlDocPtr styles = parse_part (p, "styles.xml");
  xmlDocPtr meta = parse_part (p, "meta.xml");
  xmlDocPtr content = parse_part (p, "content.xml");
  g_autoptr(GPtrArray) language = select_texts (styles,
    "//style:default-style[@style:family='paragraph']/style:text-properties/@fo:language");
  g_autoptr(GPtrArray) country = select_texts (styles,
    "//style:default-style[@style:family='paragraph']/style:text-properties/@fo:country");
  g_autoptr(GPtrArray) dc = select_texts (meta, "//dc:language");
  g_autoptr(GPtrArray) toc = select_texts (content, "//text:table-of-content/text:table-of-content-source/@text:outline-level");
  g_autoptr(GPtrArray) outline = select_texts (styles, "//style:style[@style:name='Heading_20_3']/@style:default-outline-level");

  g_assert_cmpuint (language->len, ==, 1);
  g_assert_cmpstr (language->pdata[0], ==, "fr");
  g_assert_cmpstr (country->pdata[0], ==, "BE");
  g_assert_cmpstr (dc->pdata[0], ==, "fr-BE");
  g_assert_cmpuint (toc->len, ==, 1);
  g_assert_cmpstr (toc->pdata[0], ==, "2");
  g_assert_cmpstr (outline->pdata[0], ==, "3");
  xmlFreeDoc (styles);
  xmlFreeDoc (meta);
  xmlFreeDoc (content);
}

/* A title not translated: the Dutch in a Dutch span, marked, and the
 * marker explained. */
static void
test_untranslated (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpItem) section = jp_store_find_numbered (JP_STORE (db), JP_KIND_SECTION, "3.1");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) odt = NULL;
  g_autoptr(Package) p = NULL;
  g_autoptr(GPtrArray) h2 = NULL;
  g_autoptr(GPtrArray) span = NULL;
  g_autoptr(GPtrArray) note = NULL;
  xmlDocPtr content;

  g_assert_true (jp_store_set_text (JP_STORE (db), section, JP_TEXT_TITLE, JP_LANG_FR, NULL, &error));
  g_assert_no_error (error);
  odt = render (db, JP_LANG_FR, NULL);
  p = read_package (odt);
  content = parse_part (p, "content.xml");
  h2 = select_texts (content, "//text:h[@text:outline-level='2']");
  span = select_texts (content, "//text:h[@text:outline-level='2']/text:span[@text:style-name='Dutch']");
  note = select_texts (content, "//text:p[@text:style-name='Untranslated_20_Note']");
  g_assert_true (has_text (h2, "3.1 Energiebeleid *"));
  g_assert_cmpuint (span->len, ==, 1);
  g_assert_cmpstr (span->pdata[0], ==, "Energiebeleid");
  g_assert_cmpuint (note->len, ==, 1);
  g_assert_true (g_str_has_prefix (note->pdata[0], "* "));
  xmlFreeDoc (content);
}

/* What a text may hold is escaped by the writer; what XML cannot hold
 * is left out; line breaks and runs of spaces are kept as elements. */
static void
test_escaping (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpItem) section = jp_store_find_numbered (JP_STORE (db), JP_KIND_SECTION, "3.1");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) odt = NULL;
  g_autoptr(Package) p = NULL;
  g_autoptr(GPtrArray) h2 = NULL;
  g_autoptr(GPtrArray) spaces = NULL;
  g_autoptr(GPtrArray) body = NULL;
  xmlDocPtr content;

  g_assert_true (jp_store_set_text (JP_STORE (db), section, JP_TEXT_TITLE, JP_LANG_NL,
                                    "Energie <&> \"beleid\"\001 ]]>", &error));
  g_assert_true (jp_store_set_text (JP_STORE (db), section, JP_TEXT_BODY, JP_LANG_NL,
                                    "Eerste regel\nTweede   regel", &error));
  g_assert_no_error (error);
  odt = render (db, JP_LANG_NL, "3.1");
  p = read_package (odt);
  content = parse_part (p, "content.xml");
  h2 = select_texts (content, "//text:h[@text:outline-level='2']");
  g_assert_cmpstr (h2->pdata[0], ==, "3.1 Energie <&> \"beleid\" ]]>");
  body = select_texts (content, "//text:p[@text:style-name='Text_20_body'][text:line-break]");
  g_assert_cmpuint (body->len, ==, 1);
  spaces = select_texts (content, "//text:p[@text:style-name='Text_20_body']/text:s/@text:c");
  g_assert_cmpuint (spaces->len, ==, 1);
  g_assert_cmpstr (spaces->pdata[0], ==, "2");
  xmlFreeDoc (content);
}

static void
test_not_found (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(GError) error = NULL;
  JpPublicationOptions options = { 0, JP_LANG_NL, FALSE, NULL, "9.9" };
  g_autoptr(GBytes) odt = jp_publication_odt_render (JP_STORE (db), &options, &error);

  g_assert_null (odt);
  g_assert_error (error, JP_PUBLICATION_ERROR, JP_PUBLICATION_ERROR_NOT_FOUND);
}

/* Written whole or not at all, as every export. */
static void
test_export (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-odt-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "plan.odt", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "plan.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  JpPublicationOptions options = { 0, JP_LANG_NL, FALSE, NULL, "5.7" };
  g_autoptr(GBytes) odt = render (db, JP_LANG_NL, "5.7");
  g_autofree char *written = NULL;
  gsize size;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (jp_publication_odt_export (JP_STORE (db), &options, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, &size, NULL));
  g_assert_cmpmem (written, 2, "PK", 2);
  g_assert_cmpuint (size, ==, g_bytes_get_size (odt));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (jp_publication_odt_export (JP_STORE (db), &options, folder_file, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);
  g_assert_false (jp_publication_odt_export (JP_STORE (db), &options, missing_file, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Could not write"));
  jp_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/publication-odt/package", test_package);
  g_test_add_data_func ("/publication-odt/headings/nl", GINT_TO_POINTER (JP_LANG_NL), test_headings);
  g_test_add_data_func ("/publication-odt/headings/fr", GINT_TO_POINTER (JP_LANG_FR), test_headings);
  g_test_add_func ("/publication-odt/groups", test_groups);
  g_test_add_func ("/publication-odt/nested-lists", test_nested_lists);
  g_test_add_func ("/publication-odt/language", test_language);
  g_test_add_func ("/publication-odt/untranslated", test_untranslated);
  g_test_add_func ("/publication-odt/escaping", test_escaping);
  g_test_add_func ("/publication-odt/not-found", test_not_found);
  g_test_add_func ("/publication-odt/export", test_export);
  return g_test_run ();
}
