/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "model/store/jp-database.h"
#include "model/store/jp-schema.h"
#include "model/exchange/jp-xml.h"

/* Feeds arbitrary bytes to the database opener as a plan file: each input
 * is written to a file in the process's own directory (jp-fuzz-open-PID,
 * on /dev/shm when there is one), opened with jp_database_open(), and, when it opens, read a
 * little (the plan, its first level, the undo state), then closed; the
 * file and its -wal, -shm and -journal are removed before the next input.
 * Besides the sanitizers, it checks that a refusal is a JP_DATABASE_ERROR
 * whose message is valid UTF-8.  JP_FUZZ_VERBOSE=1 prints what became of
 * each input (to see what the seeds reach: fuzz-open -runs=0 SEEDS).
 *
 * With JP_FUZZ_MAKE_SEEDS=DIR in the environment it writes its seed corpus
 * into DIR and exits: databases as the program makes them (bare, holding a
 * small plan with undo steps, in WAL mode or repacked into 512-byte pages
 * so that they stay small), a database of format 1 as the first version
 * made it, and damaged variants (truncated, a page overwritten, a wrong,
 * negative, newer or missing format version, another program's
 * application id, the full-text table or its triggers dropped). */

static char *dir;
static char *path;
static gboolean verbose;

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const char small_plan[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"plan\" year=\"2013\">\n"
  "  <title xml:lang=\"nl\">Proef</title><title xml:lang=\"fr\">Essai</title>\n"
  "  <programme id=\"wp\"><area id=\"area-1\" number=\"1\"><title xml:lang=\"nl\">Terrein</title></area></programme>\n"
  "  <chapter id=\"c1\" number=\"1\" team=\"t1\"><title xml:lang=\"nl\">Hoofdstuk</title>\n"
  "    <section id=\"s1\" number=\"1.1\" areas=\"area-1\"><title xml:lang=\"nl\">Sectie</title>\n"
  "      <objective id=\"o1\"><text xml:lang=\"nl\">Doel</text><item id=\"i1\"/></objective>\n"
  "      <project id=\"p1\" phase=\"new\" status=\"planned\"><text xml:lang=\"fr\">Projet</text></project>\n"
  "      <group id=\"g1\" code=\"G\"><title xml:lang=\"nl\">Groep</title><group id=\"g2\"/></group>\n"
  "    </section>\n"
  "  </chapter>\n"
  "  <contacts><team id=\"t1\"><title xml:lang=\"nl\">Team</title>\n"
  "    <subject id=\"su1\"><contact id=\"k1\" person=\"A. B\" email=\"a@b.c\" phone=\"+32 2\""
  " valid-from=\"2013-01-01\" valid-until=\"2013-12-31\"/></subject></team></contacts>\n"
  "</plan>\n";

static void
remove_database (const char *file)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (file, suffixes[i], NULL);
      if (g_unlink (name) != 0 && errno != ENOENT)
        {
          fprintf (stderr, "cannot remove %s: %s\n", name, g_strerror (errno));
          abort ();
        }
    }
}

static G_NORETURN void
fail (const char *what,
      const char *why)
{
  fprintf (stderr, "making the seeds: %s: %s\n", what, why);
  exit (1);
}

/* Runs @sql on the database file @file with SQLite alone. */
static void
alter (const char *file,
       const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  if (sqlite3_open_v2 (file, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    fail (sql, message ? message : sqlite3_errmsg (db));
  if (sqlite3_close (db) != SQLITE_OK)
    fail (file, "cannot close");
}

static char *
seed_path (const char *seeds,
           const char *name)
{
  return g_build_filename (seeds, name, NULL);
}

/* Copies the seed @from to the seed @to, then runs @sql on the copy. */
static void
variant (const char *seeds,
         const char *from,
         const char *to,
         const char *sql)
{
  g_autofree char *from_path = seed_path (seeds, from);
  g_autofree char *to_path = seed_path (seeds, to);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (from_path, &contents, &length, &error) ||
      !g_file_set_contents (to_path, contents, length, &error))
    fail (to, error->message);
  if (sql)
    alter (to_path, sql);
}

/* Writes the first @keep bytes of the seed @from as @to, then overwrites
 * @n bytes at @at with @byte. */
static void
damage (const char *seeds,
        const char *from,
        const char *to,
        gsize       keep,
        gsize       at,
        gsize       n,
        guchar      byte)
{
  g_autofree char *from_path = seed_path (seeds, from);
  g_autofree char *to_path = seed_path (seeds, to);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (from_path, &contents, &length, &error))
    fail (from, error->message);
  keep = MIN (keep, length);
  if (at < keep)
    memset (contents + at, byte, MIN (n, keep - at));
  if (!g_file_set_contents (to_path, contents, keep, &error))
    fail (to, error->message);
}

