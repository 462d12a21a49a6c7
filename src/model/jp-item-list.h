/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/jp-item.h"

G_BEGIN_DECLS

#define JP_TYPE_ITEM_LIST (jp_item_list_get_type ())
G_DECLARE_FINAL_TYPE (JpItemList, jp_item_list, JP, ITEM_LIST, GObject)

/* A GListModel of JpItems: the children of one item (optionally of some
 * kinds only), or the sections linked to a policy area.  Created by
 * JpDatabase, which keeps it current and emits exact items-changed. */

JpItem   *jp_item_list_get_parent (JpItemList *self);
guint     jp_item_list_get_kinds  (JpItemList *self);
/* The id of the item at @position, without reading the item (0 past the
 * end). */
gint64    jp_item_list_get_id     (JpItemList *self,
                                   guint       position);

G_END_DECLS
