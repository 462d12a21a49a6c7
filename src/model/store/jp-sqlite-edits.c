/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-database"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/store/jp-database-private.h"

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
      *position = _jp_database_query_int (self, "SELECT max (position) + 1 FROM item WHERE parent = ?", parent_id, 0);
      return TRUE;
    }

  if (jp_item_get_parent_id (before) != parent_id)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
                   _("The place to insert at is not under the same item."));
      return FALSE;
    }
  *position = _jp_database_query_int (self, "SELECT position FROM item WHERE id = ?", jp_item_get_id (before), 0);
  stmt = _jp_database_prepare (self, "UPDATE item SET position = position + 1 WHERE parent = ? AND position >= ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_int64 (stmt, 2, *position);
  return _jp_database_step_done (self, stmt, error);
}

/* Makes room for a new child of @kind where the plan lists it: after
 * the siblings of its kind, before those the file lists after them (a
 * new project comes after the projects and before the working groups). */
static gboolean
make_room_for_new (JpDatabase  *self,
                   gint64       parent_id,
                   JpKind       kind,
                   gint64      *position,
                   GError     **error)
{
  guint rank = jp_kind_get_info (kind)->file_rank;
  sqlite3_stmt *stmt;
  gint64 first_after = -1;

  stmt = _jp_database_prepare (self, "SELECT kind, position FROM item WHERE parent = ? ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JpKind other_kind;

      if (jp_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &other_kind) &&
          jp_kind_get_info (other_kind)->file_rank > rank)
        {
          first_after = sqlite3_column_int64 (stmt, 1);
          break;
        }
    }
  sqlite3_reset (stmt);

  if (first_after < 0)
    return make_room (self, parent_id, NULL, position, error);
  *position = first_after;
  stmt = _jp_database_prepare (self, "UPDATE item SET position = position + 1 WHERE parent = ? AND position >= ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_int64 (stmt, 2, first_after);
  return _jp_database_step_done (self, stmt, error);
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
      JpItem *live = ((JpItemRef *) value)->item;
      gint64 parent = jp_item_get_parent_id (live);
      if (jp_item_get_id (live) == item || (parent != 0 && (parent == parent_a || parent == parent_b)))
        g_ptr_array_add (siblings, g_object_ref (live));
    }
  for (guint i = 0; i < siblings->len; i++)
    _jp_database_refresh_item (self, jp_item_get_id (siblings->pdata[i]));
  if (parent_b == 0)
    parents[1] = 0;
  _jp_database_refresh_lists (self, parents);
  _jp_database_emit_structure_changed (self);
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

/* A phased item (a project) starts new and planned, or ongoing and in
 * progress; no other item has a phase or a status. */
