/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/window/jp-export-dialog.h"
#include "ui/window/jp-import-dialog.h"
#include "ui/window/jp-window-private.h"
#include "model/exchange/jp-xml.h"

/* The window's part in importing and exporting: the work runs in a
 * worker thread on a connection of its own; the window chooses the file,
 * shows that it is busy and tells the outcome. */

/* Work in a worker thread shows as the header's spinner, with what it
 * is doing as its tooltip, and a button that cancels it.  (Never as a
 * toast: libadwaita 1.2 can crash when a toast is dismissed and another
 * added soon after.) */
void
_jp_window_set_busy (JpWindow   *self,
                     const char *title)
{
  gboolean busy = title != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (self->cancel_button, busy);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spinner), title);
  if (title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* The next work starts with a cancellable not yet cancelled. */
  if (!busy && g_cancellable_is_cancelled (self->cancellable))
    {
      g_object_unref (self->cancellable);
      self->cancellable = g_cancellable_new ();
    }
  if (busy != self->busy)
    {
      self->busy = busy;
      g_object_notify (G_OBJECT (self), "busy");
    }
  if (!busy)
    _jp_window_rebuild_if_pending (self);
}

gboolean
jp_window_get_busy (JpWindow *self)
{
  g_return_val_if_fail (JP_IS_WINDOW (self), FALSE);
  return self->busy;
}

void
jp_window_cancel_work (JpWindow *self)
{
  g_return_if_fail (JP_IS_WINDOW (self));

  if (self->busy)
    g_cancellable_cancel (self->cancellable);
}

/* Shows the import of @file (or its @dry_run) as busy, and returns a
 * task that carries the window, @file and which it is to the worker's
 * callback. */
static GTask *
start_import (JpWindow *self,
              GFile    *file,
              gboolean  dry_run)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  GTask *task;

  if (dry_run)
    title = g_strdup_printf (_("Reading “%s”…"), name);
  else
    title = g_strdup_printf (_("Importing “%s”…"), name);
  _jp_window_set_busy (self, title);
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  if (dry_run)
    g_task_set_source_tag (task, jp_window_import);
  return task;
}

/* Ends the work a task of start_import() carried; FALSE, with the error
 * reported unless the window was closed, when it failed. */
static gboolean
finish_work (JpWindow     *self,
             gboolean      ok,
             const GError *error)
{
  _jp_window_set_busy (self, NULL);
  if (!ok && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _jp_window_report_failure (self, _("Import Failed"), error);
  return ok;
}

/* ------------------------------------------------------------- export */

static void
export_thread_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JpWindow *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  _jp_window_set_busy (self, NULL);
  if (!jp_xml_export_finish (JP_DATABASE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _jp_window_report_failure (self, _("Export Failed"), error);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_boolean (task, TRUE);
}

void
jp_window_export (JpWindow            *self,
                  JpItem              *scope,
                  GFile               *file,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (JP_IS_WINDOW (self));
  g_return_if_fail (JP_IS_ITEM (scope));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Exporting “%s”…"), name);
  _jp_window_set_busy (self, title);
  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, jp_window_export);
  g_task_set_task_data (task, g_strdup (jp_item_get_label (scope)), g_free);

  /* Reading and writing both run in a worker thread on a connection of
   * its own; the file is replaced atomically. */
  jp_xml_export_async (self->db, scope, file, self->cancellable, export_thread_done_cb,
                       g_steal_pointer (&task));
}

gboolean
jp_window_export_finish (JpWindow      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  JpWindow *self = JP_WINDOW (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;

  /* A failure was told as it came. */
  if (!jp_window_export_finish (self, result, &error))
    return;
  title = g_strdup_printf (_("Exported to “%s”"), name);
  _jp_window_show_toast (self, title);
}

static void
on_export_chosen (GtkNativeDialog *chooser,
                  GFile           *file,
                  gpointer         user_data)
{
  JpWindow *self = user_data;

  _jp_window_set_chooser (self, NULL, NULL);
  if (file != NULL)
    jp_window_export (self, jp_export_dialog_get_scope (chooser), file, export_done_cb, g_object_ref (file));
}

void
_jp_window_choose_export (JpWindow   *self,
                          JpItem     *scope,
                          const char *action)
{
  GtkNativeDialog *chooser = jp_export_dialog_new (GTK_WINDOW (self), scope, on_export_chosen, self);

  _jp_window_set_chooser (self, chooser, action);
  gtk_native_dialog_show (chooser);
}

/* ------------------------------------------------------------- import */

static void import_step_done_cb (GObject      *source,
                                 GAsyncResult *result,
                                 gpointer      user_data);

static void
on_import_response (JpImportDialog *dialog,
                    const char     *response,
                    JpWindow       *self)
{
  GFile *file = jp_import_dialog_get_file (dialog);
  g_autoptr(GHashTable) choices = NULL;
  GTask *task;

  if (g_strcmp0 (response, "import") != 0)
    return;
  _jp_window_flush (self);
  task = start_import (self, file, FALSE);
  choices = jp_import_dialog_get_choices (dialog);
  jp_xml_import_full_async (self->db, file, jp_import_dialog_get_flags (dialog), choices, self->cancellable,
                            import_step_done_cb, task);
}

/* After the dry run: what importing would do, to be confirmed. */
static void
ask_import (JpWindow             *self,
            GFile                *file,
            const JpImportReport *report,
            const GError         *refusal)
{
  JpImportDialog *dialog = jp_import_dialog_new (GTK_WINDOW (self), file, report, refusal,
                                                 self->edit_language);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* After the import: what it did, until read. */
static void
show_imported (JpWindow             *self,
               GFile                *file,
               const JpImportReport *report)
{
  jp_sidebar_refresh (self->sidebar);
  gtk_window_present (GTK_WINDOW (jp_import_done_dialog_new (GTK_WINDOW (self), file, report)));
}

/* The end of a dry run (the task of jp_window_import()) or of an import. */
static void
import_step_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JpWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = jp_xml_import_finish (JP_DATABASE (source), result, &report, &error);
  gboolean dry_run = g_task_get_source_tag (task) == jp_window_import;

  /* A file that conflicts with edits made since it was sent, or that
   * would remove most of the plan, is for the person to decide. */
  if (!finish_work (self, dry_run ? jp_import_dialog_is_wanted (report, error) : ok, error))
    return;
  if (dry_run)
    ask_import (self, file, report, ok ? NULL : error);
  else
    show_imported (self, file, report);
}

void
jp_window_import (JpWindow *self,
                  GFile    *file)
{
  GTask *task;

  g_return_if_fail (JP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->db == NULL)
    return;
  task = start_import (self, file, TRUE);
  jp_xml_import_async (self->db, file, JP_IMPORT_DRY_RUN, self->cancellable, import_step_done_cb, task);
}

static void
on_import_chosen (GtkNativeDialog *chooser,
                  GFile           *file,
                  gpointer         user_data)
{
  JpWindow *self = user_data;

  _jp_window_set_chooser (self, NULL, NULL);
  if (file != NULL)
    jp_window_import (self, file);
}

void
_jp_window_choose_import (JpWindow   *self,
                          const char *action)
{
  GtkNativeDialog *chooser = jp_import_chooser_new (GTK_WINDOW (self), on_import_chosen, self);

  _jp_window_set_chooser (self, chooser, action);
  gtk_native_dialog_show (chooser);
}

void
_jp_window_set_chooser (JpWindow        *self,
                        GtkNativeDialog *chooser,
                        const char      *action)
{
  g_set_object (&self->chooser, chooser);
  g_free (self->chooser_action);
  self->chooser_action = g_strdup (action);
}
