/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-database"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/store/jp-database-private.h"

#define UNDO_DEPTH   1000

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
             /* The history keeps the changes of steps that go. */
             "UPDATE history SET step = NULL WHERE undone = 1 AND step IS NOT NULL;"
             "DELETE FROM undo_log WHERE stack = 1;"
             "UPDATE undo_state SET active = 1, stack = 0,"
             " step = coalesce ((SELECT max (step) FROM undo_log WHERE stack = 0), 0) + 1;"
             "DELETE FROM undo_log WHERE stack = 0 AND step <= (SELECT step FROM undo_state) - "
             G_STRINGIFY (UNDO_DEPTH) ";"
             "UPDATE history SET step = NULL WHERE undone = 0 AND step <= (SELECT step FROM undo_state) - "
             G_STRINGIFY (UNDO_DEPTH) ";"
             /* The notes of what went, and of steps that logged nothing. */
             "DELETE FROM undo_note WHERE stack = 1 OR step >= (SELECT step FROM undo_state) OR step <= "
             "(SELECT step FROM undo_state) - " G_STRINGIFY (UNDO_DEPTH) ";", error))
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

/* Notes what the step being made does; the first note of a step is
 * kept (a text typed into again, or the values of an item just added,
 * stay the step that began it). */
gboolean
_jp_sqlite_note_step (sqlite3         *db,
                      GHashTable      *cache,
                      const JpChange  *change,
                      GError         **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = _jp_sqlite_prepare (db, cache,
                             "INSERT OR IGNORE INTO undo_note (stack, step, change, item, parent, detail, label)"
                             " SELECT stack, step, ?, ?, ?, ?, ? FROM undo_state WHERE active", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, change->kind);
  sqlite3_bind_int64 (stmt, 2, change->item);
  sqlite3_bind_int64 (stmt, 3, change->parent);
  sqlite3_bind_int (stmt, 4, change->detail);
  sqlite3_bind_text (stmt, 5, change->label ? change->label : "", -1, SQLITE_TRANSIENT);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _jp_sqlite_error (db, sqlite3_errcode (db), error);
  _jp_sqlite_release (cache, stmt);
  return ok;
}

gboolean
_jp_connection_note_step (JpConnection    *connection,
                          const JpChange  *change,
                          GError         **error)
{
  g_return_val_if_fail (connection != NULL, FALSE);
  return _jp_sqlite_note_step (connection->db, connection->statements, change, error);
}

/* Notes the change to @item that the step being made is, with the
 * item's label as it reads now. */
gboolean
_jp_database_note_change (JpDatabase    *self,
                          JpChangeKind   kind,
                          JpItem        *item,
                          int            detail,
                          GError       **error)
{
  JpChange change = {
    .kind = kind,
    .item = jp_item_get_id (item),
    .parent = jp_item_get_parent_id (item),
    .detail = detail,
    .label = (char *) jp_item_get_label (item),
  };

  return _jp_sqlite_note_step (self->db, self->statements, &change, error);
}

