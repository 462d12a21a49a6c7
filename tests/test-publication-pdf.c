/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "jp-test-util.h"
#include "model/print/jp-publication-layout.h"
#include "model/print/jp-publication-pdf.h"
#include "model/store/jp-database.h"
#include "jp-i18n.h"

/* The printable area of A4 with the PDF export's margins. */
#define WIDTH  481.89
#define HEIGHT 739.84

/* The bundled plan, opened once: a whole-plan PDF per language. */
typedef struct {
  char          *dir;
  JpDatabase    *db;
  JpPublication *pub;
  char          *pdf;
  char         **pages;   /* pdftotext, one string a page */
  guint          n_pages;
} Fixture;

/* The text without spaces, line ends and hyphens: a long title wraps,
 * and pdftotext joins a word broken at a hyphen. */
static char *
squeeze (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("[-\\s\\x{00a0}\\x{202f}]+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, "", 0, NULL);
}

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("pdftotext (poppler-utils) is not installed");
  return path != NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JpPublicationOptions options = { 0, GPOINTER_TO_INT (data), FALSE, NULL, NULL };
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  guint n_pages = 0;

  f->dir = g_dir_make_tmp ("jaarplan-publication-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = jp_test_open_memory (TRUE);
  f->pub = jp_publication_new (JP_STORE (f->db), &options, &error);
  g_assert_no_error (error);
  f->pdf = g_build_filename (f->dir, "plan.pdf", NULL);
  file = g_file_new_for_path (f->pdf);
  g_assert_true (jp_publication_pdf_export (f->db, &options, file, &n_pages, &error));
  g_assert_no_error (error);
  if (pdftotext == NULL)
    return;
  text = jp_test_pdf_to_text (f->pdf);
  /* pdftotext ends every page with a form feed. */
  f->pages = g_strsplit (text, "\f", -1);
  f->n_pages = g_strv_length (f->pages) - 1;
  g_assert_cmpuint (f->n_pages, ==, n_pages);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->pub, jp_publication_free);
  g_clear_object (&f->db);
  g_clear_pointer (&f->pages, g_strfreev);
  jp_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->pdf);
}

static JpPublicationLayout *
new_layout (JpPublication *pub,
            JpDatabase    *db)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  JpPublicationLayout *layout;

  pango_cairo_context_set_resolution (context, 72);
  layout = jp_publication_layout_new (pub, db, context, WIDTH, HEIGHT);
  g_object_unref (context);
  return layout;
}

typedef struct {
  JpLang     lang;
  GPtrArray *titles;   /* section titles in the language */
  GPtrArray *codes;
  GPtrArray *emails;
} Expected;

static void
collect (JpSnapshotItem *item,
         Expected       *e)
{
  const char *text = item->data.texts[JP_TEXT_TITLE][e->lang];

  if (item->data.kind == JP_KIND_SECTION)
    g_ptr_array_add (e->titles, squeeze (text));
  if (item->data.fields[JP_FIELD_CODE])
    g_ptr_array_add (e->codes, squeeze (item->data.fields[JP_FIELD_CODE]));
  if (item->data.fields[JP_FIELD_EMAIL])
    g_ptr_array_add (e->emails, squeeze (item->data.fields[JP_FIELD_EMAIL]));
  for (guint i = 0; i < item->children->len; i++)
    collect (item->children->pdata[i], e);
}

/* Every section title, working group code and contact e-mail of the
 * bundled plan is in the PDF's text; the French one has French titles. */
