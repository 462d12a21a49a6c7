/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"

#include <signal.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "jp-application.h"
#include "ui/window/jp-conflict-row.h"
#include "ui/panes/jp-group-pane.h"
#include "ui/panes/jp-pane.h"
#include "ui/panes/jp-project-pane.h"
#include "ui/panes/jp-section-pane.h"
#include "ui/sidebar/jp-sidebar.h"
#include "ui/panes/jp-text-row.h"
#include "ui/window/jp-window.h"
#include "model/exchange/jp-xml.h"

typedef struct {
  char          *dir;
  char          *path;
  JpApplication *app;
  JpWindow      *window;
  JpDatabase    *db;
} Fixture;

static void
open_window (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->app = jp_application_new (f->path);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (f->app));
  f->window = JP_WINDOW (gtk_application_get_windows (GTK_APPLICATION (f->app))->data);
  f->db = jp_window_get_database (f->window);
  g_assert_nonnull (f->db);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
close_window (Fixture *f)
{
  gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;
  f->db = NULL;
  jp_test_iterate ();
  g_clear_object (&f->app);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "tree-view");
  g_settings_reset (settings, "last-item");
  f->dir = g_dir_make_tmp ("jaarplan-window-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plan.db", NULL);
  open_window (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window)
    close_window (f);
  jp_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static JpItem *
row_item (GListModel *model,
          guint       position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, position);
  GObject *item = gtk_tree_list_row_get_item (row);

  return JP_IS_ITEM (item) ? JP_ITEM (item) : (g_object_unref (item), NULL);
}

static guint
count_kind (GListModel *model,
            JpKind      kind)
{
  guint n = g_list_model_get_n_items (model), count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpItem) item = row_item (model, i);
      if (item && jp_item_get_kind (item) == kind)
        count++;
    }
  return count;
}

/* The first AdwEntryRow titled @title inside @widget. */
static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, title);
      if (found)
        return found;
    }
  return NULL;
}

/* The message dialog the window shows, or NULL. */
static AdwMessageDialog *
find_dialog (JpWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) dialog = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (dialog) &&
          gtk_window_get_transient_for (dialog) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (dialog)))
        return ADW_MESSAGE_DIALOG (dialog);
    }
  return NULL;
}

/* Runs the main loop until the window shows a message dialog. */
static AdwMessageDialog *
wait_for_dialog (JpWindow *window)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_dialog (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  return dialog;
}

/* What a click on the dialog's button does: the response, then closing. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  jp_test_iterate ();
}

/* Whether a label inside @widget starts with @prefix. */
static gboolean
has_label_starting (GtkWidget  *widget,
                    const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label_starting (child, prefix))
      return TRUE;
  return FALSE;
}

/* The first AdwActionRow inside @widget whose title starts with @prefix. */
static AdwActionRow *
find_action_row (GtkWidget  *widget,
                 const char *prefix)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix))
    return ADW_ACTION_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_action_row (child, prefix);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_tree_areas (Fixture       *f,
                 gconstpointer  data)
{
  JpSidebar *sidebar = jp_window_get_sidebar (f->window);
  GListModel *model = jp_sidebar_get_model (sidebar);
  g_autoptr(JpItem) first = NULL;
  g_autoptr(JpItem) last = NULL;

  /* Seven areas and the sections serving none. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);
  g_assert_cmpuint (count_kind (model, JP_KIND_AREA), ==, 7);
  first = row_item (model, 0);
  g_assert_cmpstr (jp_item_get_label (first), ==, "1 Energie");
  last = row_item (model, 7);
  g_assert_null (last);
}

static void
test_select_section (Fixture       *f,
                     gconstpointer  data)
{
  JpSidebar *sidebar = jp_window_get_sidebar (f->window);
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");

  g_assert_true (jp_sidebar_select_item (sidebar, section));
  g_assert_true (jp_sidebar_get_selected_item (sidebar) == section);
  g_assert_true (jp_window_get_item (f->window) == section);
  g_assert_true (JP_IS_SECTION_PANE (jp_window_get_pane (f->window)));
  /* Its area was opened to show it: more rows than the eight. */
  g_assert_cmpuint (g_list_model_get_n_items (jp_sidebar_get_model (sidebar)), >, 8);
}

