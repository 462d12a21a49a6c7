/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-store.h"

G_BEGIN_DECLS

typedef enum {
  JP_SIDEBAR_VIEW_AREAS,
  JP_SIDEBAR_VIEW_CHAPTERS,
} JpSidebarView;

#define JP_TYPE_SIDEBAR (jp_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (JpSidebar, jp_sidebar, JP, SIDEBAR, GtkWidget)

/* The plan as a tree: by policy area (areas ▸ sections ▸ projects and
 * working groups) or by chapter (chapters ▸ sections ▸ …), with a search
 * that filters it as one types. */
GtkWidget     *jp_sidebar_new               (JpStore       *db);
JpSidebarView  jp_sidebar_get_view          (JpSidebar     *self);
void           jp_sidebar_set_view          (JpSidebar     *self,
                                             JpSidebarView  view);
/* The tree's rows (GtkTreeListRows), as shown. */
GListModel    *jp_sidebar_get_model         (JpSidebar     *self);
JpItem        *jp_sidebar_get_selected_item (JpSidebar     *self);
/* Selects the row of @item (or of its nearest ancestor in the tree),
 * expanding the rows above it.  FALSE when the tree does not hold it. */
gboolean       jp_sidebar_select_item       (JpSidebar     *self,
                                             JpItem        *item);
void           jp_sidebar_set_search_text   (JpSidebar     *self,
                                             const char    *text);
const char    *jp_sidebar_get_search_text   (JpSidebar     *self);
/* Shows only the items with a text that lacks a Dutch or a French
 * version (and the rows above them); combines with the search. */
gboolean       jp_sidebar_get_untranslated_only (JpSidebar *self);
void           jp_sidebar_set_untranslated_only (JpSidebar *self,
                                                 gboolean   untranslated_only);
/* The list's vertical scroll position; setting it waits, if need be,
 * until the list is tall enough. */
double         jp_sidebar_get_scroll_position (JpSidebar   *self);
void           jp_sidebar_set_scroll_position (JpSidebar   *self,
                                               double       position);
gboolean       jp_sidebar_get_search_mode   (JpSidebar     *self);
void           jp_sidebar_set_key_capture_widget (JpSidebar *self,
                                                GtkWidget     *widget);
void           jp_sidebar_set_search_mode   (JpSidebar     *self,
                                             gboolean       search_mode);
/* Rebuilds the tree (after an import or an undo changed its shape). */
void           jp_sidebar_refresh           (JpSidebar     *self);

G_END_DECLS
