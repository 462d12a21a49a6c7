/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-item-list"

#include "config.h"

#include "model/jp-item-list.h"
#include "model/jp-model-private.h"
#include "model/store/jp-database.h"

/* The items read with one that is not held. */
#define READ_AHEAD 48

struct _JpItemList
{
  GObject      parent_instance;
  JpDatabase  *db;        /* weak: the database owns its lists */
  JpListQuery  query;
  gint64       parent_id;
  guint        kinds;
  GArray      *ids;       /* gint64 */
};

static GType
jp_item_list_get_item_type (GListModel *model)
{
  return JP_TYPE_ITEM;
}

static guint
jp_item_list_get_n_items (GListModel *model)
{
  return JP_ITEM_LIST (model)->ids->len;
}

static gpointer
jp_item_list_get_item (GListModel *model,
                       guint       position)
{
  JpItemList *self = JP_ITEM_LIST (model);

  if (position >= self->ids->len || self->db == NULL)
    return NULL;
  /* A list shows its items in order: the next ones are read with this. */
  _jp_database_read_ahead (self->db, &g_array_index (self->ids, gint64, position),
                           MIN (READ_AHEAD, self->ids->len - position));
  return jp_store_lookup (JP_STORE (self->db), g_array_index (self->ids, gint64, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = jp_item_list_get_item_type;
  iface->get_n_items = jp_item_list_get_n_items;
  iface->get_item = jp_item_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (JpItemList, jp_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
jp_item_list_finalize (GObject *object)
{
  JpItemList *self = JP_ITEM_LIST (object);

  g_clear_weak_pointer (&self->db);
  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (jp_item_list_parent_class)->finalize (object);
}

static void
jp_item_list_class_init (JpItemListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jp_item_list_finalize;
}

static void
jp_item_list_init (JpItemList *self)
{
}

JpItemList *
_jp_item_list_new (JpDatabase  *db,
                   JpListQuery  query,
                   JpItem      *parent,
                   guint        kinds)
{
  JpItemList *self = g_object_new (JP_TYPE_ITEM_LIST, NULL);

  g_set_weak_pointer (&self->db, db);
  self->query = query;
  self->parent_id = parent ? jp_item_get_id (parent) : 0;
  self->kinds = kinds;
  self->ids = _jp_database_list_ids (db, query, self->parent_id, kinds);
  return self;
}

JpListQuery
_jp_item_list_get_query (JpItemList *self)
{
  return self->query;
}

gint64
_jp_item_list_get_parent_id (JpItemList *self)
{
  return self->parent_id;
}

void
_jp_item_list_refresh (JpItemList *self)
{
  g_autoptr(GArray) ids = NULL;
  guint old_len, new_len, prefix = 0, suffix = 0;

  if (self->db == NULL)
    return;

  ids = _jp_database_list_ids (self->db, self->query, self->parent_id, self->kinds);
  old_len = self->ids->len;
  new_len = ids->len;

  while (prefix < old_len && prefix < new_len &&
         g_array_index (self->ids, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         g_array_index (self->ids, gint64, old_len - 1 - suffix) ==
         g_array_index (ids, gint64, new_len - 1 - suffix))
    suffix++;

  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);

  if (prefix + suffix < MAX (old_len, new_len))
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_len - prefix - suffix,
                                new_len - prefix - suffix);
}

JpItem *
jp_item_list_get_parent (JpItemList *self)
{
  g_return_val_if_fail (JP_IS_ITEM_LIST (self), NULL);
  if (self->db == NULL || self->parent_id == 0)
    return NULL;
  return jp_store_lookup (JP_STORE (self->db), self->parent_id);
}

gint64
jp_item_list_get_id (JpItemList *self,
                     guint       position)
{
  g_return_val_if_fail (JP_IS_ITEM_LIST (self), 0);
  return position < self->ids->len ? g_array_index (self->ids, gint64, position) : 0;
}

guint
jp_item_list_get_kinds (JpItemList *self)
{
  g_return_val_if_fail (JP_IS_ITEM_LIST (self), 0);
  return self->kinds;
}
