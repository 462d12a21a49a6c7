/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "model/jp-file.h"
#include "model/store/jp-sqlite-private.h"
#include "model/store/jp-schema.h"
#include "model/exchange/jp-xml.h"

#define BUNDLED_PLAN RESOURCE_PATH "jaarplan-2013.xml"
#define UNDO_DEPTH   1000

struct _JpDatabase
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  gpointer    protection;   /* keeps exports off the file */
  GHashTable *statements;   /* SQL → sqlite3_stmt* */
  JpConnection connection;  /* db and statements, as one */
  GHashTable *items;        /* id → ItemRef: the live items */
  GHashTable *lists;        /* key string → JpItemList* (weak) */
  JpLang      lang;

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
} ItemRef;

G_DEFINE_FINAL_TYPE (JpDatabase, jp_database, G_TYPE_OBJECT)
G_DEFINE_QUARK (jp-database-error-quark, jp_database_error)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_LANGUAGE,
  N_PROPS
};

enum {
  RELOADED,
  STRUCTURE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];


/* ------------------------------------------------------------------ errors */

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
    g_hash_table_insert (cache, (gpointer) sql, stmt);
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
static gboolean
step_done (JpDatabase    *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _jp_database_set_error (self, rc, error);
  return TRUE;
}

static gint64
query_int (JpDatabase *self,
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

/* ---------------------------------------------------------- connections */

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_OPEN,
                   _("The folder “%s” cannot be created: %s."), dir, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      if (saved == EEXIST)
        return TRUE;
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_OPEN,
                   _("The plan file “%s” cannot be created: %s."), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
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
  if (!_jp_sqlite_exec (db, "PRAGMA foreign_keys = ON;", error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static gboolean
check_version (JpDatabase  *self,
               gint64      *version,
               GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 app_id = 0, n_tables = 0;
  int rc;

  /* Reading the header is the first thing done: a file that is not a
   * database, or is damaged, fails here, before anything is written. */
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT (SELECT user_version FROM pragma_user_version),"
                           " (SELECT application_id FROM pragma_application_id),"
                           " (SELECT count(*) FROM sqlite_schema)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *version = sqlite3_column_int64 (stmt, 0);
          app_id = sqlite3_column_int64 (stmt, 1);
          n_tables = sqlite3_column_int64 (stmt, 2);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
    }
  if (rc != SQLITE_OK)
    return _jp_database_set_error (self, rc, error);

  if (n_tables > 0 && app_id != JP_SCHEMA_APPLICATION_ID)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CORRUPT,
                   _("“%s” is a database of another program, not a plan."), self->path);
      return FALSE;
    }
  /* A version no migration leads to says nothing of what the file holds:
   * nothing may be run on it. */
  if (*version < 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, *version);

      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CORRUPT,
                   _("“%s” has an unknown format (%s): it is not a plan database this version of Jaarplan "
                     "can read. It has not been changed."),
                   self->path, number);
      return FALSE;
    }
  if (*version > JP_DATABASE_SCHEMA_VERSION || *version > (gint64) jp_schema_n_migrations)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_NEWER,
                   _("“%s” was made by a newer version of Jaarplan (format %d; this version reads up to %d). "
                     "It has not been changed. Update Jaarplan to open it."),
                   self->path, (int) MIN (*version, G_MAXINT), JP_DATABASE_SCHEMA_VERSION);
      return FALSE;
    }
  /* Format 0 is an empty file about to be made a plan; one that already
   * has tables was made by something else. */
  if (*version == 0 && n_tables > 0)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CORRUPT,
                   _("“%s” is not a Jaarplan database: it holds tables, but no plan format. It has not "
                     "been changed."), self->path);
      return FALSE;
    }
  return TRUE;
}

/* A file whose tables, indexes or triggers are not those its version
 * gives would run without undo, search stale texts or fail half way:
 * it is refused before anything is written. */
