/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "model/jp-differences.h"

/* What differs between two snapshots, item by item and word by word. */

static JpSnapshotItem *
add (JpSnapshot *snapshot,
     gint64      id,
     gint64      parent,
     guint       position,
     JpKind      kind,
     const char *uid)
{
  JpItemData data = { 0 };

  data.id = id;
  data.parent_id = parent;
  data.position = position;
  data.kind = kind;
  data.uid = g_strdup (uid);
  return _jp_snapshot_add (snapshot, &data);
}

static void
set_text (JpSnapshot  *snapshot,
          gint64       id,
          JpTextField  field,
          JpLang       lang,
          const char  *value)
{
  JpSnapshotItem *item = _jp_snapshot_lookup (snapshot, id);

  g_free (item->data.texts[field][lang]);
  item->data.texts[field][lang] = g_strdup (value);
}

static void
set_field (JpSnapshot  *snapshot,
           gint64       id,
           JpField      field,
           const char  *value)
{
  JpSnapshotItem *item = _jp_snapshot_lookup (snapshot, id);

  g_free (item->data.fields[field]);
  item->data.fields[field] = g_strdup (value);
}

static JpSnapshotItem *
add_project (JpSnapshot *snapshot,
             gint64      id,
             gint64      parent,
             guint       position,
             const char *uid)
{
  JpSnapshotItem *project = add (snapshot, id, parent, position, JP_KIND_PROJECT, uid);

  project->data.phase = JP_PHASE_NEW;
  project->data.status = JP_STATUS_PLANNED;
  project->data.texts[JP_TEXT_TITLE][JP_LANG_NL] = g_strdup_printf ("Project %s", uid);
  project->data.texts[JP_TEXT_TITLE][JP_LANG_FR] = g_strdup_printf ("Projet %s", uid);
  return project;
}

/* A plan with a chapter, sections 5.6 (p5 … p8) and 5.7 (p1 … p4, p1
 * with two items); the tree is built by the caller. */
static JpSnapshot *
plan_new (void)
{
  JpSnapshot *snapshot = _jp_snapshot_new ();
  JpSnapshotItem *s57;

  add (snapshot, 1, 0, 0, JP_KIND_PLAN, "plan");
  add (snapshot, 2, 1, 0, JP_KIND_CHAPTER, "ch-5");
  set_field (snapshot, 2, JP_FIELD_NUMBER, "5");
  add (snapshot, 3, 2, 0, JP_KIND_SECTION, "sec-5.6");
  set_field (snapshot, 3, JP_FIELD_NUMBER, "5.6");
  set_text (snapshot, 3, JP_TEXT_TITLE, JP_LANG_NL, "Veiligheid");
  s57 = add (snapshot, 4, 2, 1, JP_KIND_SECTION, "sec-5.7");
  set_field (snapshot, 4, JP_FIELD_NUMBER, "5.7");
  set_text (snapshot, 4, JP_TEXT_TITLE, JP_LANG_NL, "Fraudebestrijding");
  set_text (snapshot, 4, JP_TEXT_TITLE, JP_LANG_FR, "Lutte contre la fraude");
  s57->areas = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (s57->areas, g_strdup ("area-1"));

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *uid = g_strdup_printf ("sec-5.7-p%u", i + 1);

      add_project (snapshot, 10 + i, 4, i, uid);
    }
  add (snapshot, 20, 10, 0, JP_KIND_ITEM, "sec-5.7-p1-i1");
  add (snapshot, 21, 10, 1, JP_KIND_ITEM, "sec-5.7-p1-i2");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *uid = g_strdup_printf ("sec-5.6-p%u", i + 5);

      add_project (snapshot, 30 + i, 3, i, uid);
    }
  return snapshot;
}

static const JpValueChange *
find_value (const JpDifference *difference,
            JpValueKind         kind,
            int                 field,
            JpLang              lang)
{
  for (guint i = 0; difference->values && i < difference->values->len; i++)
    {
      const JpValueChange *value = g_ptr_array_index (difference->values, i);

      if (value->kind == kind && value->field == field && value->lang == lang)
        return value;
    }
  return NULL;
}

