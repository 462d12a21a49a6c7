/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"
#include "jp-test-window.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ui/contacts/jp-contacts-block.h"
#include "ui/contacts/jp-contacts-page.h"
#include "ui/contacts/jp-contacts-person.h"
#include "ui/contacts/jp-contacts-print.h"

typedef struct {
  char       *dir;
  char       *path;
  JpDatabase *db;
  GtkWindow  *window;
  GtkWidget  *page;
  GSettings  *settings;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "hide-expired-contacts");
  f->dir = g_dir_make_tmp ("jaarplan-contacts-page-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plan.db", NULL);
  f->db = jp_test_open_seeded (f->path, JP_DATABASE_OPEN_DEFAULT);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 700);
  f->page = jp_contacts_page_new (JP_STORE (f->db), NULL);
  gtk_window_set_child (f->window, f->page);
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  jp_test_iterate ();
  g_assert_finalize_object (f->db);
  g_clear_object (&f->settings);
  jp_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
settle (Fixture *f)
{
  jp_test_iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

/* The first descendant of @widget of @type for which @match says yes. */
static GtkWidget *
find_widget (GtkWidget                 *widget,
             GType                      type,
             gboolean                 (*match) (GtkWidget *, gconstpointer),
             gconstpointer              data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (match == NULL || match (widget, data)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, match, data);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
person_is (GtkWidget     *widget,
           gconstpointer  name)
{
  JpItem *item = jp_contacts_person_get_item (JP_CONTACTS_PERSON (widget));

  return g_strcmp0 (jp_item_get_field (item, JP_FIELD_PERSON), name) == 0;
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  name)
{
  return gtk_widget_has_css_class (widget, name);
}

static gboolean
row_titled (GtkWidget     *widget,
            gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static JpContactsPerson *
find_person (Fixture    *f,
             const char *name)
{
  GtkWidget *person = find_widget (f->page, JP_TYPE_CONTACTS_PERSON, person_is, name);

  g_assert_nonnull (person);
  return JP_CONTACTS_PERSON (person);
}

/* Opens the person's subject line and the person, as a user would to get
 * to the fields, and returns the field's row. */
static AdwEntryRow *
open_field (Fixture          *f,
            JpContactsPerson *person,
            const char       *title)
{
  GtkWidget *subject = gtk_widget_get_ancestor (gtk_widget_get_parent (GTK_WIDGET (person)), ADW_TYPE_EXPANDER_ROW);
  GtkWidget *row;

  g_assert_nonnull (subject);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (subject), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (person), TRUE);
  settle (f);
  row = find_widget (GTK_WIDGET (person), ADW_TYPE_ENTRY_ROW, row_titled, title);
  g_assert_nonnull (row);
  return ADW_ENTRY_ROW (row);
}

/* Types into the row and applies it, as its apply button does.  (Enter
 * applies too, but only once the row's text has the keyboard focus,
 * which an unmanaged Xvfb window gets at no fixed moment.) */
static void
type_and_enter (Fixture     *f,
                AdwEntryRow *row,
                const char  *text)
{
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  settle (f);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  settle (f);
}

static guint
count_children (JpDatabase *db,
                JpItem     *parent,
                JpKind      kind)
{
  g_autoptr(GListModel) children = jp_database_get_children (db, parent, JP_KIND_MASK (kind));

  return g_list_model_get_n_items (children);
}

static void
test_edit_phone (Fixture       *f,
                 gconstpointer  data)
{
  JpContactsPerson *person = find_person (f, "J. van Laarhoven");
  JpItem *contact = jp_contacts_person_get_item (person);
  AdwEntryRow *phone = open_field (f, person, "Phone");
  g_autoptr(JpDatabase) other = NULL;
  g_autoptr(JpItem) same = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "+32 (0)2 519 38 65");
  type_and_enter (f, phone, "+32 (0)2 519 38 99");
  g_assert_cmpstr (jp_item_get_field (contact, JP_FIELD_PHONE), ==, "+32 (0)2 519 38 99");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (phone), "error"));

  /* Stored, not only shown: another connection reads it. */
  other = jp_database_open (f->path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  same = jp_database_lookup_uid (other, jp_item_get_uid (contact));
  g_assert_cmpstr (jp_item_get_field (same, JP_FIELD_PHONE), ==, "+32 (0)2 519 38 99");

  /* Undo puts the old number back, in the database and in the row. */
  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_no_error (error);
  settle (f);
  g_assert_cmpstr (jp_item_get_field (contact, JP_FIELD_PHONE), ==, "+32 (0)2 519 38 65");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "+32 (0)2 519 38 65");
}

/* The model refuses a bad address: the row says why, keeps what was
 * typed, and the database keeps the old one. */
