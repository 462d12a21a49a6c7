/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-store.h"

G_BEGIN_DECLS

/* How far the plan is translated: the texts that exist in Dutch or
 * French, and those that exist in both. */

/* Counts the texts of @item and everything under it (@n_texts) and those
 * translated (@n_translated).  @items, if given, receives the items
 * counted; @children, if given, the live child lists read on the way
 * (to watch for items coming and going). */
void       jp_translations_count             (JpStore    *store,
                                              JpItem     *item,
                                              guint      *n_texts,
                                              guint      *n_translated,
                                              GPtrArray  *items,
                                              GPtrArray  *children);
/* Whether some text of @item exists in one language only. */
gboolean   jp_translations_item_is_incomplete (JpItem    *item);
/* The items of the plan that need a translation, in tree order. */
GPtrArray *jp_translations_find_incomplete   (JpStore    *store);

G_END_DECLS
