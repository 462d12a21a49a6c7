/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-file-chooser"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/window/jp-file-chooser.h"

static void
on_response (GtkNativeDialog *chooser,
             int              response,
             gpointer         user_data)
{
  JpFileChosenFunc chosen = g_object_get_data (G_OBJECT (chooser), "jp-chosen");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  chosen (chooser, file, user_data);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

GtkNativeDialog *
jp_file_chooser_new (GtkWindow            *parent,
                     GtkFileChooserAction  action,
                     const char           *title,
                     const char           *accept_label,
                     GtkFileFilter        *filter,
                     JpFileChosenFunc      chosen,
                     gpointer              user_data)
{
  GtkFileChooserNative *chooser;

  g_return_val_if_fail (GTK_IS_FILE_FILTER (filter), NULL);
  g_return_val_if_fail (chosen != NULL, NULL);

  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "jp-chosen", chosen);
  g_signal_connect (chooser, "response", G_CALLBACK (on_response), user_data);
  return GTK_NATIVE_DIALOG (chooser);
}

void
jp_file_chooser_close (GtkNativeDialog **chooser,
                       gpointer          user_data)
{
  GtkNativeDialog *closing;

  g_return_if_fail (chooser != NULL);

  closing = g_steal_pointer (chooser);
  if (closing == NULL)
    return;
  g_signal_handlers_disconnect_by_data (closing, user_data);
  gtk_native_dialog_destroy (closing);
  g_object_unref (closing);  /* the reference its response drops */
  g_object_unref (closing);
}