static gboolean
check_schema (JpDatabase  *self,
              gint64       version,
              GError     **error)
{
  g_autofree char *problem = NULL;
  int rc;

  rc = jp_schema_compare (self->db, (guint) version, &problem);
  if (rc != SQLITE_OK)
    return _jp_database_set_error (self, rc, error);
  if (problem == NULL && version > 0 &&
      query_int (self, "SELECT count(*) FROM undo_state WHERE id = 1", 0, 0) != 1)
    problem = g_strdup (_("the state of the undo history is missing"));
  if (problem != NULL)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CORRUPT,
                   /* Translators: the second %s says what is wrong, e.g. "the trigger “x” is missing". */
                   _("The plan file “%s” is damaged: %s. It has not been changed; restore it from a backup "
                     "or import an exported plan into a new file."), self->path, problem);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_integrity (JpDatabase  *self,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _jp_database_set_error (self, rc, error);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _jp_database_set_error (self, rc, error);
  if (!ok)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CORRUPT,
                   _("The plan file “%s” is damaged. It has not been changed; restore it from a backup "
                     "or import an exported plan into a new file."), self->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (JpDatabase  *self,
         gint64       version,
         GError     **error)
{
  for (gint64 v = version; v < (gint64) jp_schema_n_migrations; v++)
    {
      g_autofree char *set_version = NULL;

      if (!_jp_sqlite_exec (self->db, "BEGIN IMMEDIATE", error))
        return FALSE;
      set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                     (int) v + 1, JP_SCHEMA_APPLICATION_ID);
      if (!_jp_sqlite_exec (self->db, jp_schema_migrations[v], error) ||
          !_jp_sqlite_exec (self->db, set_version, error) ||
          !_jp_sqlite_exec (self->db, "COMMIT", error))
        {
          _jp_database_rollback (self->db);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
seed (JpDatabase           *self,
      JpDatabaseOpenFlags   flags,
      GError              **error)
{
  g_autoptr(GBytes) bundled = NULL;

  if (query_int (self, "SELECT count(*) FROM item WHERE kind = 'plan'", 0, 0) > 0)
    return TRUE;

  if (!_jp_sqlite_exec (self->db,
             "BEGIN IMMEDIATE;"
             "INSERT INTO item (uid, kind, number) VALUES ('plan', 'plan', NULL);"
             "INSERT INTO item (uid, kind, parent, position) VALUES ('contacts', 'contacts', last_insert_rowid (), 1000000);"
             "COMMIT;", error))
    {
      _jp_database_rollback (self->db);
      return FALSE;
    }

  if (flags & JP_DATABASE_OPEN_NO_SEED)
    return TRUE;

  bundled = g_resources_lookup_data (BUNDLED_PLAN, 0, NULL);
  if (bundled == NULL)
    {
      g_warning ("The bundled plan is missing from the resources");
      return TRUE;
    }
  return _jp_xml_import_seed (self, bundled, "jaarplan-2013.xml", error);
}

/* ------------------------------------------------------------- the object */

typedef struct {
  char        *key;
  JpItemList  *list;
  JpDatabase  *db;
} ListRef;

static void
list_ref_free (gpointer data)
{
  ListRef *ref = data;

  g_free (ref->key);
  g_free (ref);
}

static void
list_finalized (gpointer  user_data,
                GObject  *where_the_object_was)
{
  ListRef *ref = user_data;

  g_hash_table_remove (ref->db->lists, ref->key);
}

void
_jp_statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
item_finalized (gpointer  user_data,
                GObject  *where_the_object_was)
{
  ItemRef *ref = user_data;

  g_hash_table_remove (ref->db->items, &ref->id);
}


static void
jp_database_finalize (GObject *object)
{
  JpDatabase *self = JP_DATABASE (object);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (G_OBJECT (((ItemRef *) value)->item), item_finalized, value);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (G_OBJECT (((ListRef *) value)->list), list_finalized, value);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db)
    sqlite3_close (self->db);
  g_clear_pointer (&self->protection, jp_file_unprotect_database);
  g_free (self->path);

  G_OBJECT_CLASS (jp_database_parent_class)->finalize (object);
}

static void
jp_database_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  JpDatabase *self = JP_DATABASE (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, jp_database_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, jp_database_can_redo (self));
      break;
    case PROP_LANGUAGE:
      g_value_set_int (value, self->lang);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_database_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_LANGUAGE:
      jp_database_set_language (JP_DATABASE (object), g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_database_class_init (JpDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jp_database_finalize;
  object_class->get_property = jp_database_get_property;
  object_class->set_property = jp_database_set_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_int ("language", NULL, NULL, 0, JP_N_LANGS - 1, JP_LANG_NL,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after undo, redo, an import or a reload: every live item and
   * list has been re-read. */
  signals[RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Emitted after items were added, removed or moved anywhere (and after
   * ::reloaded): what counts descendants counts again. */
  signals[STRUCTURE_CHANGED] = g_signal_new ("structure-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jp_database_init (JpDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, _jp_statement_free);
  self->items = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  self->lists = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, list_ref_free);
  self->lang = JP_LANG_NL;
}

char *
jp_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "jaarplan", "jaarplan.db", NULL);
}

static int
copy_from (sqlite3 *file,
           sqlite3 *copy)
{
  sqlite3_backup *backup = sqlite3_backup_init (copy, "main", file, "main");
  int rc;

  if (backup == NULL)
    return sqlite3_errcode (copy);
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* A file in a folder nobody may write to, without a -wal: no one can be
 * changing it, so it is read without locks (which it could not take). */
static int
copy_unwritable (const char *path,
                 sqlite3    *copy)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *dir = g_path_get_dirname (absolute);
  sqlite3 *file = NULL;
  int rc;

  if (g_file_test (wal, G_FILE_TEST_EXISTS) || g_access (dir, W_OK) == 0)
    return SQLITE_CANTOPEN;
  escaped = g_uri_escape_string (absolute, "/", FALSE);
  uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  rc = sqlite3_open_v2 (uri, &file, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = copy_from (file, copy);
  sqlite3_close (file);
  return rc;
}

/* Reads the file at @path into a private in-memory database; the file
 * is only read.  (A connection that only reads would leave a -wal and a
 * -shm behind: a writable one removes them when it closes.) */
static sqlite3 *
connect_copy (const char  *path,
              GError     **error)
{
  sqlite3 *file, *copy;
  int rc;

  file = _jp_database_connect (path, error);
  if (file == NULL)
    return NULL;
  copy = _jp_database_connect (":memory:", error);
  if (copy == NULL)
    {
      sqlite3_close (file);
      return NULL;
    }
  rc = copy_from (file, copy);
  if ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN)
    {
      int retry = copy_unwritable (path, copy);

      if (retry == SQLITE_OK)
        rc = SQLITE_OK;
    }
  if (rc != SQLITE_OK)
    {
      _jp_sqlite_error (file, rc, error);
      sqlite3_close (copy);
      copy = NULL;
    }
  sqlite3_close (file);
  return copy;
}

static gboolean
check_file (const char  *path,
            gboolean     may_create,
            GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      if (may_create)
        return create_private_file (path, error);
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_OPEN,
                   _("The plan file “%s” does not exist. A trial run does not create it."), path);
      return FALSE;
    }
  /* Reading a pipe or a device could wait forever. */
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_OPEN,
                   _("“%s” is not a plan file: it is a folder, a device or a pipe."), path);
      return FALSE;
    }
  return TRUE;
}