static void
make_seeds (const char *seeds)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bare = seed_path (seeds, "bare.db");
  g_autofree char *plan = seed_path (seeds, "plan-wal.db");
  g_autofree char *v1 = seed_path (seeds, "format-1.db");
  g_autofree char *size = NULL;
  JpDatabase *db;
  sqlite3 *raw = NULL;

  if (g_mkdir_with_parents (seeds, 0700) != 0)
    fail (seeds, g_strerror (errno));
  remove_database (bare);
  remove_database (plan);
  remove_database (v1);

  /* A new database as the program makes it, holding no plan. */
  db = jp_database_open (bare, JP_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    fail (bare, error->message);
  g_object_unref (db);
  alter (bare, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM;");

  /* One holding a small plan, imported and then edited (two undo steps),
   * in WAL mode as the program leaves it. */
  db = jp_database_open (plan, JP_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    fail (plan, error->message);
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (small_plan, sizeof small_plan - 1);
    g_autoptr(JpItem) section = NULL;

    if (!jp_xml_import_bytes (db, bytes, "small-plan.xml", FALSE, NULL, &error))
      fail ("small-plan.xml", error->message);
    section = jp_database_find_numbered (db, JP_KIND_SECTION, "1.1");
    if (section == NULL ||
        !jp_database_set_text (db, section, JP_TEXT_TITLE, JP_LANG_FR, "Section", &error))
      fail ("editing", error ? error->message : "no section 1.1");
  }
  g_object_unref (db);

  /* The same, repacked into small pages; the variants start from it. */
  variant (seeds, "plan-wal.db", "plan.db",
           "PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM;");
  variant (seeds, "plan.db", "format-newer.db", "PRAGMA user_version = 99;");
  variant (seeds, "plan.db", "format-negative.db", "PRAGMA user_version = -1;");
  variant (seeds, "plan.db", "format-0-with-tables.db", "PRAGMA user_version = 0;");
  variant (seeds, "plan.db", "other-program.db", "PRAGMA application_id = 1;");
  variant (seeds, "plan.db", "no-fts.db", "DROP TABLE text_fts;");
  variant (seeds, "plan.db", "no-triggers.db",
           "DROP TRIGGER text_fts_i; DROP TRIGGER item_undo_d;");
  variant (seeds, "plan.db", "no-undo.db", "DROP TABLE undo_log;");
  damage (seeds, "plan.db", "truncated-header.db", 100, 0, 0, 0);
  damage (seeds, "plan.db", "truncated-page-1.db", 512, 0, 0, 0);
  damage (seeds, "plan.db", "truncated-half.db", 512 * 40, 0, 0, 0);
  damage (seeds, "plan.db", "page-overwritten.db", G_MAXSIZE, 512 * 10, 512, 0xff);
  damage (seeds, "plan.db", "header-zeroed.db", G_MAXSIZE, 16, 84, 0);
  damage (seeds, "plan.db", "empty.db", 0, 0, 0, 0);

  /* A database of format 1, as the first version made it. */
  if (sqlite3_open_v2 (v1, &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    fail (v1, sqlite3_errmsg (raw));
  sqlite3_close (raw);
  size = g_strdup_printf ("PRAGMA page_size = 512; BEGIN; %s; PRAGMA user_version = 1;"
                          " PRAGMA application_id = %d; COMMIT;",
                          jp_schema_migrations[0], JP_SCHEMA_APPLICATION_ID);
  alter (v1, size);
}

/* A run that crashed leaves its directory behind: those of processes that
 * are gone are removed. */
static void
remove_stale_directories (const char *base)
{
  g_autoptr(GDir) d = g_dir_open (base, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      gint64 pid;

      if (!g_str_has_prefix (name, "jp-fuzz-open-") ||
          !g_ascii_string_to_signed (name + strlen ("jp-fuzz-open-"), 10, 1, G_MAXINT, &pid, NULL) ||
          kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
        continue;
      {
        g_autofree char *stale = g_build_filename (base, name, NULL);
        g_autofree char *file = g_build_filename (stale, "fuzz.db", NULL);

        remove_database (file);
        g_rmdir (stale);
      }
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *seeds = g_getenv ("JP_FUZZ_MAKE_SEEDS");
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();

  if (seeds)
    {
      make_seeds (seeds);
      exit (0);
    }

  verbose = g_strcmp0 (g_getenv ("JP_FUZZ_VERBOSE"), "1") == 0;
  remove_stale_directories (base);
  dir = g_strdup_printf ("%s/jp-fuzz-open-%d", base, (int) getpid ());
  if (g_mkdir (dir, 0700) != 0)
    {
      fprintf (stderr, "cannot make a directory in %s: %s\n", base, g_strerror (errno));
      abort ();
    }
  path = g_build_filename (dir, "fuzz.db", NULL);
  return 0;
}

static void __attribute__ ((destructor))
remove_directory (void)
{
  if (path)
    remove_database (path);
  if (dir)
    g_rmdir (dir);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  JpDatabase *db;

  remove_database (path);
  if (!g_file_set_contents_full (path, (const char *) data, size, G_FILE_SET_CONTENTS_NONE, 0600, &error))
    {
      fprintf (stderr, "cannot write %s: %s\n", path, error->message);
      abort ();
    }

  db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      if (verbose)
        fprintf (stderr, "refused: %s\n", error ? error->message : "(no error)");
      if (error == NULL || error->domain != JP_DATABASE_ERROR ||
          !g_utf8_validate (error->message, -1, NULL))
        {
          fprintf (stderr, "bad refusal: %s\n", error ? error->message : "(no error)");
          abort ();
        }
      return 0;
    }
  if (error != NULL)
    abort ();
  if (verbose)
    fprintf (stderr, "opened\n");

  {
    g_autoptr(JpItem) root = jp_database_get_root (db);

    if (root)
      {
        g_autoptr(GListModel) children = jp_database_get_children (db, root, JP_KIND_MASK_ALL);

        for (guint i = 0; i < g_list_model_get_n_items (children); i++)
          g_object_unref (g_list_model_get_item (children, i));
      }
    jp_database_can_undo (db);
  }
  g_object_unref (db);
  return 0;
}
