/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-item-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/panes/jp-item-row.h"
#include "ui/jp-kind-ui.h"

struct _JpItemRow
{
  AdwActionRow  parent_instance;

  JpItem       *item;

  GtkImage     *icon;
  GtkLabel     *tag;
  GtkLabel     *detail;
  GtkWidget    *move_up;
  GtkWidget    *move_down;
  GtkWidget    *remove;
};

G_DEFINE_FINAL_TYPE (JpItemRow, jp_item_row, ADW_TYPE_ACTION_ROW)

static void
jp_item_row_update (JpItemRow *self)
{
  JpItem *item = self->item;
  const char *code = jp_item_get_field (item, JP_FIELD_CODE);
  g_autofree char *title = g_markup_escape_text (jp_item_get_label (item), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  switch (jp_kind_ui_get (jp_item_get_kind (item))->detail)
    {
    case JP_KIND_DETAIL_STATUS:
      gtk_label_set_label (self->detail, jp_status_get_title (jp_item_get_status (item)));
      break;
    case JP_KIND_DETAIL_CODE:
      gtk_label_set_label (self->detail, code ? code : "");
      break;
    case JP_KIND_DETAIL_COUNTS:
    case JP_KIND_DETAIL_NONE:
    default:
      gtk_label_set_label (self->detail, "");
      break;
    }
  if (jp_kind_has_flag (jp_item_get_kind (item), JP_KIND_FLAG_PHASED))
    gtk_widget_set_visible (GTK_WIDGET (self->tag), jp_item_get_phase (item) == JP_PHASE_NEW);
}

static void
jp_item_row_dispose (GObject *object)
{
  JpItemRow *self = JP_ITEM_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_ITEM_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (jp_item_row_parent_class)->dispose (object);
}

static void
jp_item_row_class_init (JpItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_item_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JpItemRow, icon);
  gtk_widget_class_bind_template_child (widget_class, JpItemRow, tag);
  gtk_widget_class_bind_template_child (widget_class, JpItemRow, detail);
  gtk_widget_class_bind_template_child (widget_class, JpItemRow, move_up);
  gtk_widget_class_bind_template_child (widget_class, JpItemRow, move_down);
  gtk_widget_class_bind_template_child (widget_class, JpItemRow, remove);
}

static void
jp_item_row_init (JpItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_item_row_new (JpItem   *item,
                 gboolean  reorderable)
{
  JpItemRow *self;
  GVariant *target;

  g_return_val_if_fail (JP_IS_ITEM (item), NULL);

  self = g_object_new (JP_TYPE_ITEM_ROW, NULL);
  self->item = g_object_ref (item);
  gtk_image_set_from_icon_name (self->icon, jp_kind_get_icon_name (jp_item_get_kind (item)));

  target = g_variant_ref_sink (g_variant_new_int64 (jp_item_get_id (item)));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->move_up), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->move_down), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->remove), target);
  g_variant_unref (target);
  gtk_widget_set_visible (self->move_up, reorderable);
  gtk_widget_set_visible (self->move_down, reorderable);
  gtk_widget_set_visible (self->remove, reorderable);

  g_signal_connect_object (item, "notify::revision", G_CALLBACK (jp_item_row_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::label", G_CALLBACK (jp_item_row_update), self, G_CONNECT_SWAPPED);
  jp_item_row_update (self);
  return GTK_WIDGET (self);
}

JpItem *
jp_item_row_get_item (JpItemRow *self)
{
  g_return_val_if_fail (JP_IS_ITEM_ROW (self), NULL);
  return self->item;
}
