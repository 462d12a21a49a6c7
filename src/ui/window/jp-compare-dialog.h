/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-year-compare.h"
#include "ui/window/jp-window.h"

G_BEGIN_DECLS

#define JP_TYPE_COMPARE_DIALOG (jp_compare_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JpCompareDialog, jp_compare_dialog, JP, COMPARE_DIALOG, AdwWindow)

/* A window listing differences by section, each with its values old →
 * new and its texts' changed words; activating a row opens its item in
 * @window (the new side's, or the old side's when removed, in its
 * year).  "Hide Status Changes" leaves out the items whose status or
 * phase alone differs; Print… and Export PDF… give the list on paper.
 *
 * Two years: the comparison is read in a thread, a spinner shows until
 * it is ready; a year that is missing closes it with the error in
 * @window. */
JpCompareDialog *jp_compare_dialog_new     (JpWindow           *window,
                                            guint               from,
                                            guint               to);
/* Any differences (a version and now, two versions, since a date),
 * which the dialog takes; @title says what is compared ("Changes since
 * 12 December"), @subtitle (or NULL) more of it. */
JpCompareDialog *jp_compare_dialog_new_for_differences (JpWindow      *window,
                                                        JpDifferences *differences,
                                                        const char    *title,
                                                        const char    *subtitle);
gboolean    jp_compare_dialog_is_ready     (JpCompareDialog    *self);
/* The years' comparison shown, or NULL while it is read or for other
 * differences. */
const JpYearComparison *jp_compare_dialog_get_comparison (JpCompareDialog *self);
/* The differences shown, or NULL while they are read. */
const JpDifferences *jp_compare_dialog_get_differences (JpCompareDialog *self);
/* What activating a row does. */
void        jp_compare_dialog_open_difference (JpCompareDialog    *self,
                                               const JpDifference *difference);
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
/* Writes the list shown as an A4 PDF to @file, in the plan's language. */
gboolean    jp_compare_dialog_export_pdf   (JpCompareDialog    *self,
                                            GFile              *file,
                                            GError            **error);

G_END_DECLS