static void
assert_value (const JpDifference *difference,
              JpValueKind         kind,
              int                 field,
              JpLang              lang,
              const char         *old_value,
              const char         *new_value)
{
  const JpValueChange *value = find_value (difference, kind, field, lang);

  g_assert_nonnull (value);
  g_assert_cmpstr (value->old_value, ==, old_value);
  g_assert_cmpstr (value->new_value, ==, new_value);
  g_assert_true ((value->words != NULL) == (kind == JP_VALUE_TEXT));
}

static void
test_identical (void)
{
  g_autoptr(JpSnapshot) old = plan_new ();
  g_autoptr(JpSnapshot) new = plan_new ();
  g_autoptr(JpDifferences) differences = NULL;

  _jp_snapshot_build_tree (old, 1);
  _jp_snapshot_build_tree (new, 1);
  differences = jp_differences_compute (old, new, NULL, JP_DIFFERENCES_DEFAULT);
  g_assert_cmpuint (differences->differences->len, ==, 0);
  g_assert_null (jp_differences_find (differences, "sec-5.7"));
}

static void
test_every_kind (void)
{
  g_autoptr(JpSnapshot) old = plan_new ();
  g_autoptr(JpSnapshot) new = plan_new ();
  g_autoptr(JpDifferences) differences = NULL;
  const JpDifference *d;
  JpSnapshotItem *item, *s57;

  /* p1 goes with its two items; p9 comes with three. */
  g_hash_table_remove (new->items, &(gint64) { 20 });
  g_hash_table_remove (new->items, &(gint64) { 21 });
  g_hash_table_remove (new->items, &(gint64) { 10 });
  add_project (new, 50, 4, 9, "sec-5.7-p9");
  for (guint i = 0; i < 3; i++)
    add (new, 51 + i, 50, i, JP_KIND_ITEM, NULL);
  /* p2: status and phase; p3: every field and both titles; p4: a text in French. */
  item = _jp_snapshot_lookup (new, 11);
  item->data.status = JP_STATUS_DONE;
  item->data.phase = JP_PHASE_ONGOING;
  set_field (new, 12, JP_FIELD_CODE, "X2");
  set_field (new, 12, JP_FIELD_PERSON, "An Peeters");
  set_field (new, 12, JP_FIELD_EMAIL, "a.peeters@benelux.int");
  set_field (new, 12, JP_FIELD_PHONE, "+32 2 519 38 11");
  set_field (new, 12, JP_FIELD_VALID_FROM, "2013-06-30");
  set_text (new, 12, JP_TEXT_TITLE, JP_LANG_NL, "Een ander project");
  set_text (new, 12, JP_TEXT_TITLE, JP_LANG_FR, "Un autre projet");
  set_text (new, 13, JP_TEXT_BODY, JP_LANG_FR, "Un texte neuf.");
  /* 5.7 serves another area too. */
  s57 = _jp_snapshot_lookup (new, 4);
  g_ptr_array_add (s57->areas, g_strdup ("area-4"));
  /* p5 moves from 5.6 to 5.7; p8 goes first in 5.6. */
  item = _jp_snapshot_lookup (new, 30);
  item->data.parent_id = 4;
  item->data.position = 5;
  _jp_snapshot_lookup (new, 33)->data.position = 0;
  _jp_snapshot_lookup (new, 31)->data.position = 1;
  _jp_snapshot_lookup (new, 32)->data.position = 2;
  set_field (old, 12, JP_FIELD_CODE, "X1");

  _jp_snapshot_build_tree (old, 1);
  _jp_snapshot_build_tree (new, 1);
  differences = jp_differences_compute (old, new, NULL, JP_DIFFERENCES_DEFAULT);

  d = jp_differences_find (differences, "sec-5.7-p1");
  g_assert_nonnull (d);
  g_assert_cmpint (d->kind, ==, JP_DIFFERENCE_REMOVED);
  g_assert_cmpint (d->old_id, ==, 10);
  g_assert_cmpint (d->new_id, ==, 0);
  g_assert_cmpuint (d->descendants, ==, 2);
  g_assert_cmpint (d->status, ==, JP_STATUS_PLANNED);
  g_assert_cmpstr (d->group, ==, "sec-5.7");
  g_assert_cmpstr (d->titles[JP_LANG_FR], ==, "Projet sec-5.7-p1");
  g_assert_null (jp_differences_find (differences, "sec-5.7-p1-i1"));

  d = jp_differences_find (differences, "sec-5.7-p9");
  g_assert_nonnull (d);
  g_assert_cmpint (d->kind, ==, JP_DIFFERENCE_ADDED);
  g_assert_cmpint (d->new_id, ==, 50);
  g_assert_cmpint (d->old_id, ==, 0);
  g_assert_cmpuint (d->descendants, ==, 3);
  g_assert_cmpstr (d->group_number, ==, "5.7");
  g_assert_cmpstr (d->group_titles[JP_LANG_NL], ==, "Fraudebestrijding");

  d = jp_differences_find (differences, "sec-5.7-p2");
  g_assert_cmpint (d->kind, ==, JP_DIFFERENCE_CHANGED);
  g_assert_cmpuint (d->values->len, ==, 2);
  assert_value (d, JP_VALUE_STATUS, 0, 0, "planned", "done");
  assert_value (d, JP_VALUE_PHASE, 0, 0, "new", "ongoing");

  d = jp_differences_find (differences, "sec-5.7-p3");
  g_assert_cmpuint (d->values->len, ==, 7);
  assert_value (d, JP_VALUE_FIELD, JP_FIELD_CODE, 0, "X1", "X2");
  assert_value (d, JP_VALUE_FIELD, JP_FIELD_PERSON, 0, NULL, "An Peeters");
  assert_value (d, JP_VALUE_FIELD, JP_FIELD_EMAIL, 0, NULL, "a.peeters@benelux.int");
  assert_value (d, JP_VALUE_FIELD, JP_FIELD_PHONE, 0, NULL, "+32 2 519 38 11");
  assert_value (d, JP_VALUE_FIELD, JP_FIELD_VALID_FROM, 0, NULL, "2013-06-30");
  assert_value (d, JP_VALUE_TEXT, JP_TEXT_TITLE, JP_LANG_NL, "Project sec-5.7-p3", "Een ander project");
  assert_value (d, JP_VALUE_TEXT, JP_TEXT_TITLE, JP_LANG_FR, "Projet sec-5.7-p3", "Un autre projet");

  d = jp_differences_find (differences, "sec-5.7-p4");
  g_assert_cmpuint (d->values->len, ==, 1);
  assert_value (d, JP_VALUE_TEXT, JP_TEXT_BODY, JP_LANG_FR, NULL, "Un texte neuf.");

  d = jp_differences_find (differences, "sec-5.7");
  g_assert_cmpuint (d->values->len, ==, 1);
  assert_value (d, JP_VALUE_AREAS, 0, 0, "area-1", "area-1 area-4");

  /* A move between sections: listed in the new one. */
  d = jp_differences_find (differences, "sec-5.6-p5");
  g_assert_cmpuint (d->values->len, ==, 1);
  assert_value (d, JP_VALUE_PLACE, 0, 0, "sec-5.6 1", "sec-5.7 4");
  g_assert_cmpstr (d->group, ==, "sec-5.7");
  /* A reorder: only the one that went elsewhere among its siblings. */
  d = jp_differences_find (differences, "sec-5.6-p8");
  assert_value (d, JP_VALUE_PLACE, 0, 0, "sec-5.6 4", "sec-5.6 1");
  g_assert_null (jp_differences_find (differences, "sec-5.6-p6"));
  g_assert_null (jp_differences_find (differences, "sec-5.6-p7"));

  /* p1, p9, p2, p3, p4, 5.7, p5, p8 and nothing else, by section in the
   * new side's order. */
  g_assert_cmpuint (differences->differences->len, ==, 8);
  d = g_ptr_array_index (differences->differences, 0);
  g_assert_cmpstr (d->uid, ==, "sec-5.6-p8");
  for (guint i = 1; i < differences->differences->len; i++)
    {
      d = g_ptr_array_index (differences->differences, i);
      g_assert_cmpstr (d->group, ==, "sec-5.7");
    }
  d = g_ptr_array_index (differences->differences, 1);
  g_assert_cmpstr (d->uid, ==, "sec-5.7");
  d = g_ptr_array_index (differences->differences, differences->differences->len - 1);
  g_assert_cmpstr (d->uid, ==, "sec-5.7-p1");
}

