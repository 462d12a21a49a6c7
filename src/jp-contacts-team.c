/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-contacts-team"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-contacts-private.h"
#include "jp-contacts-subject.h"
#include "jp-contacts-team.h"

struct _JpContactsTeam
{
  AdwPreferencesGroup  parent_instance;

  JpDatabase          *db;
  JpItem              *item;
  GListModel          *subjects;
  JpContactsChildren  *children;
  gboolean             hide_expired;

  AdwEntryRow         *title_row;
};

G_DEFINE_FINAL_TYPE (JpContactsTeam, jp_contacts_team, ADW_TYPE_PREFERENCES_GROUP)

static const char *
get_title (JpContactsTeam *self)
{
  return jp_item_get_display_text (self->item, JP_TEXT_TITLE, jp_database_get_language (self->db), NULL);
}

static void
update_actions (JpContactsTeam *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.move-up",
                                 _jp_contacts_can_move (self->db, self->item, -1));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.move-down",
                                 _jp_contacts_can_move (self->db, self->item, +1));
}

static void
on_item_changed (JpContactsTeam *self)
{
  const char *title = get_title (self);
  g_autofree char *markup = g_markup_escape_text (*title ? title : _("New Team"), -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), markup);
  _jp_contacts_sync_entry (self->title_row,
                           jp_item_get_text (self->item, JP_TEXT_TITLE, jp_database_get_language (self->db)));
  update_actions (self);
}

static void
on_title_apply (JpContactsTeam *self)
{
  _jp_contacts_apply_entry (self->title_row, self->db, self->item, TRUE, JP_TEXT_TITLE, NULL);
}

static void
on_subjects_changed (JpContactsTeam *self)
{
  GPtrArray *rows = _jp_contacts_children_get (self->children);

  for (guint i = 0; i < rows->len; i++)
    {
      jp_contacts_subject_set_hide_expired (rows->pdata[i], self->hide_expired);
      jp_contacts_subject_refresh (rows->pdata[i]);
    }
}

static GtkWidget *
create_subject (JpDatabase *db,
                JpItem     *item,
                gpointer    owner)
{
  return jp_contacts_subject_new (db, item);
}

static void
add_subject (gpointer   owner,
             GtkWidget *child)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (owner), child);
}

static void
remove_subject (gpointer   owner,
                GtkWidget *child)
{
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (owner), child);
}

static void
add_subject_cb (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  JpContactsTeam *self = JP_CONTACTS_TEAM (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) subject = jp_database_add_item (self->db, self->item, JP_KIND_SUBJECT, NULL, &error);
  GPtrArray *rows;

  if (subject == NULL)
    {
      _jp_contacts_show_toast (widget, error->message, FALSE);
      return;
    }
  rows = _jp_contacts_children_get (self->children);
  for (guint i = 0; i < rows->len; i++)
    if (jp_contacts_subject_get_item (rows->pdata[i]) == subject)
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
  JpContactsTeam *self = JP_CONTACTS_TEAM (widget);

  _jp_contacts_move_item (widget, self->db, self->item, -1);
}

static void
move_down_cb (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  JpContactsTeam *self = JP_CONTACTS_TEAM (widget);

  _jp_contacts_move_item (widget, self->db, self->item, +1);
}

static void
remove_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  JpContactsTeam *self = JP_CONTACTS_TEAM (widget);
  const char *title = get_title (self);

  _jp_contacts_remove_item (widget, self->db, self->item, *title ? title : _("New Team"));
}

static void
jp_contacts_team_dispose (GObject *object)
{
  JpContactsTeam *self = JP_CONTACTS_TEAM (object);

  if (self->subjects)
    g_signal_handlers_disconnect_by_data (self->subjects, self);
  g_clear_pointer (&self->children, _jp_contacts_children_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_CONTACTS_TEAM);
  g_clear_object (&self->subjects);
  g_clear_object (&self->item);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jp_contacts_team_parent_class)->dispose (object);
}

static void
jp_contacts_team_class_init (JpContactsTeamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_contacts_team_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-contacts-team.ui");
  gtk_widget_class_bind_template_child (widget_class, JpContactsTeam, title_row);
  gtk_widget_class_bind_template_callback (widget_class, on_title_apply);

  gtk_widget_class_install_action (widget_class, "team.add-subject", NULL, add_subject_cb);
  gtk_widget_class_install_action (widget_class, "team.move-up", NULL, move_up_cb);
  gtk_widget_class_install_action (widget_class, "team.move-down", NULL, move_down_cb);
  gtk_widget_class_install_action (widget_class, "team.remove", NULL, remove_cb);
}

static void
jp_contacts_team_init (JpContactsTeam *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_contacts_team_new (JpDatabase *db,
                      JpItem     *team)
{
  JpContactsTeam *self;

  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (JP_IS_ITEM (team), NULL);

  self = g_object_new (JP_TYPE_CONTACTS_TEAM, NULL);
  self->db = g_object_ref (db);
  self->item = g_object_ref (team);
  self->subjects = jp_database_get_children (db, team, JP_KIND_MASK (JP_KIND_SUBJECT));
  self->children = _jp_contacts_children_new (db, self->subjects, self, create_subject, add_subject, remove_subject);
  g_signal_connect_swapped (self->subjects, "items-changed", G_CALLBACK (on_subjects_changed), self);
  g_signal_connect_object (team, "notify::revision", G_CALLBACK (on_item_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (team, "notify::position", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  on_item_changed (self);
  on_subjects_changed (self);
  return GTK_WIDGET (self);
}

JpItem *
jp_contacts_team_get_item (JpContactsTeam *self)
{
  g_return_val_if_fail (JP_IS_CONTACTS_TEAM (self), NULL);
  return self->item;
}

void
jp_contacts_team_set_hide_expired (JpContactsTeam *self,
                                   gboolean        hide)
{
  g_return_if_fail (JP_IS_CONTACTS_TEAM (self));

  self->hide_expired = hide;
  on_subjects_changed (self);
}

void
jp_contacts_team_refresh (JpContactsTeam *self)
{
  g_return_if_fail (JP_IS_CONTACTS_TEAM (self));
  update_actions (self);
}
