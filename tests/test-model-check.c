/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"

#include <string.h>

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "model/store/jp-database.h"

/* The full check of a plan file (PRAGMA quick_check) runs only when the
 * last program that had it open did not close it cleanly.  The damage
 * used here, a page nothing uses, is one only that check sees: a file
 * holding it opens when no check runs and is refused when one does. */

typedef struct {
  char *dir;
  char *path;      /* a plan file, closed cleanly */
  char *image;     /* the same, as an unclean end leaves it */
  char *chapter;   /* the uid of a chapter in it */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = NULL;

  f->dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "plan.db", NULL);
  f->image = g_build_filename (f->dir, "unclean.db", NULL);
  db = jp_database_open (f->path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jp_database_get_integrity (db), ==, JP_DATABASE_INTEGRITY_OK);
  {
    g_autoptr(JpItem) root = jp_database_get_root (db);
    g_autoptr(JpItem) chapter = jp_test_add_item (JP_STORE (db), root, JP_KIND_CHAPTER);

    f->chapter = g_strdup (jp_item_get_uid (chapter));
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jp_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->image);
  g_free (f->chapter);
}

static gboolean
quick_check_passes (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gboolean ok;

  /* Read-write: a connection that only reads leaves a -wal behind. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

static gboolean
wal_exists (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return g_file_test (wal, G_FILE_TEST_EXISTS);
}

/* Changes the title of the chapter; FALSE with @error when the store
 * refused. */
static gboolean
try_edit (Fixture     *f,
          JpDatabase  *db,
          GError     **error)
{
  g_autoptr(JpItem) chapter = jp_database_lookup_uid (db, f->chapter);

  g_assert_nonnull (chapter);
  return jp_database_set_text (db, chapter, JP_TEXT_TITLE, JP_LANG_NL, "Samenwerking", error);
}

static gboolean
title_changed (Fixture    *f,
               JpDatabase *db)
{
  g_autoptr(JpItem) chapter = jp_database_lookup_uid (db, f->chapter);

  return g_strcmp0 (jp_item_get_text (chapter, JP_TEXT_TITLE, JP_LANG_NL), "Samenwerking") == 0;
}

static void
count (guint *counter)
{
  (*counter)++;
}

static void
wait_for_check (JpDatabase *db)
{
  while (jp_database_get_integrity (db) == JP_DATABASE_INTEGRITY_CHECKING)
    g_main_context_iteration (NULL, TRUE);
}

/* After a clean close nothing is checked: the damaged file opens. */
static void
test_clean_close_not_checked (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = NULL;

  jp_test_add_unused_page (f->path);
  g_assert_false (quick_check_passes (f->path));
  g_assert_false (wal_exists (f->path));

  db = jp_database_open (f->path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jp_database_get_integrity (db), ==, JP_DATABASE_INTEGRITY_OK);
  g_clear_object (&db);

  db = jp_database_open (f->path, JP_DATABASE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jp_database_get_integrity (db), ==, JP_DATABASE_INTEGRITY_OK);
  g_assert_true (try_edit (f, db, &error));
  g_assert_no_error (error);
}

/* After an unclean end the same file is refused where it is opened. */
static void
test_unclean_checked_at_open (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = NULL;

  jp_test_add_unused_page (f->path);
  jp_test_unclean_image (f->path, f->image);
  g_assert_null (jp_database_open (f->image, JP_DATABASE_OPEN_DEFAULT, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "is damaged. It has not been changed"));
  /* Its -wal stays: the next opening checks it again. */
  g_assert_true (wal_exists (f->image));
  g_clear_error (&error);
  g_assert_null (jp_database_open (f->image, JP_DATABASE_OPEN_DEFAULT, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CORRUPT);
}

/* A sound file after an unclean end is checked once: closed after the
 * check, its -wal is gone and the next opening checks nothing. */
static void
test_unclean_sound_checked_once (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = NULL;

  jp_test_unclean_image (f->path, f->image);
  db = jp_database_open (f->image, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jp_database_get_integrity (db), ==, JP_DATABASE_INTEGRITY_OK);
  g_assert_true (try_edit (f, db, &error));
  g_clear_object (&db);
  g_assert_false (wal_exists (f->image));
}

/* Checked later: the plan reads at once, every change is refused with
 * the reason until the check has passed, then goes through. */
static void
test_check_later_passes (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = NULL;
  g_autoptr(JpItem) contacts = NULL;

  jp_test_unclean_image (f->path, f->image);
  db = jp_database_open (f->image, JP_DATABASE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jp_database_get_integrity (db), ==, JP_DATABASE_INTEGRITY_CHECKING);
  contacts = jp_database_lookup_uid (db, "contacts");
  g_assert_nonnull (contacts);

  g_assert_false (try_edit (f, db, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "is being checked"));
  g_clear_error (&error);
  g_assert_false (title_changed (f, db));

  wait_for_check (db);
  g_assert_cmpint (jp_database_get_integrity (db), ==, JP_DATABASE_INTEGRITY_OK);
  g_assert_true (try_edit (f, db, &error));
  g_assert_no_error (error);
  g_assert_true (title_changed (f, db));
  g_clear_object (&db);
  g_assert_false (wal_exists (f->image));
}

/* Checked later and found damaged: read only, nothing written, and the
 * next opening checks again. */
static void
test_check_later_damaged (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = NULL;
  guint notified = 0;

  jp_test_add_unused_page (f->path);
  jp_test_unclean_image (f->path, f->image);
  db = jp_database_open (f->image, JP_DATABASE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_signal_connect_swapped (db, "notify::integrity", G_CALLBACK (count), &notified);
  g_assert_cmpint (jp_database_get_integrity (db), ==, JP_DATABASE_INTEGRITY_CHECKING);

  wait_for_check (db);
  g_assert_cmpint (jp_database_get_integrity (db), ==, JP_DATABASE_INTEGRITY_DAMAGED);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (try_edit (f, db, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "is damaged. It has not been changed"));
  g_assert_false (title_changed (f, db));
  g_clear_object (&db);

  g_assert_true (wal_exists (f->image));
  g_clear_error (&error);
  g_assert_null (jp_database_open (f->image, JP_DATABASE_OPEN_DEFAULT, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CORRUPT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/model/check/clean-close-not-checked", Fixture, NULL,
              fixture_set_up, test_clean_close_not_checked, fixture_tear_down);
  g_test_add ("/model/check/unclean-checked-at-open", Fixture, NULL,
              fixture_set_up, test_unclean_checked_at_open, fixture_tear_down);
  g_test_add ("/model/check/unclean-sound-checked-once", Fixture, NULL,
              fixture_set_up, test_unclean_sound_checked_once, fixture_tear_down);
  g_test_add ("/model/check/later-passes", Fixture, NULL,
              fixture_set_up, test_check_later_passes, fixture_tear_down);
  g_test_add ("/model/check/later-damaged", Fixture, NULL,
              fixture_set_up, test_check_later_damaged, fixture_tear_down);
  return g_test_run ();
}
