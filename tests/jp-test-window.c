/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-window.h"

void
jp_test_window_init (int    *argc,
                     char ***argv)
{
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
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

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = jp_test_window_find (app);
  g_assert_nonnull (window);
  g_assert_nonnull (jp_window_get_database (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}
