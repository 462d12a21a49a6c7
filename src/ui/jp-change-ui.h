/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-store.h"

G_BEGIN_DECLS

/* The name of a text or value as the panes show it, translated. */
const char *jp_text_field_get_title (JpTextField  field,
                                     JpKind       kind);
const char *jp_field_get_title      (JpField      field);

/* What taking back @change did, for a toast: "Phone of “L. Willems”
 * restored", "“5.7 Fiscale …” restored", "Import of “5.7.xml” undone";
 * @redo when it was done again.  Call it before the undo or redo, while
 * the item still reads as the change left it. */
char       *jp_change_describe      (const JpChange *change,
                                     JpStore        *store,
                                     gboolean        redo);

G_END_DECLS
