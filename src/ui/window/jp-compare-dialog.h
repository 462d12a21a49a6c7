/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-year-compare.h"
#include "ui/window/jp-window.h"

G_BEGIN_DECLS

/* A window listing what changed from one year's plan to another's, by
 * section; activating a row opens its item (in its year).  NULL, with
 * @error set, when a year is missing. */
GtkWidget  *jp_compare_dialog_new        (JpWindow           *window,
                                          guint               from,
                                          guint               to,
                                          GError            **error);
/* The year the open one is compared with: the one before, else the one
 * after; 0 when the file holds one year. */
guint       jp_compare_dialog_other_year (JpDatabase         *db);
/* Shows the comparison of the open year with that year (win.compare-years). */
void        jp_compare_dialog_show       (JpWindow           *window);
/* What a row says under the item: "Status: Planned → In Progress,
 * moved, Title (French)", "New in 2014, with 3 items", "In 2013 only
 * (Done)". */
char       *jp_compare_describe_change   (const JpYearChange *change,
                                          guint               from,
                                          guint               to);

G_END_DECLS
