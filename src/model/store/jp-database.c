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
#include "model/store/jp-database-private.h"
#include "model/store/jp-schema.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (JpDatabase, jp_database, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (JP_TYPE_STORE, _jp_database_store_init))
G_DEFINE_QUARK (jp-database-error-quark, jp_database_error)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_LANGUAGE,
  PROP_INTEGRITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_jp_database_notify_can_undo (JpDatabase *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

void
_jp_database_notify_can_redo (JpDatabase *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

void
_jp_database_emit_reloaded (JpDatabase *self)
{
  jp_store_emit_reloaded (JP_STORE (self));
}

void
_jp_database_emit_structure_changed (JpDatabase *self)
{
  jp_store_emit_structure_changed (JP_STORE (self));
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
      _jp_database_query_int (self, "SELECT count(*) FROM undo_state WHERE id = 1", 0, 0) != 1)
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

/* Runs PRAGMA quick_check on @db: an SQLite result code, and in *@ok
 * whether the check said “ok”. */
static int
quick_check (sqlite3  *db,
             gboolean *ok)
{
  sqlite3_stmt *stmt;
  int rc;

  *ok = FALSE;
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static gboolean
set_damaged_error (JpDatabase  *self,
                   GError     **error)
{
  g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CORRUPT,
               _("The plan file “%s” is damaged. It has not been changed; restore it from a backup "
                 "or import an exported plan into a new file."), self->path);
  return FALSE;
}

static gboolean
check_integrity (JpDatabase  *self,
                 GError     **error)
{
  gboolean ok;
  int rc;

  rc = quick_check (self->db, &ok);
  if (rc != SQLITE_OK)
    return _jp_database_set_error (self, rc, error);
  if (!ok)
    return set_damaged_error (self, error);
  return TRUE;
}

/* A -wal or -journal beside the file: the last program that had it open
 * did not close it (it crashed, was killed, lost power), or one has it
 * open now.  SQLite removes the -wal when the last connection closes
 * cleanly (after moving its pages into the file), so without one the
 * file is as a clean close left it and needs no check. */
static gboolean
closed_cleanly (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  return !g_file_test (wal, G_FILE_TEST_EXISTS) && !g_file_test (journal, G_FILE_TEST_EXISTS);
}

/* While a file is not known to be sound, its -wal stays when it is
 * closed, so that the next program to open it checks it too. */
static void
keep_wal (JpDatabase *self,
          gboolean    keep)
{
  int persist = keep;

  sqlite3_file_control (self->db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
}

static void
set_integrity (JpDatabase          *self,
               JpDatabaseIntegrity  integrity)
{
  if (self->integrity == (int) integrity)
    return;
  self->integrity = integrity;
  if (integrity == JP_DATABASE_INTEGRITY_OK)
    {
      _jp_sqlite_release_writes (self->db);
      keep_wal (self, FALSE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTEGRITY]);
}

static void
check_in_worker (GTask        *task,
                 JpConnection *connection,
                 gpointer      job,
                 GCancellable *cancellable)
{
  gboolean ok;

  /* An error reading the file counts as damage: nothing is written. */
  if (quick_check (connection->db, &ok) != SQLITE_OK)
    ok = FALSE;
  g_task_return_boolean (task, ok);
}

static void
check_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  JpDatabase *self = JP_DATABASE (object);
  gboolean ok = g_task_propagate_boolean (G_TASK (result), NULL);

  g_debug ("The check of %s ended: %s", self->path, ok ? "ok" : "damaged");
  set_integrity (self, ok ? JP_DATABASE_INTEGRITY_OK : JP_DATABASE_INTEGRITY_DAMAGED);
}

/* The plan is read at once; writes wait for the check. */
static void
check_later (JpDatabase *self)
{
  self->integrity = JP_DATABASE_INTEGRITY_CHECKING;
  _jp_sqlite_hold_writes (self->db, &self->integrity);
  _jp_database_run_in_worker (self, check_later, NULL, NULL, check_in_worker, NULL, check_done, NULL);
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

/* A file without a plan gets a bare one: the root and the contacts. */
static gboolean
create_plan (JpDatabase  *self,
             GError     **error)
{
  if (_jp_database_query_int (self, "SELECT EXISTS (SELECT 1 FROM item WHERE parent IS NULL)", 0, 0) > 0)
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
  self->is_new = TRUE;
  return TRUE;
}

/* ------------------------------------------------------------- the object */

static void
list_ref_free (gpointer data)
{
  JpListRef *ref = data;

  g_free (ref->key);
  g_free (ref);
}

static void
jp_database_finalize (GObject *object)
{
  JpDatabase *self = JP_DATABASE (object);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (G_OBJECT (((JpItemRef *) value)->item), _jp_database_item_finalized, value);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (G_OBJECT (((JpListRef *) value)->list), _jp_database_list_finalized, value);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_clear_pointer (&self->ahead, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db)
    sqlite3_close (self->db);
  g_clear_pointer (&self->protection, jp_file_unprotect_database);
  g_free (self->path);
  g_free (self->connection.author);
  g_free (self->connection.source);
  g_free (self->connection.file_author);

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
    case PROP_INTEGRITY:
      g_value_set_int (value, jp_database_get_integrity (self));
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

  /* can-undo and can-redo, and the signals ::reloaded and
   * ::structure-changed, are the store's (jp-store.h). */
  g_object_class_override_property (object_class, PROP_CAN_UNDO, "can-undo");
  g_object_class_override_property (object_class, PROP_CAN_REDO, "can-redo");
  properties[PROP_CAN_UNDO] = g_object_class_find_property (object_class, "can-undo");
  properties[PROP_CAN_REDO] = g_object_class_find_property (object_class, "can-redo");
  properties[PROP_LANGUAGE] =
    g_param_spec_int ("language", NULL, NULL, 0, JP_N_LANGS - 1, JP_LANG_NL,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_LANGUAGE, properties[PROP_LANGUAGE]);
  /* A JpDatabaseIntegrity. */
  properties[PROP_INTEGRITY] =
    g_param_spec_int ("integrity", NULL, NULL, JP_DATABASE_INTEGRITY_OK, JP_DATABASE_INTEGRITY_DAMAGED,
                      JP_DATABASE_INTEGRITY_OK, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_INTEGRITY, properties[PROP_INTEGRITY]);
}

static void
jp_database_init (JpDatabase *self)
{
  self->statements = _jp_sqlite_new_statements ();
  self->items = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  self->lists = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, list_ref_free);
  self->ahead = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, _jp_item_data_free);
  self->lang = JP_LANG_NL;
  self->connection.author = _jp_history_default_author ();
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
  gboolean memory, copy, unclean, later;
  gint64 version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  memory = g_strcmp0 (path, ":memory:") == 0;
  copy = !memory && (flags & JP_DATABASE_OPEN_COPY);
  if (!memory && !check_file (path, !copy, error))
    return NULL;
  /* Looked at before connecting: reading the file makes a -wal. */
  unclean = !memory && !closed_cleanly (path);

  self = g_object_new (JP_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->db = copy ? connect_copy (path, error) : _jp_database_connect (path, error);
  if (self->db == NULL)
    return NULL;
  if (unclean && !copy)
    keep_wal (self, TRUE);

  if (!check_version (self, &version, error))
    return NULL;
  /* A migration, or making a plan, writes: the check comes first. */
  later = unclean && !copy && (flags & JP_DATABASE_OPEN_CHECK_LATER) && version == JP_DATABASE_SCHEMA_VERSION &&
          _jp_database_query_int (self, "SELECT EXISTS (SELECT 1 FROM item WHERE parent IS NULL)", 0, 0) > 0;
  if (unclean && version > 0 && !later && !check_integrity (self, error))
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
  if (!migrate (self, version, error) || !create_plan (self, error))
    return NULL;

  if (later)
    check_later (self);
  else if (unclean && !copy)
    keep_wal (self, FALSE);
  if (!memory)
    self->protection = jp_file_protect_database (path);
  return g_steal_pointer (&self);
}

gboolean
jp_database_is_new (JpDatabase *self)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  return self->is_new;
}

const char *
jp_database_get_path (JpDatabase *self)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);
  return self->path;
}

JpDatabaseIntegrity
jp_database_get_integrity (JpDatabase *self)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), JP_DATABASE_INTEGRITY_DAMAGED);
  return self->integrity;
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
    _jp_item_set_lang (((JpItemRef *) value)->item, lang);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

