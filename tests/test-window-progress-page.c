/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jp-test-util.h"
#include "jp-test-window.h"
#include "jp-i18n.h"
#include "ui/contacts/jp-contacts-page.h"
#include "ui/panes/jp-project-pane.h"
#include "ui/progress/jp-progress-page.h"

/* The progress overview: a page of the window over the plan. */

typedef JpTestWindowFixture Fixture;

static JpProgressPage *
get_page (JpWindow *window)
{
  GtkWidget *page = jp_test_find_type (GTK_WIDGET (window), JP_TYPE_PROGRESS_PAGE);

  return page ? JP_PROGRESS_PAGE (page) : NULL;
}

static gboolean
page_shown (JpWindow *window)
{
  JpProgressPage *page = get_page (window);
  GtkStack *stack;

  if (page == NULL)
    return FALSE;
  stack = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (page), GTK_TYPE_STACK));
  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "progress") == 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (page));
}

/* Whether the window's primary menu offers @action. */
static gboolean
menu_has_action (JpWindow   *window,
                 const char *action)
{
  g_autoptr(GPtrArray) buttons = jp_test_find_all (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  for (guint b = 0; b < buttons->len; b++)
    {
      GMenuModel *menu = gtk_menu_button_get_menu_model (buttons->pdata[b]);
      g_autoptr(GPtrArray) models = g_ptr_array_new ();

      if (menu == NULL || !gtk_menu_button_get_primary (buttons->pdata[b]))
        continue;
      g_ptr_array_add (models, menu);
      for (guint m = 0; m < models->len; m++)
        for (int i = 0; i < g_menu_model_get_n_items (models->pdata[m]); i++)
          {
            g_autofree char *name = NULL;
            g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (models->pdata[m], i);

            if (g_menu_model_get_item_attribute (models->pdata[m], i, "action", "s", &name) &&
                g_strcmp0 (name, action) == 0)
              return TRUE;
            while (g_menu_link_iter_next (links))
              g_ptr_array_add (models, g_menu_link_iter_get_value (links));
          }
    }
  return FALSE;
}

static JpProgressPage *
open_page (Fixture *f)
{
  JpProgressPage *page;

  g_assert_true (menu_has_action (f->window, "win.show-progress"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-progress", NULL));
  jp_test_iterate ();
  g_assert_true (page_shown (f->window));
  page = get_page (f->window);
  g_assert_nonnull (page);
  return page;
}

/* The projects of each status, counted through the database's lists. */
static guint
count_database (JpDatabase *db,
                guint       counts[JP_PROGRESS_N_STATUSES])
{
  g_autoptr(JpItem) root = jp_database_get_root (db);
  g_autoptr(GListModel) chapters = jp_database_get_children (db, root, JP_KIND_MASK (JP_KIND_CHAPTER));
  guint total = 0;

  memset (counts, 0, sizeof (guint) * JP_PROGRESS_N_STATUSES);
  for (guint c = 0; c < g_list_model_get_n_items (chapters); c++)
    {
      g_autoptr(JpItem) chapter = g_list_model_get_item (chapters, c);
      g_autoptr(GListModel) sections = jp_database_get_children (db, chapter, JP_KIND_MASK (JP_KIND_SECTION));

      for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
        {
          g_autoptr(JpItem) section = g_list_model_get_item (sections, s);
          g_autoptr(GListModel) projects = jp_database_get_children (db, section, JP_KIND_MASK (JP_KIND_PROJECT));

          for (guint p = 0; p < g_list_model_get_n_items (projects); p++)
            {
              g_autoptr(JpItem) project = g_list_model_get_item (projects, p);

              counts[jp_item_get_status (project)]++;
              total++;
            }
        }
    }
  return total;
}

static void
assert_counts_match_database (Fixture        *f,
                              JpProgressPage *page)
{
  guint shown[JP_PROGRESS_N_STATUSES], expected[JP_PROGRESS_N_STATUSES];
  guint total = count_database (f->db, expected);

  g_assert_cmpuint (jp_progress_page_get_counts (page, shown), ==, total);
  for (guint s = 0; s < JP_PROGRESS_N_STATUSES; s++)
    g_assert_cmpuint (shown[s], ==, expected[s]);
  g_assert_cmpuint (g_list_model_get_n_items (jp_progress_page_get_projects (page)), ==, total);
}

static GtkDropDown *
get_dropdown (JpProgressPage *page,
              guint           index)
{
  g_autoptr(GPtrArray) dropdowns = jp_test_find_all (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN);
  g_assert_cmpuint (dropdowns->len, ==, 4);
  return dropdowns->pdata[index];
}

/* What the page lists and counts follows its filter, and is the model's. */
static guint
assert_consistent (JpProgressPage *page)
{
  GListModel *projects = jp_progress_page_get_projects (page);
  JpProgressFilter filter;
  guint n = g_list_model_get_n_items (projects);

  jp_progress_page_get_filter (page, &filter);
  g_assert_cmpuint (jp_progress_page_get_counts (page, NULL), ==, n);
  g_assert_cmpuint (jp_progress_count (jp_progress_page_get_progress (page), &filter, NULL), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpProgressProject) project = g_list_model_get_item (projects, i);
      g_assert_true (jp_progress_project_matches (project, &filter));
    }
  return n;
}

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  JpProgressPage *page = open_page (f);

  assert_counts_match_database (f, page);
  g_assert_cmpuint (jp_progress_page_get_counts (page, NULL), ==, 119);

  /* Back to the plan, by the button or Escape. */
  jp_progress_page_go_back (page);
  jp_test_iterate ();
  g_assert_false (page_shown (f->window));
  page = open_page (f);
  /* Escape's binding. */
  g_signal_emit_by_name (page, "go-back");
  jp_test_iterate ();
  g_assert_false (page_shown (f->window));

  /* The search and the contacts are the plan page's: they leave it. */
  open_page (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  jp_test_iterate ();
  g_assert_false (page_shown (f->window));
  g_assert_true (jp_sidebar_get_search_mode (jp_window_get_sidebar (f->window)));
  open_page (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-contacts", NULL));
  jp_test_iterate ();
  g_assert_false (page_shown (f->window));
  g_assert_true (JP_IS_CONTACTS_PAGE (jp_window_get_pane (f->window)));
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  JpProgressPage *page = open_page (f);
  guint all = assert_consistent (page);
  GtkCalendar *calendar;
  g_autoptr(GDateTime) day = g_date_time_new_local (2013, 6, 1, 0, 0, 0);
  g_autoptr(JpProgressProject) first = NULL;
  g_autoptr(JpItem) project = NULL;
  g_autoptr(GError) error = NULL;
  JpProgressFilter filter;

  /* Each drop-down narrows the list: a team, a chapter or section, a
   * policy area, a status. */
  for (guint d = 0; d < 4; d++)
    {
      GtkDropDown *dropdown = get_dropdown (page, d);
      guint narrowed = 0;

      g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), >, 2);
      for (guint i = 1; i < g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)); i++)
        {
          guint n;

          gtk_drop_down_set_selected (dropdown, i);
          jp_test_iterate ();
          n = assert_consistent (page);
          g_assert_cmpuint (n, <, all);
          narrowed += n;
        }
      /* Each project is in one team, chapter and status. */
      if (d != 2)
        g_assert_cmpuint (narrowed, >=, all);
      gtk_drop_down_set_selected (dropdown, 0);
      jp_test_iterate ();
      g_assert_cmpuint (assert_consistent (page), ==, all);
    }

  /* Two at once. */
  gtk_drop_down_set_selected (get_dropdown (page, 1), 1);
  gtk_drop_down_set_selected (get_dropdown (page, 3), 2);
  jp_test_iterate ();
  jp_progress_page_get_filter (page, &filter);
  g_assert_cmpint (filter.status, ==, JP_STATUS_IN_PROGRESS);
  g_assert_cmpint (filter.scope, !=, 0);
  g_assert_cmpuint (assert_consistent (page), <, all);
  jp_progress_page_clear_filters (page);
  jp_test_iterate ();
  g_assert_cmpuint (assert_consistent (page), ==, all);

  /* Not updated since a day: one project updated after it drops out. */
  first = g_list_model_get_item (jp_progress_page_get_projects (page), 0);
  project = jp_database_lookup (f->db, jp_progress_project_get_id (first));
  g_assert_true (jp_database_set_field (f->db, project, JP_FIELD_PROGRESS_DATE, "2013-07-15", &error));
  g_assert_no_error (error);
  jp_test_iterate ();
  calendar = GTK_CALENDAR (jp_test_find_type (GTK_WIDGET (page), GTK_TYPE_CALENDAR));
  /* It opens on the plan's year, choosing nothing by itself. */
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (calendar);
    g_assert_cmpint (g_date_time_get_year (shown), ==, 2013);
  }
  jp_progress_page_get_filter (page, &filter);
  g_assert_null (filter.since);
  gtk_calendar_select_day (calendar, day);
  g_signal_emit_by_name (calendar, "day-selected");
  jp_test_iterate ();
  jp_progress_page_get_filter (page, &filter);
  g_assert_cmpstr (filter.since, ==, "2013-06-01");
  g_assert_cmpuint (assert_consistent (page), ==, all - 1);
  jp_progress_page_clear_filters (page);
  jp_test_iterate ();
  jp_progress_page_get_filter (page, &filter);
  g_assert_null (filter.since);
  g_assert_cmpuint (assert_consistent (page), ==, all);
}

