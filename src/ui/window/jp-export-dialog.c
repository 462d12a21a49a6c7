/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-export-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/window/jp-export-dialog.h"

GtkFileFilter *
jp_xml_file_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Jaarplan XML Files"));
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "text/xml");
  gtk_file_filter_add_suffix (filter, "xml");
  return filter;
}

static char *
suggest_name (JpItem *scope)
{
  const char *number = jp_item_get_field (scope, JP_FIELD_NUMBER);

  switch (jp_item_get_kind (scope))
    {
    case JP_KIND_SECTION:
      /* Translators: a file name; %s is the section's number. */
      return g_strdup_printf (_("section-%s.xml"), number ? number : "");
    case JP_KIND_CHAPTER:
      /* Translators: a file name; %s is the chapter's number. */
      return g_strdup_printf (_("chapter-%s.xml"), number ? number : "");
    default:
      /* Translators: a file name. */
      return g_strdup (_("jaarplan.xml"));
    }
}

static void
on_response (GtkNativeDialog *chooser,
             int              response,
             gpointer         user_data)
{
  JpExportChosenFunc chosen = g_object_get_data (G_OBJECT (chooser), "jp-chosen");
  JpItem *scope = g_object_get_data (G_OBJECT (chooser), "jp-scope");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  chosen (scope, file, user_data);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

GtkNativeDialog *
jp_export_dialog_new (GtkWindow          *parent,
                      JpItem             *scope,
                      JpExportChosenFunc  chosen,
                      gpointer            user_data)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = jp_xml_file_filter_new ();
  g_autofree char *name = suggest_name (scope);

  g_return_val_if_fail (JP_IS_ITEM (scope), NULL);
  g_return_val_if_fail (chosen != NULL, NULL);

  chooser = gtk_file_chooser_native_new (_("Export"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "jp-scope", g_object_ref (scope), g_object_unref);
  g_object_set_data (G_OBJECT (chooser), "jp-chosen", chosen);
  g_signal_connect (chooser, "response", G_CALLBACK (on_response), user_data);
  return GTK_NATIVE_DIALOG (chooser);
}
