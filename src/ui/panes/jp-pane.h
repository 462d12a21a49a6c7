/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_PANE (jp_pane_get_type ())
G_DECLARE_DERIVABLE_TYPE (JpPane, jp_pane, JP, PANE, AdwBin)

/* The detail pane of one item of the plan, in one language.  Subclasses
 * bind their template's fields in constructed(), when the store, the
 * item and the language are set.  What goes wrong goes to the window
 * through the "win.report-error" action. */
struct _JpPaneClass
{
  AdwBinClass parent_class;
};

/* A pane of @pane_type (a JpPane subclass) for @item. */
GtkWidget  *jp_pane_new              (GType         pane_type,
                                      JpStore      *store,
                                      JpItem       *item,
                                      JpLang        language);
JpStore    *jp_pane_get_store        (JpPane       *self);
JpItem     *jp_pane_get_item         (JpPane       *self);
/* The language whose texts the pane shows and edits. */
JpLang      jp_pane_get_language     (JpPane       *self);
void        jp_pane_report_error     (JpPane       *self,
                                      const GError *error);

/* Binds @widget to the item's text @field in the pane's language, or to
 * its language-neutral @field (see jp-field-binding.h). */
void        jp_pane_bind_text        (JpPane       *self,
                                      GtkWidget    *widget,
                                      JpTextField   field);
void        jp_pane_bind_field       (JpPane       *self,
                                      GtkWidget    *widget,
                                      JpField       field);
/* Shows in @row how many texts of the item and its descendants are
 * translated, with a level bar, and keeps it up to date. */
void        jp_pane_bind_translation_status (JpPane       *self,
                                             AdwActionRow *row);
/* Fills @list with rows for the items of @model: a JpItemRow each, which
 * opens the item, moves it and removes it. */
void        jp_pane_bind_item_list   (JpPane       *self,
                                      GtkListBox   *list,
                                      GListModel   *model,
                                      gboolean      reorderable);
/* Fills @list with an editable row per text item under the item (of the
 * kinds in @kinds, and the items nested in them), indented by depth. */
void        jp_pane_bind_text_list   (JpPane       *self,
                                      GtkListBox   *list,
                                      guint         kinds);

/* Stores every pending edit of the fields inside @widget (a pane, or
 * whatever the window shows). */
void        jp_pane_flush            (GtkWidget    *widget);
/* Makes the fields inside @widget (a pane, or whatever the window
 * shows) read only, for a closed year: texts can be read, selected and
 * copied, not changed; choices and the buttons of actions that change
 * are off (printing, exporting and opening stay).  A pane built again
 * is editable again. */
void        jp_pane_set_read_only    (GtkWidget    *widget);
/* Puts the focus in the first text field inside @widget that edits a
 * text of @item (or of any item, for NULL). */
gboolean    jp_pane_focus_text       (GtkWidget    *widget,
                                      JpItem       *item);

G_END_DECLS
