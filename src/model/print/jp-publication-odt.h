/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/print/jp-publication.h"
#include "model/store/jp-database.h"

G_BEGIN_DECLS

/* The published plan (or a chapter, or a section) as an OpenDocument
 * text, for editors who finish the layout in a word processor: the same
 * blocks as the PDF, as outline headings (the word processor builds its
 * own contents from them), nested lists, tables for the working groups
 * and the contacts, every paragraph in its language. */

#define JP_ODT_MIME_TYPE "application/vnd.oasis.opendocument.text"

/* The package in memory; an error says only what went wrong (a chapter
 * or section the plan does not have: JP_PUBLICATION_ERROR_NOT_FOUND, a
 * whole sentence). */
GBytes  *jp_publication_odt_render (JpStore                     *store,
                                    const JpPublicationOptions  *options,
                                    GError                     **error);
/* Written through a temporary file renamed over @file, as every export:
 * never half a document, never over the open database. */
gboolean jp_publication_odt_export (JpStore                     *store,
                                    const JpPublicationOptions  *options,
                                    GFile                       *file,
                                    GError                     **error);

G_END_DECLS
