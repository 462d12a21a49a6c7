/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-contacts-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-contacts-page.h"

struct _JpContactsPage
{
  AdwBin      parent_instance;
  JpDatabase *database;
};

G_DEFINE_FINAL_TYPE (JpContactsPage, jp_contacts_page, ADW_TYPE_BIN)

static void
jp_contacts_page_dispose (GObject *object)
{
  JpContactsPage *self = JP_CONTACTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_CONTACTS_PAGE);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (jp_contacts_page_parent_class)->dispose (object);
}

static void
jp_contacts_page_class_init (JpContactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_contacts_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-contacts-page.ui");
}

static void
jp_contacts_page_init (JpContactsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_contacts_page_new (JpDatabase *database)
{
  JpContactsPage *self = g_object_new (JP_TYPE_CONTACTS_PAGE, NULL);

  self->database = g_object_ref (database);
  return GTK_WIDGET (self);
}
