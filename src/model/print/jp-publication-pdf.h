/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/print/jp-publication.h"
#include "model/store/jp-database.h"

G_BEGIN_DECLS

/* The published plan (or a chapter, or a section) as an A4 PDF, in the
 * language of @options; no display is needed. */

/* In memory; an error says only what went wrong, for the caller to put
 * in a sentence (a chapter or section the plan does not have: a whole
 * sentence, JP_PUBLICATION_ERROR_NOT_FOUND). */
GBytes  *jp_publication_pdf_render (JpDatabase                  *db,
                                    const JpPublicationOptions  *options,
                                    guint                       *n_pages,
                                    GError                     **error);
/* Written through a temporary file renamed over @file, as every export:
 * never half a PDF, never over the open database. */
gboolean jp_publication_pdf_export (JpDatabase                  *db,
                                    const JpPublicationOptions  *options,
                                    GFile                       *file,
                                    guint                       *n_pages,
                                    GError                     **error);

G_END_DECLS
