/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-contacts-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-contacts-pdf.h"

gboolean
jp_contacts_pdf_export (JpDatabase  *db,
                        GFile       *file,
                        guint       *n_pages,
                        GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("Writing the contacts as PDF is not available yet."));
  return FALSE;
}
