/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-xml"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/store/jp-sqlite-private.h"
#include "model/exchange/jp-xml-private.h"
#include "model/exchange/jp-xml-merge.h"

typedef JpXmlRecord Record;
typedef JpXmlReader Reader;

/* ---------------------------------------------------------------- report */

JpImportReport *
jp_import_report_new (void)
{
  JpImportReport *report = g_new0 (JpImportReport, 1);

  report->conflicts = g_ptr_array_new_with_free_func (_jp_import_conflict_free);
  return report;
}

void
jp_import_report_free (JpImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->scope_uid);
  g_free (report->scope_label);
  g_free (report->unchecked);
  g_clear_pointer (&report->conflicts, g_ptr_array_unref);
  g_free (report);
}

guint
jp_import_report_removed_total (const JpImportReport *report)
{
  return jp_import_report_total (report, report->removed);
}

GHashTable *
jp_import_choices_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
jp_import_choices_set (GHashTable     *choices,
                       const char     *uid,
                       JpImportChoice  choice)
{
  g_return_if_fail (choices != NULL && uid != NULL);
  g_hash_table_replace (choices, g_strdup (uid), GINT_TO_POINTER (choice));
}

static GHashTable *
choices_copy (GHashTable *choices)
{
  GHashTable *copy = jp_import_choices_new ();
  GHashTableIter iter;
  gpointer key, value;

  if (choices == NULL)
    return copy;
  g_hash_table_iter_init (&iter, choices);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_replace (copy, g_strdup (key), value);
  return copy;
}

static const char *
conflict_kind_text (JpConflictKind kind)
{
  switch (kind)
    {
    case JP_CONFLICT_CHANGED:
      return _("changed in the file and in this database");
    case JP_CONFLICT_ADDED:
      return _("added in the file and in this database, differently");
    case JP_CONFLICT_REMOVED_IN_FILE:
      return _("removed in the file, changed in this database");
    case JP_CONFLICT_REMOVED_IN_DATABASE:
      return _("changed in the file, removed in this database");
    case JP_CONFLICT_ORDER:
      return _("its items were put in another order in the file and in this database");
    default:
      return "";
    }
}

char *
jp_import_report_describe_conflicts (const JpImportReport *report)
{
  GString *s;

  g_return_val_if_fail (report != NULL, NULL);
  if (report->conflicts == NULL || report->conflicts->len == 0)
    return NULL;
  s = g_string_new (NULL);
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      JpImportConflict *c = report->conflicts->pdata[i];

      /* Translators: a conflicting item, then what happened to it. */
      g_string_append_printf (s, _("%s %s: %s\n"), jp_kind_to_string (c->item_kind), c->label,
                              conflict_kind_text (c->kind));
      /* Translators: the version of an item in the imported file. */
      g_string_append_printf (s, _("  in the file: %s\n"), c->theirs);
      /* Translators: the version of an item in the user's own database. */
      g_string_append_printf (s, _("  in this database: %s\n"), c->mine);
    }
  return g_string_free (s, FALSE);
}

guint
jp_import_report_total (const JpImportReport *report,
                        const guint          *counts)
{
  guint total = 0;

  for (guint k = 0; k < JP_N_KINDS; k++)
    total += counts[k];
  return total;
}

char *
jp_import_report_describe (const JpImportReport *report)
{
  guint added = jp_import_report_total (report, report->added);
  guint changed = jp_import_report_total (report, report->changed);
  guint removed = jp_import_report_total (report, report->removed);
  g_autofree char *counts = NULL;

  counts = g_strdup_printf (_("added %u, changed %u, removed %u"), added, changed, removed);
  if (report->scope_label && *report->scope_label)
    /* Translators: the counts, then the chapter or section they are in. */
    return g_strdup_printf (_("%s in %s"), counts, report->scope_label);
  return g_steal_pointer (&counts);
}

/* ---------------------------------------------------------------- applying */

typedef JpSnapshotItem Existing;

typedef struct {
  sqlite3    *db;
  Reader     *reader;
  JpImportReport *report;
  JpImportFlags flags;
  GHashTable *choices;      /* uid → JpImportChoice, or NULL */
  JpSnapshot *snapshot;     /* the scope as it is */
  GHashTable *existing;     /* uid → Existing, its items */
  GHashTable *stmts;        /* SQL → sqlite3_stmt */
} Apply;

