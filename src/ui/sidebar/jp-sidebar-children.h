/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_SIDEBAR_CHILDREN (jp_sidebar_children_get_type ())
G_DECLARE_FINAL_TYPE (JpSidebarChildren, jp_sidebar_children, JP, SIDEBAR_CHILDREN, GObject)

/* The rows under a row of the sidebar, read from the store when first
 * asked for: the tree makes this list for every row it shows, to know
 * whether the row can be expanded, and lets it go again.  @area TRUE:
 * the sections serving @item (a policy area, or NULL for those serving
 * none); else @item's children of @kinds. */
GListModel *jp_sidebar_children_new (JpStore  *store,
                                     JpItem   *item,
                                     gboolean  area,
                                     guint     kinds);
GListModel *jp_sidebar_children_get_list (JpSidebarChildren *self);

G_END_DECLS
