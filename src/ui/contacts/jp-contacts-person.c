/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-contacts-person"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/print/jp-contacts-layout.h"
#include "ui/contacts/jp-contacts-person.h"
#include "ui/contacts/jp-contacts-private.h"

struct _JpContactsPerson
{
  AdwExpanderRow  parent_instance;

  JpStore        *db;
  JpItem         *item;

  AdwEntryRow    *name_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *from_row;
  AdwEntryRow    *until_row;
  AdwEntryRow    *note_row;
  GtkWidget      *error_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (JpContactsPerson, jp_contacts_person, ADW_TYPE_EXPANDER_ROW)

static void
update_actions (JpContactsPerson *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.move-up",
                                 _jp_contacts_can_move (self->db, self->item, -1));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.move-down",
                                 _jp_contacts_can_move (self->db, self->item, +1));
}

static void
update_summary (JpContactsPerson *self)
{
  const char *person = jp_item_get_field (self->item, JP_FIELD_PERSON);
  const char *email = jp_item_get_field (self->item, JP_FIELD_EMAIL);
  const char *phone = jp_item_get_field (self->item, JP_FIELD_PHONE);
  g_autofree char *validity = jp_contacts_format_validity (self->item);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *markup = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 person && *person ? person : _("New Person"));
  if (email && *email)
    g_string_append (subtitle, email);
  if (phone && *phone)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", phone);
  if (validity)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", validity);
  markup = g_markup_escape_text (subtitle->str, -1);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), markup);
}

/* The row shows and takes the last valid day; the item keeps the day
 * after, the first no longer valid (exclusive, as the XML has it). */
static void
sync_until (JpContactsPerson *self)
{
  const char *until = jp_item_get_field (self->item, JP_FIELD_VALID_UNTIL);
  g_autofree char *last_day = jp_contacts_until_to_last_day (until);

  _jp_contacts_sync_entry (self->until_row, last_day ? last_day : until);
}

static void
on_until_apply (JpContactsPerson *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->until_row))));
  g_autofree char *until = jp_contacts_last_day_to_until (text);

  /* Not a date: stored as typed, for the store to refuse and say why. */
  _jp_contacts_apply_value (self->until_row, self->db, self->item, FALSE, JP_FIELD_VALID_UNTIL,
                            until ? until : text, self->error_label);
  gtk_widget_set_visible (self->error_row, gtk_widget_get_visible (GTK_WIDGET (self->error_label)));
}

static void
sync_entries (JpContactsPerson *self)
{
  JpLang lang = jp_store_get_language (self->db);

  _jp_contacts_sync_entry (self->name_row, jp_item_get_field (self->item, JP_FIELD_PERSON));
  _jp_contacts_sync_entry (self->email_row, jp_item_get_field (self->item, JP_FIELD_EMAIL));
  _jp_contacts_sync_entry (self->phone_row, jp_item_get_field (self->item, JP_FIELD_PHONE));
  _jp_contacts_sync_entry (self->from_row, jp_item_get_field (self->item, JP_FIELD_VALID_FROM));
  sync_until (self);
  _jp_contacts_sync_entry (self->note_row, jp_item_get_text (self->item, JP_TEXT_NOTE, lang));
  update_summary (self);
}

static void
on_item_changed (JpContactsPerson *self)
{
  sync_entries (self);
  update_actions (self);
}

#define APPLY_HANDLER(name, row, is_text, field)                          \
  static void                                                             \
  name (JpContactsPerson *self)                                           \
  {                                                                       \
    _jp_contacts_apply_entry (self->row, self->db, self->item, is_text,   \
                              field, self->error_label);                  \
    gtk_widget_set_visible (self->error_row,                              \
                            gtk_widget_get_visible (GTK_WIDGET (self->error_label))); \
  }

APPLY_HANDLER (on_name_apply, name_row, FALSE, JP_FIELD_PERSON)
APPLY_HANDLER (on_email_apply, email_row, FALSE, JP_FIELD_EMAIL)
APPLY_HANDLER (on_phone_apply, phone_row, FALSE, JP_FIELD_PHONE)
APPLY_HANDLER (on_from_apply, from_row, FALSE, JP_FIELD_VALID_FROM)
APPLY_HANDLER (on_note_apply, note_row, TRUE, JP_TEXT_NOTE)

/* ---------------------------------------------------------- date picker */

/* The calendar opens on the row's date, or on today when it holds none
 * (or not a date). */
