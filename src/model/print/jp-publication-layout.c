/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-publication-layout"

#include "config.h"

#include <string.h>

#include <pango/pangocairo.h>

#include "model/print/jp-publication-layout-private.h"
#include "jp-i18n.h"

/* Typography, in points: the contacts page's family and colours. */
#define FONT_BRAND     "Sans Bold 30"
#define FONT_TITLE     "Sans Bold 24"
#define FONT_TITLE_SUB "Sans 12"
#define FONT_H1        "Sans Bold 16"
#define FONT_H1_INNER  "Sans Bold 14"
#define FONT_H2        "Sans Bold 12"
#define FONT_H3        "Sans Bold Italic 10"
#define FONT_BODY      "Sans 9.5"
#define FONT_NOTE      "Sans 8"
#define FONT_CODE      "Sans Bold 8.5"
#define FONT_GROUP     "Sans 9"
#define FONT_TOC_1     "Sans Bold 10"
#define FONT_TOC_2     "Sans 9.5"
#define FONT_HEADER    "Sans Italic 8"
#define FONT_FOOTER    "Sans 8"

#define NUMBER_W    36.0   /* the number column of headings and contents */
#define BULLET_W    12.0   /* from a bullet to its text */
#define DEPTH_W     16.0   /* one level of nesting */
#define CODE_GAP    10.0   /* between a group's code and its name */
#define HEADER_GAP  14.0
#define FOOTER_GAP  12.0
#define H1_RULE      6.0



static void
row_free (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->text);
  g_clear_object (&row->aside);
  g_clear_object (&row->page_number);
  g_clear_pointer (&row->tops, g_array_unref);
  g_clear_pointer (&row->cells, g_ptr_array_unref);
  g_clear_pointer (&row->cell_x, g_array_unref);
  g_free (row);
}

void
jp_publication_layout_free (JpPublicationLayout *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->context);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_pointer (&self->records, g_array_unref);
  g_clear_pointer (&self->boxes, g_array_unref);
  g_free (self->page_starts);
  g_clear_pointer (&self->footers, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_ptr_array_unref);
  g_clear_pointer (&self->title_y, g_array_unref);
  g_clear_object (&self->header);
  g_clear_pointer (&self->running, g_ptr_array_unref);
  g_clear_pointer (&self->contacts, jp_contacts_layout_free);
  g_free (self);
}

/* Texts ------------------------------------------------------------------- */

PangoLayout *
_jp_publication_layout_new_text (JpPublicationLayout *self,
                                 const char          *font,
                                 const char          *text,
                                 JpLang               lang,
                                 double               width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text ? text : "", -1);
  /* The language of the text, for its line breaks and glyphs. */
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string (jp_lang_to_string (lang))));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  if (width > 0)
    pango_layout_set_width (layout, MAX (1, (int) (width * PANGO_SCALE)));
  return layout;
}



static PangoLayout *
new_text (JpPublicationLayout *self,
          const char          *font,
          const char          *text,
          JpLang               lang,
          double               width)
{
  return _jp_publication_layout_new_text (self, font, text, lang, width);
}