static void
test_text (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) root = jp_store_get_root (JP_STORE (f->db));
  g_autoptr(JpSnapshot) snapshot = jp_store_load_snapshot (JP_STORE (f->db), jp_item_get_id (root), &error);
  g_autofree char *joined = NULL;
  g_autofree char *all = NULL;
  Expected e = { GPOINTER_TO_INT (data), g_ptr_array_new_with_free_func (g_free),
                 g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free) };

  if (!have_pdftotext ())
    return;
  g_assert_no_error (error);
  collect (snapshot->root, &e);
  g_assert_cmpuint (e.titles->len, ==, 28);
  g_assert_cmpuint (e.emails->len, ==, 30);
  g_assert_cmpuint (e.codes->len, ==, 70);
  joined = g_strjoinv ("", f->pages);
  all = squeeze (joined);
  for (guint k = 0; k < 3; k++)
    {
      GPtrArray *list = k == 0 ? e.titles : k == 1 ? e.codes : e.emails;

      for (guint i = 0; i < list->len; i++)
        if (strstr (all, list->pdata[i]) == NULL)
          g_error ("“%s” is not in the PDF", (char *) list->pdata[i]);
    }
  /* The contacts page's own title and footers make way for the
   * publication's. */
  g_assert_null (strstr (joined, "Contacts Benelux Secretariat-General"));
  g_assert_null (strstr (joined, "Page 1 of "));
  /* The fixed headings in the publication's language, once the
   * catalogues have them. */
  {
    const char *heading = jp_i18n_translate (e.lang, "publication", "General objectives");
    g_autofree char *squeezed = squeeze (heading);

    if (strcmp (heading, "General objectives") != 0)
      g_assert_nonnull (strstr (all, squeezed));
  }
  /* The header of the page where 5.7 starts names chapter 5. */
  {
    g_autoptr(JpPublicationLayout) layout = new_layout (f->pub, f->db);
    guint n_pieces;
    const JpPublicationPiece *pieces = jp_publication_layout_get_pieces (layout, &n_pieces);
    const char *chapter = e.lang == JP_LANG_FR ? "5 Justice et Affaires intérieures" : "5 Justitie en binnenlandse zaken";
    gboolean seen = FALSE;

    for (guint i = 0; i < n_pieces; i++)
      {
        const JpBlock *block = f->pub->blocks->pdata[pieces[i].block];

        if (block->kind == JP_BLOCK_HEADING && g_strcmp0 (block->number, "5.7") == 0)
          {
            g_autofree char *page = squeeze (f->pages[pieces[i].page]);
            g_autofree char *expected = squeeze (chapter);

            g_assert_nonnull (strstr (page, expected));
            seen = TRUE;
          }
      }
    g_assert_true (seen);
  }
  if (e.lang == JP_LANG_FR)
    {
      g_assert_nonnull (strstr (f->pages[0], "Plan annuel 2013"));
      g_assert_nonnull (strstr (all, "Coopérationfiscaleetluttecontrelafraude"));
      g_assert_null (strstr (all, "Fiscalesamenwerkingenstrijdtegendefraude"));
      g_assert_nonnull (strstr (all, "LeComitédeMinistresdel’UnionBenelux"));
    }
  else
    {
      g_assert_nonnull (strstr (f->pages[0], "Jaarplan 2013"));
      g_assert_nonnull (strstr (f->pages[0], "Het Comité van ministers van de Benelux-Unie"));
      g_assert_null (strstr (all, "Coopérationfiscaleetluttecontrelafraude"));
    }
  g_ptr_array_unref (e.titles);
  g_ptr_array_unref (e.codes);
  g_ptr_array_unref (e.emails);
}

/* The contents' page numbers are the pages where the headings start,
 * by the layout's records and in the PDF's text of those pages; every
 * page says "n of N". */
