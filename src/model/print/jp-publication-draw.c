/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-publication-layout"

#include "config.h"

#include <pango/pangocairo.h>

#include "model/print/jp-publication-layout-private.h"

/* Drawing ---------------------------------------------------------------------- */

static void
set_ink (cairo_t *cr,
         Ink      ink)
{
  switch (ink)
    {
    case INK_ACCENT:
      cairo_set_source_rgb (cr, COLOR_ACCENT);
      break;
    case INK_DIM:
      cairo_set_source_rgb (cr, COLOR_DIM);
      break;
    case INK_TEXT:
    default:
      cairo_set_source_rgb (cr, COLOR_TEXT);
      break;
    }
}

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

/* Lines @first … @first + @n − 1 of a row, the first at @y. */
static void
show_lines (cairo_t *cr,
            Row     *row,
            double   y,
            guint    first,
            guint    n)
{
  PangoLayoutIter *iter;
  guint line = 0;

  if (first == 0 && n == n_lines (row))
    {
      show (cr, row->text, row->x, y);
      return;
    }
  iter = pango_layout_get_iter (row->text);
  do
    {
      if (line >= first && line < first + n)
        {
          PangoRectangle logical;
          double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, row->x + (double) logical.x / PANGO_SCALE, y + baseline - line_top (row, first));
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
rule (JpPublicationLayout *self,
      cairo_t             *cr,
      double               y,
      double               line_width)
{
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, -INSET, y + line_width / 2);
  cairo_line_to (cr, self->width + INSET, y + line_width / 2);
  cairo_stroke (cr);
}

/* Dots from the end of a line of the contents to its page number. */
static void
leader (JpPublicationLayout *self,
        cairo_t             *cr,
        Row                 *row,
        double               y)
{
  PangoLayoutLine *last = pango_layout_get_line_readonly (row->text, pango_layout_get_line_count (row->text) - 1);
  PangoRectangle logical, number;
  double from, to, baseline;

  pango_layout_line_get_extents (last, NULL, &logical);
  pango_layout_get_extents (row->page_number, NULL, &number);
  baseline = y + line_top (row, n_lines (row) - 1) + (double) pango_layout_get_baseline (row->page_number) / PANGO_SCALE;
  from = row->x + (double) (logical.x + logical.width) / PANGO_SCALE + 6;
  to = self->width - PAGE_W + (double) number.x / PANGO_SCALE - 6;
  if (to - from < 6)
    return;
  cairo_save (cr);
  cairo_set_source_rgb (cr, COLOR_RULE);
  cairo_set_line_width (cr, 0.9);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, (double[]) { 0, 3.5 }, 2, 0);
  cairo_move_to (cr, from, baseline - 0.5);
  cairo_line_to (cr, to, baseline - 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_piece (JpPublicationLayout *self,
            cairo_t             *cr,
            Piece               *piece)
{
  Row *row = piece->row;
  double y = piece->pub.y;

  if (row->kind == ROW_CONTACTS)
    {
      guint first = g_array_index (self->pieces, Piece, 0).pub.page;

      for (guint i = 0; i < self->pieces->len; i++)
        if (g_array_index (self->pieces, Piece, i).row == row)
          {
            first = g_array_index (self->pieces, Piece, i).pub.page;
            break;
          }
      cairo_save (cr);
      cairo_translate (cr, -INSET, y);
      jp_contacts_layout_draw_page (self->contacts, cr, piece->pub.page - first);
      cairo_restore (cr);
      return;
    }
  if (row->kind == ROW_TABLE)
    {
      _jp_publication_table_draw_row (self, cr, row, y);
      return;
    }
  set_ink (cr, row->ink);
  if (piece->pub.first_line == 0)
    show (cr, row->aside, row->aside_x, y);
  show_lines (cr, row, y, piece->pub.first_line, piece->pub.n_lines);
  if (row->page_number)
    {
      show (cr, row->page_number, self->width - PAGE_W, y);
      leader (self, cr, row, y);
    }
  if (row->rule > 0)
    {
      cairo_set_source_rgb (cr, COLOR_RULE);
      rule (self, cr, y + row->rule, 0.75);
    }
}

void
jp_publication_layout_draw_page (JpPublicationLayout *self,
                                 cairo_t             *cr,
                                 guint                page)
{
  PangoLayout *footer;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  cairo_translate (cr, INSET, 0);
  if (page == 0 && self->title_page)
    {
      for (guint i = 0; i < self->title->len; i++)
        {
          set_ink (cr, i == 0 ? INK_ACCENT : INK_TEXT);
          show (cr, self->title->pdata[i], 0, g_array_index (self->title_y, double, i));
        }
    }
  else
    {
      set_ink (cr, INK_DIM);
      show (cr, self->header, 0, 0);
      show (cr, self->running->pdata[page], self->width - text_width (self->running->pdata[page]), 0);
      cairo_set_source_rgb (cr, COLOR_RULE);
      rule (self, cr, text_height (self->header) + 3, 0.5);
    }

  for (guint i = self->page_starts[page]; i < self->pieces->len; i++)
    {
      Piece *piece = &g_array_index (self->pieces, Piece, i);

      if (piece->pub.page != page)
        break;
      draw_piece (self, cr, piece);
    }

  footer = self->footers->pdata[page];
  cairo_set_source_rgb (cr, COLOR_RULE);
  rule (self, cr, footer_y (self, footer) - 4.5, 0.5);
  set_ink (cr, INK_DIM);
  show (cr, footer, self->width - text_width (footer), footer_y (self, footer));
  cairo_restore (cr);
}

/* Checks ------------------------------------------------------------------------ */

guint
jp_publication_layout_get_n_pages (JpPublicationLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

const JpPublicationPiece *
jp_publication_layout_get_pieces (JpPublicationLayout *self,
                                  guint               *n_pieces)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (self->records == NULL)
    {
      self->records = g_array_new (FALSE, FALSE, sizeof (JpPublicationPiece));
      for (guint i = 0; i < self->pieces->len; i++)
        g_array_append_val (self->records, g_array_index (self->pieces, Piece, i).pub);
    }
  *n_pieces = self->records->len;
  return (const JpPublicationPiece *) (gpointer) self->records->data;
}

const JpContactsBox *
jp_publication_layout_get_boxes (JpPublicationLayout *self,
                                 guint               *n_boxes)
{
  g_return_val_if_fail (self != NULL, NULL);
  _jp_publication_layout_collect_boxes (self);
  *n_boxes = self->boxes->len;
  return (const JpContactsBox *) (gpointer) self->boxes->data;
}

char *
jp_publication_layout_get_footer (JpPublicationLayout *self,
                                  guint                page)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (page < self->n_pages, NULL);
  return g_strdup (pango_layout_get_text (self->footers->pdata[page]));
}

static Row *
contents_row (JpPublicationLayout *self,
              guint                line)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];

      if (row->kind == ROW_TOC && line-- == 0)
        return row;
    }
  return NULL;
}

guint
jp_publication_layout_get_n_contents (JpPublicationLayout *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < self->rows->len; i++)
    n += ((Row *) self->rows->pdata[i])->kind == ROW_TOC;
  return n;
}

void
jp_publication_layout_get_contents_line (JpPublicationLayout *self,
                                         guint                line,
                                         guint               *block,
                                         guint               *page_number)
{
  Row *row;
  guint64 number = 0;

  g_return_if_fail (self != NULL);
  row = contents_row (self, line);
  g_return_if_fail (row != NULL);
  g_ascii_string_to_unsigned (pango_layout_get_text (row->page_number), 10, 0, G_MAXUINT, &number, NULL);
  *block = row->target;
  *page_number = number;
}
