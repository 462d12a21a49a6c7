/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-item.h"

G_BEGIN_DECLS

#define JP_TYPE_ITEM_ROW (jp_item_row_get_type ())
G_DECLARE_FINAL_TYPE (JpItemRow, jp_item_row, JP, ITEM_ROW, AdwActionRow)

/* A row naming a project, working group or section in a pane's list:
 * activating it opens the item; its buttons move and remove it. */
GtkWidget *jp_item_row_new      (JpItem    *item,
                                 gboolean   reorderable);
JpItem    *jp_item_row_get_item (JpItemRow *self);

G_END_DECLS
