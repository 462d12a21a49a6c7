/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jp-test-util.h"
#include "jp-test-window.h"
#include "ui/contacts/jp-contacts-page.h"
#include "ui/sidebar/jp-sidebar.h"

/* The years in the window: the header's menu of years, the New Plan
 * dialog and its undo, a closed year. */

typedef JpTestWindowFixture Fixture;

/* The header's menu button whose menu holds @action, or NULL. */
static GtkMenuButton *
find_menu_button (GtkWidget  *widget,
                  const char *action)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)))
    {
      GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));

      for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
        {
          g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

          for (int i = 0; section && i < g_menu_model_get_n_items (section); i++)
            {
              g_autofree char *name = NULL;

              if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
                  g_str_equal (name, action))
                return GTK_MENU_BUTTON (widget);
            }
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_menu_button (child, action);

      if (found)
        return found;
    }
  return NULL;
}

static char *
without_underscore (char *text)
{
  char *to = text;

  for (const char *from = text; *from; from++)
    if (*from != '_')
      *to++ = *from;
  *to = '\0';
  return text;
}

/* Activates the item of the header's year menu labelled @label, as a
 * click on it does; FALSE when the menu has no such item. */
static gboolean
activate_year_menu_item (JpWindow   *window,
                         const char *label)
{
  GtkMenuButton *button = find_menu_button (GTK_WIDGET (window), "win.year");
  GMenuModel *menu;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (button)) ||
                 gtk_widget_get_focusable (gtk_widget_get_first_child (GTK_WIDGET (button))));
  menu = gtk_menu_button_get_menu_model (button);
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *text = NULL;
          g_autofree char *action = NULL;
          g_autoptr(GVariant) target = NULL;

          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &text);
          /* As shown: without the mnemonic's underscore. */
          if (text == NULL || !g_str_equal (without_underscore (text), label))
            continue;
          g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
          target = g_menu_model_get_item_attribute_value (section, i, G_MENU_ATTRIBUTE_TARGET, NULL);
          g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, target));
          jp_test_iterate ();
          return TRUE;
        }
    }
  return FALSE;
}

/* Whether the tree shows @item's year: its first row is of that year. */
static gboolean
tree_shows_year_of (JpWindow *window,
                    JpItem   *item)
{
  GListModel *model = jp_sidebar_get_model (jp_window_get_sidebar (window));
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, 0);
  g_autoptr(GObject) first = row ? gtk_tree_list_row_get_item (row) : NULL;
  JpDatabase *db = jp_window_get_database (window);
  gint64 a, b;

  g_assert_true (JP_IS_ITEM (first));
  /* The root above each. */
  a = jp_item_get_id (JP_ITEM (first));
  b = jp_item_get_id (item);
  for (gint64 *id = &a; id != NULL; id = id == &a ? &b : NULL)
    for (;;)
      {
        g_autoptr(JpItem) up = jp_database_lookup (db, *id);

        if (up == NULL || jp_item_get_parent_id (up) == 0)
          break;
        *id = jp_item_get_parent_id (up);
      }
  return a == b;
}

static GtkRevealer *
find_revealer (GtkWidget *widget)
{
  if (GTK_IS_REVEALER (widget))
    return GTK_REVEALER (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkRevealer *found = find_revealer (child);

      if (found)
        return found;
    }
  return NULL;
}

/* The first text field of @widget that can be edited, or NULL. */
static GtkWidget *
find_editable (GtkWidget *widget)
{
  /* What a person cannot reach (a closed drop-down's list, a part made
   * insensitive) cannot be edited either. */
  if (!gtk_widget_get_visible (widget) || !gtk_widget_is_sensitive (widget) ||
      (GTK_IS_POPOVER (widget) && !gtk_widget_get_mapped (widget)))
    return NULL;
  if (GTK_IS_TEXT_VIEW (widget) && gtk_widget_get_visible (widget))
    return gtk_text_view_get_editable (GTK_TEXT_VIEW (widget)) ? widget : NULL;
  if (GTK_IS_EDITABLE (widget) && gtk_widget_get_visible (widget))
    return gtk_editable_get_editable (GTK_EDITABLE (widget)) ? widget : NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_editable (child);

      if (found)
        return found;
    }
  return NULL;
}

