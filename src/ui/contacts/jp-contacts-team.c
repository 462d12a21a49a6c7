/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-contacts-team"

#include "config.h"

#include "ui/contacts/jp-contacts-block.h"
#include "ui/contacts/jp-contacts-subject.h"
#include "ui/contacts/jp-contacts-team.h"

struct _JpContactsTeam
{
  AdwPreferencesGroup  parent_instance;

  JpContactsBlock     *block;

  AdwEntryRow         *title_row;
};

G_DEFINE_FINAL_TYPE (JpContactsTeam, jp_contacts_team, ADW_TYPE_PREFERENCES_GROUP)

/* The title above the group; the subject lines follow what it hides. */
static void
on_block_changed (JpContactsTeam *self)
{
  g_autofree char *markup = g_markup_escape_text (jp_contacts_block_get_title (self->block), -1);
  GPtrArray *rows = jp_contacts_block_get_children (self->block);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), markup);
  for (guint i = 0; i < rows->len; i++)
    {
      jp_contacts_subject_set_hide_expired (rows->pdata[i], jp_contacts_block_get_hide_expired (self->block));
      jp_contacts_subject_refresh (rows->pdata[i]);
    }
}

static void
on_title_apply (JpContactsTeam *self)
{
  jp_contacts_block_apply_title (self->block);
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
jp_contacts_team_dispose (GObject *object)
{
  JpContactsTeam *self = JP_CONTACTS_TEAM (object);

  g_clear_object (&self->block);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_CONTACTS_TEAM);

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
  self->block = jp_contacts_block_new (GTK_WIDGET (self), db, team, JP_KIND_SUBJECT, self->title_row,
                                       create_subject, add_subject, remove_subject);
  g_signal_connect_object (self->block, "changed", G_CALLBACK (on_block_changed), self, G_CONNECT_SWAPPED);
  on_block_changed (self);
  return GTK_WIDGET (self);
}

JpItem *
jp_contacts_team_get_item (JpContactsTeam *self)
{
  g_return_val_if_fail (JP_IS_CONTACTS_TEAM (self), NULL);
  return jp_contacts_block_get_item (self->block);
}

void
jp_contacts_team_set_hide_expired (JpContactsTeam *self,
                                   gboolean        hide)
{
  g_return_if_fail (JP_IS_CONTACTS_TEAM (self));
  jp_contacts_block_set_hide_expired (self->block, hide);
}

void
jp_contacts_team_refresh (JpContactsTeam *self)
{
  g_return_if_fail (JP_IS_CONTACTS_TEAM (self));
  jp_contacts_block_refresh (self->block);
}
