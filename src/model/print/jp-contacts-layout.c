/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-contacts-layout"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "jp-i18n.h"
#include "model/print/jp-contacts-layout.h"

/* Typography, in points. */
#define FONT_TITLE    "Sans Bold 17"
#define FONT_DATE     "Sans 9.5"
#define FONT_HEADING  "Sans Bold 12"
#define FONT_SUBJECT  "Sans Bold 9.5"
#define FONT_PERSON   "Sans 9.5"
#define FONT_EXTRA    "Sans Italic 8"
#define FONT_FOOTER   "Sans 8"

#define BLOCK_GAP        18.0  /* between two teams */
#define SUBJECT_GAP       7.0  /* before a subject line */
#define PERSON_GAP        1.5  /* between two people */
#define HEADING_RULE_GAP  3.0
#define HEADING_AFTER     7.0
#define INDENT           12.0  /* people under their subject line */
#define GUTTER           12.0  /* between columns */
#define FOOTER_GAP       12.0
/* Text stays this far inside the printable area: some glyphs (a "J")
 * reach left of their origin. */
#define INSET             1.5

/* The Benelux blue of headings, and the greys of secondary text. */
#define COLOR_ACCENT 0.12, 0.27, 0.52
#define COLOR_TEXT   0.10, 0.10, 0.10
#define COLOR_DIM    0.40, 0.40, 0.40
#define COLOR_RULE   0.65, 0.65, 0.65

typedef enum {
  ROW_HEADING,
  ROW_SUBJECT,
  ROW_PERSON,
} RowKind;

enum { CELL_NAME, CELL_EMAIL, CELL_PHONE, CELL_EXTRA, N_CELLS };

typedef struct {
  RowKind      kind;
  PangoLayout *cells[N_CELLS];  /* heading and subject: cells[0] */
  double       space_before;
  double       height;
  gboolean     keep_with_next;
  guint        page;
  double       y;
} Row;

typedef struct {
  GPtrArray *rows;              /* Row*, owned */
  char      *title;
  double     height;
  guint      first_page;
  guint      last_page;
} Block;

struct _JpContactsLayout
{
  JpLang         lang;          /* of the teams' and subjects' titles */
  JpLang         words;         /* of the words and dates; JP_N_LANGS: the interface's */
  PangoContext *context;
  double        width;
  double        height;
  char         *date_text;
  gboolean      no_title;

  PangoLayout  *title;
  PangoLayout  *date;
  PangoLayout  *footer_date;
  double        header_height;
  double        footer_height;

  double        x_email;
  double        x_phone;
  double        w_name;
  double        w_email;
  double        w_phone;

  GPtrArray    *blocks;         /* Block*, owned */
  GPtrArray    *placed;         /* Row*: every row drawn, continuations too */
  GPtrArray    *continuations;  /* Row*, owned: repeated headings */
  GPtrArray    *footers;        /* PangoLayout*, one a page */
  GArray       *boxes;          /* JpContactsBox */
  guint         n_pages;
};

static void
row_free (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < N_CELLS; i++)
    g_clear_object (&row->cells[i]);
  g_free (row);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_ptr_array_unref (block->rows);
  g_free (block->title);
  g_free (block);
}

void
jp_contacts_layout_free (JpContactsLayout *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->context);
  g_clear_object (&self->title);
  g_clear_object (&self->date);
  g_clear_object (&self->footer_date);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->placed, g_ptr_array_unref);
  g_clear_pointer (&self->continuations, g_ptr_array_unref);
  g_clear_pointer (&self->footers, g_ptr_array_unref);
  g_clear_pointer (&self->boxes, g_array_unref);
  g_free (self->date_text);
  g_free (self);
}

/* Building the blocks --------------------------------------------------- */

static JpContactsLayout *layout_new (JpDatabase            *db,
                                     PangoContext          *context,
                                     double                 width,
                                     double                 height,
                                     JpContactsLayoutFlags  flags,
                                     GDateTime             *date,
                                     JpLang                 lang,
                                     JpLang                 words);

/* A message in the layout's language, or the interface's. */
static PangoLayout *
new_text (JpContactsLayout *self,
          const char       *font,
          const char       *text)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
