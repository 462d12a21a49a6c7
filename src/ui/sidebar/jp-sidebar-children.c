/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-sidebar"

#include "config.h"

#include "ui/sidebar/jp-sidebar-children.h"

struct _JpSidebarChildren
{
  GObject     parent_instance;
  JpStore    *store;
  JpItem     *item;
  gboolean    area;
  guint       kinds;
  GListModel *list;   /* NULL until first asked for */
};

static GListModel *
get_list (JpSidebarChildren *self)
{
  if (self->list == NULL)
    {
      self->list = self->area ? jp_store_get_area_sections (self->store, self->item)
                              : jp_store_get_children (self->store, self->item, self->kinds);
      /* Its changes are this list's, told from the first read on. */
      g_signal_connect_object (self->list, "items-changed", G_CALLBACK (g_list_model_items_changed),
                               self, G_CONNECT_SWAPPED);
    }
  return self->list;
}

static GType
jp_sidebar_children_get_item_type (GListModel *model)
{
  return JP_TYPE_ITEM;
}

static guint
jp_sidebar_children_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (get_list (JP_SIDEBAR_CHILDREN (model)));
}

static gpointer
jp_sidebar_children_get_item (GListModel *model,
                              guint       position)
{
  return g_list_model_get_item (get_list (JP_SIDEBAR_CHILDREN (model)), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = jp_sidebar_children_get_item_type;
  iface->get_n_items = jp_sidebar_children_get_n_items;
  iface->get_item = jp_sidebar_children_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (JpSidebarChildren, jp_sidebar_children, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
jp_sidebar_children_dispose (GObject *object)
{
  JpSidebarChildren *self = JP_SIDEBAR_CHILDREN (object);

  g_clear_object (&self->list);
  g_clear_object (&self->item);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (jp_sidebar_children_parent_class)->dispose (object);
}

static void
jp_sidebar_children_class_init (JpSidebarChildrenClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jp_sidebar_children_dispose;
}

static void
jp_sidebar_children_init (JpSidebarChildren *self)
{
}

GListModel *
jp_sidebar_children_new (JpStore  *store,
                         JpItem   *item,
                         gboolean  area,
                         guint     kinds)
{
  JpSidebarChildren *self;

  g_return_val_if_fail (JP_IS_STORE (store), NULL);
  g_return_val_if_fail (item == NULL || JP_IS_ITEM (item), NULL);

  self = g_object_new (JP_TYPE_SIDEBAR_CHILDREN, NULL);
  self->store = g_object_ref (store);
  self->item = item ? g_object_ref (item) : NULL;
  self->area = area;
  self->kinds = kinds;
  return G_LIST_MODEL (self);
}

/* The list read from the store (read now if it was not yet). */
GListModel *
jp_sidebar_children_get_list (JpSidebarChildren *self)
{
  g_return_val_if_fail (JP_IS_SIDEBAR_CHILDREN (self), NULL);
  return get_list (self);
}
