/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "model/jp-snapshot.h"
#include "model/jp-store.h"

G_BEGIN_DECLS

/* One connection to the store: the database's own, or a worker's second
 * one.  What the model does on a connection it asks of the store with
 * one of these; only the store sees inside. */
typedef struct _JpConnection JpConnection;

/* Reads the subtree under @root_id (the whole plan when it is the root);
 * a snapshot without a root when @root_id is not an item. */
JpSnapshot *_jp_connection_load_snapshot (JpConnection  *connection,
                                          gint64         root_id,
                                          GError       **error);

/* One transaction; with @log_undo, also one step of undo.  On failure
 * nothing is left open. */
gboolean    _jp_connection_begin_step    (JpConnection  *connection,
                                          gboolean       log_undo,
                                          GError       **error);
/* Commits the step (rolled back if that fails). */
gboolean    _jp_connection_commit_step   (JpConnection  *connection,
                                          GError       **error);
/* Notes what the step being made does, for undo to say it. */
gboolean    _jp_connection_note_step     (JpConnection    *connection,
                                          const JpChange  *change,
                                          GError         **error);
/* Who the next steps on @connection are made by (@author, a file's
 * author; NULL or empty: the connection's own) and the file they come
 * from (@source, NULL for none), as the history records them. */
void        _jp_connection_set_origin    (JpConnection  *connection,
                                          const char    *author,
                                          const char    *source);
/* Who the changes on @connection are recorded as, and exports name. */
const char *_jp_connection_get_author    (JpConnection  *connection);
/* Notes a version of kind import named @name (the file's) of @scope,
 * after its step; one that cannot be noted is logged and let go. */
void        _jp_connection_note_import   (JpConnection  *connection,
                                          const char    *name,
                                          const char    *scope);
/* Notes a version of @kind (a JpVersionKind: an export or an import)
 * at the point the plan is at, named @name, of the chapter or section
 * @scope (NULL: the plan). */
gboolean    _jp_connection_note_version  (JpConnection  *connection,
                                          int            kind,
                                          const char    *name,
                                          const char    *scope,
                                          GError       **error);
/* Rolls back the open transaction, if there is one. */
void        _jp_connection_rollback      (JpConnection  *connection);

G_END_DECLS
