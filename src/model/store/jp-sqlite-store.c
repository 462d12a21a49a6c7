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
  return _jp_database_begin_step (self->db, log_undo, error);
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

static GArray *
store_search (JpStore     *store,
              const char  *query,
              guint        limit,
              GError     **error)
{
  return jp_database_search (JP_DATABASE (store), query, limit, error);
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
  iface->search = store_search;
}
