/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/store/jp-sqlite-private.h"

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

/* Reads the subtree under @root_id on @db (keeping its statements in
 * @cache, if one is given); a snapshot without a root when @root_id is
 * not an item. */
JpSnapshot *_jp_snapshot_load   (sqlite3     *db,
                                 GHashTable  *cache,
                                 gint64       root_id,
                                 GError     **error);
void        _jp_snapshot_free   (JpSnapshot  *snapshot);
JpSnapshotItem *_jp_snapshot_lookup (JpSnapshot *snapshot,
                                     gint64      id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpSnapshot, _jp_snapshot_free)

G_END_DECLS
