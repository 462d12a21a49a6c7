/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-publication-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/print/jp-publication-layout.h"
#include "model/print/jp-publication-pdf.h"
#include "model/print/jp-pdf.h"
#include "model/jp-file.h"

typedef struct {
  JpDatabase    *db;
  JpPublication *pub;
} Publication;

static gpointer
publication_layout (gpointer      data,
                    PangoContext *context,
                    double        width,
                    double        height)
{
  Publication *publication = data;

  return jp_publication_layout_new (publication->pub, publication->db, context, width, height);
}

static guint
publication_n_pages (gpointer layout)
{
  return jp_publication_layout_get_n_pages (layout);
}

static void
publication_draw_page (gpointer  layout,
                       cairo_t  *cr,
                       guint     page)
{
  jp_publication_layout_draw_page (layout, cr, page);
}

static void
publication_free (gpointer layout)
{
  jp_publication_layout_free (layout);
}

static const JpPdfDocument publication_document = {
  publication_layout, publication_n_pages, publication_draw_page, publication_free,
};

GBytes *
jp_publication_pdf_render (JpDatabase                  *db,
                           const JpPublicationOptions  *options,
                           guint                       *n_pages,
                           GError                     **error)
{
  g_autoptr(JpPublication) pub = NULL;
  Publication publication;

  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  pub = jp_publication_new (JP_STORE (db), options, error);
  if (pub == NULL)
    return NULL;
  publication.db = db;
  publication.pub = pub;
  return jp_pdf_render (&publication_document, &publication, pub->title, n_pages, error);
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
