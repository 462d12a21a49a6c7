/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cli/jp-cli-changes.h"
#include "model/store/jp-history.h"

/* The point of the history at the start of the day @iso, or -1 when
 * @iso is no day. */
static gint64
point_of_day (JpDatabase *db,
              const char *iso)
{
  g_autoptr(GDateTime) start = NULL;
  guint year, month, day;
  char end;

  if (strlen (iso) != 10 || sscanf (iso, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return -1;
  start = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (start == NULL)
    return -1;
  return jp_database_history_at_time (db, start);
}

JpDifferences *
jp_cli_changes_since (JpDatabase  *db,
                      const char  *since,
                      JpVersion  **version_out,
                      GError     **error)
{
  g_autoptr(JpItem) root = NULL;
  g_autoptr(JpSnapshot) then = NULL;
  g_autoptr(JpSnapshot) now = NULL;
  guint64 id;
  gint64 seq;

  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (since != NULL, NULL);

  seq = point_of_day (db, since);
  if (seq < 0 && g_ascii_string_to_unsigned (since, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_autoptr(JpVersion) version = jp_database_get_version (db, (gint64) id, error);

      if (version == NULL)
        return NULL;
      seq = version->seq;
      if (version_out)
        *version_out = g_steal_pointer (&version);
    }
  if (seq < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is neither the number of a version (see --list-versions) nor a day (YYYY-MM-DD)."),
                   since);
      return NULL;
    }
  root = jp_store_get_root (JP_STORE (db));
  then = jp_database_load_snapshot_at (db, jp_item_get_id (root), seq, error);
  if (then == NULL)
    return NULL;
  now = jp_store_load_snapshot (JP_STORE (db), jp_item_get_id (root), error);
  if (now == NULL)
    return NULL;
  return jp_differences_compute (then, now, NULL, JP_DIFFERENCES_DEFAULT);
}
