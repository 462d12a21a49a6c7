/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-database"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/jp-year-compare.h"
#include "model/store/jp-database-private.h"

/* ------------------------------------------------------------ the years */

/* The latest year first; among plans of one year, the last made. */
#define LATEST_PLAN "SELECT id FROM item WHERE parent IS NULL ORDER BY CAST (number AS INTEGER) DESC, id DESC LIMIT 1"

static gint64
query_id (sqlite3    *db,
          GHashTable *cache,
          const char *sql,
          gint64      arg)
{
  sqlite3_stmt *stmt = _jp_sqlite_prepare (db, cache, sql, NULL);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, arg);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    id = -1;
  _jp_sqlite_release (cache, stmt);
  return id;
}

gint64
_jp_sqlite_plan_root (sqlite3    *db,
                      GHashTable *cache,
                      gint64      plan)
{
  if (plan > 0 && query_id (db, cache, "SELECT id FROM item WHERE id = ?1 AND parent IS NULL", plan) == plan)
    return plan;
  return query_id (db, cache, LATEST_PLAN, 0);
}

gint64
_jp_sqlite_root_of (sqlite3    *db,
                    GHashTable *cache,
                    gint64      id)
{
  return query_id (db, cache,
                   "WITH RECURSIVE up (id, parent) AS (SELECT id, parent FROM item WHERE id = ?1"
                   " UNION ALL SELECT item.id, item.parent FROM item JOIN up ON item.id = up.parent)"
                   " SELECT id FROM up WHERE parent IS NULL", id);
}

gint64
_jp_sqlite_count_plans (sqlite3    *db,
                        GHashTable *cache)
{
  return query_id (db, cache, "SELECT count(*) FROM item WHERE parent IS NULL", 0);
}

static guint
parse_year (const char *number)
{
  guint64 year = 0;

  if (number == NULL || !g_ascii_string_to_unsigned (number, 10, 1, 9999, &year, NULL))
    return 0;
  return (guint) year;
}

GArray *
jp_database_list_years (JpDatabase *self)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (guint));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JP_IS_DATABASE (self), years);

  stmt = _jp_database_prepare (self, "SELECT number FROM item WHERE parent IS NULL"
                                     " ORDER BY CAST (number AS INTEGER), id", NULL);
  if (stmt == NULL)
    return years;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint year = parse_year ((const char *) sqlite3_column_text (stmt, 0));

      if (year != 0 && (years->len == 0 || g_array_index (years, guint, years->len - 1) != year))
        g_array_append_val (years, year);
    }
  sqlite3_reset (stmt);
  return years;
}

/* The root of @year's plan, or 0. */
static gint64
plan_of_year (JpDatabase *self,
              guint       year)
{
  return _jp_connection_get_year_root (_jp_database_get_connection (self), year);
}

/* The same, or 0 with the error that the file lacks it. */
static gint64
find_year (JpDatabase  *self,
           guint        year,
           GError     **error)
{
  gint64 root = plan_of_year (self, year);

  if (root == 0)
    g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_NOT_FOUND,
                 _("The database holds no plan for %u."), year);
  return root;
}

static guint
year_of_plan (JpDatabase *self,
              gint64      root)
{
  sqlite3_stmt *stmt = _jp_database_prepare (self, "SELECT number FROM item WHERE id = ?", NULL);
  guint year = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, root);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    year = parse_year ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return year;
}

guint
jp_database_get_year (JpDatabase *self)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), 0);
  return year_of_plan (self, _jp_sqlite_plan_root (self->db, self->statements, self->connection.plan));
}

gboolean
jp_database_set_year (JpDatabase  *self,
                      guint        year,
                      GError     **error)
{
  gint64 root;

  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);

  root = find_year (self, year, error);
  if (root == 0)
    return FALSE;
  if (root == self->connection.plan)
    return TRUE;
  self->connection.plan = root;
  _jp_database_emit_reloaded (self);
  return TRUE;
}

/* ------------------------------------------------- a new year from the last */

typedef struct {
  JpDatabase       *db;
  gboolean          write;
  guint             from;
  guint             year;
  GHashTable       *copies;   /* old id → new id (gint64 *) */
  JpNewPlanSummary *summary;
} Carry;

typedef struct {
  gint64   id;
  JpKind   kind;
  JpStatus status;
} Child;

static GArray *
read_children (JpDatabase *self,
               gint64      parent)
{
  GArray *children = g_array_new (FALSE, FALSE, sizeof (Child));
  sqlite3_stmt *stmt = _jp_database_prepare (self, "SELECT id, kind, status FROM item WHERE parent = ?"
                                                   " ORDER BY position, id", NULL);

  if (stmt == NULL)
    return children;
  sqlite3_bind_int64 (stmt, 1, parent);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Child child = { sqlite3_column_int64 (stmt, 0), JP_KIND_ITEM, JP_STATUS_NONE };

      jp_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &child.kind);
      jp_status_from_string ((const char *) sqlite3_column_text (stmt, 2), &child.status);
      g_array_append_val (children, child);
    }
  sqlite3_reset (stmt);
  return children;
}

