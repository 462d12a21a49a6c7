/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/store/jp-database.h"

G_BEGIN_DECLS

/* Asks whether to remove @item, saying what goes with it ("3 sections,
 * 11 projects and 11 working groups").  Its "remove" response removes;
 * "cancel" is the default. */
GtkWidget *jp_remove_dialog_new      (GtkWindow  *parent,
                                      JpDatabase *db,
                                      JpItem     *item);
/* The item a dialog of jp_remove_dialog_new() asks about. */
JpItem    *jp_remove_dialog_get_item (GtkWidget  *dialog);
/* The title of the toast after removing @item: "“5.7 Fiscale…” removed". */
char      *jp_remove_dialog_describe_removed (JpItem *item);

G_END_DECLS