static void
on_date_popover_show (GtkCalendar *calendar)
{
  AdwEntryRow *row = g_object_get_data (G_OBJECT (calendar), "jp-row");
  g_autofree char *iso = g_strconcat (gtk_editable_get_text (GTK_EDITABLE (row)), "T00:00:00Z", NULL);
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (iso, NULL);

  if (date == NULL)
    date = g_date_time_new_now_local ();
  gtk_calendar_select_day (calendar, date);
}

/* The day chosen is written as the row's text and stored, as if typed;
 * moving through the months changes nothing. */
static void
on_date_chosen (GtkCalendar *calendar)
{
  AdwEntryRow *row = g_object_get_data (G_OBJECT (calendar), "jp-row");
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
add_date_picker (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *choose = gtk_button_new_with_label (_("Use This Date"));

  g_object_set_data (G_OBJECT (calendar), "jp-row", row);
  gtk_widget_add_css_class (choose, "suggested-action");
  gtk_box_append (GTK_BOX (box), calendar);
  gtk_box_append (GTK_BOX (box), choose);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), choose);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (on_date_popover_show), calendar);
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (on_date_chosen), calendar);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Pick a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a Date"), -1);
  adw_entry_row_add_suffix (row, button);
}

static void
move_up_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  JpContactsPerson *self = JP_CONTACTS_PERSON (widget);

  _jp_contacts_move_item (widget, self->db, self->item, -1);
}

static void
move_down_cb (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  JpContactsPerson *self = JP_CONTACTS_PERSON (widget);

  _jp_contacts_move_item (widget, self->db, self->item, +1);
}

static void
remove_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  JpContactsPerson *self = JP_CONTACTS_PERSON (widget);
  const char *person = jp_item_get_field (self->item, JP_FIELD_PERSON);

  _jp_contacts_remove_item (widget, self->db, self->item, person && *person ? person : _("New Person"));
}

static void
jp_contacts_person_dispose (GObject *object)
{
  JpContactsPerson *self = JP_CONTACTS_PERSON (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_CONTACTS_PERSON);
  g_clear_object (&self->item);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jp_contacts_person_parent_class)->dispose (object);
}

static void
jp_contacts_person_class_init (JpContactsPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_contacts_person_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-contacts-person.ui");
  gtk_widget_class_bind_template_child (widget_class, JpContactsPerson, name_row);
  gtk_widget_class_bind_template_child (widget_class, JpContactsPerson, email_row);
  gtk_widget_class_bind_template_child (widget_class, JpContactsPerson, phone_row);
  gtk_widget_class_bind_template_child (widget_class, JpContactsPerson, from_row);
  gtk_widget_class_bind_template_child (widget_class, JpContactsPerson, until_row);
  gtk_widget_class_bind_template_child (widget_class, JpContactsPerson, note_row);
  gtk_widget_class_bind_template_child (widget_class, JpContactsPerson, error_row);
  gtk_widget_class_bind_template_child (widget_class, JpContactsPerson, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_name_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_email_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_phone_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_from_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_until_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_note_apply);

  gtk_widget_class_install_action (widget_class, "person.move-up", NULL, move_up_cb);
  gtk_widget_class_install_action (widget_class, "person.move-down", NULL, move_down_cb);
  gtk_widget_class_install_action (widget_class, "person.remove", NULL, remove_cb);
}

static void
jp_contacts_person_init (JpContactsPerson *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_date_picker (self->from_row);
  add_date_picker (self->until_row);
}

GtkWidget *
jp_contacts_person_new (JpStore    *db,
                        JpItem     *contact)
{
  JpContactsPerson *self;

  g_return_val_if_fail (JP_IS_STORE (db), NULL);
  g_return_val_if_fail (JP_IS_ITEM (contact), NULL);

  self = g_object_new (JP_TYPE_CONTACTS_PERSON, NULL);
  self->db = g_object_ref (db);
  self->item = g_object_ref (contact);
  g_signal_connect_object (contact, "notify::revision", G_CALLBACK (on_item_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (contact, "notify::position", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  sync_entries (self);
  update_actions (self);
  return GTK_WIDGET (self);
}

void
jp_contacts_person_refresh (JpContactsPerson *self)
{
  g_return_if_fail (JP_IS_CONTACTS_PERSON (self));
  update_actions (self);
}

JpItem *
jp_contacts_person_get_item (JpContactsPerson *self)
{
  g_return_val_if_fail (JP_IS_CONTACTS_PERSON (self), NULL);
  return self->item;
}

gboolean
jp_contacts_person_is_current (JpContactsPerson *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_return_val_if_fail (JP_IS_CONTACTS_PERSON (self), TRUE);
  return jp_contacts_is_valid_on (self->item, today);
}
