/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-compare"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/jp-differences.h"
#include "model/jp-model-private.h"
#include "model/jp-store.h"
#include "model/jp-year-compare.h"

static void
year_change_free (gpointer data)
{
  JpYearChange *change = data;

  g_free (change->uid);
  g_free (change->number);
  g_free (change->group);
  for (guint l = 0; l < JP_N_LANGS; l++)
    {
      g_free (change->titles[l]);
      g_free (change->group_titles[l]);
    }
  g_free (change);
}

void
jp_year_comparison_free (JpYearComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_clear_pointer (&comparison->changes, g_ptr_array_unref);
  g_clear_pointer (&comparison->differences, jp_differences_free);
  g_free (comparison);
}

const JpYearChange *
jp_year_comparison_find (const JpYearComparison *comparison,
                         const char             *uid)
{
  g_return_val_if_fail (comparison != NULL, NULL);

  for (guint i = 0; i < comparison->changes->len; i++)
    {
      const JpYearChange *change = g_ptr_array_index (comparison->changes, i);

      if (g_strcmp0 (change->uid, uid) == 0)
        return change;
    }
  return NULL;
}

/* A difference in the shape of a year's change: masks of what differs. */
static JpYearChange *
year_change_new (const JpDifference *difference)
{
  JpYearChange *change = g_new0 (JpYearChange, 1);

  change->kind = difference->kind == JP_DIFFERENCE_ADDED ? JP_YEAR_CHANGE_ADDED
                 : difference->kind == JP_DIFFERENCE_REMOVED ? JP_YEAR_CHANGE_REMOVED
                 : JP_YEAR_CHANGE_CHANGED;
  change->item_kind = difference->item_kind;
  change->id = difference->kind == JP_DIFFERENCE_REMOVED ? difference->old_id : difference->new_id;
  change->previous = difference->old_id;
  change->uid = g_strdup (difference->uid);
  change->number = g_strdup (difference->number);
  change->group = g_strdup (difference->group_number ? difference->group_number : "");
  for (guint l = 0; l < JP_N_LANGS; l++)
    {
      change->titles[l] = g_strdup (difference->titles[l]);
      change->group_titles[l] = g_strdup (difference->group_titles[l]);
    }
  change->old_phase = change->new_phase = difference->phase;
  change->old_status = change->new_status = difference->status;
  change->descendants = difference->descendants;

  for (guint i = 0; difference->values && i < difference->values->len; i++)
    {
      const JpValueChange *value = g_ptr_array_index (difference->values, i);

      switch (value->kind)
        {
        case JP_VALUE_PHASE:
          change->old_phase = JP_PHASE_NONE;
          if (value->old_value)
            jp_phase_from_string (value->old_value, &change->old_phase);
          break;
        case JP_VALUE_STATUS:
          change->old_status = JP_STATUS_NONE;
          if (value->old_value)
            jp_status_from_string (value->old_value, &change->old_status);
          break;
        case JP_VALUE_FIELD:
          change->fields |= JP_FIELD_MASK (value->field);
          break;
        case JP_VALUE_TEXT:
          change->texts[value->lang] |= JP_TEXT_MASK (value->field);
          break;
        case JP_VALUE_PLACE:
          change->moved = TRUE;
          break;
        case JP_VALUE_AREAS:
        default:
          break;
        }
    }
  return change;
}

static JpYearComparison *
compare_on (JpConnection  *connection,
            guint          from,
            guint          to,
            GError       **error)
{
  g_autoptr(GHashTable) links = NULL;
  g_autoptr(JpSnapshot) old = NULL;
  g_autoptr(JpSnapshot) new = NULL;
  JpYearComparison *comparison;
  gint64 old_root, new_root;

  if (from > to)
    {
      guint year = from;

      from = to;
      to = year;
    }
  old_root = _jp_connection_get_year_root (connection, from);
  new_root = _jp_connection_get_year_root (connection, to);
  if (old_root == 0 || new_root == 0)
    {
      g_set_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_NOT_FOUND,
                   _("The database holds no plan for %u."), old_root == 0 ? from : to);
      return NULL;
    }
  links = _jp_connection_get_continuations (connection, error);
  if (links == NULL)
    return NULL;
  old = _jp_connection_load_snapshot (connection, old_root, error);
  if (old == NULL)
    return NULL;
  new = _jp_connection_load_snapshot (connection, new_root, error);
  if (new == NULL)
    return NULL;

  comparison = g_new0 (JpYearComparison, 1);
  comparison->from = from;
  comparison->to = to;
  comparison->differences = jp_differences_compute (old, new, links, JP_DIFFERENCES_YEARS);
  comparison->changes = g_ptr_array_new_full (comparison->differences->differences->len, year_change_free);
  for (guint i = 0; i < comparison->differences->differences->len; i++)
    g_ptr_array_add (comparison->changes,
                     year_change_new (g_ptr_array_index (comparison->differences->differences, i)));
  return comparison;
}

