/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-database"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>

#include "model/store/jp-database-private.h"

/* ------------------------------------------------------------------ errors */

static void
integrity_func (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  const int *integrity = sqlite3_user_data (context);

  sqlite3_result_int (context, *integrity);
}

gboolean
_jp_sqlite_hold_writes (sqlite3   *db,
                        const int *integrity)
{
  return sqlite3_create_function_v2 (db, "jp_integrity", 0, SQLITE_UTF8 | SQLITE_DIRECTONLY, (gpointer) integrity,
                                     integrity_func, NULL, NULL, NULL) == SQLITE_OK &&
         sqlite3_exec (db, "PRAGMA query_only = 1", NULL, NULL, NULL) == SQLITE_OK;
}

gboolean
_jp_sqlite_release_writes (sqlite3 *db)
{
  return sqlite3_exec (db, "PRAGMA query_only = 0", NULL, NULL, NULL) == SQLITE_OK;
}

/* A write refused because writes are held back: why, in words. */
static gboolean
explain_held_write (sqlite3  *db,
                    GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int integrity = JP_DATABASE_INTEGRITY_OK;

  if (db == NULL || sqlite3_prepare_v2 (db, "SELECT jp_integrity ()", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    integrity = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (integrity == JP_DATABASE_INTEGRITY_CHECKING)
    g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_BUSY,
                 _("The plan file is being checked, as Jaarplan was not closed properly. It can be changed "
                   "as soon as the check has passed."));
  else if (integrity == JP_DATABASE_INTEGRITY_DAMAGED)
    g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CORRUPT,
                 _("The plan file “%s” is damaged. It has not been changed; restore it from a backup "
                   "or import an exported plan into a new file."), sqlite3_db_filename (db, "main"));
  else
    return FALSE;
  return TRUE;
}

void
_jp_sqlite_error (sqlite3  *db,
                  int       rc,
                  GError  **error)
{
  /* SQLite quotes names from a damaged file's schema as they are: the
   * message is made valid before it reaches a user. */
  g_autofree char *detail = g_utf8_make_valid (db ? sqlite3_errmsg (db) : sqlite3_errstr (rc), -1);
  int sys_errno = db ? sqlite3_system_errno (db) : 0;

  /* A write that fails for want of quota or over the file size limit is
   * an I/O error to SQLite, not a full disk. */
  if ((rc & 0xff) == SQLITE_IOERR && (sys_errno == ENOSPC || sys_errno == EFBIG || sys_errno == EDQUOT))
    rc = SQLITE_FULL;
  if (rc == SQLITE_IOERR_WRITE)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_FULL,
                   _("The plan file could not be written (%s): the disk may be full. The change was not "
                     "stored."), detail);
      return;
    }

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_BUSY,
                   _("The plan is being changed by another program. Try again in a moment."));
      break;
    case SQLITE_FULL:
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_FULL,
                   _("The disk is full: the change could not be stored. Free some space and try again."));
      break;
    case SQLITE_READONLY:
      if (explain_held_write (db, error))
        break;
      G_GNUC_FALLTHROUGH;
    case SQLITE_PERM:
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_READONLY,
                   _("The plan file cannot be written (it is read-only)."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CORRUPT,
                   _("The plan file is damaged or is not a plan database."));
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_OPEN,
                   _("The plan file cannot be read or written (%s)."), detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
                   _("The change is not allowed (%s)."), detail);
      break;
    default:
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_FAILED,
                   _("The plan database reported an error: %s."), detail);
      break;
    }
}

gboolean
_jp_database_set_error (JpDatabase  *self,
                        int          rc,
                        GError     **error)
{
  _jp_sqlite_error (self->db, rc, error);
  return FALSE;
}

gboolean
_jp_sqlite_exec (sqlite3     *db,
                 const char  *sql,
                 GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _jp_sqlite_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* --------------------------------------------------------------- statements */

/* A statement for @sql: from @cache (SQL → statement, keyed by the SQL's
 * address, so @sql must be a constant) when one is given and holds it,
 * reset and with its bindings cleared; else prepared, and kept in @cache
 * if there is one.  Hand it back with _jp_sqlite_release(). */
sqlite3_stmt *
_jp_sqlite_prepare (sqlite3     *db,
                    GHashTable  *cache,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = cache ? g_hash_table_lookup (cache, sql) : NULL;
  int rc;

  if (stmt)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (db, sql, -1, cache ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _jp_sqlite_error (db, rc, error);
      return NULL;
    }
  if (cache)
    g_hash_table_insert (cache, g_strdup (sql), stmt);
  return stmt;
}

/* Resets a statement from @cache, or finalizes one made without. */
void
_jp_sqlite_release (GHashTable   *cache,
                    sqlite3_stmt *stmt)
{
  if (cache)
    sqlite3_reset (stmt);
  else
    sqlite3_finalize (stmt);
}

/* A cache of prepared statements, by their text (copied: a caller's
 * text may be one it made). */
GHashTable *
_jp_sqlite_new_statements (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _jp_statement_free);
}

void
_jp_statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

sqlite3_stmt *
_jp_database_prepare (JpDatabase  *self,
                      const char  *sql,
                      GError     **error)
{
  return _jp_sqlite_prepare (self->db, self->statements, sql, error);
}

JpConnection *
_jp_database_get_connection (JpDatabase *self)
{
  self->connection.db = self->db;
  self->connection.statements = self->statements;
  return &self->connection;
}

GHashTable *
_jp_database_get_statements (JpDatabase *self)
{
  return self->statements;
}

sqlite3 *
_jp_database_get_handle (JpDatabase *self)
{
  return self->db;
}

/* Runs a statement that returns no rows. */
gboolean
_jp_database_step_done (JpDatabase    *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _jp_database_set_error (self, rc, error);
  return TRUE;
}

gint64
_jp_database_query_int (JpDatabase *self,
                        const char *sql,
                        gint64      arg,
                        gint64      fallback)
{
  sqlite3_stmt *stmt = _jp_database_prepare (self, sql, NULL);
  gint64 value = fallback;

  if (stmt == NULL)
    return fallback;
  sqlite3_bind_int64 (stmt, 1, arg);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* With G_MESSAGES_DEBUG=jp-database, every statement that takes a
 * millisecond or more is logged with its time and the thread it ran in:
 * what a slow start or a slow search waits for. */
static int
trace_slow (unsigned int  type,
            void         *context,
            void         *p,
            void         *x)
{
  sqlite3_int64 ns = *(sqlite3_int64 *) x;

  if (ns >= 1000000)
    {
      char *sql = sqlite3_expanded_sql (p);

      g_debug ("%s %.1f ms: %.200s", g_main_context_is_owner (g_main_context_default ()) ? "main" : "worker",
               ns / 1e6, sql ? sql : sqlite3_sql (p));
      sqlite3_free (sql);
    }
  return 0;
}

sqlite3 *
_jp_database_connect (const char  *path,
                      GError     **error)
{
  sqlite3 *db = NULL;
  gboolean memory = g_strcmp0 (path, ":memory:") == 0;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  int rc;

  if (memory)
    flags |= SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (path, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      if (rc == SQLITE_CANTOPEN)
        g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_OPEN,
                     _("The plan file “%s” cannot be opened."), path);
      else
        _jp_sqlite_error (db, rc, error);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, 5000);
  if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    sqlite3_trace_v2 (db, SQLITE_TRACE_PROFILE, trace_slow, NULL);
  if (!_jp_sqlite_exec (db, "PRAGMA foreign_keys = ON;", error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}
