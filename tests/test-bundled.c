/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "jp-test-util.h"
#include "model/store/jp-database.h"
#include "model/exchange/jp-xml.h"

static JpDatabase *db;

static guint
count_children (JpItem *parent,
                JpKind  kind,
                JpPhase phase)
{
  g_autoptr(GListModel) list = jp_database_get_children (db, parent, JP_KIND_MASK (kind));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpItem) item = g_list_model_get_item (list, i);
      if (phase == JP_PHASE_NONE || jp_item_get_phase (item) == phase)
        n++;
    }
  return n;
}

/* Every figure of tests/bundled-counts.txt, counted in the source. */
static void
test_counts (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "bundled-counts.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_sections_checked = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_strstrip (lines[i]), " ", -1);
      g_autoptr(JpItem) root = jp_database_get_root (db);

      if (f[0] == NULL || *f[0] == '\0')
        continue;
      if (g_str_has_prefix (f[0], "total-"))
        {
          JpKind kind = strcmp (f[0], "total-contacts") == 0 ? JP_KIND_CONTACT
                        : strcmp (f[0], "total-teams") == 0 ? JP_KIND_TEAM : JP_KIND_SECTION;
          g_test_message ("%s", lines[i]);
          g_assert_cmpuint (jp_database_count_descendants (db, root, JP_KIND_MASK (kind)), ==,
                            g_ascii_strtoull (f[1], NULL, 10));
          continue;
        }

      {
        g_autoptr(JpItem) section = jp_database_find_numbered (db, JP_KIND_SECTION, f[0]);
        g_test_message ("section %s", f[0]);
        g_assert_nonnull (section);
        g_assert_cmpuint (count_children (section, JP_KIND_OBJECTIVE, JP_PHASE_NONE), ==, atoi (f[1]));
        g_assert_cmpuint (count_children (section, JP_KIND_PROJECT, JP_PHASE_ONGOING), ==, atoi (f[2]));
        g_assert_cmpuint (count_children (section, JP_KIND_PROJECT, JP_PHASE_NEW), ==, atoi (f[3]));
        g_assert_cmpuint (jp_database_count_descendants (db, section, JP_KIND_MASK (JP_KIND_GROUP)), ==, atoi (f[4]));
        n_sections_checked++;
      }
    }
  g_assert_cmpuint (n_sections_checked, ==, 28);
}

static JpItem *
find_code (const char *code)
{
  g_autoptr(GArray) hits = jp_database_search (db, code, 0, NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      g_autoptr(JpItem) item = jp_database_lookup (db, g_array_index (hits, gint64, i));
      if (g_strcmp0 (jp_item_get_field (item, JP_FIELD_CODE), code) == 0)
        return g_steal_pointer (&item);
    }
  return NULL;
}

static void
test_codes (void)
{
  const struct { const char *code; const char *section; } codes[] = {
    { "SENN/POL/STRAT-INFO", "5.1" },
    { "FISC-MTIC BENELUX", "5.7" },
    { "RO/O-E(OOST)", "4.1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(JpItem) group = find_code (codes[i].code);
      g_autoptr(JpItem) section = NULL;

      g_test_message ("code %s", codes[i].code);
      g_assert_nonnull (group);
      g_assert_cmpint (jp_item_get_kind (group), ==, JP_KIND_GROUP);
      section = jp_database_get_parent (db, group);
      while (section && jp_item_get_kind (section) != JP_KIND_SECTION)
        {
          JpItem *up = jp_database_get_parent (db, section);
          g_object_unref (section);
          section = up;
        }
      g_assert_nonnull (section);
      g_assert_cmpstr (jp_item_get_field (section, JP_FIELD_NUMBER), ==, codes[i].section);
    }
}

static void
test_nesting (void)
{
  /* The Pentalateral Energy Forum's four sub-groups, in 3.1. */
  g_autoptr(JpItem) section = jp_database_find_numbered (db, JP_KIND_SECTION, "3.1");
  g_autoptr(GListModel) groups = jp_database_get_children (db, section, JP_KIND_MASK (JP_KIND_GROUP));
  g_autoptr(JpItem) penta = g_list_model_get_item (groups, 0);
  g_autoptr(GListModel) subs = jp_database_get_children (db, penta, 0);

  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 3);
  g_assert_nonnull (strstr (jp_item_get_text (penta, JP_TEXT_TITLE, JP_LANG_NL), "Pentalateral"));
  g_assert_cmpuint (g_list_model_get_n_items (subs), ==, 4);

  /* The first ongoing project of 3.1 holds three sub-items (electricity,
   * gas, wind), in the source's "- " lines. */
  {
    g_autoptr(GListModel) projects = jp_database_get_children (db, section, JP_KIND_MASK (JP_KIND_PROJECT));
    g_autoptr(JpItem) second = g_list_model_get_item (projects, 1);
    g_autoptr(GListModel) items = jp_database_get_children (db, second, 0);
    g_autoptr(JpItem) gas = g_list_model_get_item (items, 1);

    g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
    g_assert_true (g_str_has_prefix (jp_item_get_text (gas, JP_TEXT_BODY, JP_LANG_NL), "Inzake gas"));
  }
}

