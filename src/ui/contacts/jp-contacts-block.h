/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ui/contacts/jp-contacts-children.h"

G_BEGIN_DECLS

#define JP_TYPE_CONTACTS_BLOCK (jp_contacts_block_get_type ())
G_DECLARE_FINAL_TYPE (JpContactsBlock, jp_contacts_block, JP, CONTACTS_BLOCK, GObject)

/* What a team and a subject line of the contacts page share: an item
 * with a title, whose children (the subject lines of a team, the people
 * of a subject line) are kept in step with the plan, one widget each.
 *
 * The block is parametrised by its child kind (JP_KIND_SUBJECT for a
 * team, JP_KIND_CONTACT for a subject line).  It gives @widget, the
 * widget that shows it and owns it, the actions "team." or "subject."
 * add-subject / add-person, move-up, move-down and remove, keeps
 * @title_row in step with the title and stores it on "apply".  It emits
 * "changed" when the item, its children or hide-expired changed. */
JpContactsBlock *jp_contacts_block_new        (GtkWidget            *widget,
                                               JpDatabase           *database,
                                               JpItem               *item,
                                               JpKind                child_kind,
                                               AdwEntryRow          *title_row,
                                               JpContactsCreateFunc  create,
                                               JpContactsChildFunc   add,
                                               JpContactsChildFunc   remove);
JpDatabase      *jp_contacts_block_get_database (JpContactsBlock *self);
JpItem          *jp_contacts_block_get_item     (JpContactsBlock *self);
JpKind           jp_contacts_block_get_child_kind (JpContactsBlock *self);
/* The title in the plan's language, or "New Team" and the like. */
const char      *jp_contacts_block_get_title    (JpContactsBlock *self);
/* The children's widgets, in order (owned by @self). */
GPtrArray       *jp_contacts_block_get_children (JpContactsBlock *self);
gboolean         jp_contacts_block_get_hide_expired (JpContactsBlock *self);
/* Hides the people not valid today. */
void             jp_contacts_block_set_hide_expired (JpContactsBlock *self,
                                                     gboolean         hide);
/* Stores what @title_row holds as the title. */
void             jp_contacts_block_apply_title  (JpContactsBlock *self);
/* Re-checks what can be done (move up, move down). */
void             jp_contacts_block_refresh      (JpContactsBlock *self);

G_END_DECLS
