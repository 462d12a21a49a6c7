/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-database"

#include "config.h"

#include "model/store/jp-database-private.h"

/* The SQLite file as a JpStore: each call is the database's own. */

static JpItem *
store_lookup (JpStore *store,
              gint64   id)
{
  return jp_database_lookup (JP_DATABASE (store), id);
}

static JpItem *
store_lookup_uid (JpStore    *store,
                  const char *uid)
{
  return jp_database_lookup_uid (JP_DATABASE (store), uid);
}

static JpItem *
store_get_root (JpStore *store)
{
  return jp_database_get_root (JP_DATABASE (store));
}

static GListModel *
store_get_children (JpStore *store,
                    JpItem  *parent,
                    guint    kinds)
{
  return jp_database_get_children (JP_DATABASE (store), parent, kinds);
}

static JpSnapshot *
store_load_snapshot (JpStore  *store,
                     gint64    root_id,
                     GError  **error)
{
  return _jp_connection_load_snapshot (_jp_database_get_connection (JP_DATABASE (store)), root_id, error);
}

static gboolean
store_begin_step (JpStore   *store,
                  gboolean   log_undo,
                  GError   **error)
{
  JpDatabase *self = JP_DATABASE (store);

  /* A step of its own: the next typing does not extend the last one. */
  self->merge_item = 0;
  return _jp_connection_begin_step (_jp_database_get_connection (self), log_undo, error);
}

static gboolean
store_commit_step (JpStore  *store,
                   GError  **error)
{
  return _jp_database_commit_change (JP_DATABASE (store), error);
}

static void
store_rollback (JpStore *store)
{
  _jp_database_fail_change (JP_DATABASE (store), NULL);
}

static gboolean
store_claim_revision (JpStore  *store,
                      JpItem   *item,
                      GError  **error)
{
  return _jp_database_claim_revision (JP_DATABASE (store), item, error);
}

static gboolean
store_can_undo (JpStore *store)
{
  return jp_database_can_undo (JP_DATABASE (store));
}

static gboolean
store_can_redo (JpStore *store)
{
  return jp_database_can_redo (JP_DATABASE (store));
}

static gboolean
store_undo (JpStore  *store,
            GError  **error)
{
  return jp_database_undo (JP_DATABASE (store), error);
}

static gboolean
store_redo (JpStore  *store,
            GError  **error)
{
  return jp_database_redo (JP_DATABASE (store), error);
}

static gboolean
store_get_history (JpStore  *store,
                   gboolean  redo,
                   JpChange *change)
{
  return _jp_database_get_history (JP_DATABASE (store), redo, change);
}

static GArray *
store_search (JpStore     *store,
              const char  *query,
              guint        limit,
              GError     **error)
{
  return jp_database_search (JP_DATABASE (store), query, limit, error);
}

static JpLang
store_get_language (JpStore *store)
{
  return jp_database_get_language (JP_DATABASE (store));
}

static JpItem *
store_find_child (JpStore *store,
                  JpItem  *parent,
                  JpKind   kind)
{
  return jp_database_find_child (JP_DATABASE (store), parent, kind);
}

static JpItem *
store_find_numbered (JpStore    *store,
                     JpKind      kind,
                     const char *number)
{
  return jp_database_find_numbered (JP_DATABASE (store), kind, number);
}

static GListModel *
store_get_area_sections (JpStore *store,
                         JpItem  *area)
{
  return jp_database_get_area_sections (JP_DATABASE (store), area);
}

static GListModel *
store_get_section_areas (JpStore *store,
                         JpItem  *section)
{
  return jp_database_get_section_areas (JP_DATABASE (store), section);
}

static gboolean
store_has_children (JpStore *store,
                    JpItem  *parent,
                    guint    kinds)
{
  return jp_database_has_children (JP_DATABASE (store), parent, kinds);
}

