/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-application"

#include "config.h"

#include <signal.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>
#include <glib-unix.h>

#include "cli/jp-cli.h"
#include "jp-application.h"
#include "jp-i18n.h"
#include "ui/window/jp-language-chooser.h"
#include "ui/window/jp-window.h"
#include "jp-settings.h"
#include "model/exchange/jp-xml.h"

struct _JpApplication
{
  AdwApplication  parent_instance;
  char           *database_path;
  JpDatabase     *database;
  GError         *error;
  GSettings      *settings;
  const char     *language;        /* its windows' language: "nl", "fr" */
};

G_DEFINE_FINAL_TYPE (JpApplication, jp_application, ADW_TYPE_APPLICATION)

static void
open_database (JpApplication *self)
{
  if (self->database != NULL || self->error != NULL)
    return;
  if (self->database_path == NULL)
    self->database_path = jp_database_default_path ();
  /* A file not closed cleanly is checked while the window shows it. */
  self->database = jp_database_open (self->database_path, JP_DATABASE_OPEN_CHECK_LATER, &self->error);
  /* A new plan holds the bundled one, as a first start shows it. */
  if (self->database && jp_database_is_new (self->database)
      && !jp_xml_import_bundled (self->database, &self->error))
    g_clear_object (&self->database);
  if (self->database)
    jp_database_set_language (self->database, jp_i18n_get_plan_language ());
}

static void on_language_changed (JpApplication *self);

static gboolean
language_changed_idle (gpointer data)
{
  g_autoptr(JpApplication) self = data;

  on_language_changed (self);
  return G_SOURCE_REMOVE;
}

static void
on_window_busy (JpApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    g_signal_handlers_disconnect_by_func (l->data, on_window_busy, self);
  /* Not while the window is still ending its work. */
  g_idle_add (language_changed_idle, g_object_ref (self));
}

/* A window whose worker thread runs (an import, an export), or NULL. */
static JpWindow *
find_busy_window (JpApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (JP_IS_WINDOW (l->data) && jp_window_get_busy (l->data))
      return l->data;
  return NULL;
}

static void
on_language_changed (JpApplication *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "language");
  g_autofree char *asked = g_settings_get_string (self->settings, "asked-language");
  JpWindow *busy = find_busy_window (self);
  GList *windows;

  /* Nothing the person reads changes (unsettled, it stays as it is). */
  if (jp_i18n_resolve (language, asked) == NULL ||
      g_strcmp0 (jp_i18n_resolve (language, asked), self->language) == 0)
    return;

  /* Switching calls setenv() and setlocale(), which a worker thread's
   * gettext may be reading: the switch waits for the work to end. */
  if (busy != NULL)
    {
      g_signal_handlers_disconnect_by_func (busy, on_window_busy, self);
      g_signal_connect_object (busy, "notify::busy", G_CALLBACK (on_window_busy), self, G_CONNECT_SWAPPED);
      return;
    }
  jp_i18n_set_language (language, asked);
  self->language = jp_i18n_get_language ();
  /* The rebuilt windows' panes edit the new interface language's texts. */
  if (self->database)
    jp_database_set_language (self->database, jp_i18n_get_plan_language ());

  /* Strings already in widgets keep their language: each window is built
   * anew, in the same state (size, tree, search, open item, dialogs). */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l; l = l->next)
    if (JP_IS_WINDOW (l->data) && gtk_window_get_application (l->data) != NULL)
      jp_window_rebuild (l->data);
  g_list_free_full (windows, g_object_unref);
}

static void
on_language_chosen_in_menu (JpApplication *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "language");
  g_autofree char *asked = g_settings_get_string (self->settings, "asked-language");

  /* "System" on a system that speaks neither Dutch nor French, never
   * asked (it spoke one of them at the first start): the interface keeps
   * the language it shows, remembered as if asked. */
  if (jp_i18n_resolve (language, asked) == NULL)
    g_settings_set_string (self->settings, "asked-language", jp_i18n_get_language ());
  on_language_changed (self);
}

