/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "model/print/jp-publication-layout.h"

G_BEGIN_DECLS

/* What jp-publication-layout.c (rows, pages, boxes) and
 * jp-publication-draw.c (drawing, checks) share. */

#define PAGE_W      30.0   /* the contents' page numbers */
/* Text stays this far inside the printable area, as on the contacts page. */
#define INSET        1.5

#define COLOR_ACCENT 0.12, 0.27, 0.52
#define COLOR_TEXT   0.10, 0.10, 0.10
#define COLOR_DIM    0.40, 0.40, 0.40
#define COLOR_RULE   0.65, 0.65, 0.65

typedef enum {
  ROW_TEXT,
  ROW_TOC,
  ROW_CONTACTS,
  ROW_TABLE,     /* a row of a table: @cells at @cell_x */
} RowKind;

typedef enum {
  INK_TEXT,
  INK_ACCENT,
  INK_DIM,
} Ink;

typedef struct {
  RowKind      kind;
  guint        block;
  PangoLayout *text;
  PangoLayout *aside;        /* number, bullet or code */
  PangoLayout *page_number;  /* a line of the contents */
  guint        target;       /* a line of the contents: the heading's block */
  double       x;
  double       width;
  double       aside_x;
  double       space_before;
  double       height;
  double       rule;         /* a rule this far under the row's top, or 0 */
  Ink          ink;
  gboolean     keep_with_next;
  gboolean     splittable;
  gboolean     new_page;
  GArray      *tops;         /* double: each line's top, then the bottom */
  GPtrArray   *cells;        /* PangoLayout*: a table row's cells */
  GArray      *cell_x;       /* double: each cell's left */
  gboolean     rule_above;   /* a table's last row, under a rule */
} Row;

typedef struct {
  JpPublicationPiece  pub;
  Row                *row;
} Piece;

struct _JpPublicationLayout
{
  JpPublication    *pub;
  PangoContext     *context;
  double            width;
  double            height;
  gboolean          title_page;
  double            header_height;
  double            footer_height;
  double            code_width;

  GPtrArray        *rows;       /* Row*, owned */
  GArray           *pieces;     /* Piece */
  GArray           *records;    /* JpPublicationPiece, for checks */
  GArray           *boxes;      /* JpContactsBox, once asked for */
  guint            *page_starts;  /* each page's first piece */
  GPtrArray        *footers;    /* PangoLayout*, one a page */
  GPtrArray        *title;      /* PangoLayout*: the title page, top down */
  GArray           *title_y;    /* double */
  PangoLayout      *header;
  GPtrArray        *running;    /* PangoLayout*: each page's chapter */

  JpContactsLayout *contacts;
  double            contacts_shift;  /* of the first contacts page */
  guint             n_pages;
};

static inline double
text_height (PangoLayout *layout)
{
  int h;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static inline double
text_width (PangoLayout *layout)
{
  int w;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, &w, NULL);
  return (double) w / PANGO_SCALE;
}

static inline guint
n_lines (Row *row)
{
  return row->tops->len - 1;
}

static inline double
line_top (Row   *row,
          guint  line)
{
  return g_array_index (row->tops, double, line);
}

static inline double
footer_y (JpPublicationLayout *self,
          PangoLayout         *footer)
{
  return self->height - text_height (footer);
}

void _jp_publication_layout_collect_boxes (JpPublicationLayout *self);
/* Whatever is drawn of @layout, lines @first … @first + @n − 1 (all for
 * @n < 0), as a box of the checks. */
void _jp_publication_layout_add_box       (JpPublicationLayout *self,
                                           guint                page,
                                           PangoLayout         *layout,
                                           double               x,
                                           double               y,
                                           int                  first,
                                           int                  n);
PangoLayout *_jp_publication_layout_new_text (JpPublicationLayout *self,
                                              const char          *font,
                                              const char          *text,
                                              JpLang               lang,
                                              double               width);

/* jp-publication-table.c: a table's rows, their drawing and boxes. */
void _jp_publication_table_add_rows   (JpPublicationLayout *self,
                                       guint                index,
                                       const JpBlock       *block);
void _jp_publication_table_draw_row   (JpPublicationLayout *self,
                                       cairo_t             *cr,
                                       Row                 *row,
                                       double               y);
void _jp_publication_table_add_boxes  (JpPublicationLayout *self,
                                       Row                 *row,
                                       guint                page,
                                       double               y);

G_END_DECLS
