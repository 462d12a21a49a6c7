/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_PROGRESS_ROW (jp_progress_row_get_type ())
G_DECLARE_FINAL_TYPE (JpProgressRow, jp_progress_row, JP, PROGRESS_ROW, AdwPreferencesRow)

/* A row for a project's progress through the year: its progress note in
 * @lang, edited in place as every text of the plan, and the day it was
 * last updated; with @with_project, also the project's number and title
 * and a drop-down of its status, for a list of several projects.  Every
 * control names the project to a screen reader. */
GtkWidget   *jp_progress_row_new         (JpStore       *db,
                                          JpItem        *project,
                                          JpLang         lang,
                                          gboolean       with_project);
JpItem      *jp_progress_row_get_project (JpProgressRow *self);
/* The controls: the status drop-down (hidden without the project), the
 * note's text view, and the label of the date. */
GtkDropDown *jp_progress_row_get_status_drop (JpProgressRow *self);
GtkWidget   *jp_progress_row_get_note_view   (JpProgressRow *self);
GtkLabel    *jp_progress_row_get_date_label  (JpProgressRow *self);

/* "Last updated 12 March 2013" in the interface's language, or "Not
 * updated yet". */
char        *jp_progress_format_updated  (JpItem        *project);

G_END_DECLS
