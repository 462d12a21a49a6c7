/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-history"

#include "config.h"

#include <string.h>

#include "model/store/jp-database-private.h"
#include "model/store/jp-history.h"

/* The plan as it was at a point of its history: the year's plan read
 * now, then every change after the point taken back, newest first, on
 * the snapshot.  An item removed since is made again from the values
 * its removal kept; its texts and areas, which went just after it, have
 * been taken back onto a stand-in by then.  Areas are held as the
 * areas' ids while this runs, since a removed area's uid is only known
 * once it is back. */

/* A removed item's values, in the order of JP_ITEM_COLUMNS, then the
 * change itself. */
#define JSON_VALUE(key) "CASE WHEN kind IN (6, 7) THEN json_extract (old_value, '$." key "') END"
static const char changes_sql[] =
  "SELECT item, " JSON_VALUE ("uid") ", " JSON_VALUE ("kind") ", " JSON_VALUE ("parent") ", "
  JSON_VALUE ("position") ", " JSON_VALUE ("phase") ", " JSON_VALUE ("status") ", " JSON_VALUE ("number") ", "
  JSON_VALUE ("code") ", " JSON_VALUE ("person") ", " JSON_VALUE ("email") ", " JSON_VALUE ("phone") ", "
  JSON_VALUE ("valid_from") ", " JSON_VALUE ("valid_until") ", " JSON_VALUE ("team") ", "
  JSON_VALUE ("progress_date") ", " JSON_VALUE ("revision") ", kind, detail, old_value"
  " FROM history WHERE seq > ? ORDER BY seq DESC";

enum {
  COLUMN_KIND = 17,
  COLUMN_DETAIL,
  COLUMN_OLD,
};

typedef struct {
  JpSnapshot *snapshot;
  JpSnapshot *standins;   /* items gone now whose texts come back first */
  GHashTable *areas;      /* item id → GArray of area ids */
} Rewind;

static JpSnapshotItem *
target (Rewind *rewind,
        gint64  id)
{
  JpSnapshotItem *item = _jp_snapshot_lookup (rewind->snapshot, id);
  JpItemData data = { .id = id };

  if (item == NULL)
    item = _jp_snapshot_lookup (rewind->standins, id);
  if (item == NULL)
    item = _jp_snapshot_add (rewind->standins, &data);
  return item;
}

static GArray *
areas_of (Rewind *rewind,
          gint64  id)
{
  GArray *areas = g_hash_table_lookup (rewind->areas, &id);

  if (areas == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      areas = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (rewind->areas, key, areas);
    }
  return areas;
}

static void
take_back_link (Rewind       *rewind,
                gint64        id,
                sqlite3_stmt *stmt)
{
  GArray *areas = areas_of (rewind, id);
  gint64 area = sqlite3_column_int64 (stmt, COLUMN_DETAIL);

  for (guint i = 0; i < areas->len; i++)
    if (g_array_index (areas, gint64, i) == area)
      g_array_remove_index (areas, i--);
  if (sqlite3_column_type (stmt, COLUMN_OLD) != SQLITE_NULL)
    g_array_append_val (areas, area);
}

/* The item comes back with the values it had, and the texts taken
 * back onto its stand-in. */
static void
take_back_remove (Rewind       *rewind,
                  gint64        id,
                  sqlite3_stmt *stmt)
{
  JpSnapshotItem *standin = _jp_snapshot_lookup (rewind->standins, id);
  JpItemData data = { 0 };

  _jp_item_data_read (&data, stmt);
  if (standin)
    {
      memcpy (data.texts, standin->data.texts, sizeof data.texts);
      memset (standin->data.texts, 0, sizeof standin->data.texts);
      g_hash_table_remove (rewind->standins->items, &id);
    }
  g_hash_table_remove (rewind->snapshot->items, &id);
  _jp_snapshot_add (rewind->snapshot, &data);
}

