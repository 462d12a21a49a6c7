/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"
#include "jp-test-window.h"

#include "jp-application.h"
#include "ui/panes/jp-pane.h"
#include "ui/panes/jp-text-row.h"
#include "ui/sidebar/jp-sidebar.h"
#include "ui/window/jp-window.h"
#include "model/jp-store.h"

typedef JpTestWindowFixture Fixture;

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The height of one line of @view's text. */
static int
line_height (GtkWidget *view)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (view, "Xg");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* Whether every text view of the pane holding text has the height of
 * its text. */
static gboolean
texts_fit (JpWindow *window)
{
  g_autoptr(GPtrArray) views = jp_test_find_all (jp_window_get_pane (window), GTK_TYPE_TEXT_VIEW);

  for (guint i = 0; i < views->len; i++)
    {
      GtkWidget *view = views->pdata[i];
      g_autofree char *text = buffer_text (GTK_TEXT_VIEW (view));
      int nat;

      if (!gtk_widget_is_visible (view) || *text == '\0')
        continue;
      gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), NULL, &nat, NULL, NULL);
      if (gtk_widget_get_height (view) < nat || gtk_widget_get_height (view) <= line_height (view))
        return FALSE;
    }
  return TRUE;
}

/* Every text view of the pane holding text has the height of its text
 * and shows it, once the window settled (a window manager may resize it
 * late: a second or so); returns how many hold text. */
static guint
assert_texts_visible (JpWindow *window)
{
  GtkWidget *pane = jp_window_get_pane (window);
  g_autoptr(GPtrArray) views = jp_test_find_all (pane, GTK_TYPE_TEXT_VIEW);
  guint with_text = 0;

  for (guint i = 0; i < 8 && !texts_fit (window); i++)
    jp_test_window_settle (window);

  for (guint i = 0; i < views->len; i++)
    {
      GtkWidget *view = views->pdata[i];
      g_autofree char *text = buffer_text (GTK_TEXT_VIEW (view));
      GtkTextIter end;
      int y, height, min, nat;

      if (!gtk_widget_is_visible (view) || *text == '\0')
        continue;
      with_text++;
      g_assert_true (gtk_widget_get_mapped (view));
      gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &end);
      gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (view), &end, &y, &height);
      gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), &min, &nat, NULL, NULL);
      if (g_test_verbose ())
        g_test_message ("%s: %d px high for %d px of text, asks %d", G_OBJECT_TYPE_NAME (pane),
                        gtk_widget_get_height (view), y + height, nat);
      /* Taller than a line: the text and the view's margins. */
      g_assert_cmpint (gtk_widget_get_height (view), >, line_height (view));
      g_assert_cmpint (gtk_widget_get_height (view), >=, y + height);
      g_assert_cmpint (gtk_widget_get_height (view), >=, nat);
    }
  return with_text;
}

/* Opens @item as a person does, from the sidebar (or, for an item the
 * sidebar does not list, through the window), and checks its texts. */
static guint
open_and_check (Fixture *f,
                JpItem  *item)
{
  g_assert_nonnull (item);
  if (!jp_sidebar_select_item (jp_window_get_sidebar (f->window), item))
    jp_window_open_item (f->window, item);
  g_assert_true (jp_window_get_item (f->window) == item);
  jp_test_window_settle (f->window);
  return assert_texts_visible (f->window);
}

/* Adds a sub-item with @text to @project, in the plan only. */
static void
add_sub_item (JpDatabase *db,
              JpItem     *project,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) item = jp_store_add_item (JP_STORE (db), project, JP_KIND_ITEM, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (jp_store_set_text (JP_STORE (db), item, JP_TEXT_BODY, JP_LANG_NL, text, &error));
  g_assert_no_error (error);
}

