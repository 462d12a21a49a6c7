/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bare-window: the start-up baseline.  An AdwApplication that shows an
 * empty AdwApplicationWindow of the main window's default size (the
 * defaults of window-width and window-height), with nothing else.
 */
#define G_LOG_DOMAIN "jp-bare-window"

#include "config.h"

#include <adwaita.h>

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Jaarplan");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("int.benelux.Jaarplan.BenchBare",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