static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  JpProgressPage *page = open_page (f);
  GtkWidget *view = jp_test_find_type (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  g_autoptr(JpProgressProject) project = NULL;

  /* Among the projects in progress, the third. */
  gtk_drop_down_set_selected (get_dropdown (page, 3), 2);
  jp_test_iterate ();
  project = g_list_model_get_item (jp_progress_page_get_projects (page), 2);
  g_assert_cmpint (jp_progress_project_get_status (project), ==, JP_STATUS_IN_PROGRESS);
  g_signal_emit_by_name (view, "activate", 2);
  jp_test_iterate ();
  g_assert_false (page_shown (f->window));
  g_assert_nonnull (jp_window_get_item (f->window));
  g_assert_cmpint (jp_item_get_id (jp_window_get_item (f->window)), ==, jp_progress_project_get_id (project));
  g_assert_true (JP_IS_PROJECT_PANE (jp_window_get_pane (f->window)));

  /* Shown again, as it was left. */
  page = open_page (f);
  g_assert_cmpuint (gtk_drop_down_get_selected (get_dropdown (page, 3)), ==, 2);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, needle))
      return TRUE;
  return FALSE;
}

/* A status set elsewhere, and its undo, are counted at once. */
static void
test_follows_changes (Fixture       *f,
                      gconstpointer  data)
{
  JpProgressPage *page = open_page (f);
  g_autoptr(JpProgressProject) first = g_list_model_get_item (jp_progress_page_get_projects (page), 0);
  g_autoptr(JpItem) project = jp_database_lookup (f->db, jp_progress_project_get_id (first));
  g_autoptr(GError) error = NULL;
  guint counts[JP_PROGRESS_N_STATUSES];
  JpNewPlanSummary summary;

  g_assert_true (jp_database_set_status (f->db, project, JP_STATUS_DONE, &error));
  g_assert_no_error (error);
  jp_test_iterate ();
  jp_progress_page_get_counts (page, counts);
  g_assert_cmpuint (counts[JP_STATUS_DONE], ==, 1);
  assert_counts_match_database (f, page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_iterate ();
  jp_progress_page_get_counts (page, counts);
  g_assert_cmpuint (counts[JP_STATUS_DONE], ==, 0);
  assert_counts_match_database (f, page);
  g_assert_true (page_shown (f->window));

  /* Another year opened: its projects, its year in the header. */
  g_assert_true (jp_database_new_plan (f->db, 2014, &summary, &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_set_year (f->db, 2014, &error));
  g_assert_no_error (error);
  jp_test_iterate ();
  g_assert_cmpuint (jp_progress_get_year (jp_progress_page_get_progress (page)), ==, 2014);
  g_assert_true (has_label (GTK_WIDGET (page), "2014"));
  assert_counts_match_database (f, page);
  g_assert_cmpuint (jp_progress_page_get_counts (page, NULL), ==, summary.carried);
}

/* Built anew in another language, the window shows the page again. */
static void
test_language_switch (Fixture       *f,
                      gconstpointer  data)
{
  const struct { const char *code; const char *done; } languages[] = {
    { "fr", "0 achevé" }, { "nl", "0 afgerond" },
  };

  open_page (f);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_action_group_activate_action (G_ACTION_GROUP (f->app), "language",
                                      g_variant_new_string (languages[i].code));
      jp_test_iterate ();
      f->window = jp_test_window_find (f->app);
      g_assert_nonnull (f->window);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      g_assert_true (page_shown (f->window));
      g_assert_true (has_label (GTK_WIDGET (get_page (f->window)), languages[i].done));
      assert_counts_match_database (f, get_page (f->window));
    }
  jp_progress_page_go_back (get_page (f->window));
  jp_test_iterate ();
  g_assert_false (page_shown (f->window));
}

int
main (int   argc,
      char *argv[])
{
  /* As the application does: before GTK looks up any string. */
  jp_i18n_init ();
  jp_test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, jp_test_window_fixture_set_up, func, \
                                    jp_test_window_fixture_tear_down)
  ADD ("/window/progress/open", test_open);
  ADD ("/window/progress/filters", test_filters);
  ADD ("/window/progress/activate", test_activate);
  ADD ("/window/progress/follows-changes", test_follows_changes);
  ADD ("/window/progress/language-switch", test_language_switch);

  return g_test_run ();
}