static void
take_back (Rewind       *rewind,
           sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  JpChangeKind kind = sqlite3_column_int (stmt, COLUMN_KIND);
  int detail = sqlite3_column_int (stmt, COLUMN_DETAIL);
  const char *old = (const char *) sqlite3_column_text (stmt, COLUMN_OLD);
  JpItemData *data;

  switch (kind)
    {
    case JP_CHANGE_ADD:
      g_hash_table_remove (rewind->snapshot->items, &id);
      g_hash_table_remove (rewind->standins->items, &id);
      g_hash_table_remove (rewind->areas, &id);
      return;
    case JP_CHANGE_REMOVE:
      take_back_remove (rewind, id, stmt);
      return;
    case JP_CHANGE_LINK:
      take_back_link (rewind, id, stmt);
      return;
    default:
      break;
    }

  data = &target (rewind, id)->data;
  switch (kind)
    {
    case JP_CHANGE_TEXT:
      if (detail >= 0 && detail < JP_N_TEXTS * JP_N_LANGS)
        {
          char **text = &data->texts[detail / JP_N_LANGS][detail % JP_N_LANGS];

          g_free (*text);
          *text = g_strdup (old);
        }
      break;
    case JP_CHANGE_FIELD:
      if (detail >= 0 && detail < JP_N_FIELDS)
        {
          g_free (data->fields[detail]);
          data->fields[detail] = g_strdup (old);
        }
      break;
    case JP_CHANGE_PHASE:
      if (old == NULL || !jp_phase_from_string (old, &data->phase))
        data->phase = JP_PHASE_NONE;
      break;
    case JP_CHANGE_STATUS:
      if (old == NULL || !jp_status_from_string (old, &data->status))
        data->status = JP_STATUS_NONE;
      break;
    case JP_CHANGE_MOVE:
      data->parent_id = sqlite3_column_int64 (stmt, 3);
      data->position = sqlite3_column_int (stmt, 4);
      break;
    default:
      break;
    }
}

/* The areas of the items that had links now, as ids. */
static void
areas_to_ids (Rewind *rewind)
{
  g_autoptr(GHashTable) by_uid = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, rewind->snapshot->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JpSnapshotItem *item = value;

      if (item->data.kind == JP_KIND_AREA && item->data.uid)
        g_hash_table_insert (by_uid, item->data.uid, item);
    }
  g_hash_table_iter_init (&iter, rewind->snapshot->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JpSnapshotItem *item = value;
      GArray *areas;

      if (item->areas == NULL)
        continue;
      areas = areas_of (rewind, item->data.id);
      for (guint i = 0; i < item->areas->len; i++)
        {
          JpSnapshotItem *area = g_hash_table_lookup (by_uid, item->areas->pdata[i]);

          if (area)
            g_array_append_val (areas, area->data.id);
        }
      g_clear_pointer (&item->areas, g_ptr_array_unref);
    }
}

/* And back to uids, in the order of the areas in the plan. */
static void
areas_to_uids (Rewind *rewind)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, rewind->areas);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JpSnapshotItem *item = _jp_snapshot_lookup (rewind->snapshot, *(gint64 *) key);
      GArray *ids = value;
      g_autoptr(GPtrArray) areas = g_ptr_array_new ();

      if (item == NULL)
        continue;
      for (guint i = 0; i < ids->len; i++)
        {
          JpSnapshotItem *area = _jp_snapshot_lookup (rewind->snapshot, g_array_index (ids, gint64, i));

          if (area && area->data.uid)
            g_ptr_array_add (areas, area);
        }
      if (areas->len == 0)
        continue;
      g_ptr_array_sort (areas, _jp_snapshot_compare_positions);
      item->areas = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < areas->len; i++)
        g_ptr_array_add (item->areas, g_strdup (((JpSnapshotItem *) areas->pdata[i])->data.uid));
    }
}

static void
mark_reachable (JpSnapshotItem *item)
{
  item->seen = TRUE;
  for (guint i = 0; i < item->children->len; i++)
    mark_reachable (item->children->pdata[i]);
}