/* The top of each line, then the bottom. */
static void
measure_lines (Row *row)
{
  PangoLayoutIter *iter = pango_layout_get_iter (row->text);
  double bottom;

  row->tops = g_array_new (FALSE, FALSE, sizeof (double));
  do
    {
      PangoRectangle logical;
      double top;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      g_array_append_val (row->tops, top);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  bottom = text_height (row->text);
  g_array_append_val (row->tops, bottom);
  row->height = MAX (bottom, text_height (row->aside));
}



/* Rows ---------------------------------------------------------------------- */

static Row *
add_row (JpPublicationLayout *self,
         guint                block,
         const char          *font,
         const char          *text,
         JpLang               lang,
         double               x,
         double               space_before)
{
  Row *row = g_new0 (Row, 1);

  row->kind = ROW_TEXT;
  row->block = block;
  row->x = x;
  row->width = MAX (40, self->width - x);
  row->space_before = space_before;
  row->text = new_text (self, font, text, lang, row->width);
  g_ptr_array_add (self->rows, row);
  return row;
}

static Row *
add_heading (JpPublicationLayout *self,
             guint                index,
             const JpBlock       *block)
{
  static const char * const fonts[] = { FONT_H1, FONT_H1, FONT_H2, FONT_H3 };
  static const double spaces[] = { 20, 20, 16, 9 };
  guint level = CLAMP (block->level, 1, 3);
  g_autofree char *text = jp_publication_block_text (self->pub, block);
  double x = block->number && level < 3 ? NUMBER_W : 0;
  /* A part heading inside what started the page (the programme's
   * parts) is a step smaller and has no rule. */
  gboolean inner = level == 1 && !block->new_page;
  const char *font = inner ? FONT_H1_INNER : fonts[level];
  Row *row = add_row (self, index, font, text, block->lang, x, spaces[level]);

  if (x > 0)
    row->aside = new_text (self, font, block->number, block->lang, 0);
  row->keep_with_next = TRUE;
  row->new_page = block->new_page;
  row->ink = INK_ACCENT;
  measure_lines (row);
  if (level == 1 && !inner)
    {
      row->rule = row->height + 3;
      row->height += H1_RULE + 4;
    }
  return row;
}

static void
add_list_item (JpPublicationLayout *self,
               guint                index,
               const JpBlock       *block)
{
  static const char * const bullets[] = { "•", "–", "◦" };
  g_autofree char *text = jp_publication_block_text (self->pub, block);
  double indent = block->level * DEPTH_W;
  Row *row = add_row (self, index, FONT_BODY, text, block->lang, indent + BULLET_W, block->level ? 2 : 4);

  row->aside = new_text (self, FONT_BODY, bullets[MIN (block->level, 2)], block->lang, 0);
  row->aside_x = indent;
  if (block->status)
    {
      /* The status after the text, in grey italics, in the publication's
       * language. */
      g_auto(GStrv) words = g_strsplit (block->status, " ", -1);
      /* "[In uitvoering]" never broken between its words. */
      g_autofree char *status = g_strjoinv ("\u00a0", words);
      g_autofree char *with = g_strdup_printf ("%s  [%s]", text, status);
      PangoAttrList *attrs = pango_attr_list_copy (pango_layout_get_attributes (row->text));
      PangoAttribute *style = pango_attr_style_new (PANGO_STYLE_ITALIC);
      PangoAttribute *color = pango_attr_foreground_new (0x6666, 0x6666, 0x6666);

      style->start_index = color->start_index = strlen (text) + 2;
      pango_attr_list_insert (attrs, style);
      pango_attr_list_insert (attrs, color);
      pango_layout_set_text (row->text, with, -1);
      pango_layout_set_attributes (row->text, attrs);
      pango_attr_list_unref (attrs);
    }
  row->splittable = TRUE;
  measure_lines (row);
}

/* A project's progress note under it: in italics when it stands for
 * a missing note or is in the other language; the date of the note on a
 * line of its own, small and grey. */
static void
add_progress (JpPublicationLayout *self,
              guint                index,
              const JpBlock       *block)
{
  g_autofree char *text = jp_publication_block_text (self->pub, block);
  g_autofree char *with = block->date ? g_strdup_printf ("%s\n%s", text, block->date) : g_strdup (text);
  Row *row = add_row (self, index, FONT_BODY, with, block->lang, BULLET_W, 1.5);
  PangoAttrList *attrs = pango_attr_list_copy (pango_layout_get_attributes (row->text));

  if (block->dim || block->fallback)
    {
      PangoAttribute *style = pango_attr_style_new (PANGO_STYLE_ITALIC);

      style->end_index = strlen (text);
      pango_attr_list_insert (attrs, style);
    }
  if (block->dim)
    row->ink = INK_DIM;
  if (block->date)
    {
      PangoAttribute *size = pango_attr_size_new (8 * PANGO_SCALE);
      PangoAttribute *color = pango_attr_foreground_new (0x6666, 0x6666, 0x6666);

      size->start_index = color->start_index = strlen (text) + 1;
      pango_attr_list_insert (attrs, size);
      pango_attr_list_insert (attrs, color);
    }
  pango_layout_set_attributes (row->text, attrs);
  pango_attr_list_unref (attrs);
  row->splittable = TRUE;
  measure_lines (row);
}

static void
add_group (JpPublicationLayout *self,
           guint                index,
           const JpBlock       *block)
{
  g_autofree char *text = jp_publication_block_text (self->pub, block);
  double x = (self->code_width > 0 ? self->code_width + CODE_GAP : 0) + block->level * DEPTH_W;
  Row *row = add_row (self, index, FONT_GROUP, text, block->lang, x, 2.5);

  if (block->code)
    row->aside = new_text (self, FONT_CODE, block->code, block->lang, self->code_width);
  measure_lines (row);
}

static void
add_contents_line (JpPublicationLayout *self,
                   guint                contents,
                   guint                index,
                   const JpBlock       *heading,
                   guint                depth)
{
  g_autofree char *text = jp_publication_block_text (self->pub, heading);
  gboolean top = depth == 0;
  double x = depth * DEPTH_W + NUMBER_W;
  Row *row = g_new0 (Row, 1);

  row->kind = ROW_TOC;
  row->block = contents;
  row->target = index;
  row->x = x;
  row->width = self->width - x - PAGE_W - 12;
  row->space_before = top ? 4 : 0.5;
  row->aside_x = depth * DEPTH_W;
  row->text = new_text (self, top ? FONT_TOC_1 : FONT_TOC_2, text, heading->lang, row->width);
  if (heading->number)
    row->aside = new_text (self, top ? FONT_TOC_1 : FONT_TOC_2, heading->number, heading->lang, 0);
  row->page_number = new_text (self, top ? FONT_TOC_1 : FONT_TOC_2, "", self->pub->lang, PAGE_W);
  pango_layout_set_alignment (row->page_number, PANGO_ALIGN_RIGHT);
  row->ink = top ? INK_ACCENT : INK_TEXT;
  g_ptr_array_add (self->rows, row);
  measure_lines (row);
}

static void
add_contents (JpPublicationLayout *self,
              guint                index,
              const JpBlock       *block)
{
  Row *row = add_row (self, index, FONT_H1, block->text, block->lang, 0, 0);
  gboolean under = FALSE;

  row->new_page = TRUE;
  row->keep_with_next = TRUE;
  row->ink = INK_ACCENT;
  measure_lines (row);
  row->rule = row->height + 3;
  row->height += H1_RULE + 4;
  for (guint i = 0; i < self->pub->blocks->len; i++)
    {
      const JpBlock *heading = self->pub->blocks->pdata[i];

      if (heading->kind != JP_BLOCK_HEADING || !heading->in_contents)
        continue;
      /* What follows an unnumbered part that starts a page (the
       * programme) is listed one step in, under it. */
      if (heading->new_page)
        {
          under = heading->number == NULL;
          add_contents_line (self, index, i, heading, 0);
        }
      else
        add_contents_line (self, index, i, heading, MIN (heading->level - 1 + under, 2));
    }
  /* The last line of the contents never alone on a page. */
  if (self->rows->len > 2 && ((Row *) self->rows->pdata[self->rows->len - 2])->kind == ROW_TOC)
    ((Row *) self->rows->pdata[self->rows->len - 2])->keep_with_next = TRUE;
}

/* The contacts page's own layout, its title's room taken by the
 * heading before it. */
static void
add_contacts (JpPublicationLayout *self,
              JpDatabase          *db,
              guint                index)
{
  Row *heading = self->rows->len ? self->rows->pdata[self->rows->len - 1] : NULL;
  double body = self->height - self->header_height - self->footer_height;
  double room, need = heading ? heading->height + 6 : 0;
  Row *row;

  self->contacts = jp_contacts_layout_new_in (db, self->context, self->width + 2 * INSET, body,
                                              JP_CONTACTS_LAYOUT_NO_TITLE, NULL, self->pub->lang);
  room = jp_contacts_layout_get_body_height (self->contacts, 1) - jp_contacts_layout_get_body_height (self->contacts, 0);
  self->contacts_shift = MAX (0, need - room);
  if (self->contacts_shift > 0)
    {
      jp_contacts_layout_free (self->contacts);
      self->contacts = jp_contacts_layout_new_in (db, self->context, self->width + 2 * INSET,
                                                  body - self->contacts_shift,
                                                  JP_CONTACTS_LAYOUT_NO_TITLE, NULL, self->pub->lang);
    }
  if (heading)
    heading->keep_with_next = FALSE;
  row = g_new0 (Row, 1);
  row->kind = ROW_CONTACTS;
  row->block = index;
  g_ptr_array_add (self->rows, row);
}

/* The code column of the groups from @first on: as wide as their widest
 * code, up to a third of the width. */
static double
code_width (JpPublicationLayout *self,
            guint                first)
{
  double widest = 0;

  for (guint i = first; i < self->pub->blocks->len; i++)
    {
      const JpBlock *block = self->pub->blocks->pdata[i];

      if (block->kind != JP_BLOCK_GROUP)
        break;
      if (block->code)
        {
          g_autoptr(PangoLayout) probe = new_text (self, FONT_CODE, block->code, block->lang, 0);

          widest = MAX (widest, text_width (probe));
        }
    }
  return MIN (widest, self->width / 3);
}

static void
build_rows (JpPublicationLayout *self,
            JpDatabase          *db)
{
  for (guint i = 0; i < self->pub->blocks->len; i++)
    {
      const JpBlock *block = self->pub->blocks->pdata[i];
      g_autofree char *text = jp_publication_block_text (self->pub, block);
      Row *row;

      switch (block->kind)
        {
        case JP_BLOCK_TITLE_PAGE:
          self->title_page = TRUE;
          break;
        case JP_BLOCK_CONTENTS:
          add_contents (self, i, block);
          break;
        case JP_BLOCK_HEADING:
          add_heading (self, i, block);
          break;
        case JP_BLOCK_PARAGRAPH:
          row = add_row (self, i, FONT_BODY, text, block->lang, 0, 6);
          row->splittable = TRUE;
          measure_lines (row);
          break;
        case JP_BLOCK_LINE:
          row = add_row (self, i, FONT_BODY, text, block->lang, DEPTH_W, 2);
          row->splittable = TRUE;
          measure_lines (row);
          break;
        case JP_BLOCK_LIST_ITEM:
          add_list_item (self, i, block);
          break;
        case JP_BLOCK_NOTE:
          row = add_row (self, i, FONT_NOTE, text, block->lang, block->level * DEPTH_W + BULLET_W, 2);
          row->ink = INK_DIM;
          row->splittable = TRUE;
          measure_lines (row);
          break;
        case JP_BLOCK_GROUP:
          if (i == 0 || ((JpBlock *) self->pub->blocks->pdata[i - 1])->kind != JP_BLOCK_GROUP)
            self->code_width = code_width (self, i);
          add_group (self, i, block);
          break;
        case JP_BLOCK_FALLBACK_NOTE:
          row = add_row (self, i, FONT_NOTE, text, block->lang, 0, 14);
          row->ink = INK_DIM;
          measure_lines (row);
          break;
        case JP_BLOCK_CONTACTS:
          if (db)
            add_contacts (self, db, i);
          break;
        case JP_BLOCK_TABLE:
          _jp_publication_table_add_rows (self, i, block);
          break;
        case JP_BLOCK_PROGRESS:
          add_progress (self, i, block);
          break;
        default:
          break;
        }
    }

  /* A list item that leads in its sub-items goes with the first one. */
  for (guint r = 0; r + 1 < self->rows->len; r++)
    {
      Row *row = self->rows->pdata[r];
      Row *next = self->rows->pdata[r + 1];
      const JpBlock *block = self->pub->blocks->pdata[row->block];
      const JpBlock *after = self->pub->blocks->pdata[next->block];

      if (row->kind == ROW_TEXT && next->kind == ROW_TEXT && block->kind == JP_BLOCK_LIST_ITEM &&
          (after->kind == JP_BLOCK_NOTE || after->kind == JP_BLOCK_PROGRESS ||
           (after->kind == JP_BLOCK_LIST_ITEM && after->level > block->level)))
        row->keep_with_next = TRUE;
    }
}

/* Pagination ---------------------------------------------------------------- */

static double
body_top (JpPublicationLayout *self,
          guint                page)
{
  return page == 0 && self->title_page ? 0 : self->header_height;
}

double
jp_publication_layout_get_body_bottom (JpPublicationLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height - self->footer_height;
}

/* What must fit below a row's top for it to start here: the row, or the
 * first two lines of a long one, and what it is kept with. */
static double
lead_height (JpPublicationLayout *self,
             guint                i)
{
  Row *row = self->rows->pdata[i];
  double h;

  if (row->kind == ROW_CONTACTS)
    return 0;
  if (row->splittable && n_lines (row) >= 4)
    h = line_top (row, 2);
  else
    h = row->height;
  if (row->keep_with_next && i + 1 < self->rows->len)
    {
      Row *next = self->rows->pdata[i + 1];

      if (!next->new_page && next->kind != ROW_CONTACTS)
        h = row->height + next->space_before + lead_height (self, i + 1);
    }
  return h;
}

static void
add_piece (JpPublicationLayout *self,
           Row                 *row,
           guint                page,
           double               y,
           guint                first,
           guint                n)
{
  Piece piece = { { row->block, page, y, 0, first, n, 0 }, row };

  if (row->tops)
    {
      piece.pub.height = first == 0 && first + n == n_lines (row)
        ? row->height : line_top (row, first + n) - line_top (row, first);
      piece.pub.total_lines = n_lines (row);
    }
  g_array_append_val (self->pieces, piece);
}

static void
paginate (JpPublicationLayout *self)
{
  double bottom = jp_publication_layout_get_body_bottom (self);
  guint page = self->title_page ? 1 : 0;
  double y = body_top (self, page);
  gboolean empty = TRUE;

#define NEW_PAGE() G_STMT_START { page++; y = body_top (self, page); empty = TRUE; } G_STMT_END

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];
      guint first = 0, total;
      double space;

      if (row->kind == ROW_CONTACTS)
        {
          guint n = jp_contacts_layout_get_n_pages (self->contacts);

          /* Under its heading, on the heading's page, then on its own pages. */
          for (guint p = 0; p < n; p++)
            add_piece (self, row, page + p, body_top (self, page + p) + (p == 0 ? self->contacts_shift : 0), 0, 0);
          page += n - 1;
          y = bottom;
          empty = FALSE;
          continue;
        }
      if (row->new_page && !empty)
        NEW_PAGE ();
      space = empty ? 0 : row->space_before;
      if (!empty && y + space + lead_height (self, i) > bottom)
        {
          NEW_PAGE ();
          space = 0;
        }
      y += space;
      total = row->tops ? n_lines (row) : 1;
      for (;;)
        {
          double rest = line_top (row, total) - line_top (row, first);
          guint fit = 0;

          if (first == 0)
            rest = row->height;
          if (y + rest <= bottom || !row->splittable || total - first < 4)
            {
              add_piece (self, row, page, y, first, total - first);
              y += rest;
              break;
            }
          while (first + fit < total && y + line_top (row, first + fit + 1) - line_top (row, first) <= bottom)
            fit++;
          /* Two lines at least on each side. */
          fit = MIN (fit, total - first - 2);
          if (fit < 2)
            {
              if (!empty)
                {
                  NEW_PAGE ();
                  continue;
                }
              fit = MAX (fit, 1);
            }
          add_piece (self, row, page, y, first, fit);
          first += fit;
          NEW_PAGE ();
        }
      empty = FALSE;
    }
  self->n_pages = page + 1;
