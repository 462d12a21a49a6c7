/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-window.h"
#include "jp-test-util.h"

/* The tests run on a system that speaks neither Dutch nor French: as if
 * the language had been asked once, the window comes at once. */
static void
answer_language (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "asked-language", "nl");
}

void
jp_test_window_init (int    *argc,
                     char ***argv)
{
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  answer_language ();
}

/* A plan file not closed cleanly (or still open elsewhere, as in a test
 * that opens it again) is checked before it can be changed: the tests
 * wait for that, as a person does. */
static void
wait_for_check (JpDatabase *db)
{
  while (jp_database_get_integrity (db) == JP_DATABASE_INTEGRITY_CHECKING)
    g_main_context_iteration (NULL, TRUE);
}

JpWindow *
jp_test_window_find (JpApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (JP_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

JpWindow *
jp_test_window_start (JpApplication *app)
{
  g_autoptr(GError) error = NULL;
  JpWindow *window;

  answer_language ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = jp_test_window_find (app);
  g_assert_nonnull (window);
  g_assert_nonnull (jp_window_get_database (window));
  wait_for_check (jp_window_get_database (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

void
jp_test_window_open (JpTestWindowFixture *f)
{
  g_autoptr(GError) error = NULL;

  answer_language ();
  f->app = jp_application_new (f->path);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (f->app));
  f->window = JP_WINDOW (gtk_application_get_windows (GTK_APPLICATION (f->app))->data);
  f->db = jp_window_get_database (f->window);
  g_assert_nonnull (f->db);
  wait_for_check (f->db);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

void
jp_test_window_close (JpTestWindowFixture *f)
{
  gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;
  f->db = NULL;
  jp_test_iterate ();
  g_clear_object (&f->app);
}

void
jp_test_window_fixture_set_up (JpTestWindowFixture *f,
                               gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* The tests on this fixture find items in the areas tree; the window's
   * first view, the chapters, is tested in test-window-state. */
  g_settings_set_string (settings, "tree-view", "areas");
  g_settings_reset (settings, "last-item");
  f->dir = g_dir_make_tmp ("jaarplan-window-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plan.db", NULL);
  jp_test_window_open (f);
}

void
jp_test_window_fixture_tear_down (JpTestWindowFixture *f,
                                  gconstpointer        data)
{
  if (f->window)
    jp_test_window_close (f);
  jp_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The message dialog the window shows, or NULL. */
AdwMessageDialog *
jp_test_find_dialog (JpWindow *window)
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
AdwMessageDialog *
jp_test_wait_for_dialog (JpWindow *window)
{
  AdwMessageDialog *dialog;

  while ((dialog = jp_test_find_dialog (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  return dialog;
}

/* What a click on the dialog's button does: the response, then closing. */
void
jp_test_respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  jp_test_iterate ();
}

/* Whether a label inside @widget starts with @prefix. */
gboolean
jp_test_has_label_starting (GtkWidget  *widget,
                    const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (jp_test_has_label_starting (child, prefix))
      return TRUE;
  return FALSE;
}

/* Whether a label inside @widget holds @needle. */
gboolean
jp_test_has_label_containing (GtkWidget  *widget,
                      const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (jp_test_has_label_containing (child, needle))
      return TRUE;
  return FALSE;
}

void
jp_test_on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_window_export_finish (JP_WINDOW (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

void
jp_test_window_export_and_wait (JpWindow *window,
             JpItem   *scope,
             GFile    *file)
{
  gboolean done = FALSE;

  jp_window_export (window, scope, file, jp_test_on_exported, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

GtkWidget *
jp_test_find_type (GtkWidget *widget,
                   GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = jp_test_find_type (child, type);

      if (found)
        return found;
    }
  return NULL;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

GPtrArray *
jp_test_find_all (GtkWidget *widget,
                  GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (widget, type, found);
  return found;
}

static gboolean
on_settled (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
jp_test_window_settle (JpWindow *window)
{
  gboolean done = FALSE;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_timeout_add (250, on_settled, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  jp_test_iterate ();
}
