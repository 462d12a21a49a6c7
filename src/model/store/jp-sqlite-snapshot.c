/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-snapshot"

#include "config.h"

#include "model/store/jp-database-private.h"

/* Reading a snapshot (model/jp-snapshot.h) from the tables. */

/* The ids of the subtree under ?1, as a common table "sub". */
#define SUBTREE \
  "WITH RECURSIVE sub (id) AS (SELECT ?1 UNION ALL SELECT item.id FROM item JOIN sub ON item.parent = sub.id)"

/* The three reads, for a subtree and for the whole plan: the whole plan
 * is read straight from the tables, without walking the tree (a third
 * faster on a large plan). */
static const char * const items_sql[2] = {
  SUBTREE " SELECT " JP_ITEM_COLUMNS " FROM item JOIN sub USING (id)",
  "SELECT " JP_ITEM_COLUMNS " FROM item WHERE ?1 = ?1",
};
static const char * const texts_sql[2] = {
  SUBTREE " SELECT item, field, lang, value FROM text JOIN sub ON text.item = sub.id",
  "SELECT item, field, lang, value FROM text WHERE ?1 = ?1",
};
static const char * const links_sql[2] = {
  SUBTREE " SELECT link.section, area.uid FROM link JOIN sub ON link.section = sub.id"
  " JOIN item area ON area.id = link.area ORDER BY link.section, area.position, area.id",
  "SELECT link.section, area.uid FROM link JOIN item area ON area.id = link.area"
  " WHERE ?1 = ?1 ORDER BY link.section, area.position, area.id",
};

typedef void (*RowFunc) (JpSnapshot   *snapshot,
                         sqlite3_stmt *stmt);

static void
read_item (JpSnapshot   *snapshot,
           sqlite3_stmt *stmt)
{
  JpItemData data = { 0 };

  _jp_item_data_read (&data, stmt);
  _jp_snapshot_add (snapshot, &data);
}

static void
read_text (JpSnapshot   *snapshot,
           sqlite3_stmt *stmt)
{
  JpSnapshotItem *item = _jp_snapshot_lookup (snapshot, sqlite3_column_int64 (stmt, 0));

  if (item)
    _jp_item_data_read_text (&item->data, stmt, 1);
}

static void
read_link (JpSnapshot   *snapshot,
           sqlite3_stmt *stmt)
{
  JpSnapshotItem *item = _jp_snapshot_lookup (snapshot, sqlite3_column_int64 (stmt, 0));

  if (item == NULL)
    return;
  if (item->areas == NULL)
    item->areas = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (item->areas, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
}

static gboolean
read_rows (JpSnapshot  *snapshot,
           sqlite3     *db,
           GHashTable  *cache,
           const char  *sql,
           gint64       root_id,
           RowFunc      func,
           GError     **error)
{
  sqlite3_stmt *stmt = _jp_sqlite_prepare (db, cache, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, root_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (snapshot, stmt);
  _jp_sqlite_release (cache, stmt);
  if (rc != SQLITE_DONE)
    {
      _jp_sqlite_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_root (sqlite3    *db,
         GHashTable *cache,
         gint64      id)
{
  sqlite3_stmt *stmt = _jp_sqlite_prepare (db, cache, "SELECT parent IS NULL FROM item WHERE id = ?", NULL);
  gboolean root = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  root = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  _jp_sqlite_release (cache, stmt);
  /* With several years, a plan is a subtree like any other. */
  return root && _jp_sqlite_count_plans (db, cache) == 1;
}

JpSnapshot *
_jp_snapshot_load (sqlite3     *db,
                   GHashTable  *cache,
                   gint64       root_id,
                   GError     **error)
{
  g_autoptr(JpSnapshot) snapshot = _jp_snapshot_new ();
  int whole = is_root (db, cache, root_id);

  if (!read_rows (snapshot, db, cache, items_sql[whole], root_id, read_item, error) ||
      !read_rows (snapshot, db, cache, texts_sql[whole], root_id, read_text, error) ||
      !read_rows (snapshot, db, cache, links_sql[whole], root_id, read_link, error))
    return NULL;
  _jp_snapshot_build_tree (snapshot, root_id);
  return g_steal_pointer (&snapshot);
}

JpSnapshot *
_jp_connection_load_snapshot (JpConnection  *connection,
                              gint64         root_id,
                              GError       **error)
{
  g_return_val_if_fail (connection != NULL, NULL);
  return _jp_snapshot_load (connection->db, connection->statements, root_id, error);
}
