/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-history"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/store/jp-database-private.h"
#include "model/store/jp-history.h"

/* The history of the plan (jp-history.h): the table history, written
 * by the triggers of migration 9, read here; the versions; the plan as
 * it was at a point. */

#define HISTORY_TIME_FORMAT "%Y-%m-%dT%H:%M:%fZ"

char *
_jp_history_default_author (void)
{
  const char *name = g_getenv ("JAARPLAN_AUTHOR");

  if (name == NULL || *name == '\0')
    name = g_get_real_name ();
  /* GLib answers "Unknown" when the account has no real name. */
  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return g_strdup (name);
}

gboolean
_jp_sqlite_history_begin (sqlite3     *db,
                          GHashTable  *cache,
                          const char  *author,
                          const char  *source,
                          gboolean     replay,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = _jp_sqlite_prepare (db, cache, "UPDATE history_state SET author = ?, source = ?, replay = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, author ? author : "", -1, SQLITE_TRANSIENT);
  if (source)
    sqlite3_bind_text (stmt, 2, source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, replay);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _jp_sqlite_error (db, sqlite3_errcode (db), error);
  _jp_sqlite_release (cache, stmt);
  return ok;
}

void
_jp_connection_set_origin (JpConnection *connection,
                           const char   *author,
                           const char   *source)
{
  g_return_if_fail (connection != NULL);
  g_free (connection->file_author);
  connection->file_author = author && *author ? g_strdup (author) : NULL;
  g_free (connection->source);
  connection->source = g_strdup (source);
}

const char *
_jp_connection_get_author (JpConnection *connection)
{
  g_return_val_if_fail (connection != NULL, NULL);
  return connection->author;
}

/* ----------------------------------------------------------------- reading */

static GDateTime *
parse_time (const char *text)
{
  GDateTime *time = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  return time ? time : g_date_time_new_from_unix_utc (0);
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
}

void
jp_history_entry_free (JpHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_clear_pointer (&entry->time, g_date_time_unref);
  g_free (entry->who);
  g_free (entry->source);
  g_free (entry);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

GPtrArray *
jp_database_get_item_history (JpDatabase  *self,
                              gint64       id,
                              GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_history_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);

  /* A move only along its siblings (one above it went) is not the
   * item's own change. */
  stmt = _jp_database_prepare (self,
                               "SELECT seq, kind, detail, old_value, new_value, time, who, source, undone"
                               " FROM history WHERE item = ? AND NOT replay AND (kind != 7 OR"
                               " json_extract (old_value, '$.parent') IS NOT json_extract (new_value, '$.parent'))"
                               " ORDER BY seq DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpHistoryEntry *entry = g_new0 (JpHistoryEntry, 1);

      entry->seq = sqlite3_column_int64 (stmt, 0);
      entry->item = id;
      entry->kind = sqlite3_column_int (stmt, 1);
      entry->detail = sqlite3_column_int (stmt, 2);
      entry->old_value = column_dup (stmt, 3);
      entry->new_value = column_dup (stmt, 4);
      entry->time = parse_time ((const char *) sqlite3_column_text (stmt, 5));
      entry->who = column_dup (stmt, 6);
      entry->source = column_dup (stmt, 7);
      entry->undone = sqlite3_column_int (stmt, 8) != 0;
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _jp_database_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

const char *
jp_database_get_author (JpDatabase *self)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);
  return self->connection.author;
}

void
jp_database_set_author (JpDatabase *self,
                        const char *name)
{
  g_return_if_fail (JP_IS_DATABASE (self));

  g_free (self->connection.author);
  self->connection.author = name && *name ? g_strdup (name) : _jp_history_default_author ();
}

gint64
jp_database_history_now (JpDatabase *self)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), 0);
  return _jp_database_query_int (self, "SELECT coalesce (max (seq), 0) FROM history WHERE ?1 = ?1", 0, 0);
}

gint64
jp_database_history_at_time (JpDatabase *self,
                             GDateTime  *time)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gint64 seq = 0;

  g_return_val_if_fail (JP_IS_DATABASE (self), 0);
  g_return_val_if_fail (time != NULL, 0);

  text = format_time (time);
  stmt = _jp_database_prepare (self, "SELECT coalesce (max (seq), 0) FROM history WHERE time <= ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return seq;
}

/* ---------------------------------------------------------------- versions */

