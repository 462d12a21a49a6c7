/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/exchange/jp-xml.h"

G_BEGIN_DECLS

#define JP_TYPE_CONFLICT_ROW (jp_conflict_row_get_type ())
G_DECLARE_FINAL_TYPE (JpConflictRow, jp_conflict_row, JP, CONFLICT_ROW, GtkListBoxRow)

/* One item changed both in the plan and in a file: both versions and a
 * choice between them (notify::choice). */
GtkWidget      *jp_conflict_row_new        (const JpImportConflict *conflict);
const char     *jp_conflict_row_get_uid    (JpConflictRow          *self);
JpImportChoice  jp_conflict_row_get_choice (JpConflictRow          *self);
void            jp_conflict_row_set_choice (JpConflictRow          *self,
                                            JpImportChoice          choice);

G_END_DECLS
