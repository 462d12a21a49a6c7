/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-sidebar-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/jp-kind-ui.h"
#include "ui/sidebar/jp-sidebar-row.h"

struct _JpSidebarRow
{
  GtkWidget        parent_instance;

  JpStore         *db;
  JpItem          *item;
  GBinding        *label_binding;
  gulong           revision_id;

  GtkTreeExpander *expander;
  GtkImage        *icon;
  GtkLabel        *label;
  GtkLabel        *tag;
  GtkLabel        *detail;
};

G_DEFINE_FINAL_TYPE (JpSidebarRow, jp_sidebar_row, GTK_TYPE_WIDGET)

static char *
section_counts (JpStore    *db,
                JpItem     *section)
{
  guint projects = jp_store_count_descendants (db, section, JP_KIND_MASK (JP_KIND_PROJECT));
  guint groups = jp_store_count_descendants (db, section, JP_KIND_MASK (JP_KIND_GROUP));
  g_autofree char *p = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", projects), projects);
  g_autofree char *g = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u group", "%u groups", groups), groups);

  if (projects == 0 && groups == 0)
    return g_strdup ("");
  if (groups == 0)
    return g_steal_pointer (&p);
  if (projects == 0)
    return g_steal_pointer (&g);
  return g_strdup_printf ("%s · %s", p, g);
}

static void
jp_sidebar_row_update (JpSidebarRow *self)
{
  JpItem *item = self->item;
  g_autofree char *detail = NULL;
  const char *code;
  JpKind kind;

  if (item == NULL)
    return;
  kind = jp_item_get_kind (item);

  switch (jp_kind_ui_get (kind)->detail)
    {
    case JP_KIND_DETAIL_COUNTS:
      detail = section_counts (self->db, item);
      break;
    case JP_KIND_DETAIL_CODE:
      code = jp_item_get_field (item, JP_FIELD_CODE);
      detail = g_strdup (code ? code : "");
      break;
    case JP_KIND_DETAIL_STATUS:
      detail = g_strdup (jp_status_get_title (jp_item_get_status (item)));
      break;
    case JP_KIND_DETAIL_NONE:
    default:
      detail = g_strdup ("");
      break;
    }
  gtk_label_set_label (self->detail, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail), *detail != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->tag),
                          jp_kind_has_flag (kind, JP_KIND_FLAG_PHASED) &&
                          jp_item_get_phase (item) == JP_PHASE_NEW);
}

static void
on_structure_changed (JpSidebarRow *self)
{
  if (self->item && jp_kind_ui_get (jp_item_get_kind (self->item))->detail == JP_KIND_DETAIL_COUNTS)
    jp_sidebar_row_update (self);
}

static void
jp_sidebar_row_unbind (JpSidebarRow *self)
{
  g_clear_pointer (&self->label_binding, g_binding_unbind);
  if (self->item)
    g_clear_signal_handler (&self->revision_id, self->item);
  g_clear_object (&self->item);
}

void
jp_sidebar_row_set_row (JpSidebarRow   *self,
                        GtkTreeListRow *row)
{
  g_autoptr(GObject) object = NULL;

  g_return_if_fail (JP_IS_SIDEBAR_ROW (self));

  jp_sidebar_row_unbind (self);
  gtk_tree_expander_set_list_row (self->expander, row);
  if (row == NULL)
    return;

  object = gtk_tree_list_row_get_item (row);
  if (JP_IS_ITEM (object))
    {
      self->item = g_object_ref (JP_ITEM (object));
      gtk_image_set_from_icon_name (self->icon, jp_kind_get_icon_name (jp_item_get_kind (self->item)));
      self->label_binding = g_object_bind_property (self->item, "label", self->label, "label", G_BINDING_SYNC_CREATE);
      self->revision_id = g_signal_connect_swapped (self->item, "notify::revision",
                                                    G_CALLBACK (jp_sidebar_row_update), self);
      jp_sidebar_row_update (self);
    }
  else
    {
      /* The group of sections that serve no policy area. */
      gtk_image_set_from_icon_name (self->icon, "folder-symbolic");
      gtk_label_set_label (self->label, _("Sections serving no policy area"));
      gtk_widget_set_visible (GTK_WIDGET (self->detail), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->tag), FALSE);
    }
}

static void
jp_sidebar_row_dispose (GObject *object)
{
  JpSidebarRow *self = JP_SIDEBAR_ROW (object);

  jp_sidebar_row_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_SIDEBAR_ROW);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jp_sidebar_row_parent_class)->dispose (object);
}

static void
jp_sidebar_row_class_init (JpSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_sidebar_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JpSidebarRow, expander);
  gtk_widget_class_bind_template_child (widget_class, JpSidebarRow, icon);
  gtk_widget_class_bind_template_child (widget_class, JpSidebarRow, label);
  gtk_widget_class_bind_template_child (widget_class, JpSidebarRow, tag);
  gtk_widget_class_bind_template_child (widget_class, JpSidebarRow, detail);
}

static void
jp_sidebar_row_init (JpSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_sidebar_row_new (JpStore *db)
{
  JpSidebarRow *self = g_object_new (JP_TYPE_SIDEBAR_ROW, NULL);

  self->db = g_object_ref (db);
  /* A section's counts cover nested groups: any move may change them. */
  g_signal_connect_object (db, "structure-changed", G_CALLBACK (on_structure_changed), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
