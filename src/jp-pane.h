/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-database.h"

G_BEGIN_DECLS

/* Helpers the detail panes share: fields that edit the plan as one types,
 * and the names and icons of kinds and statuses. */

/* The language the panes show and edit: the one place that decides it. */
JpLang       jp_pane_get_language   (JpDatabase  *db);

/* Shows @item's text @field in @widget (a GtkEditable such as a GtkEntry or
 * an AdwEntryRow, or a GtkTextView) and stores what is typed, 300 ms after
 * the last key, when the focus leaves, or at jp_pane_flush(). */
void         jp_pane_bind_text      (GtkWidget   *widget,
                                     JpDatabase  *db,
                                     JpItem      *item,
                                     JpTextField  field);
void         jp_pane_bind_field     (GtkWidget   *widget,
                                     JpDatabase  *db,
                                     JpItem      *item,
                                     JpField      field);
/* Stores every pending edit of the fields inside @widget. */
void         jp_pane_flush          (GtkWidget   *widget);

const char  *jp_kind_get_icon_name  (JpKind       kind);
const char  *jp_kind_get_title      (JpKind       kind);
const char  *jp_status_get_title    (JpStatus     status);
const char  *jp_phase_get_title     (JpPhase      phase);
const char  *jp_lang_get_title      (JpLang       lang);

/* Fills @list with rows for the items of @model: a JpItemRow each, which
 * opens the item, moves it and removes it. */
void         jp_pane_bind_item_list (GtkListBox  *list,
                                     GListModel  *model,
                                     gboolean     reorderable);
/* Fills @list with an editable row per text item under @parent (of the
 * kinds in @kinds, and the items nested in them), indented by depth. */
void         jp_pane_bind_text_list (GtkListBox  *list,
                                     JpDatabase  *db,
                                     JpItem      *parent,
                                     guint        kinds);

G_END_DECLS
