/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-database.h"

G_BEGIN_DECLS

#define JP_TYPE_SECTION_PANE (jp_section_pane_get_type ())
G_DECLARE_FINAL_TYPE (JpSectionPane, jp_section_pane, JP, SECTION_PANE, AdwBin)

/* A section: number, title, general objectives, policy areas served,
 * projects and working groups. */
GtkWidget *jp_section_pane_new (JpDatabase *db,
                                JpItem     *section);

G_END_DECLS