/* Across years the items are matched by the links, and the year's own
 * bookkeeping is no difference. */
static void
test_years (void)
{
  g_autoptr(JpSnapshot) old = plan_new ();
  g_autoptr(JpSnapshot) new = _jp_snapshot_new ();
  g_autoptr(GHashTable) links = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(JpDifferences) differences = NULL;
  GHashTableIter iter;
  gpointer value;
  const JpDifference *d;

  g_hash_table_iter_init (&iter, old->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JpSnapshotItem *item = value;
      g_autofree char *uid = g_strdup_printf ("%s-2014", item->data.uid);
      JpSnapshotItem *copy = add (new, item->data.id + 1000,
                                  item->data.parent_id ? item->data.parent_id + 1000 : 0,
                                  item->data.position, item->data.kind, uid);

      copy->data.phase = item->data.phase;
      copy->data.status = item->data.status;
      for (guint t = 0; t < JP_N_TEXTS; t++)
        for (guint l = 0; l < JP_N_LANGS; l++)
          copy->data.texts[t][l] = g_strdup (item->data.texts[t][l]);
      for (guint f = 0; f < JP_N_FIELDS; f++)
        copy->data.fields[f] = g_strdup (item->data.fields[f]);
      if (item->areas)
        copy->areas = g_ptr_array_copy (item->areas, (GCopyFunc) (void (*) (void)) g_strdup, NULL);
      g_hash_table_insert (links, g_memdup2 (&copy->data.id, sizeof (gint64)),
                           g_memdup2 (&item->data.id, sizeof (gint64)));
    }
  set_text (new, 1001, JP_TEXT_TITLE, JP_LANG_NL, "Jaarplan 2014");
  set_text (new, 1011, JP_TEXT_PROGRESS, JP_LANG_NL, "Halverwege");
  set_field (new, 1011, JP_FIELD_PROGRESS_DATE, "2014-02-01");
  set_text (new, 1012, JP_TEXT_TITLE, JP_LANG_NL, "Nieuwe titel");
  _jp_snapshot_lookup (new, 1032)->data.position = 9;
  _jp_snapshot_build_tree (old, 1);
  _jp_snapshot_build_tree (new, 1001);

  differences = jp_differences_compute (old, new, links, JP_DIFFERENCES_YEARS);
  g_assert_cmpuint (differences->differences->len, ==, 1);
  d = g_ptr_array_index (differences->differences, 0);
  g_assert_cmpstr (d->uid, ==, "sec-5.7-p3-2014");
  g_assert_cmpint (d->old_id, ==, 12);
  g_assert_cmpint (d->new_id, ==, 1012);
  g_assert_cmpstr (d->group, ==, "sec-5.7-2014");
  assert_value (d, JP_VALUE_TEXT, JP_TEXT_TITLE, JP_LANG_NL, "Project sec-5.7-p3", "Nieuwe titel");

  /* By uid instead, nothing matches but the root's children go and come. */
  {
    g_autoptr(JpDifferences) by_uid = jp_differences_compute (old, new, NULL, JP_DIFFERENCES_DEFAULT);

    g_assert_cmpuint (by_uid->differences->len, ==, 2);
    d = g_ptr_array_index (by_uid->differences, 0);
    g_assert_cmpint (d->kind, ==, JP_DIFFERENCE_ADDED);
    g_assert_cmpuint (d->descendants, ==, 12);
    d = g_ptr_array_index (by_uid->differences, 1);
    g_assert_cmpint (d->kind, ==, JP_DIFFERENCE_REMOVED);
    g_assert_cmpuint (d->descendants, ==, 12);
  }
}

