/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"
#include "jp-test-window.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jp-application.h"
#include "jp-i18n.h"
#include "model/jp-store.h"
#include "model/print/jp-contacts-dates.h"
#include "ui/panes/jp-pane.h"
#include "ui/panes/jp-progress-row.h"
#include "ui/window/jp-window.h"

/* A project's progress through the year, as the team head keeps it up
 * to date: in the section pane's list of all its projects, and in the
 * project's own pane. */

typedef JpTestWindowFixture Fixture;

/* The progress rows of the open pane, in the order they show. */
static GPtrArray *
progress_rows (JpWindow *window)
{
  return jp_test_find_all (jp_window_get_pane (window), JP_TYPE_PROGRESS_ROW);
}

static JpProgressRow *
row_of (JpWindow *window,
        JpItem   *project)
{
  g_autoptr(GPtrArray) rows = progress_rows (window);

  for (guint i = 0; i < rows->len; i++)
    if (jp_progress_row_get_project (rows->pdata[i]) == project)
      return rows->pdata[i];
  return NULL;
}

static char *
note_text (JpProgressRow *row)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (jp_progress_row_get_note_view (row)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
type_note (JpWindow      *window,
           JpProgressRow *row,
           const char    *text)
{
  GtkWidget *view = jp_progress_row_get_note_view (row);

  gtk_widget_grab_focus (view);
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  jp_pane_flush (jp_window_get_pane (window));
}

static void
undo (JpWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  jp_test_iterate ();
}

/* The section's projects in the plan's order: ongoing, then new. */
static GPtrArray *
projects_in_order (JpDatabase *db,
                   JpItem     *section)
{
  g_autoptr(GListModel) children = jp_database_get_children (db, section, JP_KIND_MASK (JP_KIND_PROJECT));
  GPtrArray *projects = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (children); i++)
      {
        g_autoptr(JpItem) project = g_list_model_get_item (children, i);
        gboolean is_new = jp_item_get_phase (project) == JP_PHASE_NEW;

        if (is_new == (pass == 1))
          g_ptr_array_add (projects, g_steal_pointer (&project));
      }
  return projects;
}

static void
test_section_list (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(GPtrArray) projects = projects_in_order (f->db, section);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *day = jp_test_today ();
  g_autofree char *shown = NULL;
  g_autofree char *updated = NULL;
  JpItem *project;
  JpProgressRow *row;
  GtkDropDown *drop;
  JpStatus before;

  jp_window_open_item (f->window, section);
  rows = progress_rows (f->window);
  /* One row per project, ongoing and new, in the plan's order. */
  g_assert_cmpuint (projects->len, >, 2);
  g_assert_cmpuint (rows->len, ==, projects->len);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (jp_progress_row_get_project (rows->pdata[i]) == projects->pdata[i]);

  project = projects->pdata[0];
  row = rows->pdata[0];
  drop = jp_progress_row_get_status_drop (row);
  before = jp_item_get_status (project);
  g_assert_null (jp_item_get_field (project, JP_FIELD_PROGRESS_DATE));
  g_assert_cmpstr (gtk_label_get_label (jp_progress_row_get_date_label (row)), ==, _("Not updated yet"));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (drop)));
  /* The drop-down says the project pane's words for the status. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (drop)), ==, 6);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (drop)),
                                               gtk_drop_down_get_selected (drop)),
                   ==, _("In Progress"));

  /* A status chosen in the list is stored, with today's date. */
  gtk_drop_down_set_selected (drop, JP_STATUS_DONE);
  jp_test_iterate ();
  g_assert_cmpint (jp_item_get_status (project), ==, JP_STATUS_DONE);
  /* The row stays as it was, with the focus a person left in it. */
  g_assert_true (row_of (f->window, project) == row);
  g_assert_cmpstr (jp_item_get_field (project, JP_FIELD_PROGRESS_DATE), ==, day);
  updated = jp_progress_format_updated (project);
  g_assert_cmpstr (gtk_label_get_label (jp_progress_row_get_date_label (row)), ==, updated);
  {
    g_autofree char *date = jp_contacts_format_date (day);
    g_assert_nonnull (strstr (updated, date));
  }

  /* A note typed in place, in two goes, is stored as one edit. */
  row = row_of (f->window, project);
  g_assert_nonnull (row);
  type_note (f->window, row, "Afgerond ");
  type_note (f->window, row, "in maart.");
  g_assert_cmpstr (jp_item_get_text (project, JP_TEXT_PROGRESS, JP_LANG_NL), ==, "Afgerond in maart.");
  g_assert_null (jp_item_get_text (project, JP_TEXT_PROGRESS, JP_LANG_FR));

  /* The project's pane shows the same note. */
  jp_window_open_item (f->window, project);
  row = row_of (f->window, project);
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (jp_progress_row_get_status_drop (row))));
  shown = note_text (row);
  g_assert_cmpstr (shown, ==, "Afgerond in maart.");
  g_assert_cmpstr (gtk_label_get_label (jp_progress_row_get_date_label (row)), ==, updated);

  /* Undo takes back the note in one step, then the status. */
  jp_window_open_item (f->window, section);
  undo (f->window);
  g_assert_null (jp_item_get_text (project, JP_TEXT_PROGRESS, JP_LANG_NL));
  /* An undo may build the lists again. */
  row = row_of (f->window, project);
  g_assert_nonnull (row);
  g_clear_pointer (&shown, g_free);
  shown = note_text (row);
  g_assert_cmpstr (shown, ==, "");
  g_assert_cmpint (jp_item_get_status (project), ==, JP_STATUS_DONE);
  undo (f->window);
  g_assert_cmpint (jp_item_get_status (project), ==, before);
  row = row_of (f->window, project);
  g_assert_nonnull (row);
  g_assert_cmpuint (gtk_drop_down_get_selected (jp_progress_row_get_status_drop (row)), ==, before);
  g_assert_null (jp_item_get_field (project, JP_FIELD_PROGRESS_DATE));
  g_assert_cmpstr (gtk_label_get_label (jp_progress_row_get_date_label (row)), ==, _("Not updated yet"));
}

