/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-publication-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "model/print/jp-publication-layout.h"
#include "model/print/jp-publication-pdf.h"
#include "model/jp-file.h"

/* A4 portrait, in points, with the contacts PDF's margins. */
#define A4_WIDTH      595.276
#define A4_HEIGHT     841.890
#define MARGIN_SIDE    56.693  /* 20 mm */
#define MARGIN_TOP     51.024  /* 18 mm */
#define MARGIN_BOTTOM  51.024

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
jp_publication_pdf_render (JpDatabase                  *db,
                           const JpPublicationOptions  *options,
                           guint                       *n_pages,
                           GError                     **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(JpPublication) pub = NULL;
  g_autoptr(JpPublicationLayout) layout = NULL;
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint pages;

  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  pub = jp_publication_new (JP_STORE (db), options, error);
  if (pub == NULL)
    return NULL;

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pub->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Jaarplan " PACKAGE_VERSION);
  cr = cairo_create (surface);

  context = pango_cairo_create_context (cr);
  /* Points, not pixels. */
  pango_cairo_context_set_resolution (context, 72);
  layout = jp_publication_layout_new (pub, db, context,
                                      A4_WIDTH - 2 * MARGIN_SIDE,
                                      A4_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM);
  g_object_unref (context);
  pages = jp_publication_layout_get_n_pages (layout);
  for (guint p = 0; p < pages; p++)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN_SIDE, MARGIN_TOP);
      jp_publication_layout_draw_page (layout, cr, p);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
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

gboolean
jp_publication_pdf_export (JpDatabase                  *db,
                           const JpPublicationOptions  *options,
                           GFile                       *file,
                           guint                       *n_pages,
                           GError                     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *name = NULL;
  guint pages = 0;

  g_return_val_if_fail (JP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  pdf = jp_publication_pdf_render (db, options, &pages, &local);
  if (pdf == NULL)
    {
      /* "The plan has no section 9.9." is a sentence of its own. */
      if (!g_error_matches (local, JP_PUBLICATION_ERROR, JP_PUBLICATION_ERROR_NOT_FOUND))
        g_prefix_error (&local, _("Could not make the PDF “%s”: "), name);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (!jp_file_write_atomically (file, pdf, NULL, error))
    {
      g_prefix_error (error, _("Could not write “%s”: "), name);
      return FALSE;
    }
  if (n_pages)
    *n_pages = pages;
  return TRUE;
}