static void
test_texts_have_height (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) chapter = jp_database_find_numbered (f->db, JP_KIND_CHAPTER, "7");
  g_autoptr(JpItem) area = jp_database_find_numbered (f->db, JP_KIND_AREA, "1");
  g_autoptr(JpItem) group = jp_database_lookup_uid (f->db, "sec-3.2-g1");
  const char *projects[] = { "sec-5.7-p1", "sec-5.7-p2", "sec-5.7-p3" };

  /* The section's objectives. */
  g_assert_cmpuint (open_and_check (f, section), >, 0);
  /* The chapter's introduction. */
  g_assert_nonnull (jp_item_get_text (chapter, JP_TEXT_BODY, JP_LANG_NL));
  g_assert_cmpuint (open_and_check (f, chapter), >, 0);
  {
    g_autoptr(GPtrArray) views = jp_test_find_all (jp_window_get_pane (f->window), GTK_TYPE_TEXT_VIEW);
    g_autofree char *shown = buffer_text (GTK_TEXT_VIEW (views->pdata[0]));
    g_assert_cmpstr (shown, ==, jp_item_get_text (chapter, JP_TEXT_BODY, JP_LANG_NL));
  }
  g_assert_cmpuint (open_and_check (f, area), >, 0);
  open_and_check (f, group);
  /* Three projects one after the other, the third with sub-items. */
  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      g_autoptr(JpItem) project = jp_database_lookup_uid (f->db, projects[i]);

      if (i == 2)
        {
          add_sub_item (f->db, project, "Een eerste deelpunt dat over meer dan een regel loopt, "
                                        "want het zegt veel en het venster is niet zo breed.");
          add_sub_item (f->db, project, "Een tweede.");
        }
      g_assert_cmpstr (jp_item_get_text (project, JP_TEXT_BODY, JP_LANG_NL), !=, NULL);
      g_assert_cmpuint (open_and_check (f, project), >=, i == 2 ? 3 : 1);
    }
  /* In French, the same panes. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-language", "s", "fr");
  jp_test_window_settle (f->window);
  assert_texts_visible (f->window);
  open_and_check (f, section);
}

/* The text row of @item in the open pane. */
static JpTextRow *
find_text_row (JpWindow *window,
               JpItem   *item)
{
  g_autoptr(GPtrArray) rows = jp_test_find_all (jp_window_get_pane (window), JP_TYPE_TEXT_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (jp_text_row_get_item (rows->pdata[i]) == item)
      return rows->pdata[i];
  return NULL;
}

/* The reference to the other language's text under @view, or NULL. */
static GtkWidget *
find_reference (GtkWidget *view)
{
  for (GtkWidget *next = gtk_widget_get_next_sibling (view); next; next = gtk_widget_get_next_sibling (next))
    if (gtk_widget_has_css_class (next, "jp-reference"))
      return next;
  return NULL;
}

static void
test_translate_objective (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(GListModel) objectives = jp_database_get_children (f->db, section, JP_KIND_MASK (JP_KIND_OBJECTIVE));
  g_autoptr(JpItem) objective = g_list_model_get_item (objectives, 0);
  g_autofree char *dutch = g_strdup (jp_item_get_text (objective, JP_TEXT_BODY, JP_LANG_NL));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  GtkWidget *view, *reference;
  GtkTextBuffer *buffer;
  g_autofree char *shown = NULL;

  g_assert_nonnull (dutch);
  g_assert_true (jp_database_set_text (f->db, objective, JP_TEXT_BODY, JP_LANG_FR, NULL, &error));
  g_assert_no_error (error);
  jp_window_open_item (f->window, section);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-language", "s", "fr");
  g_assert_cmpint (jp_pane_get_language (JP_PANE (jp_window_get_pane (f->window))), ==, JP_LANG_FR);
  jp_test_window_settle (f->window);

  /* Untranslated: the field is empty, the Dutch text under it. */
  view = jp_text_row_get_text_view (find_text_row (f->window, objective));
  shown = buffer_text (GTK_TEXT_VIEW (view));
  g_assert_cmpstr (shown, ==, "");
  reference = find_reference (view);
  g_assert_nonnull (reference);
  g_assert_true (gtk_widget_get_visible (reference));
  g_assert_true (jp_test_has_label_containing (reference, dutch));
  buttons = jp_test_find_all (reference, GTK_TYPE_BUTTON);
  g_assert_cmpuint (buttons->len, ==, 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (buttons->pdata[0]), ==, "Copy the Dutch Text");

  /* Typing writes French only. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_insert_at_cursor (buffer, "x", -1);
  jp_pane_flush (jp_window_get_pane (f->window));
  g_assert_cmpstr (jp_item_get_text (objective, JP_TEXT_BODY, JP_LANG_FR), ==, "x");
  g_assert_cmpstr (jp_item_get_text (objective, JP_TEXT_BODY, JP_LANG_NL), ==, dutch);
  /* The reference stays while one translates. */
  g_assert_true (gtk_widget_get_visible (reference));

  /* The button copies the Dutch text, as an edit that undo takes back. */
  g_signal_emit_by_name (buttons->pdata[0], "clicked");
  g_assert_cmpstr (jp_item_get_text (objective, JP_TEXT_BODY, JP_LANG_FR), ==, dutch);
  g_assert_cmpstr (jp_item_get_text (objective, JP_TEXT_BODY, JP_LANG_NL), ==, dutch);
  g_clear_pointer (&shown, g_free);
  shown = buffer_text (GTK_TEXT_VIEW (view));
  g_assert_cmpstr (shown, ==, dutch);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpstr (jp_item_get_text (objective, JP_TEXT_BODY, JP_LANG_FR), !=, dutch);
  g_assert_cmpstr (jp_item_get_text (objective, JP_TEXT_BODY, JP_LANG_NL), ==, dutch);

  /* Back in Dutch: the Dutch text, no reference (both exist or not). */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-language", "s", "nl");
  view = jp_text_row_get_text_view (find_text_row (f->window, objective));
  g_clear_pointer (&shown, g_free);
  shown = buffer_text (GTK_TEXT_VIEW (view));
  g_assert_cmpstr (shown, ==, dutch);
}

/* Presses @keyval in @view as its key controllers see it. */
static gboolean
press_key (GtkWidget       *view,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

static JpTextRow *
focused_row (JpWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, JP_TYPE_TEXT_ROW) : NULL;

  g_assert_nonnull (row);
  return JP_TEXT_ROW (row);
}

static void
type_in_focus (JpWindow   *window,
               const char *text)
{
  GtkWidget *view = jp_text_row_get_text_view (focused_row (window));

  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static const char *
sub_item_text (GListModel *items,
               guint       position)
{
  g_autoptr(JpItem) item = g_list_model_get_item (items, position);

  return jp_item_get_text (item, JP_TEXT_BODY, JP_LANG_NL);
}

static void
test_enter_adds_sub_item (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(GListModel) items = NULL;
  JpItem *project;
  GtkWidget *view;

  jp_window_open_item (f->window, section);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-item", "(xs)",
                                             (gint64) 0, "project-new"));
  project = jp_window_get_item (f->window);
  items = jp_database_get_children (f->db, project, JP_KIND_MASK (JP_KIND_ITEM));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-item", "(xs)", (gint64) 0, "item"));
  type_in_focus (f->window, "Eerste");

  /* Enter stores the sub-item and starts the next one, with the focus. */
  g_assert_true (press_key (jp_text_row_get_text_view (focused_row (f->window)), GDK_KEY_Return, 0));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_cmpstr (sub_item_text (items, 0), ==, "Eerste");
  {
    g_autoptr(JpItem) second = g_list_model_get_item (items, 1);
    g_assert_true (jp_text_row_get_item (focused_row (f->window)) == second);
  }
  type_in_focus (f->window, "Derde");
  jp_pane_flush (jp_window_get_pane (f->window));

  /* Enter in the first puts the new one between the two. */
  {
    g_autoptr(JpItem) first = g_list_model_get_item (items, 0);
    view = jp_text_row_get_text_view (find_text_row (f->window, first));
  }
  gtk_widget_grab_focus (view);
  g_assert_true (press_key (view, GDK_KEY_Return, 0));
  type_in_focus (f->window, "Tweede");
  jp_pane_flush (jp_window_get_pane (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  g_assert_cmpstr (sub_item_text (items, 0), ==, "Eerste");
  g_assert_cmpstr (sub_item_text (items, 1), ==, "Tweede");
  g_assert_cmpstr (sub_item_text (items, 2), ==, "Derde");

  /* An objective is one paragraph too, but Enter only stores it. */
  jp_window_open_item (f->window, section);
  {
    g_autoptr(GListModel) objectives = jp_database_get_children (f->db, section, JP_KIND_MASK (JP_KIND_OBJECTIVE));
    guint n = g_list_model_get_n_items (objectives);
    g_autoptr(JpItem) objective = g_list_model_get_item (objectives, 0);

    view = jp_text_row_get_text_view (find_text_row (f->window, objective));
    g_assert_true (press_key (view, GDK_KEY_Return, 0));
    g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, n);
  }
}

static void
test_tab_moves_focus (Fixture       *f,
                      gconstpointer  data)
{
  const char *uids[] = { "sec-5.7-p1" };
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) chapter = jp_database_find_numbered (f->db, JP_KIND_CHAPTER, "7");
  g_autoptr(JpItem) area = jp_database_find_numbered (f->db, JP_KIND_AREA, "1");
  g_autoptr(JpItem) project = jp_database_lookup_uid (f->db, uids[0]);
  JpItem *items[] = { section, chapter, area, project };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GPtrArray) views = NULL;

      jp_window_open_item (f->window, items[i]);
      views = jp_test_find_all (jp_window_get_pane (f->window), GTK_TYPE_TEXT_VIEW);
      g_assert_cmpuint (views->len, >, 0);
      /* Tab and Shift+Tab leave the text: no tab character is typed. */
      for (guint v = 0; v < views->len; v++)
        g_assert_false (gtk_text_view_get_accepts_tab (views->pdata[v]));
    }
}

