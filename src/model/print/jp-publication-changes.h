/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "model/jp-differences.h"

G_BEGIN_DECLS

/* A list of differences printed for a meeting, as an A4 PDF in the
 * layout of the published plan: its @title ("Changes from 2013 to
 * 2014") and @subtitle (or NULL) first, then section by section each
 * item that differs with its values old → new and its texts with the
 * removed words struck through and the added ones underlined; the
 * title and the page's number at the foot of each page.  Printed in
 * @lang.  *@n_pages (if asked) says how many pages it has. */
GBytes   *jp_publication_changes_render (const JpDifferences  *differences,
                                         const char           *title,
                                         const char           *subtitle,
                                         JpLang                lang,
                                         guint                *n_pages,
                                         GError              **error);
/* The same, written to @file. */
gboolean  jp_publication_changes_export (const JpDifferences  *differences,
                                         const char           *title,
                                         const char           *subtitle,
                                         JpLang                lang,
                                         GFile                *file,
                                         guint                *n_pages,
                                         GError              **error);

/* The pages themselves, for a print operation: laid out in a text area
 * of @width × @height points, text measured with @context. */
typedef struct _JpChangesLayout JpChangesLayout;

JpChangesLayout *jp_changes_layout_new          (const JpDifferences *differences,
                                                 const char          *title,
                                                 const char          *subtitle,
                                                 JpLang               lang,
                                                 PangoContext        *context,
                                                 double               width,
                                                 double               height);
guint            jp_changes_layout_get_n_pages  (JpChangesLayout     *self);
/* Draws @page with the text area's top left corner at the origin. */
void             jp_changes_layout_draw_page    (JpChangesLayout     *self,
                                                 cairo_t             *cr,
                                                 guint                page);
void             jp_changes_layout_free         (JpChangesLayout     *self);

G_END_DECLS
