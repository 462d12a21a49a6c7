/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the contacts page and the published plan share to print: a print
 * operation with the system's print dialog, its preview opened as a PDF
 * with the application for PDF files, and the page setup remembered in
 * GSettings ("page-setup"). */

typedef struct {
  /* Lays the pages out for a printable area of @width × @height points
   * (@context at 72 dpi); returns the number of pages. */
  guint    (*layout)     (gpointer      data,
                          PangoContext *context,
                          double        width,
                          double        height);
  /* Draws page @page (from 0) with the printable area's top left at the
   * origin of @cr. */
  void     (*draw_page)  (gpointer      data,
                          cairo_t      *cr,
                          guint         page);
  /* Drops what layout() made. */
  void     (*clear)      (gpointer      data);
  /* Writes the whole as an A4 PDF to @file, for the preview. */
  gboolean (*export_pdf) (gpointer      data,
                          GFile        *file,
                          GError      **error);
} JpPrintable;

/* The outcome of a print: an error to show, or none. */
typedef void (*JpPrintDone) (GError   *error,
                             gpointer  user_data);

/* The page setup in @settings, or A4 portrait with 20 mm side margins. */
GtkPageSetup      *jp_print_get_page_setup (GSettings         *settings);
/* A print operation ready to run, printing @printable with @data (freed
 * with @destroy when the operation goes); once printed, the page setup
 * used is kept in @settings. */
GtkPrintOperation *jp_print_operation_new  (const JpPrintable *printable,
                                            gpointer           data,
                                            GDestroyNotify     destroy,
                                            GSettings         *settings,
                                            const char        *job_name);
/* Shows the print dialog for @op (from jp_print_operation_new()), its
 * "Preview" opening the PDF; @callback is called once, with the
 * outcome. */
void               jp_print_run            (GtkPrintOperation *op,
                                            GtkWindow         *parent,
                                            JpPrintDone        callback,
                                            gpointer           user_data);
/* The preview: @printable's PDF, in a temporary file named after
 * @name_template ("jaarplan-XXXXXX.pdf"), opened with the application for
 * PDF files; an error, in words for the user, when there is none. */
gboolean           jp_print_preview        (const JpPrintable *printable,
                                            gpointer           data,
                                            const char        *name_template,
                                            GError           **error);

G_END_DECLS
