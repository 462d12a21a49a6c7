/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-database"

#include "config.h"

#include "model/jp-year-compare.h"
#include "model/store/jp-database-private.h"

/* What the comparison of two years reads from the tables, on the
 * database's connection or a worker's. */

gint64
_jp_connection_get_year_root (JpConnection *connection,
                              guint         year)
{
  g_autofree char *number = g_strdup_printf ("%u", year);
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = _jp_sqlite_prepare (connection->db, connection->statements,
                             "SELECT id FROM item WHERE parent IS NULL AND number = ? ORDER BY id DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  _jp_sqlite_release (connection->statements, stmt);
  return id;
}

GHashTable *
_jp_connection_get_continuations (JpConnection  *connection,
                                  GError       **error)
{
  g_autoptr(GHashTable) links = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _jp_sqlite_prepare (connection->db, connection->statements, "SELECT item, previous FROM continuation", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 item = sqlite3_column_int64 (stmt, 0);
      gint64 previous = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (links, g_memdup2 (&item, sizeof item), g_memdup2 (&previous, sizeof previous));
    }
  _jp_sqlite_release (connection->statements, stmt);
  if (rc != SQLITE_DONE)
    {
      _jp_sqlite_error (connection->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&links);
}