static void
test_edit_persists (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JpItem) group = jp_database_lookup_uid (f->db, "sec-3.2-g1");
  g_autoptr(JpDatabase) db = NULL;
  g_autoptr(JpItem) again = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *code;

  g_assert_nonnull (group);
  g_assert_cmpstr (jp_item_get_field (group, JP_FIELD_CODE), ==, "VET-CVO");
  jp_window_open_item (f->window, group);
  g_assert_true (JP_IS_GROUP_PANE (jp_window_get_pane (f->window)));
  code = find_entry_row (jp_window_get_pane (f->window), "Code");
  g_assert_nonnull (code);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code)), ==, "VET-CVO");

  gtk_editable_set_text (GTK_EDITABLE (code), "VET-CVO/2013");
  /* Typing is stored after a pause, or at once on a flush. */
  jp_pane_flush (jp_window_get_pane (f->window));
  g_assert_cmpstr (jp_item_get_field (group, JP_FIELD_CODE), ==, "VET-CVO/2013");

  g_clear_object (&group);
  close_window (f);
  db = jp_database_open (f->path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  again = jp_database_lookup_uid (db, "sec-3.2-g1");
  g_assert_cmpstr (jp_item_get_field (again, JP_FIELD_CODE), ==, "VET-CVO/2013");
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) project = jp_database_lookup_uid (f->db, "sec-5.7-p3");
  g_autoptr(GListModel) projects = jp_database_get_children (f->db, section, JP_KIND_MASK (JP_KIND_PROJECT));
  guint n = g_list_model_get_n_items (projects);

  jp_window_open_item (f->window, section);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-item", "x",
                                             jp_item_get_id (project)));
  g_assert_true (jp_item_get_removed (project));
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, n - 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, n);
  {
    g_autoptr(JpItem) back = g_list_model_get_item (projects, 2);
    g_assert_cmpstr (jp_item_get_uid (back), ==, "sec-5.7-p3");
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, n - 1);
}

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) p2 = jp_database_lookup_uid (f->db, "sec-5.7-p2");
  g_autoptr(JpItem) p3 = jp_database_lookup_uid (f->db, "sec-5.7-p3");
  g_autoptr(JpItem) p4 = jp_database_lookup_uid (f->db, "sec-5.7-p4");

  jp_window_open_item (f->window, section);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.move-up", "x", jp_item_get_id (p3)));
  g_assert_cmpuint (jp_item_get_position (p3), <, jp_item_get_position (p2));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.move-down", "x", jp_item_get_id (p3)));
  g_assert_cmpuint (jp_item_get_position (p3), >, jp_item_get_position (p2));
  g_assert_cmpuint (jp_item_get_position (p3), <, jp_item_get_position (p4));
}