#undef NEW_PAGE
}

/* The second pass: the contents' page numbers, once every heading has
 * its page. */
static void
fill_contents (JpPublicationLayout *self)
{
  g_autofree guint *pages = g_new (guint, self->pub->blocks->len);

  for (guint i = 0; i < self->pub->blocks->len; i++)
    pages[i] = G_MAXUINT;
  for (guint i = 0; i < self->pieces->len; i++)
    {
      Piece *piece = &g_array_index (self->pieces, Piece, i);

      if (pages[piece->pub.block] == G_MAXUINT)
        pages[piece->pub.block] = piece->pub.page;
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];
      g_autofree char *number = NULL;

      if (row->kind != ROW_TOC || pages[row->target] == G_MAXUINT)
        continue;
      number = g_strdup_printf ("%u", pages[row->target] + 1);
      pango_layout_set_text (row->page_number, number, -1);
    }
}

/* The title page: Benelux, the title, the reference; who addresses the
 * plan, at the foot. */
static void
build_title_page (JpPublicationLayout *self)
{
  JpPublication *pub = self->pub;
  struct { const char *font; const char *text; double gap; } parts[] = {
    { FONT_BRAND, "Benelux", 0 },
    { FONT_TITLE, pub->title, 14 },
    { FONT_TITLE, pub->year && !strstr (pub->title, pub->year) ? pub->year : NULL, 6 },
    { FONT_TITLE_SUB, pub->reference, 18 },
  };
  double y = self->height * 0.26;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      PangoLayout *layout;

      if (parts[i].text == NULL || *parts[i].text == '\0')
        continue;
      layout = new_text (self, parts[i].font, parts[i].text, pub->lang, self->width);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      y += parts[i].gap;
      g_ptr_array_add (self->title, layout);
      g_array_append_val (self->title_y, y);
      y += text_height (layout);
    }
  if (pub->addressee)
    {
      g_autofree char *text = pub->date_line
        ? g_strdup_printf ("%s\n%s", pub->addressee, pub->date_line) : g_strdup (pub->addressee);
      PangoLayout *layout = new_text (self, FONT_TITLE_SUB, text, pub->lang, self->width);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      y = jp_publication_layout_get_body_bottom (self) - text_height (layout) - 36;
      g_ptr_array_add (self->title, layout);
      g_array_append_val (self->title_y, y);
    }
}