/* The old uid without the year it was carried into, with the new one. */
static char *
new_uid (const char *uid,
         guint       from,
         guint       year)
{
  g_autofree char *suffix = g_strdup_printf ("-%u", from);
  gsize len = strlen (uid);

  if (g_str_has_suffix (uid, suffix) && len > strlen (suffix))
    len -= strlen (suffix);
  return g_strdup_printf ("%.*s-%u", (int) len, uid, year);
}

static gint64
copy_row (Carry    *carry,
          gint64    old_id,
          gint64    new_parent,
          JpPhase   phase,
          JpStatus  status,
          GError  **error)
{
  JpDatabase *self = carry->db;
  g_autofree char *uid = NULL;
  g_autofree char *year = g_strdup_printf ("%u", carry->year);
  g_autofree char *from = g_strdup_printf ("%u", carry->from);
  g_autofree char *team = NULL;
  sqlite3_stmt *stmt;
  gint64 new_id;

  /* A chapter's or section's team is a team of the contacts, by uid:
   * the new year's. */
  stmt = _jp_database_prepare (self, "SELECT uid, team FROM item WHERE id = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, old_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      uid = new_uid ((const char *) sqlite3_column_text (stmt, 0), carry->from, carry->year);
      if (sqlite3_column_text (stmt, 1))
        team = new_uid ((const char *) sqlite3_column_text (stmt, 1), carry->from, carry->year);
    }
  sqlite3_reset (stmt);
  if (uid == NULL)
    return 0;

  stmt = _jp_database_prepare (self,
                               "INSERT INTO item (uid, kind, parent, position, phase, status, number, code, person,"
                               " email, phone, valid_from, valid_until, team)"
                               " SELECT ?2, kind, ?3, position, coalesce (?4, phase), coalesce (?5, status),"
                               " CASE WHEN parent IS NULL THEN ?6 ELSE number END, code, person, email, phone,"
                               " valid_from, valid_until, ?7 FROM item WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, old_id);
  sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_TRANSIENT);
  if (new_parent)
    sqlite3_bind_int64 (stmt, 3, new_parent);
  if (phase != JP_PHASE_NONE)
    sqlite3_bind_text (stmt, 4, jp_phase_to_string (phase), -1, SQLITE_STATIC);
  if (status != JP_STATUS_NONE)
    sqlite3_bind_text (stmt, 5, jp_status_to_string (status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, year, -1, SQLITE_TRANSIENT);
  if (team)
    sqlite3_bind_text (stmt, 7, team, -1, SQLITE_TRANSIENT);
  if (!_jp_database_step_done (self, stmt, error))
    return 0;
  new_id = sqlite3_last_insert_rowid (self->db);

  /* The plan's title names its year; its reference, the bulletin that
   * published the old one, is the old year's alone, as is the progress
   * of each project through the old year (its date is not copied
   * either). */
  stmt = _jp_database_prepare (self, "INSERT INTO text (item, field, lang, value)"
                                     " SELECT ?2, field, lang, CASE WHEN ?3 AND field = 'title'"
                                     " THEN replace (value, ?4, ?5) ELSE value END FROM text"
                                     " WHERE item = ?1 AND NOT (?3 AND field = 'reference') AND field <> 'progress' ORDER BY id", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, old_id);
  sqlite3_bind_int64 (stmt, 2, new_id);
  sqlite3_bind_int (stmt, 3, new_parent == 0);
  sqlite3_bind_text (stmt, 4, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, year, -1, SQLITE_TRANSIENT);
  if (!_jp_database_step_done (self, stmt, error))
    return 0;
  stmt = _jp_database_prepare (self, "INSERT INTO continuation (item, previous) VALUES (?2, ?1)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, old_id);
  sqlite3_bind_int64 (stmt, 2, new_id);
  if (!_jp_database_step_done (self, stmt, error))
    return 0;
  g_hash_table_insert (carry->copies, g_memdup2 (&old_id, sizeof old_id), g_memdup2 (&new_id, sizeof new_id));
  return new_id;
}

/* Carries the children of @old_id over under @new_id (0 in a dry run). */
static gboolean
carry_children (Carry   *carry,
                gint64   old_id,
                gint64   new_id,
                GError **error)
{
  g_autoptr(GArray) children = read_children (carry->db, old_id);

  for (guint i = 0; i < children->len; i++)
    {
      const Child *child = &g_array_index (children, Child, i);
      JpPhase phase = JP_PHASE_NONE;
      JpStatus status = JP_STATUS_NONE;
      gint64 copy = 0;

      if (jp_kind_has_flag (child->kind, JP_KIND_FLAG_PHASED))
        {
          switch (child->status)
            {
            case JP_STATUS_DONE:
              carry->summary->left_done++;
              continue;
            case JP_STATUS_DROPPED:
              carry->summary->left_dropped++;
              continue;
            case JP_STATUS_POSTPONED:
              phase = JP_PHASE_NEW;
              status = JP_STATUS_PLANNED;
              carry->summary->carried_postponed++;
              break;
            case JP_STATUS_NONE:
            case JP_STATUS_PLANNED:
            case JP_STATUS_IN_PROGRESS:
            default:
              phase = JP_PHASE_ONGOING;
              status = JP_STATUS_IN_PROGRESS;
              break;
            }
          carry->summary->carried++;
        }
      if (carry->write && (copy = copy_row (carry, child->id, new_id, phase, status, error)) == 0)
        return FALSE;
      if (!carry_children (carry, child->id, copy, error))
        return FALSE;
    }
  return TRUE;
}

/* A section's policy areas: the new year's section serves the new
 * year's areas. */
static gboolean
carry_links (Carry   *carry,
             GError **error)
{
  JpDatabase *self = carry->db;
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _jp_database_prepare (self, "SELECT section, area FROM link ORDER BY section, area", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *section = g_hash_table_lookup (carry->copies, &(gint64) { sqlite3_column_int64 (stmt, 0) });
      gint64 *area = g_hash_table_lookup (carry->copies, &(gint64) { sqlite3_column_int64 (stmt, 1) });

      if (section && area)
        {
          g_array_append_val (links, *section);
          g_array_append_val (links, *area);
        }
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i + 1 < links->len; i += 2)
    {
      stmt = _jp_database_prepare (self, "INSERT INTO link (section, area) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (links, gint64, i));
      sqlite3_bind_int64 (stmt, 2, g_array_index (links, gint64, i + 1));
      if (!_jp_database_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_new_year (JpDatabase        *self,
                guint              year,
                gint64            *from_root,
                JpNewPlanSummary  *summary,
                GError           **error)
{
  *from_root = _jp_sqlite_plan_root (self->db, self->statements, 0);
  memset (summary, 0, sizeof *summary);
  summary->year = year;
  summary->from_year = *from_root > 0 ? year_of_plan (self, *from_root) : 0;
  if (*from_root <= 0 || summary->from_year == 0)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_NOT_FOUND,
                   _("The database holds no plan of a year to start from."));
      return FALSE;
    }
  if (plan_of_year (self, year) != 0)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
                   _("The database already holds the plan for %u."), year);
      return FALSE;
    }
  if (year <= summary->from_year || year > 9999)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
                   _("A new plan follows the latest one, %u: %u is not after it."), summary->from_year, year);
      return FALSE;
    }
  return TRUE;
}

