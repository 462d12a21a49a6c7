/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-database"

#include "config.h"

#include <string.h>

#include "model/jp-item-list.h"
#include "model/store/jp-database-private.h"

void
_jp_database_list_finalized (gpointer  user_data,
                             GObject  *where_the_object_was)
{
  JpListRef *ref = user_data;

  g_hash_table_remove (ref->db->lists, ref->key);
}

void
_jp_database_item_finalized (gpointer  user_data,
                             GObject  *where_the_object_was)
{
  JpItemRef *ref = user_data;

  g_hash_table_remove (ref->db->items, &ref->id);
}

/* ------------------------------------------------------------------ items */

void
_jp_item_data_read (JpItemData   *data,
                    sqlite3_stmt *stmt)
{
  data->id = sqlite3_column_int64 (stmt, 0);
  data->uid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  if (!jp_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &data->kind))
    data->kind = JP_KIND_ITEM;
  data->parent_id = sqlite3_column_int64 (stmt, 3);
  data->position = sqlite3_column_int (stmt, 4);
  if (!jp_phase_from_string ((const char *) sqlite3_column_text (stmt, 5), &data->phase))
    data->phase = JP_PHASE_NONE;
  if (!jp_status_from_string ((const char *) sqlite3_column_text (stmt, 6), &data->status))
    data->status = JP_STATUS_NONE;
  for (guint f = 0; f < JP_N_FIELDS; f++)
    data->fields[f] = g_strdup ((const char *) sqlite3_column_text (stmt, 7 + f));
  data->revision = sqlite3_column_int64 (stmt, 7 + JP_N_FIELDS);
}

void
_jp_item_data_read_text (JpItemData   *data,
                         sqlite3_stmt *stmt,
                         int           column)
{
  JpTextField field;
  JpLang lang;

  if (jp_text_field_from_string ((const char *) sqlite3_column_text (stmt, column), &field) &&
      jp_lang_from_string ((const char *) sqlite3_column_text (stmt, column + 1), &lang))
    {
      g_free (data->texts[field][lang]);
      data->texts[field][lang] = g_strdup ((const char *) sqlite3_column_text (stmt, column + 2));
    }
}