JpDatabase *
jp_database_open (const char           *path,
                  JpDatabaseOpenFlags   flags,
                  GError              **error)
{
  g_autoptr(JpDatabase) self = NULL;
  gboolean memory, copy;
  gint64 version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  memory = g_strcmp0 (path, ":memory:") == 0;
  copy = !memory && (flags & JP_DATABASE_OPEN_COPY);
  if (!memory && !check_file (path, !copy, error))
    return NULL;

  self = g_object_new (JP_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->db = copy ? connect_copy (path, error) : _jp_database_connect (path, error);
  if (self->db == NULL)
    return NULL;

  if (!check_version (self, &version, error))
    return NULL;
  if (version > 0 && !check_integrity (self, error))
    return NULL;
  if (!check_schema (self, version, error))
    return NULL;
  if (!memory && !copy && !_jp_sqlite_exec (self->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", error))
    return NULL;
  if (sqlite3_db_readonly (self->db, "main"))
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_READONLY,
                   _("The plan file “%s” is read-only: changes could not be stored."), path);
      return NULL;
    }
  if (!migrate (self, version, error) || !seed (self, flags, error))
    return NULL;

  if (!memory)
    self->protection = jp_file_protect_database (path);
  return g_steal_pointer (&self);
}

const char *
jp_database_get_path (JpDatabase *self)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);
  return self->path;
}

JpLang
jp_database_get_language (JpDatabase *self)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), JP_LANG_NL);
  return self->lang;
}

void
jp_database_set_language (JpDatabase *self,
                          JpLang      lang)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (JP_IS_DATABASE (self));
  g_return_if_fail ((guint) lang < JP_N_LANGS);

  if (self->lang == lang)
    return;
  self->lang = lang;
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    _jp_item_set_lang (((ItemRef *) value)->item, lang);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/* ------------------------------------------------------------------ items */

static gboolean
read_item (JpDatabase  *self,
           gint64       id,
           JpItemData  *data)
{
  sqlite3_stmt *stmt;
  int rc;

  memset (data, 0, sizeof *data);
  stmt = _jp_database_prepare (self, "SELECT " JP_ITEM_COLUMNS " FROM item WHERE id = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  _jp_item_data_read (data, stmt);
  sqlite3_reset (stmt);

  stmt = _jp_database_prepare (self, "SELECT field, lang, value FROM text WHERE item = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    _jp_item_data_read_text (data, stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

JpItem *
jp_database_lookup (JpDatabase *self,
                    gint64      id)
{
  JpItem *item;
  JpItemData data;

  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);

  {
    ItemRef *ref = g_hash_table_lookup (self->items, &id);
    if (ref)
      return g_object_ref (ref->item);
  }

  if (!read_item (self, id, &data))
    {
      _jp_item_data_clear (&data);
      return NULL;
    }
  item = _jp_item_new (&data, self->lang);
  {
    ItemRef *ref = g_new (ItemRef, 1);
    ref->id = id;
    ref->item = item;
    ref->db = self;
    g_hash_table_insert (self->items, &ref->id, ref);
    g_object_weak_ref (G_OBJECT (item), item_finalized, ref);
  }
  return item;
}

JpItem *
jp_database_lookup_uid (JpDatabase *self,
                        const char *uid)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  stmt = _jp_database_prepare (self, "SELECT id FROM item WHERE uid = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id ? jp_database_lookup (self, id) : NULL;
}

JpItem *
jp_database_get_root (JpDatabase *self)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);
  return jp_database_lookup (self, query_int (self, "SELECT min (id) FROM item WHERE parent IS NULL AND ?1 = ?1",
                                              0, 0));
}

JpItem *
jp_database_find_child (JpDatabase *self,
                        JpItem     *parent,
                        JpKind      kind)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);
  g_return_val_if_fail (JP_IS_ITEM (parent), NULL);

  stmt = _jp_database_prepare (self, "SELECT id FROM item WHERE parent = ? AND kind = ?"
                                     " ORDER BY position, id LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, jp_item_get_id (parent));
  sqlite3_bind_text (stmt, 2, jp_kind_to_string (kind), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id ? jp_database_lookup (self, id) : NULL;
}

JpItem *
jp_database_get_parent (JpDatabase *self,
                        JpItem     *item)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);
  g_return_val_if_fail (JP_IS_ITEM (item), NULL);

  if (jp_item_get_parent_id (item) == 0)
    return NULL;
  return jp_database_lookup (self, jp_item_get_parent_id (item));
}

JpItem *
jp_database_find_numbered (JpDatabase *self,
                           JpKind      kind,
                           const char *number)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  stmt = _jp_database_prepare (self, "SELECT id FROM item WHERE kind = ? AND number = ? ORDER BY id LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, jp_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id ? jp_database_lookup (self, id) : NULL;
}

/* ------------------------------------------------------------------ lists */

GArray *
_jp_database_list_ids (JpDatabase  *self,
                       JpListQuery  query,
                       gint64       parent_id,
                       guint        kinds)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  switch (query)
    {
    case JP_LIST_CHILDREN:
      stmt = _jp_database_prepare (self, "SELECT id, kind FROM item WHERE parent = ? ORDER BY position, id", NULL);
      break;
    case JP_LIST_AREA_SECTIONS:
      stmt = _jp_database_prepare (self,
                                   "SELECT s.id, s.kind FROM link JOIN item s ON s.id = link.section"
                                   " JOIN item c ON c.id = s.parent WHERE link.area = ?"
                                   " ORDER BY c.position, c.id, s.position, s.id", NULL);
      break;
    case JP_LIST_UNLINKED_SECTIONS:
      stmt = _jp_database_prepare (self,
                                   "SELECT s.id, s.kind FROM item s JOIN item c ON c.id = s.parent"
                                   " WHERE s.kind = 'section' AND ?1 = ?1"
                                   " AND NOT EXISTS (SELECT 1 FROM link WHERE link.section = s.id)"
                                   " ORDER BY c.position, c.id, s.position, s.id", NULL);
      break;
    case JP_LIST_SECTION_AREAS:
      stmt = _jp_database_prepare (self,
                                   "SELECT a.id, a.kind FROM link JOIN item a ON a.id = link.area"
                                   " WHERE link.section = ? ORDER BY a.position, a.id", NULL);
      break;
    default:
      g_assert_not_reached ();
    }
  if (stmt == NULL)
    return ids;

  sqlite3_bind_int64 (stmt, 1, parent_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      JpKind kind;

      if (kinds != JP_KIND_MASK_ALL &&
          (!jp_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind) ||
           !(kinds & JP_KIND_MASK (kind))))
        continue;
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

