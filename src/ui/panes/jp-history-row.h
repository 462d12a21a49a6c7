/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/jp-store.h"
#include "model/store/jp-history.h"

G_BEGIN_DECLS

#define JP_TYPE_HISTORY_ROW (jp_history_row_get_type ())
G_DECLARE_FINAL_TYPE (JpHistoryRow, jp_history_row, JP, HISTORY_ROW, AdwActionRow)

/* One change of @item's history: what changed (the name the pane gives
 * it, and the language of a text), the old and the new value, when and
 * by whom, whether it was undone; and, unless @read_only, a Restore
 * button when the old value can be set back and differs from the
 * value now.  The row takes @entry. */
GtkWidget            *jp_history_row_new         (JpStore        *store,
                                                  JpItem         *item,
                                                  JpHistoryEntry *entry,
                                                  gboolean        read_only);
const JpHistoryEntry *jp_history_row_get_entry   (JpHistoryRow   *self);
gboolean              jp_history_row_can_restore (JpHistoryRow   *self);
/* Sets the old value back, as an edit of its own (one undo step). */
gboolean              jp_history_row_restore     (JpHistoryRow   *self,
                                                  GError        **error);

/* What a row says: "Title (Dutch)", and "30 November 2026, 14:02" in
 * the interface's language. */
char                 *jp_history_describe_subject (const JpHistoryEntry *entry,
                                                   JpKind                kind);
char                 *jp_history_format_time     (GDateTime      *time);

G_END_DECLS
