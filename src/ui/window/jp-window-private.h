/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ui/window/jp-window.h"

G_BEGIN_DECLS

struct _JpWindow
{
  AdwApplicationWindow  parent_instance;

  JpDatabase           *db;
  /* Why there is no database, when there is none. */
  GError               *error;
  GSettings            *settings;
  JpItem               *item;
  /* The plan's root: its number is the year the title shows. */
  JpItem               *root;
  /* The language the panes show and edit (the "edit-language"). */
  JpLang                edit_language;
  GCancellable         *cancellable;
  /* Work runs in a worker thread (an import, its dry run). */
  gboolean              busy;
  /* Set while the window itself changes the selection. */
  gboolean              restoring;
  /* The language changed during an import: rebuild when it is done. */
  gboolean              rebuild_pending;
  /* The open file chooser and the action that opened it. */
  GtkNativeDialog      *chooser;
  char                 *chooser_action;
  /* What of a restored state waits for the window to be shown. */
  GVariant             *shown_state;
  /* The keyboard shortcuts window, once shown. */
  GtkWindow            *shortcuts;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  AdwBin               *sidebar_bin;
  JpSidebar            *sidebar;
  GtkToggleButton      *search_button;
  AdwWindowTitle       *content_title;
  AdwWindowTitle       *plan_title;
  AdwBin               *content_bin;
  GtkSpinner           *spinner;
  GtkWidget            *cancel_button;
  GtkWidget            *language_box;
  GtkMenuButton        *language_menu_button;
  AdwStatusPage        *error_page;
  /* The years (jp-window-years.c). */
  GtkMenuButton        *year_button;
  GtkRevealer          *closed_revealer;
  GtkLabel             *closed_label;
  GMenu                *year_menu;
  /* The open year is closed: the panes are read only. */
  gboolean              year_closed;
};

/* jp-window-actions.c */
void    _jp_window_class_add_actions (GtkWidgetClass *widget_class);
void    _jp_window_update_actions    (JpWindow       *self);
/* The one toast that says what was done, undone or redone (with an
 * Undo button when @offer_undo). */
void    _jp_window_show_history_toast (JpWindow      *self,
                                       const char    *title,
                                       gboolean       offer_undo);
/* Ctrl+Z and Ctrl+Shift+Z in the pane shown are the plan's undo and
 * redo, also while a field has the focus. */
void    _jp_window_add_history_keys  (JpWindow       *self);
void    _jp_window_show_contacts     (JpWindow       *self);
/* The progress overview, a page of the window's stack. */
void    _jp_window_show_progress     (JpWindow       *self);
GtkWidget *_jp_window_get_progress_page (JpWindow    *self,
                                      gboolean        create);
JpItem *_jp_window_get_target        (JpWindow       *self,
                                      GVariant       *parameter);
/* jp-window-exchange.c */
void    _jp_window_set_chooser       (JpWindow        *self,
                                      GtkNativeDialog *chooser,
                                      const char      *action);
/* Asks where to export @scope, or which file to import, then does it;
 * @action is the one that asked (kept to show the chooser again). */
void    _jp_window_choose_export     (JpWindow        *self,
                                      JpItem          *scope,
                                      const char      *action);
void    _jp_window_choose_import     (JpWindow        *self,
                                      const char      *action);
/* Shows work in a worker thread, described by @title, or its end (NULL). */
void    _jp_window_set_busy          (JpWindow        *self,
                                      const char      *title);
/* jp-window.c */
/* Stores what was typed in the pane shown. */
void    _jp_window_flush              (JpWindow      *self);
void    _jp_window_show_toast         (JpWindow      *self,
                                       const char    *title);
void    _jp_window_report_failure     (JpWindow      *self,
                                       const char    *title,
                                       const GError  *error);
double  _jp_window_get_scroll         (GtkWidget     *widget);
void    _jp_window_set_scroll         (GtkWidget     *widget,
                                       double         value);
/* jp-window-years.c */
void    _jp_window_years_class_init   (GtkWidgetClass *widget_class);
/* The year's actions and menu, the strip of a closed year. */
void    _jp_window_setup_years        (JpWindow      *self);
/* Keeps the editing actions off while the open year is closed. */
void    _jp_window_years_update_actions (JpWindow    *self);
/* Makes the pane shown read only when the open year is closed. */
void    _jp_window_years_guard_pane   (JpWindow      *self);
/* Opens @year, and there the item that continues, or is continued by,
 * the open one. */
gboolean _jp_window_set_year          (JpWindow      *self,
                                       guint          year,
                                       GError       **error);
/* Opens the year of @item, if another is open (an undo shows where). */
void    _jp_window_show_year_of       (JpWindow      *self,
                                       JpItem        *item);
/* Whether @item is of the open year's plan. */
gboolean _jp_window_holds_item        (JpWindow      *self,
                                       JpItem        *item);
/* jp-window-changes.c: Save Version… and Show Changes… */
void    _jp_window_changes_class_init (GtkWidgetClass *widget_class);
/* jp-window.c */
void    _jp_window_update_plan_title  (JpWindow      *self);
/* Builds the pane or page shown anew, where it was scrolled to. */
void    _jp_window_rebuild_pane       (JpWindow      *self);
/* jp-window-state.c */
GVariant *_jp_window_settings_state   (GSettings     *settings);
void    _jp_window_restore_shown      (JpWindow      *self,
                                       GVariant      *state);
void    _jp_window_rebuild_if_pending (JpWindow      *self);

G_END_DECLS
