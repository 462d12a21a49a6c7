/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/exchange/jp-xml.h"
#include "ui/window/jp-file-chooser.h"

G_BEGIN_DECLS

#define JP_TYPE_IMPORT_DIALOG (jp_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JpImportDialog, jp_import_dialog, JP, IMPORT_DIALOG, AdwMessageDialog)

/* Says what importing @file would do, from the report of its dry run:
 * the counts; with @refusal JP_XML_ERROR_MASS_REMOVAL, how much of the
 * plan would go; with JP_XML_ERROR_EDIT_CONFLICT, every item changed on
 * both sides, each with both versions and a choice.  Below, every
 * difference of the file (the report's), by section, in @lang, each
 * ticked to be imported.  Its "import" response imports with
 * jp_import_dialog_get_flags() and _get_choices(). */
JpImportDialog *jp_import_dialog_new         (GtkWindow            *parent,
                                              GFile                *file,
                                              const JpImportReport *report,
                                              const GError         *refusal,
                                              JpLang                lang);
GFile          *jp_import_dialog_get_file    (JpImportDialog       *self);
JpImportFlags   jp_import_dialog_get_flags   (JpImportDialog       *self);
/* A new table of the choices made, uid → JpImportChoice (the conflicts'
 * choices, JP_CHOICE_LEAVE_OUT for each difference not ticked), or NULL
 * when there are none. */
GHashTable     *jp_import_dialog_get_choices (JpImportDialog       *self);

/* Whether the outcome of a dry run is for the person to decide: a file
 * that imports, or one refused only because it conflicts with edits made
 * since it was sent or would remove most of the plan (@refusal). */
gboolean         jp_import_dialog_is_wanted  (const JpImportReport *report,
                                              const GError         *refusal);
/* One line per kind of item the import touched: "Project: added 1,
 * changed 0, removed 2"; "" when none. */
char            *jp_import_report_describe_kinds (const JpImportReport *report);
/* Says, until read, what importing @file did: the counts, in all and per
 * kind, with the chapter or section replaced. */
GtkWidget       *jp_import_done_dialog_new   (GtkWindow            *parent,
                                              GFile                *file,
                                              const JpImportReport *report);
/* A modal open dialog for Jaarplan's XML files; see jp_file_chooser_new(). */
GtkNativeDialog *jp_import_chooser_new       (GtkWindow            *parent,
                                              JpFileChosenFunc      chosen,
                                              gpointer              user_data);

G_END_DECLS
