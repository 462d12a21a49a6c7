/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-item-private.h"

G_BEGIN_DECLS

/* A plan, a chapter or a section read once: its items with their values,
 * texts and links, as plain structs in tree order.  The export writes
 * one; the import compares a file with one. */

typedef struct _JpSnapshotItem JpSnapshotItem;

struct _JpSnapshotItem {
  JpItemData      data;
  JpSnapshotItem *parent;     /* NULL for the snapshot's root */
  GPtrArray      *children;   /* JpSnapshotItem*, in tree order */
  GPtrArray      *areas;      /* uids of the areas a section serves, or NULL */
  gboolean        seen;       /* for the caller's use; FALSE once loaded */
};

typedef struct {
  JpSnapshotItem *root;
  GHashTable     *items;      /* id → JpSnapshotItem */
} JpSnapshot;

/* An empty snapshot; the store adds its items and then builds the tree. */
JpSnapshot *_jp_snapshot_new    (void);
/* Adds an item holding the values of @data (which is left empty). */
JpSnapshotItem *_jp_snapshot_add (JpSnapshot  *snapshot,
                                  JpItemData  *data);
/* Links each item to its parent and puts the children in tree order;
 * the item @root_id, if there is one, becomes the root. */
void        _jp_snapshot_build_tree (JpSnapshot *snapshot,
                                     gint64      root_id);
void        _jp_snapshot_free   (JpSnapshot  *snapshot);
/* Two JpSnapshotItem ** in the plan's order among siblings (position,
 * then id), for g_ptr_array_sort(); a snapshot's children come in the
 * file's order, each kind in its place. */
int         _jp_snapshot_compare_positions (gconstpointer a,
                                            gconstpointer b);
JpSnapshotItem *_jp_snapshot_lookup (JpSnapshot *snapshot,
                                     gint64      id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpSnapshot, _jp_snapshot_free)

G_END_DECLS
