/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"

#include <string.h>
#include <unistd.h>

#include <sqlite3.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "model/store/jp-database.h"
#include "model/jp-file.h"
#include "model/store/jp-schema.h"

typedef JpTestPlan Fixture;

static void
test_newer_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len, after_len;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1246776398; CREATE TABLE future (x);"
                                     "PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  g_assert_null (jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "newer version"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  jp_test_remove_dir (dir);
}

static void
test_other_files_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.db", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.db", NULL);
  sqlite3 *db;

  g_assert_true (g_file_set_contents (garbage, "this is not a database at all, just some text ........"
                                      "................................................", -1, NULL));
  g_assert_null (jp_database_open (garbage, JP_DATABASE_OPEN_DEFAULT, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (jp_database_open (foreign, JP_DATABASE_OPEN_DEFAULT, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CORRUPT);
  jp_test_remove_dir (dir);
}

/* A database of the first schema (no prefix indexes for the search) is
 * upgraded in place, keeping its plan, and finds what it found before. */
static void
test_migration_from_1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autoptr(JpDatabase) db = NULL;
  g_autoptr(GArray) hits = NULL;
  sqlite3 *raw;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, jp_schema_migrations[0], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "PRAGMA user_version = 1; PRAGMA application_id = 1246776398;"
                                 "INSERT INTO item (id, uid, kind) VALUES (1, 'plan', 'plan');"
                                 "INSERT INTO item (id, uid, kind, parent) VALUES (2, 'contacts', 'contacts', 1);"
                                 "INSERT INTO item (id, uid, kind, parent, number) VALUES (3, 'c5', 'chapter', 1, '5');"
                                 "INSERT INTO item (id, uid, kind, parent, number) VALUES (4, 's57', 'section', 3, '5.7');"
                                 "INSERT INTO item (id, uid, kind, parent, code) VALUES (5, 'g1', 'group', 4, 'FISC-MTIC BENELUX');"
                                 "INSERT INTO text (item, field, lang, value) VALUES (4, 'title', 'nl', 'Fiscale samenwerking');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(JpItem) section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
    g_assert_nonnull (section);
    g_assert_cmpstr (jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_NL), ==, "Fiscale samenwerking");
  }
  hits = jp_database_search (db, "fi", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);   /* the title, and the code "FISC-…" */
  g_clear_pointer (&hits, g_array_unref);
  hits = jp_database_search (db, "MTIC", 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_object (&db);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT sql LIKE '%prefix%' FROM sqlite_schema WHERE name = 'text_fts'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  jp_test_remove_dir (dir);
}

static void
test_migration_from_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(JpDatabase) db = NULL;
  sqlite3 *raw;
  sqlite3_stmt *stmt;

  /* A version-0 file (empty) is brought to the current schema. */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  sqlite3_close (raw);
  db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, JP_DATABASE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  jp_test_remove_dir (dir);
}

/* ------------------------------------------------- databases checked on open */

static char *
read_file (const char *path,
           gsize      *len)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, len, NULL));
  return contents;
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *raw;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

/* Opening @path fails with @code and a message holding @phrase; the
 * file's bytes are as they were, and no -wal is left. */
static void
assert_refused_untouched (const char *path,
                          int         code,
                          const char *phrase)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gsize before_len, after_len;

  before = read_file (path, &before_len);
  g_assert_null (jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error));
  g_assert_error (error, JP_DATABASE_ERROR, code);
  if (strstr (error->message, phrase) == NULL)
    g_error ("“%s” does not say “%s”", error->message, phrase);
  after = read_file (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_negative_version_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "negative.db", NULL);
  const char *versions[] = { "-1", "-2", "-2147483648" };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = 1246776398; CREATE TABLE t (x);"
                                              "PRAGMA user_version = %s;", versions[i]);
      g_autofree char *phrase = g_strdup_printf ("unknown format (%s)", versions[i]);

      g_remove (path);
      run_sql (path, sql);
      assert_refused_untouched (path, JP_DATABASE_ERROR_CORRUPT, phrase);
    }
  jp_test_remove_dir (dir);
}

static void
test_version_0_with_tables_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v0.db", NULL);

  /* Marked as ours, but never given a format: "table item already
   * exists" before. */
  run_sql (path, "PRAGMA application_id = 1246776398; CREATE TABLE item (x);");
  assert_refused_untouched (path, JP_DATABASE_ERROR_CORRUPT, "is not a Jaarplan database");
  jp_test_remove_dir (dir);
}

/* Each damage to a database of the current format, and the words that
 * must name it. */
