/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_SIDEBAR_ROW (jp_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (JpSidebarRow, jp_sidebar_row, JP, SIDEBAR_ROW, GtkWidget)

/* One row of the sidebar's tree: expander, kind icon, label, and a dim
 * detail (a working group's code, a project's status, a section's counts). */
GtkWidget *jp_sidebar_row_new      (JpStore        *db);
void       jp_sidebar_row_set_row  (JpSidebarRow   *self,
                                    GtkTreeListRow *row);

G_END_DECLS
