/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ui/panes/jp-pane.h"

G_BEGIN_DECLS

#define JP_TYPE_CHAPTER_PANE (jp_chapter_pane_get_type ())
G_DECLARE_FINAL_TYPE (JpChapterPane, jp_chapter_pane, JP, CHAPTER_PANE, JpPane)

/* A jaarplan chapter: title, introduction, owning team, sections.
 * Made with jp_pane_new(). */

G_END_DECLS