static gboolean
initial_values (JpKind      kind,
                JpPhase    *phase,
                JpStatus   *status,
                GError    **error)
{
  if (!jp_kind_has_flag (kind, JP_KIND_FLAG_PHASED))
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

  if (!_jp_database_begin_change (self, 0, 0, error))
    return NULL;
  if (!_jp_database_claim_revision (self, parent, error) ||
      !(before != NULL
        ? make_room (self, jp_item_get_id (parent), before, &position, error)
        : make_room_for_new (self, jp_item_get_id (parent), kind, &position, error)))
    {
      _jp_database_fail_change (self, error);
      return NULL;
    }

  uid = new_uid (self, kind);
  stmt = _jp_database_prepare (self, "INSERT INTO item (uid, kind, parent, position, phase, status)"
                                     " VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    {
      _jp_database_fail_change (self, error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, jp_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, jp_item_get_id (parent));
  sqlite3_bind_int64 (stmt, 4, position);
  if (jp_kind_has_flag (kind, JP_KIND_FLAG_PHASED))
    {
      sqlite3_bind_text (stmt, 5, jp_phase_to_string (phase), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, jp_status_to_string (status), -1, SQLITE_STATIC);
    }
  if (!_jp_database_step_done (self, stmt, error))
    {
      _jp_database_fail_change (self, error);
      return NULL;
    }
  id = sqlite3_last_insert_rowid (self->db);
  {
    JpChange change = { JP_CHANGE_ADD, id, jp_item_get_id (parent), kind, NULL };

    if (!_jp_sqlite_note_step (self->db, self->statements, &change, error))
      {
        _jp_database_fail_change (self, error);
        return NULL;
      }
  }

  if (!_jp_database_commit_change (self, error))
    return NULL;
  self->merge_item = id;
  self->merge_field = MERGE_ADDED;

  _jp_database_refresh_item (self, jp_item_get_id (parent));
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
  /* Neither the root nor a single item (the contacts) goes. */
  if (parent == 0 || jp_kind_has_flag (jp_item_get_kind (item), JP_KIND_FLAG_SINGLE))
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
                   _("This item cannot be removed."));
      return FALSE;
    }

  if (!_jp_database_begin_change (self, 0, 0, error))
    return FALSE;
  if (!_jp_database_claim_revision (self, item, error) ||
      !_jp_database_note_change (self, JP_CHANGE_REMOVE, item, jp_item_get_kind (item), error))
    return _jp_database_fail_change (self, error);
  stmt = _jp_database_prepare (self, "DELETE FROM item WHERE id = ?", error);
  if (stmt == NULL)
    return _jp_database_fail_change (self, error);
  sqlite3_bind_int64 (stmt, 1, jp_item_get_id (item));
  if (!_jp_database_step_done (self, stmt, error))
    return _jp_database_fail_change (self, error);
  if (!_jp_database_commit_change (self, error))
    return FALSE;

  /* The removed item and everything below it. */
  _jp_database_refresh_all_items (self);
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

  if (!_jp_database_begin_change (self, 0, 0, error))
    return FALSE;
  if (!_jp_database_claim_revision (self, item, error) ||
      !_jp_database_check_open_item (self, jp_item_get_id (parent), error) ||
      !_jp_database_note_change (self, JP_CHANGE_MOVE, item, 0, error) ||
      !make_room (self, jp_item_get_id (parent), before, &position, error))
    return _jp_database_fail_change (self, error);

  stmt = _jp_database_prepare (self, "UPDATE item SET parent = ?, position = ? WHERE id = ?", error);
  if (stmt == NULL)
    return _jp_database_fail_change (self, error);
  sqlite3_bind_int64 (stmt, 1, jp_item_get_id (parent));
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_int64 (stmt, 3, jp_item_get_id (item));
  if (!_jp_database_step_done (self, stmt, error) || !_jp_database_commit_change (self, error))
    return _jp_database_fail_change (self, error);

  refresh_after_structure (self, old_parent, jp_item_get_id (parent), jp_item_get_id (item));
  return TRUE;
}

/* A project's progress is dated by the store, in the step that changes
 * it: the progress note or the status changed today (local time). */
#define PROGRESS_TODAY "progress_date = date ('now', 'localtime')"