static char *
join_runs (GPtrArray *runs,
           JpWordsOp  left_out)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < runs->len; i++)
    {
      const JpWords *words = g_ptr_array_index (runs, i);

      g_assert_cmpstr (words->text, !=, "");
      if (i > 0)
        g_assert_cmpint (words->op, !=, ((JpWords *) g_ptr_array_index (runs, i - 1))->op);
      if (words->op != left_out)
        g_string_append (text, words->text);
    }
  return g_string_free (text, FALSE);
}

static void
assert_words (const char *old_text,
              const char *new_text)
{
  g_autoptr(GPtrArray) runs = jp_words_compare (old_text, new_text);
  g_autofree char *old_side = join_runs (runs, JP_WORDS_ADDED);
  g_autofree char *new_side = join_runs (runs, JP_WORDS_REMOVED);

  g_assert_cmpstr (old_side, ==, old_text ? old_text : "");
  g_assert_cmpstr (new_side, ==, new_text ? new_text : "");
}

static void
assert_run (GPtrArray  *runs,
            guint       i,
            JpWordsOp   op,
            const char *text)
{
  const JpWords *words;

  g_assert_cmpuint (i, <, runs->len);
  words = g_ptr_array_index (runs, i);
  g_assert_cmpint (words->op, ==, op);
  g_assert_cmpstr (words->text, ==, text);
}