/* Boxes ---------------------------------------------------------------------- */

void
_jp_publication_layout_add_box (JpPublicationLayout *self,
                                guint                page,
                                PangoLayout         *layout,
                                double               x,
                                double               y,
                                int                  first,
                                int                  n)
{
  PangoLayoutIter *iter;
  int x0 = G_MAXINT, y0 = G_MAXINT, x1 = G_MININT, y1 = G_MININT;
  int line = 0, shift = 0;
  JpContactsBox box;

  if (layout == NULL)
    return;
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle ink, logical;

      if (line == first)
        {
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          shift = logical.y;
        }
      if (line >= first && (n < 0 || line < first + n))
        {
          pango_layout_iter_get_line_extents (iter, &ink, &logical);
          /* Both: ink may overhang the logical box (italics). */
          x0 = MIN (x0, MIN (ink.x, logical.x));
          y0 = MIN (y0, MIN (ink.y, logical.y) - shift);
          x1 = MAX (x1, MAX (ink.x + ink.width, logical.x + logical.width));
          y1 = MAX (y1, MAX (ink.y + ink.height, logical.y + logical.height) - shift);
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  if (x0 > x1)
    return;
  box.page = page;
  box.x = INSET + x + (double) x0 / PANGO_SCALE;
  box.y = y + (double) y0 / PANGO_SCALE;
  box.width = (double) (x1 - x0) / PANGO_SCALE;
  box.height = (double) (y1 - y0) / PANGO_SCALE;
  g_array_append_val (self->boxes, box);
}


#define add_box _jp_publication_layout_add_box

/* Only for checks: measuring the ink of every line costs as much as
 * laying the text out. */
void
_jp_publication_layout_collect_boxes (JpPublicationLayout *self)
{
  if (self->boxes)
    return;
  self->boxes = g_array_new (FALSE, FALSE, sizeof (JpContactsBox));
  for (guint i = 0; i < self->title->len; i++)
    add_box (self, 0, self->title->pdata[i], 0, g_array_index (self->title_y, double, i), 0, -1);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      Piece *piece = &g_array_index (self->pieces, Piece, i);
      Row *row = piece->row;

      if (row->kind == ROW_CONTACTS)
        continue;
      if (row->kind == ROW_TABLE)
        {
          _jp_publication_table_add_boxes (self, row, piece->pub.page, piece->pub.y);
          continue;
        }
      add_box (self, piece->pub.page, row->text, row->x, piece->pub.y, piece->pub.first_line, piece->pub.n_lines);
      if (piece->pub.first_line == 0)
        add_box (self, piece->pub.page, row->aside, row->aside_x, piece->pub.y, 0, -1);
      if (row->page_number)
        add_box (self, piece->pub.page, row->page_number, self->width - PAGE_W, piece->pub.y, 0, -1);
    }
  if (self->contacts)
    {
      guint n_boxes, first = G_MAXUINT;
      const JpContactsBox *boxes = jp_contacts_layout_get_boxes (self->contacts, &n_boxes);

      for (guint i = 0; i < self->pieces->len && first == G_MAXUINT; i++)
        if (g_array_index (self->pieces, Piece, i).row->kind == ROW_CONTACTS)
          first = g_array_index (self->pieces, Piece, i).pub.page;
      for (guint i = 0; i < n_boxes; i++)
        {
          JpContactsBox box = boxes[i];

          box.y += body_top (self, first + box.page) + (box.page == 0 ? self->contacts_shift : 0);
          box.page += first;
          g_array_append_val (self->boxes, box);
        }
    }
  for (guint p = 0; p < self->n_pages; p++)
    {
      PangoLayout *footer = self->footers->pdata[p];

      add_box (self, p, footer, self->width - text_width (footer), footer_y (self, footer), 0, -1);
      if (p > 0 || !self->title_page)
        {
          PangoLayout *running = self->running->pdata[p];

          add_box (self, p, self->header, 0, 0, 0, -1);
          add_box (self, p, running, self->width - text_width (running), 0, 0, -1);
        }
    }
}

