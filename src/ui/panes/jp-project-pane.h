/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ui/panes/jp-pane.h"

G_BEGIN_DECLS

#define JP_TYPE_PROJECT_PANE (jp_project_pane_get_type ())
G_DECLARE_FINAL_TYPE (JpProjectPane, jp_project_pane, JP, PROJECT_PANE, JpPane)

/* A project: phase, status, text, sub-items and notes.
 * Made with jp_pane_new(). */

G_END_DECLS
