/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-differences"

#include "config.h"

#include <string.h>

#include "model/jp-differences.h"

/* Two snapshots side by side, the new side's items matched to the old's
 * through hash tables: every step is linear in the two snapshots. */
typedef struct {
  JpSnapshot        *old;
  JpSnapshot        *new;
  JpDifferencesFlags flags;
  GHashTable        *new_uids;    /* uid → JpSnapshotItem of new */
  GHashTable        *matches;     /* new JpSnapshotItem → old JpSnapshotItem */
  GHashTable        *matched_old; /* old JpSnapshotItem → new JpSnapshotItem */
  GHashTable        *reordered;   /* new JpSnapshotItem set: out of its siblings' order */
  GPtrArray         *differences;
} Compare;

static void
value_change_free (gpointer data)
{
  JpValueChange *value = data;

  g_free (value->old_value);
  g_free (value->new_value);
  g_clear_pointer (&value->words, g_ptr_array_unref);
  g_free (value);
}

static void
difference_free (gpointer data)
{
  JpDifference *difference = data;

  g_free (difference->uid);
  g_free (difference->number);
  g_free (difference->group);
  g_free (difference->group_number);
  for (guint l = 0; l < JP_N_LANGS; l++)
    {
      g_free (difference->titles[l]);
      g_free (difference->group_titles[l]);
    }
  g_clear_pointer (&difference->values, g_ptr_array_unref);
  g_free (difference);
}

void
jp_differences_free (JpDifferences *differences)
{
  if (differences == NULL)
    return;
  g_clear_pointer (&differences->differences, g_ptr_array_unref);
  g_free (differences);
}

const JpDifference *
jp_differences_find (const JpDifferences *differences,
                     const char          *uid)
{
  g_return_val_if_fail (differences != NULL, NULL);

  for (guint i = 0; i < differences->differences->len; i++)
    {
      const JpDifference *difference = g_ptr_array_index (differences->differences, i);

      if (g_strcmp0 (difference->uid, uid) == 0)
        return difference;
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

/* The old item that @id is or continues, following the links back
 * through the years between. */
static JpSnapshotItem *
find_linked (Compare    *cmp,
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
             GHashTable     *old_uids,
             JpSnapshotItem *item)
{
  JpSnapshotItem *old;

  if (links)
    old = find_linked (cmp, links, item->data.id);
  else
    old = item->data.uid ? g_hash_table_lookup (old_uids, item->data.uid) : NULL;
  if (old && old->data.kind == item->data.kind
      && !g_hash_table_contains (cmp->matched_old, old))
    {
      g_hash_table_insert (cmp->matches, item, old);
      g_hash_table_insert (cmp->matched_old, old, item);
    }
  for (guint i = 0; item->children && i < item->children->len; i++)
    match_items (cmp, links, old_uids, g_ptr_array_index (item->children, i));
}

/* The children of @item kept under the same parent whose order among
 * themselves changed: those outside a longest run in the old order. */
static void
find_reordered (Compare        *cmp,
                JpSnapshotItem *item,
                JpSnapshotItem *old)
{
  g_autoptr(GHashTable) old_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GArray) index = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *tails = NULL, *before = NULL;
  guint len = 0;

  for (guint i = 0; i < old->children->len; i++)
    g_hash_table_insert (old_index, g_ptr_array_index (old->children, i), GUINT_TO_POINTER (i));
  for (guint i = 0; i < item->children->len; i++)
    {
      JpSnapshotItem *child = g_ptr_array_index (item->children, i);
      JpSnapshotItem *was = g_hash_table_lookup (cmp->matches, child);

      if (was && was->parent == old)
        {
          guint at = GPOINTER_TO_UINT (g_hash_table_lookup (old_index, was));

          g_ptr_array_add (kept, child);
          g_array_append_val (index, at);
        }
    }
  if (kept->len < 2)
    return;

  /* A longest increasing subsequence of the old indexes, in n log n:
   * tails[l] ends the best run of length l + 1, before[] links back. */
  tails = g_new (guint, kept->len);
  before = g_new (guint, kept->len);
  for (guint i = 0; i < kept->len; i++)
    {
      guint at = g_array_index (index, guint, i), lo = 0, hi = len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (index, guint, tails[mid]) < at)
            lo = mid + 1;
          else
            hi = mid;
        }
      before[i] = lo > 0 ? tails[lo - 1] : G_MAXUINT;
      tails[lo] = i;
      len = MAX (len, lo + 1);
    }
  {
    g_autofree gboolean *in_order = g_new0 (gboolean, kept->len);

    for (guint i = tails[len - 1]; i != G_MAXUINT; i = before[i])
      in_order[i] = TRUE;
    for (guint i = 0; i < kept->len; i++)
      if (!in_order[i])
        g_hash_table_add (cmp->reordered, g_ptr_array_index (kept, i));
  }
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a && *a ? a : NULL, b && *b ? b : NULL) == 0;
}

