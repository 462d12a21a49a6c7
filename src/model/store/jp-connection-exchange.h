/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "model/store/jp-connection.h"

G_BEGIN_DECLS

/* What the store keeps of the exchange of chapters and sections
 * (tables exchange_self, exchange_record, exchange_base and
 * exchange_scope), and the watch that keeps an import to its scope.  A
 * record's items are kept as text: one line per item, as the exchange
 * writes them. */

/* This database's identity, drawn once; NULL before migration 3. */
char      *_jp_connection_exchange_origin     (JpConnection  *connection);
/* The items of the record @export_id as sent; NULL without. */
char      *_jp_connection_exchange_sent_items (JpConnection  *connection,
                                               const char    *export_id);
/* The items as sent, then those of each version that came back with the
 * record since, oldest first (char*; the first may be NULL). */
GPtrArray *_jp_connection_exchange_versions   (JpConnection  *connection,
                                               const char    *export_id);
/* Are @items those of @export_id as sent, or of a version that came
 * back with it? */
gboolean   _jp_connection_exchange_is_base    (JpConnection  *connection,
                                               const char    *export_id,
                                               const char    *items);
/* Is @export_id a record this store keeps for @origin and @scope_uid? */
gboolean   _jp_connection_exchange_is_known   (JpConnection  *connection,
                                               const char    *export_id,
                                               const char    *origin,
                                               const char    *scope_uid);
/* The record the scope last came in with, and the versions its content
 * derives from; FALSE when it came in with none. */
gboolean   _jp_connection_exchange_scope_record (JpConnection *connection,
                                               const char    *scope_uid,
                                               char         **export_id,
                                               char         **origin,
                                               char         **since);
/* Keeps the record an export carries; with @relayed_state (another
 * database's record passed on), that version too.  A store that cannot
 * be written loses the record and still succeeds. */
gboolean   _jp_connection_exchange_store_export (JpConnection *connection,
                                               const char    *scope_uid,
                                               const char    *export_id,
                                               const char    *origin,
                                               const char    *items,
                                               const char    *relayed_state,
                                               GError       **error);
/* After an import with a record (@export_id, @origin, @items as the file
 * sent them): keeps the record and, when it is the scope's, the content
 * now here (@came_back, whose hash is @state) as a version what is sent
 * next derives from. */
gboolean   _jp_connection_exchange_store_import (JpConnection *connection,
                                               const char    *scope_uid,
                                               const char    *export_id,
                                               const char    *origin,
                                               const char    *items,
                                               const char    *came_back,
                                               const char    *state,
                                               GError       **error);

/* Makes the watch's tables and triggers once; called outside a
 * transaction, so that they outlast a rolled back import. */
gboolean   _jp_connection_watch_setup         (JpConnection  *connection,
                                               GError       **error);
/* Counts of the items, texts and links outside the subtree under
 * @root_id, as one string: equal before and after an import that kept
 * to its scope. */
char      *_jp_connection_outside_counts      (JpConnection  *connection,
                                               gint64         root_id,
                                               GError       **error);
/* Notes, from now on in the transaction, every item written; then says
 * whether one outside the subtree (as it was at the start and is at the
 * end) was, and stops. */
gboolean   _jp_connection_watch_begin         (JpConnection  *connection,
                                               gint64         root_id,
                                               GError       **error);
gboolean   _jp_connection_watch_end           (JpConnection  *connection,
                                               gint64         root_id,
                                               gboolean      *outside,
                                               GError       **error);

G_END_DECLS