static void
test_add_project (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(GListModel) items = NULL;
  JpItem *project;

  jp_window_open_item (f->window, section);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-item", "(xs)",
                                             (gint64) 0, "project-new"));
  /* The new project opens, ready to be written. */
  project = jp_window_get_item (f->window);
  g_assert_nonnull (project);
  g_assert_cmpint (jp_item_get_kind (project), ==, JP_KIND_PROJECT);
  g_assert_cmpint (jp_item_get_phase (project), ==, JP_PHASE_NEW);
  g_assert_true (jp_sidebar_get_selected_item (jp_window_get_sidebar (f->window)) == project);
  /* The focus is in its text. */
  g_assert_true (GTK_IS_TEXT_VIEW (gtk_root_get_focus (GTK_ROOT (f->window))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-item", "(xs)", (gint64) 0, "item"));
  /* A new sub-item's row has the focus; the next "+" adds another
   * sub-item of the project, not of the row with the focus. */
  {
    GtkWidget *row = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), JP_TYPE_TEXT_ROW);
    g_assert_nonnull (row);
    g_assert_cmpint (jp_item_get_kind (jp_text_row_get_item (JP_TEXT_ROW (row))), ==, JP_KIND_ITEM);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-item", "(xs)", (gint64) 0, "item"));
  items = jp_database_get_children (f->db, project, JP_KIND_MASK (JP_KIND_ITEM));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  JpSidebar *sidebar = jp_window_get_sidebar (f->window);
  GListModel *model;
  g_autoptr(GArray) matches = NULL;
  gboolean found_group = FALSE;
  guint n;

  jp_sidebar_set_search_mode (sidebar, TRUE);
  jp_sidebar_set_search_text (sidebar, "SENN");
  model = jp_sidebar_get_model (sidebar);
  n = g_list_model_get_n_items (model);
  /* Only the areas that lead to a match, opened down to the matches. */
  g_assert_cmpuint (count_kind (model, JP_KIND_AREA), >, 0);
  g_assert_cmpuint (count_kind (model, JP_KIND_AREA), <, 7);
  g_assert_cmpuint (count_kind (model, JP_KIND_GROUP), >, 0);
  /* Projects and groups (leaves here) show only when they match. */
  matches = jp_database_search (f->db, "SENN", 2000, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpItem) item = row_item (model, i);
      gboolean match = FALSE;

      if (item == NULL || jp_item_get_kind (item) != JP_KIND_PROJECT)
        continue;
      for (guint m = 0; m < matches->len; m++)
        match |= g_array_index (matches, gint64, m) == jp_item_get_id (item);
      g_assert_true (match);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpItem) item = row_item (model, i);
      if (item && g_strcmp0 (jp_item_get_uid (item), "sec-5.1-g1") == 0)
        found_group = TRUE;
    }
  g_assert_true (found_group);

  jp_sidebar_set_search_text (sidebar, "zzzzqqqq");
  g_assert_cmpuint (g_list_model_get_n_items (jp_sidebar_get_model (sidebar)), ==, 0);

  jp_sidebar_set_search_mode (sidebar, FALSE);
  model = jp_sidebar_get_model (sidebar);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);
}