text_height (PangoLayout *layout)
{
  int h;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static double
text_width (PangoLayout *layout)
{
  int w;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, &w, NULL);
  return (double) w / PANGO_SCALE;
}

static void
set_width (PangoLayout *layout,
           double       width)
{
  if (layout)
    pango_layout_set_width (layout, MAX (1, (int) (width * PANGO_SCALE)));
}

static char *
title_of (JpItem *item,
          JpLang  lang)
{
  return g_strdup (jp_item_get_display_text (item, JP_TEXT_TITLE, lang, NULL));
}

static Row *
new_person_row (JpContactsLayout *self,
                JpItem           *contact,
                JpLang            lang)
{
  Row *row = g_new0 (Row, 1);
  g_autofree char *validity = jp_contacts_format_validity_in (contact, self->words);
  const char *note = jp_item_get_display_text (contact, JP_TEXT_NOTE, lang, NULL);
  const char *email = jp_item_get_field (contact, JP_FIELD_EMAIL);
  const char *phone = jp_item_get_field (contact, JP_FIELD_PHONE);
  g_autoptr(GString) extra = g_string_new (NULL);

  row->kind = ROW_PERSON;
  row->space_before = PERSON_GAP;
  row->cells[CELL_NAME] = new_text (self, FONT_PERSON, jp_item_get_field (contact, JP_FIELD_PERSON));
  if (email && *email)
    row->cells[CELL_EMAIL] = new_text (self, FONT_PERSON, email);
  if (phone && *phone)
    {
      /* Translators: before a phone number, as in "T. +32 (0)2 519 38 65". */
      g_autofree char *text = g_strdup_printf (jp_i18n_translate (self->words, NULL, N_("T. %s")), phone);
      row->cells[CELL_PHONE] = new_text (self, FONT_PERSON, text);
    }
  if (validity)
    g_string_append (extra, validity);
  if (note && *note)
    {
      if (extra->len)
        g_string_append (extra, " · ");
      g_string_append (extra, note);
    }
  if (extra->len)
    row->cells[CELL_EXTRA] = new_text (self, FONT_EXTRA, extra->str);
  return row;
}

static Block *
new_block (JpContactsLayout      *self,
           JpDatabase            *db,
           JpItem                *team,
           JpContactsLayoutFlags  flags,
           const char            *today)
{
  JpLang lang = self->lang;
  g_autoptr(GListModel) subjects = jp_database_get_children (db, team, JP_KIND_MASK (JP_KIND_SUBJECT));
  Block *block = g_new0 (Block, 1);
  Row *heading = g_new0 (Row, 1);

  block->rows = g_ptr_array_new_with_free_func (row_free);
  block->title = title_of (team, lang);
  heading->kind = ROW_HEADING;
  heading->keep_with_next = TRUE;
  heading->cells[0] = new_text (self, FONT_HEADING, block->title);
  g_ptr_array_add (block->rows, heading);

  for (guint s = 0; s < g_list_model_get_n_items (subjects); s++)
    {
      g_autoptr(JpItem) subject = g_list_model_get_item (subjects, s);
      g_autoptr(GListModel) contacts = jp_database_get_children (db, subject, JP_KIND_MASK (JP_KIND_CONTACT));
      guint n_contacts = g_list_model_get_n_items (contacts);
      g_autofree char *title = title_of (subject, lang);
      GPtrArray *people = g_ptr_array_new ();
      Row *row;

      for (guint c = 0; c < n_contacts; c++)
        {
          g_autoptr(JpItem) contact = g_list_model_get_item (contacts, c);

          if ((flags & JP_CONTACTS_LAYOUT_VALID_ONLY) && !jp_contacts_is_valid_on (contact, today))
            continue;
          g_ptr_array_add (people, new_person_row (self, contact, lang));
        }
      /* A subject line whose people are all out of date is left out; one
       * with nobody yet (a vacancy) is shown. */
      if (people->len == 0 && n_contacts > 0)
        {
          g_ptr_array_unref (people);
          continue;
        }
      row = g_new0 (Row, 1);
      row->kind = ROW_SUBJECT;
      row->space_before = SUBJECT_GAP;
      row->keep_with_next = people->len > 0;
      row->cells[0] = new_text (self, FONT_SUBJECT, title);
      g_ptr_array_add (block->rows, row);
      for (guint p = 0; p < people->len; p++)
        g_ptr_array_add (block->rows, people->pdata[p]);
      g_ptr_array_unref (people);
    }
  /* The first subject line sits right under the heading's rule. */
  if (block->rows->len > 1)
    ((Row *) block->rows->pdata[1])->space_before = 0;
  return block;
}