static void
test_bad_email (Fixture       *f,
                gconstpointer  data)
{
  JpContactsPerson *person = find_person (f, "L. Willems");
  JpItem *contact = jp_contacts_person_get_item (person);
  AdwEntryRow *email = open_field (f, person, "E-mail");
  GtkWidget *error_label;

  type_and_enter (f, email, "l.willems at benelux");
  g_assert_cmpstr (jp_item_get_field (contact, JP_FIELD_EMAIL), ==, "l.willems@benelux.int");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (email), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==, "l.willems at benelux");
  error_label = find_widget (GTK_WIDGET (person), GTK_TYPE_LABEL, has_class, "error");
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_is_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "is not an e-mail address"));

  type_and_enter (f, email, "l.willems@benelux.eu");
  g_assert_cmpstr (jp_item_get_field (contact, JP_FIELD_EMAIL), ==, "l.willems@benelux.eu");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (email), "error"));
  g_assert_false (gtk_widget_is_visible (error_label));
}

/* Remove a person through its menu's action; the toast's Undo brings
 * them back. */
static void
test_remove_undo (Fixture       *f,
                  gconstpointer  data)
{
  JpContactsPerson *person = find_person (f, "A. de Muyser");
  g_autoptr(JpItem) contact = g_object_ref (jp_contacts_person_get_item (person));
  g_autoptr(JpItem) subject = jp_database_get_parent (f->db, contact);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (person), "person.remove", NULL));
  settle (f);
  g_assert_cmpuint (count_children (f->db, subject, JP_KIND_CONTACT), ==, 0);
  g_assert_null (find_widget (f->page, JP_TYPE_CONTACTS_PERSON, person_is, "A. de Muyser"));

  g_assert_true (gtk_widget_activate_action (f->page, "contacts.undo", NULL));
  settle (f);
  g_assert_cmpuint (count_children (f->db, subject, JP_KIND_CONTACT), ==, 1);
  g_assert_nonnull (find_widget (f->page, JP_TYPE_CONTACTS_PERSON, person_is, "A. de Muyser"));
}

static gboolean
team_is (GtkWidget     *widget,
         gconstpointer  item)
{
  JpContactsBlock *block = jp_contacts_block_get_for_widget (widget);

  return block && jp_contacts_block_get_item (block) == item;
}

/* A subject line, not a person (both are expander rows). */
static gboolean
is_block (GtkWidget     *widget,
          gconstpointer  data)
{
  return jp_contacts_block_get_for_widget (widget) != NULL;
}

/* Add a team, name it, move it up; add a subject line and a person. */
static void
test_add_and_move (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JpItem) root = jp_database_get_root (f->db);
  g_autoptr(JpItem) contacts = jp_database_find_child (f->db, root, JP_KIND_CONTACTS);
  g_autoptr(GListModel) teams = jp_database_get_children (f->db, contacts, JP_KIND_MASK (JP_KIND_TEAM));
  g_autoptr(JpItem) last = NULL;
  GtkWidget *team;
  GtkWidget *title;
  GtkWidget *subject;

  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 5);
  g_assert_true (gtk_widget_activate_action (f->page, "contacts.add-team", NULL));
  settle (f);
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 6);

  last = g_list_model_get_item (teams, 5);
  team = find_widget (f->page, ADW_TYPE_PREFERENCES_GROUP, team_is, last);
  g_assert_nonnull (team);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (team)), ==, "New Team");
  title = find_widget (team, ADW_TYPE_ENTRY_ROW, row_titled, "Team Name");
  type_and_enter (f, ADW_ENTRY_ROW (title), "Communicatie");
  g_assert_cmpstr (jp_item_get_text (last, JP_TEXT_TITLE, JP_LANG_NL), ==, "Communicatie");
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (team)), ==, "Communicatie");

  g_assert_true (gtk_widget_activate_action (team, "team.move-up", NULL));
  settle (f);
  {
    g_autoptr(JpItem) fifth = g_list_model_get_item (teams, 4);
    g_assert_true (fifth == last);
  }

  g_assert_true (gtk_widget_activate_action (team, "team.add-subject", NULL));
  settle (f);
  g_assert_cmpuint (count_children (f->db, last, JP_KIND_SUBJECT), ==, 1);
  subject = find_widget (team, ADW_TYPE_EXPANDER_ROW, is_block, NULL);
  g_assert_nonnull (subject);
  g_assert_true (gtk_widget_activate_action (subject, "subject.add-person", NULL));
  settle (f);
  g_assert_cmpuint (count_children (f->db, jp_contacts_block_get_item (jp_contacts_block_get_for_widget (subject)),
                                    JP_KIND_CONTACT), ==, 1);
  g_assert_nonnull (find_widget (subject, JP_TYPE_CONTACTS_PERSON, NULL, NULL));
}

