/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"

#include "model/jp-year-compare.h"
#include "model/store/jp-database.h"

/* What changed from one year's plan to the next. */

static JpItem *
find (JpDatabase *db,
      JpKind      kind,
      const char *number)
{
  JpItem *item = jp_database_find_numbered (db, kind, number);

  g_assert_nonnull (item);
  return item;
}

static JpItem *
nth_child (JpDatabase *db,
           JpItem     *parent,
           JpKind      kind,
           guint       n)
{
  g_autoptr(GListModel) children = jp_database_get_children (db, parent, JP_KIND_MASK (kind));

  g_assert_cmpuint (g_list_model_get_n_items (children), >, n);
  return g_list_model_get_item (children, n);
}

static void
open_year (JpDatabase *db,
           guint       year)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_database_set_year (db, year, &error));
  g_assert_no_error (error);
}

static void
new_plan (JpDatabase *db,
          guint       year)
{
  g_autoptr(GError) error = NULL;
  JpNewPlanSummary summary;

  g_assert_true (jp_database_new_plan (db, year, &summary, &error));
  g_assert_no_error (error);
}

/* A year made from the last and left alone differs only by what the
 * carrying over does to projects: new ones go on as ongoing. */
static void
test_untouched (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpYearComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  guint n_new = 0;

  new_plan (db, 2014);
  comparison = jp_year_compare (db, 2013, 2014, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comparison->from, ==, 2013);
  g_assert_cmpuint (comparison->to, ==, 2014);
  g_assert_cmpuint (comparison->changes->len, >, 0);
  for (guint i = 0; i < comparison->changes->len; i++)
    {
      const JpYearChange *change = g_ptr_array_index (comparison->changes, i);

      g_assert_cmpint (change->kind, ==, JP_YEAR_CHANGE_CHANGED);
      g_assert_cmpint (change->item_kind, ==, JP_KIND_PROJECT);
      g_assert_cmpuint (change->fields, ==, 0);
      g_assert_cmpuint (change->texts[JP_LANG_NL] | change->texts[JP_LANG_FR], ==, 0);
      g_assert_false (change->moved);
      g_assert_cmpint (change->new_phase, ==, JP_PHASE_ONGOING);
      g_assert_cmpint (change->new_status, ==, JP_STATUS_IN_PROGRESS);
      g_assert_true (change->old_phase == JP_PHASE_NEW || change->old_status != JP_STATUS_IN_PROGRESS);
      g_assert_true (g_str_has_suffix (change->uid, "-2014"));
      g_assert_cmpint (change->previous, !=, 0);
      if (change->old_phase == JP_PHASE_NEW)
        n_new++;
    }
  /* The bundled plan's new projects, all of them. */
  g_assert_cmpuint (n_new, >, 10);

  /* Either order, the same comparison. */
  {
    g_autoptr(JpYearComparison) back = jp_year_compare (db, 2014, 2013, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (back->from, ==, 2013);
    g_assert_cmpuint (back->changes->len, ==, comparison->changes->len);
  }
  /* A year with itself: nothing. */
  {
    g_autoptr(JpYearComparison) same = jp_year_compare (db, 2014, 2014, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (same->changes->len, ==, 0);
  }
}

static void
test_changes (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpYearComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) s57 = NULL, s56 = NULL, done = NULL, moving = NULL, added = NULL, kept = NULL;
  g_autofree char *done_uid = NULL, *moving_uid = NULL, *added_uid = NULL, *s57_uid = NULL, *kept_uid = NULL;
  const JpYearChange *change;
  guint done_items;

  /* 2013: a project done, another with a progress note. */
  s57 = find (db, JP_KIND_SECTION, "5.7");
  done = nth_child (db, s57, JP_KIND_PROJECT, 0);
  done_uid = g_strdup (jp_item_get_uid (done));
  done_items = jp_database_count_descendants (db, done, JP_KIND_MASK_ALL);
  g_assert_true (jp_database_set_status (db, done, JP_STATUS_DONE, &error));
  g_assert_no_error (error);
  kept = nth_child (db, s57, JP_KIND_PROJECT, 1);
  g_assert_true (jp_database_set_text (db, kept, JP_TEXT_PROGRESS, JP_LANG_NL, "Halverwege", &error));
  g_assert_no_error (error);
  kept_uid = g_strdup_printf ("%s-2014", jp_item_get_uid (kept));
  g_clear_object (&s57);
  g_clear_object (&kept);

  new_plan (db, 2014);
  open_year (db, 2014);

  /* 2014: a section's French title, a project added, one moved to 5.6,
   * a progress note (the year's own: not a change of the plan). */
  s57 = find (db, JP_KIND_SECTION, "5.7");
  s57_uid = g_strdup (jp_item_get_uid (s57));
  g_assert_true (jp_database_set_text (db, s57, JP_TEXT_TITLE, JP_LANG_FR, "Un autre titre", &error));
  g_assert_no_error (error);
  added = jp_database_add_item_full (db, s57, JP_KIND_PROJECT, NULL, JP_PHASE_NEW, JP_STATUS_NONE, &error);
  g_assert_no_error (error);
  added_uid = g_strdup (jp_item_get_uid (added));
  g_assert_true (jp_database_set_text (db, added, JP_TEXT_BODY, JP_LANG_NL, "Nieuw in 2014", &error));
  g_assert_no_error (error);
  moving = nth_child (db, s57, JP_KIND_PROJECT, 1);
  moving_uid = g_strdup (jp_item_get_uid (moving));
  s56 = find (db, JP_KIND_SECTION, "5.6");
  g_assert_true (jp_database_move_item (db, moving, s56, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(JpItem) item = jp_database_lookup_uid (db, kept_uid);

    g_assert_nonnull (item);
    g_assert_true (jp_database_set_text (db, item, JP_TEXT_PROGRESS, JP_LANG_NL, "Verder", &error));
    g_assert_no_error (error);
  }

  comparison = jp_year_compare (db, 2013, 2014, &error);
  g_assert_no_error (error);

  change = jp_year_comparison_find (comparison, done_uid);
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, JP_YEAR_CHANGE_REMOVED);
  g_assert_cmpint (change->old_status, ==, JP_STATUS_DONE);
  g_assert_cmpuint (change->descendants, ==, done_items);
  g_assert_cmpstr (change->group, ==, "5.7");

  change = jp_year_comparison_find (comparison, added_uid);
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, JP_YEAR_CHANGE_ADDED);
  g_assert_cmpint (change->previous, ==, 0);
  g_assert_cmpstr (change->group, ==, "5.7");

  change = jp_year_comparison_find (comparison, s57_uid);
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, JP_YEAR_CHANGE_CHANGED);
  g_assert_cmpuint (change->texts[JP_LANG_FR], ==, JP_TEXT_MASK (JP_TEXT_TITLE));
  g_assert_cmpuint (change->texts[JP_LANG_NL], ==, 0);
  g_assert_false (change->moved);
  g_assert_cmpstr (change->group_titles[JP_LANG_FR], ==, "Un autre titre");

  change = jp_year_comparison_find (comparison, moving_uid);
  g_assert_nonnull (change);
  g_assert_true (change->moved);
  g_assert_cmpstr (change->group, ==, "5.6");

  /* The progress note alone is no change; its project is listed only
   * for what carrying it over did. */
  change = jp_year_comparison_find (comparison, kept_uid);
  if (change)
    g_assert_cmpuint (change->texts[JP_LANG_NL] | change->texts[JP_LANG_FR], ==, 0);

  /* Each group's changes together. */
  {
    g_autoptr(GHashTable) closed = g_hash_table_new (g_str_hash, g_str_equal);
    const char *group = NULL;

    for (guint i = 0; i < comparison->changes->len; i++)
      {
        const JpYearChange *c = g_ptr_array_index (comparison->changes, i);

        if (g_strcmp0 (c->group, group) != 0)
          {
            if (group)
              g_hash_table_add (closed, (gpointer) group);
            g_assert_false (g_hash_table_contains (closed, c->group));
            group = c->group;
          }
      }
  }
}

