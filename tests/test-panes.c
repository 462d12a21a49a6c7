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

static gboolean
on_settled (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets what an opened pane queues happen, as a person waits to look:
 * its first frames, the idles they queue, and the frames after those. */
static void
settle (JpWindow *window)
{
  gboolean done = FALSE;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_timeout_add (250, on_settled, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  jp_test_iterate ();
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* The widgets of @type inside @widget, in the order they show. */
static GPtrArray *
find_all (GtkWidget *widget,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (widget, type, found);
  return found;
}

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

/* Every text view of the pane holding text has the height of its text
 * and shows it; returns how many hold text. */
static guint
assert_texts_visible (JpWindow *window)
{
  GtkWidget *pane = jp_window_get_pane (window);
  g_autoptr(GPtrArray) views = find_all (pane, GTK_TYPE_TEXT_VIEW);
  guint with_text = 0;

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
  settle (f->window);
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
    g_autoptr(GPtrArray) views = find_all (jp_window_get_pane (f->window), GTK_TYPE_TEXT_VIEW);
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
  settle (f->window);
  assert_texts_visible (f->window);
  open_and_check (f, section);
}

/* The text row of @item in the open pane. */
static JpTextRow *
find_text_row (JpWindow *window,
               JpItem   *item)
{
  g_autoptr(GPtrArray) rows = find_all (jp_window_get_pane (window), JP_TYPE_TEXT_ROW);

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
  settle (f->window);

  /* Untranslated: the field is empty, the Dutch text under it. */
  view = jp_text_row_get_text_view (find_text_row (f->window, objective));
  shown = buffer_text (GTK_TEXT_VIEW (view));
  g_assert_cmpstr (shown, ==, "");
  reference = find_reference (view);
  g_assert_nonnull (reference);
  g_assert_true (gtk_widget_get_visible (reference));
  g_assert_true (jp_test_has_label_containing (reference, dutch));
  buttons = find_all (reference, GTK_TYPE_BUTTON);
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

int
main (int   argc,
      char *argv[])
{
  jp_test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, jp_test_window_fixture_set_up, func, jp_test_window_fixture_tear_down)
  ADD ("/panes/texts-have-height", test_texts_have_height);
  ADD ("/panes/translate-objective", test_translate_objective);
#undef ADD

  return g_test_run ();
}
