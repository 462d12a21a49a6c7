/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-print"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ui/jp-print.h"

typedef struct {
  const JpPrintable *printable;
  gpointer           data;
  GDestroyNotify     destroy;
  GSettings         *settings;
  GtkPageSetup      *used_setup;
  JpPrintDone        callback;
  gpointer           user_data;
} PrintJob;

#define PRINT_JOB "jp-print-job"

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  if (job->printable->clear)
    job->printable->clear (job->data);
  if (job->destroy)
    job->destroy (job->data);
  g_clear_object (&job->settings);
  g_clear_object (&job->used_setup);
  g_free (job);
}

GtkPageSetup *
jp_print_get_page_setup (GSettings *settings)
{
  g_autoptr(GVariant) saved = settings ? g_settings_get_value (settings, "page-setup") : NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  GtkPageSetup *setup;

  if (saved && g_variant_n_children (saved) > 0)
    {
      setup = gtk_page_setup_new_from_gvariant (saved);
      if (setup)
        return setup;
    }
  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_left_margin (setup, 20, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 20, GTK_UNIT_MM);
  gtk_page_setup_set_top_margin (setup, 18, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 18, GTK_UNIT_MM);
  return setup;
}

static void
begin_print (GtkPrintOperation *op,
             GtkPrintContext   *context,
             PrintJob          *job)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  guint n_pages;

  if (job->printable->clear)
    job->printable->clear (job->data);
  n_pages = job->printable->layout (job->data, pango,
                                    gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context));
  g_object_unref (pango);
  g_set_object (&job->used_setup, gtk_print_context_get_page_setup (context));
  gtk_print_operation_set_n_pages (op, MAX (n_pages, 1));
}

static void
draw_page (GtkPrintOperation *op,
           GtkPrintContext   *context,
           int                page_nr,
           PrintJob          *job)
{
  job->printable->draw_page (job->data, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
end_print (GtkPrintOperation *op,
           GtkPrintContext   *context,
           PrintJob          *job)
{
  if (job->printable->clear)
    job->printable->clear (job->data);
}

static void
done (GtkPrintOperation       *op,
      GtkPrintOperationResult  result,
      PrintJob                *job)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (op, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && job->used_setup && job->settings)
    g_settings_set_value (job->settings, "page-setup", gtk_page_setup_to_gvariant (job->used_setup));
  if (job->callback)
    job->callback (error, job->user_data);
  job->callback = NULL;
}

gboolean
jp_print_preview (const JpPrintable  *printable,
                  gpointer            data,
                  const char         *name_template,
                  GError            **error)
{
  g_autoptr(GAppInfo) viewer = g_app_info_get_default_for_type ("application/pdf", FALSE);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GList files = { NULL, };
  int fd;

  g_return_val_if_fail (printable != NULL && printable->export_pdf != NULL, FALSE);

  if (viewer == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("No application to show PDF files is installed, so there is no preview. "
                             "Choose “Print to File” to save a PDF instead."));
      return FALSE;
    }
  fd = g_file_open_tmp (name_template, &path, error);
  if (fd < 0)
    return FALSE;
  g_close (fd, NULL);
  file = g_file_new_for_path (path);
  if (!printable->export_pdf (data, file, error))
    return FALSE;
  files.data = file;
  return g_app_info_launch (viewer, &files, NULL, error);
}

static void
end_preview (gpointer data)
{
  GtkPrintOperationPreview *preview = data;

  gtk_print_operation_preview_end_preview (preview);
  g_object_unref (preview);
}

/* The print dialog's "Preview" button: GTK would run a fixed previewer
 * (evince) and say nothing when it is missing.  The PDF opens with the
 * application for PDF files instead, or the failure is told.  GTK wants
 * a cairo context on @context once the preview is taken over (it aborts
 * without one), and the preview ended after it has set up its own. */
static gboolean
on_preview (GtkPrintOperation        *op,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            PrintJob                 *job)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (job->printable->export_pdf == NULL)
    return FALSE;
  if (!jp_print_preview (job->printable, job->data, "jaarplan-XXXXXX.pdf", &error) && job->callback)
    {
      job->callback (error, job->user_data);
      job->callback = NULL;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_idle_add_once (end_preview, g_object_ref (preview));
  return TRUE;
}

GtkPrintOperation *
jp_print_operation_new (const JpPrintable *printable,
                        gpointer           data,
                        GDestroyNotify     destroy,
                        GSettings         *settings,
                        const char        *job_name)
{
  GtkPrintOperation *op;
  g_autoptr(GtkPageSetup) setup = NULL;
  PrintJob *job;

  g_return_val_if_fail (printable != NULL, NULL);
  g_return_val_if_fail (printable->layout != NULL && printable->draw_page != NULL, NULL);

  op = gtk_print_operation_new ();
  setup = jp_print_get_page_setup (settings);
  job = g_new0 (PrintJob, 1);
  job->printable = printable;
  job->data = data;
  job->destroy = destroy;
  job->settings = settings ? g_object_ref (settings) : NULL;
  g_object_set_data_full (G_OBJECT (op), PRINT_JOB, job, print_job_free);

  gtk_print_operation_set_job_name (op, job_name);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (op, FALSE);
  gtk_print_operation_set_show_progress (op, TRUE);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print), job);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page), job);
  g_signal_connect (op, "end-print", G_CALLBACK (end_print), job);
  g_signal_connect (op, "done", G_CALLBACK (done), job);
  g_signal_connect (op, "preview", G_CALLBACK (on_preview), job);
  return op;
}

void
jp_print_run (GtkPrintOperation *op,
              GtkWindow         *parent,
              JpPrintDone        callback,
              gpointer           user_data)
{
  PrintJob *job;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (GTK_IS_PRINT_OPERATION (op));
  job = g_object_get_data (G_OBJECT (op), PRINT_JOB);
  g_return_if_fail (job != NULL);

  job->callback = callback;
  job->user_data = user_data;
  gtk_print_operation_set_allow_async (op, TRUE);
  /* Alive until it is done, however long the dialog stays open. */
  g_signal_connect_after (op, "done", G_CALLBACK (g_object_unref), NULL);
  result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  /* Errors that come before the dialog is shown do not reach "done". */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && job->callback)
    {
      job->callback (error, job->user_data);
      job->callback = NULL;
    }
}
