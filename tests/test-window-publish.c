/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"
#include "jp-test-window.h"
#include "ui/window/jp-window-publish.h"
#include "jp-i18n.h"

/* The published plan from the window: the menu items and the pane's
 * menu, the dialog of options, and what they print and export. */

typedef JpTestWindowFixture Fixture;

/* ------------------------------------------------------------ helpers */

/* The label of @action's item in @model, or NULL. */
static char *
model_label (GMenuModel *model,
             const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      char *label = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action) &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        return label;
      if (section != NULL && (label = model_label (section, action)) != NULL)
        return label;
    }
  return NULL;
}

static gboolean
model_has_action (GMenuModel *model,
                  const char *action)
{
  g_autofree char *label = model_label (model, action);

  return label != NULL;
}

/* The menu button under @widget whose menu holds @action. */
static GtkMenuButton *
find_menu_button (GtkWidget  *widget,
                  const char *action)
{
  GtkMenuButton *found;

  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL &&
      model_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), action))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if ((found = find_menu_button (child, action)) != NULL)
      return found;
  return NULL;
}

static void
strip_underscore (char *label)
{
  char *underscore = strchr (label, '_');

  if (underscore != NULL)
    memmove (underscore, underscore + 1, strlen (underscore));
}

/* The item of a menu shown that says @label. */
static GtkWidget *
find_item (GtkWidget  *widget,
           const char *label)
{
  GtkWidget *found;

  if (g_type_name (G_OBJECT_TYPE (widget)) != NULL && g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    {
      g_autofree char *text = NULL;

      g_object_get (widget, "text", &text, NULL);
      /* The label shown has no mnemonic's underscore. */
      if (text != NULL && g_str_equal (text, label))
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if ((found = find_item (child, label)) != NULL)
      return found;
  return NULL;
}

/* Whether the menu item for @action, in the menu a person opens, can be
 * chosen. */
static gboolean
menu_item_sensitive (JpWindow   *window,
                     const char *action)
{
  GtkMenuButton *button = find_menu_button (GTK_WIDGET (window), action);
  g_autofree char *label = NULL;
  GtkWidget *item;
  gboolean sensitive;

  g_assert_nonnull (button);
  label = model_label (gtk_menu_button_get_menu_model (button), action);
  g_assert_nonnull (label);
  strip_underscore (label);
  gtk_menu_button_popup (button);
  jp_test_wait_a_moment ();
  item = find_item (GTK_WIDGET (gtk_menu_button_get_popover (button)), label);
  g_assert_nonnull (item);
  sensitive = gtk_widget_get_sensitive (item);
  gtk_menu_button_popdown (button);
  return sensitive;
}

static GtkWidget *
find_box (GtkWidget *widget)
{
  GtkWidget *found;

  if (GTK_IS_BOX (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if ((found = find_box (child)) != NULL)
      return found;
  return NULL;
}

/* Whether @action is enabled: a button for it, placed in the window, can
 * be clicked. */
static gboolean
action_enabled (JpWindow   *window,
                const char *action)
{
  GtkWidget *box = find_box (GTK_WIDGET (window));
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  gtk_box_append (GTK_BOX (box), probe);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_box_remove (GTK_BOX (box), probe);
  return enabled;
}

/* The dialog of options the window shows, or NULL. */
static JpPublishDialog *
find_publish_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (JP_IS_PUBLISH_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return JP_PUBLISH_DIALOG (window);
    }
  return NULL;
}

static gboolean
have_poppler (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("pdftotext (poppler-utils) is not installed");
  return path != NULL;
}

typedef struct {
  gboolean  done;
  gboolean  ok;
  guint     n_pages;
  GError   *error;
} Exported;

static void
on_pdf_exported (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Exported *exported = user_data;

  exported->ok = jp_window_export_pdf_finish (JP_WINDOW (source), result, &exported->n_pages, &exported->error);
  exported->done = TRUE;
}

/* Exports through the window with what @dialog asks, and returns the
 * PDF's text. */
static char *
export_as_dialog_says (Fixture         *f,
                       JpPublishDialog *dialog,
                       const char      *name)
{
  g_autofree char *out = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  JpPublicationOptions options;
  Exported exported = { FALSE, };

  jp_publish_dialog_get_options (dialog, &options);
  jp_window_export_pdf (f->window, &options, file, on_pdf_exported, &exported);
  /* The work shows in the header while it runs. */
  g_assert_true (jp_window_get_busy (f->window));
  while (!exported.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (exported.error);
  g_assert_true (exported.ok);
  g_assert_cmpuint (exported.n_pages, >, 0);
  g_assert_false (jp_window_get_busy (f->window));
  return jp_test_pdf_to_text (out);
}

/* -------------------------------------------------------------- tests */

/* Print Plan… and Export Plan as PDF… always; a section's and a
 * chapter's only with one open, from its pane's menu. */
static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  g_autoptr(JpItem) chapter = jp_database_find_numbered (f->db, JP_KIND_CHAPTER, "5");

  g_assert_true (menu_item_sensitive (f->window, "win.print-plan"));
  g_assert_true (menu_item_sensitive (f->window, "win.export-pdf-plan"));
  g_assert_null (find_menu_button (GTK_WIDGET (f->window), "win.print-section"));
  g_assert_false (action_enabled (f->window, "win.print-section"));
  g_assert_false (action_enabled (f->window, "win.print-chapter"));

  jp_window_open_item (f->window, section);
  jp_test_wait_a_moment ();
  g_assert_true (menu_item_sensitive (f->window, "win.print-section"));
  g_assert_true (menu_item_sensitive (f->window, "win.export-pdf-section"));
  g_assert_true (menu_item_sensitive (f->window, "win.print-plan"));
  g_assert_true (action_enabled (f->window, "win.print-section"));

  jp_window_open_item (f->window, chapter);
  jp_test_wait_a_moment ();
  g_assert_true (menu_item_sensitive (f->window, "win.print-chapter"));
  g_assert_true (menu_item_sensitive (f->window, "win.export-pdf-chapter"));
  g_assert_null (find_menu_button (GTK_WIDGET (f->window), "win.print-section"));
  /* With no section open, the section's actions are off. */
  g_assert_false (action_enabled (f->window, "win.print-section"));
  g_assert_false (action_enabled (f->window, "win.export-pdf-section"));
  g_assert_true (action_enabled (f->window, "win.print-chapter"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print-chapter", NULL));
  g_assert_nonnull (find_publish_dialog ());
  jp_publish_dialog_respond (find_publish_dialog (), "cancel");
}

/* Ctrl+P prints what is shown: the plan, or the contacts page. */
static void
test_print_key (Fixture       *f,
                gconstpointer  data)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app), "win.print");
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean printing = FALSE;

  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>p");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
  g_assert_nonnull (find_publish_dialog ());
  jp_publish_dialog_respond (find_publish_dialog (), "cancel");
  jp_test_wait_a_moment ();

  /* On the contacts page, the contacts page's own printing: GTK's print
   * dialog, not the plan's options. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-contacts", NULL));
  jp_test_wait_a_moment ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
  for (int i = 0; i < 100 && !printing; i++)
    {
      jp_test_wait_a_moment ();
      for (guint j = 0; j < g_list_model_get_n_items (toplevels); j++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, j);

          if (window != GTK_WINDOW (f->window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
              !JP_IS_PUBLISH_DIALOG (window))
            {
              printing = TRUE;
              gtk_window_close (window);
            }
        }
    }
  g_assert_true (printing);
  g_assert_null (find_publish_dialog ());
}

/* The options at first: all parts, the language of the texts shown, no
 * status; for a section, the section alone. */
static void
test_dialog_defaults (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  JpPublishDialog *dialog;
  JpPublicationOptions options;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-pdf-plan", NULL));
  dialog = find_publish_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  jp_publish_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.parts, ==, JP_PUBLICATION_PARTS_ALL);
  g_assert_cmpint (options.lang, ==, JP_LANG_NL);
  g_assert_false (options.with_status);
  g_assert_null (options.section);
  g_assert_null (options.chapter);
  jp_publish_dialog_respond (dialog, "cancel");
  jp_test_wait_a_moment ();
  g_assert_null (find_publish_dialog ());

  jp_window_set_edit_language (f->window, JP_LANG_FR);
  jp_window_open_item (f->window, section);
  jp_test_wait_a_moment ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print-section", NULL));
  dialog = find_publish_dialog ();
  g_assert_nonnull (dialog);
  jp_publish_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.lang, ==, JP_LANG_FR);
  g_assert_cmpstr (options.section, ==, "5.7");
  g_assert_cmpint (options.parts, ==, 0);
  g_assert_true (jp_item_get_id (jp_publish_dialog_get_scope (dialog)) == jp_item_get_id (section));
  gtk_window_close (GTK_WINDOW (dialog));
  jp_test_wait_a_moment ();
  g_assert_null (find_publish_dialog ());
}

/* What the dialog asks reaches the PDF the window writes: French titles,
 * no contacts when they are not ticked; the status only when asked. */
static void
test_export_options (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JpItem) root = jp_database_get_root (f->db);
  g_autoptr(JpItem) section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");
  JpPublicationOptions wanted = { JP_PUBLICATION_PART_PLAN | JP_PUBLICATION_PART_PROGRAMME, JP_LANG_FR, FALSE, NULL, NULL };
  JpPublishDialog *dialog;
  g_autofree char *french = NULL;
  g_autofree char *dutch = NULL;
  g_autofree char *part = NULL;

  if (!have_poppler ())
    return;

  dialog = jp_window_publish (f->window, root, FALSE);
  jp_publish_dialog_set_options (dialog, &wanted);
  french = export_as_dialog_says (f, dialog, "plan-fr.pdf");
  jp_publish_dialog_respond (dialog, "cancel");
  g_assert_nonnull (strstr (french, "Plan annuel 2013"));
  g_assert_null (strstr (french, "Jaarplan 2013"));
  g_assert_null (strstr (french, "j.vanlaarhoven@benelux.int"));

  dialog = jp_window_publish (f->window, root, FALSE);
  dutch = export_as_dialog_says (f, dialog, "plan-nl.pdf");
  jp_publish_dialog_respond (dialog, "cancel");
  g_assert_nonnull (strstr (dutch, "Jaarplan 2013"));
  g_assert_nonnull (strstr (dutch, "j.vanlaarhoven@benelux.int"));

  /* A section alone, from its pane. */
  jp_window_open_item (f->window, section);
  dialog = jp_window_publish (f->window, section, FALSE);
  part = export_as_dialog_says (f, dialog, "section-5.7.pdf");
  jp_publish_dialog_respond (dialog, "cancel");
  g_assert_nonnull (strstr (part, "5.7"));
  g_assert_null (strstr (part, "5.8"));
  g_assert_null (strstr (part, "j.vanlaarhoven@benelux.int"));
}