/* The columns: phone numbers and e-mail addresses take what they need (up
 * to a share of the width); names take the rest and wrap. */
static void
set_columns (JpContactsLayout *self)
{
  double avail = self->width - INDENT;
  double max_email = 0, max_phone = 0;

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = self->blocks->pdata[b];

      for (guint r = 0; r < block->rows->len; r++)
        {
          Row *row = block->rows->pdata[r];

          if (row->kind != ROW_PERSON)
            continue;
          max_email = MAX (max_email, text_width (row->cells[CELL_EMAIL]));
          max_phone = MAX (max_phone, text_width (row->cells[CELL_PHONE]));
        }
    }
  self->w_phone = MIN (max_phone, 0.26 * avail);
  self->w_email = MIN (max_email, 0.42 * avail);
  self->w_name = avail - self->w_email - self->w_phone - 2 * GUTTER;
  if (self->w_name < 0.28 * avail)
    {
      self->w_email -= 0.28 * avail - self->w_name;
      self->w_name = 0.28 * avail;
    }
  self->x_email = INDENT + self->w_name + GUTTER;
  self->x_phone = self->width - self->w_phone;
}

static void
measure_rows (JpContactsLayout *self)
{
  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = self->blocks->pdata[b];

      block->height = 0;
      for (guint r = 0; r < block->rows->len; r++)
        {
          Row *row = block->rows->pdata[r];

          switch (row->kind)
            {
            case ROW_HEADING:
              set_width (row->cells[0], self->width);
              row->height = text_height (row->cells[0]) + HEADING_RULE_GAP + HEADING_AFTER;
              break;
            case ROW_SUBJECT:
              set_width (row->cells[0], self->width);
              row->height = text_height (row->cells[0]) + 1.5;
              break;
            case ROW_PERSON:
            default:
              set_width (row->cells[CELL_NAME], self->w_name);
              set_width (row->cells[CELL_EMAIL], self->w_email);
              set_width (row->cells[CELL_PHONE], self->w_phone);
              set_width (row->cells[CELL_EXTRA], self->w_name + GUTTER + self->w_email);
              row->height = MAX (text_height (row->cells[CELL_NAME]),
                                 MAX (text_height (row->cells[CELL_EMAIL]), text_height (row->cells[CELL_PHONE])));
              if (row->cells[CELL_EXTRA])
                row->height += 1 + text_height (row->cells[CELL_EXTRA]);
              break;
            }
          block->height += (r > 0 ? row->space_before : 0) + row->height;
        }
    }
}

/* Pagination ------------------------------------------------------------- */

static double
body_top (JpContactsLayout *self,
          guint             page)
{
  return page == 0 ? self->header_height : 0;
}

static double
body_bottom (JpContactsLayout *self)
{
  return self->height - self->footer_height;
}

double
jp_contacts_layout_get_body_height (JpContactsLayout *self,
                                    guint             page)
{
  g_return_val_if_fail (self != NULL, 0);
  return body_bottom (self) - body_top (self, page);
}

/* The height of row @i with the rows it must not be parted from. */
static double
group_height (Block *block,
              guint  i,
              double space_before)
{
  Row *row = block->rows->pdata[i];
  double h = space_before + row->height;

  while (row->keep_with_next && i + 1 < block->rows->len)
    {
      row = block->rows->pdata[++i];
      h += row->space_before + row->height;
    }
  return h;
}

static Row *
continuation (JpContactsLayout *self,
              Block            *block)
{
  Row *row = g_new0 (Row, 1);
  /* Translators: a team's heading repeated on the next page. */
  g_autofree char *text = g_strdup_printf (jp_i18n_translate (self->words, "contacts", NC_("contacts", "%s (continued)")),
                                           block->title);

  row->kind = ROW_HEADING;
  row->cells[0] = new_text (self, FONT_HEADING, text);
  set_width (row->cells[0], self->width);
  row->height = text_height (row->cells[0]) + HEADING_RULE_GAP + HEADING_AFTER;
  g_ptr_array_add (self->continuations, row);
  return row;
}