/* A note of several lines is as high as its text, never 0 px, once
 * the window settled. */
static void
assert_note_fits (JpWindow      *window,
                  JpProgressRow *row)
{
  GtkWidget *view = jp_progress_row_get_note_view (row);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (view, "Xg");
  int line, nat;

  pango_layout_get_pixel_size (layout, NULL, &line);
  for (guint i = 0; i < 8; i++)
    {
      gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), NULL, &nat, NULL, NULL);
      if (gtk_widget_get_width (view) > 0 && gtk_widget_get_height (view) >= nat &&
          gtk_widget_get_height (view) > 2 * line)
        break;
      jp_test_window_settle (window);
    }
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_cmpint (gtk_widget_get_height (view), >, 2 * line);
  g_assert_cmpint (gtk_widget_get_height (view), >=, nat);
}

/* A change made elsewhere (another pane, the store) shows in the list. */
static void
test_follows_changes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(GPtrArray) projects = projects_in_order (f->db, section);
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  JpItem *project = projects->pdata[projects->len - 1];
  JpProgressRow *row;

  jp_window_open_item (f->window, section);
  row = row_of (f->window, project);
  g_assert_nonnull (row);
  g_assert_true (jp_store_set_status (JP_STORE (f->db), project, JP_STATUS_POSTPONED, &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_set_text (JP_STORE (f->db), project, JP_TEXT_PROGRESS, JP_LANG_NL, "Naar 2014.", &error));
  g_assert_no_error (error);
  jp_test_iterate ();
  row = row_of (f->window, project);
  g_assert_nonnull (row);
  g_assert_cmpuint (gtk_drop_down_get_selected (jp_progress_row_get_status_drop (row)), ==, JP_STATUS_POSTPONED);
  shown = note_text (row);
  g_assert_cmpstr (shown, ==, "Naar 2014.");
  g_assert_cmpstr (gtk_label_get_label (jp_progress_row_get_date_label (row)), !=, _("Not updated yet"));

  /* A long note, in the list and in the project's pane. */
  g_assert_true (jp_store_set_text (JP_STORE (f->db), project, JP_TEXT_PROGRESS, JP_LANG_NL,
                                    "Uitgesteld naar 2014, omdat de partners eerst de resultaten van de "
                                    "studie willen afwachten die pas in het najaar verschijnt; daarna "
                                    "volgt een nieuw voorstel aan het Comité van ministers.", &error));
  g_assert_no_error (error);
  row = row_of (f->window, project);
  gtk_widget_grab_focus (jp_progress_row_get_note_view (row));
  assert_note_fits (f->window, row);
  jp_window_open_item (f->window, project);
  assert_note_fits (f->window, row_of (f->window, project));
}

/* Tab goes from each row's status to its note, then to the next row. */
static void
test_tab_order (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *focus;

  jp_window_open_item (f->window, section);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  rows = progress_rows (f->window);
  g_assert_cmpuint (rows->len, >, 2);
  gtk_widget_grab_focus (GTK_WIDGET (jp_progress_row_get_status_drop (rows->pdata[0])));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (jp_progress_row_get_status_drop (rows->pdata[0]))));

  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      g_assert_true (focus == jp_progress_row_get_note_view (rows->pdata[i]));
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (jp_progress_row_get_status_drop (rows->pdata[i + 1]))));
    }
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* In French, the labels and the date are French. */
static void
test_french (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(GPtrArray) projects = projects_in_order (f->db, section);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *day = jp_test_today ();
  g_autofree char *date = jp_contacts_format_date_in (day, JP_LANG_FR);
  JpItem *project = projects->pdata[0];
  JpProgressRow *row;
  GtkDropDown *drop;

  g_assert_true (jp_store_set_status (JP_STORE (f->db), project, JP_STATUS_DONE, &error));
  g_assert_no_error (error);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "language", g_variant_new_string ("fr"));
  jp_test_iterate ();
  f->window = jp_test_window_find (f->app);
  g_assert_nonnull (f->window);

  jp_window_open_item (f->window, section);
  g_assert_true (has_label (jp_window_get_pane (f->window), "État d’avancement"));
  row = row_of (f->window, project);
  drop = jp_progress_row_get_status_drop (row);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (drop)),
                                               gtk_drop_down_get_selected (drop)),
                   ==, "Achevé");
  g_assert_nonnull (strstr (gtk_label_get_label (jp_progress_row_get_date_label (row)), date));

  jp_window_open_item (f->window, project);
  g_assert_true (has_label (jp_window_get_pane (f->window), "État d’avancement"));
  row = row_of (f->window, project);
  g_assert_nonnull (strstr (gtk_label_get_label (jp_progress_row_get_date_label (row)), date));

  /* Back to the language of the environment: the window is built anew. */
  g_settings_reset (settings, "language");
  jp_test_iterate ();
  f->window = jp_test_window_find (f->app);
}

int
main (int   argc,
      char *argv[])
{
  /* As the application does: before GTK looks up any string. */
  jp_i18n_init ();
  jp_test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, jp_test_window_fixture_set_up, func, jp_test_window_fixture_tear_down)
  ADD ("/window/progress/section-list", test_section_list);
  ADD ("/window/progress/follows-changes", test_follows_changes);
  ADD ("/window/progress/tab-order", test_tab_order);
  /* Last: it switches the process's language. */
  ADD ("/window/progress/french", test_french);
#undef ADD

  return g_test_run ();
}