/* A PDF that cannot be written is told, as any export's failure. */
static void
test_export_failure (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "missing", "plan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  JpPublicationOptions options = { 0, JP_LANG_NL, FALSE, NULL, NULL };
  Exported exported = { FALSE, };
  AdwMessageDialog *dialog;

  jp_window_export_pdf (f->window, &options, file, on_pdf_exported, &exported);
  while (!exported.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (exported.ok);
  g_assert_nonnull (exported.error);
  g_clear_error (&exported.error);
  dialog = jp_test_wait_for_dialog (f->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Export Failed");
  g_assert_false (g_file_query_exists (file, NULL));
  jp_test_respond (dialog, "close");
}

/* Printing lays the publication out for the page setup's printable area
 * and draws it page by page (here through GTK's export to PDF); the page
 * setup is the one kept, and is kept again once printed. */
static void
test_print_page_setup (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkPageSetup) a5 = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (GTK_PAPER_NAME_A5);
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GVariant) kept = NULL;
  const char *argv[] = { "pdfinfo", out, NULL };
  JpPublicationOptions options = { 0, JP_LANG_FR, FALSE, NULL, "5.7" };
  GtkPrintOperationResult result;

  if (!have_poppler ())
    return;

  gtk_page_setup_set_paper_size_and_default_margins (a5, size);
  g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (a5));
  op = jp_publication_print_operation_new (f->db, settings, &options);
  g_object_ref (op);
  gtk_print_operation_set_export_filename (op, out);
  result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  text = jp_test_pdf_to_text (out);
  g_assert_nonnull (strstr (text, "5.7"));
  g_assert_nonnull (strstr (text, "Page 1 sur"));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL, NULL, &error);
  g_assert_no_error (error);
  /* A5: 148 × 210 mm. */
  g_assert_nonnull (strstr (info, "419.528 x 595.276"));

  g_settings_reset (settings, "page-setup");
  g_clear_object (&op);
  op = jp_publication_print_operation_new (f->db, settings, &options);
  gtk_print_operation_set_export_filename (op, out);
  gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  kept = g_settings_get_value (settings, "page-setup");
  g_assert_cmpuint (g_variant_n_children (kept), >, 0);
  g_settings_reset (settings, "page-setup");
}