static void
carry_init (Carry            *carry,
            JpDatabase       *self,
            guint             year,
            JpNewPlanSummary *summary)
{
  carry->db = self;
  carry->from = summary->from_year;
  carry->year = year;
  carry->summary = summary;
  carry->copies = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

gboolean
jp_database_plan_new_year (JpDatabase        *self,
                           guint              year,
                           JpNewPlanSummary  *summary,
                           GError           **error)
{
  Carry carry = { 0, };
  gint64 from_root;
  gboolean ok;

  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  if (!check_new_year (self, year, &from_root, summary, error))
    return FALSE;
  carry_init (&carry, self, year, summary);
  ok = carry_children (&carry, from_root, 0, error);
  g_hash_table_unref (carry.copies);
  return ok;
}

gboolean
jp_database_new_plan (JpDatabase        *self,
                      guint              year,
                      JpNewPlanSummary  *summary,
                      GError           **error)
{
  g_autofree char *label = g_strdup_printf ("%u", year);
  Carry carry = { 0, };
  gint64 from_root;
  gint64 root;
  gboolean ok;

  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  if (!check_new_year (self, year, &from_root, summary, error))
    return FALSE;
  /* The open year stays open: "the latest" is pinned to what it was. */
  if (self->connection.plan == 0 || _jp_sqlite_plan_root (self->db, self->statements, self->connection.plan) == from_root)
    self->connection.plan = from_root;
  if (!_jp_database_begin_change (self, 0, MERGE_VALUES, error))
    return FALSE;
  carry_init (&carry, self, year, summary);
  carry.write = TRUE;
  root = copy_row (&carry, from_root, 0, JP_PHASE_NONE, JP_STATUS_NONE, error);
  ok = root != 0 && carry_children (&carry, from_root, root, error) && carry_links (&carry, error);
  if (ok)
    {
      JpChange change = { JP_CHANGE_NEW_PLAN, root, 0, (int) year, label };

      ok = _jp_sqlite_note_step (self->db, self->statements, &change, error);
    }
  g_hash_table_unref (carry.copies);
  if (!ok)
    return _jp_database_fail_change (self, error);
  if (!_jp_database_commit_change (self, error))
    return FALSE;
  _jp_database_emit_structure_changed (self);
  return TRUE;
}

gint64
jp_database_get_continued (JpDatabase *self,
                           JpItem     *item)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), 0);
  g_return_val_if_fail (JP_IS_ITEM (item), 0);
  return MAX (_jp_database_query_int (self, "SELECT previous FROM continuation WHERE item = ?",
                                      jp_item_get_id (item), 0), 0);
}

