/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_CONTACTS_PAGE (jp_contacts_page_get_type ())
G_DECLARE_FINAL_TYPE (JpContactsPage, jp_contacts_page, JP, CONTACTS_PAGE, AdwBin)

/* The contacts of the Secretariat-General (chapter 8): view, edit, print.
 * @settings holds "hide-expired-contacts" and the page setup (NULL: the
 * application's schema, looked up anew). */
GtkWidget *jp_contacts_page_new (JpStore    *store,
                                 GSettings  *settings);
/* Opens the subject lines down to @item (a person, or a team's or
 * subject line's first person) and gives its row the focus, which
 * scrolls to it; once the page is laid out. */
void       jp_contacts_page_reveal_item (JpContactsPage *self,
                                         JpItem         *item);

G_END_DECLS