static const struct {
  const char *sql;
  const char *phrase;
} damages[] = {
  { "DROP TRIGGER item_undo_u;", "the trigger “item_undo_u” is missing" },
  { "DROP TRIGGER text_fts_i;", "the trigger “text_fts_i” is missing" },
  { "DROP TABLE text_fts;", "the table “text_fts” is missing" },
  { "DROP TABLE item_fts_data;", "the table “item_fts_data” is missing" },
  { "DROP INDEX item_by_parent;", "the index “item_by_parent” is missing" },
  { "DROP TABLE undo_log;", "the table “undo_log” is missing" },
  { "DROP TRIGGER link_undo_d;"
    "CREATE TRIGGER link_undo_d BEFORE DELETE ON link BEGIN SELECT 1; END;",
    "the trigger “link_undo_d” is not as this version made it" },
  { "CREATE TRIGGER sneaky AFTER INSERT ON item BEGIN DELETE FROM text; END;",
    "it holds a trigger “sneaky” that this version did not make" },
  { "CREATE INDEX extra ON text (value);", "it holds an index “extra” that this version did not make" },
  { "DELETE FROM undo_state;", "the state of the undo history is missing" },
};

static void
test_damaged_schema_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *good = g_build_filename (dir, "good.db", NULL);
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *contents = NULL;
  JpDatabase *db;
  gsize len;

  db = jp_database_open (good, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  contents = read_file (good, &len);

  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_test_message ("%s", damages[i].sql);
      g_assert_true (g_file_set_contents (path, contents, len, NULL));
      run_sql (path, damages[i].sql);
      assert_refused_untouched (path, JP_DATABASE_ERROR_CORRUPT, damages[i].phrase);
    }

  /* What ANALYZE adds is no damage. */
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  run_sql (path, "ANALYZE;");
  db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  jp_test_remove_dir (dir);
}

/* A database of format 1 that is missing what format 1 had is refused
 * before any migration is run on it. */
static void
test_damaged_old_schema_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autofree char *sql = g_strconcat (jp_schema_migrations[0],
                                      "PRAGMA user_version = 1; PRAGMA application_id = 1246776398;"
                                      "DROP TRIGGER item_fts_u;", NULL);

  run_sql (path, sql);
  assert_refused_untouched (path, JP_DATABASE_ERROR_CORRUPT, "the trigger “item_fts_u” is missing");
  jp_test_remove_dir (dir);
}

/* A trial run reads the file into memory: a missing file is not made,
 * an old one is not upgraded, and no change reaches the file. */