static void
test_contents_and_footers (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(JpPublicationLayout) layout = new_layout (f->pub, f->db);
  guint n_pieces, n_lines = jp_publication_layout_get_n_contents (layout);
  const JpPublicationPiece *pieces = jp_publication_layout_get_pieces (layout, &n_pieces);
  guint n_pages = jp_publication_layout_get_n_pages (layout);

  g_assert_cmpuint (n_lines, >=, 28 + 7 + 1);
  for (guint l = 0; l < n_lines; l++)
    {
      guint block, page_number, first_page = G_MAXUINT;
      const JpBlock *heading;
      g_autofree char *title = NULL;
      g_autofree char *page_text = NULL;

      jp_publication_layout_get_contents_line (layout, l, &block, &page_number);
      for (guint i = 0; i < n_pieces && first_page == G_MAXUINT; i++)
        if (pieces[i].block == block)
          first_page = pieces[i].page;
      g_assert_cmpuint (page_number, ==, first_page + 1);
      if (f->pages == NULL)
        continue;
      /* The PDF's page of that number starts the heading. */
      g_assert_cmpuint (page_number, <=, f->n_pages);
      heading = f->pub->blocks->pdata[block];
      title = squeeze (heading->text);
      page_text = squeeze (f->pages[page_number - 1]);
      if (strstr (page_text, title) == NULL)
        g_error ("“%s” is not on page %u", heading->text, page_number);
    }

  for (guint p = 0; p < n_pages; p++)
    {
      /* Translators' words as the catalogue has them. */
      g_autofree char *footer = g_strdup_printf (jp_i18n_translate (f->pub->lang, NULL, "Page %u of %u"), p + 1, n_pages);
      g_autofree char *layout_footer = jp_publication_layout_get_footer (layout, p);

      g_assert_cmpstr (layout_footer, ==, footer);
      if (f->pages)
        g_assert_nonnull (strstr (f->pages[p], footer));
    }
  if (f->pub->lang == JP_LANG_FR)
    g_assert_true (g_str_has_prefix (jp_i18n_translate (JP_LANG_FR, NULL, "Page %u of %u"), "Page %u sur"));
  else
    g_assert_true (g_str_has_prefix (jp_i18n_translate (JP_LANG_NL, NULL, "Page %u of %u"), "Pagina %u van"));
}

/* Nothing is drawn outside the printable area, nor below the body but
 * the footer. */
static void
test_boxes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JpPublicationLayout) layout = new_layout (f->pub, f->db);
  guint n_boxes, n_pages = jp_publication_layout_get_n_pages (layout);
  const JpContactsBox *boxes = jp_publication_layout_get_boxes (layout, &n_boxes);
  guint n_pieces;
  const JpPublicationPiece *pieces = jp_publication_layout_get_pieces (layout, &n_pieces);
  double bottom = jp_publication_layout_get_body_bottom (layout);

  g_assert_cmpuint (n_boxes, >, 1000);
  for (guint i = 0; i < n_boxes; i++)
    {
      const JpContactsBox *b = &boxes[i];

      if (b->x < 0 || b->y < 0 || b->x + b->width > WIDTH + 0.01 || b->y + b->height > HEIGHT + 0.01 ||
          b->page >= n_pages)
        g_error ("box %u (page %u) at %.2f,%.2f %.2f×%.2f is outside %.2f×%.2f",
                 i, b->page, b->x, b->y, b->width, b->height, WIDTH, HEIGHT);
    }
  for (guint i = 0; i < n_pieces; i++)
    g_assert_cmpfloat (pieces[i].y + pieces[i].height, <=, bottom + 0.01);
}

/* Headings are never last on a page; a list item is on its heading's
 * page; a split paragraph or item keeps two lines on each side and its
 * continuation starts its page. */
static void
test_keep_together (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JpPublicationLayout) layout = new_layout (f->pub, f->db);
  guint n_pieces, n_split = 0;
  const JpPublicationPiece *pieces = jp_publication_layout_get_pieces (layout, &n_pieces);

  for (guint i = 0; i < n_pieces; i++)
    {
      const JpPublicationPiece *piece = &pieces[i];
      const JpBlock *block = f->pub->blocks->pdata[piece->block];

      if (block->kind == JP_BLOCK_HEADING && i + 1 < n_pieces)
        {
          if (pieces[i + 1].page != piece->page)
            g_error ("heading “%s” is last on page %u", block->text, piece->page + 1);
        }
      /* A list item is on the page of its heading, a sub-item on the
       * page of the item that leads it in. */
      if (block->kind == JP_BLOCK_LIST_ITEM && piece->first_line == 0 && piece->block > 0)
        {
          const JpBlock *before = f->pub->blocks->pdata[piece->block - 1];

          if (before->kind == JP_BLOCK_HEADING ||
              (before->kind == JP_BLOCK_LIST_ITEM && before->level < block->level))
            if (pieces[i - 1].page != piece->page)
              g_error ("“%s” is not on the page of “%s”", block->text, before->text);
        }
      if (piece->n_lines < piece->total_lines)
        {
          n_split++;
          g_assert_cmpuint (piece->n_lines, >=, 2);
          if (piece->first_line > 0)
            {
              /* The continuation opens its page. */
              g_assert_cmpuint (pieces[i - 1].page, ==, piece->page - 1);
              g_assert_cmpuint (pieces[i - 1].block, ==, piece->block);
            }
        }
    }
  /* The contents keep two lines at least on a page. */
  for (guint page = 0; page < jp_publication_layout_get_n_pages (layout); page++)
    {
      guint n = 0;

      for (guint i = 0; i < n_pieces; i++)
        n += pieces[i].page == page &&
             ((JpBlock *) f->pub->blocks->pdata[pieces[i].block])->kind == JP_BLOCK_CONTENTS;
      g_assert_true (n == 0 || n >= 2);
    }
  /* The plan's long paragraphs do get split. */
  g_assert_cmpuint (n_split, >, 0);
}

