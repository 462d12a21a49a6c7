/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-snapshot"

#include "config.h"

#include <string.h>

#include "model/jp-snapshot.h"

static void
item_free (gpointer data)
{
  JpSnapshotItem *item = data;

  _jp_item_data_clear (&item->data);
  g_clear_pointer (&item->children, g_ptr_array_unref);
  g_clear_pointer (&item->areas, g_ptr_array_unref);
  g_free (item);
}

int
_jp_snapshot_compare_positions (gconstpointer a,
                                gconstpointer b)
{
  const JpItemData *da = &(*(JpSnapshotItem * const *) a)->data;
  const JpItemData *db = &(*(JpSnapshotItem * const *) b)->data;

  if (da->position != db->position)
    return da->position < db->position ? -1 : 1;
  return da->id < db->id ? -1 : da->id > db->id;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const JpItemData *da = &(*(JpSnapshotItem * const *) a)->data;
  const JpItemData *db = &(*(JpSnapshotItem * const *) b)->data;

  /* The order in which the schema wants an element's children. */
  if (jp_kind_get_info (da->kind)->file_rank != jp_kind_get_info (db->kind)->file_rank)
    return jp_kind_get_info (da->kind)->file_rank < jp_kind_get_info (db->kind)->file_rank ? -1 : 1;
  return _jp_snapshot_compare_positions (a, b);
}

void
_jp_snapshot_build_tree (JpSnapshot *snapshot,
                         gint64      root_id)
{
  GHashTableIter iter;
  gpointer value;

  snapshot->root = _jp_snapshot_lookup (snapshot, root_id);
  g_hash_table_iter_init (&iter, snapshot->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JpSnapshotItem *item = value;

      if (item == snapshot->root)
        continue;
      item->parent = _jp_snapshot_lookup (snapshot, item->data.parent_id);
      if (item->parent)
        g_ptr_array_add (item->parent->children, item);
    }
  g_hash_table_iter_init (&iter, snapshot->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (((JpSnapshotItem *) value)->children, compare_items);
}

JpSnapshot *
_jp_snapshot_new (void)
{
  JpSnapshot *snapshot = g_new0 (JpSnapshot, 1);

  snapshot->items = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, item_free);
  return snapshot;
}

JpSnapshotItem *
_jp_snapshot_add (JpSnapshot *snapshot,
                  JpItemData *data)
{
  JpSnapshotItem *item = g_new0 (JpSnapshotItem, 1);

  item->data = *data;
  memset (data, 0, sizeof *data);
  item->children = g_ptr_array_new ();
  g_hash_table_insert (snapshot->items, &item->data.id, item);
  return item;
}

void
_jp_snapshot_free (JpSnapshot *snapshot)
{
  g_clear_pointer (&snapshot->items, g_hash_table_unref);
  g_free (snapshot);
}

JpSnapshotItem *
_jp_snapshot_lookup (JpSnapshot *snapshot,
                     gint64      id)
{
  return g_hash_table_lookup (snapshot->items, &id);
}