static gboolean
can (JpTextRow  *row,
     const char *move)
{
  return g_action_group_get_action_enabled (jp_text_row_get_moves (row), move);
}

/* The menu of @row as it opens: its moves asked again. */
static GtkMenuButton *
open_menu (JpTextRow *row)
{
  g_autoptr(GPtrArray) buttons = jp_test_find_all (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON);
  GtkMenuButton *button = buttons->pdata[0];

  gtk_menu_button_popup (button);
  jp_test_iterate ();
  gtk_menu_button_popdown (button);
  return button;
}

static void
test_item_menu (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JpItem) project = jp_database_lookup_uid (f->db, "sec-5.7-p3");
  g_autoptr(GListModel) items = NULL;
  g_autoptr(JpItem) first = NULL;
  g_autoptr(JpItem) second = NULL;
  GtkMenuButton *button;
  JpTextRow *row;

  add_sub_item (f->db, project, "Een");
  add_sub_item (f->db, project, "Twee");
  items = jp_database_get_children (f->db, project, JP_KIND_MASK (JP_KIND_ITEM));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  first = g_list_model_get_item (items, 0);
  second = g_list_model_get_item (items, 1);
  jp_window_open_item (f->window, project);
  jp_test_window_settle (f->window);

  /* The first cannot move up nor in or out; the second can go in. */
  row = find_text_row (f->window, first);
  button = open_menu (row);
  /* No tooltip over the menu it opens; a name for a screen reader. */
  g_assert_false (gtk_widget_get_has_tooltip (GTK_WIDGET (button)));
  g_assert_false (can (row, "move-up"));
  g_assert_true (can (row, "move-down"));
  g_assert_false (can (row, "indent"));
  g_assert_false (can (row, "outdent"));
  row = find_text_row (f->window, second);
  open_menu (row);
  g_assert_true (can (row, "move-up"));
  g_assert_false (can (row, "move-down"));
  g_assert_true (can (row, "indent"));
  g_assert_false (can (row, "outdent"));

  /* Indented under the first: it can only come out again. */
  g_action_group_activate_action (jp_text_row_get_moves (row), "indent", NULL);
  {
    g_autoptr(JpItem) parent = jp_store_get_parent (JP_STORE (f->db), second);
    g_assert_true (parent == first);
  }
  row = find_text_row (f->window, second);
  open_menu (row);
  g_assert_false (can (row, "move-up"));
  g_assert_false (can (row, "move-down"));
  g_assert_false (can (row, "indent"));
  g_assert_true (can (row, "outdent"));
  row = find_text_row (f->window, first);
  open_menu (row);
  g_assert_false (can (row, "move-down"));
}

