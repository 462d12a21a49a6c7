/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/store/jp-database.h"

G_BEGIN_DECLS

#define JP_TYPE_CONTACTS_SUBJECT (jp_contacts_subject_get_type ())
G_DECLARE_FINAL_TYPE (JpContactsSubject, jp_contacts_subject, JP, CONTACTS_SUBJECT, AdwExpanderRow)

/* A subject line of a team (a role such as "Teamhoofd", or a subject)
 * with its people. */
GtkWidget *jp_contacts_subject_new            (JpDatabase        *db,
                                               JpItem            *subject);
JpItem    *jp_contacts_subject_get_item       (JpContactsSubject *self);
/* Hides the people not valid today (and the line, when that is all of
 * them). */
void       jp_contacts_subject_set_hide_expired (JpContactsSubject *self,
                                               gboolean           hide);
void       jp_contacts_subject_refresh        (JpContactsSubject *self);

G_END_DECLS