static void
paginate (JpContactsLayout *self)
{
  guint page = 0;
  double y = body_top (self, 0);
  gboolean page_empty = TRUE;

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = self->blocks->pdata[b];
      double gap = page_empty ? 0 : BLOCK_GAP;
      gboolean fits_here = y + gap + block->height <= body_bottom (self);
      gboolean fits_fresh = block->height <= jp_contacts_layout_get_body_height (self, page + 1);

      if (!fits_here && !page_empty &&
          (fits_fresh || y + gap + group_height (block, 0, 0) > body_bottom (self)))
        {
          page++;
          y = body_top (self, page);
          page_empty = TRUE;
          gap = 0;
        }
      y += gap;
      block->first_page = page;

      for (guint r = 0; r < block->rows->len; r++)
        {
          Row *row = block->rows->pdata[r];
          double space = (r == 0 || page_empty) ? 0 : row->space_before;

          if (!page_empty && y + group_height (block, r, space) > body_bottom (self))
            {
              Row *cont = continuation (self, block);

              page++;
              y = body_top (self, page);
              cont->page = page;
              cont->y = y;
              g_ptr_array_add (self->placed, cont);
              y += cont->height;
              space = 0;
            }
          row->page = page;
          row->y = y + space;
          y = row->y + row->height;
          page_empty = FALSE;
          g_ptr_array_add (self->placed, row);
        }
      block->last_page = page;
    }
  self->n_pages = page + 1;
}

/* Boxes and footers ------------------------------------------------------ */

static void
add_box (JpContactsLayout *self,
         guint             page,
         PangoLayout      *layout,
         double            x,
         double            y)
{
  PangoRectangle ink, logical;
  JpContactsBox box;
  int x0, y0, x1, y1;

  if (layout == NULL)
    return;
  pango_layout_get_extents (layout, &ink, &logical);
  /* Both: ink may overhang the logical box (italics). */
  x0 = MIN (ink.x, logical.x);
  y0 = MIN (ink.y, logical.y);
  x1 = MAX (ink.x + ink.width, logical.x + logical.width);
  y1 = MAX (ink.y + ink.height, logical.y + logical.height);
  box.page = page;
  box.x = INSET + x + (double) x0 / PANGO_SCALE;
  box.y = y + (double) y0 / PANGO_SCALE;
  box.width = (double) (x1 - x0) / PANGO_SCALE;
  box.height = (double) (y1 - y0) / PANGO_SCALE;
  g_array_append_val (self->boxes, box);
}

static double
footer_text_y (JpContactsLayout *self,
               PangoLayout      *layout)
{
  return self->height - text_height (layout);
}

static void
make_footers (JpContactsLayout *self)
{
  for (guint p = 0; p < self->n_pages; p++)
    {
      /* Translators: the footer of every printed page. */
      g_autofree char *text = g_strdup_printf (jp_i18n_translate (self->words, NULL, N_("Page %u of %u")),
                                               p + 1, self->n_pages);
      PangoLayout *layout = new_text (self, FONT_FOOTER, text);

      g_ptr_array_add (self->footers, layout);
    }
}

static void
collect_boxes (JpContactsLayout *self)
{
  if (!self->no_title)
    {
      add_box (self, 0, self->title, 0, 0);
      add_box (self, 0, self->date, 0, text_height (self->title) + 3);
    }
  for (guint i = 0; i < self->placed->len; i++)
    {
      Row *row = self->placed->pdata[i];

      if (row->kind != ROW_PERSON)
        {
          add_box (self, row->page, row->cells[0], 0, row->y);
          continue;
        }
      add_box (self, row->page, row->cells[CELL_NAME], INDENT, row->y);
      add_box (self, row->page, row->cells[CELL_EMAIL], self->x_email, row->y);
      add_box (self, row->page, row->cells[CELL_PHONE], self->x_phone, row->y);
      add_box (self, row->page, row->cells[CELL_EXTRA], INDENT,
               row->y + row->height - text_height (row->cells[CELL_EXTRA]));
    }
  for (guint p = 0; p < self->n_pages && !self->no_title; p++)
    {
      PangoLayout *footer = self->footers->pdata[p];

      add_box (self, p, footer, self->width - text_width (footer), footer_text_y (self, footer));
      add_box (self, p, self->footer_date, 0, footer_text_y (self, footer));
    }
}

