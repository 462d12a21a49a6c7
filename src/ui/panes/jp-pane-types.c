/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-pane-types"

#include "config.h"

#include "ui/panes/jp-area-pane.h"
#include "ui/panes/jp-chapter-pane.h"
#include "ui/panes/jp-group-pane.h"
#include "ui/panes/jp-pane-types.h"
#include "ui/panes/jp-project-pane.h"
#include "ui/panes/jp-section-pane.h"

/* The kinds that have a pane of their own: the others show their name.
 * Apart from the kinds' table (ui/jp-kind-ui.c) because the panes' rows
 * read that table. */
static GType (* const pane_types[JP_N_KINDS]) (void) = {
  [JP_KIND_AREA]    = jp_area_pane_get_type,
  [JP_KIND_CHAPTER] = jp_chapter_pane_get_type,
  [JP_KIND_SECTION] = jp_section_pane_get_type,
  [JP_KIND_PROJECT] = jp_project_pane_get_type,
  [JP_KIND_GROUP]   = jp_group_pane_get_type,
};

GType
jp_pane_type_for_kind (JpKind kind)
{
  if ((guint) kind >= JP_N_KINDS || pane_types[kind] == NULL)
    return G_TYPE_INVALID;
  return pane_types[kind] ();
}
