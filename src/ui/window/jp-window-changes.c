/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/store/jp-history.h"
#include "ui/window/jp-changes-dialog.h"
#include "ui/window/jp-window-private.h"

/* Versions of the plan: saving one (win.save-version: a name, then one
 * row in the database) and showing what changed since one, or since a
 * date (win.show-changes). */

static void
on_name_changed (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", *name != '\0');
}

/* Enter saves, as the Save button does, and closes the dialog. */
static void
on_name_activate (GtkEntry         *entry,
                  AdwMessageDialog *dialog)
{
  if (!adw_message_dialog_get_response_enabled (dialog, "save"))
    return;
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_save_response (AdwMessageDialog *dialog,
                  const char       *response,
                  JpWindow         *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(JpVersion) version = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || self->db == NULL)
    return;
  _jp_window_flush (self);
  version = jp_database_save_version (self->db, name, &error);
  if (version == NULL)
    {
      _jp_window_report_failure (self, _("Could Not Save the Version"), error);
      return;
    }
  _jp_window_show_toast (self, _("Version saved"));
}

static void
save_version_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Version"),
                                   _("The plan as it is now keeps this name: later you can see what "
                                     "changed since, or export it."));
  entry = gtk_entry_new ();
  /* Translators: an example of a version's name. */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Sent to the Committee of Ministers"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_name_changed), dialog, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_name_activate), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
show_changes_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);

  _jp_window_flush (self);
  gtk_window_present (GTK_WINDOW (jp_changes_dialog_new (self)));
}

void
_jp_window_changes_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save-version", NULL, save_version_cb);
  gtk_widget_class_install_action (widget_class, "win.show-changes", NULL, show_changes_cb);
}
