/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-contacts-subject"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-contacts-person.h"
#include "jp-contacts-private.h"
#include "jp-contacts-subject.h"

struct _JpContactsSubject
{
  AdwExpanderRow      parent_instance;

  JpDatabase         *db;
  JpItem             *item;
  GListModel         *people;
  JpContactsChildren *children;
  gboolean            hide_expired;

  AdwEntryRow        *title_row;
};

G_DEFINE_FINAL_TYPE (JpContactsSubject, jp_contacts_subject, ADW_TYPE_EXPANDER_ROW)

static const char *
get_title (JpContactsSubject *self)
{
  return jp_item_get_display_text (self->item, JP_TEXT_TITLE, jp_database_get_language (self->db), NULL);
}

/* The people, as the printed page lists them, under the line's title. */
static void
update_summary (JpContactsSubject *self)
{
  GPtrArray *rows = _jp_contacts_children_get (self->children);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *markup = NULL;
  const char *title = get_title (self);
  guint n_visible = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      JpContactsPerson *person = rows->pdata[i];
      JpItem *contact = jp_contacts_person_get_item (person);
      const char *name = jp_item_get_field (contact, JP_FIELD_PERSON);
      gboolean visible = !self->hide_expired || jp_contacts_person_is_current (person);

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
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), *title ? title : _("New Subject Line"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), markup);
  /* A line whose people have all left is hidden with them; an empty one
   * (a post to fill) stays. */
  gtk_widget_set_visible (GTK_WIDGET (self), n_visible > 0 || rows->len == 0);
}

static void
update_actions (JpContactsSubject *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "subject.move-up",
                                 _jp_contacts_can_move (self->db, self->item, -1));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "subject.move-down",
                                 _jp_contacts_can_move (self->db, self->item, +1));
}

static void
on_item_changed (JpContactsSubject *self)
{
  _jp_contacts_sync_entry (self->title_row,
                           jp_item_get_text (self->item, JP_TEXT_TITLE, jp_database_get_language (self->db)));
  update_summary (self);
  update_actions (self);
}

static void
on_title_apply (JpContactsSubject *self)
{
  _jp_contacts_apply_entry (self->title_row, self->db, self->item, TRUE, JP_TEXT_TITLE, NULL);
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
add_person_cb (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  JpContactsSubject *self = JP_CONTACTS_SUBJECT (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) contact = jp_database_add_item (self->db, self->item, JP_KIND_CONTACT, NULL, &error);
  GPtrArray *rows;

  if (contact == NULL)
    {
      _jp_contacts_show_toast (widget, error->message, FALSE);
      return;
    }
  /* Open the new person, ready to type the name. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  rows = _jp_contacts_children_get (self->children);
  for (guint i = 0; i < rows->len; i++)
    if (jp_contacts_person_get_item (rows->pdata[i]) == contact)
      {
        adw_expander_row_set_expanded (rows->pdata[i], TRUE);
        gtk_widget_grab_focus (rows->pdata[i]);
      }
}

static void
move_up_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  JpContactsSubject *self = JP_CONTACTS_SUBJECT (widget);

  _jp_contacts_move_item (widget, self->db, self->item, -1);
}

static void
move_down_cb (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  JpContactsSubject *self = JP_CONTACTS_SUBJECT (widget);

  _jp_contacts_move_item (widget, self->db, self->item, +1);
}

static void
remove_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  JpContactsSubject *self = JP_CONTACTS_SUBJECT (widget);
  const char *title = get_title (self);

  _jp_contacts_remove_item (widget, self->db, self->item, *title ? title : _("New Subject Line"));
}

static void
jp_contacts_subject_dispose (GObject *object)
{
  JpContactsSubject *self = JP_CONTACTS_SUBJECT (object);

  if (self->people)
    g_signal_handlers_disconnect_by_data (self->people, self);
  g_clear_pointer (&self->children, _jp_contacts_children_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_CONTACTS_SUBJECT);
  g_clear_object (&self->people);
  g_clear_object (&self->item);
  g_clear_object (&self->db);

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

  gtk_widget_class_install_action (widget_class, "subject.add-person", NULL, add_person_cb);
  gtk_widget_class_install_action (widget_class, "subject.move-up", NULL, move_up_cb);
  gtk_widget_class_install_action (widget_class, "subject.move-down", NULL, move_down_cb);
  gtk_widget_class_install_action (widget_class, "subject.remove", NULL, remove_cb);
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
  self->db = g_object_ref (db);
  self->item = g_object_ref (subject);
  self->people = jp_database_get_children (db, subject, JP_KIND_MASK (JP_KIND_CONTACT));
  self->children = _jp_contacts_children_new (db, self->people, self, create_person, add_person, remove_person);
  /* After the children are in step (connected later, so called later). */
  g_signal_connect_swapped (self->people, "items-changed", G_CALLBACK (update_summary), self);
  g_signal_connect_object (subject, "notify::revision", G_CALLBACK (on_item_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (subject, "notify::position", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  on_item_changed (self);
  return GTK_WIDGET (self);
}

JpItem *
jp_contacts_subject_get_item (JpContactsSubject *self)
{
  g_return_val_if_fail (JP_IS_CONTACTS_SUBJECT (self), NULL);
  return self->item;
}

void
jp_contacts_subject_set_hide_expired (JpContactsSubject *self,
                                      gboolean           hide)
{
  g_return_if_fail (JP_IS_CONTACTS_SUBJECT (self));

  self->hide_expired = hide;
  update_summary (self);
}

void
jp_contacts_subject_refresh (JpContactsSubject *self)
{
  g_return_if_fail (JP_IS_CONTACTS_SUBJECT (self));
  update_actions (self);
}