gboolean
_jp_database_read_item (JpDatabase  *self,
                        gint64       id,
                        JpItemData  *data)
{
  sqlite3_stmt *stmt;
  int rc;

  memset (data, 0, sizeof *data);
  self->n_item_reads++;
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

/* How long rows read ahead are used: those of one frame of a list.
 * Another program's change is seen as late as an item held that long. */
#define AHEAD_USEC (G_USEC_PER_SEC / 4)

void
_jp_item_data_free (gpointer data)
{
  _jp_item_data_clear (data);
  g_free (data);
}

static gboolean
ahead_valid (JpDatabase *self)
{
  return g_get_monotonic_time () - self->ahead_time < AHEAD_USEC &&
         sqlite3_total_changes64 (self->db) == self->ahead_changes;
}

/* Moves the row read ahead for @id into @data, if it is still good. */
static gboolean
take_ahead (JpDatabase *self,
            gint64      id,
            JpItemData *data)
{
  JpItemData *found;

  if (g_hash_table_size (self->ahead) == 0)
    return FALSE;
  if (!ahead_valid (self))
    {
      g_hash_table_remove_all (self->ahead);
      return FALSE;
    }
  found = g_hash_table_lookup (self->ahead, &id);
  if (found == NULL)
    return FALSE;
  g_hash_table_steal (self->ahead, &id);
  *data = *found;
  g_free (found);
  return TRUE;
}

void
_jp_database_read_ahead (JpDatabase   *self,
                         const gint64 *ids,
                         guint         n_ids)
{
  g_autoptr(GString) list = g_string_new ("[");
  sqlite3_stmt *stmt;
  guint n = 0;

  if (n_ids == 0 || g_hash_table_contains (self->items, &ids[0]))
    return;
  if (g_hash_table_size (self->ahead) > 0 && !ahead_valid (self))
    g_hash_table_remove_all (self->ahead);
  if (g_hash_table_contains (self->ahead, &ids[0]))
    return;
  if (g_hash_table_size (self->ahead) == 0)
    {
      self->ahead_time = g_get_monotonic_time ();
      self->ahead_changes = sqlite3_total_changes64 (self->db);
    }
  for (guint i = 0; i < n_ids; i++)
    if (!g_hash_table_contains (self->items, &ids[i]) && !g_hash_table_contains (self->ahead, &ids[i]))
      g_string_append_printf (list, "%s%" G_GINT64_FORMAT, n++ ? "," : "", ids[i]);
  g_string_append_c (list, ']');

  stmt = _jp_database_prepare (self, "SELECT " JP_ITEM_COLUMNS " FROM item"
                                     " WHERE id IN (SELECT value FROM json_each (?))", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, list->str, list->len, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JpItemData *data = g_new0 (JpItemData, 1);

      _jp_item_data_read (data, stmt);
      g_hash_table_replace (self->ahead, &data->id, data);
      self->n_item_reads++;
    }
  sqlite3_reset (stmt);

  stmt = _jp_database_prepare (self, "SELECT item, field, lang, value FROM text"
                                     " WHERE item IN (SELECT value FROM json_each (?))", NULL);
  if (stmt == NULL)
    {
      g_hash_table_remove_all (self->ahead);
      return;
    }
  sqlite3_bind_text (stmt, 1, list->str, list->len, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 item = sqlite3_column_int64 (stmt, 0);
      JpItemData *data = g_hash_table_lookup (self->ahead, &item);

      if (data != NULL)
        _jp_item_data_read_text (data, stmt, 1);
    }
  sqlite3_reset (stmt);
}

JpItem *
jp_database_lookup (JpDatabase *self,
                    gint64      id)
{
  JpItem *item;
  JpItemData data;

  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);

  {
    JpItemRef *ref = g_hash_table_lookup (self->items, &id);
    if (ref)
      return g_object_ref (ref->item);
  }

  if (!take_ahead (self, id, &data) && !_jp_database_read_item (self, id, &data))
    {
      _jp_item_data_clear (&data);
      return NULL;
    }
  item = _jp_item_new (&data, self->lang);
  {
    JpItemRef *ref = g_new (JpItemRef, 1);
    ref->id = id;
    ref->item = item;
    ref->db = self;
    g_hash_table_insert (self->items, &ref->id, ref);
    g_object_weak_ref (G_OBJECT (item), _jp_database_item_finalized, ref);
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
  gint64 root = _jp_sqlite_plan_root (self->db, self->statements, self->connection.plan);

  return root > 0 ? jp_database_lookup (self, root) : NULL;
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
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 root;
  gint64 id = 0;

  g_return_val_if_fail (JP_IS_DATABASE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (jp_kind_has_flag (kind, JP_KIND_FLAG_NUMBERED), NULL);

  stmt = _jp_database_prepare (self, "SELECT id FROM item WHERE kind = ? AND number = ? ORDER BY id", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, jp_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (found, row);
    }
  sqlite3_reset (stmt);
  /* Each year numbers its own: the open year's. */
  root = _jp_sqlite_plan_root (self->db, self->statements, self->connection.plan);
  for (guint i = 0; i < found->len && id == 0; i++)
    if (found->len == 1 || _jp_sqlite_root_of (self->db, self->statements, g_array_index (found, gint64, i)) == root)
      id = g_array_index (found, gint64, i);
  return id ? jp_database_lookup (self, id) : NULL;
}

/* ------------------------------------------------------------------ lists */

/* The rows of each list (its id and kind), without and with their
 * order (the statements are kept by their text, so both are written
 * out). */
#define CHILDREN "SELECT id, kind FROM item WHERE parent = ?1"
#define AREA_SECTIONS \
  "SELECT s.id, s.kind FROM link JOIN item s ON s.id = link.section JOIN item c ON c.id = s.parent" \
  " WHERE link.area = ?1"
#define UNLINKED_SECTIONS \
  "SELECT s.id, s.kind FROM item s JOIN item c ON c.id = s.parent WHERE s.kind = 'section' AND ?1 = ?1" \
  " AND NOT EXISTS (SELECT 1 FROM link WHERE link.section = s.id)"
#define SECTION_AREAS "SELECT a.id, a.kind FROM link JOIN item a ON a.id = link.area WHERE link.section = ?1"
#define SECTION_ORDER " ORDER BY c.position, c.id, s.position, s.id"

static const struct {
  const char *rows;
  const char *ordered;
} list_queries[] = {
  [JP_LIST_CHILDREN] = { CHILDREN, CHILDREN " ORDER BY position, id" },
  [JP_LIST_AREA_SECTIONS] = { AREA_SECTIONS, AREA_SECTIONS SECTION_ORDER },
  [JP_LIST_UNLINKED_SECTIONS] = { UNLINKED_SECTIONS, UNLINKED_SECTIONS SECTION_ORDER },
  [JP_LIST_SECTION_AREAS] = { SECTION_AREAS, SECTION_AREAS " ORDER BY a.position, a.id" },
};

/* The ids of the rows of @query of @kinds into @ids, in order or not;
 * with @ids NULL, only up to the first.  Whether there was one. */
static gboolean
read_list (JpDatabase  *self,
           JpListQuery  query,
           gint64       parent_id,
           guint        kinds,
           gboolean     ordered,
           GArray      *ids)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_assert ((guint) query < G_N_ELEMENTS (list_queries) && list_queries[query].rows != NULL);
  stmt = _jp_database_prepare (self, ordered ? list_queries[query].ordered : list_queries[query].rows, NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, parent_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      JpKind kind;

      if (kinds != JP_KIND_MASK_ALL &&
          (!jp_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind) ||
           !(kinds & JP_KIND_MASK (kind))))
        continue;
      found = TRUE;
      if (ids == NULL)
        break;
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return found;
}

GArray *
_jp_database_list_ids (JpDatabase  *self,
                       JpListQuery  query,
                       gint64       parent_id,
                       guint        kinds)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->n_list_reads++;
  read_list (self, query, parent_id, kinds, TRUE, ids);
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
  JpListRef *ref = g_hash_table_lookup (self->lists, key);

  if (ref)
    return g_object_ref (G_LIST_MODEL (ref->list));

  ref = g_new (JpListRef, 1);
  ref->key = g_steal_pointer (&key);
  ref->db = self;
  ref->list = _jp_item_list_new (self, query, parent, kinds);
  g_hash_table_insert (self->lists, ref->key, ref);
  g_object_weak_ref (G_OBJECT (ref->list), _jp_database_list_finalized, ref);
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

/* The list's query without its order (which can cost a sort of the
 * whole list), up to its first row of one of @kinds. */
static gboolean
list_has_ids (JpDatabase  *self,
              JpListQuery  query,
              gint64       parent_id,
              guint        kinds)
{
  return read_list (self, query, parent_id, kinds, FALSE, NULL);
}

gboolean
jp_database_has_children (JpDatabase *self,
                          JpItem     *parent,
                          guint       kinds)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (parent), FALSE);
  return list_has_ids (self, JP_LIST_CHILDREN, jp_item_get_id (parent), kinds ? kinds : JP_KIND_MASK_ALL);
}

