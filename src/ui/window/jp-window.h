/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/store/jp-database.h"
#include "ui/sidebar/jp-sidebar.h"

G_BEGIN_DECLS

#define JP_TYPE_WINDOW (jp_window_get_type ())
G_DECLARE_FINAL_TYPE (JpWindow, jp_window, JP, WINDOW, AdwApplicationWindow)

/* The main window: the plan's tree beside the open item's pane.  When the
 * application has no database, it shows why instead. */
JpWindow   *jp_window_new            (GtkApplication *application,
                                       JpDatabase     *db,
                                       GSettings      *settings,
                                       const GError   *error);
JpDatabase *jp_window_get_database   (JpWindow      *self);
JpSidebar  *jp_window_get_sidebar    (JpWindow      *self);
/* Replaces @self by a window built anew in the current interface language,
 * with the same size, tree, search, open item or contacts page, scroll
 * positions and dialogs.  During an import it waits for the end. */
JpWindow   *jp_window_rebuild        (JpWindow      *self);
/* The window's state, to show the same in another window (a new
 * language) or later.  An a{sv}; every key is optional:
 *   "width", "height"  i   the default size
 *   "maximized"        b
 *   "fullscreen"       b   (only TRUE is restored)
 *   "item"             s   the open item's uid; "" for none (an unknown
 *                          uid leaves the window as it is)
 *   "contacts"         b   the contacts page is shown instead of an item
 *   "progress"         b   the progress overview is shown over the plan
 *   "search-mode"      b   the tree's search bar is open
 *   "search-text"      s
 *   "leaflet-child"    s   "sidebar" or "content", when folded
 *   "sidebar-scroll"   d   the tree's scroll position
 *   "pane-scroll"      d   the pane's
 *   "dialogs"          as  dialogs to show again: "about", "shortcuts"
 *   "imports"          as  URIs of files whose import dialog was open
 *   "chooser"          s   the action whose file chooser was open
 * The tree view and the filter of untranslated items stay in GSettings,
 * as do size and open item between runs. */
GVariant   *jp_window_save_state     (JpWindow      *self);
/* Restores @state (sunk if floating) into @self; what needs the window on
 * screen (scroll positions, dialogs) waits until it is mapped. */
void        jp_window_restore_state  (JpWindow      *self,
                                      GVariant      *state);
/* The item whose pane is shown, or NULL. */
JpItem     *jp_window_get_item       (JpWindow      *self);
/* The pane shown (a detail pane, the contacts page or an empty state). */
GtkWidget  *jp_window_get_pane       (JpWindow      *self);
/* The language whose texts the panes show and edit: the interface's at
 * first, the other one after the NL/FR switch ("edit-language"). */
JpLang      jp_window_get_edit_language (JpWindow    *self);
void        jp_window_set_edit_language (JpWindow    *self,
                                         JpLang       lang);
/* Shows the plan's page (the tree and the panes), leaving the progress
 * overview if it is shown. */
void        jp_window_show_plan      (JpWindow      *self);
/* Opens @item's pane and selects it in the tree. */
void        jp_window_open_item      (JpWindow      *self,
                                      JpItem        *item);
/* "Jaarplan 2013": the plan @db holds; *@file_name (if asked) is set to
 * its file's name when it is not the default database, else NULL. */
char       *jp_window_describe_plan  (JpDatabase    *db,
                                      char         **file_name);
/* Tells the user what went wrong, in the window: a toast, or for a
 * conflict a dialog offering to reload. */
void        jp_window_report_error   (JpWindow      *self,
                                      const GError  *error);
/* Whether an import or an export runs (the header shows it, with a
 * button that cancels it: a cancelled import leaves the plan as it was). */
gboolean    jp_window_get_busy       (JpWindow      *self);
void        jp_window_cancel_work    (JpWindow      *self);
/* Asks (after a dry run) and imports @file, off the main loop. */
void        jp_window_import         (JpWindow      *self,
                                      GFile         *file);
/* Exports @scope (the plan's root, a chapter or a section) to @file,
 * writing off the main loop; a toast tells the result. */
void        jp_window_export         (JpWindow      *self,
                                      JpItem        *scope,
                                      GFile         *file,
                                      GAsyncReadyCallback callback,
                                      gpointer       user_data);
gboolean    jp_window_export_finish  (JpWindow      *self,
                                      GAsyncResult  *result,
                                      GError       **error);

G_END_DECLS
