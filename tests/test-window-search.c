/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jp-test-util.h"
#include "jp-test-window.h"

#include "jp-application.h"
#include "ui/contacts/jp-contacts-page.h"
#include "ui/contacts/jp-contacts-person.h"
#include "ui/sidebar/jp-sidebar-private.h"
#include "ui/sidebar/jp-sidebar-row.h"
#include "ui/window/jp-window.h"
#include "model/jp-store.h"

/* The sidebar's search and keyboard, in the window. */

typedef JpTestWindowFixture Fixture;

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* Whether a shown label inside @widget has markup holding @needle. */
static gboolean
has_markup (GtkWidget  *widget,
            const char *needle)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (widget, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_label (labels->pdata[i]), needle))
      return TRUE;
  return FALSE;
}

static JpItem *
row_item (GListModel *model,
          guint       position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, position);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

  return JP_IS_ITEM (item) ? JP_ITEM (item) : NULL;
}

static guint
find_position (GListModel *model,
               JpItem     *item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (row_item (model, i) == item)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The words found are in bold, escaped as markup. */
static void
test_highlight_markup (void)
{
  g_autofree char *a = jp_sidebar_row_highlight ("Carrouselfraude & <btw>", "fraude");
  g_autofree char *b = jp_sidebar_row_highlight ("Fraude, FRAUDE en véhicules", "fraude vehicules");
  g_autofree char *c = jp_sidebar_row_highlight ("Niets", "fraude");

  g_assert_cmpstr (a, ==, "Carrousel<b>fraude</b> &amp; &lt;btw&gt;");
  g_assert_cmpstr (b, ==, "<b>Fraude</b>, <b>FRAUDE</b> en <b>véhicules</b>");
  g_assert_cmpstr (c, ==, "Niets");
}

/* "fraude" finds the compounds, shows them in bold and counts them. */
static void
test_search_highlight_count (Fixture       *f,
                             gconstpointer  data)
{
  JpSidebar *sidebar = jp_window_get_sidebar (f->window);
  g_autoptr(JpItem) group = NULL;
  JpSidebarRow *row;
  GListModel *model;
  guint position;

  jp_sidebar_set_search_mode (sidebar, TRUE);
  jp_sidebar_set_search_text (sidebar, "fraude");
  jp_test_iterate ();
  /* The working group FISC-FAIL, "Subgroep Faillissementsfraude". */
  model = jp_sidebar_get_model (sidebar);
  for (guint i = 0; i < g_list_model_get_n_items (model) && group == NULL; i++)
    {
      JpItem *item = row_item (model, i);
      if (item && g_strcmp0 (jp_item_get_field (item, JP_FIELD_CODE), "FISC-FAIL") == 0)
        group = g_object_ref (item);
    }
  g_assert_nonnull (group);
  g_assert_true (has_markup (GTK_WIDGET (sidebar), "<b>Fraude</b>") ||
                 has_markup (GTK_WIDGET (sidebar), "<b>fraude</b>"));
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (sidebar), " results"));

  /* The row of the group, once shown, has its compound in bold. */
  position = find_position (model, group);
  gtk_widget_activate_action (GTK_WIDGET (jp_test_find_type (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW)),
                              "list.scroll-to-item", "u", position);
  jp_test_iterate ();
  row = NULL;
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    collect_labels (GTK_WIDGET (sidebar), labels);
    for (guint i = 0; i < labels->len; i++)
      if (strstr (gtk_label_get_label (labels->pdata[i]), "Faillissements<b>fraude</b>"))
        row = JP_SIDEBAR_ROW (gtk_widget_get_ancestor (labels->pdata[i], JP_TYPE_SIDEBAR_ROW));
  }
  g_assert_nonnull (row);

  /* One result: the singular. */
  jp_sidebar_set_search_text (sidebar, "l.willems@benelux.int");
  jp_test_iterate ();
  g_assert_true (jp_test_has_label_containing (GTK_WIDGET (sidebar), "1 result"));
  g_assert_false (jp_test_has_label_containing (GTK_WIDGET (sidebar), "1 results"));
}

