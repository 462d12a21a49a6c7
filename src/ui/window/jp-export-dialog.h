/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/store/jp-database.h"
#include "ui/window/jp-file-chooser.h"

G_BEGIN_DECLS

/* A modal save dialog for exporting @scope (the plan's root, a chapter or
 * a section), proposing a file name after it; see jp_file_chooser_new()
 * for @chosen and the reference it returns with. */
GtkNativeDialog *jp_export_dialog_new       (GtkWindow        *parent,
                                             JpItem           *scope,
                                             JpFileChosenFunc  chosen,
                                             gpointer          user_data);
/* What the dialog exports. */
JpItem          *jp_export_dialog_get_scope (GtkNativeDialog  *chooser);
/* The filter of Jaarplan's XML files, for choosers that open or save. */
GtkFileFilter   *jp_xml_file_filter_new     (void);
/* The filter of PDF files, for choosers that save one. */
GtkFileFilter   *jp_pdf_file_filter_new     (void);

G_END_DECLS
