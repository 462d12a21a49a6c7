/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-sidebar"

#include "config.h"

#include <string.h>

#include "ui/sidebar/jp-sidebar-private.h"
#include "model/jp-translations.h"

/* What a search shows: the matches with the rows above them, a section
 * a typed number names with what it holds, and which match Return
 * opens. */

void
_jp_sidebar_add_with_ancestors (JpSidebar *self,
                                JpItem    *item)
{
  g_autoptr(JpItem) current = g_object_ref (item);

  while (current != NULL)
    {
      gint64 *id = g_new (gint64, 1);
      JpItem *parent;

      *id = jp_item_get_id (current);
      if (!g_hash_table_add (self->visible, id))
        break;
      parent = jp_store_get_parent (self->db, current);
      g_object_unref (current);
      current = parent;
    }
}

static void
add_descendants (JpSidebar *self,
                 JpItem    *item)
{
  guint kinds = jp_kind_get_info (jp_item_get_kind (item))->sidebar_children;
  g_autoptr(GListModel) children = NULL;
  guint n;

  if (kinds == 0)
    return;
  children = jp_store_get_children (self->db, item, kinds);
  n = g_list_model_get_n_items (children);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpItem) child = g_list_model_get_item (children, i);
      gint64 *id = g_new (gint64, 1);

      *id = jp_item_get_id (child);
      g_hash_table_add (self->visible, id);
      add_descendants (self, child);
    }
}

/* A team head looks for "5.7": numbers are not among the texts searched,
 * so a query that is a number also finds the section, chapter or policy
 * area of that number. */
void
_jp_sidebar_add_numbered (JpSidebar  *self,
                          const char *query)
{
  g_autofree char *number = g_strdup (query);
  gsize len = strlen (number);

  /* "5.7." and "5.7" alike. */
  while (len > 0 && number[len - 1] == '.')
    number[--len] = '\0';
  if (len == 0 || !g_ascii_isdigit (number[0]))
    return;
  for (const char *p = number; *p; p++)
    if (!g_ascii_isdigit (*p) && !(*p == '.' && g_ascii_isdigit (p[1])))
      return;
  for (JpKind kind = 0; kind < JP_N_KINDS; kind++)
    {
      g_autoptr(JpItem) item = NULL;

      if (!jp_kind_has_flag (kind, JP_KIND_FLAG_NUMBERED))
        continue;
      item = jp_store_find_numbered (self->db, kind, number);
      if (item && (!self->untranslated_only || jp_translations_item_is_incomplete (item)))
        {
          /* A number typed names its item before any text that holds it. */
          g_set_object (&self->first_match, item);
          gint64 id = jp_item_get_id (item);

          if (!g_hash_table_contains (self->visible, &id))
            self->n_matches++;
          _jp_sidebar_add_with_ancestors (self, item);
          /* The section found shows what it holds. */
          if (kind == JP_KIND_SECTION && !self->untranslated_only)
            add_descendants (self, item);
        }
    }
}

/* The first match the list shows, top down: the plan's rows, then the
 * contacts'. */
JpItem *
_jp_sidebar_first_shown_match (JpSidebar *self)
{
  GListModel *rows = G_LIST_MODEL (self->tree);
  guint n = g_list_model_get_n_items (rows);

  if (self->matched == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) object = gtk_tree_list_row_get_item (row);
      gint64 id;

      if (!JP_IS_ITEM (object))
        continue;
      id = jp_item_get_id (JP_ITEM (object));
      if (g_hash_table_contains (self->matched, &id))
        return JP_ITEM (g_steal_pointer (&object));
    }
  return g_list_model_get_item (G_LIST_MODEL (self->contacts), 0);
}