void
jp_version_free (JpVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->name);
  g_clear_pointer (&version->time, g_date_time_unref);
  g_free (version->who);
  g_free (version->scope);
  g_free (version);
}

#define VERSION_COLUMNS "id, kind, name, seq, time, who, scope, year"

static JpVersion *
version_read (sqlite3_stmt *stmt)
{
  JpVersion *version = g_new0 (JpVersion, 1);

  version->id = sqlite3_column_int64 (stmt, 0);
  version->kind = sqlite3_column_int (stmt, 1);
  version->name = column_dup (stmt, 2);
  version->seq = sqlite3_column_int64 (stmt, 3);
  version->time = parse_time ((const char *) sqlite3_column_text (stmt, 4));
  version->who = column_dup (stmt, 5);
  version->scope = column_dup (stmt, 6);
  version->year = sqlite3_column_int (stmt, 7);
  return version;
}

/* The plan's year on @db: the number of the open root. */
static guint
open_year (sqlite3    *db,
           GHashTable *cache,
           gint64      plan)
{
  sqlite3_stmt *stmt = _jp_sqlite_prepare (db, cache, "SELECT number FROM item WHERE id = ?", NULL);
  guint year = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, _jp_sqlite_plan_root (db, cache, plan));
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0))
    year = (guint) g_ascii_strtoull ((const char *) sqlite3_column_text (stmt, 0), NULL, 10);
  _jp_sqlite_release (cache, stmt);
  return year;
}

static gint64
insert_version (JpConnection   *connection,
                JpVersionKind   kind,
                const char     *name,
                const char     *scope,
                GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = _jp_sqlite_prepare (connection->db, connection->statements,
                             "INSERT INTO version (kind, name, seq, time, who, scope, year)"
                             " VALUES (?, ?, (SELECT coalesce (max (seq), 0) FROM history),"
                             " strftime ('" HISTORY_TIME_FORMAT "', 'now'), ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, connection->author ? connection->author : "", -1, SQLITE_TRANSIENT);
  if (scope)
    sqlite3_bind_text (stmt, 4, scope, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, open_year (connection->db, connection->statements, connection->plan));
  if (sqlite3_step (stmt) == SQLITE_DONE)
    id = sqlite3_last_insert_rowid (connection->db);
  else
    _jp_sqlite_error (connection->db, sqlite3_errcode (connection->db), error);
  _jp_sqlite_release (connection->statements, stmt);
  return id;
}

gboolean
_jp_connection_note_version (JpConnection   *connection,
                             int             kind,
                             const char     *name,
                             const char     *scope,
                             GError        **error)
{
  g_return_val_if_fail (connection != NULL, FALSE);

  return insert_version (connection, kind, name ? name : "", scope, error) != 0;
}

void
_jp_connection_note_import (JpConnection *connection,
                            const char   *name,
                            const char   *scope)
{
  g_autoptr(GError) error = NULL;

  if (!_jp_connection_note_version (connection, JP_VERSION_IMPORT, name, scope, &error))
    g_debug ("The import was not noted in the history: %s", error->message);
}

JpVersion *
jp_database_save_version (JpDatabase  *self,
                          const char  *name,
                          GError     **error)
{
  g_autofree char *stripped = NULL;
  gint64 id;

  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);

  stripped = g_strstrip (g_strdup (name ? name : ""));
  if (*stripped == '\0')
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID, _("A version needs a name."));
      return NULL;
    }
  id = insert_version (_jp_database_get_connection (self), JP_VERSION_SAVED, stripped, NULL, error);
  if (id == 0)
    return NULL;
  return jp_database_get_version (self, id, error);
}

GPtrArray *
jp_database_list_versions (JpDatabase  *self,
                           GError     **error)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_version_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);

  stmt = _jp_database_prepare (self, "SELECT " VERSION_COLUMNS " FROM version WHERE year = ? ORDER BY seq DESC, id DESC",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, jp_database_get_year (self));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (versions, version_read (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _jp_database_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&versions);
}

JpVersion *
jp_database_get_version (JpDatabase  *self,
                         gint64       id,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  JpVersion *version = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);

  stmt = _jp_database_prepare (self, "SELECT " VERSION_COLUMNS " FROM version WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    version = version_read (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return version;
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_NOT_FOUND, _("There is no version %s."), number);
    }
  else
    _jp_database_set_error (self, rc, error);
  return NULL;
}