JpYearComparison *
jp_year_compare (JpDatabase  *db,
                 guint        from,
                 guint        to,
                 GError     **error)
{
  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);
  return compare_on (_jp_database_get_connection (db), from, to, error);
}

typedef struct {
  guint from;
  guint to;
} CompareJob;

static void
compare_worker (GTask        *task,
                JpConnection *connection,
                gpointer      data,
                GCancellable *cancellable)
{
  CompareJob *job = data;
  GError *error = NULL;
  JpYearComparison *comparison = compare_on (connection, job->from, job->to, &error);

  if (comparison == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, comparison, (GDestroyNotify) jp_year_comparison_free);
}

void
jp_year_compare_async (JpDatabase          *db,
                       guint                from,
                       guint                to,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  CompareJob *job;

  g_return_if_fail (JP_IS_DATABASE (db));

  job = g_new0 (CompareJob, 1);
  job->from = from;
  job->to = to;
  _jp_database_run_in_worker (db, jp_year_compare_async, job, g_free, compare_worker,
                              cancellable, callback, user_data);
}

JpYearComparison *
jp_year_compare_finish (JpDatabase    *db,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
jp_year_change_to_line (const JpYearChange *change)
{
  GString *line = g_string_new (NULL);
  const char *sep = " ";

  g_return_val_if_fail (change != NULL, NULL);

  switch (change->kind)
    {
    case JP_YEAR_CHANGE_ADDED:
    case JP_YEAR_CHANGE_REMOVED:
      g_string_append_printf (line, "%s %s %s",
                              change->kind == JP_YEAR_CHANGE_ADDED ? "added" : "removed",
                              change->uid, jp_kind_to_string (change->item_kind));
      if (change->number)
        g_string_append_printf (line, " %s", change->number);
      if (change->new_status != JP_STATUS_NONE)
        g_string_append_printf (line, " (%s)", jp_status_to_string (change->new_status));
      if (change->descendants > 0)
        g_string_append_printf (line, " +%u", change->descendants);
      break;

    case JP_YEAR_CHANGE_CHANGED:
    default:
      g_string_append_printf (line, "changed %s", change->uid);
      if (change->old_status != change->new_status)
        {
          g_string_append_printf (line, "%sstatus: %s → %s", sep,
                                  jp_status_to_string (change->old_status),
                                  jp_status_to_string (change->new_status));
          sep = "; ";
        }
      if (change->old_phase != change->new_phase)
        {
          g_string_append_printf (line, "%sphase: %s → %s", sep,
                                  jp_phase_to_string (change->old_phase),
                                  jp_phase_to_string (change->new_phase));
          sep = "; ";
        }
      if (change->moved)
        {
          g_string_append_printf (line, "%smoved", sep);
          sep = "; ";
        }
      for (guint f = 0; f < JP_N_FIELDS; f++)
        if (change->fields & JP_FIELD_MASK (f))
          {
            g_string_append_printf (line, "%s%s", sep, jp_field_to_string (f));
            sep = "; ";
          }
      for (guint t = 0; t < JP_N_TEXTS; t++)
        for (guint l = 0; l < JP_N_LANGS; l++)
          if (change->texts[l] & JP_TEXT_MASK (t))
            {
              g_string_append_printf (line, "%s%s (%s)", sep, jp_text_field_to_string (t),
                                      jp_lang_to_string (l));
              sep = "; ";
            }
      break;
    }
  return g_string_free (line, FALSE);
}
