/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-records.h"
#include "model/jp-snapshot.h"
#include "model/store/jp-connection.h"
#include "model/store/jp-database.h"

G_BEGIN_DECLS

/* Writing what a plan file holds over a scope of the store: the look-ups
 * the import needs, and the writes of its records, on one connection. */

/* Resets every statement the connection keeps, so that none is still
 * running when a transaction ends. */
void        _jp_connection_release_statements (JpConnection *connection);

/* One read transaction, for a consistent view while exporting; FALSE
 * when none could be started (the reads then go on without one). */
gboolean    _jp_connection_begin_read    (JpConnection  *connection);
void        _jp_connection_end_read      (JpConnection  *connection);

/* The number of items in the store. */
gint64      _jp_connection_count_items   (JpConnection  *connection);
/* The plan's root item: 0 in *@root_id when the store holds none. */
gboolean    _jp_connection_plan_root     (JpConnection  *connection,
                                          gint64        *root_id,
                                          GError       **error);
/* The uid, in the open year, of its root (@kind JP_KIND_PLAN) or of its
 * single item of @kind (the contacts): the first year's are the kinds'
 * names, a later year's carry the year (see jp_database_new_plan()). */
char       *_jp_connection_year_uid      (JpConnection  *connection,
                                          JpKind         kind);
/* The number of yearly plans in the store. */
gint64      _jp_connection_count_plans   (JpConnection  *connection);
/* The plan's year (the root's number), or NULL. */
char       *_jp_connection_plan_year     (JpConnection  *connection);
/* The item with @uid, and its kind (when @kind is not NULL); 0 without. */
gint64      _jp_connection_lookup_uid    (JpConnection  *connection,
                                          const char    *uid,
                                          JpKind        *kind);
/* Where the item @id hangs: its parent (0 for the root) and position. */
gboolean    _jp_connection_item_place    (JpConnection  *connection,
                                          gint64         id,
                                          gint64        *parent_id,
                                          gint64        *position,
                                          GError       **error);

/* What writing the records found in their way: the first reason they
 * cannot be written as they are, with the record it concerns. */
typedef enum {
  JP_APPLY_OK,
  JP_APPLY_KIND_CLASH,   /* the uid is an item of another kind (@kind) */
  JP_APPLY_UID_TAKEN,    /* the uid is an item outside the scope */
  JP_APPLY_NO_AREA,      /* a section serves an area (@detail) that does not exist */
  JP_APPLY_NO_TEAM,      /* a chapter's team does not exist */
} JpApplyProblem;

typedef struct {
  guint          added[JP_N_KINDS];
  guint          changed[JP_N_KINDS];
  guint          removed[JP_N_KINDS];
  JpApplyProblem problem;
  guint          record;    /* the index of the record it concerns */
  JpKind         kind;
  char          *detail;
} JpApplyResult;

void        _jp_apply_result_clear       (JpApplyResult *result);

/* Writes @records (JpRecord, parents first) over the scope @existing
 * holds, under @scope_parent (0 for the whole plan): adds, changes,
 * moves and removes, counting each in @result.  Returns FALSE with
 * @error on a failure of the store, and FALSE with @result's problem set
 * (and @error unset) when the records cannot be written. */
gboolean    _jp_connection_apply_records (JpConnection  *connection,
                                          GArray        *records,
                                          JpSnapshot    *existing,
                                          gint64         scope_parent,
                                          JpApplyResult *result,
                                          GError       **error);

G_END_DECLS
