/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-pdf"

#include "config.h"

#include <cairo-pdf.h>

#include "model/print/jp-pdf.h"

/* The A4 PDF the contacts page, the plan and the annual report share:
 * one surface, a context in points, each page drawn inside the margins. */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
jp_pdf_render (const JpPdfDocument  *document,
               gpointer              data,
               const char           *title,
               guint                *n_pages,
               GError              **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_status_t status;
  gpointer layout;
  cairo_t *cr;
  guint pages;

  g_return_val_if_fail (document != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, JP_PDF_A4_WIDTH, JP_PDF_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title ? title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Jaarplan " PACKAGE_VERSION);
  cr = cairo_create (surface);

  context = pango_cairo_create_context (cr);
  /* Points, not pixels: without this the text comes out 1.33 times too
   * large. */
  pango_cairo_context_set_resolution (context, 72);
  layout = document->layout (data, context,
                             JP_PDF_A4_WIDTH - 2 * JP_PDF_MARGIN_SIDE,
                             JP_PDF_A4_HEIGHT - JP_PDF_MARGIN_TOP - JP_PDF_MARGIN_BOTTOM);
  g_object_unref (context);
  pages = document->n_pages (layout);
  for (guint p = 0; p < pages; p++)
    {
      cairo_save (cr);
      cairo_translate (cr, JP_PDF_MARGIN_SIDE, JP_PDF_MARGIN_TOP);
      document->draw_page (layout, cr, p);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  document->free (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      return NULL;
    }
  if (n_pages)
    *n_pages = pages;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