static GListModel *
get_list (JpDatabase  *self,
          JpListQuery  query,
          JpItem      *parent,
          guint        kinds)
{
  g_autofree char *key = g_strdup_printf ("%d:%" G_GINT64_FORMAT ":%u", query,
                                          parent ? jp_item_get_id (parent) : 0, kinds);
  ListRef *ref = g_hash_table_lookup (self->lists, key);

  if (ref)
    return g_object_ref (G_LIST_MODEL (ref->list));

  ref = g_new (ListRef, 1);
  ref->key = g_steal_pointer (&key);
  ref->db = self;
  ref->list = _jp_item_list_new (self, query, parent, kinds);
  g_hash_table_insert (self->lists, ref->key, ref);
  g_object_weak_ref (G_OBJECT (ref->list), list_finalized, ref);
  return G_LIST_MODEL (ref->list);
}

GListModel *
jp_database_get_children (JpDatabase *self,
                          JpItem     *parent,
                          guint       kinds)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);
  g_return_val_if_fail (JP_IS_ITEM (parent), NULL);
  return get_list (self, JP_LIST_CHILDREN, parent, kinds ? kinds : JP_KIND_MASK_ALL);
}

GListModel *
jp_database_get_area_sections (JpDatabase *self,
                               JpItem     *area)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);
  g_return_val_if_fail (area == NULL || JP_IS_ITEM (area), NULL);
  return get_list (self, area ? JP_LIST_AREA_SECTIONS : JP_LIST_UNLINKED_SECTIONS, area, JP_KIND_MASK_ALL);
}

GListModel *
jp_database_get_section_areas (JpDatabase *self,
                               JpItem     *section)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);
  g_return_val_if_fail (JP_IS_ITEM (section), NULL);
  return get_list (self, JP_LIST_SECTION_AREAS, section, JP_KIND_MASK_ALL);
}

guint
jp_database_count_descendants (JpDatabase *self,
                               JpItem     *item,
                               guint       kinds)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (JP_IS_DATABASE (self), 0);
  g_return_val_if_fail (JP_IS_ITEM (item), 0);

  stmt = _jp_database_prepare (self,
                               "WITH RECURSIVE sub (id, kind) AS ("
                               "  SELECT id, kind FROM item WHERE parent = ?"
                               "  UNION ALL SELECT item.id, item.kind FROM item JOIN sub ON item.parent = sub.id)"
                               " SELECT kind, count(*) FROM sub GROUP BY kind", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, jp_item_get_id (item));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JpKind kind;
      if (jp_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &kind) &&
          (kinds & JP_KIND_MASK (kind)))
        count += sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  return count;
}

/* Re-reads the lists whose content may have changed: the children of
 * one of @parents (0-terminated), or all lists when @parents is NULL.
 * The few lists of linked sections are always re-read. */
static void
refresh_lists (JpDatabase   *self,
               const gint64 *parents)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JpItemList *list = ((ListRef *) value)->list;
      gboolean hit = parents == NULL || _jp_item_list_get_query (list) != JP_LIST_CHILDREN;

      for (guint i = 0; !hit && parents[i]; i++)
        hit = _jp_item_list_get_parent_id (list) == parents[i];
      if (hit)
        g_ptr_array_add (lists, g_object_ref (list));
    }
  /* Refreshing emits items-changed, whose handlers may create lists. */
  for (guint i = 0; i < lists->len; i++)
    _jp_item_list_refresh (lists->pdata[i]);
}

/* Re-reads one live item, if anybody holds it. */
static void
refresh_item (JpDatabase *self,
              gint64      id)
{
  ItemRef *ref = g_hash_table_lookup (self->items, &id);
  JpItemData data;

  if (ref == NULL)
    return;
  if (read_item (self, id, &data))
    _jp_item_update (ref->item, &data);
  else
    _jp_item_set_removed (ref->item);
  _jp_item_data_clear (&data);
}

static void
refresh_all_items (JpDatabase *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (items, g_object_ref (((ItemRef *) value)->item));
  for (guint i = 0; i < items->len; i++)
    refresh_item (self, jp_item_get_id (items->pdata[i]));
}

