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

GtkFileFilter *
jp_pdf_file_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
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

JpItem *
jp_export_dialog_get_scope (GtkNativeDialog *chooser)
{
  g_return_val_if_fail (GTK_IS_NATIVE_DIALOG (chooser), NULL);
  return g_object_get_data (G_OBJECT (chooser), "jp-scope");
}

GtkNativeDialog *
jp_export_dialog_new (GtkWindow        *parent,
                      JpItem           *scope,
                      JpFileChosenFunc  chosen,
                      gpointer          user_data)
{
  GtkNativeDialog *chooser;
  g_autoptr(GtkFileFilter) filter = jp_xml_file_filter_new ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (JP_IS_ITEM (scope), NULL);

  chooser = jp_file_chooser_new (parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export"), _("_Export"), filter,
                                 chosen, user_data);
  name = suggest_name (scope);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "jp-scope", g_object_ref (scope), g_object_unref);
  return chooser;
}