JpContactsLayout *
jp_contacts_layout_new (JpDatabase            *db,
                        PangoContext          *context,
                        double                 width,
                        double                 height,
                        JpContactsLayoutFlags  flags,
                        GDateTime             *date)
{
  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);

  return layout_new (db, context, width, height, flags, date,
                     jp_database_get_language (db), JP_N_LANGS);
}

JpContactsLayout *
jp_contacts_layout_new_in (JpDatabase            *db,
                           PangoContext          *context,
                           double                 width,
                           double                 height,
                           JpContactsLayoutFlags  flags,
                           GDateTime             *date,
                           JpLang                 lang)
{
  return layout_new (db, context, width, height, flags, date, lang, lang);
}

static JpContactsLayout *
layout_new (JpDatabase            *db,
            PangoContext          *context,
            double                 width,
            double                 height,
            JpContactsLayoutFlags  flags,
            GDateTime             *date,
            JpLang                 lang,
            JpLang                 words)
{
  JpContactsLayout *self;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autoptr(JpItem) root = NULL;
  g_autoptr(JpItem) contacts = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  cairo_font_options_t *options;

  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  /* Paper is not a screen: no hinting, so that what is measured is what
   * is printed, whatever the resolution. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  self = g_new0 (JpContactsLayout, 1);
  self->lang = lang;
  self->words = words;
  self->context = g_object_ref (context);
  self->width = width - 2 * INSET;
  self->height = height;
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->placed = g_ptr_array_new ();
  self->continuations = g_ptr_array_new_with_free_func (row_free);
  self->footers = g_ptr_array_new_with_free_func (g_object_unref);
  self->boxes = g_array_new (FALSE, FALSE, sizeof (JpContactsBox));

  now = date ? g_date_time_ref (date) : g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  self->date_text = jp_contacts_format_date_in (today, self->words);

  /* Translators: the title of the printed contacts page. */
  self->title = new_text (self, FONT_TITLE, jp_i18n_translate (self->words, NULL, N_("Contacts Benelux Secretariat-General")));
  set_width (self->title, self->width);
  self->date = new_text (self, FONT_DATE, self->date_text);
  set_width (self->date, self->width);
  self->footer_date = new_text (self, FONT_FOOTER, self->date_text);
  set_width (self->footer_date, self->width / 2);
  self->header_height = text_height (self->title) + 3 + text_height (self->date) + 7 + 1.2 + 16;
  probe = new_text (self, FONT_FOOTER, "Page 0 of 0");
  self->footer_height = FOOTER_GAP + text_height (probe) + 5;
  self->no_title = (flags & JP_CONTACTS_LAYOUT_NO_TITLE) != 0;
  if (self->no_title)
    self->footer_height = 0;

  root = jp_database_get_root (db);
  contacts = root ? jp_database_find_child (db, root, JP_KIND_CONTACTS) : NULL;
  if (contacts)
    {
      g_autoptr(GListModel) teams = jp_database_get_children (db, contacts, JP_KIND_MASK (JP_KIND_TEAM));

      for (guint t = 0; t < g_list_model_get_n_items (teams); t++)
        {
          g_autoptr(JpItem) team = g_list_model_get_item (teams, t);
          Block *block = new_block (self, db, team, flags, today);

          /* A team with nobody valid left is not printed. */
          if (block->rows->len > 1 || !(flags & JP_CONTACTS_LAYOUT_VALID_ONLY))
            g_ptr_array_add (self->blocks, block);
          else
            block_free (block);
        }
    }

  set_columns (self);
  measure_rows (self);
  paginate (self);
  make_footers (self);
  collect_boxes (self);
  return self;
}

/* Drawing ---------------------------------------------------------------- */