/* Whether @widget is part of a widget of libadwaita or GTK that names it
 * itself (an entry row's buttons, a menu button's inner button, a
 * drop-down's button that shows its choice). */
static gboolean
is_inner_part (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return parent != NULL &&
         (gtk_widget_get_ancestor (parent, GTK_TYPE_MENU_BUTTON) != NULL ||
          gtk_widget_get_ancestor (parent, ADW_TYPE_ENTRY_ROW) != NULL ||
          gtk_widget_get_ancestor (parent, ADW_TYPE_COMBO_ROW) != NULL ||
          gtk_widget_get_ancestor (parent, GTK_TYPE_DROP_DOWN) != NULL);
}

/* No button of the open pane has a mnemonic underscore in its label,
 * which GTK 4.8 reads out to a screen reader with the underscore; an
 * icon button says what it does in its tooltip (its accessible name, set
 * with it, is checked with the accessibility tree: GTK 4.8's tests
 * cannot read it back). */
static void
assert_named (JpWindow *window)
{
  GtkWidget *pane = jp_window_get_pane (window);
  g_autoptr(GPtrArray) buttons = jp_test_find_all (pane, GTK_TYPE_BUTTON);
  g_autoptr(GPtrArray) menus = jp_test_find_all (pane, GTK_TYPE_MENU_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkButton *button = buttons->pdata[i];

      if (is_inner_part (GTK_WIDGET (button)))
        continue;
      if (gtk_button_get_label (button) != NULL)
        g_assert_false (gtk_button_get_use_underline (button));
      else
        g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (button)));
    }
  for (guint i = 0; i < menus->len; i++)
    {
      GtkMenuButton *button = menus->pdata[i];

      if (gtk_menu_button_get_label (button) != NULL)
        g_assert_false (gtk_menu_button_get_use_underline (button));
    }
}

