/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-xml.h"
#include "jp-test-util.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "model/store/jp-database.h"
#include "model/store/jp-sqlite-private.h"
#include "model/exchange/jp-xml.h"

/* The exchange format: the export, and round trips through it. */

/* ---------------------------------------------------------------- export */

static void
test_export_valid (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpItem) root = jp_database_get_root (db);
  g_autoptr(JpItem) contacts = jp_database_find_child (db, root, JP_KIND_CONTACTS);
  g_autoptr(GBytes) plan = export_all (db);
  g_autoptr(GBytes) chapter = export_numbered (db, JP_KIND_CHAPTER, "5");
  g_autoptr(GBytes) section = export_numbered (db, JP_KIND_SECTION, "5.7");
  g_autoptr(GBytes) people = export_item (db, contacts);

  validate_in_process (plan);
  validate_in_process (chapter);
  validate_in_process (section);
  validate_in_process (people);
  validate_with_xmllint (plan, "plan.xml");
  validate_with_xmllint (chapter, "chapter.xml");
  validate_with_xmllint (section, "section.xml");
  validate_with_xmllint (people, "contacts.xml");
}

static void
test_export_deterministic (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpDatabase) other = jp_test_open_memory (TRUE);
  g_autoptr(GBytes) a = export_all (db);
  g_autoptr(GBytes) b = export_all (db);
  g_autoptr(GBytes) c = export_all (other);

  assert_same_bytes (a, b);
  assert_same_bytes (a, c);
}

/* The bundled plan is in the exporter's normal form, but for the order of
 * the root's attributes: exporting it gives it back line for line. */
static void
test_export_bundled (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpDatabase) again = jp_test_open_memory (FALSE);
  g_autoptr(GBytes) bundled = load_file (g_getenv ("JAARPLAN_BUNDLED"));
  g_autoptr(GBytes) first = export_all (db);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(JpImportReport) report = NULL;
  g_autofree char *bundled_text = bytes_to_string (bundled);
  g_autofree char *first_text = bytes_to_string (first);
  g_auto(GStrv) bundled_lines = g_strsplit (bundled_text, "\n", -1);
  g_auto(GStrv) first_lines = g_strsplit (first_text, "\n", -1);

  report = import_ok (again, first, FALSE);
  second = export_all (again);
  assert_same_bytes (first, second);

  g_assert_cmpuint (g_strv_length (bundled_lines), ==, g_strv_length (first_lines));
  for (guint i = 0; bundled_lines[i]; i++)
    {
      if (g_str_has_prefix (bundled_lines[i], "<plan "))
        {
          g_assert_true (g_str_has_prefix (first_lines[i], "<plan "));
          continue;
        }
      g_assert_cmpstr (bundled_lines[i], ==, first_lines[i]);
    }
}

/* ---------------------------------------------------------------- round trips */

static void
test_roundtrip_new_db (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpDatabase) empty = jp_test_open_memory (FALSE);
  g_autoptr(JpDatabase) third = jp_test_open_memory (FALSE);
  g_autoptr(GBytes) a = export_all (db);
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GBytes) c = NULL;
  g_autoptr(JpImportReport) r1 = NULL;
  g_autoptr(JpImportReport) r2 = NULL;
  g_autoptr(JpItem) root = jp_database_get_root (db);
  guint n_items = jp_database_count_descendants (db, root, JP_KIND_MASK_ALL);

  g_assert_cmpuint (n_items, >, 500);
  r1 = import_ok (empty, a, FALSE);
  g_assert_cmpuint (r1->scope, ==, JP_SCOPE_PLAN);
  g_assert_cmpuint (jp_import_report_total (r1, r1->added), ==, n_items - 1);   /* all but the contacts */
  g_assert_cmpuint (jp_import_report_total (r1, r1->removed), ==, 0);
  b = export_all (empty);
  assert_same_bytes (a, b);

  r2 = import_ok (third, b, FALSE);
  c = export_all (third);
  assert_same_bytes (b, c);

  /* The same file again changes nothing. */
  g_clear_pointer (&r2, jp_import_report_free);
  r2 = import_ok (third, c, FALSE);
  g_assert_cmpuint (jp_import_report_total (r2, r2->added), ==, 0);
  g_assert_cmpuint (jp_import_report_total (r2, r2->changed), ==, 0);
  g_assert_cmpuint (jp_import_report_total (r2, r2->removed), ==, 0);

  g_clear_object (&root);
  root = jp_database_get_root (empty);
  g_assert_cmpstr (jp_item_get_field (root, JP_FIELD_NUMBER), ==, "2013");
}

/* Progress is carried by format 2, and only a file that holds it says
 * so: the file of a plan without progress stays format 1. */