static gboolean
store_has_area_sections (JpStore *store,
                         JpItem  *area)
{
  return jp_database_has_area_sections (JP_DATABASE (store), area);
}

static guint
store_count_descendants (JpStore *store,
                         JpItem  *item,
                         guint    kinds)
{
  return jp_database_count_descendants (JP_DATABASE (store), item, kinds);
}

static guint *
store_count_kinds (JpStore      *store,
                   const gint64 *ids,
                   guint         n_ids)
{
  return jp_database_count_kinds (JP_DATABASE (store), ids, n_ids);
}

static JpItem *
store_add_item (JpStore   *store,
                JpItem    *parent,
                JpKind     kind,
                JpItem    *before,
                JpPhase    phase,
                JpStatus   status,
                GError   **error)
{
  return jp_database_add_item_full (JP_DATABASE (store), parent, kind, before, phase, status, error);
}

static gboolean
store_remove_item (JpStore  *store,
                   JpItem   *item,
                   GError  **error)
{
  return jp_database_remove_item (JP_DATABASE (store), item, error);
}

static gboolean
store_move_item (JpStore  *store,
                 JpItem   *item,
                 JpItem   *parent,
                 JpItem   *before,
                 GError  **error)
{
  return jp_database_move_item (JP_DATABASE (store), item, parent, before, error);
}

static gboolean
store_set_text (JpStore      *store,
                JpItem       *item,
                JpTextField   field,
                JpLang        lang,
                const char   *value,
                GError      **error)
{
  return jp_database_set_text (JP_DATABASE (store), item, field, lang, value, error);
}

static gboolean
store_set_field (JpStore     *store,
                 JpItem      *item,
                 JpField      field,
                 const char  *value,
                 GError     **error)
{
  return jp_database_set_field (JP_DATABASE (store), item, field, value, error);
}

static gboolean
store_set_status (JpStore   *store,
                  JpItem    *item,
                  JpStatus   status,
                  GError   **error)
{
  return jp_database_set_status (JP_DATABASE (store), item, status, error);
}

static gboolean
store_set_phase (JpStore  *store,
                 JpItem   *item,
                 JpPhase   phase,
                 GError  **error)
{
  return jp_database_set_phase (JP_DATABASE (store), item, phase, error);
}

static gboolean
store_set_section_area (JpStore   *store,
                        JpItem    *section,
                        JpItem    *area,
                        gboolean   linked,
                        GError   **error)
{
  return jp_database_set_section_area (JP_DATABASE (store), section, area, linked, error);
}

void
_jp_database_store_init (JpStoreInterface *iface)
{
  iface->lookup = store_lookup;
  iface->lookup_uid = store_lookup_uid;
  iface->get_root = store_get_root;
  iface->get_children = store_get_children;
  iface->load_snapshot = store_load_snapshot;
  iface->begin_step = store_begin_step;
  iface->commit_step = store_commit_step;
  iface->rollback = store_rollback;
  iface->claim_revision = store_claim_revision;
  iface->can_undo = store_can_undo;
  iface->can_redo = store_can_redo;
  iface->undo = store_undo;
  iface->redo = store_redo;
  iface->get_history = store_get_history;
  iface->search = store_search;
  iface->get_language = store_get_language;
  iface->find_child = store_find_child;
  iface->find_numbered = store_find_numbered;
  iface->get_area_sections = store_get_area_sections;
  iface->get_section_areas = store_get_section_areas;
  iface->has_children = store_has_children;
  iface->has_area_sections = store_has_area_sections;
  iface->count_descendants = store_count_descendants;
  iface->count_kinds = store_count_kinds;
  iface->add_item = store_add_item;
  iface->remove_item = store_remove_item;
  iface->move_item = store_move_item;
  iface->set_text = store_set_text;
  iface->set_field = store_set_field;
  iface->set_status = store_set_status;
  iface->set_phase = store_set_phase;
  iface->set_section_area = store_set_section_area;
}