static void
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  if (layout == NULL)
    return;
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* A rule across the whole printable area. */
static void
rule (JpContactsLayout *self,
      cairo_t          *cr,
      double            y,
      double            line_width)
{
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, -INSET, y + line_width / 2);
  cairo_line_to (cr, self->width + INSET, y + line_width / 2);
  cairo_stroke (cr);
}

static void
draw_row (JpContactsLayout *self,
          cairo_t          *cr,
          Row              *row)
{
  double h;

  switch (row->kind)
    {
    case ROW_HEADING:
      h = text_height (row->cells[0]);
      cairo_set_source_rgb (cr, COLOR_ACCENT);
      show (cr, row->cells[0], 0, row->y);
      cairo_set_source_rgb (cr, COLOR_RULE);
      rule (self, cr, row->y + h + HEADING_RULE_GAP - 0.75, 0.75);
      break;
    case ROW_SUBJECT:
      cairo_set_source_rgb (cr, COLOR_TEXT);
      show (cr, row->cells[0], 0, row->y);
      break;
    case ROW_PERSON:
    default:
      cairo_set_source_rgb (cr, COLOR_TEXT);
      show (cr, row->cells[CELL_NAME], INDENT, row->y);
      show (cr, row->cells[CELL_EMAIL], self->x_email, row->y);
      show (cr, row->cells[CELL_PHONE], self->x_phone, row->y);
      cairo_set_source_rgb (cr, COLOR_DIM);
      show (cr, row->cells[CELL_EXTRA], INDENT,
            row->y + row->height - text_height (row->cells[CELL_EXTRA]));
      break;
    }
}

void
jp_contacts_layout_draw_page (JpContactsLayout *self,
                              cairo_t          *cr,
                              guint             page)
{
  PangoLayout *footer;
  double y;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  cairo_translate (cr, INSET, 0);
  if (page == 0 && !self->no_title)
    {
      cairo_set_source_rgb (cr, COLOR_ACCENT);
      show (cr, self->title, 0, 0);
      y = text_height (self->title) + 3;
      cairo_set_source_rgb (cr, COLOR_DIM);
      show (cr, self->date, 0, y);
      y += text_height (self->date) + 7;
      cairo_set_source_rgb (cr, COLOR_ACCENT);
      rule (self, cr, y, 1.2);
    }

  for (guint i = 0; i < self->placed->len; i++)
    {
      Row *row = self->placed->pdata[i];

      if (row->page == page)
        draw_row (self, cr, row);
    }

  if (self->no_title)
    {
      cairo_restore (cr);
      return;
    }
  footer = self->footers->pdata[page];
  y = footer_text_y (self, footer);
  cairo_set_source_rgb (cr, COLOR_RULE);
  rule (self, cr, y - 4.5, 0.5);
  cairo_set_source_rgb (cr, COLOR_DIM);
  show (cr, footer, self->width - text_width (footer), y);
  show (cr, self->footer_date, 0, y);
  cairo_restore (cr);
}

/* Checks ----------------------------------------------------------------- */

guint
jp_contacts_layout_get_n_pages (JpContactsLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

guint
jp_contacts_layout_get_n_blocks (JpContactsLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->blocks->len;
}

void
jp_contacts_layout_get_block (JpContactsLayout *self,
                              guint             block,
                              guint            *first_page,
                              guint            *last_page,
                              double           *height)
{
  Block *b;

  g_return_if_fail (self != NULL);
  g_return_if_fail (block < self->blocks->len);

  b = self->blocks->pdata[block];
  if (first_page)
    *first_page = b->first_page;
  if (last_page)
    *last_page = b->last_page;
  if (height)
    *height = b->height;
}

const JpContactsBox *
jp_contacts_layout_get_boxes (JpContactsLayout *self,
                              guint            *n_boxes)
{
  g_return_val_if_fail (self != NULL, NULL);
  *n_boxes = self->boxes->len;
  return (const JpContactsBox *) (gpointer) self->boxes->data;
}

char *
jp_contacts_layout_get_footer (JpContactsLayout *self,
                               guint             page)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (page < self->n_pages, NULL);
  return g_strdup (pango_layout_get_text (self->footers->pdata[page]));
}