static void
test_copy_changes_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *sql = g_strconcat (jp_schema_migrations[0],
                                      "PRAGMA user_version = 1; PRAGMA application_id = 1246776398;"
                                      "INSERT INTO item (id, uid, kind) VALUES (1, 'plan', 'plan');"
                                      "INSERT INTO item (id, uid, kind, parent) VALUES (2, 'contacts', 'contacts', 1);"
                                      "PRAGMA journal_mode = WAL;", NULL);
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len, after_len;
  JpDatabase *db;

  g_assert_null (jp_database_open (missing, JP_DATABASE_OPEN_COPY, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  run_sql (path, sql);
  before = read_file (path, &before_len);
  db = jp_database_open (path, JP_DATABASE_OPEN_COPY, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  {
    g_autoptr(JpItem) root = jp_database_get_root (db);
    g_autoptr(JpItem) chapter = jp_database_add_item (db, root, JP_KIND_CHAPTER, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (chapter);
  }
  g_object_unref (db);
  after = read_file (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  jp_test_remove_dir (dir);
}

/* --------------------------------------------------------- safe targets */

static GBytes *
some_bytes (void)
{
  return g_bytes_new_static ("new content\n", 12);
}

static void
assert_write_refused (const char *target,
                      int         code,
                      const char *phrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GBytes) bytes = some_bytes ();

  g_assert_false (jp_file_write_atomically (file, bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, code);
  if (strstr (error->message, phrase) == NULL)
    g_error ("“%s” does not say “%s”", error->message, phrase);
}

static void
assert_write (const char *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GBytes) bytes = some_bytes ();

  g_assert_true (jp_file_write_atomically (file, bytes, NULL, &error));
  g_assert_no_error (error);
}

static void
test_protected_targets (Fixture       *f,
                        gconstpointer  data)
{
  const char *in_use = "plan database in use";
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  gsize before_len, after_len;
  const char *names[] = { "plan.db", "plan.db-wal", "plan.db-shm", "plan.db-journal",
                          "hard.db", "link.db", "sub/../plan.db", "./sub/./../plan.db-journal" };
  g_autofree char *sub = g_build_filename (f->dir, "sub", NULL);
  g_autofree char *hard = g_build_filename (f->dir, "hard.db", NULL);
  g_autofree char *symbolic = g_build_filename (f->dir, "link.db", NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "fifo", NULL);
  g_autofree char *journal = g_build_filename (f->dir, "plan.db-journal", NULL);

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (link (f->path, hard), ==, 0);
  g_assert_cmpint (symlink ("plan.db", symbolic), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  before = read_file (f->path, &before_len);

  /* By every name, relative ones too. */
  g_assert_cmpint (g_chdir (f->dir), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *absolute = g_build_filename (f->dir, names[i], NULL);

      assert_write_refused (names[i], G_IO_ERROR_PERMISSION_DENIED, in_use);
      assert_write_refused (absolute, G_IO_ERROR_PERMISSION_DENIED, in_use);
    }
  assert_write_refused ("sub", G_IO_ERROR_IS_DIRECTORY, "a folder");
  assert_write_refused ("fifo", G_IO_ERROR_NOT_REGULAR_FILE, "a pipe");
  {
    GStatBuf null_st;

    /* Another program's bug may have made it a regular file. */
    if (g_stat ("/dev/null", &null_st) == 0 && S_ISCHR (null_st.st_mode))
      assert_write_refused ("/dev/null", G_IO_ERROR_NOT_REGULAR_FILE, "a device");
  }
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  after = read_file (f->path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_true (g_file_test (fifo, G_FILE_TEST_EXISTS) && !g_file_test (fifo, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));

  /* Closed, the database is a file like any other. */
  g_clear_object (&f->db);
  assert_write (journal);
  g_assert_true (g_file_test (journal, G_FILE_TEST_IS_REGULAR));
}

static void
test_write_through_link (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *target = g_build_filename (sub, "real.xml", NULL);
  g_autofree char *link = g_build_filename (dir, "link.xml", NULL);
  g_autofree char *chain = g_build_filename (dir, "chain.xml", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.xml", NULL);
  g_autofree char *made = g_build_filename (sub, "made.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *read_link = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  g_assert_cmpint (symlink ("sub/real.xml", link), ==, 0);
  g_assert_cmpint (symlink (link, chain), ==, 0);
  g_assert_cmpint (symlink ("sub/made.xml", dangling), ==, 0);

  assert_write (chain);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (chain, G_FILE_TEST_IS_SYMLINK));
  read_link = g_file_read_link (link, NULL);
  g_assert_cmpstr (read_link, ==, "sub/real.xml");
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new content\n");
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* A link to a file not there yet makes the file. */
  assert_write (dangling);
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (made, G_FILE_TEST_IS_REGULAR));
  jp_test_remove_dir (dir);
}

/* Opening makes a bare plan of a new file and says so; filling it is the
 * caller's (the application and the command line import the bundled
 * plan, as jp_test_open_seeded() does). */
static void
test_new_plan_filled_by_caller (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *bare = g_build_filename (dir, "bare.db", NULL);
  g_autofree char *seeded = g_build_filename (dir, "seeded.db", NULL);
  g_autoptr(JpDatabase) db = NULL;
  g_autoptr(JpItem) root = NULL;
  g_autoptr(JpItem) chapter = NULL;
  g_autoptr(GListModel) children = NULL;
  guint n_items;

  db = jp_database_open (bare, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (jp_database_is_new (db));
  root = jp_database_get_root (db);
  children = jp_database_get_children (db, root, 0);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 1);  /* the contacts */
  g_clear_object (&children);
  g_clear_object (&root);
  g_clear_object (&db);
  db = jp_database_open (bare, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (jp_database_is_new (db));
  g_clear_object (&db);

  db = jp_test_open_seeded (seeded, JP_DATABASE_OPEN_DEFAULT);
  g_assert_true (jp_database_is_new (db));
  chapter = jp_database_find_numbered (db, JP_KIND_CHAPTER, "1");
  g_assert_nonnull (chapter);
  g_assert_false (jp_database_can_undo (db));
  root = jp_database_get_root (db);
  n_items = jp_database_count_descendants (db, root, JP_KIND_MASK_ALL);
  g_clear_object (&root);
  g_clear_object (&chapter);
  g_clear_object (&db);

  /* Opened again, it is not filled twice. */
  db = jp_test_open_seeded (seeded, JP_DATABASE_OPEN_DEFAULT);
  g_assert_false (jp_database_is_new (db));
  root = jp_database_get_root (db);
  g_assert_cmpuint (jp_database_count_descendants (db, root, JP_KIND_MASK_ALL), ==, n_items);
  g_clear_object (&root);
  g_clear_object (&db);
  jp_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/model/file/protected-targets", Fixture, NULL,
              jp_test_plan_set_up, test_protected_targets, jp_test_plan_tear_down);
  g_test_add_func ("/model/open/new-plan-filled-by-caller", test_new_plan_filled_by_caller);
  g_test_add_func ("/model/open/newer-refused", test_newer_refused);
  g_test_add_func ("/model/open/other-files-refused", test_other_files_refused);
  g_test_add_func ("/model/open/migration", test_migration_from_empty);
  g_test_add_func ("/model/open/migration-from-1", test_migration_from_1);
  g_test_add_func ("/model/open/negative-version-refused", test_negative_version_refused);
  g_test_add_func ("/model/open/version-0-with-tables-refused", test_version_0_with_tables_refused);
  g_test_add_func ("/model/open/damaged-schema-refused", test_damaged_schema_refused);
  g_test_add_func ("/model/open/damaged-old-schema-refused", test_damaged_old_schema_refused);
  g_test_add_func ("/model/open/copy-changes-nothing", test_copy_changes_nothing);
  g_test_add_func ("/model/file/write-through-link", test_write_through_link);

  return g_test_run ();
}
