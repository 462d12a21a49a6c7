/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"
#include "jp-test-window.h"
#include "model/store/jp-history.h"
#include "ui/panes/jp-history-group.h"
#include "ui/panes/jp-history-row.h"
#include "ui/panes/jp-pane.h"
#include "ui/window/jp-changes-dialog.h"
#include "ui/window/jp-compare-dialog.h"

/* The history of an item in its pane, with Restore; saving a version
 * and showing what changed since. */

typedef JpTestWindowFixture Fixture;

/* The project's pane open, its history opened and read. */
static JpHistoryGroup *
open_history (Fixture *f,
              JpItem  *item)
{
  GtkWidget *group;

  jp_window_open_item (f->window, item);
  jp_test_window_settle (f->window);
  group = jp_test_find_type (jp_window_get_pane (f->window), JP_TYPE_HISTORY_GROUP);
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_visible (group));
  jp_history_group_set_expanded (JP_HISTORY_GROUP (group), TRUE);
  jp_test_iterate ();
  return JP_HISTORY_GROUP (group);
}

/* The row of the change to @kind whose new value is @new_value. */
static JpHistoryRow *
find_row (JpHistoryGroup *group,
          JpChangeKind    kind,
          const char     *new_value)
{
  g_autoptr(GPtrArray) rows = jp_test_find_all (GTK_WIDGET (group), JP_TYPE_HISTORY_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      const JpHistoryEntry *e = jp_history_row_get_entry (rows->pdata[i]);

      if (e->kind == kind && g_strcmp0 (e->new_value, new_value) == 0)
        return rows->pdata[i];
    }
  return NULL;
}

/* Each change is a row: what (as the pane names it, with the language),
 * old → new, when and who; an undone one is marked. */
static void
test_history_rows (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JpItem) project = jp_database_lookup_uid (f->db, "sec-5.7-p3");
  g_autoptr(GError) error = NULL;
  JpHistoryGroup *group;
  JpHistoryRow *text_row, *status_row;
  guint before;

  g_assert_true (jp_database_set_text (f->db, project, JP_TEXT_BODY, JP_LANG_FR, "Un texte revu", &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_set_status (f->db, project, JP_STATUS_DONE, &error));
  g_assert_no_error (error);

  group = open_history (f, project);
  before = jp_history_group_get_n_changes (group);
  g_assert_cmpuint (before, >=, 2);
  text_row = find_row (group, JP_CHANGE_TEXT, "Un texte revu");
  g_assert_nonnull (text_row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (text_row)), ==, "Text (French)");
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (text_row), "revu"));
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (text_row), jp_database_get_author (f->db)));
  status_row = find_row (group, JP_CHANGE_STATUS, "done");
  g_assert_nonnull (status_row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (status_row)), ==, "Status");
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (status_row), "→ Done"));
  g_assert_false (jp_history_row_get_entry (status_row)->undone);

  /* Undo marks the status's change undone: still listed, nothing lost. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_window_settle (f->window);
  group = JP_HISTORY_GROUP (jp_test_find_type (jp_window_get_pane (f->window), JP_TYPE_HISTORY_GROUP));
  jp_history_group_set_expanded (group, TRUE);
  jp_test_iterate ();
  status_row = find_row (group, JP_CHANGE_STATUS, "done");
  g_assert_nonnull (status_row);
  g_assert_true (jp_history_row_get_entry (status_row)->undone);
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (status_row), "Undone"));
}

/* A move to another section: its row says that the item moved, not
 * the store's record of its place. */
