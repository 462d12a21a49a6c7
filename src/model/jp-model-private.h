/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "model/store/jp-database.h"

G_BEGIN_DECLS

/* The values of one row, as the database reads them. */
typedef struct {
  gint64    id;
  gint64    parent_id;
  gint64    revision;
  guint     position;
  JpKind    kind;
  JpPhase   phase;
  JpStatus  status;
  char     *uid;
  char     *fields[JP_N_FIELDS];
  char     *texts[JP_N_TEXTS][JP_N_LANGS];
} JpItemData;

void        _jp_item_data_clear     (JpItemData  *data);

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

JpItem     *_jp_item_new            (JpItemData  *data,
                                     JpLang       lang);
/* Takes the values of @data (which is cleared) and notifies what changed. */
void        _jp_item_update         (JpItem      *self,
                                     JpItemData  *data);
void        _jp_item_set_text       (JpItem      *self,
                                     JpTextField  field,
                                     JpLang       lang,
                                     const char  *value,
                                     gint64       revision);
void        _jp_item_set_lang       (JpItem      *self,
                                     JpLang       lang);
void        _jp_item_set_removed    (JpItem      *self);

typedef enum {
  JP_LIST_CHILDREN,
  JP_LIST_AREA_SECTIONS,
  JP_LIST_UNLINKED_SECTIONS,
  JP_LIST_SECTION_AREAS,
} JpListQuery;

JpItemList *_jp_item_list_new       (JpDatabase  *db,
                                     JpListQuery  query,
                                     JpItem      *parent,
                                     guint        kinds);
JpListQuery _jp_item_list_get_query (JpItemList  *self);
gint64      _jp_item_list_get_parent_id (JpItemList *self);
/* Re-reads the list and emits items-changed for the part that differs. */
void        _jp_item_list_refresh   (JpItemList  *self);

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
/* Reads the ids of a list's items. */
GArray     *_jp_database_list_ids   (JpDatabase  *self,
                                     JpListQuery  query,
                                     gint64       parent_id,
                                     guint        kinds);
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
                              sqlite3      *db,
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

/* Fills a new database: an import that is not a step of undo. */
gboolean    _jp_xml_import_seed     (JpDatabase  *db,
                                     GBytes      *bytes,
                                     const char  *name,
                                     GError     **error);

G_END_DECLS