void
jp_database_reload (JpDatabase *self)
{
  g_return_if_fail (JP_IS_DATABASE (self));

  self->merge_item = 0;
  refresh_all_items (self);
  refresh_lists (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_signal_emit (self, signals[RELOADED], 0);
  g_signal_emit (self, signals[STRUCTURE_CHANGED], 0);
}

/* ------------------------------------------------------------ undo steps */

void
_jp_database_rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
_jp_database_begin_step (sqlite3   *db,
                         gboolean   log_undo,
                         GError   **error)
{
  if (!_jp_sqlite_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!log_undo)
    return TRUE;
  if (!_jp_sqlite_exec (db,
             "DELETE FROM undo_log WHERE stack = 1;"
             "UPDATE undo_state SET active = 1, stack = 0,"
             " step = coalesce ((SELECT max (step) FROM undo_log WHERE stack = 0), 0) + 1;"
             "DELETE FROM undo_log WHERE stack = 0 AND step <= (SELECT step FROM undo_state) - "
             G_STRINGIFY (UNDO_DEPTH) ";", error))
    {
      _jp_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

gboolean
_jp_database_commit_step (sqlite3  *db,
                          GError  **error)
{
  if (!_jp_sqlite_exec (db, "UPDATE undo_state SET active = 0; COMMIT", error))
    {
      _jp_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* What a change does to one item, for merging undo steps: a text's key
 * is field * JP_N_LANGS + lang (0 or more). */
#define MERGE_ADDED  (-1)   /* the item was just added */
#define MERGE_VALUES (-2)   /* its phase, status or a field changed */

/* Begins a user's change: one transaction, one undo step.  Typing into
 * the same text again extends the last step, and so does setting the
 * values of an item just added (a new project made ongoing): one undo
 * takes back what the user did as one thing. */
static gboolean
begin_change (JpDatabase  *self,
              gint64       merge_item,
              int          merge_field,
              GError     **error)
{
  gboolean same_text = merge_field >= 0 && merge_field == self->merge_field;
  gboolean values_of_new = merge_field == MERGE_VALUES && self->merge_field == MERGE_ADDED;
  gboolean merge = merge_item != 0 && merge_item == self->merge_item &&
                   (same_text || values_of_new) &&
                   query_int (self, "SELECT max (step) FROM undo_log WHERE stack = ?", 0, -1) == self->merge_step &&
                   query_int (self, "SELECT count(*) FROM undo_log WHERE stack = ?", 1, 0) == 0;

  if (!merge)
    {
      if (!_jp_database_begin_step (self->db, TRUE, error))
        return FALSE;
      self->merge_step = query_int (self, "SELECT step FROM undo_state WHERE id = ?", 1, 0);
    }
  else
    {
      sqlite3_stmt *stmt;

      if (!_jp_sqlite_exec (self->db, "BEGIN IMMEDIATE", error))
        return FALSE;
      stmt = _jp_database_prepare (self, "UPDATE undo_state SET active = 1, stack = 0, step = ?", error);
      if (stmt == NULL)
        {
          _jp_database_rollback (self->db);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, self->merge_step);
      if (!step_done (self, stmt, error))
        {
          _jp_database_rollback (self->db);
          return FALSE;
        }
    }
  self->merge_item = merge_item;
  if (!values_of_new)
    self->merge_field = merge_field;
  return TRUE;
}

static gboolean
commit_change (JpDatabase  *self,
               GError     **error)
{
  gboolean could_undo = jp_database_can_undo (self);

  if (!_jp_database_commit_step (self->db, error))
    {
      self->merge_item = 0;
      return FALSE;
    }
  if (!could_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  return TRUE;
}

static gboolean
fail_change (JpDatabase  *self,
             GError     **error)
{
  _jp_database_rollback (self->db);
  self->merge_item = 0;
  return FALSE;
}

/* Bumps @item's revision if nobody else changed it since it was read. */
static gboolean
claim_revision (JpDatabase  *self,
                JpItem      *item,
                GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _jp_database_prepare (self, "UPDATE item SET revision = revision + 1 WHERE id = ? AND revision = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, jp_item_get_id (item));
  sqlite3_bind_int64 (stmt, 2, jp_item_get_revision (item));
  if (!step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 1)
    return TRUE;

  if (query_int (self, "SELECT count(*) FROM item WHERE id = ?", jp_item_get_id (item), 0) == 0)
    g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_NOT_FOUND,
                 _("“%s” no longer exists: it was removed, perhaps in another window."),
                 jp_item_get_label (item));
  else
    g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CONFLICT,
                 _("“%s” was changed elsewhere since it was opened. Reload to see the latest version."),
                 jp_item_get_label (item));
  return FALSE;
}

gboolean
jp_database_can_undo (JpDatabase *self)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  return query_int (self, "SELECT count(*) FROM undo_log WHERE stack = ?", 0, 0) > 0;
}

gboolean
jp_database_can_redo (JpDatabase *self)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  return query_int (self, "SELECT count(*) FROM undo_log WHERE stack = ?", 1, 0) > 0;
}

/* Replays the newest step of stack @from, logging its inverse on the
 * other stack. */
static gboolean
replay (JpDatabase  *self,
        int          from,
        GError     **error)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gint64 step;

  self->merge_item = 0;
  if (!_jp_sqlite_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  step = query_int (self, "SELECT max (step) FROM undo_log WHERE stack = ?", from, 0);
  if (step == 0)
    {
      _jp_database_rollback (self->db);
      return TRUE;
    }

  stmt = _jp_database_prepare (self, "SELECT sql FROM undo_log WHERE stack = ? AND step = ? ORDER BY seq DESC", error);
  if (stmt == NULL)
    return fail_change (self, error);
  sqlite3_bind_int (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, step);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (statements, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  stmt = _jp_database_prepare (self, "DELETE FROM undo_log WHERE stack = ? AND step = ?", error);
  if (stmt == NULL)
    return fail_change (self, error);
  sqlite3_bind_int (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, step);
  if (!step_done (self, stmt, error))
    return fail_change (self, error);

  stmt = _jp_database_prepare (self, "UPDATE undo_state SET active = 1, stack = ?1,"
                                     " step = coalesce ((SELECT max (step) FROM undo_log WHERE stack = ?1), 0) + 1",
                               error);
  if (stmt == NULL)
    return fail_change (self, error);
  sqlite3_bind_int (stmt, 1, !from);
  if (!step_done (self, stmt, error))
    return fail_change (self, error);

  for (guint i = 0; i < statements->len; i++)
    if (!_jp_sqlite_exec (self->db, statements->pdata[i], error))
      return fail_change (self, error);

  if (!_jp_database_commit_step (self->db, error))
    return FALSE;

  jp_database_reload (self);
  return TRUE;
}

gboolean
jp_database_undo (JpDatabase  *self,
                  GError     **error)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  return replay (self, 0, error);
}

gboolean
jp_database_redo (JpDatabase  *self,
                  GError     **error)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  return replay (self, 1, error);
}

/* ------------------------------------------------------------------ edits */

static char *
new_uid (JpDatabase *self,
         JpKind      kind)
{
  for (;;)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      char *uid = g_strdup_printf ("%s-%.13s", jp_kind_to_string (kind), uuid);
      sqlite3_stmt *stmt = _jp_database_prepare (self, "SELECT 1 FROM item WHERE uid = ?", NULL);
      gboolean taken;

      if (stmt == NULL)
        return uid;
      sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
      taken = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!taken)
        return uid;
      g_free (uid);
    }
}

