/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-store.h"

G_BEGIN_DECLS

/* The rules of an outline's structure.  Each call is one change (one
 * transaction, one step of undo); a move the structure does not allow
 * changes nothing and fails with JP_DATABASE_ERROR_INVALID. */

/* Moves @item @delta places among its siblings (up when negative): those
 * of its kind and, for a project, of its phase, as a section lists them
 * apart. */
gboolean     jp_store_move_item_by (JpStore     *self,
                                    JpItem      *item,
                                    int          delta,
                                    GError     **error);
/* Makes @item the last child of the sibling above it, if that one may
 * hold it. */
gboolean     jp_store_indent_item  (JpStore     *self,
                                    JpItem      *item,
                                    GError     **error);
/* Moves @item, the child of an item of its own kind, to just after its
 * parent. */
gboolean     jp_store_outdent_item (JpStore     *self,
                                    JpItem      *item,
                                    GError     **error);

/* Whether the calls above would allow the move, without making it. */
gboolean     jp_store_can_move_item_by (JpStore   *self,
                                        JpItem    *item,
                                        int        delta);
gboolean     jp_store_can_indent_item  (JpStore   *self,
                                        JpItem    *item);
gboolean     jp_store_can_outdent_item (JpStore   *self,
                                        JpItem    *item);

G_END_DECLS