static gboolean
date_progress (JpDatabase  *self,
               JpItem      *item,
               GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _jp_database_prepare (self, "UPDATE item SET " PROGRESS_TODAY " WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, jp_item_get_id (item));
  return _jp_database_step_done (self, stmt, error);
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

  if (!_jp_database_begin_change (self, jp_item_get_id (item), field * JP_N_LANGS + lang, error))
    return FALSE;
  if (!_jp_database_claim_revision (self, item, error) ||
      !_jp_database_note_change (self, JP_CHANGE_TEXT, item, field * JP_N_LANGS + lang, error))
    return _jp_database_fail_change (self, error);

  if (empty)
    stmt = _jp_database_prepare (self, "DELETE FROM text WHERE item = ? AND field = ? AND lang = ?", error);
  else
    stmt = _jp_database_prepare (self, "INSERT INTO text (item, field, lang, value) VALUES (?, ?, ?, ?)"
                                       " ON CONFLICT (item, field, lang) DO UPDATE SET value = excluded.value",
                                 error);
  if (stmt == NULL)
    return _jp_database_fail_change (self, error);
  sqlite3_bind_int64 (stmt, 1, jp_item_get_id (item));
  sqlite3_bind_text (stmt, 2, jp_text_field_to_string (field), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, jp_lang_to_string (lang), -1, SQLITE_STATIC);
  if (!empty)
    sqlite3_bind_text (stmt, 4, value, -1, SQLITE_TRANSIENT);
  if (!_jp_database_step_done (self, stmt, error) ||
      (field == JP_TEXT_PROGRESS && !date_progress (self, item, error)) ||
      !_jp_database_commit_change (self, error))
    return _jp_database_fail_change (self, error);

  if (field == JP_TEXT_PROGRESS)
    {
      JpItemData data;

      if (_jp_database_read_item (self, jp_item_get_id (item), &data))
        _jp_item_update (item, &data);
      _jp_item_data_clear (&data);
    }
  else
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
    case JP_FIELD_PROGRESS_DATE:
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
update_column (JpDatabase    *self,
               JpItem        *item,
               JpChangeKind   kind,
               int            detail,
               const char    *sql,
               const char    *value,
               GError       **error)
{
  sqlite3_stmt *stmt;
  JpItemData data;

  if (!_jp_database_begin_change (self, jp_item_get_id (item), MERGE_VALUES, error))
    return FALSE;
  if (!_jp_database_claim_revision (self, item, error) ||
      !_jp_database_note_change (self, kind, item, detail, error))
    return _jp_database_fail_change (self, error);
  stmt = _jp_database_prepare (self, sql, error);
  if (stmt == NULL)
    return _jp_database_fail_change (self, error);
  if (value && *value)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, jp_item_get_id (item));
  if (!_jp_database_step_done (self, stmt, error) || !_jp_database_commit_change (self, error))
    return _jp_database_fail_change (self, error);

  if (_jp_database_read_item (self, jp_item_get_id (item), &data))
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
    "UPDATE item SET progress_date = ?1 WHERE id = ?2",
  };

  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  g_return_val_if_fail ((guint) field < JP_N_FIELDS, FALSE);

  if (g_strcmp0 (jp_item_get_field (item, field), (value && *value) ? value : NULL) == 0)
    return TRUE;
  if (!validate_field (field, value, error))
    return FALSE;
  return update_column (self, item, JP_CHANGE_FIELD, field, sql[field], value, error);
}

gboolean
jp_database_set_status (JpDatabase  *self,
                        JpItem      *item,
                        JpStatus     status,
                        GError     **error)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);

  if (!jp_kind_has_flag (jp_item_get_kind (item), JP_KIND_FLAG_PHASED) || status == JP_STATUS_NONE)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID, _("Only a project has a status."));
      return FALSE;
    }
  if (jp_item_get_status (item) == status)
    return TRUE;
  return update_column (self, item, JP_CHANGE_STATUS, status, "UPDATE item SET status = ?1, " PROGRESS_TODAY " WHERE id = ?2",
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

  if (!jp_kind_has_flag (jp_item_get_kind (item), JP_KIND_FLAG_PHASED) || phase == JP_PHASE_NONE)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
                   _("Only a project is ongoing or new."));
      return FALSE;
    }
  if (jp_item_get_phase (item) == phase)
    return TRUE;
  return update_column (self, item, JP_CHANGE_PHASE, phase, "UPDATE item SET phase = ?1 WHERE id = ?2",
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

  if (!_jp_database_begin_change (self, 0, 0, error))
    return FALSE;
  if (!_jp_database_claim_revision (self, section, error) ||
      !_jp_database_note_change (self, JP_CHANGE_LINK, section, linked, error))
    return _jp_database_fail_change (self, error);
  stmt = _jp_database_prepare (self, linked
                               ? "INSERT OR IGNORE INTO link (section, area) VALUES (?, ?)"
                               : "DELETE FROM link WHERE section = ? AND area = ?", error);
  if (stmt == NULL)
    return _jp_database_fail_change (self, error);
  sqlite3_bind_int64 (stmt, 1, jp_item_get_id (section));
  sqlite3_bind_int64 (stmt, 2, jp_item_get_id (area));
  if (!_jp_database_step_done (self, stmt, error) || !_jp_database_commit_change (self, error))
    return _jp_database_fail_change (self, error);

  _jp_database_refresh_item (self, jp_item_get_id (section));
  refresh_after_structure (self, 0, 0, jp_item_get_id (section));
  return TRUE;
}