gboolean
_jp_database_get_history (JpDatabase *self,
                          gboolean    redo,
                          JpChange   *change)
{
  sqlite3_stmt *stmt;
  gint64 step;

  *change = (JpChange) { JP_CHANGE_NONE, };
  step = _jp_database_query_int (self, "SELECT max (step) FROM undo_log WHERE stack = ?", redo ? 1 : 0, 0);
  if (step == 0)
    return FALSE;
  stmt = _jp_database_prepare (self, "SELECT change, item, parent, detail, label FROM undo_note"
                                     " WHERE stack = ? AND step = ?", NULL);
  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int (stmt, 1, redo ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, step);
  if (sqlite3_step (stmt) == SQLITE_ROW &&
      sqlite3_column_int (stmt, 0) > JP_CHANGE_NONE && sqlite3_column_int (stmt, 0) <= JP_CHANGE_CLOSE_YEAR)
    {
      change->kind = sqlite3_column_int (stmt, 0);
      change->item = sqlite3_column_int64 (stmt, 1);
      change->parent = sqlite3_column_int64 (stmt, 2);
      change->detail = sqlite3_column_int (stmt, 3);
      change->label = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
_jp_connection_begin_step (JpConnection  *connection,
                           gboolean       log_undo,
                           GError       **error)
{
  g_return_val_if_fail (connection != NULL, FALSE);
  if (!_jp_database_begin_step (connection->db, log_undo, error))
    return FALSE;
  if (log_undo && !_jp_sqlite_history_begin (connection->db, connection->statements,
                                             connection->file_author ? connection->file_author : connection->author,
                                             connection->source, FALSE, error))
    {
      _jp_database_rollback (connection->db);
      return FALSE;
    }
  return TRUE;
}

gboolean
_jp_connection_commit_step (JpConnection  *connection,
                            GError       **error)
{
  g_return_val_if_fail (connection != NULL, FALSE);
  return _jp_database_commit_step (connection->db, error);
}

void
_jp_connection_rollback (JpConnection *connection)
{
  g_return_if_fail (connection != NULL);
  _jp_database_rollback (connection->db);
}

/* Begins a user's change: one transaction, one undo step.  Typing into
 * the same text again extends the last step, and so does setting the
 * values of an item just added (a new project made ongoing): one undo
 * takes back what the user did as one thing. */
gboolean
_jp_database_begin_change (JpDatabase  *self,
                           gint64       merge_item,
                           int          merge_field,
                           GError     **error)
{
  gboolean same_text = merge_field >= 0 && merge_field == self->merge_field;
  gboolean values_of_new = merge_field == MERGE_VALUES && self->merge_field == MERGE_ADDED;
  gboolean merge = merge_item != 0 && merge_item == self->merge_item &&
                   (same_text || values_of_new) &&
                   _jp_database_query_int (self, "SELECT max (step) FROM undo_log WHERE stack = ?", 0, -1) == self->merge_step &&
                   _jp_database_query_int (self, "SELECT EXISTS (SELECT 1 FROM undo_log WHERE stack = ?)", 1, 0) == 0;

  if (!merge)
    {
      if (!_jp_database_begin_step (self->db, TRUE, error))
        return FALSE;
      self->merge_step = _jp_database_query_int (self, "SELECT step FROM undo_state WHERE id = ?", 1, 0);
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
      if (!_jp_database_step_done (self, stmt, error))
        {
          _jp_database_rollback (self->db);
          return FALSE;
        }
    }
  if (!_jp_sqlite_history_begin (self->db, self->statements, self->connection.author, NULL, FALSE, error))
    return _jp_database_fail_change (self, error);
  self->merge_item = merge_item;
  /* Values merged into the step that added their item leave it a step
   * that added one; any other change starts over from itself. */
  if (!(merge && values_of_new))
    self->merge_field = merge_field;
  return TRUE;
}

gboolean
_jp_database_commit_change (JpDatabase  *self,
                            GError     **error)
{
  gboolean could_undo = jp_database_can_undo (self);

  if (!_jp_database_commit_step (self->db, error))
    {
      self->merge_item = 0;
      return FALSE;
    }
  if (!could_undo)
    _jp_database_notify_can_undo (self);
  _jp_database_notify_can_redo (self);
  return TRUE;
}

gboolean
_jp_database_fail_change (JpDatabase  *self,
                          GError     **error)
{
  _jp_database_rollback (self->db);
  self->merge_item = 0;
  return FALSE;
}

/* Bumps @item's revision if nobody else changed it since it was read. */
gboolean
_jp_database_claim_revision (JpDatabase  *self,
                             JpItem      *item,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  /* Every edit claims the item it changes: a closed year's are read only. */
  if (!_jp_database_check_open_item (self, jp_item_get_id (item), error))
    return FALSE;
  stmt = _jp_database_prepare (self, "UPDATE item SET revision = revision + 1 WHERE id = ? AND revision = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, jp_item_get_id (item));
  sqlite3_bind_int64 (stmt, 2, jp_item_get_revision (item));
  if (!_jp_database_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 1)
    return TRUE;

  if (_jp_database_query_int (self, "SELECT count(*) FROM item WHERE id = ?", jp_item_get_id (item), 0) == 0)
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
  return _jp_database_query_int (self, "SELECT EXISTS (SELECT 1 FROM undo_log WHERE stack = ?)", 0, 0) > 0;
}

gboolean
jp_database_can_redo (JpDatabase *self)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  return _jp_database_query_int (self, "SELECT EXISTS (SELECT 1 FROM undo_log WHERE stack = ?)", 1, 0) > 0;
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

  step = _jp_database_query_int (self, "SELECT max (step) FROM undo_log WHERE stack = ?", from, 0);
  if (step == 0)
    {
      _jp_database_rollback (self->db);
      return TRUE;
    }

  stmt = _jp_database_prepare (self, "SELECT sql FROM undo_log WHERE stack = ? AND step = ? ORDER BY seq DESC", error);
  if (stmt == NULL)
    return _jp_database_fail_change (self, error);
  sqlite3_bind_int (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, step);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (statements, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  stmt = _jp_database_prepare (self, "DELETE FROM undo_log WHERE stack = ? AND step = ?", error);
  if (stmt == NULL)
    return _jp_database_fail_change (self, error);
  sqlite3_bind_int (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, step);
  if (!_jp_database_step_done (self, stmt, error))
    return _jp_database_fail_change (self, error);

  stmt = _jp_database_prepare (self, "UPDATE undo_state SET active = 1, stack = ?1,"
                                     " step = coalesce ((SELECT max (step) FROM undo_log WHERE stack = ?1), 0) + 1",
                               error);
  if (stmt == NULL)
    return _jp_database_fail_change (self, error);
  sqlite3_bind_int (stmt, 1, !from);
  if (!_jp_database_step_done (self, stmt, error))
    return _jp_database_fail_change (self, error);

  /* The step's changes in the history are marked undone (or done
   * again) and go with it; what the replay writes is kept as well. */
  stmt = _jp_database_prepare (self, "UPDATE history SET undone = NOT undone, step = (SELECT step FROM undo_state)"
                                     " WHERE undone = ? AND step = ?", error);
  if (stmt == NULL)
    return _jp_database_fail_change (self, error);
  sqlite3_bind_int (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, step);
  if (!_jp_database_step_done (self, stmt, error) ||
      !_jp_sqlite_history_begin (self->db, self->statements, self->connection.author, NULL, TRUE, error))
    return _jp_database_fail_change (self, error);

  /* The note goes with the step to the other stack. */
  stmt = _jp_database_prepare (self, "DELETE FROM undo_note WHERE stack = ? AND step >= (SELECT step FROM undo_state)",
                               error);
  if (stmt == NULL)
    return _jp_database_fail_change (self, error);
  sqlite3_bind_int (stmt, 1, !from);
  if (!_jp_database_step_done (self, stmt, error))
    return _jp_database_fail_change (self, error);
  stmt = _jp_database_prepare (self, "UPDATE undo_note SET stack = ?1, step = (SELECT step FROM undo_state)"
                                     " WHERE stack = ?2 AND step = ?3", error);
  if (stmt == NULL)
    return _jp_database_fail_change (self, error);
  sqlite3_bind_int (stmt, 1, !from);
  sqlite3_bind_int (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, step);
  if (!_jp_database_step_done (self, stmt, error))
    return _jp_database_fail_change (self, error);

  for (guint i = 0; i < statements->len; i++)
    if (!_jp_sqlite_exec (self->db, statements->pdata[i], error))
      return _jp_database_fail_change (self, error);
  if (!_jp_sqlite_exec (self->db, "UPDATE history_state SET replay = 0", error))
    return _jp_database_fail_change (self, error);

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