/* "willems" finds the person; Return opens the contacts page there. */
static void
test_search_contact (Fixture       *f,
                     gconstpointer  data)
{
  JpSidebar *sidebar = jp_window_get_sidebar (f->window);
  GtkWidget *entry = jp_test_find_type (GTK_WIDGET (sidebar), GTK_TYPE_SEARCH_ENTRY);
  GListModel *model;
  gboolean found = FALSE;

  jp_sidebar_set_search_mode (sidebar, TRUE);
  jp_sidebar_set_search_text (sidebar, "willems");
  jp_test_iterate ();
  model = jp_sidebar_get_model (sidebar);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      JpItem *item = row_item (model, i);
      if (item && jp_item_get_kind (item) == JP_KIND_CONTACT &&
          g_strcmp0 (jp_item_get_field (item, JP_FIELD_PERSON), "L. Willems") == 0)
        found = TRUE;
    }
  g_assert_true (found);
  g_assert_true (has_markup (GTK_WIDGET (sidebar), "<b>Willems</b>"));

  g_signal_emit_by_name (entry, "activate");
  jp_test_iterate ();
  g_assert_true (JP_IS_CONTACTS_PAGE (jp_window_get_pane (f->window)));
  g_assert_null (jp_window_get_item (f->window));

  /* The focus goes to L. Willems, once the row is shown. */
  {
    gint64 end = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
    GtkWidget *person = NULL;

    while (person == NULL && g_get_monotonic_time () < end)
      {
        GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

        g_main_context_iteration (NULL, FALSE);
        if (focus != NULL)
          person = gtk_widget_get_ancestor (focus, JP_TYPE_CONTACTS_PERSON);
        if (person == NULL)
          g_usleep (10000);
      }
    g_assert_nonnull (person);
    g_assert_cmpstr (jp_item_get_field (jp_contacts_person_get_item (JP_CONTACTS_PERSON (person)), JP_FIELD_PERSON),
                     ==, "L. Willems");
  }
}

/* Right opens a row, then goes to its first child; Left goes back to
 * the parent, then closes it. */
static void
test_right_left (Fixture       *f,
                 gconstpointer  data)
{
  JpSidebar *sidebar = jp_window_get_sidebar (f->window);
  GListModel *model = jp_sidebar_get_model (sidebar);
  g_autoptr(GtkTreeListRow) first = g_list_model_get_item (model, 0);
  JpItem *top = row_item (model, 0);
  guint n = g_list_model_get_n_items (model);

  g_assert_nonnull (top);
  g_assert_true (jp_sidebar_select_item (sidebar, top));
  gtk_tree_list_row_set_expanded (first, FALSE);
  jp_test_iterate ();
  n = g_list_model_get_n_items (model);

  g_assert_true (_jp_sidebar_key_pressed (sidebar, GDK_KEY_Right, 0));
  g_assert_true (gtk_tree_list_row_get_expanded (first));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, n);
  g_assert_true (jp_sidebar_get_selected_item (sidebar) == top);
  g_assert_true (_jp_sidebar_key_pressed (sidebar, GDK_KEY_Right, 0));
  g_assert_true (jp_sidebar_get_selected_item (sidebar) == row_item (model, 1));

  g_assert_true (_jp_sidebar_key_pressed (sidebar, GDK_KEY_Left, 0));
  g_assert_true (jp_sidebar_get_selected_item (sidebar) == top);
  g_assert_true (gtk_tree_list_row_get_expanded (first));
  g_assert_true (_jp_sidebar_key_pressed (sidebar, GDK_KEY_Left, 0));
  g_assert_false (gtk_tree_list_row_get_expanded (first));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  /* With Ctrl, Right is not the tree's. */
  g_assert_false (_jp_sidebar_key_pressed (sidebar, GDK_KEY_Right, GDK_CONTROL_MASK));
}

/* Tab leaves the list, as Shift+Tab does: the rows are one Tab stop. */
static void
test_tab_leaves_list (Fixture       *f,
                      gconstpointer  data)
{
  JpSidebar *sidebar = jp_window_get_sidebar (f->window);
  GtkWidget *list = jp_test_find_type (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW);
  GtkWidget *focus;

  jp_sidebar_set_search_mode (sidebar, TRUE);
  jp_test_iterate ();
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_first_child (list)));
  g_assert_true (_jp_sidebar_key_pressed (sidebar, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, list));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (f->window)));

  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_first_child (list)));
  g_assert_true (_jp_sidebar_key_pressed (sidebar, GDK_KEY_Tab, 0));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == NULL || !gtk_widget_is_ancestor (focus, list));
}

