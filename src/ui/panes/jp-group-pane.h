/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ui/panes/jp-pane.h"

G_BEGIN_DECLS

#define JP_TYPE_GROUP_PANE (jp_group_pane_get_type ())
G_DECLARE_FINAL_TYPE (JpGroupPane, jp_group_pane, JP, GROUP_PANE, JpPane)

/* A working group or committee: name, code, where it belongs, its
 * sub-groups.
 * Made with jp_pane_new(). */

G_END_DECLS