/* The switch hides whoever is not valid today: in 2013 H. Mooren moved
 * from one team to another on 1 March. */
static void
test_hide_expired (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *person;
  guint n_mooren_visible = 0, n_mooren = 0;

  g_settings_set_boolean (f->settings, "hide-expired-contacts", TRUE);
  settle (f);
  /* Walk every person row. */
  {
    GPtrArray *stack = g_ptr_array_new ();

    g_ptr_array_add (stack, f->page);
    while (stack->len)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

        if (JP_IS_CONTACTS_PERSON (w) && person_is (w, "H. Mooren"))
          {
            n_mooren++;
            if (gtk_widget_get_visible (w))
              n_mooren_visible++;
            else
              g_assert_cmpstr (jp_item_get_field (jp_contacts_person_get_item (JP_CONTACTS_PERSON (w)),
                                                  JP_FIELD_VALID_UNTIL), ==, "2013-03-01");
          }
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
    g_ptr_array_unref (stack);
  }
  g_assert_cmpuint (n_mooren, ==, 2);
  g_assert_cmpuint (n_mooren_visible, ==, 1);

  g_settings_set_boolean (f->settings, "hide-expired-contacts", FALSE);
  settle (f);
  person = find_widget (f->page, JP_TYPE_CONTACTS_PERSON, person_is, "H. Mooren");
  g_assert_true (gtk_widget_get_visible (person));
}

/* Printing goes through the same layout: export through GTK's print
 * operation (no printer needed) and read the PDF back; the page setup
 * used is remembered. */
static void
test_print_export (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) saved = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "print.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  GtkPrintOperationResult result;

  g_settings_reset (f->settings, "page-setup");
  setup = jp_contacts_print_get_page_setup (f->settings);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, GTK_PAPER_NAME_A4);
  g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_PORTRAIT);

  op = jp_contacts_print_operation_new (JP_STORE (f->db), f->settings, JP_CONTACTS_LAYOUT_DEFAULT);
  gtk_print_operation_set_export_filename (op, pdf);
  result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, f->window, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_cmpint (gtk_print_operation_get_n_pages_to_print (op), ==, 2);

  saved = g_settings_get_value (f->settings, "page-setup");
  g_assert_cmpuint (g_variant_n_children (saved), >, 0);

  if (pdftotext)
    {
      const char *argv[] = { pdftotext, "-enc", "UTF-8", pdf, "-", NULL };
      g_autofree char *text = NULL;
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (text, "Contacts Benelux Secretariat-General"));
      g_assert_nonnull (strstr (text, "j.vanlaarhoven@benelux.int"));
      g_assert_nonnull (strstr (text, "Page 1 of 2"));
      g_assert_nonnull (strstr (text, "Page 2 of 2"));
    }
}

/* A validity date is picked from a calendar: moving through it changes
 * nothing, the day chosen is stored as year-month-day and undone as one
 * step. */
static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}

static void
test_pick_date (Fixture       *f,
                gconstpointer  data)
{
  JpContactsPerson *person = find_person (f, "L. Willems");
  JpItem *contact = jp_contacts_person_get_item (person);
  AdwEntryRow *row = open_field (f, person, "Valid Until (year-month-day)");
  GtkMenuButton *button = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON, NULL, NULL));
  GtkWidget *popover;
  GtkCalendar *calendar;
  GtkWidget *choose;
  g_autoptr(GDateTime) day = g_date_time_new_local (2013, 6, 30, 0, 0, 0);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  calendar = GTK_CALENDAR (find_widget (popover, GTK_TYPE_CALENDAR, NULL, NULL));
  choose = find_widget (popover, GTK_TYPE_BUTTON, label_is, "Use This Date");
  g_assert_nonnull (calendar);
  g_assert_nonnull (choose);
  g_assert_null (jp_item_get_field (contact, JP_FIELD_VALID_UNTIL));

  gtk_calendar_select_day (calendar, day);
  settle (f);
  g_assert_null (jp_item_get_field (contact, JP_FIELD_VALID_UNTIL));

  g_signal_emit_by_name (choose, "clicked");
  settle (f);
  /* The day picked is the last valid one; the item keeps the day after,
   * the first no longer valid. */
  g_assert_cmpstr (jp_item_get_field (contact, JP_FIELD_VALID_UNTIL), ==, "2013-07-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2013-06-30");

  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_no_error (error);
  g_assert_null (jp_item_get_field (contact, JP_FIELD_VALID_UNTIL));
}

/* "Valid Until" takes the last valid day and shows it; the stored end,
 * exclusive, is the day after; the summary reads the day typed. */
