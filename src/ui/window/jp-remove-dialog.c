/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-remove-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/jp-kind-ui.h"
#include "ui/window/jp-remove-dialog.h"

char *
jp_remove_dialog_describe_removed (JpItem *item)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (JP_IS_ITEM (item), NULL);

  label = g_strdup (jp_item_get_label (item));
  if (g_utf8_strlen (label, -1) > 40)
    {
      char *end = g_utf8_offset_to_pointer (label, 39);
      *end = '\0';
      return g_strdup_printf (_("“%s…” removed"), label);
    }
  if (*label == '\0')
    return g_strdup_printf (_("%s removed"), jp_kind_get_title (jp_item_get_kind (item)));
  return g_strdup_printf (_("“%s” removed"), label);
}

/* "3 sections, 11 projects and 11 working groups": what @item holds. */
static char *
describe_contents (JpDatabase *db,
                   JpItem     *item)
{
  guint sections = jp_store_count_descendants (JP_STORE (db), item, JP_KIND_MASK (JP_KIND_SECTION));
  guint projects = jp_store_count_descendants (JP_STORE (db), item, JP_KIND_MASK (JP_KIND_PROJECT));
  guint groups = jp_store_count_descendants (JP_STORE (db), item, JP_KIND_MASK (JP_KIND_GROUP));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  char *result;

  if (sections > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u section", "%u sections", sections),
                                             sections));
  if (projects > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", projects),
                                             projects));
  if (groups > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u working group",
                                                          "%u working groups", groups),
                                             groups));
  if (parts->len == 0)
    return NULL;
  result = g_strdup (parts->pdata[0]);
  for (guint i = 1; i < parts->len; i++)
    {
      char *joined;

      if (i + 1 < parts->len)
        /* Translators: joins the first items of a list: "3 sections, 11 projects". */
        joined = g_strdup_printf (_("%s, %s"), result, (char *) parts->pdata[i]);
      else
        /* Translators: joins the last item of a list: "11 projects and 4 working groups". */
        joined = g_strdup_printf (_("%s and %s"), result, (char *) parts->pdata[i]);
      g_free (result);
      result = joined;
    }
  return result;
}

GtkWidget *
jp_remove_dialog_new (GtkWindow  *parent,
                      JpDatabase *db,
                      JpItem     *item)
{
  g_autofree char *heading = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (JP_IS_ITEM (item), NULL);

  /* Translators: %s is e.g. "5.7 Fiscale samenwerking". */
  heading = g_strdup_printf (_("Remove “%s”?"), jp_item_get_label (item));
  contents = describe_contents (db, item);
  if (contents != NULL)
    /* Translators: %s is what goes, e.g. "11 projects and 11 working groups". */
    body = g_strdup_printf (_("This also removes %s. You can undo this."), contents);
  else
    body = g_strdup (_("Its texts are removed with it. You can undo this."));
  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "jp-item", g_object_ref (item), g_object_unref);
  return dialog;
}

JpItem *
jp_remove_dialog_get_item (GtkWidget *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);
  return g_object_get_data (G_OBJECT (dialog), "jp-item");
}
