/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "jp-test-util.h"
#include "model/exchange/jp-xml.h"

void
jp_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        jp_test_remove_dir (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

char *
jp_test_replace (const char *haystack,
                 const char *needle,
                 const char *replacement)
{
  GString *s = g_string_new (haystack);

  g_assert_nonnull (strstr (haystack, needle));
  g_string_replace (s, needle, replacement, 1);
  return g_string_free (s, FALSE);
}

void
jp_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
jp_test_wait_a_moment (void)
{
  for (int i = 0; i < 20; i++)
    jp_test_iterate ();
}

JpDatabase *
jp_test_open_seeded (const char           *path,
                     JpDatabaseOpenFlags   flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = jp_database_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  if (jp_database_is_new (db))
    g_assert_true (jp_xml_import_bundled (db, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

JpDatabase *
jp_test_open_memory (gboolean seeded)
{
  g_autoptr(GError) error = NULL;
  JpDatabase *db;

  if (seeded)
    return jp_test_open_seeded (":memory:", JP_DATABASE_OPEN_DEFAULT);
  db = jp_database_open (":memory:", JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

void
jp_test_plan_set_up (JpTestPlan    *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plan.db", NULL);
  f->db = jp_database_open (f->path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->db);
}

void
jp_test_plan_tear_down (JpTestPlan    *f,
                        gconstpointer  data)
{
  g_clear_object (&f->db);
  jp_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

JpItem *
jp_test_add_item (JpStore *store,
                  JpItem  *parent,
                  JpKind   kind)
{
  g_autoptr(GError) error = NULL;
  JpItem *item = jp_store_add_item (store, parent, kind, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

gboolean
jp_test_search_finds (JpStore    *store,
                      const char *query,
                      JpItem     *item)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = jp_store_search (store, query, 2000, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    if (g_array_index (hits, gint64, i) == jp_item_get_id (item))
      return TRUE;
  return FALSE;
}

char *
jp_test_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (to, contents, len, NULL));
}

void
jp_test_unclean_image (const char *path,
                       const char *image)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *image_wal = g_strconcat (image, "-wal", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", JP_DATABASE_SCHEMA_VERSION);
  sqlite3 *db;

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  /* The files as they are while the connection is open. */
  copy_file (path, image);
  copy_file (wal, image_wal);
  sqlite3_close (db);
}

void
jp_test_add_unused_page (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *grown = NULL;
  gsize len, page_size;
  guint32 pages;
  guchar *header;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, 100);
  header = (guchar *) contents;
  page_size = header[16] << 8 | header[17];
  if (page_size == 1)
    page_size = 65536;
  pages = (guint32) (len / page_size);
  grown = g_malloc0 (len + page_size);
  memcpy (grown, contents, len);
  header = (guchar *) grown;
  pages++;
  header[28] = pages >> 24;
  header[29] = pages >> 16;
  header[30] = pages >> 8;
  header[31] = pages;
  g_assert_true (g_file_set_contents (path, grown, len + page_size, NULL));
}

char *
jp_test_pdf_to_text (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}
