/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <malloc.h>

#include <glib.h>
#include <libxml/parser.h>
#include <sqlite3.h>

#include "model/store/jp-database.h"
#include "model/store/jp-sqlite-private.h"
#include "model/exchange/jp-xml.h"

/* Feeds arbitrary bytes to the importer, against the bundled plan (so that
 * chapter, section and contacts files have something to replace).
 *
 * The database is opened in memory and seeded with the bundled plan once
 * per process.  Each input is imported as a dry run: the importer reads
 * and validates it, applies it in one transaction and rolls that back, so
 * every input meets the same database and nothing is reloaded between
 * inputs.  Besides the
 * sanitizers, it checks what the importer promises: an error with a
 * message that names the file (valid UTF-8), or a report, never both.
 *
 * With JP_FUZZ_FULL=1 in the environment (tests/fuzz/run.sh sets it when
 * it replays the corpus after fuzzing, so every input that reached new
 * code gets it), an input the dry run accepts is then imported for real:
 * the real import must accept it too and report the same counts, and
 * undoing it must give back the database as it was, row for row.  That
 * path (commit, undo, reload) costs many times a dry run and reaches no
 * new code from one input to the next, so the fuzzing loop skips it.
 *
 * With JP_FUZZ_STRICT=1, a message libxml2 would print on standard error
 * by itself (instead of the importer catching it) stops the run. */

static JpDatabase *db;
static gboolean full;
static gboolean strict;
static char *fingerprint;

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void G_GNUC_PRINTF (2, 3)
libxml_message (void       *ctx,
                const char *format,
                ...)
{
  va_list args;

  if (!strict)
    return;   /* printing it for every input would slow the run down */
  va_start (args, format);
  fprintf (stderr, "libxml2 printed by itself: ");
  vfprintf (stderr, format, args);
  va_end (args);
  abort ();
}

/* A digest of every row of the plan's tables, in order. */
static char *
database_fingerprint (void)
{
  static const char *const queries[] = {
    "SELECT * FROM item ORDER BY id",
    "SELECT * FROM text ORDER BY id",
    "SELECT * FROM link ORDER BY section, area",
  };
  sqlite3 *handle = _jp_database_get_handle (db);
  GChecksum *sum = g_checksum_new (G_CHECKSUM_SHA256);
  char *digest;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (handle, queries[q], -1, &stmt, NULL) != SQLITE_OK)
        {
          fprintf (stderr, "cannot read the database: %s\n", sqlite3_errmsg (handle));
          abort ();
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const unsigned char *value = sqlite3_column_text (stmt, c);
            int type = sqlite3_column_type (stmt, c);

            g_checksum_update (sum, (const guchar *) &type, sizeof type);
            if (value)
              g_checksum_update (sum, value, sqlite3_column_bytes (stmt, c) + 1);
          }
      sqlite3_finalize (stmt);
    }
  digest = g_strdup (g_checksum_get_string (sum));
  g_checksum_free (sum);
  return digest;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  /* Every input allocates and frees the same few megabytes: keep them in
   * the process instead of giving them back to the kernel after each
   * input and faulting them in again for the next one. */
  mallopt (M_TRIM_THRESHOLD, 512 * 1024 * 1024);
  mallopt (M_MMAP_THRESHOLD, 64 * 1024 * 1024);

  full = g_strcmp0 (g_getenv ("JP_FUZZ_FULL"), "1") == 0;
  strict = g_strcmp0 (g_getenv ("JP_FUZZ_STRICT"), "1") == 0;
  xmlSetGenericErrorFunc (NULL, libxml_message);

  db = jp_database_open (":memory:", JP_DATABASE_OPEN_DEFAULT, &error);
  if (db != NULL && !jp_xml_import_bundled (db, &error))
    g_clear_object (&db);
  if (db == NULL)
    {
      fprintf (stderr, "cannot open the database: %s\n", error->message);
      abort ();
    }
  if (full)
    fingerprint = database_fingerprint ();
  return 0;
}

static void
check_real_import (GBytes               *bytes,
                   const JpImportReport *dry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpImportReport) real = NULL;
  g_autofree char *after = NULL;

  if (!jp_xml_import_bytes (db, bytes, "fuzz.xml", JP_IMPORT_FORCE, &real, &error))
    {
      fprintf (stderr, "refused after a dry run accepted it: %s\n", error->message);
      abort ();
    }
  if (error != NULL || real == NULL)
    abort ();
  if (memcmp (dry->added, real->added, sizeof dry->added) != 0 ||
      memcmp (dry->changed, real->changed, sizeof dry->changed) != 0 ||
      memcmp (dry->removed, real->removed, sizeof dry->removed) != 0)
    {
      g_autofree char *d = jp_import_report_describe (dry);
      g_autofree char *r = jp_import_report_describe (real);

      fprintf (stderr, "the dry run said “%s”, the import did “%s”\n", d, r);
      abort ();
    }
  if (!jp_database_undo (db, &error))
    {
      fprintf (stderr, "cannot undo the import: %s\n", error->message);
      abort ();
    }
  after = database_fingerprint ();
  if (strcmp (after, fingerprint) != 0)
    {
      fprintf (stderr, "undoing the import did not give back the plan as it was\n");
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpImportReport) dry = NULL;

  bytes = g_bytes_new_static (data, size);
  /* Forced, so that a whole plan replacing most of this one is applied
   * (and rolled back) too. */
  if (!jp_xml_import_bytes (db, bytes, "fuzz.xml", JP_IMPORT_DRY_RUN | JP_IMPORT_FORCE, &dry, &error))
    {
      /* Only a refusal for conflicting edits gives its report. */
      gboolean with_report = g_error_matches (error, JP_XML_ERROR, JP_XML_ERROR_EDIT_CONFLICT);

      if (error == NULL || (dry != NULL) != with_report || !g_str_has_prefix (error->message, "fuzz.xml") ||
          !g_utf8_validate (error->message, -1, NULL))
        {
          fprintf (stderr, "bad refusal: %s\n", error ? error->message : "(no error)");
          abort ();
        }
      return 0;
    }
  if (error != NULL || dry == NULL)
    abort ();

  if (full)
    check_real_import (bytes, dry);
  return 0;
}
