/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-contacts-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "model/print/jp-contacts-layout.h"
#include "model/print/jp-contacts-pdf.h"
#include "model/jp-file.h"

/* A4 portrait, in points, with the margins printing uses by default. */
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

gboolean
jp_contacts_pdf_export (JpDatabase  *db,
                        GFile       *file,
                        guint       *n_pages,
                        GError     **error)
{
  return jp_contacts_pdf_export_with_flags (db, file, JP_CONTACTS_LAYOUT_DEFAULT, n_pages, error);
}

GBytes *
jp_contacts_pdf_render (JpDatabase            *db,
                        JpContactsLayoutFlags  flags,
                        guint                 *n_pages,
                        GError               **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(JpContactsLayout) layout = NULL;
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint pages;

  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Contacts Benelux Secretariat-General"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Jaarplan " PACKAGE_VERSION);
  cr = cairo_create (surface);

  context = pango_cairo_create_context (cr);
  /* Points, not pixels: without this the text comes out 1.33 times too
   * large. */
  pango_cairo_context_set_resolution (context, 72);
  layout = jp_contacts_layout_new (db, context,
                                   A4_WIDTH - 2 * MARGIN_SIDE,
                                   A4_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                                   flags, NULL);
  g_object_unref (context);
  pages = jp_contacts_layout_get_n_pages (layout);
  for (guint p = 0; p < pages; p++)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN_SIDE, MARGIN_TOP);
      jp_contacts_layout_draw_page (layout, cr, p);
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
jp_contacts_pdf_export_with_flags (JpDatabase            *db,
                                   GFile                 *file,
                                   JpContactsLayoutFlags  flags,
                                   guint                 *n_pages,
                                   GError               **error)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *name = NULL;
  guint pages = 0;

  g_return_val_if_fail (JP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Rendered in memory, then written through a temporary file renamed
   * over the target, so no half PDF is ever left. */
  name = g_file_get_parse_name (file);
  pdf = jp_contacts_pdf_render (db, flags, &pages, error);
  if (pdf == NULL)
    {
      g_prefix_error (error, _("Could not make the PDF “%s”: "), name);
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
