/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/jp-print.h"
#include "ui/window/jp-export-dialog.h"
#include "ui/window/jp-window-private.h"
#include "ui/window/jp-window-publish.h"
#include "model/print/jp-publication-layout.h"
#include "model/print/jp-publication-pdf.h"
#include "model/print/jp-report-csv.h"

/* The options, with strings of their own. */
typedef struct {
  JpPublicationOptions options;
  char                *chapter;
  char                *section;
} OwnedOptions;

static OwnedOptions *
owned_options_new (const JpPublicationOptions *options)
{
  OwnedOptions *owned = g_new0 (OwnedOptions, 1);

  owned->options = *options;
  owned->chapter = g_strdup (options->chapter);
  owned->section = g_strdup (options->section);
  owned->options.chapter = owned->chapter;
  owned->options.section = owned->section;
  return owned;
}

static void
owned_options_free (gpointer data)
{
  OwnedOptions *owned = data;

  g_free (owned->chapter);
  g_free (owned->section);
  g_free (owned);
}

/* -------------------------------------------------------------- print */

typedef struct {
  JpDatabase          *db;
  OwnedOptions        *owned;
  JpPublication       *publication;
  JpPublicationLayout *layout;
} PublicationJob;

static void
publication_clear (gpointer data)
{
  PublicationJob *job = data;

  g_clear_pointer (&job->layout, jp_publication_layout_free);
  g_clear_pointer (&job->publication, jp_publication_free);
}

static void
publication_job_free (gpointer data)
{
  PublicationJob *job = data;

  publication_clear (job);
  g_clear_object (&job->db);
  g_clear_pointer (&job->owned, owned_options_free);
  g_free (job);
}

/* The plan is read as the printing begins: what is printed is what the
 * window shows then. */
static guint
publication_layout (gpointer      data,
                    PangoContext *context,
                    double        width,
                    double        height)
{
  PublicationJob *job = data;
  g_autoptr(GError) error = NULL;

  job->publication = jp_publication_new (JP_STORE (job->db), &job->owned->options, &error);
  if (job->publication == NULL)
    {
      g_warning ("Cannot print the plan: %s", error->message);
      return 0;
    }
  job->layout = jp_publication_layout_new (job->publication, job->db, context, width, height);
  return jp_publication_layout_get_n_pages (job->layout);
}

static void
publication_draw_page (gpointer  data,
                       cairo_t  *cr,
                       guint     page)
{
  PublicationJob *job = data;

  if (job->layout != NULL)
    jp_publication_layout_draw_page (job->layout, cr, page);
}

static gboolean
publication_export_pdf (gpointer   data,
                        GFile     *file,
                        GError   **error)
{
  PublicationJob *job = data;

  return jp_publication_pdf_export (job->db, &job->owned->options, file, NULL, error);
}

static const JpPrintable publication_printable = {
  publication_layout, publication_draw_page, publication_clear, publication_export_pdf,
};

GtkPrintOperation *
jp_publication_print_operation_new (JpDatabase                 *db,
                                    GSettings                  *settings,
                                    const JpPublicationOptions *options)
{
  PublicationJob *job;

  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  job = g_new0 (PublicationJob, 1);
  job->db = g_object_ref (db);
  job->owned = owned_options_new (options);
  /* Translators: the name of the print job (and of the file when printing
   * to a file). */
  return jp_print_operation_new (&publication_printable, job, publication_job_free, settings,
                                 _("Jaarplan"));
}

static void
print_done (GError   *error,
            gpointer  user_data)
{
  g_autoptr(JpWindow) self = user_data;

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _jp_window_report_failure (self, _("Printing Failed"), error);
}