static void
about_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  JpApplication *self = user_data;
  const char *developers[] = { _("The Benelux Secretariat-General"), NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Jaarplan"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("The annual plan of the Benelux Secretariat-General and the joint work programme it serves"),
                         "developers", developers,
                         "copyright", _("© Benelux Secretariat-General"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows;

  /* Closing lets each window store what is being typed and its size.
   * A closed window leaves the application's list, so the loop walks a
   * copy that holds each window until it is done with it. */
  windows = g_list_copy (gtk_application_get_windows (app));
  for (GList *l = windows; l; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

/* Asked to end (a logout, `kill`): as Quit, so that the plan file is
 * closed cleanly and the next start needs no check of it. */
static gboolean
on_terminate (gpointer user_data)
{
  GApplication *app = user_data;

  quit_cb (NULL, NULL, app);
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static const GActionEntry app_actions[] = {
  { "about", about_cb },
  { "quit", quit_cb },
};

static void
jp_application_startup (GApplication *app)
{
  JpApplication *self = JP_APPLICATION (app);
  g_autoptr(GAction) language = NULL;
  struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.import", { "<Control>o", NULL } },
    { "win.export-plan", { "<Control>e", NULL } },
    { "win.export-section", { "<Control><Shift>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.show-contacts", { "<Control><Shift>c", NULL } },
    { "win.show-progress", { "<Control><Shift>o", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (jp_application_parent_class)->startup (app);

  self->settings = jp_settings_new ();
  if (self->settings == NULL)
    {
      /* Nothing can be remembered or shown without the schema. */
      g_printerr ("jaarplan: %s\n", _("The settings of Jaarplan are not installed. Install Jaarplan, or run it "
                                       "from the folder it was built in."));
      exit (1);
    }
  jp_i18n_apply_settings (self->settings);
  self->language = jp_i18n_get_language ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  g_unix_signal_add (SIGTERM, on_terminate, app);
  language = g_settings_create_action (self->settings, "language");
  g_action_map_add_action (G_ACTION_MAP (app), language);
  g_signal_connect_object (self->settings, "changed::language", G_CALLBACK (on_language_chosen_in_menu), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::asked-language", G_CALLBACK (on_language_changed), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
open_window (JpApplication *self)
{
  JpWindow *window;

  open_database (self);
  window = jp_window_new (GTK_APPLICATION (self), self->database, self->settings, self->error);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_language_chosen (JpApplication *self,
                    const char    *language,
                    GtkWindow     *chooser)
{
  /* Asked once: the choice is what following the system means here. */
  g_settings_set_string (self->settings, "asked-language", language);
  jp_i18n_apply_settings (self->settings);
  self->language = jp_i18n_get_language ();
  /* The main window first: the application lives while one is open. */
  open_window (self);
  gtk_window_destroy (chooser);
}

static void
jp_application_activate (GApplication *app)
{
  JpApplication *self = JP_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *chooser;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  if (!jp_i18n_must_ask (self->settings))
    {
      open_window (self);
      return;
    }
  /* The system speaks neither Dutch nor French, and the language was
   * never chosen: the interface asks before it shows anything.  Closing
   * the question (Escape) ends the application without a window and
   * without a choice: it is asked again at the next start rather than
   * deciding for the person. */
  chooser = jp_language_chooser_new (GTK_APPLICATION (self));
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (on_language_chosen), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (chooser));
}

/* Import, export and the like need no display: they run here, before
 * the application registers or opens a window. */
static int
jp_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  JpApplication *self = JP_APPLICATION (app);
  g_autofree char *database = NULL;
  int status = jp_cli_handle_options (options, &database);

  if (status < 0 && database != NULL)
    {
      g_free (self->database_path);
      self->database_path = g_steal_pointer (&database);
    }
  return status;
}

static void
jp_application_finalize (GObject *object)
{
  JpApplication *self = JP_APPLICATION (object);

  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_error (&self->error);
  g_free (self->database_path);

  G_OBJECT_CLASS (jp_application_parent_class)->finalize (object);
}

static void
jp_application_class_init (JpApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jp_application_finalize;
  G_APPLICATION_CLASS (klass)->startup = jp_application_startup;
  G_APPLICATION_CLASS (klass)->activate = jp_application_activate;
  G_APPLICATION_CLASS (klass)->handle_local_options = jp_application_handle_local_options;
}

static void
jp_application_init (JpApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), jp_cli_get_option_entries ());
  g_application_set_option_context_summary (G_APPLICATION (self), jp_cli_get_summary ());
}

JpApplication *
jp_application_new (const char *database_path)
{
  JpApplication *self = g_object_new (JP_TYPE_APPLICATION,
                                      "application-id", APP_ID,
                                      "flags", G_APPLICATION_NON_UNIQUE,
                                      "resource-base-path", "/int/benelux/Jaarplan",
                                      NULL);
  self->database_path = g_strdup (database_path);
  return self;
}

JpDatabase *
jp_application_get_database (JpApplication *self)
{
  g_return_val_if_fail (JP_IS_APPLICATION (self), NULL);
  return self->database;
}

const GError *
jp_application_get_error (JpApplication *self)
{
  g_return_val_if_fail (JP_IS_APPLICATION (self), NULL);
  return self->error;
}

GSettings *
jp_application_get_settings (JpApplication *self)
{
  g_return_val_if_fail (JP_IS_APPLICATION (self), NULL);
  return self->settings;
}