static void
test_history_move (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JpItem) project = jp_database_lookup_uid (f->db, "sec-5.7-p3");
  g_autoptr(JpItem) section = jp_database_lookup_uid (f->db, "sec-5.6");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  JpHistoryRow *move_row = NULL;

  g_assert_true (jp_database_move_item (f->db, project, section, NULL, &error));
  g_assert_no_error (error);
  rows = jp_test_find_all (GTK_WIDGET (open_history (f, project)), JP_TYPE_HISTORY_ROW);
  for (guint i = 0; i < rows->len; i++)
    if (jp_history_row_get_entry (rows->pdata[i])->kind == JP_CHANGE_MOVE)
      move_row = rows->pdata[i];
  g_assert_nonnull (move_row);
  g_assert_false (jp_test_has_label_containing (GTK_WIDGET (move_row), "{"));
  g_assert_false (jp_test_has_label_containing (GTK_WIDGET (move_row), "position"));
}

/* Restore sets the old text back as an edit of its own: one undo step,
 * itself in the history. */
static void
test_restore_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JpItem) project = jp_database_lookup_uid (f->db, "sec-5.7-p3");
  g_autofree char *original = g_strdup (jp_item_get_text (project, JP_TEXT_BODY, JP_LANG_NL));
  g_autoptr(GError) error = NULL;
  GtkWidget *button = NULL;
  JpHistoryGroup *group;
  JpHistoryRow *row;
  guint before;

  g_assert_true (jp_database_set_text (f->db, project, JP_TEXT_BODY, JP_LANG_NL, "Een nieuwe tekst", &error));
  g_assert_no_error (error);
  group = open_history (f, project);
  before = jp_history_group_get_n_changes (group);
  row = find_row (group, JP_CHANGE_TEXT, "Een nieuwe tekst");
  g_assert_nonnull (row);
  g_assert_cmpstr (jp_history_row_get_entry (row)->old_value, ==, original);
  g_assert_true (jp_history_row_can_restore (row));

  /* The row's Restore button, as a person clicks it. */
  {
    g_autoptr(GPtrArray) buttons = jp_test_find_all (GTK_WIDGET (row), GTK_TYPE_BUTTON);

    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), "Restore") == 0)
        button = buttons->pdata[i];
  }
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  jp_test_window_settle (f->window);

  {
    g_autoptr(JpDatabase) other = jp_database_open (f->path, JP_DATABASE_OPEN_DEFAULT, &error);
    g_autoptr(JpItem) stored = NULL;

    g_assert_no_error (error);
    stored = jp_database_lookup_uid (other, "sec-5.7-p3");
    g_assert_cmpstr (jp_item_get_text (stored, JP_TEXT_BODY, JP_LANG_NL), ==, original);
  }
  /* The list read again: the restore is its newest change, and the
   * text's old value is the one now, so nothing more to restore there. */
  group = JP_HISTORY_GROUP (jp_test_find_type (jp_window_get_pane (f->window), JP_TYPE_HISTORY_GROUP));
  jp_test_iterate ();
  g_assert_cmpuint (jp_history_group_get_n_changes (group), ==, before + 1);
  g_assert_nonnull (find_row (group, JP_CHANGE_TEXT, original));
  g_assert_false (jp_history_row_can_restore (find_row (group, JP_CHANGE_TEXT, "Een nieuwe tekst")));

  /* One undo takes the restore back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_iterate ();
  g_assert_cmpstr (jp_item_get_text (project, JP_TEXT_BODY, JP_LANG_NL), ==, "Een nieuwe tekst");
}

/* A closed year's pane lists the history without Restore. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JpItem) project = jp_database_lookup_uid (f->db, "sec-5.7-p3");
  g_autoptr(GError) error = NULL;
  JpHistoryGroup *group;
  JpHistoryRow *row;

  g_assert_true (jp_database_set_status (f->db, project, JP_STATUS_POSTPONED, &error));
  g_assert_no_error (error);
  jp_window_open_item (f->window, project);
  jp_test_window_settle (f->window);
  jp_pane_set_read_only (jp_window_get_pane (f->window));
  group = JP_HISTORY_GROUP (jp_test_find_type (jp_window_get_pane (f->window), JP_TYPE_HISTORY_GROUP));
  jp_history_group_set_expanded (group, TRUE);
  jp_test_iterate ();
  row = find_row (group, JP_CHANGE_STATUS, "postponed");
  g_assert_nonnull (row);
  g_assert_false (jp_history_row_can_restore (row));
}

/* Save Version…: a name (Save off while there is none), then a toast. */
static void
test_save_version (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  guint before;

  versions = jp_database_list_versions (f->db, &error);
  g_assert_no_error (error);
  before = versions->len;
  g_clear_pointer (&versions, g_ptr_array_unref);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-version", NULL));
  dialog = jp_test_wait_for_dialog (f->window);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Sent to the Committee");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  jp_test_respond (dialog, "save");
  jp_test_iterate ();

  versions = jp_database_list_versions (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, before + 1);
  g_assert_cmpstr (((JpVersion *) versions->pdata[0])->name, ==, "Sent to the Committee");
  g_assert_cmpint (((JpVersion *) versions->pdata[0])->kind, ==, JP_VERSION_SAVED);
  g_assert_true (jp_test_has_label_starting (GTK_WIDGET (f->window), "Version saved"));
  g_clear_pointer (&versions, g_ptr_array_unref);

  /* Enter in the name saves too, once, and closes the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-version", NULL));
  dialog = jp_test_wait_for_dialog (f->window);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Before the meeting");
  g_signal_emit_by_name (entry, "activate");
  jp_test_iterate ();
  g_assert_null (dialog);
  versions = jp_database_list_versions (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, before + 2);
  g_assert_cmpstr (((JpVersion *) versions->pdata[0])->name, ==, "Before the meeting");
}

static JpChangesDialog *
find_changes_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (JP_IS_CHANGES_DIALOG (window))
        return JP_CHANGES_DIALOG (window);
    }
  return NULL;
}

static JpCompareDialog *
find_compare_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (JP_IS_COMPARE_DIALOG (window))
        return JP_COMPARE_DIALOG (window);
    }
  return NULL;
}

/* Waits while the dialog reads the plan at both points (a thread each),
 * until the window of differences takes its place. */
static JpCompareDialog *
wait_for_differences (JpChangesDialog *dialog)
{
  JpCompareDialog *compare = NULL;

  for (int i = 0; i < 500 && (compare = find_compare_window ()) == NULL; i++)
    {
      g_usleep (10000);
      jp_test_iterate ();
    }
  g_assert_nonnull (compare);
  g_assert_null (find_changes_dialog ());
  g_assert_nonnull (jp_compare_dialog_get_differences (compare));
  return compare;
}

/* Save a version, edit, Show Changes since it: the edit, and only it. */
static void
test_changes_since_version (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(JpItem) project = jp_database_lookup_uid (f->db, "sec-5.7-p3");
  g_autoptr(JpVersion) version = NULL;
  g_autoptr(GError) error = NULL;
  const JpDifferences *differences;
  const JpDifference *difference;
  JpChangesDialog *dialog;
  JpCompareDialog *compare;

  version = jp_database_save_version (f->db, "Sent to the Committee of Ministers", &error);
  g_assert_no_error (error);
  g_assert_true (jp_database_set_text (f->db, project, JP_TEXT_BODY, JP_LANG_NL, "Een herschreven tekst", &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-changes", NULL));
  jp_test_iterate ();
  dialog = find_changes_dialog ();
  g_assert_nonnull (dialog);
  /* The newest version is chosen first. */
  g_assert_true (jp_changes_dialog_set_since_version (dialog, version->id));
  g_assert_true (jp_changes_dialog_set_until_version (dialog, 0));
  /* Enter shows them: Show has the focus and is the default. */
  g_assert_nonnull (gtk_window_get_default_widget (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == gtk_window_get_default_widget (GTK_WINDOW (dialog)));
  g_signal_emit_by_name (dialog, "activate-default");
  compare = wait_for_differences (dialog);

  differences = jp_compare_dialog_get_differences (compare);
  g_assert_cmpuint (differences->differences->len, ==, 1);
  difference = jp_differences_find (differences, "sec-5.7-p3");
  g_assert_nonnull (difference);
  g_assert_cmpint (difference->kind, ==, JP_DIFFERENCE_CHANGED);
  g_assert_cmpuint (difference->values->len, ==, 1);
  g_assert_cmpstr (((JpValueChange *) difference->values->pdata[0])->new_value, ==, "Een herschreven tekst");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (compare)), ==, "Changes since “Sent to the Committee of Ministers”");
  gtk_window_destroy (GTK_WINDOW (compare));
}

/* Between two versions: what changed from the first to the second, not
 * what came after; since a day: all of today's changes. */
static void
test_changes_between_versions (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(JpItem) project = jp_database_lookup_uid (f->db, "sec-5.7-p3");
  g_autoptr(JpVersion) first = NULL;
  g_autoptr(JpVersion) second = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  const JpDifferences *differences;
  JpChangesDialog *dialog;
  JpCompareDialog *compare;

  first = jp_database_save_version (f->db, "First", &error);
  g_assert_no_error (error);
  g_assert_true (jp_database_set_status (f->db, project, JP_STATUS_DONE, &error));
  g_assert_no_error (error);
  second = jp_database_save_version (f->db, "Second", &error);
  g_assert_no_error (error);
  g_assert_true (jp_database_set_text (f->db, project, JP_TEXT_NOTE, JP_LANG_FR, "Après", &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-changes", NULL));
  jp_test_iterate ();
  dialog = find_changes_dialog ();
  g_assert_true (jp_changes_dialog_set_since_version (dialog, first->id));
  g_assert_true (jp_changes_dialog_set_until_version (dialog, second->id));
  jp_changes_dialog_show_changes (dialog);
  compare = wait_for_differences (dialog);
  differences = jp_compare_dialog_get_differences (compare);
  g_assert_cmpuint (differences->differences->len, ==, 1);
  /* The status (with the date of progress the store gives it), not the
   * note written after the second version. */
  {
    const JpDifference *difference = jp_differences_find (differences, "sec-5.7-p3");
    gboolean status = FALSE;

    g_assert_nonnull (difference);
    for (guint i = 0; i < difference->values->len; i++)
      {
        JpValueChange *value = difference->values->pdata[i];

        g_assert_cmpint (value->kind, !=, JP_VALUE_TEXT);
        status |= value->kind == JP_VALUE_STATUS && g_strcmp0 (value->new_value, "done") == 0;
      }
    g_assert_true (status);
  }
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (compare)), ==, "Changes from “First” to “Second”");
  gtk_window_destroy (GTK_WINDOW (compare));

  /* Since tomorrow: nothing changed yet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-changes", NULL));
  jp_test_iterate ();
  dialog = find_changes_dialog ();
  {
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

    jp_changes_dialog_set_since_date (dialog, tomorrow);
  }
  jp_changes_dialog_show_changes (dialog);
  compare = wait_for_differences (dialog);
  g_assert_cmpuint (jp_compare_dialog_get_differences (compare)->differences->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (compare));
}

int
main (int   argc,
      char *argv[])
{
  jp_test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, jp_test_window_fixture_set_up, func, \
                                    jp_test_window_fixture_tear_down)
  ADD ("/window/changes/history-rows", test_history_rows);
  ADD ("/window/changes/history-move", test_history_move);
  ADD ("/window/changes/restore-text", test_restore_text);
  ADD ("/window/changes/read-only", test_read_only);
  ADD ("/window/changes/save-version", test_save_version);
  ADD ("/window/changes/since-version", test_changes_since_version);
  ADD ("/window/changes/between-versions", test_changes_between_versions);
#undef ADD

  return g_test_run ();
}
