/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include "model/store/jp-sqlite-private.h"
#include "model/store/jp-connection-apply.h"
#include "model/store/jp-schema.h"


static void
reset_statement (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  sqlite3_reset (value);
}

void
_jp_connection_release_statements (JpConnection *connection)
{
  if (connection->statements)
    g_hash_table_foreach (connection->statements, reset_statement, NULL);
}

gboolean
_jp_connection_begin_read (JpConnection *connection)
{
  return sqlite3_exec (connection->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

void
_jp_connection_end_read (JpConnection *connection)
{
  sqlite3_exec (connection->db, "COMMIT", NULL, NULL, NULL);
}

/* ---------------------------------------------------------------- look-ups */

static sqlite3_stmt *
prepare (JpConnection  *connection,
         const char    *sql,
         GError       **error)
{
  return _jp_sqlite_prepare (connection->db, connection->statements, sql, error);
}

/* Steps @stmt once and resets it; FALSE with @error on a failure. */
static gboolean
run (JpConnection  *connection,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _jp_sqlite_error (connection->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

gint64
_jp_connection_count_items (JpConnection *connection)
{
  sqlite3_stmt *stmt = prepare (connection, "SELECT count(*) FROM item", NULL);
  gint64 n = 0;

  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return n;
}

gboolean
_jp_connection_plan_root (JpConnection  *connection,
                          gint64        *root_id,
                          GError       **error)
{
  *root_id = _jp_sqlite_plan_root (connection->db, connection->statements, connection->plan);
  if (*root_id < 0)
    {
      _jp_sqlite_error (connection->db, sqlite3_errcode (connection->db), error);
      *root_id = 0;
      return FALSE;
    }
  return TRUE;
}

char *
_jp_connection_year_uid (JpConnection *connection,
                         JpKind        kind)
{
  gint64 root = _jp_sqlite_plan_root (connection->db, connection->statements, connection->plan);
  sqlite3_stmt *stmt = prepare (connection, "SELECT uid FROM item WHERE (?2 = 'plan' AND id = ?1)"
                                            " OR (?2 != 'plan' AND parent = ?1 AND kind = ?2) ORDER BY id LIMIT 1", NULL);
  char *uid = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, root);
  sqlite3_bind_text (stmt, 2, jp_kind_to_string (kind), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return uid;
}

gint64
_jp_connection_count_plans (JpConnection *connection)
{
  return _jp_sqlite_count_plans (connection->db, connection->statements);
}

char *
_jp_connection_plan_year (JpConnection *connection)
{
  sqlite3_stmt *stmt = NULL;
  char *year = NULL;

  gint64 root = _jp_sqlite_plan_root (connection->db, connection->statements, connection->plan);

  if (sqlite3_prepare_v2 (connection->db, "SELECT number FROM item WHERE id = ?", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_bind_int64 (stmt, 1, root) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    year = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return year;
}

gint64
_jp_connection_lookup_uid (JpConnection *connection,
                           const char   *uid,
                           JpKind       *kind)
{
  sqlite3_stmt *stmt = prepare (connection, "SELECT id, kind FROM item WHERE uid = ?", NULL);
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

gboolean
_jp_connection_item_place (JpConnection  *connection,
                           gint64         id,
                           gint64        *parent_id,
                           gint64        *position,
                           GError       **error)
{
  sqlite3_stmt *stmt = prepare (connection, "SELECT parent, position FROM item WHERE id = ?", error);

  *parent_id = 0;
  *position = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *parent_id = sqlite3_column_int64 (stmt, 0);
      *position = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* ---------------------------------------------------------------- writing */

typedef JpSnapshotItem Existing;

typedef struct {
  JpConnection  *connection;
  GArray        *records;      /* JpRecord */
  GHashTable    *existing;     /* uid → Existing, the scope's items */
  JpApplyResult *result;
} Apply;

void
_jp_apply_result_clear (JpApplyResult *result)
{
  g_clear_pointer (&result->detail, g_free);
}

/* Stops the writes for a reason the caller puts in words. */
static gboolean
refuse (Apply          *apply,
        JpApplyProblem  problem,
        guint           record,
        JpKind          kind,
        const char     *detail)
{
  apply->result->problem = problem;
  apply->result->record = record;
  apply->result->kind = kind;
  g_free (apply->result->detail);
  apply->result->detail = g_strdup (detail);
  return FALSE;
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

static gboolean
write_row_values (Apply     *apply,
                  JpRecord  *r,
                  gint64     parent_id,
                  gboolean   insert,
                  GError   **error)
{
  sqlite3_stmt *stmt;

  if (insert)
    stmt = prepare (apply->connection,
                    "INSERT INTO item (kind, parent, position, phase, status, number, code, person, email,"
                    " phone, valid_from, valid_until, team, progress_date, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                    " ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", error);
  else
    stmt = prepare (apply->connection,
                    "UPDATE item SET parent = ?2, position = ?3, phase = ?4, status = ?5, number = ?6,"
                    " code = ?7, person = ?8, email = ?9, phone = ?10, valid_from = ?11, valid_until = ?12,"
                    " team = ?13, progress_date = ?14, revision = revision + 1 WHERE id = ?16 AND kind = ?1", error);
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
    sqlite3_bind_text (stmt, 6 + JP_N_FIELDS, r->uid, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 7 + JP_N_FIELDS, r->id);
  if (!run (apply->connection, stmt, error))
    return FALSE;
  if (insert)
    r->id = sqlite3_last_insert_rowid (apply->connection->db);
  return TRUE;
}

static gboolean
write_texts (Apply     *apply,
             JpRecord  *r,
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
          stmt = prepare (apply->connection, "DELETE FROM text WHERE item = ?1 AND field = ?2 AND lang = ?3", error);
        else
          stmt = prepare (apply->connection, "INSERT INTO text (item, field, lang, value) VALUES (?1, ?2, ?3, ?4)"
                          " ON CONFLICT (item, field, lang) DO UPDATE SET value = excluded.value", error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, r->id);
        sqlite3_bind_text (stmt, 2, jp_text_field_to_string (t), -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 3, jp_lang_to_string (l), -1, SQLITE_STATIC);
        if (new)
          sqlite3_bind_text (stmt, 4, new, -1, SQLITE_STATIC);
        if (!run (apply->connection, stmt, error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
record_differs (const JpRecord *r,
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
             guint      index,
             gboolean  *changed,
             GError   **error)
{
  JpRecord *r = &g_array_index (apply->records, JpRecord, index);
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) new = g_ptr_array_new ();
  sqlite3_stmt *stmt;

  *changed = FALSE;
  stmt = prepare (apply->connection,
                  "SELECT area.uid FROM link JOIN item area ON area.id = link.area WHERE link.section = ?", error);
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

  stmt = prepare (apply->connection, "DELETE FROM link WHERE section = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->id);
  if (!run (apply->connection, stmt, error))
    return FALSE;

  for (guint i = 0; i < new->len; i++)
    {
      JpKind kind = JP_KIND_ITEM;
      gint64 area = _jp_connection_lookup_uid (apply->connection, new->pdata[i], &kind);

      if (area == 0 || kind != JP_KIND_AREA)
        return refuse (apply, JP_APPLY_NO_AREA, index, kind, new->pdata[i]);
      stmt = prepare (apply->connection, "INSERT INTO link (section, area) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, r->id);
      sqlite3_bind_int64 (stmt, 2, area);
      if (!run (apply->connection, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Marks the records that changed place among the siblings they keep: all
 * but a longest run that is still in the same order.  Items added or
 * removed around an item renumber it, but do not change it.  One pass
 * over the records chains the siblings; each chain then takes
 * O(k log k), so that a million siblings cost no more per item than ten. */
static void
mark_moved (Apply  *apply,
            gint64  scope_parent)
{
  GArray *records = apply->records;
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
      JpRecord *r = &g_array_index (records, JpRecord, i);
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
          g_array_index (records, JpRecord, i).moved = TRUE;
        }
      for (int i = tails[length - 1]; i >= 0; i = previous[i])
        g_array_index (records, JpRecord, i).moved = FALSE;
    }
}

static gboolean
apply_changes (Apply   *apply,
               gint64   scope_parent,
               GError **error)
{
  GArray *records = apply->records;
  JpApplyResult *result = apply->result;
  GHashTableIter iter;
  gpointer value;

  mark_moved (apply, scope_parent);

  for (guint i = 0; i < records->len; i++)
    {
      JpRecord *r = &g_array_index (records, JpRecord, i);
      gint64 parent_id = r->parent >= 0 ? g_array_index (records, JpRecord, r->parent).id : scope_parent;
      Existing *e = g_hash_table_lookup (apply->existing, r->uid);
      gboolean links_changed = FALSE;
      gboolean differs;

      if (e)
        {
          r->id = e->data.id;
          e->seen = TRUE;
          if (e->data.kind != r->kind)
            return refuse (apply, JP_APPLY_KIND_CLASH, i, e->data.kind, NULL);
          differs = r->moved || record_differs (r, e, parent_id);
          /* A new position alone is stored, but is not a change. */
          if ((differs || e->data.position != r->position) &&
              (!write_row_values (apply, r, parent_id, FALSE, error) ||
               !write_texts (apply, r, e, error)))
            return FALSE;
          if (r->kind == JP_KIND_SECTION && !write_links (apply, i, &links_changed, error))
            return FALSE;
          if (differs || links_changed)
            result->changed[r->kind]++;
        }
      else
        {
          JpKind kind;

          if (_jp_connection_lookup_uid (apply->connection, r->uid, &kind) != 0)
            return refuse (apply, JP_APPLY_UID_TAKEN, i, kind, NULL);
          if (!write_row_values (apply, r, parent_id, TRUE, error) ||
              !write_texts (apply, r, NULL, error))
            return FALSE;
          if (r->kind == JP_KIND_SECTION && !write_links (apply, i, &links_changed, error))
            return FALSE;
          result->added[r->kind]++;
        }
    }

  g_hash_table_iter_init (&iter, apply->existing);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Existing *e = value;
      sqlite3_stmt *stmt;

      if (e->seen)
        continue;
      result->removed[e->data.kind]++;
      stmt = prepare (apply->connection, "DELETE FROM item WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, e->data.id);
      if (!run (apply->connection, stmt, error))
        return FALSE;
    }

  /* A team field (a chapter's) must name one of the plan's teams. */
  for (guint i = 0; i < records->len; i++)
    {
      JpRecord *r = &g_array_index (records, JpRecord, i);
      JpKind kind = JP_KIND_ITEM;

      if (jp_kind_allows_field (r->kind, JP_FIELD_TEAM) && r->fields[JP_FIELD_TEAM] &&
          (_jp_connection_lookup_uid (apply->connection, r->fields[JP_FIELD_TEAM], &kind) == 0 ||
           kind != JP_KIND_TEAM))
        return refuse (apply, JP_APPLY_NO_TEAM, i, kind, r->fields[JP_FIELD_TEAM]);
    }
  return TRUE;
}

/* ------------------------------------------------------------- in bulk */

/* The rows an import adds go in without their insert triggers (see
 * jp_schema_bulk_end): what is above the marks when it is done is
 * indexed, recorded and logged for undo in one statement each.  The
 * undo entry is made first, so that it is replayed last: after what was
 * logged of the changes to the rows that were there. */
typedef struct {
  gint64 item_mark;
  gint64 text_mark;
  gint64 undo_seq;   /* 0: undo is not logged */
} Bulk;

static gboolean
query_marks (JpConnection  *connection,
             gint64        *item,
             gint64        *text,
             GError       **error)
{
  sqlite3_stmt *stmt = prepare (connection, "SELECT coalesce ((SELECT max (id) FROM item), 0),"
                                            " coalesce ((SELECT max (id) FROM text), 0)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *item = sqlite3_column_int64 (stmt, 0);
      *text = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _jp_sqlite_error (connection->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
bulk_begin (JpConnection  *connection,
            Bulk          *bulk,
            GError       **error)
{
  sqlite3_stmt *stmt;

  if (!query_marks (connection, &bulk->item_mark, &bulk->text_mark, error))
    return FALSE;
  stmt = prepare (connection, "INSERT INTO undo_log (stack, step, sql) SELECT stack, step, '' FROM undo_state"
                              " WHERE active", error);
  if (stmt == NULL || !run (connection, stmt, error))
    return FALSE;
  bulk->undo_seq = sqlite3_changes (connection->db) > 0 ? sqlite3_last_insert_rowid (connection->db) : 0;
  stmt = prepare (connection, "UPDATE undo_state SET bulk = 1", error);
  return stmt != NULL && run (connection, stmt, error);
}

static gboolean
bulk_end (JpConnection  *connection,
          Bulk          *bulk,
          GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 item, text;

  stmt = prepare (connection, "UPDATE undo_state SET bulk = 0", error);
  if (stmt == NULL || !run (connection, stmt, error))
    return FALSE;
  for (guint i = 0; i < jp_schema_n_bulk_end; i++)
    {
      stmt = prepare (connection, jp_schema_bulk_end[i], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, bulk->item_mark);
      sqlite3_bind_int64 (stmt, 2, bulk->text_mark);
      if (!run (connection, stmt, error))
        return FALSE;
    }
  if (bulk->undo_seq == 0)
    return TRUE;
  if (!query_marks (connection, &item, &text, error))
    return FALSE;
  if (item == bulk->item_mark && text == bulk->text_mark)
    {
      stmt = prepare (connection, "DELETE FROM undo_log WHERE seq = ?1", error);
      if (stmt == NULL)
        return FALSE;
    }
  else
    {
      stmt = prepare (connection, "UPDATE undo_log SET sql = printf ('DELETE FROM text WHERE id > %d AND id <= %d;"
                                  " DELETE FROM item WHERE id > %d AND id <= %d', ?2, ?3, ?4, ?5) WHERE seq = ?1",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 2, bulk->text_mark);
      sqlite3_bind_int64 (stmt, 3, text);
      sqlite3_bind_int64 (stmt, 4, bulk->item_mark);
      sqlite3_bind_int64 (stmt, 5, item);
    }
  sqlite3_bind_int64 (stmt, 1, bulk->undo_seq);
  return run (connection, stmt, error);
}

static void
bulk_end_quietly (JpConnection *connection)
{
  sqlite3_stmt *stmt = prepare (connection, "UPDATE undo_state SET bulk = 0", NULL);

  if (stmt)
    run (connection, stmt, NULL);
}

gboolean
_jp_connection_apply_records (JpConnection  *connection,
                              GArray        *records,
                              JpSnapshot    *existing,
                              gint64         scope_parent,
                              JpApplyResult *result,
                              GError       **error)
{
  g_autoptr(GHashTable) by_uid = g_hash_table_new (g_str_hash, g_str_equal);
  Apply apply = { connection, records, by_uid, result };
  Bulk bulk = { 0, };
  GHashTableIter iter;
  gpointer value;

  g_assert (connection != NULL && records != NULL && existing != NULL && result != NULL);

  /* Nothing is imported into a closed year. */
  if (!_jp_sqlite_check_open_year (connection->db, connection->statements,
                                   scope_parent != 0
                                   ? _jp_sqlite_root_of (connection->db, connection->statements, scope_parent)
                                   : _jp_sqlite_plan_root (connection->db, connection->statements, connection->plan),
                                   error))
    return FALSE;
  result->problem = JP_APPLY_OK;
  g_hash_table_iter_init (&iter, existing->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Existing *e = value;
      g_hash_table_insert (by_uid, e->data.uid, e);
    }
  if (!bulk_begin (connection, &bulk, error))
    return FALSE;
  if (!apply_changes (&apply, scope_parent, error))
    {
      /* The caller rolls the transaction back; bulk is off meanwhile. */
      bulk_end_quietly (connection);
      return FALSE;
    }
  return bulk_end (connection, &bulk, error);
}
