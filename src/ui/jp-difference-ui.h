/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/jp-differences.h"

G_BEGIN_DECLS

/* One difference as the lists of changes show it (the window of changes,
 * the review of an import, an item's history): the item, a badge, what
 * changed in a line, then each value old → new and each text with its
 * removed words struck through in red and its added words underlined in
 * green.  The row reads @difference when it is made: the caller keeps
 * it alive no longer than that. */
GtkWidget      *jp_difference_row_new       (const JpDifference *difference,
                                             JpLang              lang,
                                             gboolean            with_check);
/* The same for two years of the plan: an added item is "New in 2014",
 * a removed one "Only in 2013" and "Not Carried Over". */
GtkWidget      *jp_difference_row_new_full  (const JpDifference *difference,
                                             JpLang              lang,
                                             gboolean            with_check,
                                             guint               old_year,
                                             guint               new_year);
/* The check button of a row made @with_check (active: the difference is
 * taken), else NULL. */
GtkCheckButton *jp_difference_row_get_check (GtkWidget          *row);

/* The runs of a text as Pango markup, escaped: removed words struck
 * through, added ones underlined; the same words kept around a change
 * are cut to @context characters on either side (0: kept whole). */
char           *jp_words_to_markup          (GPtrArray          *words,
                                             guint               context);

/* The badge of a difference and its style class ("success", "error",
 * "accent"): "Added", "Removed", "Changed"; with @years the removed are
 * "Not Carried Over". */
const char     *jp_difference_get_badge     (JpDifferenceKind    kind,
                                             gboolean            years,
                                             const char        **style);

/* What a row says under the item: "Status: Planned → In Progress,
 * Moved, Title (French)"; "New in 2014, with 3 items under it" and
 * "Only in 2013 (Done)" between two years (else 0, 0), "Added, with 3
 * items under it" and "Removed (Done)" otherwise. */
char           *jp_difference_describe      (const JpDifference *difference,
                                             guint               old_year,
                                             guint               new_year);

/* "5.7 Title" in @lang, else in the other language, else the kind. */
char           *jp_difference_describe_item (const char         *number,
                                             char * const        titles[JP_N_LANGS],
                                             JpLang              lang,
                                             JpKind              kind);

G_END_DECLS