static void
test_contacts (void)
{
  g_autoptr(GArray) hits = jp_database_search (db, "jmooren", 0, NULL);
  guint until = 0, from = 0;

  /* H. Mooren: until 1 March 2013 in one team, from then on in another. */
  g_assert_cmpuint (hits->len, ==, 2);
  for (guint i = 0; i < hits->len; i++)
    {
      g_autoptr(JpItem) c = jp_database_lookup (db, g_array_index (hits, gint64, i));
      g_assert_cmpstr (jp_item_get_field (c, JP_FIELD_PERSON), ==, "H. Mooren");
      if (g_strcmp0 (jp_item_get_field (c, JP_FIELD_VALID_UNTIL), "2013-03-01") == 0)
        until++;
      if (g_strcmp0 (jp_item_get_field (c, JP_FIELD_VALID_FROM), "2013-03-01") == 0)
        from++;
    }
  g_assert_cmpuint (until, ==, 1);
  g_assert_cmpuint (from, ==, 1);
  g_clear_pointer (&hits, g_array_unref);

  /* Addresses exactly as printed, including the odd capital. */
  hits = jp_database_search (db, "molema", 0, NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  {
    g_autoptr(JpItem) c = jp_database_lookup (db, g_array_index (hits, gint64, 0));
    g_assert_cmpstr (jp_item_get_field (c, JP_FIELD_EMAIL), ==, "J.molema@benelux.int");
    g_assert_cmpstr (jp_item_get_field (c, JP_FIELD_PHONE), ==, "+32 (0)2 519 38 42");
  }
}

static void
test_areas (void)
{
  g_autoptr(JpItem) area = jp_database_lookup_uid (db, "area-7");
  g_autoptr(GListModel) sections = jp_database_get_area_sections (db, area);
  g_autoptr(GListModel) none = jp_database_get_area_sections (db, NULL);
  gboolean found = FALSE;

  g_assert_cmpstr (jp_item_get_text (area, JP_TEXT_TITLE, JP_LANG_NL), ==, "Fraudepreventie");
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JpItem) s = g_list_model_get_item (sections, i);
      found |= g_strcmp0 (jp_item_get_field (s, JP_FIELD_NUMBER), "5.7") == 0;
    }
  g_assert_true (found);
  /* Every section shows up in the policy-area tree. */
  {
    g_autoptr(JpItem) root = jp_database_get_root (db);
    guint total = jp_database_count_descendants (db, root, JP_KIND_MASK (JP_KIND_SECTION));
    guint linked = 0;
    for (int a = 1; a <= 7; a++)
      {
        g_autofree char *uid = g_strdup_printf ("area-%d", a);
        g_autoptr(JpItem) ar = jp_database_lookup_uid (db, uid);
        g_autoptr(GListModel) list = jp_database_get_area_sections (db, ar);
        g_assert_nonnull (ar);
        linked += g_list_model_get_n_items (list) > 0;
      }
    g_assert_cmpuint (linked, ==, 7);
    g_assert_cmpuint (g_list_model_get_n_items (none), <, total);
    g_assert_cmpuint (g_list_model_get_n_items (none), >, 0);
  }
}

static void
test_validates (void)
{
  const char *schema_path = g_getenv ("JAARPLAN_SCHEMA");
  const char *bundled = g_getenv ("JAARPLAN_BUNDLED");
  xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewParserCtxt (schema_path);
  xmlRelaxNGPtr schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlDocPtr doc = xmlReadFile (bundled, NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  g_assert_cmpint (xmlRelaxNGValidateDoc (vctxt, doc), ==, 0);
  xmlFreeDoc (doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (pctxt);
}

static char *
canonical (const char *data,
           gsize       size)
{
  xmlDocPtr doc = xmlReadMemory (data, (int) size, "doc.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  xmlChar *out = NULL;
  char *copy;

  g_assert_nonnull (doc);
  g_assert_cmpint (xmlC14NDocDumpMemory (doc, NULL, XML_C14N_1_0, NULL, 0, &out), >, 0);
  copy = g_strdup ((char *) out);
  xmlFree (out);
  xmlFreeDoc (doc);
  return copy;
}

static void
test_export_equals_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) root = jp_database_get_root (db);
  g_autoptr(GBytes) exported = jp_xml_export_bytes (db, root, &error);
  g_autofree char *bundled = NULL;
  g_autofree char *a = NULL, *b = NULL;
  gsize len;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (g_getenv ("JAARPLAN_BUNDLED"), &bundled, &len, NULL));
  a = canonical (bundled, len);
  b = canonical (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported));
  g_assert_cmpstr (a, ==, b);
}