static void
test_chapter_view (Fixture       *f,
                   gconstpointer  data)
{
  GSettings *settings = jp_application_get_settings (f->app);
  JpSidebar *sidebar = jp_window_get_sidebar (f->window);
  GListModel *model;
  g_autoptr(JpItem) first = NULL;

  g_settings_set_string (settings, "tree-view", "chapters");
  g_assert_cmpint (jp_sidebar_get_view (sidebar), ==, JP_SIDEBAR_VIEW_CHAPTERS);
  model = jp_sidebar_get_model (sidebar);
  g_assert_cmpuint (count_kind (model, JP_KIND_CHAPTER), ==, g_list_model_get_n_items (model));
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 7);
  first = row_item (model, 0);
  g_assert_cmpstr (jp_item_get_field (first, JP_FIELD_NUMBER), ==, "1");
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_window_export_finish (JP_WINDOW (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_export_section (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autofree char *out = g_build_filename (f->dir, "section-5.7.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *schema = g_getenv ("JAARPLAN_SCHEMA");
  const char *argv[] = { "xmllint", "--noout", "--relaxng", schema, out, NULL };
  gboolean done = FALSE;
  int status;

  jp_window_open_item (f->window, section);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->window)));
  jp_window_export (f->window, section, file, on_exported, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_get_contents (out, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "scope=\"section\""));
  g_assert_nonnull (strstr (contents, "sec-5.7"));
  g_assert_null (strstr (contents, "sec-5.8"));

  g_assert_nonnull (schema);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_remove_section_asks (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) objective = jp_database_lookup_uid (f->db, "sec-5.7-o1");
  AdwMessageDialog *dialog;

  jp_window_open_item (f->window, section);
  /* Delete with the focus in the tree means the open section. */
  gtk_widget_grab_focus (GTK_WIDGET (jp_window_get_sidebar (f->window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-item", "x", (gint64) 0));
  dialog = find_dialog (f->window);
  g_assert_nonnull (dialog);
  g_assert_false (jp_item_get_removed (section));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "5.7 Fiscale samenwerking"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "11 projects and 11 working groups"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "remove"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");

  respond (dialog, "cancel");
  g_assert_false (jp_item_get_removed (section));
  g_assert_null (find_dialog (f->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-item", "x", (gint64) 0));
  dialog = find_dialog (f->window);
  g_assert_nonnull (dialog);
  respond (dialog, "remove");
  g_assert_true (jp_item_get_removed (section));
  g_assert_true (has_label_starting (GTK_WIDGET (f->window), "“5.7 Fiscale"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_false (jp_item_get_removed (section));

  /* A small item goes at once, the toast's Undo its only guard. */
  g_assert_nonnull (objective);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-item", "x",
                                             jp_item_get_id (objective)));
  g_assert_null (find_dialog (f->window));
  g_assert_true (jp_item_get_removed (objective));
}

static void
test_group_parent (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JpItem) group = jp_database_lookup_uid (f->db, "sec-5.7-g9");
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  AdwActionRow *row;

  jp_window_open_item (f->window, group);
  g_assert_true (JP_IS_GROUP_PANE (jp_window_get_pane (f->window)));
  row = find_action_row (jp_window_get_pane (f->window), "5.7 Fiscale samenwerking");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Part of the section");
  /* It opens the section. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_true (jp_window_get_item (f->window) == section);
}

/* A pane knows no window: its refusals reach the one it is in through
 * the win.report-error action, domain and code included. */
static void
test_pane_report_error (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(GError) error = g_error_new_literal (JP_DATABASE_ERROR, JP_DATABASE_ERROR_CONFLICT,
                                                 "Someone else changed this section.");
  AdwMessageDialog *dialog;

  jp_window_open_item (f->window, section);
  g_assert_true (JP_IS_SECTION_PANE (jp_window_get_pane (f->window)));
  jp_pane_report_error (JP_PANE (jp_window_get_pane (f->window)), error);
  dialog = wait_for_dialog (f->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Changed Elsewhere");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "Someone else changed this section.");
  respond (dialog, "cancel");
}

static void
test_search_number (Fixture       *f,
                    gconstpointer  data)
{
  JpSidebar *sidebar = jp_window_get_sidebar (f->window);
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  GListModel *model;
  gboolean found = FALSE;

  jp_sidebar_set_search_mode (sidebar, TRUE);
  jp_sidebar_set_search_text (sidebar, "5.7");
  model = jp_sidebar_get_model (sidebar);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JpItem) item = row_item (model, i);
      found |= item == section;
    }
  g_assert_true (found);
  g_assert_true (jp_sidebar_select_item (sidebar, section));
  g_assert_true (jp_window_get_item (f->window) == section);
}

static void
test_contacts_shortcut (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app), "win.show-contacts");

  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Shift><Control>c");
}

static void
wait_export (JpWindow *window,
             JpItem   *scope,
             GFile    *file)
{
  gboolean done = FALSE;

  jp_window_export (window, scope, file, on_exported, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
on_reloaded (JpDatabase *db,
             gboolean   *reloaded)
{
  *reloaded = TRUE;
}

/* Export 5.7 after some edits, import it into another database through
 * the window: the question tells what it does, the import does it. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) group = jp_database_lookup_uid (f->db, "sec-5.7-g1");
  g_autoptr(JpItem) project = jp_database_lookup_uid (f->db, "sec-5.7-p3");
  g_autoptr(JpItem) added = NULL;
  g_autoptr(JpItem) imported = NULL;
  g_autoptr(JpItem) other_section = NULL;
  g_autoptr(JpItem) gone = NULL;
  g_autofree char *out = g_build_filename (f->dir, "section-5.7.xml", NULL);
  g_autofree char *uid = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gboolean reloaded = FALSE;
  const char *body;

  /* One project added, one removed, a group's code changed. */
  jp_window_open_item (f->window, section);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-item", "(xs)",
                                             (gint64) 0, "project-new"));
  added = g_object_ref (jp_window_get_item (f->window));
  g_assert_true (jp_database_set_text (f->db, added, JP_TEXT_BODY, JP_LANG_NL, "Nieuw project uit de test", &error));
  g_assert_no_error (error);
  uid = g_strdup (jp_item_get_uid (added));
  g_assert_true (jp_database_set_field (f->db, group, JP_FIELD_CODE, "FISC-STRAT/2014", &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-item", "x",
                                             jp_item_get_id (project)));
  wait_export (f->window, section, file);
  g_clear_object (&section);
  g_clear_object (&group);
  g_clear_object (&project);
  g_clear_object (&added);
  close_window (f);

  /* Another database, with the plan as it was. */
  g_free (f->path);
  f->path = g_build_filename (f->dir, "other.db", NULL);
  open_window (f);
  other_section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  jp_window_open_item (f->window, other_section);
  g_assert_null (jp_database_lookup_uid (f->db, uid));

  jp_window_import (f->window, file);
  dialog = wait_for_dialog (f->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import “section-5.7.xml”?");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "added 1, changed 1, removed 1 in 5.7 Fiscale samenwerking"));
  /* Nothing changed yet. */
  g_assert_null (jp_database_lookup_uid (f->db, uid));

  g_signal_connect (f->db, "reloaded", G_CALLBACK (on_reloaded), &reloaded);
  /* The file comes from another database: it cannot be checked against
   * what was sent, and the question says so. */
  g_assert_true (has_label_starting (GTK_WIDGET (dialog), "The file was sent by another plan database"));
  respond (dialog, "import");
  while (!reloaded)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (f->db, on_reloaded, &reloaded);
  /* The report stays on screen until it is closed. */
  dialog = wait_for_dialog (f->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Imported “section-5.7.xml”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "added 1, changed 1, removed 1"));
  respond (dialog, "close");

  imported = jp_database_lookup_uid (f->db, uid);
  g_assert_nonnull (imported);
  g_assert_cmpstr (jp_item_get_text (imported, JP_TEXT_BODY, JP_LANG_NL), ==, "Nieuw project uit de test");
  gone = jp_database_lookup_uid (f->db, "sec-5.7-p3");
  g_assert_true (gone == NULL || jp_item_get_removed (gone));
  {
    g_autoptr(JpItem) changed = jp_database_lookup_uid (f->db, "sec-5.7-g1");
    g_assert_cmpstr (jp_item_get_field (changed, JP_FIELD_CODE), ==, "FISC-STRAT/2014");
  }
  /* The tree shows the new project. */
  g_assert_true (jp_sidebar_select_item (jp_window_get_sidebar (f->window), imported));
  g_assert_true (jp_window_get_item (f->window) == imported);
  /* And the import is one step of undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  {
    g_autoptr(JpItem) undone = jp_database_lookup_uid (f->db, uid);
    g_assert_true (undone == NULL || jp_item_get_removed (undone));
  }
}

/* Whether a label inside @widget holds @needle. */
static gboolean
has_label_containing (GtkWidget  *widget,
                      const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label_containing (child, needle))
      return TRUE;
  return FALSE;
}

/* Returns the first conflict row inside @widget, or NULL. */
static JpConflictRow *
find_conflict_row (GtkWidget *widget)
{
  if (JP_IS_CONFLICT_ROW (widget))
    return JP_CONFLICT_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      JpConflictRow *row = find_conflict_row (child);
      if (row)
        return row;
    }
  return NULL;
}

