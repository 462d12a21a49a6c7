/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/jp-item-private.h"
#include "model/store/jp-connection.h"

G_BEGIN_DECLS

/* Only named here: jp-database.h and jp-item-list.h declare them, and
 * including either would make a circle. */
typedef struct _JpDatabase JpDatabase;
typedef struct _JpItemList JpItemList;

typedef enum {
  JP_LIST_CHILDREN,
  JP_LIST_AREA_SECTIONS,
  JP_LIST_UNLINKED_SECTIONS,
  JP_LIST_SECTION_AREAS,
} JpListQuery;

JpItemList *_jp_item_list_new       (JpDatabase  *db,
                                     JpListQuery  query,
                                     JpItem      *parent,
                                     guint        kinds);
JpListQuery _jp_item_list_get_query (JpItemList  *self);
gint64      _jp_item_list_get_parent_id (JpItemList *self);
/* Re-reads the list and emits items-changed for the part that differs. */
void        _jp_item_list_refresh   (JpItemList  *self);

/* Work on a connection of its own, in a thread: returns its result
 * through @task.  its connection is closed after it returns. */
typedef void (*JpWorkerFunc) (GTask        *task,
                              JpConnection *connection,
                              gpointer      job,
                              GCancellable *cancellable);

/* Runs @func in a worker thread with a connection of its own to the
 * database of @self; the task's source object is @self and @job its
 * data.  A private in-memory database runs it at once on its only
 * connection. */
void        _jp_database_run_in_worker (JpDatabase          *self,
                                        gpointer             source_tag,
                                        gpointer             job,
                                        GDestroyNotify       job_free,
                                        JpWorkerFunc         func,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* The @job of a task started by _jp_database_run_in_worker(). */
gpointer    _jp_database_worker_get_job (GTask             *task);

/* The database's own connection, for work on the main thread. */
JpConnection *_jp_database_get_connection (JpDatabase *self);

/* Reads the ids of a list's items. */
GArray     *_jp_database_list_ids   (JpDatabase  *self,
                                     JpListQuery  query,
                                     gint64       parent_id,
                                     guint        kinds);
/* Reads the rows of @ids that nobody holds in one query, for the
 * lookups that follow (a list's next items); nothing when @ids[0] is
 * held or read already. */
void        _jp_database_read_ahead (JpDatabase   *self,
                                     const gint64 *ids,
                                     guint         n_ids);

G_END_DECLS
