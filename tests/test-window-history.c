/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"
#include "jp-test-window.h"
#include "ui/contacts/jp-contacts-page.h"
#include "ui/contacts/jp-contacts-person.h"
#include "ui/sidebar/jp-sidebar.h"

/* Undo and redo as the window does them: each says what it took back,
 * and shows where. */

typedef JpTestWindowFixture Fixture;

/* A phone number changed on the contacts page, then the plan opened:
 * undo takes the number back, shows the contacts page and says so. */
static void
test_undo_shows_contacts (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JpItem) contact = jp_database_lookup_uid (f->db, "team-college-s2-c1");
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autofree char *phone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (contact);
  phone = g_strdup (jp_item_get_field (contact, JP_FIELD_PHONE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-contacts", NULL));
  g_assert_true (jp_database_set_field (f->db, contact, JP_FIELD_PHONE, "+32 2 519 38 11", &error));
  g_assert_no_error (error);

  jp_window_open_item (f->window, section);
  g_assert_false (JP_IS_CONTACTS_PAGE (jp_window_get_pane (f->window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_iterate ();
  g_assert_cmpstr (jp_item_get_field (contact, JP_FIELD_PHONE), ==, phone);
  g_assert_true (JP_IS_CONTACTS_PAGE (jp_window_get_pane (f->window)));
  g_assert_true (jp_test_has_label_starting (GTK_WIDGET (f->window), "Phone of “L. Willems” restored"));
  /* The person's row has the focus, its subject line open. */
  {
    GtkWidget *focus = NULL;
    GtkWidget *person = NULL;

    for (int i = 0; i < 100 && person == NULL; i++)
      {
        g_usleep (10000);
        jp_test_iterate ();
        focus = gtk_root_get_focus (GTK_ROOT (f->window));
        person = focus ? gtk_widget_get_ancestor (focus, JP_TYPE_CONTACTS_PERSON) : NULL;
        if (focus && JP_IS_CONTACTS_PERSON (focus))
          person = focus;
      }
    g_assert_nonnull (person);
    g_assert_true (jp_contacts_person_get_item (JP_CONTACTS_PERSON (person)) == contact);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  jp_test_iterate ();
  g_assert_cmpstr (jp_item_get_field (contact, JP_FIELD_PHONE), ==, "+32 2 519 38 11");
  g_assert_true (jp_test_has_label_starting (GTK_WIDGET (f->window), "Phone of “L. Willems” changed again"));
}

/* Removing the open project opens its section; undo brings the project
 * back open and selected in the list, and says so. */
static void
test_remove_undo_reopens (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) project = jp_database_lookup_uid (f->db, "sec-5.7-p3");
  g_autofree char *label = g_strndup (jp_item_get_label (project),
                                      g_utf8_offset_to_pointer (jp_item_get_label (project), 39) -
                                      jp_item_get_label (project));
  /* The start of a long text, as the toast has room for. */
  g_autofree char *restored = g_strdup_printf ("“%s…” restored", label);
  g_autoptr(JpItem) back = NULL;

  jp_window_open_item (f->window, project);
  g_assert_true (jp_window_get_item (f->window) == project);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-item", "x", (gint64) 0));
  jp_test_iterate ();
  g_assert_true (jp_item_get_removed (project));
  g_assert_true (jp_window_get_item (f->window) == section);
  g_assert_true (jp_sidebar_get_selected_item (jp_window_get_sidebar (f->window)) == section);

  /* As a person does: the toast's Undo, twice in a row (the second is
   * the removal's toast changed, not a new one). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_iterate ();
  back = jp_database_lookup_uid (f->db, "sec-5.7-p3");
  g_assert_nonnull (back);
  g_assert_false (jp_item_get_removed (back));
  g_assert_true (jp_window_get_item (f->window) == back);
  g_assert_true (jp_sidebar_get_selected_item (jp_window_get_sidebar (f->window)) == back);
  g_assert_true (jp_test_has_label_starting (GTK_WIDGET (f->window), restored));
}

/* Undoing the adding of a sub-item shows the project it was in. */
static void
test_undo_add_shows_parent (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(JpItem) project = jp_database_lookup_uid (f->db, "sec-5.7-p3");
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) item = NULL;
  g_autoptr(GError) error = NULL;

  item = jp_database_add_item (f->db, project, JP_KIND_ITEM, NULL, &error);
  g_assert_no_error (error);
  jp_window_open_item (f->window, section);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_iterate ();
  g_assert_true (jp_item_get_removed (item));
  g_assert_true (jp_window_get_item (f->window) == project);
  g_assert_true (jp_test_has_label_starting (GTK_WIDGET (f->window), "Adding “Item” undone"));
}

/* With nothing open, Tab has nowhere to stop in the empty page. */
static void
test_empty_page_no_tab_stop (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *page;

  jp_window_open_item (f->window, NULL);
  jp_test_iterate ();
  page = jp_window_get_pane (f->window);
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_false (gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD));
  g_assert_false (gtk_widget_child_focus (page, GTK_DIR_TAB_BACKWARD));
}

int
main (int   argc,
      char *argv[])
{
  jp_test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, jp_test_window_fixture_set_up, func, \
                                    jp_test_window_fixture_tear_down)
  ADD ("/window/history/undo-shows-contacts", test_undo_shows_contacts);
  ADD ("/window/history/remove-undo-reopens", test_remove_undo_reopens);
  ADD ("/window/history/undo-add-shows-parent", test_undo_add_shows_parent);
  ADD ("/window/keys/empty-page-no-tab-stop", test_empty_page_no_tab_stop);
#undef ADD

  return g_test_run ();
}
