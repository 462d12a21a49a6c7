/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-contacts-subject"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/contacts/jp-contacts-block.h"
#include "ui/contacts/jp-contacts-person.h"
#include "ui/contacts/jp-contacts-subject.h"

struct _JpContactsSubject
{
  AdwExpanderRow      parent_instance;

  JpContactsBlock    *block;

  AdwEntryRow        *title_row;
};

G_DEFINE_FINAL_TYPE (JpContactsSubject, jp_contacts_subject, ADW_TYPE_EXPANDER_ROW)

/* The people, as the printed page lists them, under the line's title. */
static void
update_summary (JpContactsSubject *self)
{
  GPtrArray *rows = jp_contacts_block_get_children (self->block);
  gboolean hide_expired = jp_contacts_block_get_hide_expired (self->block);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *markup = NULL;
  guint n_visible = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      JpContactsPerson *person = rows->pdata[i];
      JpItem *contact = jp_contacts_person_get_item (person);
      const char *name = jp_item_get_field (contact, JP_FIELD_PERSON);
      gboolean visible = !hide_expired || jp_contacts_person_is_current (person);

      gtk_widget_set_visible (GTK_WIDGET (person), visible);
      jp_contacts_person_refresh (person);
      if (!visible)
        continue;
      n_visible++;
      if (names->len)
        g_string_append (names, ", ");
      g_string_append (names, name && *name ? name : _("New Person"));
    }
  if (rows->len == 0)
    g_string_append (names, _("Nobody yet"));
  /* Just one person: the whole line, as printed. */
  if (rows->len == 1 && n_visible == 1)
    {
      JpItem *contact = jp_contacts_person_get_item (rows->pdata[0]);
      const char *email = jp_item_get_field (contact, JP_FIELD_EMAIL);
      const char *phone = jp_item_get_field (contact, JP_FIELD_PHONE);

      if (email && *email)
        g_string_append_printf (names, " · %s", email);
      if (phone && *phone)
        g_string_append_printf (names, " · %s", phone);
    }
  markup = g_markup_escape_text (names->str, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), jp_contacts_block_get_title (self->block));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), markup);
  /* A line whose people have all left is hidden with them; an empty one
   * (a post to fill) stays. */
  gtk_widget_set_visible (GTK_WIDGET (self), n_visible > 0 || rows->len == 0);
}

static void
on_title_apply (JpContactsSubject *self)
{
  jp_contacts_block_apply_title (self->block);
}

static GtkWidget *
create_person (JpDatabase *db,
               JpItem     *item,
               gpointer    owner)
{
  JpContactsSubject *self = owner;
  GtkWidget *person = jp_contacts_person_new (db, item);

  /* A change of a person (name, validity) shows in the summary. */
  g_signal_connect_object (item, "notify::revision", G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  return person;
}

static void
add_person (gpointer   owner,
            GtkWidget *child)
{
  adw_expander_row_add_row (ADW_EXPANDER_ROW (owner), child);
}

static void
remove_person (gpointer   owner,
               GtkWidget *child)
{
  adw_expander_row_remove (ADW_EXPANDER_ROW (owner), child);
}

static void
jp_contacts_subject_dispose (GObject *object)
{
  JpContactsSubject *self = JP_CONTACTS_SUBJECT (object);

  g_clear_object (&self->block);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_CONTACTS_SUBJECT);

  G_OBJECT_CLASS (jp_contacts_subject_parent_class)->dispose (object);
}

static void
jp_contacts_subject_class_init (JpContactsSubjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_contacts_subject_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-contacts-subject.ui");
  gtk_widget_class_bind_template_child (widget_class, JpContactsSubject, title_row);
  gtk_widget_class_bind_template_callback (widget_class, on_title_apply);
}

static void
jp_contacts_subject_init (JpContactsSubject *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_contacts_subject_new (JpDatabase *db,
                         JpItem     *subject)
{
  JpContactsSubject *self;

  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (JP_IS_ITEM (subject), NULL);

  self = g_object_new (JP_TYPE_CONTACTS_SUBJECT, NULL);
  self->block = jp_contacts_block_new (GTK_WIDGET (self), db, subject, JP_KIND_CONTACT, self->title_row,
                                       create_person, add_person, remove_person);
  g_signal_connect_object (self->block, "changed", G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  update_summary (self);
  return GTK_WIDGET (self);
}

JpItem *
jp_contacts_subject_get_item (JpContactsSubject *self)
{
  g_return_val_if_fail (JP_IS_CONTACTS_SUBJECT (self), NULL);
  return jp_contacts_block_get_item (self->block);
}

void
jp_contacts_subject_set_hide_expired (JpContactsSubject *self,
                                      gboolean           hide)
{
  g_return_if_fail (JP_IS_CONTACTS_SUBJECT (self));
  jp_contacts_block_set_hide_expired (self->block, hide);
}

void
jp_contacts_subject_refresh (JpContactsSubject *self)
{
  g_return_if_fail (JP_IS_CONTACTS_SUBJECT (self));
  jp_contacts_block_refresh (self->block);
}
