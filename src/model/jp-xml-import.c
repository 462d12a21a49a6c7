/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-xml"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "jp-model-private.h"
#include "jp-xml-private.h"

typedef JpXmlRecord Record;
typedef JpXmlReader Reader;

/* ---------------------------------------------------------------- report */

JpImportReport *
jp_import_report_new (void)
{
  return g_new0 (JpImportReport, 1);
}

void
jp_import_report_free (JpImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->scope_uid);
  g_free (report->scope_label);
  g_free (report);
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

typedef struct {
  sqlite3    *db;
  Reader     *reader;
  JpImportReport *report;
  GHashTable *existing;     /* uid → Existing, the items of the scope */
  GHashTable *stmts;        /* SQL → sqlite3_stmt */
} Apply;

typedef struct {
  gint64      id;
  JpItemData  data;
  gboolean    seen;
} Existing;

static void
existing_free (gpointer data)
{
  Existing *e = data;

  _jp_item_data_clear (&e->data);
  g_free (e);
}

static sqlite3_stmt *
prepare (Apply       *apply,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (apply->stmts, sql);
  int rc;

  if (stmt)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v2 (apply->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _jp_sqlite_error (apply->db, rc, error);
      return NULL;
    }
  g_hash_table_insert (apply->stmts, (gpointer) sql, stmt);
  return stmt;
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

#define SUBTREE \
  "WITH RECURSIVE sub (id) AS (SELECT ?1 UNION ALL SELECT item.id FROM item JOIN sub ON item.parent = sub.id)"

/* Reads every item of the scope, with its texts. */
static gboolean
load_existing (Apply   *apply,
               gint64   root_id,
               GError **error)
{
  GHashTable *by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (apply, SUBTREE " SELECT " JP_ITEM_COLUMNS " FROM item JOIN sub USING (id)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, root_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Existing *e = g_new0 (Existing, 1);

      _jp_item_data_read (&e->data, stmt);
      e->id = e->data.id;
      g_hash_table_insert (apply->existing, e->data.uid, e);
      g_hash_table_insert (by_id, &e->id, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _jp_sqlite_error (apply->db, rc, error);
      goto fail;
    }

  stmt = prepare (apply, SUBTREE " SELECT item, field, lang, value FROM text JOIN sub ON text.item = sub.id", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, root_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Existing *e = g_hash_table_lookup (by_id, &id);

      if (e)
        _jp_item_data_read_text (&e->data, stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _jp_sqlite_error (apply->db, rc, error);
      goto fail;
    }
  g_hash_table_unref (by_id);
  return TRUE;

fail:
  g_hash_table_unref (by_id);
  return FALSE;
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
 * removed around an item renumber it, but do not change it. */
static void
mark_moved (Apply  *apply,
            gint64  scope_parent)
{
  GArray *records = apply->reader->records;
  g_autoptr(GHashTable) groups = NULL;
  GHashTableIter iter;
  gpointer value;

  groups = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < records->len; i++)
    {
      Record *r = &g_array_index (records, Record, i);
      Existing *e = g_hash_table_lookup (apply->existing, r->uid);
      gint64 parent_id = scope_parent;
      GArray *group;

      if (e == NULL)
        continue;
      if (r->parent >= 0)
        {
          Existing *pe = g_hash_table_lookup (apply->existing,
                                              g_array_index (records, Record, r->parent).uid);
          if (pe == NULL)
            continue;
          parent_id = pe->id;
        }
      if (e->data.parent_id != parent_id)
        continue;   /* a new parent: changed anyway */
      group = g_hash_table_lookup (groups, GINT_TO_POINTER (r->parent + 1));
      if (group == NULL)
        {
          group = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (groups, GINT_TO_POINTER (r->parent + 1), group);
        }
      g_array_append_val (group, i);
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *group = value;
      guint n = group->len, best = 0;
      g_autofree guint *length = g_new0 (guint, n);
      g_autofree int *previous = g_new0 (int, n);
      guint *index = (guint *) (gpointer) group->data;

      /* Longest subsequence of increasing old positions, in file order. */
      for (guint i = 0; i < n; i++)
        {
          Existing *ei = g_hash_table_lookup (apply->existing, g_array_index (records, Record, index[i]).uid);

          length[i] = 1;
          previous[i] = -1;
          for (guint j = 0; j < i; j++)
            {
              Existing *ej = g_hash_table_lookup (apply->existing, g_array_index (records, Record, index[j]).uid);

              if (ej->data.position < ei->data.position && length[j] + 1 > length[i])
                {
                  length[i] = length[j] + 1;
                  previous[i] = j;
                }
            }
          if (length[i] > length[best])
            best = i;
        }
      for (guint i = 0; i < n; i++)
        g_array_index (records, Record, index[i]).moved = TRUE;
      for (int i = n > 0 ? (int) best : -1; i >= 0; i = previous[i])
        g_array_index (records, Record, index[i]).moved = FALSE;
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

static gboolean
apply_records (Apply   *apply,
               GError **error)
{
  GArray *records = apply->reader->records;
  gint64 root_id = 0, scope_parent = 0, root_position = 0;
  GHashTableIter iter;
  gpointer value;

  if (!find_scope (apply, &root_id, error))
    return FALSE;
  if (apply->reader->scope != JP_SCOPE_PLAN)
    {
      Record *top = &g_array_index (records, Record, 0);
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
      top->position = root_position;
      apply->report->scope_uid = g_strdup (top->uid);
      apply->report->scope_label = scope_label (top);
    }
  else if (apply->reader->year)
    {
      Record *top = &g_array_index (records, Record, 0);
      g_free (top->fields[JP_FIELD_NUMBER]);
      top->fields[JP_FIELD_NUMBER] = g_strdup (apply->reader->year);
    }

  if (!load_existing (apply, root_id, error))
    return FALSE;
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
          r->id = e->id;
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
      sqlite3_bind_int64 (stmt, 1, e->id);
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

static gboolean
import_on_connection (sqlite3          *db,
                      GBytes           *bytes,
                      const char       *name,
                      gboolean          dry_run,
                      gboolean          log_undo,
                      JpImportReport  **report_out,
                      GError          **error)
{
  g_autoptr(JpImportReport) report = jp_import_report_new ();
  Reader reader;
  Apply apply = { 0, };
  gboolean ok = FALSE;

  _jp_xml_reader_init (&reader, name);
  if (!_jp_xml_read (&reader, bytes, error))
    goto out;

  apply.db = db;
  apply.reader = &reader;
  apply.report = report;
  apply.existing = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, existing_free);
  apply.stmts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, _jp_statement_free);

  if (!_jp_database_begin_step (db, log_undo && !dry_run, error))
    goto out;
  if (!apply_records (&apply, error))
    {
      _jp_database_rollback (db);
      goto out;
    }
  g_clear_pointer (&apply.stmts, g_hash_table_unref);
  if (dry_run)
    _jp_database_rollback (db);
  else if (!_jp_database_commit_step (db, error))
    goto out;
  ok = TRUE;
  if (report_out)
    *report_out = g_steal_pointer (&report);

out:
  g_clear_pointer (&apply.existing, g_hash_table_unref);
  g_clear_pointer (&apply.stmts, g_hash_table_unref);
  _jp_xml_reader_clear (&reader);
  return ok;
}


gboolean
jp_xml_import_bytes (JpDatabase      *db,
                     GBytes          *bytes,
                     const char      *name,
                     gboolean         dry_run,
                     JpImportReport **report,
                     GError         **error)
{
  g_autofree char *valid_name = NULL;

  g_return_val_if_fail (JP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  valid_name = g_utf8_make_valid (name ? name : "?", -1);
  if (!import_on_connection (_jp_database_get_handle (db), bytes, valid_name, dry_run,
                             TRUE, report, error))
    return FALSE;
  if (!dry_run)
    jp_database_reload (db);
  return TRUE;
}

gboolean
_jp_xml_import_seed (JpDatabase  *db,
                     GBytes      *bytes,
                     const char  *name,
                     GError     **error)
{
  if (!import_on_connection (_jp_database_get_handle (db), bytes, name, FALSE, FALSE, NULL, error))
    return FALSE;
  jp_database_reload (db);
  return TRUE;
}

gboolean
jp_xml_import (JpDatabase      *db,
               GFile           *file,
               gboolean         dry_run,
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
  return jp_xml_import_bytes (db, bytes, name, dry_run, report, error);
}

typedef struct {
  char     *path;
  GFile    *file;
  gboolean  dry_run;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->path);
  g_clear_object (&job->file);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  JpImportReport *report = NULL;
  GError *error = NULL;
  sqlite3 *db;

  bytes = _jp_xml_read_file (job->file, cancellable, &name, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  db = _jp_database_connect (job->path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (import_on_connection (db, bytes, name, job->dry_run, TRUE, &report, &error))
    g_task_return_pointer (task, report, (GDestroyNotify) jp_import_report_free);
  else
    g_task_return_error (task, error);
  sqlite3_close (db);
}

void
jp_xml_import_async (JpDatabase          *db,
                     GFile               *file,
                     gboolean             dry_run,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (JP_IS_DATABASE (db));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, jp_xml_import_async);
  job = g_new0 (ImportJob, 1);
  job->path = g_strdup (jp_database_get_path (db));
  job->file = g_object_ref (file);
  job->dry_run = dry_run;
  g_task_set_task_data (task, job, import_job_free);

  if (g_strcmp0 (job->path, ":memory:") == 0)
    {
      /* A private in-memory database has no second connection. */
      JpImportReport *report = NULL;
      GError *error = NULL;

      if (jp_xml_import (db, file, dry_run, &report, cancellable, &error))
        g_task_return_pointer (task, report, (GDestroyNotify) jp_import_report_free);
      else
        g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, import_thread);
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

  job = g_task_get_task_data (G_TASK (result));
  r = g_task_propagate_pointer (G_TASK (result), error);
  if (r == NULL)
    return FALSE;
  /* The worker wrote through a connection of its own: re-read what this
   * one shows.  (An in-memory import ran here and re-read already.) */
  if (!job->dry_run && g_strcmp0 (job->path, ":memory:") != 0)
    jp_database_reload (db);
  if (report)
    *report = r;
  else
    jp_import_report_free (r);
  return TRUE;
}
