/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"

#include <string.h>

#include "model/print/jp-publication.h"
#include "jp-i18n.h"
#include "model/store/jp-database.h"

static JpPublication *
build (JpDatabase         *db,
       JpLang              lang,
       JpPublicationParts  parts,
       const char         *chapter,
       const char         *section)
{
  g_autoptr(GError) error = NULL;
  JpPublicationOptions options = { parts, lang, FALSE, chapter, section };
  JpPublication *pub = jp_publication_new (JP_STORE (db), &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pub);
  return pub;
}

static const JpBlock *
find_heading (JpPublication *pub,
              const char    *number)
{
  for (guint i = 0; i < pub->blocks->len; i++)
    {
      const JpBlock *block = pub->blocks->pdata[i];

      if (block->kind == JP_BLOCK_HEADING && g_strcmp0 (block->number, number) == 0)
        return block;
    }
  return NULL;
}

static guint
count_kind (JpPublication *pub,
            JpBlockKind    kind)
{
  guint n = 0;

  for (guint i = 0; i < pub->blocks->len; i++)
    n += ((JpBlock *) pub->blocks->pdata[i])->kind == kind;
  return n;
}

/* The whole plan in reading order: title page, contents, chapters 1–7
 * with their sections, the contacts as chapter 8, the programme. */
static void
test_whole_plan (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpPublication) pub = build (db, JP_LANG_NL, 0, NULL, NULL);
  const JpBlock *block;
  int last_chapter = 0, contacts = -1, programme = -1;

  g_assert_cmpstr (pub->title, ==, "Jaarplan 2013");
  g_assert_cmpstr (pub->year, ==, "2013");
  g_assert_cmpstr (pub->addressee, ==, "Het Comité van ministers van de Benelux-Unie");
  g_assert_cmpstr (pub->date_line, ==, "December 2012");
  g_assert_cmpstr (pub->reference, ==, "Benelux-Publicatieblad, jaargang 2013, nummer 2");
  g_assert_false (pub->has_fallback);
  g_assert_cmpint (((JpBlock *) pub->blocks->pdata[0])->kind, ==, JP_BLOCK_TITLE_PAGE);
  g_assert_cmpint (((JpBlock *) pub->blocks->pdata[1])->kind, ==, JP_BLOCK_CONTENTS);
  for (guint i = 0; i < pub->blocks->len; i++)
    {
      const JpBlock *b = pub->blocks->pdata[i];

      if (b->kind == JP_BLOCK_HEADING && b->level == 1 && g_strcmp0 (b->number, "7") == 0)
        last_chapter = i;
      if (b->kind == JP_BLOCK_CONTACTS)
        contacts = i;
      if (b->kind == JP_BLOCK_HEADING && b->level == 1 && b->number == NULL)
        programme = i;
    }
  g_assert_cmpint (last_chapter, >, 0);
  g_assert_cmpint (contacts, >, last_chapter);
  g_assert_cmpint (programme, >, contacts);
  g_assert_cmpuint (count_kind (pub, JP_BLOCK_CONTACTS), ==, 1);

  block = find_heading (pub, "5.7");
  g_assert_nonnull (block);
  g_assert_cmpuint (block->level, ==, 2);
  g_assert_cmpstr (block->text, ==, "Fiscale samenwerking en strijd tegen de fraude");
  g_assert_true (block->in_contents);
  block = find_heading (pub, "8");
  g_assert_nonnull (block);
  g_assert_true (block->new_page);
}

/* Section 5.7 as its blocks: its fixed headings at level 3, the lists,
 * the groups with their codes and nesting. */
static void
test_section (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpPublication) pub = build (db, JP_LANG_NL, 0, NULL, "5.7");
  const char *expected[] = {
    "H2 5.7 Fiscale samenwerking en strijd tegen de fraude",
    "H3 Algemene doelstellingen", "L0", "L0", "L0",
    "H3 Voortgangsprojecten", "L0", "L0", "L0", "L0", "L0", "L0",
    "H3 Nieuwe projecten 2013", "L0", "L0", "L0", "L0", "L0",
    "H3 Werkgroepen en commissies",
    "G0 FISC STRAT", "G0 FISC-MTIC BENELUX", "G0 -", "G1 FISC-VRP", "G1 FISC-MOSS",
    "G0 FISC-IMMO", "G0 FISC-TRUSTS", "G0 FISC-FDF", "G0 FISC-ACC", "G0 FISC-CEP", "G0 FISC-FAIL",
  };
  gboolean translated = strcmp (jp_i18n_translate (JP_LANG_NL, "publication", "General objectives"),
                                "General objectives") != 0;

  g_assert_cmpuint (pub->blocks->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < pub->blocks->len; i++)
    {
      const JpBlock *b = pub->blocks->pdata[i];
      g_autofree char *got = NULL;

      switch (b->kind)
        {
        case JP_BLOCK_HEADING:
          got = b->number ? g_strdup_printf ("H%u %s %s", b->level, b->number, b->text)
                          : g_strdup_printf ("H%u %s", b->level, b->text);
          break;
        case JP_BLOCK_LIST_ITEM:
          got = g_strdup_printf ("L%u", b->level);
          break;
        case JP_BLOCK_GROUP:
          got = g_strdup_printf ("G%u %s", b->level, b->code ? b->code : "-");
          break;
        default:
          got = g_strdup_printf ("kind %d", b->kind);
        }
      /* The fixed headings are English until the catalogues have them. */
      if (b->kind == JP_BLOCK_HEADING && b->level == 3 && !translated)
        continue;
      g_assert_cmpstr (got, ==, expected[i]);
    }
}

