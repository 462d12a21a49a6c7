/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_CONTACTS_PERSON (jp_contacts_person_get_type ())
G_DECLARE_FINAL_TYPE (JpContactsPerson, jp_contacts_person, JP, CONTACTS_PERSON, AdwExpanderRow)

/* One person of a subject line: name, e-mail, phone, validity, note. */
GtkWidget *jp_contacts_person_new          (JpStore          *db,
                                            JpItem           *contact);
JpItem    *jp_contacts_person_get_item     (JpContactsPerson *self);
/* Re-checks what can be done (move up, move down) after a sibling came
 * or went. */
void       jp_contacts_person_refresh      (JpContactsPerson *self);
/* Whether the person is valid today (and so shown when the page hides
 * the others). */
gboolean   jp_contacts_person_is_current   (JpContactsPerson *self);

G_END_DECLS