/* 2013 to 2015 follows the links through 2014. */
static void
test_across_years (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(JpYearComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) s57 = NULL;

  new_plan (db, 2014);
  new_plan (db, 2015);
  open_year (db, 2015);
  s57 = find (db, JP_KIND_SECTION, "5.7");
  g_assert_cmpstr (jp_item_get_uid (s57), ==, "sec-5.7-2015");
  g_assert_true (jp_database_set_text (db, s57, JP_TEXT_TITLE, JP_LANG_NL, "Nieuwe titel", &error));
  g_assert_no_error (error);

  comparison = jp_year_compare (db, 2015, 2013, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < comparison->changes->len; i++)
    {
      const JpYearChange *change = g_ptr_array_index (comparison->changes, i);

      /* Nothing added or removed: every item of 2015 continues one of 2013. */
      g_assert_cmpint (change->kind, ==, JP_YEAR_CHANGE_CHANGED);
    }
  g_assert_nonnull (jp_year_comparison_find (comparison, "sec-5.7-2015"));
}

static void
test_unknown_year (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autoptr(GError) error = NULL;
  JpYearComparison *comparison = jp_year_compare (db, 2013, 2020, &error);

  g_assert_null (comparison);
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_NOT_FOUND);
}

static void
test_lines (void)
{
  JpYearChange change = {
    .kind = JP_YEAR_CHANGE_CHANGED, .item_kind = JP_KIND_PROJECT, .uid = (char *) "sec-5.7-p3-2014",
    .old_status = JP_STATUS_PLANNED, .new_status = JP_STATUS_DONE, .old_phase = JP_PHASE_NEW,
    .new_phase = JP_PHASE_NEW, .fields = JP_FIELD_MASK (JP_FIELD_CODE),
    .texts = { [JP_LANG_FR] = JP_TEXT_MASK (JP_TEXT_BODY) },
  };
  g_autofree char *changed = jp_year_change_to_line (&change);
  g_autofree char *added = NULL, *removed = NULL;

  g_assert_cmpstr (changed, ==, "changed sec-5.7-p3-2014 status: planned → done; code; text (fr)");

  change.kind = JP_YEAR_CHANGE_ADDED;
  change.item_kind = JP_KIND_SECTION;
  change.number = (char *) "5.9";
  change.new_status = JP_STATUS_NONE;
  change.descendants = 4;
  added = jp_year_change_to_line (&change);
  g_assert_cmpstr (added, ==, "added sec-5.7-p3-2014 section 5.9 +4");

  change.kind = JP_YEAR_CHANGE_REMOVED;
  change.item_kind = JP_KIND_PROJECT;
  change.number = NULL;
  change.new_status = JP_STATUS_DROPPED;
  change.descendants = 0;
  removed = jp_year_change_to_line (&change);
  g_assert_cmpstr (removed, ==, "removed sec-5.7-p3-2014 project (dropped)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/year-compare/untouched", test_untouched);
  g_test_add_func ("/year-compare/changes", test_changes);
  g_test_add_func ("/year-compare/across-years", test_across_years);
  g_test_add_func ("/year-compare/unknown-year", test_unknown_year);
  g_test_add_func ("/year-compare/lines", test_lines);

  return g_test_run ();
}
