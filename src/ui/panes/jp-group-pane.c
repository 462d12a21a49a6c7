/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-group-pane"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/panes/jp-group-pane.h"

struct _JpGroupPane
{
  JpPane        parent_instance;

  JpStore      *db;       /* the pane's store and item */
  JpItem       *group;

  GtkWidget    *title_row;
  GtkWidget    *code_row;
  AdwActionRow *parent_row;
  GtkListBox   *groups_list;
};

G_DEFINE_FINAL_TYPE (JpGroupPane, jp_group_pane, JP_TYPE_PANE)

static void
show_parent (JpGroupPane *self)
{
  g_autoptr(JpItem) parent = jp_store_get_parent (self->db, self->group);
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
jp_group_pane_constructed (GObject *object)
{
  JpGroupPane *self = JP_GROUP_PANE (object);
  JpPane *pane = JP_PANE (object);
  g_autoptr(GListModel) groups = NULL;

  G_OBJECT_CLASS (jp_group_pane_parent_class)->constructed (object);

  self->db = jp_pane_get_store (pane);
  self->group = jp_pane_get_item (pane);
  jp_pane_bind_text (pane, self->title_row, JP_TEXT_TITLE);
  jp_pane_bind_field (pane, self->code_row, JP_FIELD_CODE);
  show_parent (self);
  g_signal_connect_object (self->group, "notify::parent-id", G_CALLBACK (show_parent), self, G_CONNECT_SWAPPED);

  groups = jp_store_get_children (self->db, self->group, JP_KIND_MASK (JP_KIND_GROUP));
  jp_pane_bind_item_list (pane, self->groups_list, groups, TRUE);
}

static void
jp_group_pane_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JP_TYPE_GROUP_PANE);

  G_OBJECT_CLASS (jp_group_pane_parent_class)->dispose (object);
}

static void
jp_group_pane_class_init (JpGroupPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = jp_group_pane_constructed;
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
