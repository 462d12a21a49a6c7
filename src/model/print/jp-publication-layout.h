/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "model/print/jp-contacts-layout.h"
#include "model/print/jp-publication.h"
#include "model/store/jp-database.h"

G_BEGIN_DECLS

/* A publication laid out on pages of one printable area and drawn page
 * by page, as the contacts page is: it needs a PangoContext and a
 * cairo_t, never a display.  Printing and the PDF share it.
 *
 * The title page, then the contents (laid out first, its page numbers
 * filled in once the rest is placed), then the text.  Every page but the
 * title page has a header (the document's title); every page a footer
 * "Page n of N" in the publication's language.  A heading is never last
 * on a page: it goes with what follows it (a heading, the first lines of
 * a paragraph, the first list item).  A paragraph or list item is split
 * between pages only between lines and with at least two lines on each
 * side; the contacts block is drawn by the contacts page's own layout. */

typedef struct _JpPublicationLayout JpPublicationLayout;

/* Where a piece of a block went: the block (its index in the
 * publication's list), the page, its top and height, and for a block
 * split between pages which of its lines (from 0) the piece holds. */
typedef struct {
  guint  block;
  guint  page;
  double y;
  double height;
  guint  first_line;
  guint  n_lines;
  guint  total_lines;
} JpPublicationPiece;

/* @db: for the contacts block (NULL leaves it out).  @width, @height:
 * the printable area, in points (@context at a resolution of 72). */
JpPublicationLayout *jp_publication_layout_new   (JpPublication  *pub,
                                                  JpDatabase     *db,
                                                  PangoContext   *context,
                                                  double          width,
                                                  double          height);
void                 jp_publication_layout_free  (JpPublicationLayout *self);

guint                jp_publication_layout_get_n_pages (JpPublicationLayout *self);
/* Draws page @page (from 0) with the printable area's top left at the
 * current origin of @cr. */
void                 jp_publication_layout_draw_page   (JpPublicationLayout *self,
                                                        cairo_t             *cr,
                                                        guint                page);

/* For checks: the pieces in order, the boxes of all that is drawn (in
 * the printable area's coordinates), a page's footer, and the contents:
 * for each line, the block of the heading it names and the page number
 * it prints (from 1). */
const JpPublicationPiece *jp_publication_layout_get_pieces (JpPublicationLayout *self,
                                                            guint               *n_pieces);
const JpContactsBox      *jp_publication_layout_get_boxes  (JpPublicationLayout *self,
                                                            guint               *n_boxes);
char                     *jp_publication_layout_get_footer (JpPublicationLayout *self,
                                                            guint                page);
guint                     jp_publication_layout_get_n_contents (JpPublicationLayout *self);
void                      jp_publication_layout_get_contents_line (JpPublicationLayout *self,
                                                                   guint                line,
                                                                   guint               *block,
                                                                   guint               *page_number);
/* The body's bottom: nothing but the footer goes below it. */
double                    jp_publication_layout_get_body_bottom (JpPublicationLayout *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpPublicationLayout, jp_publication_layout_free)

G_END_DECLS
