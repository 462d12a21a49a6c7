/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-contacts-print"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/contacts/jp-contacts-print.h"
#include "ui/jp-print.h"
#include "model/print/jp-contacts-pdf.h"
#include "model/store/jp-database.h"

typedef struct {
  JpStore               *db;
  JpContactsLayoutFlags  flags;
  JpContactsLayout      *layout;
} ContactsJob;

static void
contacts_job_free (gpointer data)
{
  ContactsJob *job = data;

  g_clear_object (&job->db);
  g_clear_pointer (&job->layout, jp_contacts_layout_free);
  g_free (job);
}

static guint
contacts_layout (gpointer      data,
                 PangoContext *context,
                 double        width,
                 double        height)
{
  ContactsJob *job = data;

  job->layout = jp_contacts_layout_new (JP_DATABASE (job->db), context, width, height, job->flags, NULL);
  return jp_contacts_layout_get_n_pages (job->layout);
}

static void
contacts_draw_page (gpointer  data,
                    cairo_t  *cr,
                    guint     page)
{
  ContactsJob *job = data;

  jp_contacts_layout_draw_page (job->layout, cr, page);
}

static void
contacts_clear (gpointer data)
{
  ContactsJob *job = data;

  g_clear_pointer (&job->layout, jp_contacts_layout_free);
}

static gboolean
contacts_export_pdf (gpointer   data,
                     GFile     *file,
                     GError   **error)
{
  ContactsJob *job = data;

  return jp_contacts_pdf_export_with_flags (JP_DATABASE (job->db), file, job->flags, NULL, error);
}

static const JpPrintable contacts_printable = {
  contacts_layout, contacts_draw_page, contacts_clear, contacts_export_pdf,
};

GtkPageSetup *
jp_contacts_print_get_page_setup (GSettings *settings)
{
  return jp_print_get_page_setup (settings);
}

gboolean
jp_contacts_print_preview (JpStore                *db,
                           JpContactsLayoutFlags   flags,
                           GError                **error)
{
  ContactsJob job = { db, flags, NULL };

  g_return_val_if_fail (JP_IS_DATABASE (db), FALSE);
  return jp_print_preview (&contacts_printable, &job, "jaarplan-contacts-XXXXXX.pdf", error);
}

GtkPrintOperation *
jp_contacts_print_operation_new (JpStore               *db,
                                 GSettings             *settings,
                                 JpContactsLayoutFlags  flags)
{
  ContactsJob *job = g_new0 (ContactsJob, 1);

  job->db = g_object_ref (db);
  job->flags = flags;
  /* Translators: the name of the print job (and of the file when printing
   * to a file). */
  return jp_print_operation_new (&contacts_printable, job, contacts_job_free, settings,
                                 _("Contacts Benelux Secretariat-General"));
}

void
jp_contacts_print (GtkWindow             *parent,
                   JpStore               *db,
                   GSettings             *settings,
                   JpContactsLayoutFlags  flags,
                   JpContactsPrintDone    callback,
                   gpointer               user_data)
{
  g_return_if_fail (JP_IS_STORE (db));

  jp_print_run (jp_contacts_print_operation_new (db, settings, flags), parent, callback, user_data);
}