/* Print Annual Report… and Export Annual Report… in the primary menu:
 * the dialog asks only the language; the window writes the open year's
 * report as PDF, or as CSV to a file named *.csv; printing draws it
 * through the shared print operation. */
static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  JpPublicationOptions options, french = { 0, JP_LANG_FR, FALSE, NULL, NULL, FALSE };
  g_autofree char *title = g_strdup_printf (jp_i18n_translate (JP_LANG_FR, "report", "Annual Report %s"), "2013");
  g_autofree char *text = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "report.csv", NULL);
  g_autofree char *printed_path = g_build_filename (f->dir, "report-printed.pdf", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *printed = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (csv_path);
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;
  Exported exported = { FALSE, };
  JpPublishDialog *dialog;

  if (!have_poppler ())
    return;

  g_assert_true (menu_item_sensitive (f->window, "win.print-report"));
  g_assert_true (menu_item_sensitive (f->window, "win.export-report"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-report", NULL));
  dialog = find_publish_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Export Annual Report");
  jp_publish_dialog_get_options (dialog, &options);
  g_assert_true (options.report);
  g_assert_false (options.with_status);
  g_assert_cmpint (options.lang, ==, JP_LANG_NL);

  /* In French, as PDF. */
  jp_publish_dialog_set_options (dialog, &french);
  jp_publish_dialog_get_options (dialog, &options);
  g_assert_true (options.report);
  g_assert_cmpint (options.lang, ==, JP_LANG_FR);
  text = export_as_dialog_says (f, dialog, "rapport.pdf");
  g_assert_nonnull (strstr (text, title));
  g_assert_nonnull (strstr (text, "Table des matières"));
  g_assert_nonnull (strstr (text, "Entamé"));
  g_assert_null (strstr (text, "Jaarplan 2013"));

  /* As CSV, by the file's name. */
  jp_window_export_pdf (f->window, &options, file, on_pdf_exported, &exported);
  while (!exported.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (exported.error);
  g_assert_true (exported.ok);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "Chapitre,Section,Projet,"));
  jp_publish_dialog_respond (dialog, "cancel");
  jp_test_wait_a_moment ();
  g_assert_null (find_publish_dialog ());

  /* Printing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print-report", NULL));
  dialog = find_publish_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Print Annual Report");
  jp_publish_dialog_respond (dialog, "cancel");
  op = jp_publication_print_operation_new (f->db, settings, &options);
  gtk_print_operation_set_export_filename (op, printed_path);
  gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  printed = jp_test_pdf_to_text (printed_path);
  g_assert_nonnull (strstr (printed, title));
  g_assert_nonnull (strstr (printed, "Domaine d’action"));
}

/* The export reads the window's year on a connection of its own, even
 * when a later year is there. */
static void
test_report_year (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf (jp_i18n_translate (JP_LANG_NL, "report", "Annual Report %s"), "2013");
  g_autofree char *path = g_build_filename (f->dir, "report-2013.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JpPublicationOptions options = { 0, JP_LANG_NL, FALSE, NULL, NULL, TRUE };
  JpNewPlanSummary summary;
  Exported exported = { FALSE, };

  if (!have_poppler ())
    return;
  g_assert_true (jp_database_new_plan (f->db, 2014, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jp_database_get_year (f->db), ==, 2013);
  jp_window_export_pdf (f->window, &options, file, on_pdf_exported, &exported);
  while (!exported.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (exported.error);
  text = jp_test_pdf_to_text (path);
  g_assert_nonnull (strstr (text, title));
  g_assert_null (strstr (text, "2014"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  jp_test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, jp_test_window_fixture_set_up, func, jp_test_window_fixture_tear_down)
  ADD ("/window/publish/actions", test_actions);
  ADD ("/window/publish/print-key", test_print_key);
  ADD ("/window/publish/dialog-defaults", test_dialog_defaults);
  ADD ("/window/publish/export-options", test_export_options);
  ADD ("/window/publish/export-failure", test_export_failure);
  ADD ("/window/publish/print-page-setup", test_print_page_setup);
  ADD ("/window/publish/report", test_report);
  ADD ("/window/publish/report-year", test_report_year);
#undef ADD

  return g_test_run ();
}
