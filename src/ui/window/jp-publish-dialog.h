/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/print/jp-publication.h"
#include "model/store/jp-database.h"

G_BEGIN_DECLS

/* What to publish, asked before printing or exporting as PDF: for the
 * whole plan which parts (the plan, the work programme, the contacts;
 * all at first), for a chapter or a section only itself; the language
 * (at first the one the texts are shown in); and whether each project's
 * status is printed (for internal use; off at first).
 *
 * It says "response" once: "print" or "export" (whichever @print chose),
 * or "cancel"; then it closes. */

#define JP_TYPE_PUBLISH_DIALOG (jp_publish_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JpPublishDialog, jp_publish_dialog, JP, PUBLISH_DIALOG, AdwWindow)

/* @scope: the plan's root, a chapter or a section. */
JpPublishDialog *jp_publish_dialog_new         (GtkWindow       *parent,
                                                JpItem          *scope,
                                                JpLang           lang,
                                                gboolean         print);
/* The annual report of the plan @root is the root of: only its language
 * is asked; the options say @report. */
JpPublishDialog *jp_publish_dialog_new_report  (GtkWindow       *parent,
                                                JpItem          *root,
                                                JpLang           lang,
                                                gboolean         print);
JpItem          *jp_publish_dialog_get_scope   (JpPublishDialog *self);
/* The options chosen; its strings belong to the dialog. */
void             jp_publish_dialog_get_options (JpPublishDialog      *self,
                                                JpPublicationOptions *options);
/* For tests: the parts, the language and the status, as if chosen. */
void             jp_publish_dialog_set_options (JpPublishDialog            *self,
                                                const JpPublicationOptions *options);
/* As the dialog's buttons do. */
void             jp_publish_dialog_respond     (JpPublishDialog *self,
                                                const char      *response);

G_END_DECLS
