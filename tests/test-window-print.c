/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "jp-test-util.h"
#include "model/exchange/jp-xml.h"
#include "model/store/jp-database.h"
#include "ui/contacts/jp-contacts-print.h"
#include "ui/window/jp-window-publish.h"

/* The print dialog's preview opens the contacts page's PDF with the
 * application for PDF files, or says why there is no preview. */

static JpDatabase *
open_plan (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "plan.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (jp_xml_import_bundled (db, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

/* A data folder of the test's own, holding @viewer's desktop file (and
 * making it the one for PDF files) unless it is NULL. */
static char *
make_data_home (const char *viewer_exec)
{
  g_autoptr(GError) error = NULL;
  char *home = g_dir_make_tmp ("jaarplan-print-XXXXXX", &error);
  g_autofree char *apps = g_build_filename (home, "applications", NULL);

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  if (viewer_exec != NULL)
    {
      g_autofree char *desktop = g_build_filename (apps, "jp-test-viewer.desktop", NULL);
      g_autofree char *list = g_build_filename (apps, "mimeapps.list", NULL);
      g_autofree char *entry = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Viewer\n"
                                                "Exec=%s\nMimeType=application/pdf;\n", viewer_exec);

      g_assert_true (g_file_set_contents (desktop, entry, -1, NULL));
      g_assert_true (g_file_set_contents (list, "[Default Applications]\napplication/pdf=jp-test-viewer.desktop\n",
                                          -1, NULL));
    }
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_DATA_DIRS", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_DIRS", home, TRUE);
  return home;
}

static void
test_preview_without_viewer (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *home = make_data_home (NULL);
      g_autoptr(JpDatabase) db = open_plan (home);
      g_autoptr(GError) error = NULL;

      g_assert_false (jp_contacts_print_preview (JP_STORE (db), JP_CONTACTS_LAYOUT_DEFAULT, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      g_assert_nonnull (strstr (error->message, "no preview"));
      g_assert_nonnull (strstr (error->message, "Print to File"));
      g_clear_object (&db);
      jp_test_remove_dir (home);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_preview_with_viewer (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *marker_dir = g_dir_make_tmp ("jaarplan-previewed-XXXXXX", NULL);
      g_autofree char *marker = g_build_filename (marker_dir, "previewed.pdf", NULL);
      g_autofree char *exec = g_strdup_printf ("cp %%f %s", marker);
      g_autofree char *home = make_data_home (exec);
      g_autoptr(JpDatabase) db = open_plan (home);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (jp_contacts_print_preview (JP_STORE (db), JP_CONTACTS_LAYOUT_DEFAULT, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < 100 && !g_file_test (marker, G_FILE_TEST_EXISTS); i++)
        g_usleep (50000);
      g_usleep (100000);
      g_assert_true (g_file_get_contents (marker, &contents, &length, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF"));
      g_clear_object (&db);
      jp_test_remove_dir (home);
      jp_test_remove_dir (marker_dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The print dialog's Preview button (GTK's preview action): the PDF
 * opens with the viewer, and GTK, given the cairo context it wants, goes
 * on without aborting; the contacts page and the plan alike. */
static void
test_preview_action (gconstpointer data)
{
  gboolean publication = GPOINTER_TO_INT (data);

  if (g_test_subprocess ())
    {
      g_autofree char *marker_dir = g_dir_make_tmp ("jaarplan-previewed-XXXXXX", NULL);
      g_autofree char *marker = g_build_filename (marker_dir, "previewed.pdf", NULL);
      g_autofree char *exec = g_strdup_printf ("cp %%f %s", marker);
      g_autofree char *home = make_data_home (exec);
      g_autoptr(JpDatabase) db = open_plan (home);
      g_autoptr(GtkPrintOperation) op = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      JpPublicationOptions options = { 0, JP_LANG_NL, FALSE, NULL, "5.7" };

      gtk_init ();
      if (publication)
        op = jp_publication_print_operation_new (db, NULL, &options);
      else
        op = jp_contacts_print_operation_new (JP_STORE (db), NULL, JP_CONTACTS_LAYOUT_DEFAULT);
      gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < 200 && !g_file_test (marker, G_FILE_TEST_EXISTS); i++)
        {
          while (g_main_context_iteration (NULL, FALSE));
          g_usleep (20000);
        }
      for (guint i = 0; i < 50; i++)
        {
          while (g_main_context_iteration (NULL, FALSE));
          g_usleep (10000);
        }
      g_assert_true (g_file_get_contents (marker, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF"));
      g_clear_object (&db);
      jp_test_remove_dir (home);
      jp_test_remove_dir (marker_dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/print/preview-without-viewer", test_preview_without_viewer);
  g_test_add_func ("/window/print/preview-with-viewer", test_preview_with_viewer);
  g_test_add_data_func ("/window/print/preview-action/contacts", GINT_TO_POINTER (FALSE), test_preview_action);
  g_test_add_data_func ("/window/print/preview-action/publication", GINT_TO_POINTER (TRUE), test_preview_action);
  return g_test_run ();
}