/* The contacts page without its title and footers: the first page's
 * room for the title stays free, nothing is drawn in the footer's. */
static void
test_contacts_no_title (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(JpContactsLayout) plain = NULL;
  g_autoptr(JpContactsLayout) bare = NULL;
  const JpContactsBox *boxes;
  guint n_plain, n_bare;

  pango_cairo_context_set_resolution (context, 72);
  plain = jp_contacts_layout_new (db, context, WIDTH, HEIGHT, JP_CONTACTS_LAYOUT_DEFAULT, NULL);
  bare = jp_contacts_layout_new (db, context, WIDTH, HEIGHT, JP_CONTACTS_LAYOUT_NO_TITLE, NULL);
  g_object_unref (context);

  g_assert_cmpfloat (jp_contacts_layout_get_body_height (bare, 0), ==, jp_contacts_layout_get_body_height (plain, 0) +
                     jp_contacts_layout_get_body_height (bare, 1) - jp_contacts_layout_get_body_height (plain, 1));
  g_assert_cmpfloat (jp_contacts_layout_get_body_height (bare, 0), <, jp_contacts_layout_get_body_height (bare, 1));
  g_assert_cmpfloat (jp_contacts_layout_get_body_height (bare, 1), >, jp_contacts_layout_get_body_height (plain, 1));
  jp_contacts_layout_get_boxes (plain, &n_plain);
  boxes = jp_contacts_layout_get_boxes (bare, &n_bare);
  /* Title, date, and a footer and its date a page, fewer. */
  g_assert_cmpuint (n_bare, ==, n_plain - 2 - 2 * jp_contacts_layout_get_n_pages (plain));
  for (guint i = 0; i < n_bare; i++)
    g_assert_cmpfloat (boxes[i].y + boxes[i].height, <=,
                       jp_contacts_layout_get_body_height (bare, 1) + 0.01);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/publication-pdf/nl/text", Fixture, GINT_TO_POINTER (JP_LANG_NL),
              fixture_set_up, test_text, fixture_tear_down);
  g_test_add ("/publication-pdf/fr/text", Fixture, GINT_TO_POINTER (JP_LANG_FR),
              fixture_set_up, test_text, fixture_tear_down);
  g_test_add ("/publication-pdf/nl/contents-and-footers", Fixture, GINT_TO_POINTER (JP_LANG_NL),
              fixture_set_up, test_contents_and_footers, fixture_tear_down);
  g_test_add ("/publication-pdf/fr/contents-and-footers", Fixture, GINT_TO_POINTER (JP_LANG_FR),
              fixture_set_up, test_contents_and_footers, fixture_tear_down);
  g_test_add ("/publication-pdf/nl/boxes", Fixture, GINT_TO_POINTER (JP_LANG_NL),
              fixture_set_up, test_boxes, fixture_tear_down);
  g_test_add ("/publication-pdf/fr/keep-together", Fixture, GINT_TO_POINTER (JP_LANG_FR),
              fixture_set_up, test_keep_together, fixture_tear_down);
  g_test_add ("/publication-pdf/nl/keep-together", Fixture, GINT_TO_POINTER (JP_LANG_NL),
              fixture_set_up, test_keep_together, fixture_tear_down);
  g_test_add_func ("/publication-pdf/contacts-without-title", test_contacts_no_title);
  return g_test_run ();
}