/* The header's menu lists the years; choosing one opens it: the tree,
 * the title and the open item follow, and back again. */
static void
test_switch (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  JpNewPlanSummary summary;
  JpItem *open;

  g_assert_true (jp_database_new_plan (f->db, 2014, &summary, &error));
  g_assert_no_error (error);
  jp_test_iterate ();
  jp_window_open_item (f->window, section);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Annual Plan 2013 — plan.db");
  g_assert_true (tree_shows_year_of (f->window, section));

  g_assert_true (activate_year_menu_item (f->window, "2014"));
  g_assert_cmpuint (jp_database_get_year (f->db), ==, 2014);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Annual Plan 2014 — plan.db");
  open = jp_window_get_item (f->window);
  g_assert_nonnull (open);
  g_assert_true (open != section);
  g_assert_cmpint (jp_database_get_continued (f->db, open), ==, jp_item_get_id (section));
  g_assert_true (tree_shows_year_of (f->window, open));
  g_assert_false (tree_shows_year_of (f->window, section));
  g_assert_true (jp_sidebar_get_selected_item (jp_window_get_sidebar (f->window)) == open);
  /* The state of a window built again keeps the year. */
  {
    g_autoptr(GVariant) state = jp_window_save_state (f->window);
    guint year = 0;

    g_assert_true (g_variant_lookup (state, "year", "u", &year));
    g_assert_cmpuint (year, ==, 2014);
  }

  g_assert_true (activate_year_menu_item (f->window, "2013"));
  g_assert_cmpuint (jp_database_get_year (f->db), ==, 2013);
  g_assert_true (jp_window_get_item (f->window) == section);
  g_assert_true (tree_shows_year_of (f->window, section));

  /* On the contacts page, the other year's contacts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-contacts", NULL));
  g_assert_true (activate_year_menu_item (f->window, "2014"));
  g_assert_true (JP_IS_CONTACTS_PAGE (jp_window_get_pane (f->window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Annual Plan 2014 — plan.db");
}

/* Undoing a change of another year than the open one opens that year,
 * and there the item changed. */
static void
test_undo_shows_year (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  JpNewPlanSummary summary;

  g_assert_true (jp_database_new_plan (f->db, 2014, &summary, &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_set_text (f->db, section, JP_TEXT_NOTE, JP_LANG_NL, "In 2013", &error));
  g_assert_no_error (error);
  g_assert_true (activate_year_menu_item (f->window, "2014"));
  g_assert_cmpuint (jp_database_get_year (f->db), ==, 2014);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_iterate ();
  g_assert_null (jp_item_get_text (section, JP_TEXT_NOTE, JP_LANG_NL));
  g_assert_cmpuint (jp_database_get_year (f->db), ==, 2013);
  g_assert_true (jp_window_get_item (f->window) == section);
  g_assert_true (tree_shows_year_of (f->window, section));
}

/* A window built again (another language) opens the year it showed. */
static void
test_rebuild_keeps_year (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JpNewPlanSummary summary;
  JpWindow *window;

  g_assert_true (jp_database_new_plan (f->db, 2014, &summary, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.year", "u", 2014));
  jp_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.year", "u", 2013));
  jp_test_iterate ();
  window = jp_window_rebuild (f->window);
  f->window = window;
  jp_test_iterate ();
  g_assert_cmpuint (jp_database_get_year (f->db), ==, 2013);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Annual Plan 2013 — plan.db");
}

/* New Plan asks first, with what it carries over; making it opens the
 * new year; Ctrl+Z takes it back. */
static void
test_new_plan (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(GArray) years = NULL;
  g_autofree char *summary_text = NULL;
  AdwMessageDialog *dialog;
  JpNewPlanSummary summary;

  g_assert_true (jp_database_plan_new_year (f->db, 2014, &summary, &error));
  g_assert_no_error (error);
  summary_text = jp_new_plan_summary_describe (&summary);
  jp_window_open_item (f->window, section);

  g_assert_true (activate_year_menu_item (f->window, "New Plan for 2014…"));
  dialog = jp_test_wait_for_dialog (f->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "New Plan for 2014?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), summary_text));
  /* Nothing is made before the answer; Cancel makes nothing. */
  years = jp_database_list_years (f->db);
  g_assert_cmpuint (years->len, ==, 1);
  g_clear_pointer (&years, g_array_unref);
  jp_test_respond (dialog, "cancel");
  years = jp_database_list_years (f->db);
  g_assert_cmpuint (years->len, ==, 1);
  g_clear_pointer (&years, g_array_unref);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL));
  dialog = jp_test_wait_for_dialog (f->window);
  jp_test_respond (dialog, "make");
  years = jp_database_list_years (f->db);
  g_assert_cmpuint (years->len, ==, 2);
  g_clear_pointer (&years, g_array_unref);
  g_assert_cmpuint (jp_database_get_year (f->db), ==, 2014);
  g_assert_false (jp_database_get_year_closed (f->db, 2013));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Annual Plan 2014 — plan.db");
  g_assert_cmpint (jp_database_get_continued (f->db, jp_window_get_item (f->window)), ==, jp_item_get_id (section));
  g_assert_true (jp_test_has_label_starting (GTK_WIDGET (f->window), "Annual plan 2014 made"));
  /* The menu offers the year after. */
  g_assert_true (activate_year_menu_item (f->window, "2013"));
  g_assert_true (activate_year_menu_item (f->window, "2014"));
  g_assert_nonnull (find_menu_button (GTK_WIDGET (f->window), "win.new-plan"));

  /* Ctrl+Z in the pane takes the new plan back, and says so. */
  gtk_widget_grab_focus (jp_window_get_pane (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_iterate ();
  years = jp_database_list_years (f->db);
  g_assert_cmpuint (years->len, ==, 1);
  g_assert_cmpuint (jp_database_get_year (f->db), ==, 2013);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Annual Plan 2013 — plan.db");
  g_assert_true (jp_test_has_label_starting (GTK_WIDGET (f->window), "Making the annual plan 2014 undone"));
  g_assert_true (tree_shows_year_of (f->window, section));
  g_assert_true (jp_window_get_item (f->window) == NULL || jp_window_get_item (f->window) == section);

  /* With the check, the old year is closed too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL));
  dialog = jp_test_wait_for_dialog (f->window);
  g_assert_true (GTK_IS_CHECK_BUTTON (adw_message_dialog_get_extra_child (dialog)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_message_dialog_get_extra_child (dialog)), TRUE);
  jp_test_respond (dialog, "make");
  g_assert_cmpuint (jp_database_get_year (f->db), ==, 2014);
  g_assert_true (jp_database_get_year_closed (f->db, 2013));
}

/* Closing the open year shows the strip, makes the pane read only and
 * turns the editing actions off; the store refuses what gets through;
 * Reopen, and undo, take it back. */
static void
test_closed (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  GtkRevealer *strip = find_revealer (GTK_WIDGET (f->window));
  g_autofree char *note = NULL;
  guint projects;

  g_assert_nonnull (strip);
  jp_window_open_item (f->window, section);
  g_assert_false (gtk_revealer_get_reveal_child (strip));
  g_assert_nonnull (find_editable (jp_window_get_pane (f->window)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->window)));

  g_assert_true (activate_year_menu_item (f->window, "Close Year 2013"));
  g_assert_true (jp_database_get_year_closed (f->db, 2013));
  g_assert_true (gtk_revealer_get_reveal_child (strip));
  g_assert_true (jp_test_has_label_starting (GTK_WIDGET (strip), "Annual Plan 2013 is closed"));
  g_assert_null (find_editable (jp_window_get_pane (f->window)));
  /* The actions that change the plan are off: nothing is tried, so
   * nothing is refused either. */
  projects = jp_database_count_descendants (f->db, section, JP_KIND_MASK (JP_KIND_PROJECT));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-item", "(xs)", (gint64) 0, "project-new");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-item", "x", (gint64) 0);
  jp_test_iterate ();
  g_assert_cmpuint (jp_database_count_descendants (f->db, section, JP_KIND_MASK (JP_KIND_PROJECT)), ==, projects);
  g_assert_true (jp_window_get_item (f->window) == section);
  g_assert_false (jp_test_has_label_starting (GTK_WIDGET (f->window), "The annual plan 2013 is closed"));
  /* An edit that gets through is refused by the store, in words. */
  g_assert_false (jp_database_set_text (f->db, section, JP_TEXT_NOTE, JP_LANG_NL, "Gesloten", &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CLOSED);
  jp_window_report_error (f->window, error);
  g_clear_error (&error);
  /* Another pane opened is read only too. */
  {
    g_autoptr(JpItem) chapter = jp_database_find_numbered (f->db, JP_KIND_CHAPTER, "5");

    jp_window_open_item (f->window, chapter);
    g_assert_null (find_editable (jp_window_get_pane (f->window)));
    jp_window_open_item (f->window, section);
  }
  /* The menu now offers to reopen. */
  g_assert_false (activate_year_menu_item (f->window, "Close Year 2013"));

  /* The strip's button reopens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reopen-year", NULL));
  jp_test_iterate ();
  g_assert_false (jp_database_get_year_closed (f->db, 2013));
  g_assert_false (gtk_revealer_get_reveal_child (strip));
  g_assert_nonnull (find_editable (jp_window_get_pane (f->window)));
  g_assert_true (jp_database_set_text (f->db, section, JP_TEXT_NOTE, JP_LANG_NL, "Open", &error));
  g_assert_no_error (error);
  note = g_strdup (jp_item_get_text (section, JP_TEXT_NOTE, JP_LANG_NL));
  g_assert_cmpstr (note, ==, "Open");

  /* Undo: the note, then the reopening closes the year again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_iterate ();
  g_assert_true (jp_database_get_year_closed (f->db, 2013));
  g_assert_true (gtk_revealer_get_reveal_child (strip));
  g_assert_true (jp_test_has_label_starting (GTK_WIDGET (f->window), "Annual plan 2013 closed again"));
  g_assert_null (find_editable (jp_window_get_pane (f->window)));
  g_assert_true (activate_year_menu_item (f->window, "Reopen Year 2013"));
  g_assert_false (jp_database_get_year_closed (f->db, 2013));

  /* From one closed year to another, the strip names the one open. */
  {
    JpNewPlanSummary summary;

    g_assert_true (jp_database_new_plan (f->db, 2014, &summary, &error));
    g_assert_no_error (error);
    g_assert_true (jp_database_set_year_closed (f->db, 2014, TRUE, &error));
    g_assert_true (jp_database_set_year_closed (f->db, 2013, TRUE, &error));
    g_assert_no_error (error);
    jp_test_iterate ();
    g_assert_true (jp_test_has_label_starting (GTK_WIDGET (strip), "Annual Plan 2013 is closed"));
    g_assert_true (activate_year_menu_item (f->window, "2014"));
    g_assert_true (gtk_revealer_get_reveal_child (strip));
    g_assert_true (jp_test_has_label_starting (GTK_WIDGET (strip), "Annual Plan 2014 is closed"));
    g_assert_null (find_editable (jp_window_get_pane (f->window)));
  }
}

int
main (int   argc,
      char *argv[])
{
  jp_test_window_init (&argc, &argv);

  g_test_add ("/window/years/switch", Fixture, NULL,
              jp_test_window_fixture_set_up, test_switch, jp_test_window_fixture_tear_down);
  g_test_add ("/window/years/undo-shows-year", Fixture, NULL,
              jp_test_window_fixture_set_up, test_undo_shows_year, jp_test_window_fixture_tear_down);
  g_test_add ("/window/years/rebuild", Fixture, NULL,
              jp_test_window_fixture_set_up, test_rebuild_keeps_year, jp_test_window_fixture_tear_down);
  g_test_add ("/window/years/new-plan", Fixture, NULL,
              jp_test_window_fixture_set_up, test_new_plan, jp_test_window_fixture_tear_down);
  g_test_add ("/window/years/closed", Fixture, NULL,
              jp_test_window_fixture_set_up, test_closed, jp_test_window_fixture_tear_down);

  return g_test_run ();
}
