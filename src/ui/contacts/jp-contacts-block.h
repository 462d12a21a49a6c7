/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ui/contacts/jp-contacts-children.h"

G_BEGIN_DECLS

#define JP_TYPE_CONTACTS_BLOCK (jp_contacts_block_get_type ())
G_DECLARE_FINAL_TYPE (JpContactsBlock, jp_contacts_block, JP, CONTACTS_BLOCK, GObject)

/* A team or a subject line of the contacts page: an item with a title,
 * whose children (the subject lines of a team, the people of a subject
 * line) are kept in step with the plan, one widget each.
 *
 * The block is parametrised by its child kind: JP_KIND_SUBJECT makes a
 * team, shown as an AdwPreferencesGroup, JP_KIND_CONTACT a subject line,
 * shown as an AdwExpanderRow.  jp_contacts_block_new() returns that
 * widget (a full reference), which owns the block until it is destroyed.
 * The widget has the actions "team." or "subject." add-subject /
 * add-person, move-up, move-down and remove; its entry row "title_row"
 * edits the title. */
GtkWidget       *jp_contacts_block_new          (JpStore         *store,
                                                 JpItem          *item,
                                                 JpKind           child_kind);
/* The block of a widget made by jp_contacts_block_new(), or NULL. */
JpContactsBlock *jp_contacts_block_get_for_widget (GtkWidget     *widget);
JpStore         *jp_contacts_block_get_store (JpContactsBlock *self);
JpItem          *jp_contacts_block_get_item     (JpContactsBlock *self);
JpKind           jp_contacts_block_get_child_kind (JpContactsBlock *self);
/* The title in the plan's language, or "New Team" and the like. */
const char      *jp_contacts_block_get_title    (JpContactsBlock *self);
/* The children's widgets, in order (owned by @self). */
GPtrArray       *jp_contacts_block_get_children (JpContactsBlock *self);
gboolean         jp_contacts_block_get_hide_expired (JpContactsBlock *self);
/* Hides the people not valid today (and a subject line, when that is
 * all of them). */
void             jp_contacts_block_set_hide_expired (JpContactsBlock *self,
                                                     gboolean         hide);
/* Stores what the title row holds as the title. */
void             jp_contacts_block_apply_title  (JpContactsBlock *self);
/* Re-checks what can be done (move up, move down). */
void             jp_contacts_block_refresh      (JpContactsBlock *self);

G_END_DECLS
