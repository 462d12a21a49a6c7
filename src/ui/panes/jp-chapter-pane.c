/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-chapter-pane"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/panes/jp-chapter-pane.h"

struct _JpChapterPane
{
  JpPane       parent_instance;

  JpStore     *db;        /* the pane's store and item */
  JpItem      *chapter;
  GListModel  *teams;

  GtkWidget   *number_row;
  GtkWidget   *title_row;
  AdwActionRow *translation_row;
  AdwComboRow *team_row;
  GtkWidget   *body_view;
  GtkListBox  *sections_list;
};

G_DEFINE_FINAL_TYPE (JpChapterPane, jp_chapter_pane, JP_TYPE_PANE)

static void
show_team (JpChapterPane *self)
{
  const char *uid = jp_item_get_field (self->chapter, JP_FIELD_TEAM);
  guint n = g_list_model_get_n_items (self->teams);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; uid && i < n; i++)
    {
      g_autoptr(JpItem) team = g_list_model_get_item (self->teams, i);
      if (g_strcmp0 (jp_item_get_uid (team), uid) == 0)
        selected = i;
    }
  if (adw_combo_row_get_selected (self->team_row) != selected)
    adw_combo_row_set_selected (self->team_row, selected);
}

static void
on_team_selected (JpChapterPane *self)
{
  JpItem *team = adw_combo_row_get_selected_item (self->team_row);
  g_autoptr(GError) error = NULL;
  const char *uid = team ? jp_item_get_uid (team) : NULL;

  if (g_strcmp0 (uid, jp_item_get_field (self->chapter, JP_FIELD_TEAM)) == 0)
    return;
  if (!jp_store_set_field (self->db, self->chapter, JP_FIELD_TEAM, uid, &error))
    {
      jp_pane_report_error (JP_PANE (self), error);
      show_team (self);
    }
}

static void
jp_chapter_pane_constructed (GObject *object)
{
  JpChapterPane *self = JP_CHAPTER_PANE (object);
  JpPane *pane = JP_PANE (object);
  g_autoptr(GListModel) sections = NULL;
  g_autoptr(JpItem) root = NULL;
  g_autoptr(JpItem) contacts = NULL;

  G_OBJECT_CLASS (jp_chapter_pane_parent_class)->constructed (object);

  self->db = jp_pane_get_store (pane);
  self->chapter = jp_pane_get_item (pane);
  jp_pane_bind_field (pane, self->number_row, JP_FIELD_NUMBER);
  jp_pane_bind_text (pane, self->title_row, JP_TEXT_TITLE);
  jp_pane_bind_translation_status (pane, self->translation_row);
  jp_pane_bind_text (pane, self->body_view, JP_TEXT_BODY);

  root = jp_store_get_root (self->db);
  contacts = jp_store_find_child (self->db, root, JP_KIND_CONTACTS);
  self->teams = contacts ? jp_store_get_children (self->db, contacts, JP_KIND_MASK (JP_KIND_TEAM))
                         : G_LIST_MODEL (g_list_store_new (JP_TYPE_ITEM));
  adw_combo_row_set_expression (self->team_row, gtk_property_expression_new (JP_TYPE_ITEM, NULL, "label"));
  adw_combo_row_set_model (self->team_row, self->teams);
  show_team (self);
  g_signal_connect_object (self->chapter, "notify::team", G_CALLBACK (show_team), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->team_row, "notify::selected", G_CALLBACK (on_team_selected), self, G_CONNECT_SWAPPED);

  sections = jp_store_get_children (self->db, self->chapter, JP_KIND_MASK (JP_KIND_SECTION));
  jp_pane_bind_item_list (pane, self->sections_list, sections, TRUE);
}

static void
jp_chapter_pane_dispose (GObject *object)
{
  JpChapterPane *self = JP_CHAPTER_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), JP_TYPE_CHAPTER_PANE);
  g_clear_object (&self->teams);

  G_OBJECT_CLASS (jp_chapter_pane_parent_class)->dispose (object);
}

static void
jp_chapter_pane_class_init (JpChapterPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = jp_chapter_pane_constructed;
  object_class->dispose = jp_chapter_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-chapter-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, JpChapterPane, number_row);
  gtk_widget_class_bind_template_child (widget_class, JpChapterPane, title_row);
  gtk_widget_class_bind_template_child (widget_class, JpChapterPane, translation_row);
  gtk_widget_class_bind_template_child (widget_class, JpChapterPane, team_row);
  gtk_widget_class_bind_template_child (widget_class, JpChapterPane, body_view);
  gtk_widget_class_bind_template_child (widget_class, JpChapterPane, sections_list);
}

static void
jp_chapter_pane_init (JpChapterPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
