/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ui/sidebar/jp-sidebar.h"

G_BEGIN_DECLS

struct _JpSidebar
{
  GtkWidget           parent_instance;

  JpStore            *db;
  JpSidebarView       view;
  /* Stands for "the sections that serve no policy area" in the tree. */
  GObject            *no_area;
  GtkCustomFilter    *filter;
  /* While searching: the ids of the matches and their ancestors, the
   * ids of the matches alone, and the item a typed number names, which
   * Return opens before the first match shown. */
  GHashTable         *visible;
  GHashTable         *matched;
  JpItem             *first_match;
  /* The contacts found (people, teams, subject lines): rows of their
   * own after the plan's, which open the contacts page. */
  GListStore         *contacts;
  /* The search as typed, which the rows highlight. */
  char               *query;
  guint               n_matches;
  /* The sections' counts the rows show, read a level at a time. */
  GHashTable         *counts;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  JpItem             *selected;
  guint               selecting;
  gboolean            untranslated_only;
  /* A scroll position to restore once the list has its height. */
  double              pending_scroll;
  /* The selected row is to be scrolled into view once the list has its
   * height. */
  gboolean            scroll_to_selected;
  guint               scroll_idle_id;

  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkScrolledWindow  *scrolled;
  AdwStatusPage      *empty_page;
  GtkLabel           *count_label;
};

/* Whether @item is shown among the contacts found, not in the tree. */
gboolean _jp_sidebar_is_contact      (JpItem    *item);
/* Right and Left on the rows, as in every GTK tree. */
void     _jp_sidebar_keys_init       (JpSidebar *self);
/* Typing a letter or a digit where no field takes it starts a search. */
void     _jp_sidebar_capture_keys    (JpSidebar *self,
                                      GtkWidget *widget);
/* What the controllers do with a key (TRUE: taken), for the tests too. */
gboolean _jp_sidebar_key_pressed     (JpSidebar       *self,
                                      guint            keyval,
                                      GdkModifierType  state);
gboolean _jp_sidebar_type_ahead      (JpSidebar       *self,
                                      guint            keyval,
                                      GdkModifierType  state);

/* jp-sidebar-search.c */
/* Shows @item and the rows above it. */
void    _jp_sidebar_add_with_ancestors (JpSidebar  *self,
                                        JpItem     *item);
/* A query that is a number also finds the item of that number. */
void    _jp_sidebar_add_numbered       (JpSidebar  *self,
                                        const char *query);
/* The first match the list shows; NULL when there is none. */
JpItem *_jp_sidebar_first_shown_match  (JpSidebar  *self);

G_END_DECLS
