/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_HISTORY_GROUP (jp_history_group_get_type ())
G_DECLARE_FINAL_TYPE (JpHistoryGroup, jp_history_group, JP, HISTORY_GROUP, AdwPreferencesGroup)

/* The history of an item in its pane: an expander that, once opened,
 * lists every change made to the item (a JpHistoryRow each, newest
 * first), read again after every edit, undo, redo or reload while it is
 * open.  Hidden when the store keeps no history. */
void      jp_history_group_bind          (JpHistoryGroup *self,
                                          JpStore        *store,
                                          JpItem         *item);
/* A closed year: no Restore. */
void      jp_history_group_set_read_only (JpHistoryGroup *self,
                                          gboolean        read_only);
/* Opens (or closes) the list; it is read when opened. */
void      jp_history_group_set_expanded  (JpHistoryGroup *self,
                                          gboolean        expanded);
/* The rows shown: 0 until opened. */
guint     jp_history_group_get_n_changes (JpHistoryGroup *self);

G_END_DECLS