/* The old side's uid of the new side's item @uid, for values that name
 * an item of their own plan (a team, an area) across years. */
static const char *
old_uid_of (Compare    *cmp,
            const char *uid)
{
  JpSnapshotItem *item, *old;

  if (uid == NULL || !(cmp->flags & JP_DIFFERENCES_YEARS))
    return uid;
  item = g_hash_table_lookup (cmp->new_uids, uid);
  old = item ? g_hash_table_lookup (cmp->matches, item) : NULL;
  return old ? old->data.uid : uid;
}

static guint
count_unmatched_below (GHashTable     *matched,
                       JpSnapshotItem *item)
{
  guint n = 0;

  for (guint i = 0; item->children && i < item->children->len; i++)
    {
      JpSnapshotItem *child = g_ptr_array_index (item->children, i);

      if (!g_hash_table_contains (matched, child))
        n += 1 + count_unmatched_below (matched, child);
    }
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

static JpSnapshotItem *
group_of (JpSnapshotItem *item)
{
  for (JpSnapshotItem *up = item; up; up = up->parent)
    if (up->data.kind == JP_KIND_SECTION)
      return up;
  for (JpSnapshotItem *up = item; up; up = up->parent)
    if (up->data.kind == JP_KIND_CHAPTER)
      return up;
  return NULL;
}

static JpDifference *
difference_new (Compare          *cmp,
                JpDifferenceKind  kind,
                JpSnapshotItem   *item)
{
  JpDifference *difference = g_new0 (JpDifference, 1);
  JpSnapshotItem *group = group_of (item);

  difference->kind = kind;
  difference->item_kind = item->data.kind;
  difference->uid = g_strdup (item->data.uid);
  difference->number = g_strdup (item->data.fields[JP_FIELD_NUMBER]);
  difference->phase = item->data.phase;
  difference->status = item->data.status;
  for (guint l = 0; l < JP_N_LANGS; l++)
    difference->titles[l] = label_of (item, l);

  /* A removed item is listed under its section as the new side has it,
   * where the section is still there. */
  if (kind == JP_DIFFERENCE_REMOVED && group && g_hash_table_lookup (cmp->matched_old, group))
    group = g_hash_table_lookup (cmp->matched_old, group);
  difference->group = g_strdup (group && group->data.uid ? group->data.uid : "");
  if (group)
    {
      difference->group_number = g_strdup (group->data.fields[JP_FIELD_NUMBER]);
      for (guint l = 0; l < JP_N_LANGS; l++)
        difference->group_titles[l] = g_strdup (group->data.texts[JP_TEXT_TITLE][l]);
    }
  return difference;
}

static void
add_value (GPtrArray  **values,
           JpValueKind  kind,
           int          field,
           JpLang       lang,
           const char  *old_value,
           const char  *new_value)
{
  JpValueChange *value = g_new0 (JpValueChange, 1);

  value->kind = kind;
  value->field = field;
  value->lang = lang;
  value->old_value = g_strdup (old_value && *old_value ? old_value : NULL);
  value->new_value = g_strdup (new_value && *new_value ? new_value : NULL);
  if (kind == JP_VALUE_TEXT)
    value->words = jp_words_compare (old_value, new_value);
  if (*values == NULL)
    *values = g_ptr_array_new_with_free_func (value_change_free);
  g_ptr_array_add (*values, value);
}

/* A section's areas, space-separated in the file's order; across years
 * each in the old side's uid. */
static char *
areas_of (Compare        *cmp,
          JpSnapshotItem *item,
          gboolean        as_old)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) areas = NULL;

  for (guint i = 0; item->areas && i < item->areas->len; i++)
    {
      const char *uid = g_ptr_array_index (item->areas, i);

      g_strv_builder_add (builder, as_old ? old_uid_of (cmp, uid) : uid);
    }
  areas = g_strv_builder_end (builder);
  return areas[0] ? g_strjoinv (" ", areas) : NULL;
}

