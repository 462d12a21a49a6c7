/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-publication-layout"

#include "config.h"

#include <pango/pangocairo.h>

#include "model/print/jp-publication-layout-private.h"

/* A table of the publication (the annual report's summary): one row of
 * the layout for each of its rows, kept together on one page; the first
 * column holds names, the others numbers, right-aligned under headings
 * that wrap within their column. */

#define FONT_TABLE_HEAD "Sans Bold 7"
#define FONT_TABLE      "Sans 8.5"
#define FONT_TABLE_SUM  "Sans Bold 8.5"
#define CELL_PAD_Y      3.0
#define CELL_GAP        5.0   /* between columns */
#define NAME_SHARE      0.38  /* of the width, at most, for the first column */

static double
widest (JpPublicationLayout *self,
        const char          *font,
        const char          *text,
        JpLang               lang)
{
  g_autoptr(PangoLayout) probe = _jp_publication_layout_new_text (self, font, text, lang, 0);

  return text_width (probe);
}

/* The number columns as wide as their headings' longest word (never cut
 * in two) and at least an equal share; the names take the rest, up to
 * their longest, and wrap when they must. */
static void
column_widths (JpPublicationLayout *self,
               const JpBlock       *block,
               double              *first,
               double              *other)
{
  guint columns = block->columns;
  double names = 0, word = 0;

  for (guint i = columns; i < block->cells->len; i += columns)
    names = MAX (names, widest (self, FONT_TABLE_SUM, block->cells->pdata[i], block->lang));
  for (guint c = 1; c < columns; c++)
    {
      g_auto(GStrv) words = g_strsplit (block->cells->pdata[c], " ", -1);

      for (guint w = 0; words[w]; w++)
        word = MAX (word, widest (self, FONT_TABLE_HEAD, words[w], block->lang));
    }
  *first = MIN (names + CELL_GAP, self->width * NAME_SHARE);
  *other = MAX (word + CELL_GAP, (self->width - *first) / (columns - 1));
  *first = self->width - *other * (columns - 1);
}

void
_jp_publication_table_add_rows (JpPublicationLayout *self,
                                guint                index,
                                const JpBlock       *block)
{
  guint columns = block->columns, n_rows;
  double first, other;

  if (columns < 2 || block->cells == NULL)
    return;
  n_rows = block->cells->len / columns;
  column_widths (self, block, &first, &other);
  for (guint r = 0; r < n_rows; r++)
    {
      Row *row = g_new0 (Row, 1);
      gboolean head = r == 0, sum = r + 1 == n_rows && n_rows > 2;
      const char *font = head ? FONT_TABLE_HEAD : sum ? FONT_TABLE_SUM : FONT_TABLE;
      double height = 0, zero = 0;

      row->kind = ROW_TABLE;
      row->block = index;
      row->width = self->width;
      row->space_before = head ? 10 : 0;
      row->ink = head ? INK_ACCENT : INK_TEXT;
      row->keep_with_next = r + 1 < n_rows;
      row->rule_above = sum;
      row->cells = g_ptr_array_new_with_free_func (g_object_unref);
      row->cell_x = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint c = 0; c < columns; c++)
        {
          double x = c == 0 ? 0 : first + (c - 1) * other + CELL_GAP;
          double w = c == 0 ? first - CELL_GAP : other - CELL_GAP;
          PangoLayout *cell = _jp_publication_layout_new_text (self, font, block->cells->pdata[r * columns + c],
                                                                block->lang, w);

          if (c > 0)
            {
              /* Headings wrap between words only: a word cut in two
               * reads as two. */
              pango_layout_set_wrap (cell, PANGO_WRAP_WORD);
              pango_layout_set_alignment (cell, PANGO_ALIGN_RIGHT);
            }
          g_ptr_array_add (row->cells, cell);
          g_array_append_val (row->cell_x, x);
          height = MAX (height, text_height (cell));
        }
      row->height = height + 2 * CELL_PAD_Y;
      row->tops = g_array_new (FALSE, FALSE, sizeof (double));
      g_array_append_val (row->tops, zero);
      g_array_append_val (row->tops, row->height);
      g_ptr_array_add (self->rows, row);
    }
}

static void
table_rule (cairo_t *cr,
            double   width,
            double   y,
            double   line_width)
{
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, 0, y);
  cairo_line_to (cr, width, y);
  cairo_stroke (cr);
}

void
_jp_publication_table_draw_row (JpPublicationLayout *self,
                                cairo_t             *cr,
                                Row                 *row,
                                double               y)
{
  for (guint c = 0; c < row->cells->len; c++)
    {
      PangoLayout *cell = row->cells->pdata[c];

      if (row->ink == INK_ACCENT)
        cairo_set_source_rgb (cr, COLOR_ACCENT);
      else
        cairo_set_source_rgb (cr, COLOR_TEXT);
      /* Headings sit on the rule under them. */
      cairo_move_to (cr, g_array_index (row->cell_x, double, c),
                     y + (row->ink == INK_ACCENT ? row->height - CELL_PAD_Y - text_height (cell) : CELL_PAD_Y));
      pango_cairo_show_layout (cr, cell);
    }
  cairo_set_source_rgb (cr, COLOR_RULE);
  if (row->rule_above)
    table_rule (cr, self->width, y + 0.5, 1.0);
  table_rule (cr, self->width, y + row->height, row->ink == INK_ACCENT ? 1.0 : 0.3);
}

void
_jp_publication_table_add_boxes (JpPublicationLayout *self,
                                 Row                 *row,
                                 guint                page,
                                 double               y)
{
  for (guint c = 0; c < row->cells->len; c++)
    {
      PangoLayout *cell = row->cells->pdata[c];

      _jp_publication_layout_add_box (self, page, cell, g_array_index (row->cell_x, double, c),
                                      y + (row->ink == INK_ACCENT ? row->height - CELL_PAD_Y - text_height (cell)
                                                                   : CELL_PAD_Y), 0, -1);
    }
}
