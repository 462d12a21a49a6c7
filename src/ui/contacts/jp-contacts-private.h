/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-store.h"

G_BEGIN_DECLS

/* What the contacts page's rows share: the page owns the toasts; the
 * rows keep their children in step with a live list. */

/* Shows @message in the contacts page around @widget; with @undo, the
 * toast offers to undo the last change. */
void     _jp_contacts_show_toast     (GtkWidget   *widget,
                                      const char  *message,
                                      gboolean     undo);
/* Removes @item, then offers to undo in a toast "Removed “name”". */
void     _jp_contacts_remove_item    (GtkWidget   *widget,
                                      JpStore     *db,
                                      JpItem      *item,
                                      const char  *name);
/* Moves @item one place up (@delta -1) or down (+1) among its siblings. */
void     _jp_contacts_move_item      (GtkWidget   *widget,
                                      JpStore     *db,
                                      JpItem      *item,
                                      int          delta);
/* Whether it can move that way. */
gboolean _jp_contacts_can_move       (JpStore     *db,
                                      JpItem      *item,
                                      int          delta);
/* Stores the text of @row into @field (a JpField, or a JpTextField in
 * the plan language when @is_text); shows a refusal on @error_label
 * (or in a toast when NULL) and marks the row. */
gboolean _jp_contacts_apply_entry    (AdwEntryRow *row,
                                      JpStore     *db,
                                      JpItem      *item,
                                      gboolean     is_text,
                                      guint        field,
                                      GtkLabel    *error_label);
/* The same, storing @value rather than what @row holds. */
gboolean _jp_contacts_apply_value    (AdwEntryRow *row,
                                      JpStore     *db,
                                      JpItem      *item,
                                      gboolean     is_text,
                                      guint        field,
                                      const char  *value,
                                      GtkLabel    *error_label);
/* Puts @value into @row unless it holds it already. */
void     _jp_contacts_sync_entry     (AdwEntryRow *row,
                                      const char  *value);

G_END_DECLS
