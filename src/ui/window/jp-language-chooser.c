/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-language-chooser"

#include "config.h"

#include "ui/window/jp-language-chooser.h"

struct _JpLanguageChooser
{
  AdwWindow  parent_instance;
};

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JpLanguageChooser, jp_language_chooser, ADW_TYPE_WINDOW)

static void
choose_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  g_signal_emit (widget, signals[CHOSEN], 0, g_variant_get_string (param, NULL));
}

static void
jp_language_chooser_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JP_TYPE_LANGUAGE_CHOOSER);

  G_OBJECT_CLASS (jp_language_chooser_parent_class)->dispose (object);
}

static void
jp_language_chooser_class_init (JpLanguageChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_language_chooser_dispose;

  /* "nl" or "fr". */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-language-chooser.ui");
  gtk_widget_class_install_action (widget_class, "chooser.choose", "s", choose_cb);
  /* Not now: the window closes, and with it the application. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jp_language_chooser_init (JpLanguageChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_language_chooser_new (GtkApplication *app)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);

  return g_object_new (JP_TYPE_LANGUAGE_CHOOSER, "application", app, NULL);
}