static void
test_words (void)
{
  g_autoptr(GPtrArray) nl = jp_words_compare ("Het plan wordt in juni besproken.",
                                              "Het plan wordt in juli besproken.");
  g_autoptr(GPtrArray) fr = jp_words_compare ("Le plan sera discuté en juin à Bruxelles.",
                                              "Le plan sera discuté en juillet à Luxembourg.");
  g_autoptr(GPtrArray) none = jp_words_compare (NULL, NULL);
  g_autoptr(GPtrArray) added = jp_words_compare (NULL, "Nieuw");
  g_autoptr(GPtrArray) removed = jp_words_compare ("Weg", "");
  g_autoptr(GPtrArray) two = jp_words_compare ("een twee drie vier", "een drie vier vijf");
  g_autoptr(GPtrArray) title = jp_words_compare ("Fiscale samenwerking en strijd tegen de fraude", "Andere titel");

  g_assert_cmpuint (nl->len, ==, 4);
  assert_run (nl, 0, JP_WORDS_SAME, "Het plan wordt in ");
  assert_run (nl, 1, JP_WORDS_REMOVED, "juni");
  assert_run (nl, 2, JP_WORDS_ADDED, "juli");
  assert_run (nl, 3, JP_WORDS_SAME, " besproken.");

  g_assert_cmpuint (fr->len, ==, 7);
  assert_run (fr, 1, JP_WORDS_REMOVED, "juin");
  assert_run (fr, 2, JP_WORDS_ADDED, "juillet");
  assert_run (fr, 3, JP_WORDS_SAME, " à ");
  assert_run (fr, 4, JP_WORDS_REMOVED, "Bruxelles");
  assert_run (fr, 5, JP_WORDS_ADDED, "Luxembourg");
  assert_run (fr, 6, JP_WORDS_SAME, ".");

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (added->len, ==, 1);
  assert_run (added, 0, JP_WORDS_ADDED, "Nieuw");
  g_assert_cmpuint (removed->len, ==, 1);
  assert_run (removed, 0, JP_WORDS_REMOVED, "Weg");
  for (guint i = 0; i < two->len; i++)
    {
      const JpWords *words = g_ptr_array_index (two, i);

      if (words->op == JP_WORDS_REMOVED)
        g_assert_nonnull (strstr (words->text, "twee"));
      if (words->op == JP_WORDS_ADDED)
        g_assert_nonnull (strstr (words->text, "vijf"));
    }

  /* Not two changes around a shared space: one. */
  g_assert_cmpuint (title->len, ==, 2);
  assert_run (title, 0, JP_WORDS_REMOVED, "Fiscale samenwerking en strijd tegen de fraude");
  assert_run (title, 1, JP_WORDS_ADDED, "Andere titel");

  assert_words ("Het plan wordt in juni besproken.", "Het plan wordt in juli besproken.");
  assert_words ("een twee drie vier", "een drie vier vijf");
  assert_words ("Eerste  regel,\n\ttweede regel. ", "Eerste regel;\n\n\ttweede regels.");
  assert_words ("Référence : l’accord du 12 décembre", "Référence : l’accord du 14 décembre 2013");
  assert_words (NULL, "Nieuw");
  assert_words ("Weg", NULL);
  assert_words ("", "");
  assert_words ("zelfde tekst", "zelfde tekst");

  /* Random texts from a few words: both sides come back every time. */
  for (guint round = 0; round < 200; round++)
    {
      static const char *vocabulary[] = { "het", "plan", " ", ", ", "jaar", "\n", "é" };
      g_autoptr(GString) a = g_string_new (NULL);
      g_autoptr(GString) b = g_string_new (NULL);

      for (guint i = g_test_rand_int_range (0, 40); i > 0; i--)
        g_string_append (a, vocabulary[g_test_rand_int_range (0, G_N_ELEMENTS (vocabulary))]);
      for (guint i = g_test_rand_int_range (0, 40); i > 0; i--)
        g_string_append (b, vocabulary[g_test_rand_int_range (0, G_N_ELEMENTS (vocabulary))]);
      assert_words (a->str, b->str);
    }
}