/* The tree again, with only what is under @root_id. */
static void
rebuild_tree (JpSnapshot *snapshot,
              gint64      root_id)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, snapshot->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JpSnapshotItem *item = value;

      g_ptr_array_set_size (item->children, 0);
      item->parent = NULL;
    }
  _jp_snapshot_build_tree (snapshot, root_id);
  if (snapshot->root)
    mark_reachable (snapshot->root);
  g_hash_table_iter_init (&iter, snapshot->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JpSnapshotItem *item = value;

      if (!item->seen)
        g_hash_table_iter_remove (&iter);
      else
        item->seen = FALSE;
    }
}

static void
array_free (gpointer data)
{
  g_array_unref (data);
}

JpSnapshot *
_jp_sqlite_load_snapshot_at (sqlite3     *db,
                             GHashTable  *cache,
                             gint64       plan,
                             gint64       root_id,
                             gint64       seq,
                             GError     **error)
{
  g_autoptr(JpSnapshot) snapshot = NULL;
  g_autoptr(JpSnapshot) standins = _jp_snapshot_new ();
  g_autoptr(GHashTable) areas = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, array_free);
  Rewind rewind;
  sqlite3_stmt *stmt;
  gint64 year_root;
  int rc;

  /* The whole year: what is under @root_id now may have come from
   * elsewhere in it, and the other way round. */
  year_root = _jp_sqlite_root_of (db, cache, root_id);
  if (year_root == 0)
    year_root = _jp_sqlite_plan_root (db, cache, plan);
  snapshot = _jp_snapshot_load (db, cache, year_root, error);
  if (snapshot == NULL)
    return NULL;

  rewind = (Rewind) { snapshot, standins, areas };
  areas_to_ids (&rewind);
  stmt = _jp_sqlite_prepare (db, cache, changes_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, seq);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    take_back (&rewind, stmt);
  _jp_sqlite_release (cache, stmt);
  if (rc != SQLITE_DONE)
    {
      _jp_sqlite_error (db, rc, error);
      return NULL;
    }
  areas_to_uids (&rewind);
  rebuild_tree (snapshot, root_id);
  return g_steal_pointer (&snapshot);
}

JpSnapshot *
jp_database_load_snapshot_at (JpDatabase  *self,
                              gint64       root_id,
                              gint64       seq,
                              GError     **error)
{
  JpConnection *connection;

  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);

  connection = _jp_database_get_connection (self);
  return _jp_sqlite_load_snapshot_at (connection->db, connection->statements, connection->plan,
                                      root_id, seq, error);
}

typedef struct {
  gint64 root_id;
  gint64 seq;
} SnapshotAtJob;

static void
snapshot_at_thread (GTask        *task,
                    JpConnection *connection,
                    gpointer      job,
                    GCancellable *cancellable)
{
  SnapshotAtJob *at = job;
  GError *error = NULL;
  JpSnapshot *snapshot;

  if (!_jp_sqlite_exec (connection->db, "BEGIN", &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* One read transaction: the plan and its history as one. */
  snapshot = _jp_sqlite_load_snapshot_at (connection->db, connection->statements, connection->plan,
                                          at->root_id, at->seq, &error);
  _jp_database_rollback (connection->db);
  if (snapshot == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, snapshot, (GDestroyNotify) _jp_snapshot_free);
}

void
jp_database_load_snapshot_at_async (JpDatabase          *self,
                                    gint64               root_id,
                                    gint64               seq,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  SnapshotAtJob *job = g_new0 (SnapshotAtJob, 1);

  g_return_if_fail (JP_IS_DATABASE (self));

  job->root_id = root_id;
  job->seq = seq;
  _jp_database_run_in_worker (self, jp_database_load_snapshot_at_async, job, g_free,
                              snapshot_at_thread, cancellable, callback, user_data);
}

JpSnapshot *
jp_database_load_snapshot_at_finish (JpDatabase    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
