/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jp-application.h"
#include "ui/window/jp-window.h"

G_BEGIN_DECLS

/* Starts GTK and libadwaita for a widget test.  With no session bus,
 * each test registers its application anew: none is left from the test
 * before. */
void      jp_test_window_init  (int            *argc,
                                char         ***argv);
/* Registers and activates @app, and returns its window once drawn; the
 * window has a database. */
JpWindow *jp_test_window_start (JpApplication  *app);
/* The main window of @app, or NULL. */
JpWindow *jp_test_window_find  (JpApplication  *app);

G_END_DECLS
