/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-contacts-children"

#include "config.h"

#include "ui/contacts/jp-contacts-children.h"

struct _JpContactsChildren
{
  JpStore              *db;
  GListModel           *model;
  gpointer              owner;
  JpContactsCreateFunc  create;
  JpContactsChildFunc   add;
  JpContactsChildFunc   remove;
  GPtrArray            *widgets;   /* in the list's order, owned */
};

/* All widgets come out and go back in the list's order; those of items
 * that stay are kept, with their state (expanded, text being typed). */
static void
children_sync (JpContactsChildren *children)
{
  g_autoptr(GHashTable) old = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  GPtrArray *widgets = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (children->model);

  for (guint i = 0; i < children->widgets->len; i++)
    {
      GtkWidget *widget = children->widgets->pdata[i];

      g_hash_table_insert (old, g_object_get_data (G_OBJECT (widget), "jp-item"), g_object_ref (widget));
      children->remove (children->owner, widget);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpItem) item = g_list_model_get_item (children->model, i);
      GtkWidget *widget = NULL;

      if (!g_hash_table_steal_extended (old, item, NULL, (gpointer *) &widget))
        {
          widget = children->create (children->db, item, children->owner);
          g_object_set_data (G_OBJECT (widget), "jp-item", item);
        }
      children->add (children->owner, widget);
      g_ptr_array_add (widgets, widget);
    }
  g_ptr_array_unref (children->widgets);
  children->widgets = widgets;
}

JpContactsChildren *
jp_contacts_children_new (JpStore              *db,
                          GListModel           *model,
                          gpointer              owner,
                          JpContactsCreateFunc  create,
                          JpContactsChildFunc   add,
                          JpContactsChildFunc   remove)
{
  JpContactsChildren *children = g_new0 (JpContactsChildren, 1);

  children->db = g_object_ref (db);
  children->model = g_object_ref (model);
  children->owner = owner;
  children->create = create;
  children->add = add;
  children->remove = remove;
  children->widgets = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (children_sync), children);
  children_sync (children);
  return children;
}

void
jp_contacts_children_free (JpContactsChildren *children)
{
  g_signal_handlers_disconnect_by_data (children->model, children);
  g_ptr_array_unref (children->widgets);
  g_object_unref (children->model);
  g_object_unref (children->db);
  g_free (children);
}

GPtrArray *
jp_contacts_children_get (JpContactsChildren *children)
{
  return children->widgets;
}
