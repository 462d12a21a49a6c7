/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"

#include <string.h>
#include <pango/pangocairo.h>

#include "jp-i18n.h"
#include "model/print/jp-publication-layout.h"
#include "model/print/jp-report-csv.h"
#include "model/print/jp-report.h"
#include "model/store/jp-database.h"

/* The annual report: what it counts, and the publication that prints it. */

#define WIDTH  481.89
#define HEIGHT 739.84

static const char nl_note[] = "Verdrag getekend; de ratificatie loopt.";
static const char fr_note[] = "Traité signé ; la ratification est en cours.";
static const char fr_only[] = "Réunion reportée à l’automne.";

/* The bundled plan with the first three projects of 5.7 done,
 * postponed and dropped; the first with a note in both languages, the
 * second in French only. */
static JpDatabase *
open_plan (gint64 projects[3])
{
  g_autoptr(GError) error = NULL;
  JpDatabase *db = jp_test_open_memory (TRUE);
  JpStore *store = JP_STORE (db);
  g_autoptr(JpItem) section = jp_store_find_numbered (store, JP_KIND_SECTION, "5.7");
  g_autoptr(GListModel) list = jp_store_get_children (store, section, JP_KIND_MASK (JP_KIND_PROJECT));
  const JpStatus statuses[] = { JP_STATUS_DONE, JP_STATUS_POSTPONED, JP_STATUS_DROPPED };

  g_assert_cmpuint (g_list_model_get_n_items (list), >=, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JpItem) project = g_list_model_get_item (list, i);

      projects[i] = jp_item_get_id (project);
      g_assert_true (jp_store_set_status (store, project, statuses[i], &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(JpItem) first = jp_store_lookup (store, projects[0]);
    g_autoptr(JpItem) second = NULL;

    g_assert_true (jp_store_set_text (store, first, JP_TEXT_PROGRESS, JP_LANG_NL, nl_note, &error));
    g_clear_object (&first);
    first = jp_store_lookup (store, projects[0]);
    g_assert_true (jp_store_set_text (store, first, JP_TEXT_PROGRESS, JP_LANG_FR, fr_note, &error));
    second = jp_store_lookup (store, projects[1]);
    g_assert_true (jp_store_set_text (store, second, JP_TEXT_PROGRESS, JP_LANG_FR, fr_only, &error));
    g_assert_no_error (error);
  }
  return db;
}

/* The counts, against the store's own lists: each area's projects by
 * status, the projects of sections serving none, and the total, which
 * counts each project once. */
static void
test_counts (void)
{
  gint64 projects[3];
  g_autoptr(JpDatabase) db = open_plan (projects);
  JpStore *store = JP_STORE (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpReport) report = jp_report_new (store, &error);
  g_autoptr(JpItem) root = jp_store_get_root (store);
  g_autoptr(GListModel) chapters = jp_store_get_children (store, root, JP_KIND_MASK (JP_KIND_CHAPTER));
  guint expected[9][JP_REPORT_N_STATUSES] = { { 0, } };
  guint n_projects = 0, sum_areas = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (report->areas->len, ==, 7);
  g_assert_cmpstr (report->year, ==, "2013");
  for (guint c = 0; c < g_list_model_get_n_items (chapters); c++)
    {
      g_autoptr(JpItem) chapter = g_list_model_get_item (chapters, c);
      g_autoptr(GListModel) sections = jp_store_get_children (store, chapter, JP_KIND_MASK (JP_KIND_SECTION));

      for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
        {
          g_autoptr(JpItem) section = g_list_model_get_item (sections, s);
          g_autoptr(GListModel) areas = jp_store_get_section_areas (store, section);
          g_autoptr(GListModel) list = jp_store_get_children (store, section, JP_KIND_MASK (JP_KIND_PROJECT));

          for (guint p = 0; p < g_list_model_get_n_items (list); p++)
            {
              g_autoptr(JpItem) project = g_list_model_get_item (list, p);
              JpStatus status = jp_item_get_status (project);

              for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
                {
                  g_autoptr(JpItem) area = g_list_model_get_item (areas, a);
                  guint64 number = 0;

                  g_assert_true (g_ascii_string_to_unsigned (jp_item_get_field (area, JP_FIELD_NUMBER), 10, 1, 7,
                                                             &number, NULL));
                  expected[number - 1][status]++;
                }
              if (g_list_model_get_n_items (areas) == 0)
                expected[7][status]++;
              expected[8][status]++;
              n_projects++;
            }
        }
    }
  for (guint row = 0; row < 9; row++)
    for (guint s = 0; s < JP_REPORT_N_STATUSES; s++)
      g_assert_cmpuint (jp_report_get_count (report, row, s), ==, expected[row][s]);
  for (guint row = 0; row < 8; row++)
    sum_areas += jp_report_get_count (report, row, JP_REPORT_N_STATUSES);

  g_assert_cmpuint (report->entries->len, ==, n_projects);
  g_assert_cmpuint (n_projects, ==, 119);
  g_assert_cmpuint (jp_report_get_count (report, JP_REPORT_ROW_TOTAL (report), JP_REPORT_N_STATUSES), ==, 119);
  /* Sections serving two areas count their projects twice. */
  g_assert_cmpuint (sum_areas, >, 119);
  g_assert_cmpuint (jp_report_get_count (report, JP_REPORT_ROW_NO_AREA (report), JP_REPORT_N_STATUSES), >, 0);
  /* 5.7 serves area 7 (fraud prevention). */
  g_assert_cmpuint (jp_report_get_count (report, JP_REPORT_ROW_TOTAL (report), JP_STATUS_DONE), ==, 1);
  g_assert_cmpuint (jp_report_get_count (report, JP_REPORT_ROW_TOTAL (report), JP_STATUS_POSTPONED), ==, 1);
  g_assert_cmpuint (jp_report_get_count (report, JP_REPORT_ROW_TOTAL (report), JP_STATUS_DROPPED), ==, 1);
  g_assert_cmpuint (jp_report_get_count (report, 6, JP_STATUS_DONE), ==, 1);
  g_assert_cmpuint (jp_report_get_count (report, 0, JP_STATUS_DONE), ==, 0);
}

static JpPublication *
build (JpDatabase *db,
       JpLang      lang)
{
  g_autoptr(GError) error = NULL;
  JpPublicationOptions options = { 0, lang, FALSE, NULL, NULL, TRUE };
  JpPublication *pub = jp_publication_new (JP_STORE (db), &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pub);
  return pub;
}

static const JpBlock *
find_kind (JpPublication *pub,
           JpBlockKind    kind)
{
  for (guint i = 0; i < pub->blocks->len; i++)
    if (((JpBlock *) pub->blocks->pdata[i])->kind == kind)
      return pub->blocks->pdata[i];
  return NULL;
}

/* Each project once, with its status word and, under it, its note in
 * the report's language, the other language's marked, or the words for
 * none; the summary's cells are the counts. */
static void
check_publication (JpLang lang)
{
  gint64 projects[3];
  g_autoptr(JpDatabase) db = open_plan (projects);
  g_autoptr(JpPublication) pub = build (db, lang);
  g_autoptr(JpReport) report = jp_report_new (JP_STORE (db), NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *title = g_strdup_printf (jp_i18n_translate (lang, "report", "Annual Report %s"), "2013");
  const JpBlock *table = find_kind (pub, JP_BLOCK_TABLE);
  const char *done = lang == JP_LANG_FR ? "Achevé" : "Afgerond";
  guint columns;

  g_assert_cmpstr (pub->title, ==, title);
  g_assert_cmpstr (pub->footer, ==, title);
  g_assert_cmpstr (pub->reference, ==, lang == JP_LANG_FR ? "Secrétariat général du Benelux" : "Secretariaat-Generaal van de Benelux");
  g_assert_cmpint (((JpBlock *) pub->blocks->pdata[0])->kind, ==, JP_BLOCK_TITLE_PAGE);
  g_assert_cmpint (((JpBlock *) pub->blocks->pdata[1])->kind, ==, JP_BLOCK_CONTENTS);
  g_assert_cmpstr (((JpBlock *) pub->blocks->pdata[1])->text, ==, lang == JP_LANG_FR ? "Table des matières" : "Inhoud");

  /* The summary: a heading row, the seven areas, no area, the total. */
  g_assert_nonnull (table);
  columns = table->columns;
  g_assert_cmpuint (columns, ==, JP_REPORT_N_STATUSES + 2);
  g_assert_cmpuint (table->cells->len, ==, columns * 10);
  g_assert_cmpstr (table->cells->pdata[JP_STATUS_DONE + 1], ==, done);
  g_assert_cmpstr (table->cells->pdata[JP_STATUS_IN_PROGRESS + 1], ==, lang == JP_LANG_FR ? "Entamé" : "In uitvoering");
  g_assert_cmpstr (table->cells->pdata[columns], ==, lang == JP_LANG_FR ? "1 Énergie" : "1 Energie");
  for (guint row = 1; row < 10; row++)
    for (guint s = 0; s <= JP_REPORT_N_STATUSES; s++)
      {
        g_autofree char *want = g_strdup_printf ("%u", jp_report_get_count (report, row - 1, s));

        g_assert_cmpstr (table->cells->pdata[row * columns + s + 1], ==, want);
      }
  g_assert_cmpstr (table->cells->pdata[9 * columns + columns - 1], ==, "119");

  for (guint i = 0; i < pub->blocks->len; i++)
    {
      const JpBlock *block = pub->blocks->pdata[i];
      const JpBlock *progress;

      if (block->kind != JP_BLOCK_LIST_ITEM)
        continue;
      g_assert_false (g_hash_table_contains (seen, &block->item));
      g_hash_table_add (seen, (gpointer) &block->item);
      g_assert_nonnull (block->status);
      g_assert_cmpuint (i + 1, <, pub->blocks->len);
      progress = pub->blocks->pdata[i + 1];
      g_assert_cmpint (progress->kind, ==, JP_BLOCK_PROGRESS);
      g_assert_cmpint (progress->item, ==, block->item);
      if (block->item == projects[0])
        {
          g_assert_cmpstr (block->status, ==, done);
          g_assert_cmpstr (progress->text, ==, lang == JP_LANG_FR ? fr_note : nl_note);
          g_assert_false (progress->fallback);
          g_assert_nonnull (progress->date);
        }
      else if (block->item == projects[1])
        {
          g_assert_cmpstr (block->status, ==, lang == JP_LANG_FR ? "Reporté" : "Uitgesteld");
          g_assert_cmpstr (progress->text, ==, fr_only);
          /* A Dutch report marks the French note; a French one does not. */
          g_assert_cmpint (progress->fallback, ==, lang == JP_LANG_NL);
          g_assert_cmpint (progress->lang, ==, JP_LANG_FR);
        }
      else
        {
          g_assert_true (progress->dim);
          g_assert_cmpstr (progress->text, ==, jp_i18n_translate (lang, "report", "No progress reported"));
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 119);
  g_assert_cmpint (pub->has_fallback, ==, lang == JP_LANG_NL);
}

static void
test_publication_nl (void)
{
  check_publication (JP_LANG_NL);
}

static void
test_publication_fr (void)
{
  check_publication (JP_LANG_FR);
}

/* Laid out: all within the page, the summary's cells side by side
 * without touching, the summary on one page, a project on the page of
 * its note, no heading last on a page, the footer naming the report. */
static void
test_layout (void)
{
  gint64 projects[3];
  g_autoptr(JpDatabase) db = open_plan (projects);
  g_autoptr(JpPublication) pub = build (db, JP_LANG_FR);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(JpPublicationLayout) layout = NULL;
  guint n_boxes, n_pieces, n_pages, table_page = G_MAXUINT;
  const JpContactsBox *boxes;
  const JpPublicationPiece *pieces;
  g_autofree char *footer = NULL;
  g_autofree char *want = NULL;

  pango_cairo_context_set_resolution (context, 72);
  layout = jp_publication_layout_new (pub, db, context, WIDTH, HEIGHT);
  g_object_unref (context);
  n_pages = jp_publication_layout_get_n_pages (layout);
  boxes = jp_publication_layout_get_boxes (layout, &n_boxes);
  pieces = jp_publication_layout_get_pieces (layout, &n_pieces);
  for (guint i = 0; i < n_boxes; i++)
    {
      const JpContactsBox *b = &boxes[i];

      if (b->x < 0 || b->y < 0 || b->x + b->width > WIDTH + 0.01 || b->y + b->height > HEIGHT + 0.01 ||
          b->page >= n_pages)
        g_error ("box %u (page %u) at %.2f,%.2f %.2f×%.2f is outside the page", i, b->page, b->x, b->y,
                 b->width, b->height);
      /* Boxes on one line of the page never overlap. */
      for (guint j = i + 1; j < n_boxes; j++)
        {
          const JpContactsBox *o = &boxes[j];

          if (o->page == b->page && o->x < b->x + b->width - 0.5 && b->x < o->x + o->width - 0.5 &&
              o->y < b->y + b->height - 0.5 && b->y < o->y + o->height - 0.5)
            g_error ("boxes %u and %u overlap on page %u at %.1f,%.1f", i, j, b->page + 1, b->x, b->y);
        }
    }
  for (guint i = 0; i < n_pieces; i++)
    {
      const JpBlock *block = pub->blocks->pdata[pieces[i].block];

      if (block->kind == JP_BLOCK_TABLE)
        {
          if (table_page == G_MAXUINT)
            table_page = pieces[i].page;
          g_assert_cmpuint (pieces[i].page, ==, table_page);
        }
      if (block->kind == JP_BLOCK_HEADING && i + 1 < n_pieces && pieces[i + 1].page != pieces[i].page)
        g_error ("heading “%s” is last on page %u", block->text, pieces[i].page + 1);
      if (block->kind == JP_BLOCK_PROGRESS && pieces[i].first_line == 0)
        g_assert_cmpuint (pieces[i - 1].page, ==, pieces[i].page);
    }
  g_assert_cmpuint (table_page, ==, 2);
  footer = jp_publication_layout_get_footer (layout, n_pages - 1);
  want = g_strdup_printf ("%s — Page %u sur %u", pub->title, n_pages, n_pages);
  g_assert_cmpstr (footer, ==, want);
}

/* The CSV reads the same report: a row per project after the header. */
static void
test_csv (void)
{
  gint64 projects[3];
  g_autoptr(JpDatabase) db = open_plan (projects);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = jp_report_csv_render (JP_STORE (db), JP_LANG_FR, &error);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_assert_nonnull (strstr (text, "Achevé"));
  g_assert_nonnull (strstr (text, fr_note));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 119 + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/counts", test_counts);
  g_test_add_func ("/report/publication/nl", test_publication_nl);
  g_test_add_func ("/report/publication/fr", test_publication_fr);
  g_test_add_func ("/report/layout", test_layout);
  g_test_add_func ("/report/csv", test_csv);
  return g_test_run ();
}