static void
print_publication (JpWindow                   *self,
                   const JpPublicationOptions *options)
{
  g_autoptr(JpPublication) check = NULL;
  g_autoptr(GError) error = NULL;

  _jp_window_flush (self);
  /* A section removed meanwhile, or nothing left: said before the print
   * dialog, not after. */
  check = jp_publication_new (JP_STORE (self->db), options, &error);
  if (check == NULL)
    {
      _jp_window_report_failure (self, _("Printing Failed"), error);
      return;
    }
  jp_print_run (jp_publication_print_operation_new (self->db, self->settings, options),
                GTK_WINDOW (self), print_done, g_object_ref (self));
}

/* ------------------------------------------------------------- export */

typedef struct {
  char         *path;
  guint         year;
  OwnedOptions *owned;
  GFile        *file;
  guint         n_pages;
} ExportJob;

/* The annual report goes out as CSV to a file named so, else as PDF. */
static gboolean
is_csv (const JpPublicationOptions *options,
        GFile                      *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name ? g_utf8_strdown (name, -1) : NULL;

  return options->report && lower != NULL && g_str_has_suffix (lower, ".csv");
}

static gboolean
export_file (JpDatabase                 *db,
             const JpPublicationOptions *options,
             GFile                      *file,
             guint                      *n_pages,
             GError                    **error)
{
  if (is_csv (options, file))
    return jp_report_csv_export (JP_STORE (db), options->lang, file, error);
  return jp_publication_pdf_export (db, options, file, n_pages, error);
}

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->path);
  g_clear_pointer (&job->owned, owned_options_free);
  g_clear_object (&job->file);
  g_free (job);
}

