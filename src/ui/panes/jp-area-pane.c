/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-area-pane"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/panes/jp-area-pane.h"

struct _JpAreaPane
{
  JpPane       parent_instance;

  GtkWidget   *number_row;
  GtkWidget   *title_row;
  GtkWidget   *ambition_view;
  GtkWidget   *legitimation_view;
  GtkListBox  *objectives_list;
  GtkListBox  *sections_list;
};

G_DEFINE_FINAL_TYPE (JpAreaPane, jp_area_pane, JP_TYPE_PANE)

static void
jp_area_pane_constructed (GObject *object)
{
  JpAreaPane *self = JP_AREA_PANE (object);
  JpPane *pane = JP_PANE (object);
  g_autoptr(GListModel) sections = NULL;

  G_OBJECT_CLASS (jp_area_pane_parent_class)->constructed (object);

  jp_pane_bind_field (pane, self->number_row, JP_FIELD_NUMBER);
  jp_pane_bind_text (pane, self->title_row, JP_TEXT_TITLE);
  jp_pane_bind_text (pane, self->ambition_view, JP_TEXT_AMBITION);
  jp_pane_bind_text (pane, self->legitimation_view, JP_TEXT_LEGITIMATION);
  jp_pane_bind_text_list (pane, self->objectives_list, JP_KIND_MASK (JP_KIND_OBJECTIVE));
  sections = jp_store_get_area_sections (jp_pane_get_store (pane), jp_pane_get_item (pane));
  jp_pane_bind_item_list (pane, self->sections_list, sections, FALSE);
}

static void
jp_area_pane_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JP_TYPE_AREA_PANE);

  G_OBJECT_CLASS (jp_area_pane_parent_class)->dispose (object);
}

static void
jp_area_pane_class_init (JpAreaPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = jp_area_pane_constructed;
  object_class->dispose = jp_area_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-area-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, JpAreaPane, number_row);
  gtk_widget_class_bind_template_child (widget_class, JpAreaPane, title_row);
  gtk_widget_class_bind_template_child (widget_class, JpAreaPane, ambition_view);
  gtk_widget_class_bind_template_child (widget_class, JpAreaPane, legitimation_view);
  gtk_widget_class_bind_template_child (widget_class, JpAreaPane, objectives_list);
  gtk_widget_class_bind_template_child (widget_class, JpAreaPane, sections_list);
}

static void
jp_area_pane_init (JpAreaPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
