/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cli/jp-cli-import.h"

void
jp_cli_import_print (const JpImportReport *report,
                     GHashTable           *choices)
{
  for (guint i = 0; report->differences && i < report->differences->differences->len; i++)
    {
      const JpDifference *d = report->differences->differences->pdata[i];
      g_autoptr(GPtrArray) lines = NULL;

      if (choices && GPOINTER_TO_INT (g_hash_table_lookup (choices, d->uid)) == JP_CHOICE_LEAVE_OUT)
        continue;
      lines = jp_difference_to_lines (d);
      for (guint l = 0; l < lines->len; l++)
        g_print ("%s\n", (const char *) lines->pdata[l]);
    }
}

GHashTable *
jp_cli_import_choose (JpDatabase  *db,
                      GFile       *file,
                      const char  *only,
                      const char  *except,
                      gboolean     force,
                      GError     **error)
{
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) ids = g_strsplit (only ? only : except, ",", -1);
  g_autoptr(GError) local_error = NULL;
  GHashTable *choices;

  if (!jp_xml_import_full (db, file, JP_IMPORT_DRY_RUN | (force ? JP_IMPORT_FORCE : 0), NULL, &report, NULL,
                           &local_error) &&
      !g_error_matches (local_error, JP_XML_ERROR, JP_XML_ERROR_EDIT_CONFLICT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  for (guint i = 0; report->differences && i < report->differences->differences->len; i++)
    g_hash_table_add (known, ((JpDifference *) report->differences->differences->pdata[i])->uid);
  for (guint i = 0; i < report->conflicts->len; i++)
    g_hash_table_add (known, ((JpImportConflict *) report->conflicts->pdata[i])->uid);
  for (guint i = 0; ids[i]; i++)
    {
      g_strstrip (ids[i]);
      if (*ids[i] == '\0')
        continue;
      if (!g_hash_table_contains (known, ids[i]))
        {
          g_printerr ("jaarplan: ");
          g_printerr (_("“%s” is not an item this file changes (see --dry-run); nothing was imported."), ids[i]);
          g_printerr ("\n");
          return NULL;
        }
      g_hash_table_add (listed, ids[i]);
    }

  /* Only: the rest is left out, a listed conflict takes the file's
   * version.  Except: the listed are left out. */
  choices = jp_import_choices_new ();
  {
    GHashTableIter iter;
    gpointer uid;

    g_hash_table_iter_init (&iter, known);
    while (g_hash_table_iter_next (&iter, &uid, NULL))
      if (only && g_hash_table_contains (listed, uid))
        jp_import_choices_set (choices, uid, JP_CHOICE_THEIRS);
      else if (only || g_hash_table_contains (listed, uid))
        jp_import_choices_set (choices, uid, JP_CHOICE_LEAVE_OUT);
  }
  return choices;
}
