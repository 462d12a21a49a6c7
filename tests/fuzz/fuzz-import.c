/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "model/jp-database.h"
#include "model/jp-xml.h"

/* Feeds arbitrary bytes to the importer, against the bundled plan (so that
 * chapter, section and contacts files have something to replace).  An
 * input that imports is imported for real and then undone, so every input
 * meets the same plan.  Besides the sanitizers, it checks what the
 * importer promises: an error with a message that names the file, or a
 * report; a dry run and a real import agree. */

static JpDatabase *db;

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) real_error = NULL;
  JpImportReport *dry = NULL;
  JpImportReport *real = NULL;

  if (db == NULL)
    {
      db = jp_database_open (":memory:", JP_DATABASE_OPEN_DEFAULT, NULL);
      if (db == NULL)
        abort ();
    }

  bytes = g_bytes_new_static (data, size);
  if (!jp_xml_import_bytes (db, bytes, "fuzz.xml", TRUE, &dry, &error))
    {
      if (error == NULL || dry != NULL || !g_str_has_prefix (error->message, "fuzz.xml") ||
          !g_utf8_validate (error->message, -1, NULL))
        {
          fprintf (stderr, "bad refusal: %s\n", error ? error->message : "(no error)");
          abort ();
        }
      return 0;
    }
  if (error != NULL || dry == NULL)
    abort ();

  if (!jp_xml_import_bytes (db, bytes, "fuzz.xml", FALSE, &real, &real_error))
    {
      /* The dry run said it would import. */
      fprintf (stderr, "refused after a dry run accepted it: %s\n", real_error->message);
      abort ();
    }
  if (memcmp (dry->added, real->added, sizeof dry->added) != 0 ||
      memcmp (dry->changed, real->changed, sizeof dry->changed) != 0 ||
      memcmp (dry->removed, real->removed, sizeof dry->removed) != 0)
    abort ();
  if (!jp_database_undo (db, NULL))
    abort ();
  jp_import_report_free (dry);
  jp_import_report_free (real);
  return 0;
}