static char *
place_of (JpSnapshotItem *item)
{
  guint position = 0;

  if (item->parent == NULL)
    return NULL;
  for (guint i = 0; i < item->parent->children->len; i++)
    if (g_ptr_array_index (item->parent->children, i) == item)
      position = i + 1;
  return g_strdup_printf ("%s %u", item->parent->data.uid ? item->parent->data.uid : "", position);
}

static void
compare_values (Compare         *cmp,
                JpSnapshotItem  *old,
                JpSnapshotItem  *item,
                GPtrArray      **values)
{
  gboolean years = (cmp->flags & JP_DIFFERENCES_YEARS) != 0;
  g_autofree char *old_areas = areas_of (cmp, old, FALSE);
  g_autofree char *new_areas = areas_of (cmp, item, TRUE);
  gboolean moved;

  if (old->data.phase != item->data.phase)
    add_value (values, JP_VALUE_PHASE, 0, 0, jp_phase_to_string (old->data.phase),
               jp_phase_to_string (item->data.phase));
  if (old->data.status != item->data.status)
    add_value (values, JP_VALUE_STATUS, 0, 0, jp_status_to_string (old->data.status),
               jp_status_to_string (item->data.status));
  for (guint f = 0; f < JP_N_FIELDS; f++)
    {
      const char *new_value = item->data.fields[f];

      if (years && f == JP_FIELD_PROGRESS_DATE)
        continue;
      if (f == JP_FIELD_TEAM)
        new_value = old_uid_of (cmp, new_value);
      if (!same_text (old->data.fields[f], new_value))
        add_value (values, JP_VALUE_FIELD, f, 0, old->data.fields[f], item->data.fields[f]);
    }
  for (guint t = 0; t < JP_N_TEXTS; t++)
    for (guint l = 0; l < JP_N_LANGS; l++)
      if (!(years && t == JP_TEXT_PROGRESS)
          && !same_text (old->data.texts[t][l], item->data.texts[t][l]))
        add_value (values, JP_VALUE_TEXT, t, l, old->data.texts[t][l], item->data.texts[t][l]);
  if (!same_text (old_areas, new_areas))
    {
      g_autofree char *written = areas_of (cmp, item, FALSE);

      add_value (values, JP_VALUE_AREAS, 0, 0, old_areas, written);
    }

  moved = item->parent && old->parent
          && g_hash_table_lookup (cmp->matches, item->parent) != old->parent;
  if (moved || (!years && g_hash_table_contains (cmp->reordered, item)))
    {
      g_autofree char *old_place = place_of (old);
      g_autofree char *new_place = place_of (item);

      add_value (values, JP_VALUE_PLACE, 0, 0, old_place, new_place);
    }
}

static void
add_removed_children (Compare        *cmp,
                      JpSnapshotItem *old)
{
  for (guint i = 0; old->children && i < old->children->len; i++)
    {
      JpSnapshotItem *child = g_ptr_array_index (old->children, i);
      JpDifference *difference;

      if (g_hash_table_contains (cmp->matched_old, child))
        continue;
      difference = difference_new (cmp, JP_DIFFERENCE_REMOVED, child);
      difference->old_id = child->data.id;
      difference->descendants = count_unmatched_below (cmp->matched_old, child);
      g_ptr_array_add (cmp->differences, difference);
    }
}

static void walk (Compare        *cmp,
                  JpSnapshotItem *item,
                  gboolean        compare);

/* Below an added item: only the items that came from elsewhere. */
static void
walk_below_added (Compare        *cmp,
                  JpSnapshotItem *item)
{
  for (guint i = 0; item->children && i < item->children->len; i++)
    {
      JpSnapshotItem *child = g_ptr_array_index (item->children, i);

      if (g_hash_table_contains (cmp->matches, child))
        walk (cmp, child, TRUE);
      else
        walk_below_added (cmp, child);
    }
}

