/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* A4 portrait, in points, with the margins printing uses by default. */
#define JP_PDF_A4_WIDTH       595.276
#define JP_PDF_A4_HEIGHT      841.890
#define JP_PDF_MARGIN_SIDE     56.693  /* 20 mm */
#define JP_PDF_MARGIN_TOP      51.024  /* 18 mm */
#define JP_PDF_MARGIN_BOTTOM   51.024

/* What jp_pdf_render() needs of a document laid out in pages. */
typedef struct {
  /* Lays the document @data out in a text area of @width × @height
   * points, measuring text with @context. */
  gpointer (*layout)    (gpointer      data,
                         PangoContext *context,
                         double        width,
                         double        height);
  guint    (*n_pages)   (gpointer      layout);
  /* Draws @page with the text area's top left corner at the origin. */
  void     (*draw_page) (gpointer      layout,
                         cairo_t      *cr,
                         guint         page);
  void     (*free)      (gpointer      layout);
} JpPdfDocument;

/* The document as an A4 PDF in memory, titled @title in its metadata;
 * *@n_pages (if asked) says how many pages it has.  An error says only
 * what went wrong, for the caller to put in a sentence. */
GBytes     *jp_pdf_render (const JpPdfDocument  *document,
                           gpointer              data,
                           const char           *title,
                           guint                *n_pages,
                           GError              **error);

G_END_DECLS
