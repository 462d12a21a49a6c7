/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-database"

#include "config.h"

#include "model/store/jp-database-private.h"

typedef struct {
  char          *path;
  gint64         plan;
  char          *author;
  gpointer       job;
  GDestroyNotify job_free;
  JpWorkerFunc   func;
  int            integrity;
} Worker;

static void
worker_free (gpointer data)
{
  Worker *worker = data;

  g_free (worker->path);
  g_free (worker->author);
  if (worker->job_free)
    worker->job_free (worker->job);
  g_free (worker);
}

static void
worker_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Worker *worker = task_data;
  GError *error = NULL;
  JpConnection connection = { 0, };

  connection.db = _jp_database_connect (worker->path, &error);
  if (connection.db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* A file not yet found sound is written by no connection. */
  if (worker->integrity != JP_DATABASE_INTEGRITY_OK)
    _jp_sqlite_hold_writes (connection.db, &worker->integrity);
  connection.plan = worker->plan;
  connection.author = g_strdup (worker->author);
  connection.statements = _jp_sqlite_new_statements ();
  worker->func (task, &connection, worker->job, cancellable);
  g_hash_table_unref (connection.statements);
  g_free (connection.author);
  g_free (connection.source);
  g_free (connection.file_author);
  sqlite3_close (connection.db);
}

void
_jp_database_run_in_worker (JpDatabase          *self,
                            gpointer             source_tag,
                            gpointer             job,
                            GDestroyNotify       job_free,
                            JpWorkerFunc         func,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Worker *worker = g_new0 (Worker, 1);

  g_task_set_source_tag (task, source_tag);
  worker->path = g_strdup (jp_database_get_path (self));
  worker->plan = _jp_database_get_connection (self)->plan;
  worker->author = g_strdup (_jp_database_get_connection (self)->author);
  worker->job = job;
  worker->job_free = job_free;
  worker->func = func;
  worker->integrity = jp_database_get_integrity (self);
  g_task_set_task_data (task, worker, worker_free);

  /* A private in-memory database has no second connection: the work
   * runs here, on this one. */
  if (g_strcmp0 (worker->path, ":memory:") == 0)
    func (task, _jp_database_get_connection (self), job, cancellable);
  else
    g_task_run_in_thread (task, worker_thread);
}

gpointer
_jp_database_worker_get_job (GTask *task)
{
  Worker *worker = g_task_get_task_data (task);

  return worker->job;
}
