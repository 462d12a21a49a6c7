/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include "model/jp-store.h"

G_DEFINE_INTERFACE (JpStore, jp_store, G_TYPE_OBJECT)

enum {
  RELOADED,
  STRUCTURE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
jp_store_default_init (JpStoreInterface *iface)
{
  g_object_interface_install_property (iface,
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_interface_install_property (iface,
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Emitted after undo, redo, an import or a reload: every live item and
   * list has been re-read. */
  signals[RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Emitted after items were added, removed or moved anywhere (and after
   * ::reloaded): what counts descendants counts again. */
  signals[STRUCTURE_CHANGED] = g_signal_new ("structure-changed", G_TYPE_FROM_INTERFACE (iface),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

JpItem *
jp_store_lookup (JpStore *self,
                 gint64   id)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  return JP_STORE_GET_IFACE (self)->lookup (self, id);
}

JpItem *
jp_store_lookup_uid (JpStore    *self,
                     const char *uid)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);
  return JP_STORE_GET_IFACE (self)->lookup_uid (self, uid);
}

JpItem *
jp_store_get_root (JpStore *self)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  return JP_STORE_GET_IFACE (self)->get_root (self);
}

JpItem *
jp_store_get_parent (JpStore *self,
                     JpItem  *item)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (JP_IS_ITEM (item), NULL);

  if (jp_item_get_parent_id (item) == 0)
    return NULL;
  return jp_store_lookup (self, jp_item_get_parent_id (item));
}

GListModel *
jp_store_get_children (JpStore *self,
                       JpItem  *parent,
                       guint    kinds)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (JP_IS_ITEM (parent), NULL);
  return JP_STORE_GET_IFACE (self)->get_children (self, parent, kinds);
}

JpSnapshot *
jp_store_load_snapshot (JpStore  *self,
                        gint64    root_id,
                        GError  **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  return JP_STORE_GET_IFACE (self)->load_snapshot (self, root_id, error);
}

gboolean
jp_store_begin_step (JpStore   *self,
                     gboolean   log_undo,
                     GError   **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  return JP_STORE_GET_IFACE (self)->begin_step (self, log_undo, error);
}

gboolean
jp_store_commit_step (JpStore  *self,
                      GError  **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  return JP_STORE_GET_IFACE (self)->commit_step (self, error);
}

void
jp_store_rollback (JpStore *self)
{
  g_return_if_fail (JP_IS_STORE (self));
  JP_STORE_GET_IFACE (self)->rollback (self);
}

gboolean
jp_store_claim_revision (JpStore  *self,
                         JpItem   *item,
                         GError  **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  return JP_STORE_GET_IFACE (self)->claim_revision (self, item, error);
}

gboolean
jp_store_can_undo (JpStore *self)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  return JP_STORE_GET_IFACE (self)->can_undo (self);
}

gboolean
jp_store_can_redo (JpStore *self)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  return JP_STORE_GET_IFACE (self)->can_redo (self);
}

gboolean
jp_store_undo (JpStore  *self,
               GError  **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  return JP_STORE_GET_IFACE (self)->undo (self, error);
}

gboolean
jp_store_redo (JpStore  *self,
               GError  **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  return JP_STORE_GET_IFACE (self)->redo (self, error);
}

gboolean
jp_store_get_history (JpStore  *self,
                      gboolean  redo,
                      JpChange *change)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  *change = (JpChange) { JP_CHANGE_NONE, };
  return JP_STORE_GET_IFACE (self)->get_history (self, redo, change);
}

void
jp_change_clear (JpChange *change)
{
  g_return_if_fail (change != NULL);

  g_clear_pointer (&change->label, g_free);
  *change = (JpChange) { JP_CHANGE_NONE, };
}

GArray *
jp_store_search (JpStore     *self,
                 const char  *query,
                 guint        limit,
                 GError     **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  return JP_STORE_GET_IFACE (self)->search (self, query, limit, error);
}

JpLang
jp_store_get_language (JpStore *self)
{
  g_return_val_if_fail (JP_IS_STORE (self), JP_LANG_NL);
  return JP_STORE_GET_IFACE (self)->get_language (self);
}

JpItem *
jp_store_find_child (JpStore *self,
                     JpItem  *parent,
                     JpKind   kind)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (JP_IS_ITEM (parent), NULL);
  return JP_STORE_GET_IFACE (self)->find_child (self, parent, kind);
}

