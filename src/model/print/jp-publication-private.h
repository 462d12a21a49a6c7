/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/print/jp-publication.h"

G_BEGIN_DECLS

/* What jp-publication.c (the plan) and jp-publication-report.c (the
 * annual report) share to build a publication's blocks. */

/* A block of @kind at the end, in the publication's language. */
JpBlock  *_jp_publication_add_block         (JpPublication   *pub,
                                             JpBlockKind      kind,
                                             guint            level,
                                             const char      *text,
                                             JpSnapshotItem  *item);
/* What the marker of an untranslated text means, after the contents. */
void      _jp_publication_add_fallback_note (JpPublication   *pub);
/* The annual report's title page, summary and projects. */
gboolean  _jp_publication_build_report      (JpPublication   *pub,
                                             JpStore         *store,
                                             GError         **error);

G_END_DECLS
