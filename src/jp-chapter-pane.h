/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-database.h"

G_BEGIN_DECLS

#define JP_TYPE_CHAPTER_PANE (jp_chapter_pane_get_type ())
G_DECLARE_FINAL_TYPE (JpChapterPane, jp_chapter_pane, JP, CHAPTER_PANE, AdwBin)

/* A jaarplan chapter: title, introduction, owning team, sections. */
GtkWidget *jp_chapter_pane_new (JpDatabase *db,
                                JpItem     *chapter);

G_END_DECLS
