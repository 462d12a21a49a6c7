/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the SQLite store's files share: connections, statements, errors,
 * undo steps and the reading of rows.  Only the store includes this (and
 * with it sqlite3.h); the rest of the model goes through jp-store.h and
 * jp-model-private.h. */

#include <sqlite3.h>

#include "model/jp-model-private.h"
#include "model/store/jp-connection.h"

G_BEGIN_DECLS

/* A connection and the statements prepared on it (SQL → sqlite3_stmt,
 * finalized with the table). */
struct _JpConnection {
  sqlite3    *db;
  GHashTable *statements;
};

/* The columns _jp_item_data_read() expects, in this order. */
#define JP_ITEM_COLUMNS \
  "item.id, item.uid, item.kind, item.parent, item.position, item.phase, item.status, item.number, " \
  "item.code, item.person, item.email, item.phone, item.valid_from, item.valid_until, item.team, item.revision"

/* Reads a row of JP_ITEM_COLUMNS into @data. */
void        _jp_item_data_read      (JpItemData   *data,
                                     sqlite3_stmt *stmt);
/* Stores one row of the text table (field, lang, value columns from
 * @column on); unknown fields or languages are ignored. */
void        _jp_item_data_read_text (JpItemData   *data,
                                     sqlite3_stmt *stmt,
                                     int           column);

sqlite3    *_jp_database_get_handle (JpDatabase  *self);
/* The connection's prepared statements, SQL → sqlite3_stmt. */
GHashTable *_jp_database_get_statements (JpDatabase *self);
/* A GDestroyNotify for prepared statements. */
void        _jp_statement_free      (gpointer     stmt);
sqlite3_stmt *_jp_sqlite_prepare    (sqlite3     *db,
                                     GHashTable  *cache,
                                     const char  *sql,
                                     GError     **error);
void        _jp_sqlite_release      (GHashTable   *cache,
                                     sqlite3_stmt *stmt);
/* A cached prepared statement, reset and with its bindings cleared. */
sqlite3_stmt *_jp_database_prepare  (JpDatabase  *self,
                                     const char  *sql,
                                     GError     **error);

gboolean    _jp_database_set_error  (JpDatabase  *self,
                                     int          rc,
                                     GError     **error);
/* Maps an SQLite result code to an error in words a user understands. */
void        _jp_sqlite_error        (sqlite3     *db,
                                     int          rc,
                                     GError     **error);

/* Runs @sql (no parameters, no rows), with the error in words. */
gboolean    _jp_sqlite_exec         (sqlite3     *db,
                                     const char  *sql,
                                     GError     **error);

/* Connection set-up shared by the database and worker threads. */
sqlite3    *_jp_database_connect    (const char  *path,
                                     GError     **error);

/* Work on a connection of its own, in a thread: returns its result
 * through @task.  @db is closed after it returns. */
typedef void (*JpWorkerFunc) (GTask        *task,
                              JpConnection *connection,
                              gpointer      job,
                              GCancellable *cancellable);

/* Runs @func in a worker thread with a connection of its own to the
 * database of @self; the task's source object is @self and @job its
 * data.  A private in-memory database runs it at once on its only
 * connection. */
void        _jp_database_run_in_worker (JpDatabase          *self,
                                        gpointer             source_tag,
                                        gpointer             job,
                                        GDestroyNotify       job_free,
                                        JpWorkerFunc         func,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* The @job of a task started by _jp_database_run_in_worker(). */
gpointer    _jp_database_worker_get_job (GTask             *task);

/* Undo steps: everything between begin and commit is one step. */
gboolean    _jp_database_begin_step (sqlite3     *db,
                                     gboolean     log_undo,
                                     GError     **error);
gboolean    _jp_database_commit_step (sqlite3    *db,
                                     GError     **error);
void        _jp_database_rollback   (sqlite3     *db);

G_END_DECLS
