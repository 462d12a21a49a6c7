/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-database.h"

G_BEGIN_DECLS

#define JP_TYPE_GROUP_PANE (jp_group_pane_get_type ())
G_DECLARE_FINAL_TYPE (JpGroupPane, jp_group_pane, JP, GROUP_PANE, AdwBin)

/* A working group or committee: name, code, where it belongs, its
 * sub-groups. */
GtkWidget *jp_group_pane_new (JpDatabase *db,
                                JpItem     *group);

G_END_DECLS
