/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-progress.h"

G_BEGIN_DECLS

#define JP_TYPE_PROGRESS_PAGE (jp_progress_page_get_type ())
G_DECLARE_FINAL_TYPE (JpProgressPage, jp_progress_page, JP, PROGRESS_PAGE, AdwBin)

/* How far the open year's projects have come: a bar of their counts per
 * status, filters (team, chapter or section, policy area, status, not
 * updated since a day) and the list of the projects that match.  It
 * follows the store (edits, undo, another year).
 *
 * Signals: ::go-back when its back button (or Escape) is pressed;
 * ::project-activated (JpItem *project) when a row is clicked or
 * Enter pressed on it. */
GtkWidget   *jp_progress_page_new           (JpStore        *store);
/* Reads the open year again now. */
void         jp_progress_page_reload        (JpProgressPage *self);
JpProgress  *jp_progress_page_get_progress  (JpProgressPage *self);
/* The list shown: the projects that match the filters. */
GListModel  *jp_progress_page_get_projects  (JpProgressPage *self);
/* The filter set in the page's controls. */
void         jp_progress_page_get_filter    (JpProgressPage   *self,
                                             JpProgressFilter *filter);
/* The counts the bar and its legend show (indexed by JpStatus). */
guint        jp_progress_page_get_counts    (JpProgressPage *self,
                                             guint           counts[JP_PROGRESS_N_STATUSES]);
void         jp_progress_page_clear_filters (JpProgressPage *self);
void         jp_progress_page_go_back       (JpProgressPage *self);

G_END_DECLS
