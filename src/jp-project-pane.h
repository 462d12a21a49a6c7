/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-database.h"

G_BEGIN_DECLS

#define JP_TYPE_PROJECT_PANE (jp_project_pane_get_type ())
G_DECLARE_FINAL_TYPE (JpProjectPane, jp_project_pane, JP, PROJECT_PANE, AdwBin)

/* A project: phase, status, text, sub-items and notes. */
GtkWidget *jp_project_pane_new (JpDatabase *db,
                                JpItem     *project);

G_END_DECLS
