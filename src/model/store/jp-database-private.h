/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the SQLite store's files share: the database's struct,
 * connections, statements, errors, undo steps and the reading of rows.
 * Only the store includes this (and with it sqlite3.h); the rest of the
 * model goes through jp-store.h and jp-model-private.h. */

#include <sqlite3.h>

#include "model/jp-model-private.h"
#include "model/store/jp-connection.h"
#include "model/store/jp-database.h"

G_BEGIN_DECLS

/* A connection and the statements prepared on it (SQL → sqlite3_stmt,
 * finalized with the table). */
struct _JpConnection {
  sqlite3    *db;
  GHashTable *statements;
  gint64      plan;         /* the open year's root; 0: the latest year */
  char       *author;       /* who the changes are recorded as (jp-history.h) */
  char       *source;       /* the file an import's changes came from, or NULL */
  char       *file_author;  /* the author that file names, or NULL */
};

/* The database object; its files are jp-database.c (opening, the
 * object), jp-sqlite.c (statements and errors), jp-sqlite-items.c
 * (reading items and lists), jp-sqlite-edits.c, jp-sqlite-undo.c,
 * jp-sqlite-search.c, jp-sqlite-snapshot.c and jp-sqlite-store.c. */
struct _JpDatabase
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  gpointer    protection;   /* keeps exports off the file */
  GHashTable *statements;   /* SQL → sqlite3_stmt* */
  JpConnection connection;  /* db and statements, as one */
  GHashTable *items;        /* id → JpItemRef: the live items */
  GHashTable *lists;        /* key string → JpListRef (weak) */
  JpLang      lang;
  gboolean    is_new;       /* opening made the plan */
  int         integrity;    /* a JpDatabaseIntegrity; writes are held back unless OK */
  guint64     n_item_reads;
  guint64     n_list_reads;
  guint64     n_count_reads;
  /* Rows read ahead of their lookup (id → JpItemData*), good while this
   * connection wrote nothing and for a moment after ahead_time. */
  GHashTable *ahead;
  gint64      ahead_time;
  sqlite3_int64 ahead_changes;

  /* The text the last undo step changed, so that typing merges. */
  gint64      merge_item;
  int         merge_field;
  gint64      merge_step;
};

/* The database hands out one JpItem per row while anybody holds it. */
typedef struct {
  gint64      id;
  JpItem     *item;
  JpDatabase *db;
} JpItemRef;

/* And one live list per query while anybody holds it. */
typedef struct {
  char        *key;
  JpItemList  *list;
  JpDatabase  *db;
} JpListRef;

/* Weak-reference callbacks that drop a live item's or list's entry. */
void        _jp_database_item_finalized (gpointer  user_data,
                                         GObject  *where_the_object_was);
void        _jp_database_list_finalized (gpointer  user_data,
                                         GObject  *where_the_object_was);

/* The database as a JpStore (jp-sqlite-store.c). */
void        _jp_database_store_init (JpStoreInterface *iface);

/* Notifications of the object (jp-database.c). */
void        _jp_database_notify_can_undo (JpDatabase *self);
void        _jp_database_notify_can_redo (JpDatabase *self);
void        _jp_database_emit_reloaded   (JpDatabase *self);
void        _jp_database_emit_structure_changed (JpDatabase *self);

/* Runs a statement that returns no rows (and resets it). */
gboolean    _jp_database_step_done  (JpDatabase    *self,
                                     sqlite3_stmt  *stmt,
                                     GError       **error);
/* The integer a one-parameter query returns, or @fallback. */
gint64      _jp_database_query_int  (JpDatabase  *self,
                                     const char  *sql,
                                     gint64       arg,
                                     gint64       fallback);

/* Reads one row and its texts; FALSE when there is no such item. */
gboolean    _jp_database_read_item  (JpDatabase  *self,
                                     gint64       id,
                                     JpItemData  *data);
/* Re-reads one live item, if anybody holds it (or marks it removed). */
void        _jp_database_refresh_item (JpDatabase *self,
                                       gint64      id);
void        _jp_database_refresh_all_items (JpDatabase *self);
/* Re-reads the lists whose content may have changed: the children of
 * one of @parents (0-terminated), or all lists when @parents is NULL. */
void        _jp_database_refresh_lists (JpDatabase   *self,
                                        const gint64 *parents);

/* What a change does to one item, for merging undo steps: a text's key
 * is field * JP_N_LANGS + lang (0 or more). */
#define MERGE_ADDED  (-1)   /* the item was just added */
#define MERGE_VALUES (-2)   /* its phase, status or a field changed */

/* A user's change: one transaction, one undo step (merged with the last
 * one when the same text is typed into again). */
gboolean    _jp_database_begin_change  (JpDatabase  *self,
                                        gint64       merge_item,
                                        int          merge_field,
                                        GError     **error);
gboolean    _jp_database_commit_change (JpDatabase  *self,
                                        GError     **error);
/* Rolls back; always returns FALSE. */
gboolean    _jp_database_fail_change   (JpDatabase  *self,
                                        GError     **error);
