/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/store/jp-database.h"

G_BEGIN_DECLS

/* Called once, when the person has chosen: @file is where to write
 * @scope, or NULL when the dialog was cancelled or closed. */
typedef void (*JpExportChosenFunc) (JpItem   *scope,
                                    GFile    *file,
                                    gpointer  user_data);

/* A modal save dialog for exporting @scope (the plan's root, a chapter or
 * a section), proposing a file name after it.  It destroys itself after
 * calling @chosen and drops the reference it returns with; the response
 * handler's data is @user_data (so g_signal_handlers_disconnect_by_data()
 * stops it). */
GtkNativeDialog *jp_export_dialog_new     (GtkWindow          *parent,
                                           JpItem             *scope,
                                           JpExportChosenFunc  chosen,
                                           gpointer            user_data);
/* The filter of Jaarplan's XML files, for choosers that open or save. */
GtkFileFilter   *jp_xml_file_filter_new   (void);

G_END_DECLS
