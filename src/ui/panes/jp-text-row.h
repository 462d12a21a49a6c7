/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_TEXT_ROW (jp_text_row_get_type ())
G_DECLARE_FINAL_TYPE (JpTextRow, jp_text_row, JP, TEXT_ROW, AdwPreferencesRow)

/* An editable row for an objective or a sub-item: its whole text in
 * @lang, wrapped over as many lines as it takes, indented by @depth, with
 * buttons to move, indent and remove it. */
GtkWidget *jp_text_row_new      (JpStore    *db,
                                 JpItem     *item,
                                 JpLang      lang,
                                 guint       depth);
JpItem    *jp_text_row_get_item (JpTextRow  *self);
/* The text view that edits the text. */
GtkWidget *jp_text_row_get_text_view (JpTextRow *self);

/* The moves of its menu ("move-up", "move-down", "indent", "outdent"),
 * enabled as the structure allows them when the menu opens. */
GActionGroup *jp_text_row_get_moves (JpTextRow *self);

G_END_DECLS