char *
jp_new_plan_summary_describe (const JpNewPlanSummary *s)
{
  g_autofree char *carried = NULL;
  g_autofree char *postponed = NULL;
  g_autofree char *done = NULL;
  g_autofree char *dropped = NULL;

  g_return_val_if_fail (s != NULL, NULL);

  /* Translators: the start of what making a new year's plan does;
   * the rest follows ("…, left 7 done and 2 dropped in 2013"). */
  carried = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "carried over %u project",
                                          "carried over %u projects", s->carried), s->carried);
  postponed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u postponed, now new",
                                            "%u postponed, now new", s->carried_postponed),
                               s->carried_postponed);
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u done", "%u done", s->left_done), s->left_done);
  dropped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dropped", "%u dropped", s->left_dropped),
                             s->left_dropped);

  /* Translators: "carried over 112 projects" (%1$s), "5 postponed, now
   * new" (%2$s), "7 done" (%3$s), "2 dropped" (%4$s), the old year
   * (%5$u); reorder them as your language wants. */
  return g_strdup_printf (_("%1$s (%2$s), left %3$s and %4$s in %5$u"),
                          carried, postponed, done, dropped, s->from_year);
}

/* ---------------------------------------------------------- a closed year */

/* Refuses a change of the year whose plan is @root when it is closed. */
gboolean
_jp_sqlite_check_open_year (sqlite3     *db,
                            GHashTable  *cache,
                            gint64       root,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  char *year = NULL;

  if (query_id (db, cache, "SELECT plan FROM year_closed WHERE plan = ?", root) <= 0)
    return TRUE;
  stmt = _jp_sqlite_prepare (db, cache, "SELECT number FROM item WHERE id = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, root);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        year = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      _jp_sqlite_release (cache, stmt);
    }
  g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CLOSED,
               _("The annual plan %s is closed: it can be read and exported, not changed. Reopen the year "
                 "to change it."), year ? year : "");
  g_free (year);
  return FALSE;
}

gboolean
_jp_database_check_open_item (JpDatabase  *self,
                              gint64       id,
                              GError     **error)
{
  return _jp_sqlite_check_open_year (self->db, self->statements,
                                     _jp_sqlite_root_of (self->db, self->statements, id), error);
}

gboolean
jp_database_get_year_closed (JpDatabase *self,
                             guint       year)
{
  gint64 root;

  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);

  root = plan_of_year (self, year);
  return root != 0 && _jp_database_query_int (self, "SELECT count(*) FROM year_closed WHERE plan = ?", root, 0) > 0;
}

gboolean
jp_database_set_year_closed (JpDatabase  *self,
                             guint        year,
                             gboolean     closed,
                             GError     **error)
{
  g_autofree char *label = g_strdup_printf ("%u", year);
  sqlite3_stmt *stmt;
  gint64 root;

  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);

  root = find_year (self, year, error);
  if (root == 0)
    return FALSE;
  if (jp_database_get_year_closed (self, year) == !!closed)
    return TRUE;
  if (!_jp_database_begin_change (self, 0, 0, error))
    return FALSE;
  stmt = _jp_database_prepare (self, closed ? "INSERT INTO year_closed (plan) VALUES (?)"
                                            : "DELETE FROM year_closed WHERE plan = ?", error);
  if (stmt == NULL)
    return _jp_database_fail_change (self, error);
  sqlite3_bind_int64 (stmt, 1, root);
  if (!_jp_database_step_done (self, stmt, error))
    return _jp_database_fail_change (self, error);
  {
    JpChange change = { JP_CHANGE_CLOSE_YEAR, root, 0, closed ? 1 : 0, label };

    if (!_jp_sqlite_note_step (self->db, self->statements, &change, error))
      return _jp_database_fail_change (self, error);
  }
  return _jp_database_commit_change (self, error);
}