/* "+" starts no search; a letter does, and is typed into it. */
static void
test_type_ahead (Fixture       *f,
                 gconstpointer  data)
{
  JpSidebar *sidebar = jp_window_get_sidebar (f->window);

  g_assert_false (jp_sidebar_get_search_mode (sidebar));
  g_assert_false (_jp_sidebar_type_ahead (sidebar, GDK_KEY_plus, 0));
  g_assert_false (_jp_sidebar_type_ahead (sidebar, GDK_KEY_KP_Add, 0));
  g_assert_false (_jp_sidebar_type_ahead (sidebar, GDK_KEY_asterisk, 0));
  g_assert_false (_jp_sidebar_type_ahead (sidebar, GDK_KEY_space, 0));
  g_assert_false (jp_sidebar_get_search_mode (sidebar));
  g_assert_false (_jp_sidebar_type_ahead (sidebar, GDK_KEY_f, GDK_CONTROL_MASK));
  g_assert_false (jp_sidebar_get_search_mode (sidebar));

  g_assert_true (_jp_sidebar_type_ahead (sidebar, GDK_KEY_f, 0));
  g_assert_true (jp_sidebar_get_search_mode (sidebar));
  g_assert_true (_jp_sidebar_type_ahead (sidebar, GDK_KEY_r, 0));
  g_assert_true (_jp_sidebar_type_ahead (sidebar, GDK_KEY_5, 0));
  g_assert_cmpstr (jp_sidebar_get_search_text (sidebar), ==, "fr5");
}

/* Each row that can take the focus is named after its number and
 * title; the filter button's name has no mnemonic. */
static void
test_accessible_names (Fixture       *f,
                       gconstpointer  data)
{
  JpSidebar *sidebar = jp_window_get_sidebar (f->window);
  GtkWidget *list = jp_test_find_type (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW);
  GtkWidget *button = NULL;
  guint named = 0;

  jp_test_iterate ();
  for (GtkWidget *cell = gtk_widget_get_first_child (list); cell; cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *child = gtk_widget_get_first_child (cell);
      g_autofree char *problem = NULL;

      if (!JP_IS_SIDEBAR_ROW (child) || jp_sidebar_row_get_list_row (JP_SIDEBAR_ROW (child)) == NULL)
        continue;
      g_assert_true (gtk_widget_get_focusable (cell));
      problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                    jp_sidebar_row_get_text (JP_SIDEBAR_ROW (child)));
      g_assert_null (problem);
      g_assert_cmpstr (jp_sidebar_row_get_text (JP_SIDEBAR_ROW (child)), !=, "");
      named++;
    }
  g_assert_cmpuint (named, >, 0);

  /* The toggle of untranslated items. */
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();
    g_ptr_array_add (stack, f->window);
    while (stack->len > 0 && button == NULL)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);
        if (GTK_IS_ACTIONABLE (w) &&
            g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), "win.show-untranslated-only") == 0)
          button = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
  }
  g_assert_nonnull (button);
  {
    const char *icon = gtk_button_get_icon_name (GTK_BUTTON (button));
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (button));
    g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   "Show Only Untranslated Items");

    g_assert_cmpstr (icon, ==, "accessories-dictionary-symbolic");
    g_assert_true (gtk_icon_theme_has_icon (theme, icon));
    g_assert_null (problem);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Show Only Untranslated Items");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  /* Accessible properties are kept by GTK's test backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  jp_test_window_init (&argc, &argv);

  g_test_add_func ("/window/search/highlight-markup", test_highlight_markup);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, jp_test_window_fixture_set_up, func, jp_test_window_fixture_tear_down)
  ADD ("/window/search/highlight-count", test_search_highlight_count);
  ADD ("/window/search/contact", test_search_contact);
  ADD ("/window/sidebar/right-left", test_right_left);
  ADD ("/window/sidebar/type-ahead", test_type_ahead);
  ADD ("/window/sidebar/tab-leaves-list", test_tab_leaves_list);
  ADD ("/window/sidebar/accessible-names", test_accessible_names);
#undef ADD

  return g_test_run ();
}
