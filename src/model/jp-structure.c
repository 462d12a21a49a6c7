/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-structure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/jp-structure.h"
#include "model/store/jp-database.h"   /* its error domain */

static gboolean
refuse (JpItem  *item,
        GError **error)
{
  g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID,
               _("“%s” cannot be moved there."), jp_item_get_label (item));
  return FALSE;
}

/* The siblings an item moves among: those of its kind (and, for a
 * phased item such as a project, of its phase, as the section lists
 * them apart). */
static GPtrArray *
siblings (JpStore     *store,
          JpItem      *item,
          JpItem     **parent_out)
{
  g_autoptr(JpItem) parent = jp_store_get_parent (store, item);
  g_autoptr(GListModel) children = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (parent == NULL)
    return result;
  children = jp_store_get_children (store, parent, JP_KIND_MASK (jp_item_get_kind (item)));
  n = g_list_model_get_n_items (children);
  for (guint i = 0; i < n; i++)
    {
      JpItem *sibling = g_list_model_get_item (children, i);

      if (jp_kind_has_flag (jp_item_get_kind (item), JP_KIND_FLAG_PHASED) &&
          jp_item_get_phase (sibling) != jp_item_get_phase (item))
        g_object_unref (sibling);
      else
        g_ptr_array_add (result, sibling);
    }
  *parent_out = g_steal_pointer (&parent);
  return result;
}

/* The child of @parent after @child, of any kind (NULL at the end). */
static JpItem *
next_child (JpStore    *store,
            JpItem     *parent,
            JpItem     *child)
{
  g_autoptr(GListModel) all = jp_store_get_children (store, parent, JP_KIND_MASK_ALL);
  guint n = g_list_model_get_n_items (all);

  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(JpItem) candidate = g_list_model_get_item (all, i);

      if (candidate == child)
        return g_list_model_get_item (all, i + 1);
    }
  return NULL;
}

/* Where @item lands when it moves @delta places: FALSE when it cannot. */
static gboolean
move_target (JpStore    *self,
             JpItem     *item,
             int         delta,
             JpItem    **parent_out,
             JpItem    **before_out)
{
  g_autoptr(JpItem) parent = NULL;
  g_autoptr(GPtrArray) list = NULL;
  guint index;
  gint64 target;

  list = siblings (self, item, &parent);
  if (parent == NULL || !g_ptr_array_find (list, item, &index))
    return FALSE;
  target = (gint64) index + delta;
  if (target < 0 || target >= list->len)
    return FALSE;
  if (delta == 0)
    *before_out = NULL;
  else if (delta < 0)
    *before_out = g_object_ref (list->pdata[target]);
  else if (target + 1 < list->len)
    *before_out = g_object_ref (list->pdata[target + 1]);
  else
    /* At the end of the last sibling's own run: before whatever
     * follows it among all the children. */
    *before_out = next_child (self, parent, list->pdata[target]);
  *parent_out = g_steal_pointer (&parent);
  return TRUE;
}

gboolean
jp_store_can_move_item_by (JpStore *self,
                           JpItem  *item,
                           int      delta)
{
  g_autoptr(JpItem) parent = NULL;
  g_autoptr(JpItem) before = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);

  return delta != 0 && move_target (self, item, delta, &parent, &before);
}

gboolean
jp_store_move_item_by (JpStore     *self,
                          JpItem      *item,
                          int          delta,
                          GError     **error)
{
  g_autoptr(JpItem) parent = NULL;
  g_autoptr(JpItem) before = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);

  if (!move_target (self, item, delta, &parent, &before))
    return refuse (item, error);
  if (delta == 0)
    return TRUE;
  return jp_store_move_item (self, item, parent, before, error);
}

/* The sibling above @item that may hold it, or NULL. */
static JpItem *
indent_target (JpStore *self,
               JpItem  *item)
{
  g_autoptr(JpItem) parent = NULL;
  g_autoptr(GPtrArray) list = NULL;
  JpItem *into;
  guint index;

  list = siblings (self, item, &parent);
  if (!g_ptr_array_find (list, item, &index) || index == 0)
    return NULL;
  into = list->pdata[index - 1];
  if (!jp_kind_allows_child (jp_item_get_kind (into), jp_item_get_kind (item)))
    return NULL;
  return g_object_ref (into);
}

gboolean
jp_store_can_indent_item (JpStore *self,
                          JpItem  *item)
{
  g_autoptr(JpItem) into = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);

  into = indent_target (self, item);
  return into != NULL;
}

gboolean
jp_store_indent_item (JpStore     *self,
                         JpItem      *item,
                         GError     **error)
{
  g_autoptr(JpItem) into = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);

  into = indent_target (self, item);
  if (into == NULL)
    return refuse (item, error);
  return jp_store_move_item (self, item, into, NULL, error);
}

/* The item @item moves out of, with the grandparent it moves into, or
 * FALSE: only out of an item of its own kind, so that a sub-item leaves
 * a sub-item, never its project or section. */
static gboolean
outdent_target (JpStore  *self,
                JpItem   *item,
                JpItem  **parent_out,
                JpItem  **grandparent_out)
{
  g_autoptr(JpItem) parent = jp_store_get_parent (self, item);
  g_autoptr(JpItem) grandparent = parent ? jp_store_get_parent (self, parent) : NULL;

  if (grandparent == NULL ||
      jp_item_get_kind (parent) != jp_item_get_kind (item) ||
      !jp_kind_allows_child (jp_item_get_kind (grandparent), jp_item_get_kind (item)))
    return FALSE;
  *parent_out = g_steal_pointer (&parent);
  *grandparent_out = g_steal_pointer (&grandparent);
  return TRUE;
}

gboolean
jp_store_can_outdent_item (JpStore *self,
                           JpItem  *item)
{
  g_autoptr(JpItem) parent = NULL;
  g_autoptr(JpItem) grandparent = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);

  return outdent_target (self, item, &parent, &grandparent);
}

gboolean
jp_store_outdent_item (JpStore     *self,
                          JpItem      *item,
                          GError     **error)
{
  g_autoptr(JpItem) parent = NULL;
  g_autoptr(JpItem) grandparent = NULL;
  g_autoptr(JpItem) before = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);

  if (!outdent_target (self, item, &parent, &grandparent))
    return refuse (item, error);
  before = next_child (self, grandparent, parent);
  return jp_store_move_item (self, item, grandparent, before, error);
}