gboolean
jp_database_has_area_sections (JpDatabase *self,
                               JpItem     *area)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (area == NULL || JP_IS_ITEM (area), FALSE);
  return list_has_ids (self, area ? JP_LIST_AREA_SECTIONS : JP_LIST_UNLINKED_SECTIONS,
                       area ? jp_item_get_id (area) : 0, JP_KIND_MASK_ALL);
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

guint *
jp_database_count_kinds (JpDatabase   *self,
                         const gint64 *ids,
                         guint         n_ids)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) list = g_string_new ("[");
  guint *counts = g_new0 (guint, (gsize) MAX (n_ids, 1) * JP_N_KINDS);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JP_IS_DATABASE (self), counts);

  if (n_ids == 0)
    return counts;
  self->n_count_reads++;
  for (guint i = 0; i < n_ids; i++)
    {
      g_hash_table_insert (index, (gpointer) &ids[i], GUINT_TO_POINTER (i));
      g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
    }
  g_string_append_c (list, ']');
  /* One walk down from all of them, each row counted for the item it
   * started from. */
  stmt = _jp_database_prepare (self,
                               "WITH RECURSIVE sub (top, id, kind) AS ("
                               "  SELECT parent, id, kind FROM item"
                               "   WHERE parent IN (SELECT value FROM json_each (?))"
                               "  UNION ALL SELECT sub.top, item.id, item.kind FROM item JOIN sub ON item.parent = sub.id)"
                               " SELECT top, kind, count(*) FROM sub GROUP BY top, kind", NULL);
  if (stmt == NULL)
    return counts;
  sqlite3_bind_text (stmt, 1, list->str, list->len, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 top = sqlite3_column_int64 (stmt, 0);
      gpointer at;
      JpKind kind;

      if (g_hash_table_lookup_extended (index, &top, NULL, &at) &&
          jp_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind))
        counts[GPOINTER_TO_UINT (at) * JP_N_KINDS + kind] += sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  return counts;
}

guint64
jp_database_get_n_item_reads (JpDatabase *self)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), 0);
  return self->n_item_reads;
}

guint64
jp_database_get_n_list_reads (JpDatabase *self)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), 0);
  return self->n_list_reads;
}

guint64
jp_database_get_n_count_reads (JpDatabase *self)
{
  g_return_val_if_fail (JP_IS_DATABASE (self), 0);
  return self->n_count_reads;
}

/* Re-reads the lists whose content may have changed: the children of
 * one of @parents (0-terminated), or all lists when @parents is NULL.
 * The few lists of linked sections are always re-read. */
void
_jp_database_refresh_lists (JpDatabase   *self,
                            const gint64 *parents)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_remove_all (self->ahead);
  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JpItemList *list = ((JpListRef *) value)->list;
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
void
_jp_database_refresh_item (JpDatabase *self,
                           gint64      id)
{
  JpItemRef *ref = g_hash_table_lookup (self->items, &id);
  JpItemData data;

  g_hash_table_remove (self->ahead, &id);
  if (ref == NULL)
    return;
  if (_jp_database_read_item (self, id, &data))
    _jp_item_update (ref->item, &data);
  else
    _jp_item_set_removed (ref->item);
  _jp_item_data_clear (&data);
}

void
_jp_database_refresh_all_items (JpDatabase *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (items, g_object_ref (((JpItemRef *) value)->item));
  for (guint i = 0; i < items->len; i++)
    _jp_database_refresh_item (self, jp_item_get_id (items->pdata[i]));
}

void
jp_database_reload (JpDatabase *self)
{
  g_return_if_fail (JP_IS_DATABASE (self));

  self->merge_item = 0;
  g_hash_table_remove_all (self->ahead);
  _jp_database_refresh_all_items (self);
  _jp_database_refresh_lists (self, NULL);
  _jp_database_notify_can_undo (self);
  _jp_database_notify_can_redo (self);
  _jp_database_emit_reloaded (self);
  _jp_database_emit_structure_changed (self);
}