static void
test_edit_until (Fixture       *f,
                 gconstpointer  data)
{
  JpContactsPerson *person = find_person (f, "L. Willems");
  JpItem *contact = jp_contacts_person_get_item (person);
  AdwEntryRow *row = open_field (f, person, "Valid Until (year-month-day)");
  AdwEntryRow *from = open_field (f, person, "Valid From (year-month-day)");
  const char *subtitle;

  type_and_enter (f, row, "2013-02-28");
  g_assert_cmpstr (jp_item_get_field (contact, JP_FIELD_VALID_UNTIL), ==, "2013-03-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2013-02-28");
  subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (person));
  g_assert_nonnull (strstr (subtitle, "through 28 February 2013"));
  g_assert_null (strstr (subtitle, "March"));

  /* Across a year, and a one-day validity. */
  type_and_enter (f, row, "2013-12-31");
  g_assert_cmpstr (jp_item_get_field (contact, JP_FIELD_VALID_UNTIL), ==, "2014-01-01");
  type_and_enter (f, from, "2013-12-31");
  g_assert_cmpstr (jp_item_get_field (contact, JP_FIELD_VALID_FROM), ==, "2013-12-31");
  subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (person));
  g_assert_nonnull (strstr (subtitle, "from 31 December 2013 through 31 December 2013"));

  /* Emptied: valid with no end. */
  type_and_enter (f, row, "");
  g_assert_null (jp_item_get_field (contact, JP_FIELD_VALID_UNTIL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  /* Not a date: refused as before, the text kept to be corrected. */
  type_and_enter (f, row, "28 februari");
  g_assert_null (jp_item_get_field (contact, JP_FIELD_VALID_UNTIL));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "28 februari");
}

/* The arrow of @row, as drawn. */
static GBytes *
render_arrow (GtkWidget *row,
              int       *size)
{
  GtkWidget *arrow = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  guchar *pixels;
  int width, height;

  /* The row's own arrow: the first one below it (its children's come
   * after it). */
  for (GtkWidget *w = gtk_widget_get_first_child (row); w && !arrow; )
    {
      if (GTK_IS_IMAGE (w) && gtk_widget_has_css_class (w, "expander-row-arrow"))
        arrow = w;
      else if (gtk_widget_get_first_child (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w && w != row && !gtk_widget_get_next_sibling (w))
            w = gtk_widget_get_parent (w);
          w = (w && w != row) ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (arrow);
  width = gtk_widget_get_width (arrow);
  height = gtk_widget_get_height (arrow);
  g_assert_cmpint (width, >, 0);
  paintable = gtk_widget_paintable_new (arrow);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (arrow)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  *size = width * height * 4;
  return g_bytes_new_take (pixels, *size);
}

/* A closed person under an open subject line has a closed arrow, drawn
 * as a closed subject line's. */
static void
test_person_arrow (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();
  JpContactsPerson *person = find_person (f, "L. Willems");
  GtkWidget *subject = gtk_widget_get_ancestor (gtk_widget_get_parent (GTK_WIDGET (person)), ADW_TYPE_EXPANDER_ROW);
  GtkWidget *other = GTK_WIDGET (find_person (f, "A. de Muyser"));
  g_autoptr(GBytes) closed = NULL;
  g_autoptr(GBytes) nested = NULL;
  int size;

  /* The application's style, as the application loads it. */
  gtk_css_provider_load_from_resource (style, "/int/benelux/Jaarplan/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_assert_nonnull (subject);
  other = gtk_widget_get_ancestor (gtk_widget_get_parent (other), ADW_TYPE_EXPANDER_ROW);
  g_assert_true (other != subject);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (subject), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (person), FALSE);
  /* Past the arrows' turning. */
  for (int i = 0; i < 10; i++)
    {
      g_usleep (50000);
      settle (f);
    }
  closed = render_arrow (other, &size);
  nested = render_arrow (GTK_WIDGET (person), &size);
  g_assert_true (g_bytes_equal (closed, nested));

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
}

int
main (int   argc,
      char *argv[])
{
  jp_test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/contacts-page/edit/phone", test_edit_phone);
  ADD ("/contacts-page/edit/bad-email", test_bad_email);
  ADD ("/contacts-page/edit/remove-undo", test_remove_undo);
  ADD ("/contacts-page/person-arrow", test_person_arrow);
  ADD ("/contacts-page/edit/pick-date", test_pick_date);
  ADD ("/contacts-page/edit/until", test_edit_until);
  ADD ("/contacts-page/edit/add-and-move", test_add_and_move);
  ADD ("/contacts-page/hide-expired", test_hide_expired);
  ADD ("/contacts-page/print/export", test_print_export);
#undef ADD

  return g_test_run ();
}