static void
import_and_wait (Fixture          *f,
                 AdwMessageDialog *dialog)
{
  gboolean reloaded = FALSE;

  g_signal_connect (f->db, "reloaded", G_CALLBACK (on_reloaded), &reloaded);
  respond (dialog, "import");
  while (!reloaded)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (f->db, on_reloaded, &reloaded);
  dialog = wait_for_dialog (f->window);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Imported"));
  respond (dialog, "close");
}

/* A section sent out, changed here and in the file: the window lists the
 * conflict with both versions, imports nothing until a choice is made,
 * and then takes the one chosen. */
static void
test_import_conflict (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) project = jp_database_lookup_uid (f->db, "sec-5.7-p1");
  g_autofree char *out = g_build_filename (f->dir, "sent-5.7.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autofree char *sent = NULL;
  g_autoptr(GString) theirs = NULL;
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;
  JpConflictRow *row;

  wait_export (f->window, section, file);
  text = g_strdup (jp_item_get_text (project, JP_TEXT_BODY, JP_LANG_NL));
  g_assert_true (jp_database_set_text (f->db, project, JP_TEXT_BODY, JP_LANG_NL, "Hier gewijzigd", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &sent, NULL, NULL));
  theirs = g_string_new (sent);
  {
    g_autofree char *escaped = g_markup_escape_text (text, -1);
    g_assert_cmpuint (g_string_replace (theirs, escaped, "In het bestand gewijzigd", 1), ==, 1);
  }
  g_assert_true (g_file_set_contents (out, theirs->str, theirs->len, NULL));

  jp_window_import (f->window, file);
  dialog = wait_for_dialog (f->window);
  row = find_conflict_row (GTK_WIDGET (dialog));
  g_assert_nonnull (row);
  g_assert_cmpstr (jp_conflict_row_get_uid (row), ==, "sec-5.7-p1");
  g_assert_true (has_label_starting (GTK_WIDGET (row), "This plan: "));
  g_assert_true (has_label_containing (GTK_WIDGET (row), "Hier gewijzigd"));
  g_assert_true (has_label_starting (GTK_WIDGET (row), "The file: "));
  g_assert_true (has_label_containing (GTK_WIDGET (row), "In het bestand gewijzigd"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "import"));
  jp_conflict_row_set_choice (row, JP_CHOICE_THEIRS);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "import"));
  import_and_wait (f, dialog);
  g_clear_object (&project);
  project = jp_database_lookup_uid (f->db, "sec-5.7-p1");
  g_assert_cmpstr (jp_item_get_text (project, JP_TEXT_BODY, JP_LANG_NL), ==, "In het bestand gewijzigd");
}