static void
walk (Compare        *cmp,
      JpSnapshotItem *item,
      gboolean        compare)
{
  JpSnapshotItem *old = g_hash_table_lookup (cmp->matches, item);

  if (old == NULL)
    {
      JpDifference *difference = difference_new (cmp, JP_DIFFERENCE_ADDED, item);

      difference->new_id = item->data.id;
      difference->descendants = count_unmatched_below (cmp->matches, item);
      g_ptr_array_add (cmp->differences, difference);
      walk_below_added (cmp, item);
      return;
    }
  if (compare)
    {
      GPtrArray *values = NULL;

      compare_values (cmp, old, item, &values);
      if (values)
        {
          JpDifference *difference = difference_new (cmp, JP_DIFFERENCE_CHANGED, item);

          difference->old_id = old->data.id;
          difference->new_id = item->data.id;
          difference->values = values;
          g_ptr_array_add (cmp->differences, difference);
        }
    }
  find_reordered (cmp, item, old);
  for (guint i = 0; item->children && i < item->children->len; i++)
    walk (cmp, g_ptr_array_index (item->children, i), TRUE);
  add_removed_children (cmp, old);
}

/* Keeps each section's differences together, the sections in the order
 * they first come. */
static GPtrArray *
group_differences (GPtrArray *differences)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GPtrArray *sorted = g_ptr_array_new_full (differences->len, difference_free);

  for (guint i = 0; i < differences->len; i++)
    {
      JpDifference *difference = g_ptr_array_index (differences, i);
      GPtrArray *group = g_hash_table_lookup (groups, difference->group);

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, difference->group, group);
          g_ptr_array_add (order, group);
        }
      g_ptr_array_add (group, difference);
    }
  for (guint i = 0; i < order->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (order, i);

      for (guint j = 0; j < group->len; j++)
        g_ptr_array_add (sorted, g_ptr_array_index (group, j));
    }
  return sorted;
}

JpDifferences *
jp_differences_compute (JpSnapshot         *old,
                        JpSnapshot         *new,
                        GHashTable         *links,
                        JpDifferencesFlags  flags)
{
  g_autoptr(GHashTable) old_uids = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  JpDifferences *differences;
  Compare cmp = { 0 };

  g_return_val_if_fail (old != NULL && new != NULL, NULL);

  cmp.old = old;
  cmp.new = new;
  cmp.flags = flags;
  cmp.new_uids = g_hash_table_new (g_str_hash, g_str_equal);
  cmp.matches = g_hash_table_new (NULL, NULL);
  cmp.matched_old = g_hash_table_new (NULL, NULL);
  cmp.reordered = g_hash_table_new (NULL, NULL);
  cmp.differences = found;
  old_uids = g_hash_table_new (g_str_hash, g_str_equal);

  if (old->root && new->root)
    {
      index_uids (old->root, old_uids);
      index_uids (new->root, cmp.new_uids);
      match_items (&cmp, links, old_uids, new->root);
    }

  if (new->root && g_hash_table_contains (cmp.matches, new->root))
    walk (&cmp, new->root, !(flags & JP_DIFFERENCES_YEARS));
  else
    {
      /* Two roots that are not the same item: everything under them differs. */
      for (guint i = 0; new->root && i < new->root->children->len; i++)
        walk (&cmp, g_ptr_array_index (new->root->children, i), TRUE);
      if (old->root)
        add_removed_children (&cmp, old->root);
    }

  differences = g_new0 (JpDifferences, 1);
  differences->differences = group_differences (found);

  g_hash_table_unref (cmp.new_uids);
  g_hash_table_unref (cmp.matches);
  g_hash_table_unref (cmp.matched_old);
  g_hash_table_unref (cmp.reordered);
  return differences;
}

/* One side of a value on one line, not too long to read. */
static char *
one_line (const char *value)
{
  g_autoptr(GString) line = g_string_new (NULL);

  if (value == NULL)
    return g_strdup ("—");
  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_utf8_strlen (line->str, -1) >= 60)
        {
          g_string_append (line, "…");
          break;
        }
      if (c == '\n' || c == '\t' || c == '\r')
        c = ' ';
      g_string_append_unichar (line, c);
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

#define WORDS_CONTEXT 30

