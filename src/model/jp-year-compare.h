/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-differences.h"
#include "model/store/jp-connection.h"
#include "model/store/jp-database.h"

G_BEGIN_DECLS

/* What changed in the plan from one year to a later one.  Items are
 * matched through the continuation links the new year's plan was made
 * with (followed across years), never by their titles: an item of the
 * later year continued from one of the earlier is the same item.
 *
 * The year's own bookkeeping is not a change of the plan: the plan's
 * number and title (its year), progress notes and their dates, and the
 * year in a team's uid.  An added or removed item is listed once, with
 * how many items came or went under it. */

typedef enum {
  JP_YEAR_CHANGE_ADDED,
  JP_YEAR_CHANGE_REMOVED,
  JP_YEAR_CHANGE_CHANGED,
} JpYearChangeKind;

typedef struct {
  JpYearChangeKind kind;
  JpKind     item_kind;
  gint64     id;            /* the later year's item; the earlier's when removed */
  gint64     previous;      /* the earlier year's item; 0 when added */
  char      *uid;           /* of the item @id */
  char      *number;        /* the item's number, or NULL */
  char      *titles[JP_N_LANGS]; /* its title, or its text's first line, or NULL */
  char      *group;         /* the number of the section (else the chapter) it is in; "" outside */
  char      *group_titles[JP_N_LANGS];
  JpPhase    old_phase, new_phase;
  JpStatus   old_status, new_status;
  gboolean   moved;         /* under another parent than before */
  guint      fields;        /* JP_FIELD_MASK()s of the values that differ */
  guint      texts[JP_N_LANGS]; /* JP_TEXT_MASK()s of the texts that differ */
  guint      descendants;   /* added or removed with it */
} JpYearChange;

typedef struct {
  guint          from;
  guint          to;
  GPtrArray     *changes;     /* JpYearChange*, by group in the later year's order */
  JpDifferences *differences; /* the same, as the engine found them, in the same order */
} JpYearComparison;

/* Compares the plans of @from and @to (in either order: the earlier is
 * the "from").  Fails with JP_DATABASE_ERROR_NOT_FOUND for a year the
 * file lacks. */
JpYearComparison *jp_year_compare          (JpDatabase              *db,
                                            guint                    from,
                                            guint                    to,
                                            GError                 **error);
void              jp_year_comparison_free  (JpYearComparison        *comparison);
/* The difference about the item @uid (of either year), or NULL. */
const JpYearChange *jp_year_comparison_find (const JpYearComparison *comparison,
                                            const char             *uid);

/* One line for the command line, with the file's names for kinds,
 * fields and values: "changed s57-p3-2014 status: planned → done",
 * "added s57-p9-2014 project 5.7.9", "removed s57-p2 project (done)". */
char             *jp_year_change_to_line   (const JpYearChange      *change);

/* The same, read on a connection of its own in a thread; the callback
 * runs on the main thread. */
void              jp_year_compare_async    (JpDatabase              *db,
                                            guint                    from,
                                            guint                    to,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);
JpYearComparison *jp_year_compare_finish   (JpDatabase              *db,
                                            GAsyncResult            *result,
                                            GError                 **error);

/* From the store (jp-sqlite-compare.c): the root of @year's plan, or 0;
 * and every continuation link, later item id → earlier item id
 * (gint64 * keys and values). */
gint64            _jp_connection_get_year_root     (JpConnection    *connection,
                                                    guint            year);
GHashTable       *_jp_connection_get_continuations (JpConnection    *connection,
                                                    GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpYearComparison, jp_year_comparison_free)

G_END_DECLS
