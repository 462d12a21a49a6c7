/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/print/jp-contacts-layout.h"
#include "model/store/jp-database.h"

G_BEGIN_DECLS

/* Writes the contacts page (chapter 8) as an A4 PDF, in the interface
 * language; no display is needed.  *n_pages says how many pages. */
gboolean jp_contacts_pdf_export (JpDatabase  *db,
                                 GFile       *file,
                                 guint       *n_pages,
                                 GError     **error);
/* The same, leaving out who is not valid today when @flags say so. */
gboolean jp_contacts_pdf_export_with_flags (JpDatabase            *db,
                                            GFile                 *file,
                                            JpContactsLayoutFlags  flags,
                                            guint                 *n_pages,
                                            GError               **error);

/* The same PDF, in memory; an error says only what went wrong, for the
 * caller to put in a sentence. */
GBytes  *jp_contacts_pdf_render (JpDatabase            *db,
                                 JpContactsLayoutFlags  flags,
                                 guint                 *n_pages,
                                 GError               **error);

G_END_DECLS
