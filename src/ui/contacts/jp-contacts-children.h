/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/jp-store.h"

G_BEGIN_DECLS

/* Keeps one widget per item of a live list, in the list's order.  The
 * create function returns a full reference to the new widget. */
typedef struct _JpContactsChildren JpContactsChildren;
typedef GtkWidget *(*JpContactsCreateFunc) (JpStore    *db,
                                            JpItem     *item,
                                            gpointer    owner);
typedef void       (*JpContactsChildFunc)  (gpointer    owner,
                                            GtkWidget  *child);

JpContactsChildren *jp_contacts_children_new  (JpStore              *db,
                                               GListModel           *model,
                                               gpointer              owner,
                                               JpContactsCreateFunc  create,
                                               JpContactsChildFunc   add,
                                               JpContactsChildFunc   remove);
void                jp_contacts_children_free (JpContactsChildren   *children);
/* The widgets, in order (owned by @children). */
GPtrArray          *jp_contacts_children_get  (JpContactsChildren   *children);

G_END_DECLS