/* Names of bodies that the source prints in English or French: the same
 * in both languages, like a person's name or a code. */
static const char *const same_in_both[] = {
  "Support Group 1", "Support Group 2", "Gas Platform", "Working Group 1",
  "Working Group 2", "North Seas Countries’ Offshore Grid Initiative",
  "Steering Committee", "Working Group", "Transfrontalier Wallonie – Luxembourg",
  "Euro Contrôle Route",
};

static void
count_translated (JpItem *item,
                  guint  *n_dutch,
                  guint  *n_french,
                  guint  *n_same)
{
  g_autoptr(GListModel) list = jp_database_get_children (db, item, JP_KIND_MASK_ALL);

  for (JpTextField field = 0; field < JP_N_TEXTS; field++)
    {
      const char *nl = jp_item_get_text (item, field, JP_LANG_NL);
      const char *fr = jp_item_get_text (item, field, JP_LANG_FR);

      if (nl == NULL || *nl == '\0')
        continue;
      (*n_dutch)++;
      if (fr == NULL || *fr == '\0')
        {
          g_test_message ("%s: no French %s", jp_item_get_uid (item),
                          jp_text_field_to_string (field));
          continue;
        }
      (*n_french)++;
      if (strcmp (nl, fr) == 0)
        {
          g_test_message ("%s: the French is the Dutch: %s", jp_item_get_uid (item), fr);
          g_assert_true (g_strv_contains (same_in_both, fr));
          (*n_same)++;
        }
      else
        {
          /* A French text that is really Dutch: a few words only
           * Dutch uses, or the Dutch text itself. */
          g_assert_null (strstr (fr, " van de "));
          g_assert_null (strstr (fr, " het "));
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpItem) child = g_list_model_get_item (list, i);
      count_translated (child, n_dutch, n_french, n_same);
    }
}

/* Every text of the bundled plan has a French version; only the names
 * listed above read the same in both languages. */
static void
test_french_complete (void)
{
  g_autoptr(JpItem) root = jp_database_get_root (db);
  guint n_dutch = 0, n_french = 0, n_same = 0;

  count_translated (root, &n_dutch, &n_french, &n_same);
  g_test_message ("%u Dutch texts, %u with French, %u names the same in both",
                  n_dutch, n_french, n_same);
  g_assert_cmpuint (n_dutch, >=, 532);
  g_assert_cmpuint (n_french, ==, n_dutch);
  g_assert_cmpuint (n_same, ==, G_N_ELEMENTS (same_in_both));
}

/* The titles of the official French edition's table of contents. */
static void
test_official_titles (void)
{
  static const struct {
    JpKind      kind;
    const char *number;
    const char *title;
  } titles[] = {
    { JP_KIND_SECTION, "2.1", "Au centre de la coopération Benelux" },
    { JP_KIND_CHAPTER, "3", "Marché intérieur et Union économique" },
    { JP_KIND_SECTION, "3.1", "Politique de l’énergie" },
    { JP_KIND_SECTION, "3.2", "Sécurité alimentaire, santé et bien-être des animaux" },
    { JP_KIND_SECTION, "3.4", "Communications et transports" },
    { JP_KIND_SECTION, "4.5", "Cohésion sociale et thématique des travailleurs frontaliers" },
    { JP_KIND_CHAPTER, "5", "Justice et Affaires intérieures" },
    { JP_KIND_SECTION, "5.2", "Lutte contre les catastrophes et gestion des crises" },
    { JP_KIND_SECTION, "5.8", "Lutte contre la fraude sociale à grande échelle" },
    { JP_KIND_CHAPTER, "6", "Coopération avec d’autres Etats (entités fédérées)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(JpItem) item = jp_database_find_numbered (db, titles[i].kind, titles[i].number);

      g_assert_nonnull (item);
      g_assert_cmpstr (jp_item_get_text (item, JP_TEXT_TITLE, JP_LANG_FR), ==, titles[i].title);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  db = jp_test_open_seeded (":memory:", JP_DATABASE_OPEN_DEFAULT);

  g_test_add_func ("/bundled/validates", test_validates);
  g_test_add_func ("/bundled/counts-per-section", test_counts);
  g_test_add_func ("/bundled/codes-as-printed", test_codes);
  g_test_add_func ("/bundled/nesting", test_nesting);
  g_test_add_func ("/bundled/contacts", test_contacts);
  g_test_add_func ("/bundled/policy-areas", test_areas);
  g_test_add_func ("/bundled/export-equals-bundled", test_export_equals_bundled);
  g_test_add_func ("/bundled/french-complete", test_french_complete);
  g_test_add_func ("/bundled/official-french-titles", test_official_titles);

  status = g_test_run ();
  g_clear_object (&db);
  return status;
}