/* Two long texts with nothing in common: bounded, still both sides. */
static void
test_words_bounded (void)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(GPtrArray) runs = NULL;

  for (guint i = 0; i < 20000; i++)
    {
      g_string_append_printf (a, "a%u ", i);
      g_string_append_printf (b, "b%u ", i);
    }
  g_string_append (a, "slot");
  g_string_append (b, "slot");
  runs = jp_words_compare (a->str, b->str);
  g_assert_cmpuint (runs->len, ==, 3);
  assert_run (runs, 2, JP_WORDS_SAME, " slot");
  assert_words (a->str, b->str);
}

static JpSnapshot *
large_plan (guint n_sections)
{
  JpSnapshot *snapshot = _jp_snapshot_new ();
  gint64 id = 1;

  add (snapshot, id++, 0, 0, JP_KIND_PLAN, "plan");
  for (guint s = 0; s < n_sections; s++)
    {
      g_autofree char *uid = g_strdup_printf ("sec-%u", s);
      gint64 section = id++;

      add (snapshot, section, 1, s, JP_KIND_SECTION, uid);
      for (guint p = 0; p < 99; p++)
        {
          g_autofree char *project = g_strdup_printf ("sec-%u-p%u", s, p);

          add_project (snapshot, id++, section, p, project);
        }
    }
  _jp_snapshot_build_tree (snapshot, 1);
  return snapshot;
}

/* 10,000 items against 20,000: the 100 new sections, 10 changes. */
static void
test_large (void)
{
  g_autoptr(JpSnapshot) old = large_plan (100);
  g_autoptr(JpSnapshot) new = large_plan (200);
  g_autoptr(JpDifferences) differences = NULL;
  guint added = 0, changed = 0;

  g_assert_cmpuint (g_hash_table_size (old->items), ==, 10001);
  g_assert_cmpuint (g_hash_table_size (new->items), ==, 20001);
  for (guint i = 0; i < 10; i++)
    _jp_snapshot_lookup (new, 3 + i * 100)->data.status = JP_STATUS_DONE;
  differences = jp_differences_compute (old, new, NULL, JP_DIFFERENCES_DEFAULT);
  for (guint i = 0; i < differences->differences->len; i++)
    {
      const JpDifference *d = g_ptr_array_index (differences->differences, i);

      if (d->kind == JP_DIFFERENCE_ADDED)
        {
          g_assert_cmpuint (d->descendants, ==, 99);
          added++;
        }
      else
        {
          g_assert_cmpint (d->kind, ==, JP_DIFFERENCE_CHANGED);
          changed++;
        }
    }
  g_assert_cmpuint (added, ==, 100);
  g_assert_cmpuint (changed, ==, 10);
}

