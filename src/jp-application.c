/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-application.h"
#include "jp-i18n.h"

struct _JpApplication
{
  AdwApplication  parent_instance;
  char           *database_path;
  JpDatabase     *database;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (JpApplication, jp_application, ADW_TYPE_APPLICATION)

static void
jp_application_startup (GApplication *app)
{
  JpApplication *self = JP_APPLICATION (app);

  G_APPLICATION_CLASS (jp_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  jp_i18n_set_language (g_settings_get_string (self->settings, "language"));
}

static void
jp_application_activate (GApplication *app)
{
  JpApplication *self = JP_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      GtkWidget *status;

      if (self->database == NULL)
        self->database = jp_database_open (self->database_path, JP_DATABASE_OPEN_DEFAULT, &error);
      window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
      gtk_window_set_title (window, _("Jaarplan"));
      status = adw_status_page_new ();
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Jaarplan"));
      if (error)
        adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), status);
    }
  gtk_window_present (window);
}

static void
jp_application_finalize (GObject *object)
{
  JpApplication *self = JP_APPLICATION (object);

  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_free (self->database_path);

  G_OBJECT_CLASS (jp_application_parent_class)->finalize (object);
}

static void
jp_application_class_init (JpApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jp_application_finalize;
  G_APPLICATION_CLASS (klass)->startup = jp_application_startup;
  G_APPLICATION_CLASS (klass)->activate = jp_application_activate;
}

static void
jp_application_init (JpApplication *self)
{
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

GSettings *
jp_application_get_settings (JpApplication *self)
{
  g_return_val_if_fail (JP_IS_APPLICATION (self), NULL);
  return self->settings;
}
