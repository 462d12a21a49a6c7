/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-translations"

#include "config.h"

#include "model/jp-translations.h"

static void
count_below (JpStore    *store,
             JpItem     *item,
             guint      *n_texts,
             guint      *n_translated,
             GPtrArray  *items,
             GPtrArray  *models)
{
  g_autoptr(GListModel) children = jp_store_get_children (store, item, JP_KIND_MASK_ALL);
  guint texts, translated, n;

  jp_item_count_texts (item, &texts, &translated);
  *n_texts += texts;
  *n_translated += translated;
  if (items)
    g_ptr_array_add (items, g_object_ref (item));
  if (models)
    g_ptr_array_add (models, g_object_ref (children));
  n = g_list_model_get_n_items (children);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpItem) child = g_list_model_get_item (children, i);
      count_below (store, child, n_texts, n_translated, items, models);
    }
}

void
jp_translations_count (JpStore    *store,
                       JpItem     *item,
                       guint      *n_texts,
                       guint      *n_translated,
                       GPtrArray  *items,
                       GPtrArray  *children)
{
  guint texts = 0, translated = 0;

  g_return_if_fail (JP_IS_STORE (store));
  g_return_if_fail (JP_IS_ITEM (item));

  count_below (store, item, &texts, &translated, items, children);
  if (n_texts)
    *n_texts = texts;
  if (n_translated)
    *n_translated = translated;
}

gboolean
jp_translations_item_is_incomplete (JpItem *item)
{
  guint texts, translated;

  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);

  jp_item_count_texts (item, &texts, &translated);
  return translated < texts;
}

static void
collect_incomplete (JpStore    *store,
                    JpItem     *item,
                    GPtrArray  *result)
{
  g_autoptr(GListModel) children = jp_store_get_children (store, item, JP_KIND_MASK_ALL);
  guint n = g_list_model_get_n_items (children);

  if (jp_translations_item_is_incomplete (item))
    g_ptr_array_add (result, g_object_ref (item));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpItem) child = g_list_model_get_item (children, i);
      collect_incomplete (store, child, result);
    }
}

GPtrArray *
jp_translations_find_incomplete (JpStore *store)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JpItem) root = NULL;

  g_return_val_if_fail (JP_IS_STORE (store), result);

  root = jp_store_get_root (store);
  if (root != NULL)
    collect_incomplete (store, root, result);
  return result;
}