/* The chapter a page is in, right in its header: the last chapter (or
 * the programme, or the contacts) that starts on the page or before. */
static void
add_running_titles (JpPublicationLayout *self)
{
  PangoLayout *current = NULL;
  guint page = 0;

  self->running = g_ptr_array_new_full (self->n_pages, g_object_unref);
  for (guint i = 0; i <= self->pieces->len; i++)
    {
      Piece *piece = i < self->pieces->len ? &g_array_index (self->pieces, Piece, i) : NULL;
      const JpBlock *block = piece ? self->pub->blocks->pdata[piece->pub.block] : NULL;

      for (; page < self->n_pages && (piece == NULL || page < piece->pub.page); page++)
        g_ptr_array_add (self->running, current ? g_object_ref (current) : new_text (self, FONT_HEADER, "", self->pub->lang, 0));
      if (block && block->kind == JP_BLOCK_HEADING && block->level == 1 && block->new_page && piece->pub.first_line == 0)
        {
          g_autofree char *text = block->number ? g_strdup_printf ("%s  %s", block->number, block->text) : g_strdup (block->text);

          g_clear_object (&current);
          current = new_text (self, FONT_HEADER, text, block->lang, 0);
          pango_layout_set_width (current, (int) (self->width * 0.6 * PANGO_SCALE));
          pango_layout_set_ellipsize (current, PANGO_ELLIPSIZE_END);
        }
    }
  g_clear_object (&current);
}