static void
test_lines (void)
{
  g_autoptr(JpSnapshot) old = plan_new ();
  g_autoptr(JpSnapshot) new = plan_new ();
  g_autoptr(JpDifferences) differences = NULL;
  g_autoptr(GPtrArray) changed = NULL, removed = NULL;

  _jp_snapshot_lookup (new, 12)->data.status = JP_STATUS_DONE;
  set_text (new, 12, JP_TEXT_BODY, JP_LANG_NL, "Eerste regel\ntweede");
  g_hash_table_remove (new->items, &(gint64) { 13 });
  _jp_snapshot_build_tree (old, 1);
  _jp_snapshot_build_tree (new, 1);
  differences = jp_differences_compute (old, new, NULL, JP_DIFFERENCES_DEFAULT);

  changed = jp_difference_to_lines (jp_differences_find (differences, "sec-5.7-p3"));
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (changed, 0), ==, "changed sec-5.7-p3 status: planned → done");
  g_assert_cmpstr (g_ptr_array_index (changed, 1), ==, "changed sec-5.7-p3 text (nl): — → Eerste regel tweede");
  removed = jp_difference_to_lines (jp_differences_find (differences, "sec-5.7-p4"));
  g_assert_cmpuint (removed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (removed, 0), ==, "removed sec-5.7-p4 project (planned)");
}

/* A text changed on both sides reads as the words that changed, with a
 * few words around them: not as two starts that are the same. */
static void
test_lines_words (void)
{
  g_autoptr(JpSnapshot) old = plan_new ();
  g_autoptr(JpSnapshot) new = plan_new ();
  g_autoptr(JpDifferences) differences = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  const char *start = "Uitbouwen van een risico-analyse op basis van profielen waarmee spelers binnen de "
                      "carrouselfraude op ";
  g_autofree char *before = g_strconcat (start, "stelselmatige en gestructureerde wijze kunnen worden "
                                         "opgespoord;", NULL);
  g_autofree char *after = g_strconcat (start, "doelgerichte en gestructureerde wijze kunnen worden "
                                        "opgespoord met voorrang;", NULL);

  set_text (old, 12, JP_TEXT_BODY, JP_LANG_NL, before);
  set_text (new, 12, JP_TEXT_BODY, JP_LANG_NL, after);
  _jp_snapshot_build_tree (old, 1);
  _jp_snapshot_build_tree (new, 1);
  differences = jp_differences_compute (old, new, NULL, JP_DIFFERENCES_DEFAULT);

  lines = jp_difference_to_lines (jp_differences_find (differences, "sec-5.7-p3"));
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==,
                   "changed sec-5.7-p3 text (nl): … binnen de carrouselfraude op "
                   "[-stelselmatige-]{+doelgerichte+} en gestructureerde wijze kunnen worden "
                   "opgespoord{+ met voorrang+};");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/differences/identical", test_identical);
  g_test_add_func ("/differences/every-kind", test_every_kind);
  g_test_add_func ("/differences/years", test_years);
  g_test_add_func ("/differences/words", test_words);
  g_test_add_func ("/differences/words-bounded", test_words_bounded);
  g_test_add_func ("/differences/large", test_large);
  g_test_add_func ("/differences/lines", test_lines);
  g_test_add_func ("/differences/lines-words", test_lines_words);

  return g_test_run ();
}