/* A whole plan that would remove most of this one: the window says how
 * much goes and asks, with a destructive button. */
static void
test_import_mass_removal (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "small-plan.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  const char *small = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"plan\" year=\"2013\">\n"
                      "  <chapter id=\"ch-1\" number=\"1\"/>\n</plan>\n";
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (out, small, -1, NULL));
  jp_window_import (f->window, file);
  dialog = wait_for_dialog (f->window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "This file holds a whole plan. Importing it removes"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "import"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  import_and_wait (f, dialog);
  g_assert_null (jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7"));
}

static char *self_path;

/* Undoing the adding of the open item closes its pane. */
static void
test_undo_add_closes_pane (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) project = jp_database_add_item (f->db, section, JP_KIND_PROJECT, NULL, &error);

  g_assert_no_error (error);
  jp_window_open_item (f->window, project);
  g_assert_true (JP_IS_PROJECT_PANE (jp_window_get_pane (f->window)));
  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_no_error (error);
  jp_test_iterate ();
  g_assert_true (jp_item_get_removed (project));
  g_assert_false (JP_IS_PROJECT_PANE (jp_window_get_pane (f->window)));
}

/* A shown status page inside @widget whose description holds @text. */
static gboolean
shows_status (GtkWidget  *widget,
              const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (ADW_IS_STATUS_PAGE (widget) &&
      g_strstr_len (adw_status_page_get_description (ADW_STATUS_PAGE (widget)), -1, text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_status (child, text))
      return TRUE;
  return FALSE;
}

/* A database made by a newer version: the window says so in words, and
 * the file is left as it was. */
static void
test_newer_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(JpApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  gsize before_len, after_len;
  JpWindow *window;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1246776398; CREATE TABLE future (x);"
                                     "PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  app = jp_application_new (path);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = JP_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_null (jp_window_get_database (window));
  g_assert_true (shows_status (GTK_WIDGET (window), "newer version"));
  gtk_window_close (GTK_WINDOW (window));
  jp_test_iterate ();

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

/* The child of /window/crash/kill-while-editing: opens the window on
 * @path and types working group codes into the pane, storing each, until
 * it is killed. */
static int
edit_until_killed (const char *path)
{
  Fixture f = { 0, };
  g_autoptr(JpItem) group = NULL;
  GtkWidget *code;

  f.path = g_strdup (path);
  open_window (&f);
  group = jp_database_lookup_uid (f.db, "sec-3.2-g1");
  jp_window_open_item (f.window, group);
  code = find_entry_row (jp_window_get_pane (f.window), "Code");
  for (guint n = 1;; n++)
    {
      g_autofree char *text = g_strdup_printf ("CODE-%u", n);

      gtk_editable_set_text (GTK_EDITABLE (code), text);
      jp_pane_flush (jp_window_get_pane (f.window));
      jp_test_iterate ();
    }
  return 0;
}

static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The window killed (SIGKILL) at random moments while edits are being
 * stored: every time the database is intact, holds the whole plan, and
 * the code is the original or one that was typed in full. */
static void
test_kill_while_editing (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "killed.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20131);
  gint64 items;
  guint edited = 0;
  const guint kills = 100;

  /* The database, made once. */
  {
    g_autoptr(JpDatabase) db = jp_test_open_seeded (path, JP_DATABASE_OPEN_DEFAULT);
  }
  items = count_rows (path, "SELECT count(*) FROM item");

  for (guint i = 0; i < kills; i++)
    {
      const char *argv[] = { self_path, "--edit-until-killed", path, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *code = NULL;
      GPid pid;
      int status;

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                                    G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                    NULL, NULL, &pid, &error));
      g_assert_no_error (error);
      g_usleep (g_rand_int_range (rand, 400, 1600) * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);

      g_assert_cmpint (count_rows (path, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), ==, 0);
      g_assert_cmpint (count_rows (path, "SELECT count(*) FROM item"), ==, items);
      g_assert_cmpint (count_rows (path, "SELECT count(*) FROM item WHERE uid = 'sec-3.2-g1'"
                                         " AND (code = 'VET-CVO' OR code GLOB 'CODE-[1-9]*')"), ==, 1);
      edited += count_rows (path, "SELECT count(*) FROM item WHERE uid = 'sec-3.2-g1' AND code <> 'VET-CVO'") > 0;
    }
  g_test_message ("%u kills, edits stored before %u of them", kills, edited);
  /* The kills landed while the window was storing edits. */
  g_assert_cmpuint (edited, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* Each test starts an application of its own: with no session bus,
   * none is left registered on it from the test before. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  self_path = g_canonicalize_filename (argv[0], NULL);
  if (argc == 3 && g_strcmp0 (argv[1], "--edit-until-killed") == 0)
    {
      gtk_init ();
      adw_init ();
      return edit_until_killed (argv[2]);
    }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window/tree/areas", test_tree_areas);
  ADD ("/window/tree/select-section", test_select_section);
  ADD ("/window/edit/persists", test_edit_persists);
  ADD ("/window/edit/delete-undo", test_delete_undo);
  ADD ("/window/edit/move", test_move);
  ADD ("/window/edit/add-project", test_add_project);
  ADD ("/window/tree/search", test_search);
  ADD ("/window/tree/chapter-view", test_chapter_view);
  ADD ("/window/export/section", test_export_section);
  ADD ("/window/edit/remove-section-asks", test_remove_section_asks);
  ADD ("/window/pane/group-parent", test_group_parent);
  ADD ("/window/pane/report-error", test_pane_report_error);
  ADD ("/window/tree/search-number", test_search_number);
  ADD ("/window/shortcuts/contacts", test_contacts_shortcut);
  ADD ("/window/import/section", test_import);
  ADD ("/window/import/conflict", test_import_conflict);
  ADD ("/window/import/mass-removal", test_import_mass_removal);
  ADD ("/window/crash/kill-while-editing", test_kill_while_editing);
  ADD ("/window/open/newer-database", test_newer_database);
  ADD ("/window/edit/undo-add-closes-pane", test_undo_add_closes_pane);
#undef ADD

  return g_test_run ();
}
