/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ui/panes/jp-pane.h"

G_BEGIN_DECLS

#define JP_TYPE_SECTION_PANE (jp_section_pane_get_type ())
G_DECLARE_FINAL_TYPE (JpSectionPane, jp_section_pane, JP, SECTION_PANE, JpPane)

/* A section: number, title, general objectives, policy areas served,
 * projects and working groups.
 * Made with jp_pane_new(). */

G_END_DECLS
