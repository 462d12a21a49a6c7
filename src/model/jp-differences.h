/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-snapshot.h"

G_BEGIN_DECLS

/* What differs between two snapshots of a plan (or of a chapter or a
 * section): a file and the database, two years, the plan now and at a
 * saved version.  Items are matched by uid, or through links the caller
 * gives (the later year's id → the earlier's); the comparison is linear
 * in the size of the two snapshots.  No GTK here: the command line, the
 * review of an import, the window of changes and the printed list of
 * changes all read these structs. */

typedef enum {
  JP_DIFFERENCE_ADDED,      /* only in the new snapshot */
  JP_DIFFERENCE_REMOVED,    /* only in the old */
  JP_DIFFERENCE_CHANGED,    /* in both, with other values or another place */
} JpDifferenceKind;

/* One value that differs between the two sides of an item. */
typedef enum {
  JP_VALUE_PHASE,
  JP_VALUE_STATUS,
  JP_VALUE_FIELD,           /* @field is a JpField */
  JP_VALUE_TEXT,            /* @field is a JpTextField, @lang its language */
  JP_VALUE_AREAS,           /* the policy areas a section serves */
  JP_VALUE_PLACE,           /* another parent, or another place among the siblings */
} JpValueKind;

/* A run of words of a text: the same on both sides, or only in one. */
typedef enum {
  JP_WORDS_SAME,
  JP_WORDS_REMOVED,         /* only in the old text */
  JP_WORDS_ADDED,           /* only in the new text */
} JpWordsOp;

typedef struct {
  JpWordsOp  op;
  char      *text;          /* the words with the spaces between them, as written */
} JpWords;

typedef struct {
  JpValueKind kind;
  int         field;        /* JpField or JpTextField, by @kind */
  JpLang      lang;         /* for JP_VALUE_TEXT */
  /* Both sides as the file writes them (status "done", a date
   * "2013-06-30", areas "area-1 area-4", a place as the parent's uid and
   * the position "sec-5.7 3"); NULL where a side has none. */
  char       *old_value;
  char       *new_value;
  GPtrArray  *words;        /* JpWords*, for texts; NULL otherwise */
} JpValueChange;

typedef struct {
  JpDifferenceKind kind;
  JpKind     item_kind;
  char      *uid;           /* the new side's, or the old's when removed */
  gint64     old_id;        /* the item in the old snapshot; 0 when added */
  gint64     new_id;        /* in the new snapshot; 0 when removed */
  char      *number;        /* the item's number, or NULL */
  char      *titles[JP_N_LANGS]; /* its title, or its text's first line, or NULL */
  JpPhase    phase;         /* the new side's, or the old's when removed */
  JpStatus   status;
  char      *group;         /* the uid of the section (else chapter) it is in; "" outside */
  char      *group_number;
  char      *group_titles[JP_N_LANGS];
  GPtrArray *values;        /* JpValueChange*, for JP_DIFFERENCE_CHANGED */
  guint      descendants;   /* items added or removed with it (listed under it only) */
} JpDifference;

typedef enum {
  JP_DIFFERENCES_DEFAULT    = 0,
  /* Two years of the plan: the year's own bookkeeping is no difference
   * (the plan's number and title, progress and its date, the year in a
   * team's uid, the order of siblings: only another parent is a move).
   * The roots (the two plans) are not compared with each other. */
  JP_DIFFERENCES_YEARS      = 1 << 0,
} JpDifferencesFlags;

typedef struct {
  GPtrArray *differences;   /* JpDifference*, grouped by section in the new side's order,
                             * each group's removed items where they were */
} JpDifferences;

/* Compares @old with @new.  @links (gint64 * → gint64 *, an item of @new
 * → the item of an earlier plan it continues, followed until one of @old
 * is found) matches items across years; NULL matches them by uid. */
JpDifferences *jp_differences_compute  (JpSnapshot          *old,
                                        JpSnapshot          *new,
                                        GHashTable          *links,
                                        JpDifferencesFlags   flags);
void           jp_differences_free     (JpDifferences       *differences);
/* The difference about the item @uid, or NULL. */
const JpDifference *jp_differences_find (const JpDifferences *differences,
                                        const char          *uid);

/* The runs of words that differ between @old_text and @new_text (either
 * may be NULL): JpWords*, concatenating the SAME and REMOVED runs gives
 * @old_text, the SAME and ADDED runs @new_text.  Between two SAME runs
 * the REMOVED run comes before the ADDED one; changes only spaces apart
 * are one. */
GPtrArray     *jp_words_compare        (const char          *old_text,
                                        const char          *new_text);

/* The lines the command line prints, in the file's names for kinds,
 * fields and values, one per value that changed:
 *   "changed sec-5.7-p3 status: planned → done"
 *   "changed sec-5.7-p3 text (nl): …worden opgespoord {+met voorrang+};"
 *     (a text changed on both sides: removed words in [-…-], added in
 *     {+…+}, a few words around each change)
 *   "added sec-5.7-p9 project 5.7.9"
 *   "removed sec-5.7-p2 project (done)" */
GPtrArray     *jp_difference_to_lines  (const JpDifference  *difference);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpDifferences, jp_differences_free)

G_END_DECLS
