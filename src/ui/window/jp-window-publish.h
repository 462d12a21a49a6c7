/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/print/jp-publication.h"
#include "ui/window/jp-publish-dialog.h"
#include "ui/window/jp-window.h"

G_BEGIN_DECLS

/* The published plan from the window: printed with the system's print
 * dialog, or exported as PDF, after asking for the options. */

/* Asks for the options of publishing @scope (the plan's root, a chapter
 * or a section), then prints it (@print) or asks where to export it as
 * PDF.  Returns the dialog asking, owned by the window. */
JpPublishDialog   *jp_window_publish            (JpWindow                    *self,
                                                 JpItem                      *scope,
                                                 gboolean                     print);
/* The same for the annual report of the open year: asks its language,
 * then prints it or asks where to export it, as PDF or, for a file
 * named *.csv, as CSV. */
JpPublishDialog   *jp_window_publish_report     (JpWindow                    *self,
                                                 gboolean                     print);
/* Exports the publication @options describe to @file as PDF (the annual
 * report to a *.csv file as CSV), in a worker
 * thread on a connection of its own, the file replaced atomically; the
 * header shows the work and can cancel it.  A failure is reported as it
 * comes; jp_window_export_pdf_finish() tells it too. */
void               jp_window_export_pdf         (JpWindow                    *self,
                                                 const JpPublicationOptions  *options,
                                                 GFile                       *file,
                                                 GAsyncReadyCallback          callback,
                                                 gpointer                     user_data);
gboolean           jp_window_export_pdf_finish  (JpWindow                    *self,
                                                 GAsyncResult                *result,
                                                 guint                       *n_pages,
                                                 GError                     **error);
/* A print operation for the publication @options describe, on the page
 * setup kept in @settings (the one the contacts page prints on): for
 * the print dialog, and for tests and exporting through GTK
 * (GTK_PRINT_OPERATION_ACTION_EXPORT). */
GtkPrintOperation *jp_publication_print_operation_new (JpDatabase                 *db,
                                                       GSettings                  *settings,
                                                       const JpPublicationOptions *options);

G_END_DECLS