JpItem *
jp_store_find_numbered (JpStore    *self,
                        JpKind      kind,
                        const char *number)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  return JP_STORE_GET_IFACE (self)->find_numbered (self, kind, number);
}

GListModel *
jp_store_get_area_sections (JpStore *self,
                            JpItem  *area)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  return JP_STORE_GET_IFACE (self)->get_area_sections (self, area);
}

GListModel *
jp_store_get_section_areas (JpStore *self,
                            JpItem  *section)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (JP_IS_ITEM (section), NULL);
  return JP_STORE_GET_IFACE (self)->get_section_areas (self, section);
}

gboolean
jp_store_has_children (JpStore *self,
                       JpItem  *parent,
                       guint    kinds)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (parent), FALSE);
  return JP_STORE_GET_IFACE (self)->has_children (self, parent, kinds);
}

gboolean
jp_store_has_area_sections (JpStore *self,
                            JpItem  *area)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (area == NULL || JP_IS_ITEM (area), FALSE);
  return JP_STORE_GET_IFACE (self)->has_area_sections (self, area);
}

guint
jp_store_count_descendants (JpStore *self,
                            JpItem  *item,
                            guint    kinds)
{
  g_return_val_if_fail (JP_IS_STORE (self), 0);
  g_return_val_if_fail (JP_IS_ITEM (item), 0);
  return JP_STORE_GET_IFACE (self)->count_descendants (self, item, kinds);
}

guint *
jp_store_count_kinds (JpStore      *self,
                      const gint64 *ids,
                      guint         n_ids)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  return JP_STORE_GET_IFACE (self)->count_kinds (self, ids, n_ids);
}

JpItem *
jp_store_add_item (JpStore  *self,
                   JpItem   *parent,
                   JpKind    kind,
                   JpItem   *before,
                   GError  **error)
{
  return jp_store_add_item_full (self, parent, kind, before, JP_PHASE_NONE, JP_STATUS_NONE, error);
}

JpItem *
jp_store_add_item_full (JpStore   *self,
                        JpItem    *parent,
                        JpKind     kind,
                        JpItem    *before,
                        JpPhase    phase,
                        JpStatus   status,
                        GError   **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (JP_IS_ITEM (parent), NULL);
  return JP_STORE_GET_IFACE (self)->add_item (self, parent, kind, before, phase, status, error);
}

gboolean
jp_store_remove_item (JpStore  *self,
                      JpItem   *item,
                      GError  **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  return JP_STORE_GET_IFACE (self)->remove_item (self, item, error);
}

gboolean
jp_store_move_item (JpStore  *self,
                    JpItem   *item,
                    JpItem   *parent,
                    JpItem   *before,
                    GError  **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (parent), FALSE);
  return JP_STORE_GET_IFACE (self)->move_item (self, item, parent, before, error);
}

gboolean
jp_store_set_text (JpStore      *self,
                   JpItem       *item,
                   JpTextField   field,
                   JpLang        lang,
                   const char   *value,
                   GError      **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  return JP_STORE_GET_IFACE (self)->set_text (self, item, field, lang, value, error);
}

gboolean
jp_store_set_field (JpStore     *self,
                    JpItem      *item,
                    JpField      field,
                    const char  *value,
                    GError     **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  return JP_STORE_GET_IFACE (self)->set_field (self, item, field, value, error);
}

gboolean
jp_store_set_status (JpStore   *self,
                     JpItem    *item,
                     JpStatus   status,
                     GError   **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  return JP_STORE_GET_IFACE (self)->set_status (self, item, status, error);
}

gboolean
jp_store_set_phase (JpStore  *self,
                    JpItem   *item,
                    JpPhase   phase,
                    GError  **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  return JP_STORE_GET_IFACE (self)->set_phase (self, item, phase, error);
}

gboolean
jp_store_set_section_area (JpStore   *self,
                           JpItem    *section,
                           JpItem    *area,
                           gboolean   linked,
                           GError   **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (section), FALSE);
  return JP_STORE_GET_IFACE (self)->set_section_area (self, section, area, linked, error);
}

void
jp_store_emit_reloaded (JpStore *self)
{
  g_return_if_fail (JP_IS_STORE (self));
  g_signal_emit (self, signals[RELOADED], 0);
}

void
jp_store_emit_structure_changed (JpStore *self)
{
  g_return_if_fail (JP_IS_STORE (self));
  g_signal_emit (self, signals[STRUCTURE_CHANGED], 0);
}