/* @text on one line, @from and @n in characters (-1: to the end). */
static void
append_flat (GString    *line,
             const char *text,
             glong       from,
             glong       n)
{
  g_autofree char *part = g_utf8_substring (text, from, n < 0 ? g_utf8_strlen (text, -1) : from + n);

  for (char *p = part; *p; p++)
    if (*p == '\n' || *p == '\t' || *p == '\r')
      *p = ' ';
  g_string_append (line, part);
}

/* A text's change on one line, as word diffs write it: the removed
 * words in [-…-], the added in {+…+}, with a few words around each
 * change and the rest left out ("…"). */
static char *
words_line (GPtrArray *words)
{
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const JpWords *run = g_ptr_array_index (words, i);
      glong len = g_utf8_strlen (run->text, -1);

      if (run->op == JP_WORDS_REMOVED || run->op == JP_WORDS_ADDED)
        {
          g_string_append (line, run->op == JP_WORDS_REMOVED ? "[-" : "{+");
          append_flat (line, run->text, 0, -1);
          g_string_append (line, run->op == JP_WORDS_REMOVED ? "-]" : "+}");
        }
      else if (i == 0 && len > WORDS_CONTEXT)
        {
          g_string_append (line, "…");
          append_flat (line, run->text, len - WORDS_CONTEXT, -1);
        }
      else if (i + 1 == words->len && len > WORDS_CONTEXT)
        {
          append_flat (line, run->text, 0, WORDS_CONTEXT);
          g_string_append (line, "…");
        }
      else if (i > 0 && i + 1 < words->len && len > 2 * WORDS_CONTEXT)
        {
          append_flat (line, run->text, 0, WORDS_CONTEXT);
          g_string_append (line, "…");
          append_flat (line, run->text, len - WORDS_CONTEXT, -1);
        }
      else
        append_flat (line, run->text, 0, -1);
    }
  return g_string_free (line, FALSE);
}

static char *
value_name (const JpValueChange *value)
{
  switch (value->kind)
    {
    case JP_VALUE_PHASE:
      return g_strdup ("phase");
    case JP_VALUE_STATUS:
      return g_strdup ("status");
    case JP_VALUE_FIELD:
      return g_strdup (jp_field_to_string (value->field));
    case JP_VALUE_TEXT:
      return g_strdup_printf ("%s (%s)", jp_text_field_to_string (value->field),
                              jp_lang_to_string (value->lang));
    case JP_VALUE_AREAS:
      return g_strdup ("areas");
    case JP_VALUE_PLACE:
    default:
      return g_strdup ("place");
    }
}

GPtrArray *
jp_difference_to_lines (const JpDifference *difference)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GString *line;

  g_return_val_if_fail (difference != NULL, lines);

  if (difference->kind != JP_DIFFERENCE_CHANGED)
    {
      line = g_string_new (NULL);
      g_string_append_printf (line, "%s %s %s",
                              difference->kind == JP_DIFFERENCE_ADDED ? "added" : "removed",
                              difference->uid, jp_kind_to_string (difference->item_kind));
      if (difference->number)
        g_string_append_printf (line, " %s", difference->number);
      if (difference->status != JP_STATUS_NONE)
        g_string_append_printf (line, " (%s)", jp_status_to_string (difference->status));
      if (difference->descendants > 0)
        g_string_append_printf (line, " +%u", difference->descendants);
      g_ptr_array_add (lines, g_string_free (line, FALSE));
      return lines;
    }
  for (guint i = 0; difference->values && i < difference->values->len; i++)
    {
      const JpValueChange *value = g_ptr_array_index (difference->values, i);
      g_autofree char *name = value_name (value);
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;
      g_autofree char *words = NULL;

      /* A text on both sides: what changed in it, not two starts that
       * may well be the same. */
      if (value->words && value->old_value && value->new_value)
        {
          words = words_line (value->words);
          g_ptr_array_add (lines, g_strdup_printf ("changed %s %s: %s", difference->uid, name, words));
          continue;
        }
      old_value = one_line (value->old_value);
      new_value = one_line (value->new_value);
      g_ptr_array_add (lines, g_strdup_printf ("changed %s %s: %s → %s", difference->uid,
                                               name, old_value, new_value));
    }
  return lines;
}
