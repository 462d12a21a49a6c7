/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/store/jp-history.h"
#include "ui/window/jp-window.h"

G_BEGIN_DECLS

#define JP_TYPE_CHANGES_DIALOG (jp_changes_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JpChangesDialog, jp_changes_dialog, JP, CHANGES_DIALOG, AdwWindow)

/* Asks from which point of the plan's history to show the changes
 * (a date, or a version: saved, or an export or import of a chapter or
 * section) and to which (now, or a later version); Show reads the plan
 * at both points in a thread, a spinner meanwhile, and opens the window
 * of differences in its place. */
JpChangesDialog *jp_changes_dialog_new            (JpWindow        *window);
/* What the choices do, for the tests: since @date (a day, local time),
 * or since the version @id; until the version @id, or now (0). */
void             jp_changes_dialog_set_since_date    (JpChangesDialog *self,
                                                      GDateTime       *date);
gboolean         jp_changes_dialog_set_since_version (JpChangesDialog *self,
                                                      gint64           id);
gboolean         jp_changes_dialog_set_until_version (JpChangesDialog *self,
                                                      gint64           id);
/* The Show button. */
void             jp_changes_dialog_show_changes      (JpChangesDialog *self);
gboolean         jp_changes_dialog_is_busy           (JpChangesDialog *self);

/* "“Sent to the Committee”", "Export of 5.7", "Import of 5.7"; with its
 * date after a dash when @dated. */
char            *jp_version_describe                 (JpDatabase      *db,
                                                      const JpVersion *version,
                                                      gboolean         dated);

G_END_DECLS
