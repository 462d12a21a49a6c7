/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/print/jp-contacts-layout.h"
#include "model/jp-store.h"

G_BEGIN_DECLS

/* Prints the contacts page with the system's print dialog (and its
 * preview), on the page setup last used (A4 at first), which it then
 * remembers in @settings ("page-setup").  @callback gets the outcome:
 * an error to show, or none. */
typedef void (*JpContactsPrintDone) (GError   *error,
                                     gpointer  user_data);

void          jp_contacts_print            (GtkWindow             *parent,
                                            JpStore               *db,
                                            GSettings             *settings,
                                            JpContactsLayoutFlags  flags,
                                            JpContactsPrintDone    callback,
                                            gpointer               user_data);
/* The page setup in @settings, or A4 portrait with 20 mm side margins. */
/* The print preview: the PDF of the contacts page of @db (a JpDatabase),
 * opened with the application for PDF files; an error, in words for the
 * user, when there is none. */
gboolean      jp_contacts_print_preview    (JpStore               *db,
                                            JpContactsLayoutFlags  flags,
                                            GError               **error);
GtkPageSetup *jp_contacts_print_get_page_setup (GSettings         *settings);
/* A print operation ready to run: for tests and for exporting through
 * GTK (GTK_PRINT_OPERATION_ACTION_EXPORT). */
GtkPrintOperation *jp_contacts_print_operation_new (JpStore               *db,
                                                    GSettings             *settings,
                                                    JpContactsLayoutFlags  flags);

G_END_DECLS