/* Makes room at @before's place among @parent_id's children, or returns
 * the position after the last child. */
static gboolean
make_room (JpDatabase  *self,
           gint64       parent_id,
           JpItem      *before,
           gint64      *position,
           GError     **error)
{
  sqlite3_stmt *stmt;

  if (before == NULL)
    {
      *position = query_int (self, "SELECT max (position) + 1 FROM item WHERE parent = ?", parent_id, 0);
      return TRUE;
    }

  if (jp_item_get_parent_id (before) != parent_id)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
                   _("The place to insert at is not under the same item."));
      return FALSE;
    }
  *position = query_int (self, "SELECT position FROM item WHERE id = ?", jp_item_get_id (before), 0);
  stmt = _jp_database_prepare (self, "UPDATE item SET position = position + 1 WHERE parent = ? AND position >= ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_int64 (stmt, 2, *position);
  return step_done (self, stmt, error);
}

static void
refresh_after_structure (JpDatabase *self,
                         gint64      parent_a,
                         gint64      parent_b,
                         gint64      item)
{
  gint64 parents[] = { parent_a, parent_b, 0 };
  g_autoptr(GPtrArray) siblings = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  /* Positions of siblings may have shifted. */
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JpItem *live = ((ItemRef *) value)->item;
      gint64 parent = jp_item_get_parent_id (live);
      if (jp_item_get_id (live) == item || (parent != 0 && (parent == parent_a || parent == parent_b)))
        g_ptr_array_add (siblings, g_object_ref (live));
    }
  for (guint i = 0; i < siblings->len; i++)
    refresh_item (self, jp_item_get_id (siblings->pdata[i]));
  if (parent_b == 0)
    parents[1] = 0;
  refresh_lists (self, parents);
  g_signal_emit (self, signals[STRUCTURE_CHANGED], 0);
}

JpItem *
jp_database_add_item (JpDatabase  *self,
                      JpItem      *parent,
                      JpKind       kind,
                      JpItem      *before,
                      GError     **error)
{
  return jp_database_add_item_full (self, parent, kind, before, JP_PHASE_NONE, JP_STATUS_NONE, error);
}

/* A project starts new and planned, or ongoing and in progress. */
static gboolean
initial_values (JpKind      kind,
                JpPhase    *phase,
                JpStatus   *status,
                GError    **error)
{
  if (kind != JP_KIND_PROJECT)
    {
      if (*phase == JP_PHASE_NONE && *status == JP_STATUS_NONE)
        return TRUE;
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
                   _("Only a project is ongoing or new."));
      return FALSE;
    }
  if (*phase == JP_PHASE_NONE)
    *phase = JP_PHASE_NEW;
  if (*status == JP_STATUS_NONE)
    *status = *phase == JP_PHASE_NEW ? JP_STATUS_PLANNED : JP_STATUS_IN_PROGRESS;
  return TRUE;
}

JpItem *
jp_database_add_item_full (JpDatabase  *self,
                           JpItem      *parent,
                           JpKind       kind,
                           JpItem      *before,
                           JpPhase      phase,
                           JpStatus     status,
                           GError     **error)
{
  g_autofree char *uid = NULL;
  sqlite3_stmt *stmt;
  gint64 position, id;

  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);
  g_return_val_if_fail (JP_IS_ITEM (parent), NULL);
  g_return_val_if_fail (before == NULL || JP_IS_ITEM (before), NULL);

  if (!jp_kind_allows_child (jp_item_get_kind (parent), kind))
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
                   _("This kind of item cannot be added here."));
      return NULL;
    }
  if (!initial_values (kind, &phase, &status, error))
    return NULL;

  if (!begin_change (self, 0, 0, error))
    return NULL;
  if (!claim_revision (self, parent, error) ||
      !make_room (self, jp_item_get_id (parent), before, &position, error))
    {
      fail_change (self, error);
      return NULL;
    }

  uid = new_uid (self, kind);
  stmt = _jp_database_prepare (self, "INSERT INTO item (uid, kind, parent, position, phase, status)"
                                     " VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    {
      fail_change (self, error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, jp_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, jp_item_get_id (parent));
  sqlite3_bind_int64 (stmt, 4, position);
  if (kind == JP_KIND_PROJECT)
    {
      sqlite3_bind_text (stmt, 5, jp_phase_to_string (phase), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, jp_status_to_string (status), -1, SQLITE_STATIC);
    }
  if (!step_done (self, stmt, error))
    {
      fail_change (self, error);
      return NULL;
    }
  id = sqlite3_last_insert_rowid (self->db);

  if (!commit_change (self, error))
    return NULL;
  self->merge_item = id;
  self->merge_field = MERGE_ADDED;

  refresh_item (self, jp_item_get_id (parent));
  refresh_after_structure (self, jp_item_get_id (parent), 0, id);
  return jp_database_lookup (self, id);
}

gboolean
jp_database_remove_item (JpDatabase  *self,
                         JpItem      *item,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 parent;

  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);

  parent = jp_item_get_parent_id (item);
  if (parent == 0 || jp_item_get_kind (item) == JP_KIND_CONTACTS)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
                   _("This item cannot be removed."));
      return FALSE;
    }

  if (!begin_change (self, 0, 0, error))
    return FALSE;
  if (!claim_revision (self, item, error))
    return fail_change (self, error);
  stmt = _jp_database_prepare (self, "DELETE FROM item WHERE id = ?", error);
  if (stmt == NULL)
    return fail_change (self, error);
  sqlite3_bind_int64 (stmt, 1, jp_item_get_id (item));
  if (!step_done (self, stmt, error))
    return fail_change (self, error);
  if (!commit_change (self, error))
    return FALSE;

  /* The removed item and everything below it. */
  refresh_all_items (self);
  refresh_after_structure (self, parent, 0, 0);
  return TRUE;
}

