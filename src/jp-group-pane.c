/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-group-pane"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-group-pane.h"
#include "jp-pane.h"

struct _JpGroupPane
{
  AdwBin        parent_instance;

  JpDatabase   *db;
  JpItem       *group;

  GtkWidget    *title_row;
  GtkWidget    *code_row;
  AdwActionRow *parent_row;
  GtkListBox   *groups_list;
};

G_DEFINE_FINAL_TYPE (JpGroupPane, jp_group_pane, ADW_TYPE_BIN)

static void
show_parent (JpGroupPane *self)
{
  g_autoptr(JpItem) parent = jp_database_get_parent (self->db, self->group);
  g_autofree char *title = NULL;
  const char *code;

  if (parent == NULL)
    return;
  code = jp_item_get_field (parent, JP_FIELD_CODE);
  /* The parent by its name: a section's number and title, a group's code
   * and name. */
  if (jp_item_get_kind (parent) == JP_KIND_GROUP && code != NULL && *code != '\0')
    title = g_markup_printf_escaped ("%s — %s", code, jp_item_get_label (parent));
  else
    title = g_markup_escape_text (jp_item_get_label (parent), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->parent_row), title);
  adw_action_row_set_subtitle (self->parent_row,
                               jp_item_get_kind (parent) == JP_KIND_GROUP
                               ? _("Part of the working group")
                               : _("Part of the section"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->parent_row), "x", jp_item_get_id (parent));
}

static void
jp_group_pane_dispose (GObject *object)
{
  JpGroupPane *self = JP_GROUP_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), JP_TYPE_GROUP_PANE);
  g_clear_object (&self->group);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jp_group_pane_parent_class)->dispose (object);
}

static void
jp_group_pane_class_init (JpGroupPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_group_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-group-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, JpGroupPane, title_row);
  gtk_widget_class_bind_template_child (widget_class, JpGroupPane, code_row);
  gtk_widget_class_bind_template_child (widget_class, JpGroupPane, parent_row);
  gtk_widget_class_bind_template_child (widget_class, JpGroupPane, groups_list);
}

static void
jp_group_pane_init (JpGroupPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_group_pane_new (JpDatabase *db,
                   JpItem     *group)
{
  JpGroupPane *self;
  g_autoptr(GListModel) groups = NULL;

  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (JP_IS_ITEM (group), NULL);

  self = g_object_new (JP_TYPE_GROUP_PANE, NULL);
  self->db = g_object_ref (db);
  self->group = g_object_ref (group);

  jp_pane_bind_text (self->title_row, db, group, JP_TEXT_TITLE);
  jp_pane_bind_field (self->code_row, db, group, JP_FIELD_CODE);
  show_parent (self);
  g_signal_connect_object (group, "notify::parent-id", G_CALLBACK (show_parent), self, G_CONNECT_SWAPPED);

  groups = jp_database_get_children (db, group, JP_KIND_MASK (JP_KIND_GROUP));
  jp_pane_bind_item_list (self->groups_list, groups, TRUE);
  return GTK_WIDGET (self);
}
