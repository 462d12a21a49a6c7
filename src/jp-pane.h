/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-database.h"

G_BEGIN_DECLS

/* Helpers the detail panes share: fields that edit the plan as one types,
 * and the names and icons of kinds and statuses. */

/* The language the panes show and edit: the one place that decides it.
 * The interface's language unless jp_pane_set_language() chose the other
 * one (-1 goes back to the interface's). */
JpLang       jp_pane_get_language   (JpDatabase  *db);
void         jp_pane_set_language   (JpDatabase  *db,
                                     int          lang);

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
/* Puts the focus in the first text field inside @widget that edits a
 * text of @item (or of any item, for NULL). */
gboolean     jp_pane_focus_text     (GtkWidget   *widget,
                                     JpItem      *item);

const char  *jp_kind_get_icon_name  (JpKind       kind);
const char  *jp_kind_get_title      (JpKind       kind);
const char  *jp_status_get_title    (JpStatus     status);
const char  *jp_phase_get_title     (JpPhase      phase);
const char  *jp_lang_get_title      (JpLang       lang);

/* Counts the texts of @item and everything under it that exist in Dutch
 * or French (@n_texts) and in both (@n_translated); @items, if given,
 * receives the items counted. */
void         jp_pane_count_translations (JpDatabase *db,
                                         JpItem     *item,
                                         guint      *n_texts,
                                         guint      *n_translated,
                                         GPtrArray  *items);
/* Whether some text of @item exists in one language only. */
gboolean     jp_pane_needs_translation  (JpItem     *item);
/* The items of the plan that need a translation, in tree order. */
GPtrArray   *jp_pane_find_untranslated  (JpDatabase *db);
/* Shows in @row how many texts of @item and its descendants are
 * translated, with a level bar, and keeps it up to date. */
void         jp_pane_bind_translation_status (AdwActionRow *row,
                                              JpDatabase   *db,
                                              JpItem       *item);

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
