/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-store.h"

G_BEGIN_DECLS

/* Fields that edit the plan as one types.
 *
 * Shows @item's text @field in @lang in @widget (a GtkEditable such as a
 * GtkEntry or an AdwEntryRow, or a GtkTextView) and stores what is typed,
 * 300 ms after the last key, when the focus leaves, or at
 * jp_field_binding_flush().  A refusal goes to the window through
 * "win.report-error".
 *
 * A text field shows its own language only: untranslated, it is empty,
 * marked, with the other language's text under it (selectable) and a
 * button that copies that text in as an edit.  A text view passes Tab
 * and Shift+Tab on to move the focus. */
void     jp_field_binding_bind_text  (GtkWidget   *widget,
                                      JpStore     *db,
                                      JpItem      *item,
                                      JpTextField  field,
                                      JpLang       lang);
void     jp_field_binding_bind_field (GtkWidget   *widget,
                                      JpStore     *db,
                                      JpItem      *item,
                                      JpField      field);
/* Stores every pending edit of the fields inside @widget. */
void     jp_field_binding_flush      (GtkWidget   *widget);
/* Puts the focus in the first text field inside @widget that edits a
 * text of @item (or of any item, for NULL). */
gboolean jp_field_binding_focus_text (GtkWidget   *widget,
                                      JpItem      *item);

G_END_DECLS