static void
test_roundtrip_progress (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpDatabase) other = jp_test_open_memory (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  g_autoptr(GListModel) children = jp_database_get_children (db, section, JP_KIND_MASK (JP_KIND_PROJECT));
  g_autoptr(JpItem) project = NULL;
  g_autoptr(JpItem) copy = NULL;
  g_autoptr(GBytes) plain = export_all (db);
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GBytes) part = NULL;
  g_autofree char *text = bytes_to_string (plain);
  g_autofree char *with = NULL;
  g_autoptr(JpImportReport) report = NULL;

  g_assert_nonnull (strstr (text, " version=\"1\""));
  for (guint i = 0; project == NULL && i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(JpItem) child = g_list_model_get_item (children, i);

      if (jp_item_get_kind (child) == JP_KIND_PROJECT)
        project = g_steal_pointer (&child);
    }
  g_assert_nonnull (project);
  g_assert_true (jp_database_set_text (db, project, JP_TEXT_PROGRESS, JP_LANG_NL,
                                       "Eerste lezing \"gereed\".\n\nTweede volgt", &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_set_text (db, project, JP_TEXT_PROGRESS, JP_LANG_FR, "En cours", &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_set_field (db, project, JP_FIELD_PROGRESS_DATE, "2013-06-30", &error));
  g_assert_no_error (error);

  a = export_all (db);
  with = bytes_to_string (a);
  g_assert_nonnull (strstr (with, " version=\"2\""));
  g_assert_nonnull (strstr (with, "progress-date=\"2013-06-30\""));
  g_assert_nonnull (strstr (with, "<progress xml:lang=\"fr\">En cours</progress>"));
  validate_in_process (a);
  validate_with_xmllint (a, "progress.xml");
  part = export_numbered (db, JP_KIND_SECTION, "5.7");
  validate_with_xmllint (part, "progress-section.xml");

  report = import_ok (other, a, FALSE);
  b = export_all (other);
  assert_same_bytes (a, b);
  copy = jp_database_lookup_uid (other, jp_item_get_uid (project));
  g_assert_nonnull (copy);
  g_assert_cmpstr (jp_item_get_text (copy, JP_TEXT_PROGRESS, JP_LANG_NL), ==, "Eerste lezing \"gereed\".\n\nTweede volgt");
  g_assert_cmpstr (jp_item_get_text (copy, JP_TEXT_PROGRESS, JP_LANG_FR), ==, "En cours");
  g_assert_cmpstr (jp_item_get_field (copy, JP_FIELD_PROGRESS_DATE), ==, "2013-06-30");
}

static void
test_roundtrip_twice (void)
{
  g_autoptr(GBytes) bundled = load_file (g_getenv ("JAARPLAN_BUNDLED"));
  g_autoptr(JpDatabase) one = jp_test_open_memory (FALSE);
  g_autoptr(JpDatabase) two = jp_test_open_memory (FALSE);
  g_autoptr(JpImportReport) r1 = NULL;
  g_autoptr(JpImportReport) r2 = NULL;
  g_autoptr(GBytes) x1 = NULL;
  g_autoptr(GBytes) x2 = NULL;

  r1 = import_ok (one, bundled, FALSE);
  x1 = export_all (one);
  r2 = import_ok (two, x1, FALSE);
  x2 = export_all (two);
  assert_same_bytes (x1, x2);
  g_assert_cmpuint (jp_import_report_total (r1, r1->added), ==, jp_import_report_total (r2, r2->added));
}

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

/* The window exports through a worker thread on a connection of its own:
 * the same bytes as the plain export, and the file complete. */
static void
test_export_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (tmp_dir, "async.db", NULL);
  g_autofree char *out_path = g_build_filename (tmp_dir, "async.xml", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(JpDatabase) db = jp_test_open_seeded (db_path, JP_DATABASE_OPEN_DEFAULT);
  g_autoptr(JpItem) section = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *written = NULL;
  gsize len;

  g_assert_no_error (error);
  section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  expected = export_item (db, section);

  jp_xml_export_async (db, section, out, NULL, on_async_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (jp_xml_export_finish (db, result, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (out_path, &written, &len, NULL));
  g_assert_cmpmem (written, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

int
main (int    argc,
      char **argv)
{
  int rc;

  jp_test_xml_init (&argc, &argv);

  g_test_add_func ("/xml/export/valid", test_export_valid);
  g_test_add_func ("/xml/export/deterministic", test_export_deterministic);
  g_test_add_func ("/xml/export/async-in-thread", test_export_async);
  g_test_add_func ("/xml/export/bundled-normal-form", test_export_bundled);
  g_test_add_func ("/xml/roundtrip/new-database", test_roundtrip_new_db);
  g_test_add_func ("/xml/roundtrip/import-export-twice", test_roundtrip_twice);
  g_test_add_func ("/xml/roundtrip/progress", test_roundtrip_progress);
  rc = jp_test_xml_run ();
  return rc;
}