static sqlite3_stmt *
prepare (Apply       *apply,
         const char  *sql,
         GError     **error)
{
  return _jp_sqlite_prepare (apply->db, apply->stmts, sql, error);
}

static gboolean
run (Apply         *apply,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _jp_sqlite_error (apply->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *value)
{
  if (value && *value)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

/* Reads every item of the scope, with its texts, by uid. */
static gboolean
load_existing (Apply   *apply,
               gint64   root_id,
               GError **error)
{
  GHashTableIter iter;
  gpointer value;

  apply->snapshot = _jp_snapshot_load (apply->db, apply->stmts, root_id, error);
  if (apply->snapshot == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, apply->snapshot->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Existing *e = value;
      g_hash_table_insert (apply->existing, e->data.uid, e);
    }
  return TRUE;
}

static gint64
lookup_uid (Apply      *apply,
            const char *uid,
            JpKind     *kind)
{
  sqlite3_stmt *stmt = prepare (apply, "SELECT id, kind FROM item WHERE uid = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (kind)
        jp_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), kind);
    }
  sqlite3_reset (stmt);
  return id;
}

static gboolean
write_row_values (Apply     *apply,
                  Record    *r,
                  gint64     parent_id,
                  gboolean   insert,
                  GError   **error)
{
  sqlite3_stmt *stmt;

  if (insert)
    stmt = prepare (apply, "INSERT INTO item (kind, parent, position, phase, status, number, code, person, email,"
                           " phone, valid_from, valid_until, team, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                           " ?10, ?11, ?12, ?13, ?14)", error);
  else
    stmt = prepare (apply, "UPDATE item SET parent = ?2, position = ?3, phase = ?4, status = ?5, number = ?6,"
                           " code = ?7, person = ?8, email = ?9, phone = ?10, valid_from = ?11, valid_until = ?12,"
                           " team = ?13, revision = revision + 1 WHERE id = ?15 AND kind = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, jp_kind_to_string (r->kind), -1, SQLITE_STATIC);
  if (parent_id)
    sqlite3_bind_int64 (stmt, 2, parent_id);
  sqlite3_bind_int64 (stmt, 3, r->position);
  bind_text_or_null (stmt, 4, r->phase ? jp_phase_to_string (r->phase) : NULL);
  bind_text_or_null (stmt, 5, r->status ? jp_status_to_string (r->status) : NULL);
  for (guint f = 0; f < JP_N_FIELDS; f++)
    bind_text_or_null (stmt, 6 + f, r->fields[f]);
  if (insert)
    sqlite3_bind_text (stmt, 14, r->uid, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 15, r->id);
  if (!run (apply, stmt, error))
    return FALSE;
  if (insert)
    r->id = sqlite3_last_insert_rowid (apply->db);
  return TRUE;
}

static gboolean
write_texts (Apply     *apply,
             Record    *r,
             Existing  *e,
             GError   **error)
{
  for (guint t = 0; t < JP_N_TEXTS; t++)
    for (guint l = 0; l < JP_N_LANGS; l++)
      {
        const char *old = e ? e->data.texts[t][l] : NULL;
        const char *new = r->texts[t][l];
        sqlite3_stmt *stmt;

        if (g_strcmp0 (old, new) == 0)
          continue;
        if (new == NULL)
          stmt = prepare (apply, "DELETE FROM text WHERE item = ?1 AND field = ?2 AND lang = ?3", error);
        else
          stmt = prepare (apply, "INSERT INTO text (item, field, lang, value) VALUES (?1, ?2, ?3, ?4)"
                                 " ON CONFLICT (item, field, lang) DO UPDATE SET value = excluded.value", error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, r->id);
        sqlite3_bind_text (stmt, 2, jp_text_field_to_string (t), -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 3, jp_lang_to_string (l), -1, SQLITE_STATIC);
        if (new)
          sqlite3_bind_text (stmt, 4, new, -1, SQLITE_STATIC);
        if (!run (apply, stmt, error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
record_differs (const Record   *r,
                const Existing *e,
                gint64          parent_id)
{
  if (e->data.kind != r->kind || e->data.parent_id != parent_id ||
      e->data.phase != r->phase || e->data.status != r->status)
    return TRUE;
  for (guint f = 0; f < JP_N_FIELDS; f++)
    if (g_strcmp0 (e->data.fields[f], r->fields[f]) != 0)
      return TRUE;
  for (guint t = 0; t < JP_N_TEXTS; t++)
    for (guint l = 0; l < JP_N_LANGS; l++)
      if (g_strcmp0 (e->data.texts[t][l], r->texts[t][l]) != 0)
        return TRUE;
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Replaces a section's links; TRUE in *changed when they differ. */
static gboolean
write_links (Apply     *apply,
             Record    *r,
             gboolean  *changed,
             GError   **error)
{
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) new = g_ptr_array_new ();
  sqlite3_stmt *stmt;

  *changed = FALSE;
  stmt = prepare (apply, "SELECT area.uid FROM link JOIN item area ON area.id = link.area WHERE link.section = ?",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (old, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  for (guint i = 0; r->areas && r->areas[i]; i++)
    if (*r->areas[i] && !g_ptr_array_find_with_equal_func (new, r->areas[i], g_str_equal, NULL))
      g_ptr_array_add (new, r->areas[i]);
  g_ptr_array_sort (old, compare_strings);
  g_ptr_array_sort (new, compare_strings);

  if (old->len == new->len)
    {
      guint i = 0;
      while (i < old->len && g_strcmp0 (old->pdata[i], new->pdata[i]) == 0)
        i++;
      if (i == old->len)
        return TRUE;
    }
  *changed = TRUE;

  stmt = prepare (apply, "DELETE FROM link WHERE section = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->id);
  if (!run (apply, stmt, error))
    return FALSE;

  for (guint i = 0; i < new->len; i++)
    {
      JpKind kind = JP_KIND_ITEM;
      gint64 area = lookup_uid (apply, new->pdata[i], &kind);

      if (area == 0 || kind != JP_KIND_AREA)
        return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, r->line,
                        _("section %s serves the policy area “%s”, which does not exist."),
                        r->fields[JP_FIELD_NUMBER] ? r->fields[JP_FIELD_NUMBER] : r->uid,
                        (const char *) new->pdata[i]);
      stmt = prepare (apply, "INSERT INTO link (section, area) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, r->id);
      sqlite3_bind_int64 (stmt, 2, area);
      if (!run (apply, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Marks the items that changed place among the siblings they keep: all
 * but a longest run that is still in the same order.  Items added or
 * removed around an item renumber it, but do not change it.  One pass
 * over the records chains the siblings; each chain then takes
 * O(k log k), so that a million siblings cost no more per item than ten. */
static void
mark_moved (Apply  *apply,
            gint64  scope_parent)
{
  GArray *records = apply->reader->records;
  guint n = records->len;
  g_autofree Existing **ex = g_new0 (Existing *, n);
  g_autofree int *next = g_new (int, n);
  g_autofree int *first = g_new (int, n + 1);
  g_autofree int *last = g_new (int, n + 1);
  g_autofree int *tails = g_new (int, n);
  g_autofree int *previous = g_new (int, n);

  for (guint i = 0; i <= n; i++)
    first[i] = last[i] = -1;
  for (guint i = 0; i < n; i++)
    {
      Record *r = &g_array_index (records, Record, i);
      Existing *e = g_hash_table_lookup (apply->existing, r->uid);
      gint64 parent_id = scope_parent;

      r->moved = FALSE;
      next[i] = -1;
      ex[i] = e;
      if (e == NULL)
        continue;
      if (r->parent >= 0)
        {
          if (ex[r->parent] == NULL)
            continue;
          parent_id = ex[r->parent]->data.id;
        }
      if (e->data.parent_id != parent_id)
        continue;   /* a new parent: changed anyway */
      if (last[r->parent + 1] >= 0)
        next[last[r->parent + 1]] = i;
      else
        first[r->parent + 1] = i;
      last[r->parent + 1] = i;
    }

  for (guint g = 0; g <= n; g++)
    {
      int length = 0;

      if (first[g] < 0)
        continue;
      /* Longest subsequence of increasing old positions, in file order:
       * tails[k] ends the best run of length k + 1 found so far. */
      for (int i = first[g]; i >= 0; i = next[i])
        {
          guint position = ex[i]->data.position;
          int lo = 0, hi = length;

          while (lo < hi)
            {
              int mid = (lo + hi) / 2;
              if (ex[tails[mid]]->data.position < position)
                lo = mid + 1;
              else
                hi = mid;
            }
          previous[i] = lo > 0 ? tails[lo - 1] : -1;
          tails[lo] = i;
          if (lo == length)
            length++;
          g_array_index (records, Record, i).moved = TRUE;
        }
      for (int i = tails[length - 1]; i >= 0; i = previous[i])
        g_array_index (records, Record, i).moved = FALSE;
    }
}

/* Finds the item the file replaces, and its parent. */
static gboolean
find_scope (Apply    *apply,
            gint64   *root_id,
            GError  **error)
{
  Record *top = &g_array_index (apply->reader->records, Record, 0);
  JpKind kind = JP_KIND_ITEM;
  sqlite3_stmt *stmt;

  apply->report->scope = apply->reader->scope;
  if (apply->reader->scope == JP_SCOPE_PLAN)
    {
      stmt = prepare (apply, "SELECT id FROM item WHERE parent IS NULL ORDER BY id LIMIT 1", error);
      if (stmt == NULL)
        return FALSE;
      *root_id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (*root_id == 0)
        return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, 0, _("the database holds no plan."));
      return TRUE;
    }

  *root_id = lookup_uid (apply, top->uid, &kind);
  if (*root_id == 0 || kind != top->kind)
    {
      const char *number = top->fields[JP_FIELD_NUMBER];

      if (top->kind == JP_KIND_SECTION)
        return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, top->line,
                        _("section %s (id “%s”) does not exist in this plan; only an existing section can be "
                          "replaced by a file that holds one section."), number ? number : "?", top->uid);
      if (top->kind == JP_KIND_CHAPTER)
        return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, top->line,
                        _("chapter %s (id “%s”) does not exist in this plan; only an existing chapter can be "
                          "replaced by a file that holds one chapter."), number ? number : "?", top->uid);
      return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, top->line,
                      _("the database has no contacts to replace."));
    }

  stmt = prepare (apply, "SELECT parent FROM item WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *root_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    top->id = sqlite3_column_int64 (stmt, 0);   /* its parent, for now */
  sqlite3_reset (stmt);
  return TRUE;
}

static char *
scope_label (Record *top)
{
  const char *number = top->fields[JP_FIELD_NUMBER];
  const char *title = top->texts[JP_TEXT_TITLE][JP_LANG_NL] ? top->texts[JP_TEXT_TITLE][JP_LANG_NL]
                                                            : top->texts[JP_TEXT_TITLE][JP_LANG_FR];

  if (top->kind == JP_KIND_CONTACTS)
    return g_strdup (_("the contacts"));
  if (number && title)
    return g_strdup_printf ("%s %s", number, title);
  return g_strdup (number ? number : title);
}

static gint64
count_items (Apply *apply)
{
  sqlite3_stmt *stmt = prepare (apply, "SELECT count(*) FROM item", NULL);
  gint64 n = 0;

  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return n;
}

static gboolean apply_changes (Apply *apply, gint64 scope_parent, GError **error);

static gboolean
apply_records (Apply   *apply,
               GError **error)
{
  GArray *records = apply->reader->records;
  gint64 root_id = 0, scope_parent = 0, root_position = 0;
  g_autofree char *outside = NULL;
  g_autofree char *outside_after = NULL;
  g_autoptr(GArray) file_fps = NULL;
  Record *top;

  apply->report->n_items = count_items (apply);
  if (!find_scope (apply, &root_id, error))
    return FALSE;
  top = &g_array_index (records, Record, 0);
  if (apply->reader->scope != JP_SCOPE_PLAN)
    {
      sqlite3_stmt *stmt;

      scope_parent = top->id;
      top->id = 0;
      /* The replaced chapter or section keeps its place. */
      stmt = prepare (apply, "SELECT position FROM item WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, root_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        root_position = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      apply->report->scope_uid = g_strdup (top->uid);
      apply->report->scope_label = scope_label (top);
      /* A scope can only change itself: what lies outside is counted
       * now and every write watched, before the import is kept. */
      outside = _jp_exchange_outside_counts (apply->db, apply->stmts, root_id, error);
      if (outside == NULL || !_jp_exchange_watch_begin (apply->db, apply->stmts, root_id, error))
        return FALSE;
    }
  else if (apply->reader->year)
    {
      g_free (top->fields[JP_FIELD_NUMBER]);
      top->fields[JP_FIELD_NUMBER] = g_strdup (apply->reader->year);
    }

  if (!load_existing (apply, root_id, error))
    return FALSE;

  if (_jp_exchange_kind_has_record (top->kind) && apply->reader->scope != JP_SCOPE_PLAN)
    {
      if (apply->reader->sent)
        file_fps = _jp_exchange_file_fingerprints (apply->reader);
      if (!_jp_exchange_merge (apply->db, apply->reader, apply->snapshot, apply->choices, apply->report, error))
        return FALSE;
      records = apply->reader->records;
      top = &g_array_index (records, Record, 0);
    }
  top->position = root_position;

  if (!apply_changes (apply, scope_parent, error))
    return FALSE;

  if (outside)
    {
      gboolean written_outside = FALSE;

      outside_after = _jp_exchange_outside_counts (apply->db, apply->stmts, root_id, error);
      if (outside_after == NULL || !_jp_exchange_watch_end (apply->db, apply->stmts, root_id, &written_outside, error))
        return FALSE;
      if (written_outside || strcmp (outside, outside_after) != 0)
        {
          g_debug ("Outside the scope before: %s; after: %s", outside, outside_after);
          return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_OUTSIDE_SCOPE, 0,
                                  _("importing %s would have changed the plan outside it; nothing was imported."),
                                  apply->report->scope_label);
        }
    }

  if (apply->reader->scope == JP_SCOPE_PLAN && !(apply->flags & JP_IMPORT_FORCE))
    {
      guint removed = jp_import_report_removed_total (apply->report);

      if ((guint64) removed * 2 > (guint64) apply->report->n_items)
        return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_MASS_REMOVAL, 0,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "importing this plan would remove %u of the %u items of the plan; "
                                             "nothing was imported. To replace the plan with it anyway, import "
                                             "it with --force.",
                                             "importing this plan would remove %u of the %u items of the plan; "
                                             "nothing was imported. To replace the plan with it anyway, import "
                                             "it with --force.", removed),
                                removed, apply->report->n_items);
    }

  if (file_fps && !_jp_exchange_store_import (apply->db, apply->reader, top->uid, file_fps, error))
    return FALSE;
  return TRUE;
}

/* Writes the records over the scope: adds, changes, removes. */
static gboolean
apply_changes (Apply   *apply,
               gint64   scope_parent,
               GError **error)
{
  GArray *records = apply->reader->records;
  GHashTableIter iter;
  gpointer value;

  mark_moved (apply, scope_parent);

  for (guint i = 0; i < records->len; i++)
    {
      Record *r = &g_array_index (records, Record, i);
      gint64 parent_id = r->parent >= 0 ? g_array_index (records, Record, r->parent).id : scope_parent;
      Existing *e = g_hash_table_lookup (apply->existing, r->uid);
      gboolean links_changed = FALSE;
      gboolean differs;

      if (e)
        {
          r->id = e->data.id;
          e->seen = TRUE;
          if (e->data.kind != r->kind)
            return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, r->line,
                            _("the id “%s” belongs to a %s in the plan, but to a %s in the file."),
                            r->uid, jp_kind_to_string (e->data.kind), jp_kind_to_string (r->kind));
          differs = r->moved || record_differs (r, e, parent_id);
          /* A new position alone is stored, but is not a change. */
          if ((differs || e->data.position != r->position) &&
              (!write_row_values (apply, r, parent_id, FALSE, error) ||
               !write_texts (apply, r, e, error)))
            return FALSE;
          if (r->kind == JP_KIND_SECTION && !write_links (apply, r, &links_changed, error))
            return FALSE;
          if (differs || links_changed)
            apply->report->changed[r->kind]++;
        }
      else
        {
          JpKind kind;

          if (lookup_uid (apply, r->uid, &kind) != 0)
            return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, r->line,
                            _("the id “%s” is already used by another item of the plan, outside what this "
                              "file replaces."), r->uid);
          if (!write_row_values (apply, r, parent_id, TRUE, error) ||
              !write_texts (apply, r, NULL, error))
            return FALSE;
          if (r->kind == JP_KIND_SECTION && !write_links (apply, r, &links_changed, error))
            return FALSE;
          apply->report->added[r->kind]++;
        }
    }

  g_hash_table_iter_init (&iter, apply->existing);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Existing *e = value;
      sqlite3_stmt *stmt;

      if (e->seen)
        continue;
      apply->report->removed[e->data.kind]++;
      stmt = prepare (apply, "DELETE FROM item WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, e->data.id);
      if (!run (apply, stmt, error))
        return FALSE;
    }

  /* A chapter's team must be one of the plan's teams. */
  for (guint i = 0; i < records->len; i++)
    {
      Record *r = &g_array_index (records, Record, i);
      JpKind kind = JP_KIND_ITEM;

      if (r->kind == JP_KIND_CHAPTER && r->fields[JP_FIELD_TEAM] &&
          (lookup_uid (apply, r->fields[JP_FIELD_TEAM], &kind) == 0 || kind != JP_KIND_TEAM))
        return _jp_xml_fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, r->line,
                        _("chapter %s belongs to the team “%s”, which does not exist."),
                        r->fields[JP_FIELD_NUMBER] ? r->fields[JP_FIELD_NUMBER] : r->uid,
                        r->fields[JP_FIELD_TEAM]);
    }
  return TRUE;
}

/* ---------------------------------------------------------------- entry points */

/* Refusals that come with a report the caller shows (the conflicts,
 * or the counts of what would be removed). */
static gboolean
error_has_report (const GError *error)
{
  return error && error->domain == JP_XML_ERROR &&
         (error->code == JP_XML_ERROR_EDIT_CONFLICT || error->code == JP_XML_ERROR_MASS_REMOVAL);
}

static void
reset_statement (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  sqlite3_reset (value);
}

/* Statements are done with before the transaction ends: kept ones are
 * reset, the import's own finalized. */
static void
release_statements (Apply *apply)
{
  if (apply->stmts == NULL)
    return;
  g_hash_table_foreach (apply->stmts, reset_statement, NULL);
  g_clear_pointer (&apply->stmts, g_hash_table_unref);
}

gboolean
_jp_xml_apply (sqlite3          *db,
               GHashTable       *statements,
               JpXmlReader      *reader,
               JpImportFlags     flags,
               GHashTable       *choices,
               gboolean          log_undo,
               JpImportReport  **report_out,
               GError          **error)
{
  g_autoptr(JpImportReport) report = jp_import_report_new ();
  gboolean dry_run = (flags & JP_IMPORT_DRY_RUN) != 0;
  GError *local_error = NULL;
  Apply apply = { 0, };
  gboolean ok = FALSE;

  apply.db = db;
  apply.reader = reader;
  apply.report = report;
  apply.flags = flags;
  apply.choices = choices;
  apply.existing = g_hash_table_new (g_str_hash, g_str_equal);
  /* The connection's own statements when it keeps them, so that an
   * import does not prepare its SQL afresh each time. */
  apply.stmts = statements ? g_hash_table_ref (statements)
                           : g_hash_table_new_full (g_str_hash, g_str_equal, NULL, _jp_statement_free);

  if (reader->scope != JP_SCOPE_PLAN && !_jp_exchange_watch_setup (db, apply.stmts, error))
    goto out;
  if (!_jp_database_begin_step (db, log_undo && !dry_run, error))
    goto out;
  if (!apply_records (&apply, &local_error))
    {
      release_statements (&apply);
      _jp_database_rollback (db);
      if (error_has_report (local_error) && report_out)
        *report_out = g_steal_pointer (&report);
      g_propagate_error (error, local_error);
      goto out;
    }
  release_statements (&apply);
  if (dry_run)
    _jp_database_rollback (db);
  else if (!_jp_database_commit_step (db, error))
    goto out;
  ok = TRUE;
  if (report_out)
    *report_out = g_steal_pointer (&report);

out:
  g_clear_pointer (&apply.existing, g_hash_table_unref);
  g_clear_pointer (&apply.snapshot, _jp_snapshot_free);
  g_clear_pointer (&apply.stmts, g_hash_table_unref);
  return ok;
}

static gboolean
import_on_connection (sqlite3          *db,
                      GHashTable       *statements,
                      GBytes           *bytes,
                      const char       *name,
                      JpImportFlags     flags,
                      GHashTable       *choices,
                      gboolean          log_undo,
                      JpImportReport  **report_out,
                      GError          **error)
{
  Reader reader;
  gboolean ok;

  _jp_xml_reader_init (&reader, name);
  ok = _jp_xml_read (&reader, bytes, error) &&
       _jp_xml_apply (db, statements, &reader, flags, choices, log_undo, report_out, error);
  _jp_xml_reader_clear (&reader);
  return ok;
}

gboolean
jp_xml_import_bytes_full (JpDatabase      *db,
                          GBytes          *bytes,
                          const char      *name,
                          JpImportFlags    flags,
                          GHashTable      *choices,
                          JpImportReport **report,
                          GError         **error)
{
  g_autofree char *valid_name = NULL;

  g_return_val_if_fail (JP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  valid_name = g_utf8_make_valid (name ? name : "?", -1);
  if (!import_on_connection (_jp_database_get_handle (db), _jp_database_get_statements (db), bytes, valid_name,
                             flags, choices,
                             TRUE, report, error))
    return FALSE;
  if (!(flags & JP_IMPORT_DRY_RUN))
    jp_database_reload (db);
  return TRUE;
}

gboolean
jp_xml_import_bytes (JpDatabase      *db,
                     GBytes          *bytes,
                     const char      *name,
                     JpImportFlags    flags,
                     JpImportReport **report,
                     GError         **error)
{
  return jp_xml_import_bytes_full (db, bytes, name, flags, NULL, report, error);
}

gboolean
_jp_xml_import_seed (JpDatabase  *db,
                     GBytes      *bytes,
                     const char  *name,
                     GError     **error)
{
  if (!import_on_connection (_jp_database_get_handle (db), _jp_database_get_statements (db), bytes, name,
                             JP_IMPORT_FORCE, NULL, FALSE, NULL, error))
    return FALSE;
  jp_database_reload (db);
  return TRUE;
}

gboolean
jp_xml_import_full (JpDatabase      *db,
                    GFile           *file,
                    JpImportFlags    flags,
                    GHashTable      *choices,
                    JpImportReport **report,
                    GCancellable    *cancellable,
                    GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (JP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = _jp_xml_read_file (file, cancellable, &name, error);
  if (bytes == NULL)
    return FALSE;
  return jp_xml_import_bytes_full (db, bytes, name, flags, choices, report, error);
}

gboolean
jp_xml_import (JpDatabase      *db,
               GFile           *file,
               JpImportFlags    flags,
               JpImportReport **report,
               GCancellable    *cancellable,
               GError         **error)
{
  return jp_xml_import_full (db, file, flags, NULL, report, cancellable, error);
}

typedef struct {
  GFile          *file;
  JpImportFlags   flags;
  GHashTable     *choices;
  JpImportReport *refused;   /* the report of a refusal that has one */
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_clear_object (&job->file);
  g_clear_pointer (&job->choices, g_hash_table_unref);
  g_clear_pointer (&job->refused, jp_import_report_free);
  g_free (job);
}

static void
import_worker (GTask        *task,
               JpConnection *connection,
               gpointer      data,
               GCancellable *cancellable)
{
  ImportJob *job = data;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  JpImportReport *report = NULL;
  GError *error = NULL;

  bytes = _jp_xml_read_file (job->file, cancellable, &name, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else if (import_on_connection (connection->db, connection->statements, bytes, name, job->flags, job->choices, TRUE, &report, &error))
    g_task_return_pointer (task, report, (GDestroyNotify) jp_import_report_free);
  else
    {
      job->refused = report;
      g_task_return_error (task, error);
    }
}

void
jp_xml_import_full_async (JpDatabase          *db,
                          GFile               *file,
                          JpImportFlags        flags,
                          GHashTable          *choices,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  ImportJob *job;

  g_return_if_fail (JP_IS_DATABASE (db));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ImportJob, 1);
  job->file = g_object_ref (file);
  job->flags = flags;
  job->choices = choices_copy (choices);
  _jp_database_run_in_worker (db, jp_xml_import_async, job, import_job_free, import_worker,
                              cancellable, callback, user_data);
}

void
jp_xml_import_async (JpDatabase          *db,
                     GFile               *file,
                     JpImportFlags        flags,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  jp_xml_import_full_async (db, file, flags, NULL, cancellable, callback, user_data);
}

gboolean
jp_xml_import_finish (JpDatabase       *db,
                      GAsyncResult     *result,
                      JpImportReport  **report,
                      GError          **error)
{
  ImportJob *job;
  JpImportReport *r;

  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);

  job = _jp_database_worker_get_job (G_TASK (result));
  r = g_task_propagate_pointer (G_TASK (result), error);
  if (r == NULL)
    {
      if (report && job->refused)
        *report = g_steal_pointer (&job->refused);
      return FALSE;
    }
  /* The worker may have written through a connection of its own:
   * re-read what this one shows. */
  if (!(job->flags & JP_IMPORT_DRY_RUN))
    jp_database_reload (db);
  if (report)
    *report = r;
  else
    jp_import_report_free (r);
  return TRUE;
}