/* Notes what the step being made does (see JpChange); the first note
 * of a step stays. */
gboolean    _jp_sqlite_note_step       (sqlite3         *db,
                                        GHashTable      *cache,
                                        const JpChange  *change,
                                        GError         **error);
gboolean    _jp_database_note_change   (JpDatabase      *self,
                                        JpChangeKind     kind,
                                        JpItem          *item,
                                        int              detail,
                                        GError         **error);
/* What the next undo (@redo: redo) takes back; see jp_store_get_history(). */
gboolean    _jp_database_get_history   (JpDatabase      *self,
                                        gboolean         redo,
                                        JpChange        *change);
/* Bumps @item's revision if nobody else changed it since it was read. */
gboolean    _jp_database_claim_revision (JpDatabase  *self,
                                         JpItem      *item,
                                         GError     **error);

/* The columns _jp_item_data_read() expects, in this order. */
#define JP_ITEM_COLUMNS \
  "item.id, item.uid, item.kind, item.parent, item.position, item.phase, item.status, item.number, " \
  "item.code, item.person, item.email, item.phone, item.valid_from, item.valid_until, item.team, item.progress_date, " \
  "item.revision"

/* Clears and frees a JpItemData of the rows read ahead. */
void        _jp_item_data_free      (gpointer      data);
/* Reads a row of JP_ITEM_COLUMNS into @data. */
void        _jp_item_data_read      (JpItemData   *data,
                                     sqlite3_stmt *stmt);
/* Stores one row of the text table (field, lang, value columns from
 * @column on); unknown fields or languages are ignored. */
void        _jp_item_data_read_text (JpItemData   *data,
                                     sqlite3_stmt *stmt,
                                     int           column);

/* The years (jp-sqlite-years.c): the root of the plan @plan when it is
 * one, else of the latest year; the root above @id; the number of plans. */
gint64      _jp_sqlite_plan_root    (sqlite3     *db,
                                     GHashTable  *cache,
                                     gint64       plan);
gint64      _jp_sqlite_root_of      (sqlite3     *db,
                                     GHashTable  *cache,
                                     gint64       id);
gint64      _jp_sqlite_count_plans  (sqlite3     *db,
                                     GHashTable  *cache);
/* Fails with JP_DATABASE_ERROR_CLOSED when the year of the plan @root,
 * or of the item @id, is closed. */
gboolean    _jp_sqlite_check_open_year (sqlite3     *db,
                                     GHashTable  *cache,
                                     gint64       root,
                                     GError     **error);
gboolean    _jp_database_check_open_item (JpDatabase *self,
                                     gint64       id,
                                     GError     **error);

sqlite3    *_jp_database_get_handle (JpDatabase  *self);
/* The connection's prepared statements, SQL → sqlite3_stmt. */
GHashTable *_jp_database_get_statements (JpDatabase *self);
/* A GDestroyNotify for prepared statements. */
void        _jp_statement_free      (gpointer     stmt);
GHashTable *_jp_sqlite_new_statements (void);
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

/* Holds back every write on @db (PRAGMA query_only) until
 * _jp_sqlite_release_writes(); a write tried meanwhile fails with the
 * reason *@integrity (a JpDatabaseIntegrity) gives.  @integrity must
 * live as long as @db. */
gboolean    _jp_sqlite_hold_writes  (sqlite3     *db,
                                     const int   *integrity);
gboolean    _jp_sqlite_release_writes (sqlite3   *db);

/* Connection set-up shared by the database and worker threads. */
sqlite3    *_jp_database_connect    (const char  *path,
                                     GError     **error);


/* Reads the subtree under @root_id on @db (keeping its statements in
 * @cache, if one is given); see _jp_connection_load_snapshot(). */
JpSnapshot *_jp_snapshot_load       (sqlite3     *db,
                                     GHashTable  *cache,
                                     gint64       root_id,
                                     GError     **error);

/* The history (jp-sqlite-history.c): who the step begun on @db is
 * made by and from which file, and whether undo or redo makes it. */
gboolean    _jp_sqlite_history_begin (sqlite3    *db,
                                     GHashTable  *cache,
                                     const char  *author,
                                     const char  *source,
                                     gboolean     replay,
                                     GError     **error);
/* The subtree under @root_id at the point @seq (jp-sqlite-rewind.c);
 * @plan is the open year's root, for a subtree gone since. */
JpSnapshot *_jp_sqlite_load_snapshot_at (sqlite3     *db,
                                     GHashTable  *cache,
                                     gint64       plan,
                                     gint64       root_id,
                                     gint64       seq,
                                     GError     **error);
/* The account's name, or JAARPLAN_AUTHOR when it is set. */
char       *_jp_history_default_author (void);

/* Undo steps: everything between begin and commit is one step. */
gboolean    _jp_database_begin_step (sqlite3     *db,
                                     gboolean     log_undo,
                                     GError     **error);
gboolean    _jp_database_commit_step (sqlite3    *db,
                                     GError     **error);
void        _jp_database_rollback   (sqlite3     *db);

G_END_DECLS