static gboolean
is_descendant (JpDatabase *self,
               gint64      id,
               gint64      ancestor)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = _jp_database_prepare (self,
                               "WITH RECURSIVE up (id) AS (SELECT ?1 UNION ALL"
                               " SELECT item.parent FROM item JOIN up ON item.id = up.id WHERE item.parent IS NOT NULL)"
                               " SELECT 1 FROM up WHERE id = ?2", NULL);
  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, ancestor);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

gboolean
jp_database_move_item (JpDatabase  *self,
                       JpItem      *item,
                       JpItem      *parent,
                       JpItem      *before,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 old_parent, position;

  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (parent), FALSE);
  g_return_val_if_fail (before == NULL || JP_IS_ITEM (before), FALSE);

  if (before == item)
    return TRUE;
  old_parent = jp_item_get_parent_id (item);
  if (!jp_kind_allows_child (jp_item_get_kind (parent), jp_item_get_kind (item)) ||
      is_descendant (self, jp_item_get_id (parent), jp_item_get_id (item)))
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
                   _("“%s” cannot be moved there."), jp_item_get_label (item));
      return FALSE;
    }

  if (!begin_change (self, 0, 0, error))
    return FALSE;
  if (!claim_revision (self, item, error) ||
      !make_room (self, jp_item_get_id (parent), before, &position, error))
    return fail_change (self, error);

  stmt = _jp_database_prepare (self, "UPDATE item SET parent = ?, position = ? WHERE id = ?", error);
  if (stmt == NULL)
    return fail_change (self, error);
  sqlite3_bind_int64 (stmt, 1, jp_item_get_id (parent));
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_int64 (stmt, 3, jp_item_get_id (item));
  if (!step_done (self, stmt, error) || !commit_change (self, error))
    return fail_change (self, error);

  refresh_after_structure (self, old_parent, jp_item_get_id (parent), jp_item_get_id (item));
  return TRUE;
}

gboolean
jp_database_set_text (JpDatabase   *self,
                      JpItem       *item,
                      JpTextField   field,
                      JpLang        lang,
                      const char   *value,
                      GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean empty;

  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  g_return_val_if_fail ((guint) field < JP_N_TEXTS, FALSE);
  g_return_val_if_fail ((guint) lang < JP_N_LANGS, FALSE);

  if (value && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID, _("The text is not valid UTF-8."));
      return FALSE;
    }
  if (value && *value && !jp_kind_allows_text (jp_item_get_kind (item), field))
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
                   _("This kind of item has no such text."));
      return FALSE;
    }
  if (g_strcmp0 (jp_item_get_text (item, field, lang), (value && *value) ? value : NULL) == 0)
    return TRUE;
  empty = value == NULL || *value == '\0';

  if (!begin_change (self, jp_item_get_id (item), field * JP_N_LANGS + lang, error))
    return FALSE;
  if (!claim_revision (self, item, error))
    return fail_change (self, error);

  if (empty)
    stmt = _jp_database_prepare (self, "DELETE FROM text WHERE item = ? AND field = ? AND lang = ?", error);
  else
    stmt = _jp_database_prepare (self, "INSERT INTO text (item, field, lang, value) VALUES (?, ?, ?, ?)"
                                       " ON CONFLICT (item, field, lang) DO UPDATE SET value = excluded.value",
                                 error);
  if (stmt == NULL)
    return fail_change (self, error);
  sqlite3_bind_int64 (stmt, 1, jp_item_get_id (item));
  sqlite3_bind_text (stmt, 2, jp_text_field_to_string (field), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, jp_lang_to_string (lang), -1, SQLITE_STATIC);
  if (!empty)
    sqlite3_bind_text (stmt, 4, value, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error) || !commit_change (self, error))
    return fail_change (self, error);

  _jp_item_set_text (item, field, lang, value, jp_item_get_revision (item) + 1);
  return TRUE;
}

static gboolean
valid_date (const char *value)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (strlen (value) != 10)
    return FALSE;
  iso = g_strconcat (value, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  return dt != NULL;
}

static gboolean
validate_field (JpField      field,
                const char  *value,
                GError     **error)
{
  if (value == NULL || *value == '\0')
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL) || strlen (value) > 256)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID, _("The value is too long or not valid text."));
      return FALSE;
    }
  switch (field)
    {
    case JP_FIELD_EMAIL:
      {
        const char *at = strchr (value, '@');
        if (at == NULL || at == value || at[1] == '\0' || strchr (at + 1, '@') || strpbrk (value, " \t\n<>,;"))
          {
            g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
                         _("“%s” is not an e-mail address."), value);
            return FALSE;
          }
      }
      break;
    case JP_FIELD_VALID_FROM:
    case JP_FIELD_VALID_UNTIL:
      if (!valid_date (value))
        {
          g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
                       _("“%s” is not a date (year-month-day, e.g. 2013-03-01)."), value);
          return FALSE;
        }
      break;
    case JP_FIELD_PHONE:
      if (strspn (value, "+0123456789() .-/") != strlen (value))
        {
          g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
                       _("“%s” is not a phone number."), value);
          return FALSE;
        }
      break;
    case JP_FIELD_NUMBER:
    case JP_FIELD_CODE:
    case JP_FIELD_PERSON:
    case JP_FIELD_TEAM:
    case JP_N_FIELDS:
    default:
      break;
    }
  return TRUE;
}

static gboolean
update_column (JpDatabase  *self,
               JpItem      *item,
               const char  *sql,
               const char  *value,
               GError     **error)
{
  sqlite3_stmt *stmt;
  JpItemData data;

  if (!begin_change (self, jp_item_get_id (item), MERGE_VALUES, error))
    return FALSE;
  if (!claim_revision (self, item, error))
    return fail_change (self, error);
  stmt = _jp_database_prepare (self, sql, error);
  if (stmt == NULL)
    return fail_change (self, error);
  if (value && *value)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, jp_item_get_id (item));
  if (!step_done (self, stmt, error) || !commit_change (self, error))
    return fail_change (self, error);

  if (read_item (self, jp_item_get_id (item), &data))
    _jp_item_update (item, &data);
  _jp_item_data_clear (&data);
  return TRUE;
}

