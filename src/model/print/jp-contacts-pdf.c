/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-contacts-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/print/jp-contacts-layout.h"
#include "model/print/jp-contacts-pdf.h"
#include "model/print/jp-pdf.h"
#include "model/jp-file.h"

typedef struct {
  JpDatabase            *db;
  JpContactsLayoutFlags  flags;
} Contacts;

static gpointer
contacts_layout (gpointer      data,
                 PangoContext *context,
                 double        width,
                 double        height)
{
  Contacts *contacts = data;

  return jp_contacts_layout_new (contacts->db, context, width, height, contacts->flags, NULL);
}

static guint
contacts_n_pages (gpointer layout)
{
  return jp_contacts_layout_get_n_pages (layout);
}

static void
contacts_draw_page (gpointer  layout,
                    cairo_t  *cr,
                    guint     page)
{
  jp_contacts_layout_draw_page (layout, cr, page);
}

static void
contacts_free (gpointer layout)
{
  jp_contacts_layout_free (layout);
}

static const JpPdfDocument contacts_document = {
  contacts_layout, contacts_n_pages, contacts_draw_page, contacts_free,
};

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
  Contacts contacts = { db, flags };

  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);

  return jp_pdf_render (&contacts_document, &contacts, _("Contacts Benelux Secretariat-General"), n_pages, error);
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
