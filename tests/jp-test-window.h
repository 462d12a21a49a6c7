/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

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

/* A window on a new database of its own, in a folder of its own. */
typedef struct {
  char          *dir;
  char          *path;
  JpApplication *app;
  JpWindow      *window;
  JpDatabase    *db;
} JpTestWindowFixture;

void      jp_test_window_fixture_set_up    (JpTestWindowFixture *f,
                                            gconstpointer        data);
void      jp_test_window_fixture_tear_down (JpTestWindowFixture *f,
                                            gconstpointer        data);
/* Opens the window on f->path again, or closes it. */
void      jp_test_window_open  (JpTestWindowFixture *f);
void      jp_test_window_close (JpTestWindowFixture *f);

/* The message dialog @window shows, or NULL; or waits for one. */
AdwMessageDialog *jp_test_find_dialog     (JpWindow         *window);
AdwMessageDialog *jp_test_wait_for_dialog (JpWindow         *window);
/* What a click on a dialog's button does: the response, then closing. */
void      jp_test_respond              (AdwMessageDialog *dialog,
                                        const char       *response);
/* The first of @widget and its descendants of @type, or NULL. */
GtkWidget *jp_test_find_type           (GtkWidget        *widget,
                                        GType             type);
/* @widget and its descendants of @type, in the order they are laid out
 * (a new array). */
GPtrArray *jp_test_find_all            (GtkWidget        *widget,
                                        GType             type);
/* Lets what an opened pane queues happen, as a person waits to look:
 * its first frames, the idles they queue, and the frames after those. */
void      jp_test_window_settle        (JpWindow         *window);
/* Whether a label inside @widget starts with @prefix, or holds @needle. */
gboolean  jp_test_has_label_starting   (GtkWidget        *widget,
                                        const char       *prefix);
gboolean  jp_test_has_label_containing (GtkWidget        *widget,
                                        const char       *needle);
/* Exports @scope to @file through the window and waits for the end;
 * jp_test_on_exported() asserts that it succeeded. */
void      jp_test_on_exported          (GObject          *source,
                                        GAsyncResult     *result,
                                        gpointer          user_data);
void      jp_test_window_export_and_wait (JpWindow       *window,
                                          JpItem         *scope,
                                          GFile          *file);

G_END_DECLS
