/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"
#include "jp-test-window.h"
#include "ui/jp-difference-ui.h"
#include "ui/window/jp-conflict-row.h"
#include "ui/window/jp-import-dialog.h"
#include "model/exchange/jp-xml.h"

#include <sqlite3.h>

typedef JpTestWindowFixture Fixture;

static void
on_reloaded (JpDatabase *db,
             gboolean   *reloaded)
{
  *reloaded = TRUE;
}

static void
on_export_failed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  gboolean *failed = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_false (jp_window_export_finish (JP_WINDOW (source), result, &error));
  g_assert_nonnull (error);
  *failed = TRUE;
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
  jp_test_window_export_and_wait (f->window, section, file);
  g_clear_object (&section);
  g_clear_object (&group);
  g_clear_object (&project);
  g_clear_object (&added);
  jp_test_window_close (f);

  /* Another database, with the plan as it was. */
  g_free (f->path);
  f->path = g_build_filename (f->dir, "other.db", NULL);
  jp_test_window_open (f);
  other_section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  jp_window_open_item (f->window, other_section);
  g_assert_null (jp_database_lookup_uid (f->db, uid));

  jp_window_import (f->window, file);
  dialog = jp_test_wait_for_dialog (f->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import “section-5.7.xml”?");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "added 1, changed 1, removed 1 in 5.7 Fiscale samenwerking"));
  /* And per kind of item. */
  g_assert_nonnull (strstr (body, "Project: added 1, changed 0, removed 1"));
  g_assert_nonnull (strstr (body, "Working Group or Committee: added 0, changed 1, removed 0"));
  /* Nothing changed yet. */
  g_assert_null (jp_database_lookup_uid (f->db, uid));

  g_signal_connect (f->db, "reloaded", G_CALLBACK (on_reloaded), &reloaded);
  /* The file comes from another database: it cannot be checked against
   * what was sent, and the question says so. */
  g_assert_true (jp_test_has_label_starting (GTK_WIDGET (dialog), "The file was sent by another plan database"));
  jp_test_respond (dialog, "import");
  while (!reloaded)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (f->db, on_reloaded, &reloaded);
  /* The report stays on screen until it is closed. */
  dialog = jp_test_wait_for_dialog (f->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Imported “section-5.7.xml”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "added 1, changed 1, removed 1"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Project: added 1, changed 0, removed 1"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "close");
  /* Nothing closes it but the person: a while later it is still there. */
  for (guint i = 0; i < 3; i++)
    jp_test_iterate ();
  g_assert_true (jp_test_find_dialog (f->window) == dialog);
  jp_test_respond (dialog, "close");

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
  jp_test_respond (dialog, "import");
  while (!reloaded)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (f->db, on_reloaded, &reloaded);
  dialog = jp_test_wait_for_dialog (f->window);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Imported"));
  jp_test_respond (dialog, "close");
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

  jp_test_window_export_and_wait (f->window, section, file);
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
  dialog = jp_test_wait_for_dialog (f->window);
  row = find_conflict_row (GTK_WIDGET (dialog));
  g_assert_nonnull (row);
  g_assert_cmpstr (jp_conflict_row_get_uid (row), ==, "sec-5.7-p1");
  g_assert_true (jp_test_has_label_starting (GTK_WIDGET (row), "This plan: "));
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (row), "Hier gewijzigd"));
  g_assert_true (jp_test_has_label_starting (GTK_WIDGET (row), "The file: "));
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (row), "In het bestand gewijzigd"));
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
  dialog = jp_test_wait_for_dialog (f->window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "This file holds a whole plan. Importing it removes"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "import"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  import_and_wait (f, dialog);
  g_assert_null (jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7"));
}

static void
wait_while_busy (JpWindow *window)
{
  while (jp_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  jp_test_iterate ();
}

/* An import cancelled while it runs (the header's button) leaves the
 * plan as it was, and says nothing more. */
static void
test_import_cancel (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "small-plan.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(JpItem) section = NULL;
  const char *small = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"plan\" year=\"2013\">\n"
                      "  <chapter id=\"ch-1\" number=\"1\"/>\n</plan>\n";
  AdwMessageDialog *dialog;
  gboolean reloaded = FALSE;
  sqlite3 *other;

  g_assert_true (g_file_set_contents (out, small, -1, NULL));
  jp_window_import (f->window, file);
  dialog = jp_test_wait_for_dialog (f->window);
  g_signal_connect (f->db, "reloaded", G_CALLBACK (on_reloaded), &reloaded);
  /* Another writer holds the file, so that the import is still waiting
   * when it is cancelled, however quick it is. */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  jp_test_respond (dialog, "import");
  g_assert_true (jp_window_get_busy (f->window));
  jp_window_cancel_work (f->window);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  wait_while_busy (f->window);
  g_signal_handlers_disconnect_by_func (f->db, on_reloaded, &reloaded);

  g_assert_false (reloaded);
  g_assert_null (jp_test_find_dialog (f->window));
  section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_assert_nonnull (section);
  g_assert_false (jp_item_get_removed (section));
  g_assert_false (jp_database_can_undo (f->db));
  /* The file on disk says the same: nothing was written. */
  jp_test_window_close (f);
  jp_test_window_open (f);
  g_clear_object (&section);
  section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_assert_nonnull (section);

  /* The next import is not cancelled by the last one's cancel. */
  jp_window_import (f->window, file);
  dialog = jp_test_wait_for_dialog (f->window);
  import_and_wait (f, dialog);
  g_clear_object (&section);
  g_assert_null (jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7"));
}

/* What failed is the title of the error's dialog; the body says why and
 * what to do. */
static void
test_failure_titles (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->dir, "broken.xml", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-folder", "plan.xml", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) nowhere_file = g_file_new_for_path (nowhere);
  g_autoptr(JpItem) root = jp_store_get_root (JP_STORE (f->db));
  AdwMessageDialog *dialog;
  gboolean failed = FALSE;

  g_assert_true (g_file_set_contents (bad, "<plan", -1, NULL));
  jp_window_import (f->window, bad_file);
  dialog = jp_test_wait_for_dialog (f->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import Failed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.xml"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "exported by Jaarplan"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "close");
  jp_test_respond (dialog, "close");

  jp_window_export (f->window, root, nowhere_file, on_export_failed, &failed);
  while (!failed)
    g_main_context_iteration (NULL, TRUE);
  dialog = jp_test_wait_for_dialog (f->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Export Failed");
  g_assert_false (jp_window_get_busy (f->window));
  jp_test_respond (dialog, "close");
}

/* The rows of the differences a dialog lists, by uid. */
static GHashTable *
difference_rows (GtkWidget *dialog)
{
  g_autoptr(GPtrArray) rows = jp_test_find_all (dialog, GTK_TYPE_LIST_BOX_ROW);
  GHashTable *by_uid = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < rows->len; i++)
    {
      const char *uid = g_object_get_data (rows->pdata[i], "jp-uid");

      if (uid)
        g_hash_table_insert (by_uid, (gpointer) uid, rows->pdata[i]);
    }
  return by_uid;
}

static GtkCheckButton *
check_of (GHashTable *rows,
          const char *uid)
{
  GtkWidget *row = g_hash_table_lookup (rows, uid);

  g_assert_nonnull (row);
  return jp_difference_row_get_check (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
}

/* 5.7 comes back with a status, a sentence and a new group changed, and
 * a text changed here as well: the review lists the conflict and each
 * difference; what is not ticked stays out, the rest comes in, in one
 * step of undo. */
static void
test_import_review (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autofree char *out = g_build_filename (f->dir, "review-5.7.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) rows = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
  g_autofree char *p4 = NULL;
  AdwMessageDialog *dialog;
  JpConflictRow *conflict;

  jp_test_window_export_and_wait (f->window, section, file);
  g_assert_true (g_file_get_contents (out, &sent, NULL, NULL));
  a = jp_test_replace (sent, "<project id=\"sec-5.7-p1\" phase=\"ongoing\" status=\"in-progress\">",
                       "<project id=\"sec-5.7-p1\" phase=\"ongoing\" status=\"done\">");
  b = jp_test_replace (a, "bij controle-acties mogelijk maken;", "bij gezamenlijke controle-acties;");
  c = jp_test_replace (b, "<group id=\"sec-5.7-g4\" code=\"FISC-IMMO\">",
                       "<group id=\"sec-5.7-g10\" code=\"FISC-NEW\"><title xml:lang=\"nl\">Nieuw</title>"
                       "<title xml:lang=\"fr\">Nouveau</title></group>\n"
                       "    <group id=\"sec-5.7-g4\" code=\"FISC-IMMO\">");
  d = jp_test_replace (c, "Bestrijden van fraude in en toezicht op", "Bestrijden van fraude in de");
  g_assert_true (g_file_set_contents (out, d, -1, NULL));
  {
    g_autoptr(JpItem) project = jp_database_lookup_uid (f->db, "sec-5.7-p4");
    p4 = g_strdup (jp_item_get_text (project, JP_TEXT_BODY, JP_LANG_NL));
    g_assert_true (jp_database_set_text (f->db, project, JP_TEXT_BODY, JP_LANG_NL, "Hier gewijzigd", &error));
    g_assert_no_error (error);
  }

  jp_window_import (f->window, file);
  dialog = jp_test_wait_for_dialog (f->window);
  conflict = find_conflict_row (GTK_WIDGET (dialog));
  g_assert_nonnull (conflict);
  g_assert_cmpstr (jp_conflict_row_get_uid (conflict), ==, "sec-5.7-p4");
  rows = difference_rows (GTK_WIDGET (dialog));
  g_assert_cmpuint (g_hash_table_size (rows), ==, 3);
  /* Each ticked, with its values and words. */
  g_assert_true (gtk_check_button_get_active (check_of (rows, "sec-5.7-p1")));
  g_assert_true (gtk_check_button_get_active (check_of (rows, "sec-5.7-g10")));
  g_assert_true (jp_test_has_label_containing (g_hash_table_lookup (rows, "sec-5.7-p3"), "gezamenlijke"));
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (dialog), "3 of 3 changes to import"));
  /* The conflict first needs a choice: this plan's, here. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "import"));
  jp_conflict_row_set_choice (conflict, JP_CHOICE_MINE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "import"));
  /* A click on the row leaves the sentence out. */
  g_signal_emit_by_name (gtk_widget_get_parent (g_hash_table_lookup (rows, "sec-5.7-p3")), "row-activated",
                         g_hash_table_lookup (rows, "sec-5.7-p3"));
  g_assert_false (gtk_check_button_get_active (check_of (rows, "sec-5.7-p3")));
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (dialog), "2 of 3 changes to import"));
  import_and_wait (f, dialog);

  {
    g_autoptr(JpItem) p1 = jp_database_lookup_uid (f->db, "sec-5.7-p1");
    g_autoptr(JpItem) p3 = jp_database_lookup_uid (f->db, "sec-5.7-p3");
    g_autoptr(JpItem) p4_now = jp_database_lookup_uid (f->db, "sec-5.7-p4");
    g_autoptr(JpItem) g10 = jp_database_lookup_uid (f->db, "sec-5.7-g10");

    g_assert_cmpint (jp_item_get_status (p1), ==, JP_STATUS_DONE);
    g_assert_cmpstr (jp_item_get_text (p3, JP_TEXT_BODY, JP_LANG_NL), ==,
                     "Uitwisselen van informatie bij controle-acties mogelijk maken;");
    g_assert_cmpstr (jp_item_get_text (p4_now, JP_TEXT_BODY, JP_LANG_NL), ==, "Hier gewijzigd");
    g_assert_nonnull (g10);
    g_assert_cmpstr (jp_item_get_field (g10, JP_FIELD_CODE), ==, "FISC-NEW");
  }

  /* One step of undo takes the import back, not the edit before it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  {
    g_autoptr(JpItem) p1 = jp_database_lookup_uid (f->db, "sec-5.7-p1");
    g_autoptr(JpItem) p4_now = jp_database_lookup_uid (f->db, "sec-5.7-p4");
    g_autoptr(JpItem) g10 = jp_database_lookup_uid (f->db, "sec-5.7-g10");

    g_assert_cmpint (jp_item_get_status (p1), ==, JP_STATUS_IN_PROGRESS);
    g_assert_true (g10 == NULL || jp_item_get_removed (g10));
    g_assert_cmpstr (jp_item_get_text (p4_now, JP_TEXT_BODY, JP_LANG_NL), ==, "Hier gewijzigd");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  {
    g_autoptr(JpItem) p4_now = jp_database_lookup_uid (f->db, "sec-5.7-p4");
    g_assert_cmpstr (jp_item_get_text (p4_now, JP_TEXT_BODY, JP_LANG_NL), ==, p4);
  }
}

/* Select None leaves every difference out; Select All takes them back. */
static void
test_import_review_select (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autofree char *out = g_build_filename (f->dir, "select-5.7.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GHashTable) rows = NULL;
  g_autoptr(GHashTable) choices = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *changed = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *none, *all;

  jp_test_window_export_and_wait (f->window, section, file);
  g_assert_true (g_file_get_contents (out, &sent, NULL, NULL));
  changed = jp_test_replace (sent, "<project id=\"sec-5.7-p1\" phase=\"ongoing\" status=\"in-progress\">",
                             "<project id=\"sec-5.7-p1\" phase=\"ongoing\" status=\"done\">");
  g_assert_true (g_file_set_contents (out, changed, -1, NULL));
  jp_window_import (f->window, file);
  dialog = jp_test_wait_for_dialog (f->window);
  rows = difference_rows (GTK_WIDGET (dialog));
  g_assert_cmpuint (g_hash_table_size (rows), ==, 1);
  g_assert_null (jp_import_dialog_get_choices (JP_IMPORT_DIALOG (dialog)));
  {
    g_autoptr(GPtrArray) buttons = jp_test_find_all (GTK_WIDGET (dialog), GTK_TYPE_BUTTON);

    none = all = NULL;
    for (guint i = 0; i < buttons->len; i++)
      {
        const char *label = gtk_button_get_label (buttons->pdata[i]);

        if (g_strcmp0 (label, "Select _None") == 0)
          none = buttons->pdata[i];
        else if (g_strcmp0 (label, "Select _All") == 0)
          all = buttons->pdata[i];
      }
    g_assert_nonnull (none);
    g_assert_nonnull (all);
  }
  g_signal_emit_by_name (none, "clicked");
  g_assert_false (gtk_check_button_get_active (check_of (rows, "sec-5.7-p1")));
  choices = jp_import_dialog_get_choices (JP_IMPORT_DIALOG (dialog));
  g_assert_nonnull (choices);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (choices, "sec-5.7-p1")), ==, JP_CHOICE_LEAVE_OUT);
  g_signal_emit_by_name (all, "clicked");
  g_assert_true (gtk_check_button_get_active (check_of (rows, "sec-5.7-p1")));
  import_and_wait (f, dialog);
  {
    g_autoptr(JpItem) p1 = jp_database_lookup_uid (f->db, "sec-5.7-p1");
    g_assert_cmpint (jp_item_get_status (p1), ==, JP_STATUS_DONE);
  }
}

int
main (int   argc,
      char *argv[])
{
  jp_test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, jp_test_window_fixture_set_up, func, \
                                    jp_test_window_fixture_tear_down)
  ADD ("/window/import/section", test_import);
  ADD ("/window/import/conflict", test_import_conflict);
  ADD ("/window/import/mass-removal", test_import_mass_removal);
  ADD ("/window/import/cancel", test_import_cancel);
  ADD ("/window/import/failure-titles", test_failure_titles);
  ADD ("/window/import/review", test_import_review);
  ADD ("/window/import/review-select", test_import_review_select);
#undef ADD

  return g_test_run ();
}
