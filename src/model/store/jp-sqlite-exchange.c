/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>

#include "model/store/jp-sqlite-private.h"
#include "model/store/jp-connection-exchange.h"

/* ---------------------------------------------------------------- records */

char *
_jp_connection_exchange_origin (JpConnection *connection)
{
  sqlite3_stmt *stmt = NULL;
  char *origin = NULL;

  if ((stmt = _jp_sqlite_prepare (connection->db, connection->statements,
                                     "SELECT origin FROM exchange_self WHERE id = 1", NULL)) != NULL &&
      sqlite3_step (stmt) == SQLITE_ROW)
    origin = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (stmt)
    _jp_sqlite_release (connection->statements, stmt);
  return origin;
}

char *
_jp_connection_exchange_sent_items (JpConnection *connection,
                                    const char   *export_id)
{
  sqlite3_stmt *stmt = NULL;
  char *items = NULL;

  if ((stmt = _jp_sqlite_prepare (connection->db, connection->statements,
                                     "SELECT items FROM exchange_record WHERE export = ?", NULL)) != NULL)
    {
      sqlite3_bind_text (stmt, 1, export_id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        items = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  if (stmt)
    _jp_sqlite_release (connection->statements, stmt);
  return items;
}

GPtrArray *
_jp_connection_exchange_versions (JpConnection *connection,
                                  const char   *export_id)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_ptr_array_add (texts, _jp_connection_exchange_sent_items (connection, export_id));
  if ((stmt = _jp_sqlite_prepare (connection->db, connection->statements,
                                     "SELECT items FROM exchange_base WHERE export = ? ORDER BY seq", NULL)) != NULL)
    {
      sqlite3_bind_text (stmt, 1, export_id, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (texts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  if (stmt)
    _jp_sqlite_release (connection->statements, stmt);
  return texts;
}

gboolean
_jp_connection_exchange_is_base (JpConnection *connection,
                                 const char   *export_id,
                                 const char   *items)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if ((stmt = _jp_sqlite_prepare (connection->db, connection->statements,
                                     "SELECT 1 FROM exchange_record WHERE export = ?1 AND items = ?2"
                                     " UNION ALL SELECT 1 FROM exchange_base WHERE export = ?1 AND items = ?2", NULL)) != NULL)
    {
      sqlite3_bind_text (stmt, 1, export_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, items, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  if (stmt)
    _jp_sqlite_release (connection->statements, stmt);
  return found;
}

gboolean
_jp_connection_exchange_is_known (JpConnection *connection,
                                  const char   *export_id,
                                  const char   *origin,
                                  const char   *scope_uid)
{
  sqlite3_stmt *stmt = NULL;
  gboolean known = FALSE;

  if ((stmt = _jp_sqlite_prepare (connection->db, connection->statements,
                                     "SELECT 1 FROM exchange_record WHERE export = ? AND origin = ? AND scope = ?", NULL)) != NULL)
    {
      sqlite3_bind_text (stmt, 1, export_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, origin, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, scope_uid, -1, SQLITE_STATIC);
      known = sqlite3_step (stmt) == SQLITE_ROW;
    }
  if (stmt)
    _jp_sqlite_release (connection->statements, stmt);
  return known;
}

gboolean
_jp_connection_exchange_scope_record (JpConnection  *connection,
                                      const char    *scope_uid,
                                      char         **export_id,
                                      char         **origin,
                                      char         **since)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  *export_id = *origin = *since = NULL;
  if ((stmt = _jp_sqlite_prepare (connection->db, connection->statements,
                                     "SELECT r.export, r.origin, s.since FROM exchange_scope s"
                                     " JOIN exchange_record r USING (export) WHERE s.scope = ?", NULL)) != NULL)
    {
      sqlite3_bind_text (stmt, 1, scope_uid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          *export_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          *origin = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          *since = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          found = TRUE;
        }
    }
  if (stmt)
    _jp_sqlite_release (connection->statements, stmt);
  return found;
}

#define MAX_SINCE 8

/* @state, then the hashes of @since without it, at most MAX_SINCE. */
static char *
since_prepend (const char *state,
               const char *since)
{
  g_auto(GStrv) old = g_strsplit (since ? since : "", " ", -1);
  GString *s = g_string_new (state);
  guint n = 1;

  for (guint i = 0; old[i] && n < MAX_SINCE; i++)
    if (*old[i] && strcmp (old[i], state) != 0)
      {
        g_string_append_printf (s, " %s", old[i]);
        n++;
      }
  return g_string_free (s, FALSE);
}

/* Runs @sql with up to four text parameters (NULL ends them). */
static gboolean
run_sql (sqlite3     *db,
         const char  *sql,
         GError     **error,
         const char  *first,
         ...)
{
  sqlite3_stmt *stmt = NULL;
  const char *value = first;
  va_list args;
  int rc, i = 1;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  va_start (args, first);
  for (; rc == SQLITE_OK && value; value = va_arg (args, const char *))
    sqlite3_bind_text (stmt, i++, value, -1, SQLITE_STATIC);
  va_end (args);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
    }
  if (rc != SQLITE_OK)
    _jp_sqlite_error (db, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

gboolean
_jp_connection_exchange_store_export (JpConnection  *connection,
                                      const char    *scope_uid,
                                      const char    *export_id,
                                      const char    *origin,
                                      const char    *items,
                                      const char    *relayed_state,
                                      GError       **error)
{
  sqlite3 *db = connection->db;
  g_autofree char *since = NULL;
  sqlite3_stmt *stmt = NULL;

  if (!_jp_sqlite_exec (db, "BEGIN IMMEDIATE", error) ||
      !run_sql (db, "INSERT OR IGNORE INTO exchange_record (export, origin, scope, items) VALUES (?, ?, ?, ?)",
                error, export_id, origin, scope_uid, items, NULL))
    goto fail;
  /* What a relay sent is a version what comes back may derive from. */
  if (relayed_state)
    {
      if (sqlite3_prepare_v2 (db, "SELECT since FROM exchange_scope WHERE scope = ?", -1, &stmt, NULL) == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, scope_uid, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            since = since_prepend (relayed_state, (const char *) sqlite3_column_text (stmt, 0));
        }
      sqlite3_finalize (stmt);
      if (since && !run_sql (db, "UPDATE exchange_scope SET since = ?1 WHERE scope = ?2 AND since IS NOT ?1",
                             error, since, scope_uid, NULL))
        goto fail;
    }
  if (!_jp_sqlite_exec (db, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  _jp_database_rollback (db);
  /* A plan that cannot be written cannot take the file back either: the
   * export goes ahead, and the record is only lost for a check that can
   * never happen here. */
  if ((sqlite3_extended_errcode (db) & 0xff) == SQLITE_READONLY)
    {
      g_clear_error (error);
      return TRUE;
    }
  return FALSE;
}

gboolean
_jp_connection_exchange_store_import (JpConnection  *connection,
                                      const char    *scope_uid,
                                      const char    *export_id,
                                      const char    *origin,
                                      const char    *items,
                                      const char    *came_back,
                                      const char    *state,
                                      GError       **error)
{
  sqlite3 *db = connection->db;
  g_autofree char *self = _jp_connection_exchange_origin (connection);
  g_autofree char *old_since = NULL;
  g_autofree char *since = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean same = FALSE;

  if (self == NULL)
    return TRUE;
  if (!run_sql (db, "INSERT OR IGNORE INTO exchange_record (export, origin, scope, items) VALUES (?, ?, ?, ?)",
                error, export_id, origin, scope_uid, items, NULL))
    return FALSE;

  /* An id known with another origin or scope is not this record. */
  if (sqlite3_prepare_v2 (db, "SELECT origin = ?2 AND scope = ?3 FROM exchange_record WHERE export = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, export_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, origin, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, scope_uid, -1, SQLITE_STATIC);
      same = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
    }
  sqlite3_finalize (stmt);
  if (!same)
    return TRUE;

  /* The content now here is a version what is sent next derives from. */
  if (sqlite3_prepare_v2 (db, "SELECT since FROM exchange_scope WHERE scope = ? AND export = ?",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, scope_uid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, export_id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        old_since = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  since = since_prepend (state, old_since);
  if (!run_sql (db, "INSERT INTO exchange_scope (scope, export, since) VALUES (?1, ?2, ?3)"
                    " ON CONFLICT (scope) DO UPDATE SET export = excluded.export, since = excluded.since"
                    " WHERE export IS NOT excluded.export OR since IS NOT excluded.since",
                error, scope_uid, export_id, since, NULL))
    return FALSE;

  /* What came back is what the other side now has: a file that carries
   * the record later may derive from it as well as from what was sent. */
  if (strcmp (origin, self) != 0)
    return TRUE;
  if (_jp_connection_exchange_is_base (connection, export_id, came_back))
    return TRUE;
  return run_sql (db, "INSERT INTO exchange_base (export, seq, items) VALUES (?1,"
                      " (SELECT ifnull (max (seq), 0) + 1 FROM exchange_base WHERE export = ?1), ?2)",
                  error, export_id, came_back, NULL);
}

/* ---------------------------------------------------------------- the scope check */

/* While a chapter, section or contacts file is applied, triggers note
 * every item whose row, texts or links are written (cascades included):
 * what a write found must have been in the scope at the start, what it
 * leaves must be in it at the end.  The rest of the plan is counted
 * before and after as well.  Both cost what
 * the scope costs, not what the plan does: a checksum of the rest took
 * 2.3 s a pass on a plan of 167 000 items. */
#define WATCHING " WHEN EXISTS (SELECT 1 FROM temp.jp_scope_watch) BEGIN"

/* The triggers stay on the connection once made and note writes only
 * while jp_scope_watch holds a row: creating and dropping them for each
 * import cost an eighth of a small import, and every change of the
 * schema makes SQLite prepare each cached statement again. */
static const char watch_create_sql[] =
  "CREATE TEMP TABLE IF NOT EXISTS jp_scope_watch (active INTEGER);"
  "CREATE TEMP TABLE IF NOT EXISTS jp_scope_before (id INTEGER PRIMARY KEY);"
  "CREATE TEMP TABLE IF NOT EXISTS jp_scope_touched (id INTEGER, old INTEGER);"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_item_i AFTER INSERT ON main.item" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (new.id, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_item_u AFTER UPDATE ON main.item" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (old.id, 1); INSERT INTO jp_scope_touched VALUES (new.id, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_item_d AFTER DELETE ON main.item" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (old.id, 1); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_text_i AFTER INSERT ON main.text" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (new.item, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_text_u AFTER UPDATE ON main.text" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (old.item, 1); INSERT INTO jp_scope_touched VALUES (new.item, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_text_d AFTER DELETE ON main.text" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (old.item, 1); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_link_i AFTER INSERT ON main.link" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (new.section, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_link_u AFTER UPDATE ON main.link" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (old.section, 1); INSERT INTO jp_scope_touched VALUES (new.section, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_link_d AFTER DELETE ON main.link" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (old.section, 1); END;";

static const char watch_begin_sql[] =
  "DELETE FROM temp.jp_scope_before; DELETE FROM temp.jp_scope_touched;"
  "INSERT INTO temp.jp_scope_watch VALUES (1);";

static const char watch_end_sql[] =
  "DELETE FROM temp.jp_scope_watch; DELETE FROM temp.jp_scope_before; DELETE FROM temp.jp_scope_touched;";

#define SCOPE_SUB \
  "WITH RECURSIVE sub (id) AS (SELECT ?1 UNION ALL SELECT item.id FROM item JOIN sub ON item.parent = sub.id) "

/* Runs @sql, bound to @root_id, to its first row (or its end). */
static sqlite3_stmt *
step_scope (JpConnection *connection,
            const char  *sql,
            gint64       root_id,
            int         *rc,
            GError     **error)
{
  sqlite3_stmt *stmt = _jp_sqlite_prepare (connection->db, connection->statements, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, root_id);
  *rc = sqlite3_step (stmt);
  if (*rc != SQLITE_ROW && *rc != SQLITE_DONE)
    {
      _jp_sqlite_error (connection->db, *rc, error);
      _jp_sqlite_release (connection->statements, stmt);
      return NULL;
    }
  return stmt;
}

/* How many items, texts and links lie outside the subtree under @root_id. */
char *
_jp_connection_outside_counts (JpConnection *connection,
                               gint64       root_id,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  char *counts = NULL;
  int rc;

  stmt = step_scope (connection, SCOPE_SUB
                     "SELECT (SELECT count(*) FROM item) - (SELECT count(*) FROM sub),"
                     " (SELECT count(*) FROM text) - (SELECT count(*) FROM text WHERE item IN sub),"
                     " (SELECT count(*) FROM link) - (SELECT count(*) FROM link WHERE section IN sub)",
                     root_id, &rc, error);
  if (stmt == NULL)
    return NULL;
  counts = g_strdup_printf ("items %" G_GINT64_FORMAT ", texts %" G_GINT64_FORMAT ", links %" G_GINT64_FORMAT,
                            (gint64) sqlite3_column_int64 (stmt, 0), (gint64) sqlite3_column_int64 (stmt, 1),
                            (gint64) sqlite3_column_int64 (stmt, 2));
  _jp_sqlite_release (connection->statements, stmt);
  return counts;
}

gboolean
_jp_connection_watch_setup (JpConnection *connection,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean made = FALSE;

  stmt = _jp_sqlite_prepare (connection->db, connection->statements,
                                     "SELECT 1 FROM sqlite_temp_master WHERE type = 'trigger'"
                             " AND name = 'jp_watch_link_d'", NULL);
  if (stmt)
    {
      made = sqlite3_step (stmt) == SQLITE_ROW;
      _jp_sqlite_release (connection->statements, stmt);
    }
  return made || _jp_sqlite_exec (connection->db, watch_create_sql, error);
}

gboolean
_jp_connection_watch_begin (JpConnection *connection,
                            gint64       root_id,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Made here if need be (rolled back with the transaction then). */
  if (!_jp_connection_watch_setup (connection, error) || !_jp_sqlite_exec (connection->db, watch_begin_sql, error))
    return FALSE;
  stmt = step_scope (connection, SCOPE_SUB "INSERT INTO temp.jp_scope_before SELECT id FROM sub",
                     root_id, &rc, error);
  if (stmt == NULL)
    return FALSE;
  _jp_sqlite_release (connection->statements, stmt);
  return TRUE;
}

gboolean
_jp_connection_watch_end (JpConnection *connection,
                          gint64       root_id,
                        gboolean    *outside,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *outside = FALSE;
  stmt = step_scope (connection, SCOPE_SUB
                     "SELECT EXISTS (SELECT 1 FROM temp.jp_scope_touched WHERE old AND id NOT IN"
                     " temp.jp_scope_before) OR EXISTS (SELECT 1 FROM temp.jp_scope_touched WHERE NOT old"
                     " AND id NOT IN sub)", root_id, &rc, error);
  if (stmt == NULL)
    return FALSE;
  *outside = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  _jp_sqlite_release (connection->statements, stmt);
  return _jp_sqlite_exec (connection->db, watch_end_sql, error);
}
