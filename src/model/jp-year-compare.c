/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-compare"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/jp-model-private.h"
#include "model/jp-store.h"
#include "model/jp-year-compare.h"

/* Two snapshots side by side, with the later year's items matched to
 * the earlier year's. */
typedef struct {
  JpSnapshot *old;
  JpSnapshot *new;
  GHashTable *old_uids;     /* uid → JpSnapshotItem of old */
  GHashTable *new_uids;
  GHashTable *matches;      /* new JpSnapshotItem → old JpSnapshotItem */
  GHashTable *matched_old;  /* old JpSnapshotItem set */
  GPtrArray  *changes;
} Compare;

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

static void
index_uids (JpSnapshotItem *item,
            GHashTable     *uids)
{
  if (item->data.uid)
    g_hash_table_insert (uids, item->data.uid, item);
  for (guint i = 0; item->children && i < item->children->len; i++)
    index_uids (g_ptr_array_index (item->children, i), uids);
}

/* The earlier year's item that @id is or continues, following the
 * links back through the years between. */
static JpSnapshotItem *
find_match (Compare    *cmp,
            GHashTable *links,
            gint64      id)
{
  /* A link never points forward, so a chain is at most as long as the
   * years between; the bound only guards against a damaged table. */
  for (guint steps = 0; steps < 10000; steps++)
    {
      JpSnapshotItem *old = _jp_snapshot_lookup (cmp->old, id);
      gint64 *previous;

      if (old)
        return old;
      previous = g_hash_table_lookup (links, &id);
      if (previous == NULL)
        return NULL;
      id = *previous;
    }
  return NULL;
}

static void
match_items (Compare        *cmp,
             GHashTable     *links,
             JpSnapshotItem *item)
{
  JpSnapshotItem *old = find_match (cmp, links, item->data.id);

  if (old && !g_hash_table_contains (cmp->matched_old, old))
    {
      g_hash_table_insert (cmp->matches, item, old);
      g_hash_table_add (cmp->matched_old, old);
    }
  for (guint i = 0; item->children && i < item->children->len; i++)
    match_items (cmp, links, g_ptr_array_index (item->children, i));
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a && *a ? a : NULL, b && *b ? b : NULL) == 0;
}

/* A team is named by its uid, which carries its year: compare the teams. */
static gboolean
same_team (Compare    *cmp,
           const char *old_team,
           const char *new_team)
{
  JpSnapshotItem *new_item, *old_item;

  if (same_text (old_team, new_team))
    return TRUE;
  if (old_team == NULL || new_team == NULL)
    return FALSE;
  new_item = g_hash_table_lookup (cmp->new_uids, new_team);
  old_item = new_item ? g_hash_table_lookup (cmp->matches, new_item) : NULL;
  return old_item != NULL && g_strcmp0 (old_item->data.uid, old_team) == 0;
}

static guint
count_below (JpSnapshotItem *item)
{
  guint n = 0;

  for (guint i = 0; item->children && i < item->children->len; i++)
    n += 1 + count_below (g_ptr_array_index (item->children, i));
  return n;
}

/* Its title, else its text's first line, else its person. */
static char *
label_of (JpSnapshotItem *item,
          JpLang          lang)
{
  const char *text = item->data.texts[JP_TEXT_TITLE][lang];
  const char *end;

  if (text == NULL || *text == '\0')
    text = item->data.texts[JP_TEXT_BODY][lang];
  if (text == NULL || *text == '\0')
    text = item->data.fields[JP_FIELD_PERSON];
  if (text == NULL || *text == '\0')
    return NULL;
  end = strchr (text, '\n');
  return end ? g_strndup (text, end - text) : g_strdup (text);
}

static JpYearChange *
change_new (JpYearChangeKind  kind,
            JpSnapshotItem   *item)
{
  JpYearChange *change = g_new0 (JpYearChange, 1);
  JpSnapshotItem *group = NULL;

  change->kind = kind;
  change->item_kind = item->data.kind;
  change->id = item->data.id;
  change->uid = g_strdup (item->data.uid);
  change->number = g_strdup (item->data.fields[JP_FIELD_NUMBER]);
  for (guint l = 0; l < JP_N_LANGS; l++)
    change->titles[l] = label_of (item, l);

  /* The section it is in, else the chapter: where a reader looks. */
  for (JpSnapshotItem *up = item; up && group == NULL; up = up->parent)
    if (up->data.kind == JP_KIND_SECTION)
      group = up;
  for (JpSnapshotItem *up = item; up && group == NULL; up = up->parent)
    if (up->data.kind == JP_KIND_CHAPTER)
      group = up;
  change->group = g_strdup (group && group->data.fields[JP_FIELD_NUMBER] ? group->data.fields[JP_FIELD_NUMBER] : "");
  for (guint l = 0; group && l < JP_N_LANGS; l++)
    change->group_titles[l] = g_strdup (group->data.texts[JP_TEXT_TITLE][l]);
  return change;
}