/* On a connection of its own: the window's stays with the main loop. */
static void
export_worker (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ExportJob *job = data;
  g_autoptr(JpDatabase) db = NULL;
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  db = jp_database_open (job->path, JP_DATABASE_OPEN_DEFAULT, &error);
  /* The window's year, which need not be the latest. */
  if (db == NULL || (job->year != 0 && !jp_database_set_year (db, job->year, &error)) ||
      !export_file (db, &job->owned->options, job->file, &job->n_pages, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JpWindow *self = g_task_get_source_object (task);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  _jp_window_set_busy (self, NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _jp_window_report_failure (self, _("Export Failed"), error);
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, GUINT_TO_POINTER (job->n_pages), NULL);
  g_task_return_boolean (task, TRUE);
}

void
jp_window_export_pdf (JpWindow                   *self,
                      const JpPublicationOptions *options,
                      GFile                      *file,
                      GAsyncReadyCallback         callback,
                      gpointer                    user_data)
{
  g_autoptr(GTask) worker = NULL;
  GTask *task;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  ExportJob *job;

  g_return_if_fail (JP_IS_WINDOW (self));
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, jp_window_export_pdf);
  if (self->db == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No plan is open."));
      g_object_unref (task);
      return;
    }
  _jp_window_flush (self);
  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Exporting “%s”…"), name);
  _jp_window_set_busy (self, title);

  job = g_new0 (ExportJob, 1);
  job->path = g_strdup (jp_database_get_path (self->db));
  job->year = jp_database_get_year (self->db);
  job->owned = owned_options_new (options);
  job->file = g_object_ref (file);
  worker = g_task_new (self, self->cancellable, export_done_cb, task);
  g_task_set_task_data (worker, job, export_job_free);
  /* Cancelling stops the export before it writes; a PDF written
   * meanwhile is there, and said so. */
  g_task_set_check_cancellable (worker, FALSE);
  if (g_strcmp0 (job->path, ":memory:") == 0)
    {
      /* No other connection sees a private database: read it here. */
      GError *error = NULL;

      if (export_file (self->db, &job->owned->options, file, &job->n_pages, &error))
        g_task_return_boolean (worker, TRUE);
      else
        g_task_return_error (worker, error);
      return;
    }
  g_task_run_in_thread (worker, export_worker);
}

gboolean
jp_window_export_pdf_finish (JpWindow      *self,
                             GAsyncResult  *result,
                             guint         *n_pages,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (n_pages != NULL)
    *n_pages = GPOINTER_TO_UINT (g_task_get_task_data (G_TASK (result)));
  return TRUE;
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  JpWindow *self = JP_WINDOW (source);
  g_autoptr(GFile) file = user_data;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  guint n_pages = 0;

  /* A failure was told as it came. */
  if (!jp_window_export_pdf_finish (self, result, &n_pages, NULL))
    return;
  title = g_strdup_printf (_("Exported to “%s”"), name);
  _jp_window_show_toast (self, title);
}

#define PDF_OPTIONS "jp-publication-options"

static void
on_pdf_chosen (GtkNativeDialog *chooser,
               GFile           *file,
               gpointer         user_data)
{
  JpWindow *self = user_data;
  OwnedOptions *owned = g_object_get_data (G_OBJECT (chooser), PDF_OPTIONS);

  _jp_window_set_chooser (self, NULL, NULL);
  if (file != NULL)
    jp_window_export_pdf (self, &owned->options, file, exported_cb, g_object_ref (file));
}

/* The file name offered: after what is exported. */
static char *
suggest_pdf_name (JpWindow                   *self,
                  const JpPublicationOptions *options)
{
  if (options->report)
    /* Translators: a file name; %u is the year reported on. */
    return g_strdup_printf (_("annual-report-%u.pdf"), jp_database_get_year (self->db));
  if (options->section != NULL)
    /* Translators: a file name; %s is the section's number. */
    return g_strdup_printf (_("section-%s.pdf"), options->section);
  if (options->chapter != NULL)
    /* Translators: a file name; %s is the chapter's number. */
    return g_strdup_printf (_("chapter-%s.pdf"), options->chapter);
  /* Translators: a file name. */
  return g_strdup (_("jaarplan.pdf"));
}

static void
choose_pdf (JpWindow                   *self,
            const char                 *title,
            const JpPublicationOptions *options)
{
  g_autoptr(GtkFileFilter) filter = jp_pdf_file_filter_new ();
  g_autofree char *name = suggest_pdf_name (self, options);
  GtkNativeDialog *chooser;

  if (options->report)
    {
      /* PDF or CSV, by the name given. */
      g_object_unref (filter);
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("PDF documents and CSV tables"));
      gtk_file_filter_add_suffix (filter, "pdf");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  chooser = jp_file_chooser_new (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, title, _("_Export"),
                                 filter, on_pdf_chosen, self);
  g_object_set_data_full (G_OBJECT (chooser), PDF_OPTIONS, owned_options_new (options), owned_options_free);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  _jp_window_set_chooser (self, chooser, NULL);
  gtk_native_dialog_show (chooser);
}

/* ------------------------------------------------------------ options */

static void
on_publish_response (JpPublishDialog *dialog,
                     const char      *response,
                     JpWindow        *self)
{
  JpPublicationOptions options;

  if (self->db == NULL || g_str_equal (response, "cancel"))
    return;
  jp_publish_dialog_get_options (dialog, &options);
  if (g_str_equal (response, "print"))
    print_publication (self, &options);
  else
    choose_pdf (self, gtk_window_get_title (GTK_WINDOW (dialog)), &options);
}

JpPublishDialog *
jp_window_publish (JpWindow *self,
                   JpItem   *scope,
                   gboolean  print)
{
  JpPublishDialog *dialog;

  g_return_val_if_fail (JP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (JP_IS_ITEM (scope), NULL);

  dialog = jp_publish_dialog_new (GTK_WINDOW (self), scope, self->edit_language, print);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_publish_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

JpPublishDialog *
jp_window_publish_report (JpWindow *self,
                          gboolean  print)
{
  g_autoptr(JpItem) root = NULL;
  JpPublishDialog *dialog;

  g_return_val_if_fail (JP_IS_WINDOW (self), NULL);

  root = self->db ? jp_store_get_root (JP_STORE (self->db)) : NULL;
  if (root == NULL)
    return NULL;
  dialog = jp_publish_dialog_new_report (GTK_WINDOW (self), root, self->edit_language, print);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_publish_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
