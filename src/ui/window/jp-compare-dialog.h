/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-year-compare.h"
#include "ui/window/jp-window.h"

G_BEGIN_DECLS

#define JP_TYPE_COMPARE_DIALOG (jp_compare_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JpCompareDialog, jp_compare_dialog, JP, COMPARE_DIALOG, AdwWindow)

/* A window listing what changed from one year's plan to another's, by
 * section; activating a row opens its item (in its year).  The
 * comparison is read in a thread: a spinner shows until it is ready;
 * a year that is missing closes it with the error in @window. */
JpCompareDialog *jp_compare_dialog_new     (JpWindow           *window,
                                            guint               from,
                                            guint               to);
gboolean    jp_compare_dialog_is_ready     (JpCompareDialog    *self);
/* The differences shown, or NULL while they are read. */
const JpYearComparison *jp_compare_dialog_get_comparison (JpCompareDialog *self);
/* What activating a difference's row does: its item opens in the window,
 * in the year it is in. */
void        jp_compare_dialog_open_change  (JpCompareDialog    *self,
                                            const JpYearChange *change);

/* The year the open one is compared with: the one before, else the one
 * after; 0 when the file holds one year. */
guint       jp_compare_dialog_other_year   (JpDatabase         *db);
/* Shows the comparison of the open year with @other, or with that year
 * for 0 (win.compare-years, its target the other year). */
void        jp_compare_dialog_show         (JpWindow           *window,
                                            guint               other);
/* What a row says under the item: "Status: Planned → In Progress,
 * moved, Title (French)", "New in 2014, with 3 items under it", "Only
 * in 2013 (Done)". */
char       *jp_compare_describe_change     (const JpYearChange *change,
                                            guint               from,
                                            guint               to);

G_END_DECLS