/* What differs between @old and @item, or NULL. */
static JpYearChange *
compare_item (Compare        *cmp,
              JpSnapshotItem *old,
              JpSnapshotItem *item)
{
  guint fields = 0, texts[JP_N_LANGS] = { 0 };
  gboolean moved, any_text = FALSE;
  JpYearChange *change;

  for (guint f = 0; f < JP_N_FIELDS; f++)
    {
      if (f == JP_FIELD_PROGRESS_DATE)
        continue;
      if (f == JP_FIELD_TEAM
          ? !same_team (cmp, old->data.fields[f], item->data.fields[f])
          : !same_text (old->data.fields[f], item->data.fields[f]))
        fields |= JP_FIELD_MASK (f);
    }
  for (guint t = 0; t < JP_N_TEXTS; t++)
    for (guint l = 0; l < JP_N_LANGS; l++)
      if (t != JP_TEXT_PROGRESS && !same_text (old->data.texts[t][l], item->data.texts[t][l]))
        {
          texts[l] |= JP_TEXT_MASK (t);
          any_text = TRUE;
        }
  moved = item->parent && old->parent
          && g_hash_table_lookup (cmp->matches, item->parent) != old->parent;

  if (fields == 0 && !any_text && !moved
      && old->data.phase == item->data.phase && old->data.status == item->data.status)
    return NULL;

  change = change_new (JP_YEAR_CHANGE_CHANGED, item);
  change->previous = old->data.id;
  change->old_phase = old->data.phase;
  change->new_phase = item->data.phase;
  change->old_status = old->data.status;
  change->new_status = item->data.status;
  change->moved = moved;
  change->fields = fields;
  memcpy (change->texts, texts, sizeof texts);
  return change;
}

static void
add_removed (Compare        *cmp,
             JpSnapshotItem *old)
{
  JpYearChange *change = change_new (JP_YEAR_CHANGE_REMOVED, old);

  change->previous = old->data.id;
  change->old_phase = change->new_phase = old->data.phase;
  change->old_status = change->new_status = old->data.status;
  change->descendants = count_below (old);
  g_ptr_array_add (cmp->changes, change);
}

/* The earlier year's children of @old that nothing continues. */
static void
add_removed_children (Compare        *cmp,
                      JpSnapshotItem *old)
{
  for (guint i = 0; old->children && i < old->children->len; i++)
    {
      JpSnapshotItem *child = g_ptr_array_index (old->children, i);

      if (!g_hash_table_contains (cmp->matched_old, child))
        add_removed (cmp, child);
    }
}

static void
walk (Compare        *cmp,
      JpSnapshotItem *item)
{
  JpSnapshotItem *old = g_hash_table_lookup (cmp->matches, item);

  if (old == NULL)
    {
      /* Added, with everything under it. */
      JpYearChange *change = change_new (JP_YEAR_CHANGE_ADDED, item);

      change->new_phase = change->old_phase = item->data.phase;
      change->new_status = change->old_status = item->data.status;
      change->descendants = count_below (item);
      g_ptr_array_add (cmp->changes, change);
      return;
    }
  if (item->parent != NULL)
    {
      JpYearChange *change = compare_item (cmp, old, item);

      if (change)
        g_ptr_array_add (cmp->changes, change);
    }
  for (guint i = 0; item->children && i < item->children->len; i++)
    walk (cmp, g_ptr_array_index (item->children, i));
  add_removed_children (cmp, old);
}

/* Keeps each group's changes together, the groups in the order they
 * first come (the later year's tree order). */
static GPtrArray *
group_changes (GPtrArray *changes)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GPtrArray *sorted = g_ptr_array_new_full (changes->len, year_change_free);

  for (guint i = 0; i < changes->len; i++)
    {
      JpYearChange *change = g_ptr_array_index (changes, i);
      GPtrArray *group = g_hash_table_lookup (groups, change->group);

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, change->group, group);
          g_ptr_array_add (order, group);
        }
      g_ptr_array_add (group, change);
    }
  for (guint i = 0; i < order->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (order, i);

      for (guint j = 0; j < group->len; j++)
        g_ptr_array_add (sorted, g_ptr_array_index (group, j));
    }
  return sorted;
}

static JpYearComparison *
compare_on (JpConnection  *connection,
            guint          from,
            guint          to,
            GError       **error)
{
  g_autoptr(GHashTable) links = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  JpYearComparison *comparison;
  gint64 old_root, new_root;
  Compare cmp = { 0 };

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
  cmp.old = _jp_connection_load_snapshot (connection, old_root, error);
  if (cmp.old == NULL)
    return NULL;
  cmp.new = _jp_connection_load_snapshot (connection, new_root, error);
  if (cmp.new == NULL)
    {
      _jp_snapshot_free (cmp.old);
      return NULL;
    }

  cmp.old_uids = g_hash_table_new (g_str_hash, g_str_equal);
  cmp.new_uids = g_hash_table_new (g_str_hash, g_str_equal);
  cmp.matches = g_hash_table_new (NULL, NULL);
  cmp.matched_old = g_hash_table_new (NULL, NULL);
  changes = g_ptr_array_new ();
  cmp.changes = changes;
  index_uids (cmp.old->root, cmp.old_uids);
  index_uids (cmp.new->root, cmp.new_uids);
  match_items (&cmp, links, cmp.new->root);

  if (g_hash_table_contains (cmp.matches, cmp.new->root))
    walk (&cmp, cmp.new->root);
  else
    {
      /* Two plans that do not continue each other: everything differs. */
      for (guint i = 0; cmp.new->root->children && i < cmp.new->root->children->len; i++)
        walk (&cmp, g_ptr_array_index (cmp.new->root->children, i));
      add_removed_children (&cmp, cmp.old->root);
    }

  comparison = g_new0 (JpYearComparison, 1);
  comparison->from = from;
  comparison->to = to;
  comparison->changes = group_changes (changes);

  g_hash_table_unref (cmp.old_uids);
  g_hash_table_unref (cmp.new_uids);
  g_hash_table_unref (cmp.matches);
  g_hash_table_unref (cmp.matched_old);
  _jp_snapshot_free (cmp.old);
  _jp_snapshot_free (cmp.new);
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
