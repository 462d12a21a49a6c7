/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "jp-test-util.h"
#include "model/print/jp-contacts-layout.h"
#include "model/print/jp-contacts-pdf.h"
#include "model/store/jp-database.h"

/* The printable area of A4 with the PDF export's margins. */
#define WIDTH  481.89
#define HEIGHT 739.84

typedef struct {
  char         *dir;
  JpDatabase   *db;
  PangoContext *context;
} Fixture;

static PangoContext *new_context (void);

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("jaarplan-contacts-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "plan.db", NULL);
  if (GPOINTER_TO_INT (data))
    f->db = jp_test_open_seeded (path, JP_DATABASE_OPEN_DEFAULT);
  else
    f->db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->context = new_context ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  g_clear_object (&f->context);
  jp_test_remove_dir (f->dir);
  g_free (f->dir);
}

static PangoContext *
new_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  pango_cairo_context_set_resolution (context, 72);
  return context;
}

static JpItem *
add (JpDatabase *db,
     JpItem     *parent,
     JpKind      kind)
{
  g_autoptr(GError) error = NULL;
  JpItem *item = jp_database_add_item (db, parent, kind, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

static void
set_field (JpDatabase *db,
           JpItem     *item,
           JpField     field,
           const char *value)
{
  g_autoptr(GError) error = NULL;

  jp_database_set_field (db, item, field, value, &error);
  g_assert_no_error (error);
}

static void
set_title (JpDatabase *db,
           JpItem     *item,
           const char *value)
{
  g_autoptr(GError) error = NULL;

  jp_database_set_text (db, item, JP_TEXT_TITLE, JP_LANG_NL, value, &error);
  g_assert_no_error (error);
}

static JpItem *
get_contacts (JpDatabase *db)
{
  g_autoptr(JpItem) root = jp_database_get_root (db);
  JpItem *contacts = jp_database_find_child (db, root, JP_KIND_CONTACTS);

  return contacts ? contacts : add (db, root, JP_KIND_CONTACTS);
}

/* Calls @func for every contact of the plan. */
static void
foreach_contact (JpDatabase *db,
                 GFunc       func,
                 gpointer    data)
{
  g_autoptr(JpItem) contacts = get_contacts (db);
  g_autoptr(GListModel) teams = jp_database_get_children (db, contacts, JP_KIND_MASK (JP_KIND_TEAM));

  for (guint t = 0; t < g_list_model_get_n_items (teams); t++)
    {
      g_autoptr(JpItem) team = g_list_model_get_item (teams, t);
      g_autoptr(GListModel) subjects = jp_database_get_children (db, team, JP_KIND_MASK (JP_KIND_SUBJECT));

      for (guint s = 0; s < g_list_model_get_n_items (subjects); s++)
        {
          g_autoptr(JpItem) subject = g_list_model_get_item (subjects, s);
          g_autoptr(GListModel) people = jp_database_get_children (db, subject, JP_KIND_MASK (JP_KIND_CONTACT));

          for (guint c = 0; c < g_list_model_get_n_items (people); c++)
            {
              g_autoptr(JpItem) contact = g_list_model_get_item (people, c);
              func (contact, data);
            }
        }
    }
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The text without spaces, line ends and hyphens: a long name or address
 * wraps onto two lines, and pdftotext joins a word broken at a hyphen. */
static char *
squeeze (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("[-\\s]+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, "", 0, NULL);
}

static void
assert_in_squeezed_text (gpointer item,
                         gpointer text)
{
  g_autofree char *person = squeeze (jp_item_get_field (item, JP_FIELD_PERSON));
  g_autofree char *email = squeeze (jp_item_get_field (item, JP_FIELD_EMAIL));

  if (strstr (text, person) == NULL)
    g_error ("“%s” is not in the PDF", person);
  if (strstr (text, email) == NULL)
    g_error ("“%s” is not in the PDF", email);
}

static void
assert_in_text (gpointer item,
                gpointer text)
{
  const char *person = jp_item_get_field (item, JP_FIELD_PERSON);
  const char *email = jp_item_get_field (item, JP_FIELD_EMAIL);

  if (person && strstr (text, person) == NULL)
    g_error ("“%s” is not in the PDF", person);
  if (email && strstr (text, email) == NULL)
    g_error ("“%s” is not in the PDF", email);
}

static void
count_contact (gpointer item,
               gpointer n)
{
  (*(guint *) n)++;
}

/* The command line writes the bundled plan's contacts: every name and
 * address, one title, a footer on every page. */
static void
test_cli_bundled (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (f->dir, "cli.db", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "contacts.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JpDatabase) db = NULL;
  g_auto(GStrv) pages = NULL;
  const char *argv[] = { g_getenv ("JAARPLAN_BIN"), "--database", db_path, "--export-contacts-pdf", pdf, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *expected_out = NULL;
  guint n_pages = 0, n_contacts = 0;
  int status;

  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_nonnull (argv[0]);
  /* A system that speaks neither Dutch nor French, and no language ever
   * chosen: the command line never asks, and speaks Dutch. */
  envp = g_environ_setenv (envp, "LC_ALL", "C", TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  /* This program compares the sources' English without catalogues; the
   * command line has them, as installed. */
  if (g_getenv ("JAARPLAN_TEST_LOCALEDIR"))
    envp = g_environ_setenv (envp, "JAARPLAN_LOCALEDIR", g_getenv ("JAARPLAN_TEST_LOCALEDIR"), TRUE);
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  db = jp_database_open (db_path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  foreach_contact (db, count_contact, &n_contacts);
  g_assert_cmpuint (n_contacts, ==, 30);

  text = jp_test_pdf_to_text (pdf);
  foreach_contact (db, assert_in_text, text);
  g_assert_cmpuint (count_occurrences (text, "Contacten Benelux Secretariaat-Generaal"), ==, 1);
  g_assert_null (strstr (text, "Contacts Benelux Secretariat-General"));
  g_assert_nonnull (strstr (text, "Leden van het College"));
  /* Handed over on 1 March 2013: the leaving person's last day, the
   * coming one's first. */
  g_assert_nonnull (strstr (text, "28 februari 2013"));
  g_assert_null (strstr (text, "tot 1 maart 2013"));
  g_assert_nonnull (strstr (text, "vanaf 1 maart 2013"));

  /* pdftotext ends every page with a form feed. */
  pages = g_strsplit (text, "\f", -1);
  n_pages = g_strv_length (pages) - 1;
  g_assert_cmpuint (n_pages, >=, 2);
  expected_out = g_strdup_printf ("(%u pagina", n_pages);
  g_assert_nonnull (strstr (out, expected_out));
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *footer = g_strdup_printf ("Pagina %u van %u", p + 1, n_pages);
      g_assert_cmpuint (count_occurrences (pages[p], footer), ==, 1);
    }
}

/* Rendering in the test process: the file is replaced whole, and a
 * folder that does not exist gives an error and no file. */
static void
test_export_replace (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "missing", "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autofree char *contents = NULL;
  gsize length;
  guint n_pages = 0;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (jp_contacts_pdf_export (f->db, file, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 2);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 1000);
  g_assert_nonnull (g_strstr_len (contents + length - 8, 8, "%%EOF"));

  g_assert_false (jp_contacts_pdf_export (f->db, bad_file, &n_pages, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

static void
test_format_date (void)
{
  g_autofree char *a = jp_contacts_format_date ("2013-03-01");
  g_autofree char *b = jp_contacts_format_date ("2024-12-31");

  g_assert_cmpstr (a, ==, "1 March 2013");
  g_assert_cmpstr (b, ==, "31 December 2024");
  g_assert_null (jp_contacts_format_date ("2013-02-30"));
  g_assert_null (jp_contacts_format_date ("1 maart"));
  g_assert_null (jp_contacts_format_date (NULL));
}

/* Validity: "until" is exclusive, "from" inclusive; the validity texts;
 * and a layout for a date leaves out who is not valid then. */
static void
test_validity (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JpItem) contacts = get_contacts (f->db);
  g_autoptr(JpItem) team_a = add (f->db, contacts, JP_KIND_TEAM);
  g_autoptr(JpItem) team_b = add (f->db, contacts, JP_KIND_TEAM);
  g_autoptr(JpItem) subject_a = add (f->db, team_a, JP_KIND_SUBJECT);
  g_autoptr(JpItem) subject_b = add (f->db, team_b, JP_KIND_SUBJECT);
  g_autoptr(JpItem) leaving = add (f->db, subject_a, JP_KIND_CONTACT);
  g_autoptr(JpItem) coming = add (f->db, subject_b, JP_KIND_CONTACT);
  g_autoptr(JpItem) both = add (f->db, subject_b, JP_KIND_CONTACT);
  PangoContext *context = f->context;
  g_autoptr(GDateTime) june = g_date_time_new_local (2013, 6, 1, 12, 0, 0);
  g_autoptr(GDateTime) january = g_date_time_new_local (2013, 1, 15, 12, 0, 0);
  g_autoptr(JpContactsLayout) all = NULL;
  g_autoptr(JpContactsLayout) valid_june = NULL;
  g_autoptr(JpContactsLayout) valid_january = NULL;
  g_autofree char *text_leaving = NULL;
  g_autofree char *text_coming = NULL;
  g_autofree char *text_both = NULL;

  set_field (f->db, leaving, JP_FIELD_VALID_UNTIL, "2013-03-01");
  set_field (f->db, coming, JP_FIELD_VALID_FROM, "2013-03-01");
  set_field (f->db, both, JP_FIELD_VALID_FROM, "2013-03-01");
  set_field (f->db, both, JP_FIELD_VALID_UNTIL, "2013-07-01");

  g_assert_true (jp_contacts_is_valid_on (leaving, "2013-02-28"));
  g_assert_false (jp_contacts_is_valid_on (leaving, "2013-03-01"));
  g_assert_false (jp_contacts_is_valid_on (coming, "2013-02-28"));
  g_assert_true (jp_contacts_is_valid_on (coming, "2013-03-01"));
  g_assert_false (jp_contacts_is_valid_on (both, "2013-07-01"));

  text_leaving = jp_contacts_format_validity (leaving);
  text_coming = jp_contacts_format_validity (coming);
  text_both = jp_contacts_format_validity (both);
  /* The last valid day, included: no day is both the leaving and the
   * coming person's. */
  g_assert_cmpstr (text_leaving, ==, "through 28 February 2013");
  g_assert_cmpstr (text_coming, ==, "from 1 March 2013");
  g_assert_cmpstr (text_both, ==, "from 1 March 2013 through 30 June 2013");

  all = jp_contacts_layout_new (f->db, context, WIDTH, HEIGHT, JP_CONTACTS_LAYOUT_DEFAULT, june);
  valid_june = jp_contacts_layout_new (f->db, context, WIDTH, HEIGHT, JP_CONTACTS_LAYOUT_VALID_ONLY, june);
  valid_january = jp_contacts_layout_new (f->db, context, WIDTH, HEIGHT, JP_CONTACTS_LAYOUT_VALID_ONLY, january);
  g_assert_cmpuint (jp_contacts_layout_get_n_blocks (all), ==, 2);
  g_assert_cmpuint (jp_contacts_layout_get_n_blocks (valid_june), ==, 1);
  g_assert_cmpuint (jp_contacts_layout_get_n_blocks (valid_january), ==, 1);
}

static gboolean
boxes_overlap (const JpContactsBox *a,
               const JpContactsBox *b)
{
  const double eps = 0.01;

  return a->page == b->page &&
         a->x + eps < b->x + b->width && b->x + eps < a->x + a->width &&
         a->y + eps < b->y + b->height && b->y + eps < a->y + a->height;
}

/* The layout's promises, for any plan: pages in order, a team on one page
 * unless it is taller than a page, "Page n of N" on each, and everything
 * inside the printable area with nothing drawn over anything else. */
static void
assert_layout_sound (JpContactsLayout *layout,
                     guint            *n_split)
{
  guint n_pages = jp_contacts_layout_get_n_pages (layout);
  guint n_boxes, previous_last = 0;
  const JpContactsBox *boxes = jp_contacts_layout_get_boxes (layout, &n_boxes);

  *n_split = 0;
  for (guint b = 0; b < jp_contacts_layout_get_n_blocks (layout); b++)
    {
      guint first, last;
      double height;

      jp_contacts_layout_get_block (layout, b, &first, &last, &height);
      g_assert_cmpuint (first, >=, previous_last);
      g_assert_cmpuint (last, <, n_pages);
      if (height <= jp_contacts_layout_get_body_height (layout, 1))
        g_assert_cmpuint (first, ==, last);
      else
        {
          g_assert_cmpfloat (height, >, jp_contacts_layout_get_body_height (layout, first));
          (*n_split)++;
        }
      previous_last = last;
    }

  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *footer = jp_contacts_layout_get_footer (layout, p);
      g_autofree char *expected = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

      g_assert_cmpstr (footer, ==, expected);
    }

  g_assert_cmpuint (n_boxes, >, 0);
  for (guint i = 0; i < n_boxes; i++)
    {
      const JpContactsBox *box = &boxes[i];

      g_assert_cmpuint (box->page, <, n_pages);
      g_assert_cmpfloat (box->x, >=, 0);
      g_assert_cmpfloat (box->y, >=, 0);
      g_assert_cmpfloat (box->x + box->width, <=, WIDTH + 0.01);
      g_assert_cmpfloat (box->y + box->height, <=, HEIGHT + 0.01);
      for (guint j = i + 1; j < n_boxes && boxes[j].page <= box->page + 1; j++)
        if (boxes_overlap (box, &boxes[j]))
          g_error ("boxes %u and %u overlap on page %u", i, j, box->page + 1);
    }
}

static void
test_layout_bundled (Fixture       *f,
                     gconstpointer  data)
{
  PangoContext *context = f->context;
  g_autoptr(JpContactsLayout) layout = jp_contacts_layout_new (f->db, context, WIDTH, HEIGHT,
                                                               JP_CONTACTS_LAYOUT_DEFAULT, NULL);
  guint n_split;

  g_assert_cmpuint (jp_contacts_layout_get_n_blocks (layout), ==, 5);
  g_assert_cmpuint (jp_contacts_layout_get_n_pages (layout), ==, 2);
  assert_layout_sound (layout, &n_split);
  g_assert_cmpuint (n_split, ==, 0);
}

/* 500 people in 40 teams of very different sizes (one far taller than a
 * page), with long names and subject lines that must wrap. */
static void
fill_synthetic (JpDatabase *db)
{
  g_autoptr(JpItem) contacts = get_contacts (db);
  guint n = 0;

  for (guint t = 0; t < 40; t++)
    {
      g_autoptr(JpItem) team = add (db, contacts, JP_KIND_TEAM);
      g_autofree char *team_title = g_strdup_printf ("Team %u%s", t + 1,
                                                     t % 7 == 3 ? " voor grensoverschrijdende samenwerking op het gebied van "
                                                                  "ruimtelijke ordening, mobiliteit en duurzame ontwikkeling" : "");
      guint size = t == 5 ? 90 : (t == 20 ? 40 : 3 + (t * 7) % 11);

      set_title (db, team, team_title);
      for (guint i = 0; i < size && n < 500; i++)
        {
          g_autoptr(JpItem) subject = NULL;
          g_autoptr(JpItem) contact = NULL;
          g_autofree char *person = NULL;
          g_autofree char *email = NULL;
          g_autofree char *subject_title = NULL;

          subject_title = g_strdup_printf ("Onderwerp %u.%u%s", t + 1, i + 1,
                                           i % 5 == 2 ? " — voedselveiligheids-, diergezondheids- en dierenwelzijnsaangelegenheden "
                                                        "en consumentenbescherming in de Benelux en de aangrenzende regio’s" : "");
          subject = add (db, team, JP_KIND_SUBJECT);
          set_title (db, subject, subject_title);
          do
            {
              person = g_strdup_printf ("P%u. %s", n, n % 13 == 0 ? "Van den Hoogenband-Schellekens de la Vallée Poussin" : "Jansen");
              email = g_strdup_printf ("%s%u@benelux.int", n % 17 == 0 ? "vandenhoogenband." : "p", n);
              g_clear_object (&contact);
              contact = add (db, subject, JP_KIND_CONTACT);
              set_field (db, contact, JP_FIELD_PERSON, person);
              set_field (db, contact, JP_FIELD_EMAIL, email);
              if (n % 3 == 0)
                set_field (db, contact, JP_FIELD_PHONE, "+32 (0)2 519 38 00");
              if (n % 11 == 0)
                set_field (db, contact, JP_FIELD_VALID_UNTIL, "2013-03-01");
              n++;
              g_clear_pointer (&person, g_free);
              g_clear_pointer (&email, g_free);
            }
          while (n % 4 == 1 && n < 500);  /* some subject lines have two people */
        }
    }
  g_assert_cmpuint (n, ==, 500);
}

static void
test_layout_synthetic (Fixture       *f,
                       gconstpointer  data)
{
  PangoContext *context = f->context;
  g_autoptr(JpContactsLayout) layout = NULL;
  g_autofree char *path = g_build_filename (f->dir, "big.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdftotext = NULL;
  guint n_split, n_contacts = 0, n_pages = 0;

  fill_synthetic (f->db);
  foreach_contact (f->db, count_contact, &n_contacts);
  g_assert_cmpuint (n_contacts, ==, 500);

  layout = jp_contacts_layout_new (f->db, context, WIDTH, HEIGHT, JP_CONTACTS_LAYOUT_DEFAULT, NULL);
  g_assert_cmpuint (jp_contacts_layout_get_n_blocks (layout), ==, 40);
  g_assert_cmpuint (jp_contacts_layout_get_n_pages (layout), >, 10);
  assert_layout_sound (layout, &n_split);
  /* Team 6 has 90 people: it cannot fit on one page. */
  g_assert_cmpuint (n_split, >=, 1);

  g_assert_true (jp_contacts_pdf_export (f->db, file, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, jp_contacts_layout_get_n_pages (layout));
  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext)
    {
      g_autofree char *text = jp_test_pdf_to_text (path);
      g_autofree char *squeezed = squeeze (text);

      foreach_contact (f->db, assert_in_squeezed_text, squeezed);
    }
}

/* A narrow printable area (a small paper or wide margins) still fits
 * every column. */
static void
test_layout_narrow (Fixture       *f,
                    gconstpointer  data)
{
  PangoContext *context = f->context;
  g_autoptr(JpContactsLayout) layout = NULL;
  guint n_boxes;
  const JpContactsBox *boxes;

  layout = jp_contacts_layout_new (f->db, context, 260, 400, JP_CONTACTS_LAYOUT_DEFAULT, NULL);
  boxes = jp_contacts_layout_get_boxes (layout, &n_boxes);
  for (guint i = 0; i < n_boxes; i++)
    {
      g_assert_cmpfloat (boxes[i].x + boxes[i].width, <=, 260.01);
      g_assert_cmpfloat (boxes[i].y + boxes[i].height, <=, 400.01);
    }
  for (guint b = 0; b < jp_contacts_layout_get_n_blocks (layout); b++)
    {
      guint first, last;
      double height;

      jp_contacts_layout_get_block (layout, b, &first, &last, &height);
      if (height <= jp_contacts_layout_get_body_height (layout, 1))
        g_assert_cmpuint (first, ==, last);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contacts/format-date", test_format_date);
  g_test_add ("/contacts/validity", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_validity, fixture_tear_down);
  g_test_add ("/contacts/layout/bundled", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_layout_bundled, fixture_tear_down);
  g_test_add ("/contacts/layout/narrow", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_layout_narrow, fixture_tear_down);
  g_test_add ("/contacts/layout/synthetic", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_layout_synthetic, fixture_tear_down);
  g_test_add ("/contacts/pdf/replace", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_export_replace, fixture_tear_down);
  g_test_add ("/contacts/pdf/cli", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_cli_bundled, fixture_tear_down);

  return g_test_run ();
}
