/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_SIDEBAR_ROW (jp_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (JpSidebarRow, jp_sidebar_row, JP, SIDEBAR_ROW, GtkWidget)

/* One row of the sidebar's tree: expander, kind icon, label, and a dim
 * detail (a working group's code, a project's status, a section's counts). */
/* @counts holds the sections' counts, shared by the rows (see
 * jp_sidebar_row_new_counts()); whoever made it empties it when the
 * plan's structure changes, before the rows show them again. */
GtkWidget *jp_sidebar_row_new      (JpStore        *db,
                                    GHashTable     *counts);
GHashTable *jp_sidebar_row_new_counts (void);
void       jp_sidebar_row_set_row  (JpSidebarRow   *self,
                                    GtkTreeListRow *row);
/* The search whose words the row's texts show in bold (NULL: none). */
void       jp_sidebar_row_set_highlight (JpSidebarRow *self,
                                         const char   *query);
GtkTreeListRow *jp_sidebar_row_get_list_row (JpSidebarRow *self);
/* The label as shown, without its markup. */
const char *jp_sidebar_row_get_text (JpSidebarRow  *self);
/* @text as Pango markup, each place a word of @query is found in it
 * (in any case, with or without accents) in bold. */
char      *jp_sidebar_row_highlight (const char    *text,
                                     const char    *query);

G_END_DECLS