JpPublicationLayout *
jp_publication_layout_new (JpPublication *pub,
                           JpDatabase    *db,
                           PangoContext  *context,
                           double         width,
                           double         height)
{
  JpPublicationLayout *self;
  g_autoptr(PangoLayout) probe = NULL;
  cairo_font_options_t *options;

  g_return_val_if_fail (pub != NULL, NULL);
  g_return_val_if_fail (db == NULL || JP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  /* Paper is not a screen: what is measured is what is printed. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  self = g_new0 (JpPublicationLayout, 1);
  self->pub = pub;
  self->context = g_object_ref (context);
  self->width = width - 2 * INSET;
  self->height = height;
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  self->footers = g_ptr_array_new_with_free_func (g_object_unref);
  self->title = g_ptr_array_new_with_free_func (g_object_unref);
  self->title_y = g_array_new (FALSE, FALSE, sizeof (double));

  self->header = new_text (self, FONT_HEADER, pub->header, pub->lang, self->width);
  self->header_height = text_height (self->header) + 4 + HEADER_GAP;
  probe = new_text (self, FONT_FOOTER, "0", pub->lang, 0);
  self->footer_height = FOOTER_GAP + text_height (probe) + 5;

  build_rows (self, db);
  paginate (self);
  fill_contents (self);
  if (self->title_page)
    build_title_page (self);

  for (guint p = 0; p < self->n_pages; p++)
    {
      /* The contacts page's footer, in the publication's language. */
      g_autofree char *text = g_strdup_printf (jp_i18n_translate (pub->lang, NULL, "Page %u of %u"),
                                               p + 1, self->n_pages);

      /* "Jaarverslag 2013 — Pagina 3 van 12" */
      if (pub->footer)
        {
          char *titled = g_strdup_printf ("%s — %s", pub->footer, text);

          g_free (text);
          text = titled;
        }

      g_ptr_array_add (self->footers, new_text (self, FONT_FOOTER, text, pub->lang, 0));
    }
  self->page_starts = g_new0 (guint, self->n_pages + 1);
  for (guint i = self->pieces->len; i-- > 0;)
    self->page_starts[g_array_index (self->pieces, Piece, i).pub.page] = i;
  self->page_starts[self->n_pages] = self->pieces->len;
  add_running_titles (self);
  return self;
}