gboolean
jp_database_set_field (JpDatabase  *self,
                       JpItem      *item,
                       JpField      field,
                       const char  *value,
                       GError     **error)
{
  static const char * const sql[JP_N_FIELDS] = {
    "UPDATE item SET number = ?1 WHERE id = ?2",
    "UPDATE item SET code = ?1 WHERE id = ?2",
    "UPDATE item SET person = ?1 WHERE id = ?2",
    "UPDATE item SET email = ?1 WHERE id = ?2",
    "UPDATE item SET phone = ?1 WHERE id = ?2",
    "UPDATE item SET valid_from = ?1 WHERE id = ?2",
    "UPDATE item SET valid_until = ?1 WHERE id = ?2",
    "UPDATE item SET team = ?1 WHERE id = ?2",
  };

  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  g_return_val_if_fail ((guint) field < JP_N_FIELDS, FALSE);

  if (g_strcmp0 (jp_item_get_field (item, field), (value && *value) ? value : NULL) == 0)
    return TRUE;
  if (!validate_field (field, value, error))
    return FALSE;
  return update_column (self, item, sql[field], value, error);
}

gboolean
jp_database_set_status (JpDatabase  *self,
                        JpItem      *item,
                        JpStatus     status,
                        GError     **error)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);

  if (jp_item_get_kind (item) != JP_KIND_PROJECT || status == JP_STATUS_NONE)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID, _("Only a project has a status."));
      return FALSE;
    }
  if (jp_item_get_status (item) == status)
    return TRUE;
  return update_column (self, item, "UPDATE item SET status = ?1 WHERE id = ?2",
                        jp_status_to_string (status), error);
}

gboolean
jp_database_set_phase (JpDatabase  *self,
                       JpItem      *item,
                       JpPhase      phase,
                       GError     **error)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);

  if (jp_item_get_kind (item) != JP_KIND_PROJECT || phase == JP_PHASE_NONE)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
                   _("Only a project is ongoing or new."));
      return FALSE;
    }
  if (jp_item_get_phase (item) == phase)
    return TRUE;
  return update_column (self, item, "UPDATE item SET phase = ?1 WHERE id = ?2",
                        jp_phase_to_string (phase), error);
}

gboolean
jp_database_set_section_area (JpDatabase  *self,
                              JpItem      *section,
                              JpItem      *area,
                              gboolean     linked,
                              GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (section), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (area), FALSE);

  if (jp_item_get_kind (section) != JP_KIND_SECTION || jp_item_get_kind (area) != JP_KIND_AREA)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
                   _("Only a section serves a policy area."));
      return FALSE;
    }

  if (!begin_change (self, 0, 0, error))
    return FALSE;
  if (!claim_revision (self, section, error))
    return fail_change (self, error);
  stmt = _jp_database_prepare (self, linked
                               ? "INSERT OR IGNORE INTO link (section, area) VALUES (?, ?)"
                               : "DELETE FROM link WHERE section = ? AND area = ?", error);
  if (stmt == NULL)
    return fail_change (self, error);
  sqlite3_bind_int64 (stmt, 1, jp_item_get_id (section));
  sqlite3_bind_int64 (stmt, 2, jp_item_get_id (area));
  if (!step_done (self, stmt, error) || !commit_change (self, error))
    return fail_change (self, error);

  refresh_item (self, jp_item_get_id (section));
  refresh_after_structure (self, 0, 0, jp_item_get_id (section));
  return TRUE;
}

/* ----------------------------------------------------------------- search */

/* Turns what the user typed into an FTS5 query: every word must occur,
 * the last as a prefix; each word is a quoted string, so that FTS5's
 * operators and punctuation (as in "SENN/POL") are taken literally. */
static char *
build_match (const char *query)
{
  g_auto(GStrv) words = g_strsplit_set (query, " \t\n", -1);
  g_autoptr(GString) match = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      gboolean has_word_char = FALSE;

      for (const char *p = words[i]; *p; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          has_word_char = TRUE;
      if (!has_word_char)
        continue;

      if (match->len)
        g_string_append_c (match, ' ');
      g_string_append_c (match, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *p);
        }
      g_string_append (match, "\"*");
    }
  return match->len ? g_string_free (g_steal_pointer (&match), FALSE) : NULL;
}

GArray *
jp_database_search (JpDatabase  *self,
                    const char  *query,
                    guint        limit,
                    GError     **error)
{
  g_autofree char *match = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JP_IS_DATABASE (self), ids);
  g_return_val_if_fail (query != NULL, ids);

  match = build_match (query);
  if (match == NULL)
    return ids;

  /* Only a bounded number of matches is ranked: a word found in most
   * texts ("de") would otherwise rank them all.  With a limit, the best
   * of the first @limit matches of each table come first; without one,
   * all are ranked. */
  stmt = _jp_database_prepare (self,
                               "SELECT id FROM ("
                               "  SELECT * FROM (SELECT text.item AS id, text_fts.rank AS rank FROM text_fts"
                               "    JOIN text ON text.id = text_fts.rowid WHERE text_fts MATCH ?1 LIMIT ?3)"
                               "  UNION ALL"
                               "  SELECT * FROM (SELECT rowid AS id, rank FROM item_fts WHERE item_fts MATCH ?1 LIMIT ?3))"
                               " GROUP BY id ORDER BY min (rank), id LIMIT ?2", error);
  if (stmt == NULL)
    return ids;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit ? (gint64) limit : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 3, limit ? (gint64) limit : G_MAXINT64);
  for (;;)
    {
      int rc = sqlite3_step (stmt);
      gint64 id;

      if (rc == SQLITE_DONE)
        break;
      if (rc != SQLITE_ROW)
        {
          _jp_database_set_error (self, rc, error);
          break;
        }
      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}