/* Running text: blank lines part paragraphs, "a." lines stay lines. */
static void
test_paragraphs (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpPublication) pub = build (db, JP_LANG_FR, JP_PUBLICATION_PART_PROGRAMME, NULL, NULL);
  guint lines = 0;
  gboolean lead_in = FALSE;

  for (guint i = 0; i < pub->blocks->len; i++)
    {
      const JpBlock *b = pub->blocks->pdata[i];

      if (b->kind == JP_BLOCK_PARAGRAPH)
        {
          g_assert_null (strstr (b->text, "\n\n"));
          if (strstr (b->text, "comme suit") && b->text[strlen (b->text) - 1] == ':')
            lead_in = TRUE;
        }
      if (b->kind == JP_BLOCK_LINE)
        {
          lines++;
          g_assert_true (b->text[1] == '.' || b->text[0] == '-');
        }
      g_assert_cmpint (b->lang, ==, JP_LANG_FR);
    }
  g_assert_true (lead_in);
  g_assert_cmpuint (lines, >=, 5);
  g_assert_null (find_heading (pub, "3.1"));
  g_assert_cmpuint (count_kind (pub, JP_BLOCK_CONTACTS), ==, 0);
  g_assert_cmpstr (find_heading (pub, "1")->text, ==, "Vision et cadre stratégique");
}

/* A text without its French is printed in Dutch, marked, and the marker
 * is explained once. */
static void
test_fallback (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpItem) section = jp_store_find_numbered (JP_STORE (db), JP_KIND_SECTION, "5.7");
  g_autoptr(JpPublication) pub = NULL;
  g_autofree char *text = NULL;
  const JpBlock *heading;

  g_assert_true (jp_database_set_text (db, section, JP_TEXT_TITLE, JP_LANG_FR, "", &error));
  g_assert_no_error (error);
  pub = build (db, JP_LANG_FR, 0, NULL, "5.7");
  g_assert_true (pub->has_fallback);
  g_assert_cmpuint (count_kind (pub, JP_BLOCK_FALLBACK_NOTE), ==, 1);
  heading = find_heading (pub, "5.7");
  g_assert_true (heading->fallback);
  g_assert_cmpint (heading->lang, ==, JP_LANG_NL);
  text = jp_publication_block_text (pub, heading);
  g_assert_cmpstr (text, ==, "Fiscale samenwerking en strijd tegen de fraude *");
}

static void
test_not_found (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(GError) error = NULL;
  JpPublicationOptions options = { 0, JP_LANG_NL, FALSE, NULL, "9.9" };
  JpPublication *pub = jp_publication_new (JP_STORE (db), &options, &error);
  JpPublicationParts parts = 0;

  g_assert_null (pub);
  g_assert_error (error, JP_PUBLICATION_ERROR, JP_PUBLICATION_ERROR_NOT_FOUND);
  g_clear_error (&error);
  options.section = NULL;
  options.chapter = "12";
  g_assert_null (jp_publication_new (JP_STORE (db), &options, &error));
  g_assert_error (error, JP_PUBLICATION_ERROR, JP_PUBLICATION_ERROR_NOT_FOUND);

  g_assert_true (jp_publication_parts_from_string ("plan,contacts", &parts));
  g_assert_cmpint (parts, ==, JP_PUBLICATION_PART_PLAN | JP_PUBLICATION_PART_CONTACTS);
  g_assert_false (jp_publication_parts_from_string ("plan,index", &parts));
  g_assert_false (jp_publication_parts_from_string ("", &parts));
}

/* With status: a project's status in the publication's language. */
static void
test_status (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  JpPublicationOptions options = { 0, JP_LANG_NL, TRUE, NULL, "5.7" };
  g_autoptr(JpPublication) pub = jp_publication_new (JP_STORE (db), &options, &error);
  guint with_status = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < pub->blocks->len; i++)
    with_status += ((JpBlock *) pub->blocks->pdata[i])->status != NULL;
  g_assert_cmpuint (with_status, ==, 11);
}

/* Words in a given language, whatever the interface speaks. */
static void
test_translate (void)
{
  g_assert_cmpstr (jp_i18n_translate (JP_LANG_FR, NULL, "Page %u of %u"), ==, "Page %u sur %u");
  g_assert_cmpstr (jp_i18n_translate (JP_LANG_NL, NULL, "Page %u of %u"), ==, "Pagina %u van %u");
  /* With a context. */
  g_assert_cmpstr (jp_i18n_translate (JP_LANG_FR, "plan-language", "nl"), ==, "fr");
  g_assert_cmpstr (jp_i18n_translate (JP_LANG_NL, "plan-language", "nl"), ==, "nl");
  /* A word the catalogue lacks is itself. */
  g_assert_cmpstr (jp_i18n_translate (JP_LANG_FR, NULL, "No such words here"), ==, "No such words here");
  g_assert_cmpstr (jp_i18n_translate (JP_LANG_FR, "nowhere", "Page %u of %u"), ==, "Page %u of %u");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/publication/whole-plan", test_whole_plan);
  g_test_add_func ("/publication/section", test_section);
  g_test_add_func ("/publication/paragraphs", test_paragraphs);
  g_test_add_func ("/publication/fallback", test_fallback);
  g_test_add_func ("/publication/not-found", test_not_found);
  g_test_add_func ("/publication/status", test_status);
  g_test_add_func ("/publication/translate", test_translate);
  return g_test_run ();
}
