/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-chapter-pane"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-chapter-pane.h"
#include "jp-pane.h"
#include "jp-window.h"

struct _JpChapterPane
{
  AdwBin       parent_instance;

  JpDatabase  *db;
  JpItem      *chapter;
  GListModel  *teams;

  GtkWidget   *number_row;
  GtkWidget   *title_row;
  AdwActionRow *translation_row;
  AdwComboRow *team_row;
  GtkWidget   *body_view;
  GtkListBox  *sections_list;
};

G_DEFINE_FINAL_TYPE (JpChapterPane, jp_chapter_pane, ADW_TYPE_BIN)

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
  if (!jp_database_set_field (self->db, self->chapter, JP_FIELD_TEAM, uid, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      if (JP_IS_WINDOW (root))
        jp_window_report_error (JP_WINDOW (root), error);
      show_team (self);
    }
}

static void
jp_chapter_pane_dispose (GObject *object)
{
  JpChapterPane *self = JP_CHAPTER_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), JP_TYPE_CHAPTER_PANE);
  g_clear_object (&self->teams);
  g_clear_object (&self->chapter);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jp_chapter_pane_parent_class)->dispose (object);
}

static void
jp_chapter_pane_class_init (JpChapterPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

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

GtkWidget *
jp_chapter_pane_new (JpDatabase *db,
                     JpItem     *chapter)
{
  JpChapterPane *self;
  g_autoptr(GListModel) sections = NULL;
  g_autoptr(JpItem) root = NULL;
  g_autoptr(JpItem) contacts = NULL;

  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (JP_IS_ITEM (chapter), NULL);

  self = g_object_new (JP_TYPE_CHAPTER_PANE, NULL);
  self->db = g_object_ref (db);
  self->chapter = g_object_ref (chapter);

  jp_pane_bind_field (self->number_row, db, chapter, JP_FIELD_NUMBER);
  jp_pane_bind_text (self->title_row, db, chapter, JP_TEXT_TITLE);
  jp_pane_bind_translation_status (self->translation_row, db, chapter);
  jp_pane_bind_text (self->body_view, db, chapter, JP_TEXT_BODY);

  root = jp_database_get_root (db);
  contacts = jp_database_find_child (db, root, JP_KIND_CONTACTS);
  self->teams = contacts ? jp_database_get_children (db, contacts, JP_KIND_MASK (JP_KIND_TEAM))
                         : G_LIST_MODEL (g_list_store_new (JP_TYPE_ITEM));
  adw_combo_row_set_expression (self->team_row, gtk_property_expression_new (JP_TYPE_ITEM, NULL, "label"));
  adw_combo_row_set_model (self->team_row, self->teams);
  show_team (self);
  g_signal_connect_object (chapter, "notify::team", G_CALLBACK (show_team), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->team_row, "notify::selected", G_CALLBACK (on_team_selected), self, G_CONNECT_SWAPPED);

  sections = jp_database_get_children (db, chapter, JP_KIND_MASK (JP_KIND_SECTION));
  jp_pane_bind_item_list (self->sections_list, sections, TRUE);
  return GTK_WIDGET (self);
}
