/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ui/panes/jp-pane.h"

G_BEGIN_DECLS

#define JP_TYPE_AREA_PANE (jp_area_pane_get_type ())
G_DECLARE_FINAL_TYPE (JpAreaPane, jp_area_pane, JP, AREA_PANE, JpPane)

/* A policy area of the work programme: ambition, legitimation, its
 * objectives and the sections that serve it.
 * Made with jp_pane_new(). */

G_END_DECLS