static void
test_named (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) chapter = jp_database_find_numbered (f->db, JP_KIND_CHAPTER, "7");
  g_autoptr(JpItem) area = jp_database_find_numbered (f->db, JP_KIND_AREA, "1");
  g_autoptr(JpItem) group = jp_database_lookup_uid (f->db, "sec-3.2-g1");
  g_autoptr(JpItem) project = jp_database_lookup_uid (f->db, "sec-5.7-p3");
  JpItem *items[] = { section, chapter, area, group, project };

  add_sub_item (f->db, project, "Een");
  /* In French, with the Dutch texts under the fields and their buttons. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-language", "s", "fr");
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      jp_window_open_item (f->window, items[i]);
      assert_named (f->window);
    }
}

int
main (int   argc,
      char *argv[])
{
  jp_test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, jp_test_window_fixture_set_up, func, jp_test_window_fixture_tear_down)
  ADD ("/panes/texts-have-height", test_texts_have_height);
  ADD ("/panes/translate-objective", test_translate_objective);
  ADD ("/panes/enter-adds-sub-item", test_enter_adds_sub_item);
  ADD ("/panes/tab-moves-focus", test_tab_moves_focus);
  ADD ("/panes/item-menu", test_item_menu);
  ADD ("/panes/named", test_named);
#undef ADD

  return g_test_run ();
}
