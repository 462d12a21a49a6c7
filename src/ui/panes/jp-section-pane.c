/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-section-pane"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/panes/jp-progress-row.h"
#include "ui/panes/jp-section-pane.h"

struct _JpSectionPane
{
  JpPane       parent_instance;

  JpStore     *db;        /* the pane's store and item */
  JpItem      *section;
  GListModel  *linked;

  GtkWidget   *number_row;
  GtkWidget   *title_row;
  AdwActionRow *translation_row;
  GtkListBox  *objectives_list;
  GtkListBox  *areas_list;
  GtkListBox  *ongoing_list;
  GtkListBox  *new_list;
  GtkListBox  *groups_list;
  GtkListBox  *progress_list;
};

G_DEFINE_FINAL_TYPE (JpSectionPane, jp_section_pane, JP_TYPE_PANE)

static gboolean
is_linked (JpSectionPane *self,
           JpItem        *area)
{
  guint n = g_list_model_get_n_items (self->linked);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpItem) linked = g_list_model_get_item (self->linked, i);
      if (linked == area)
        return TRUE;
    }
  return FALSE;
}

static void
on_area_toggled (GtkCheckButton *check,
                 JpSectionPane  *self)
{
  JpItem *area = g_object_get_data (G_OBJECT (check), "jp-area");
  gboolean active = gtk_check_button_get_active (check);
  g_autoptr(GError) error = NULL;

  if (active == is_linked (self, area))
    return;
  if (!jp_store_set_section_area (self->db, self->section, area, active, &error))
    {
      jp_pane_report_error (JP_PANE (self), error);
      gtk_check_button_set_active (check, !active);
    }
}

/* An undo changes the links too: the boxes follow. */
static void
on_links_changed (JpSectionPane *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->areas_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "jp-check");
      JpItem *area;
      gboolean linked;

      if (check == NULL)
        continue;
      area = g_object_get_data (G_OBJECT (check), "jp-area");
      linked = is_linked (self, area);
      if (gtk_check_button_get_active (check) != linked)
        gtk_check_button_set_active (check, linked);
    }
}

static GtkWidget *
create_area_row (gpointer item,
                 gpointer user_data)
{
  JpSectionPane *self = user_data;
  JpItem *area = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *title = g_markup_escape_text (jp_item_get_label (area), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (check), "jp-area", g_object_ref (area), g_object_unref);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_linked (self, area));
  g_object_set_data (G_OBJECT (row), "jp-check", check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_area_toggled), self, 0);
  return row;
}

static gboolean
is_new_project (gpointer item,
                gpointer user_data)
{
  return jp_item_get_phase (item) == JP_PHASE_NEW;
}

static gboolean
is_ongoing_project (gpointer item,
                    gpointer user_data)
{
  return jp_item_get_phase (item) != JP_PHASE_NEW;
}

static GListModel *
projects_of_phase (JpStore       *db,
                   JpItem        *section,
                   GtkCustomFilterFunc  func)
{
  GListModel *projects = jp_store_get_children (db, section, JP_KIND_MASK (JP_KIND_PROJECT));

  return G_LIST_MODEL (gtk_filter_list_model_new (projects, GTK_FILTER (gtk_custom_filter_new (func, NULL, NULL))));
}

/* The progress of every project, in the plan's order: the ongoing ones,
 * then the new ones. */
static GtkWidget *
create_progress_row (gpointer item,
                     gpointer user_data)
{
  JpSectionPane *self = user_data;

  return jp_progress_row_new (self->db, item, jp_pane_get_language (JP_PANE (self)), TRUE);
}

static void
bind_progress_list (JpSectionPane *self,
                    GListModel    *ongoing,
                    GListModel    *new_projects)
{
  GListStore *phases = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkFlattenListModel) projects = NULL;

  g_list_store_append (phases, ongoing);
  g_list_store_append (phases, new_projects);
  projects = gtk_flatten_list_model_new (G_LIST_MODEL (phases));
  gtk_list_box_bind_model (self->progress_list, G_LIST_MODEL (projects), create_progress_row, self, NULL);
}

static void
jp_section_pane_constructed (GObject *object)
{
  JpSectionPane *self = JP_SECTION_PANE (object);
  JpPane *pane = JP_PANE (object);
  g_autoptr(JpItem) root = NULL;
  g_autoptr(JpItem) programme = NULL;
  g_autoptr(GListModel) areas = NULL;
  g_autoptr(GListModel) ongoing = NULL;
  g_autoptr(GListModel) new_projects = NULL;
  g_autoptr(GListModel) groups = NULL;

  G_OBJECT_CLASS (jp_section_pane_parent_class)->constructed (object);

  self->db = jp_pane_get_store (pane);
  self->section = jp_pane_get_item (pane);
  jp_pane_bind_field (pane, self->number_row, JP_FIELD_NUMBER);
  jp_pane_bind_text (pane, self->title_row, JP_TEXT_TITLE);
  jp_pane_bind_translation_status (pane, self->translation_row);
  jp_pane_bind_text_list (pane, self->objectives_list, JP_KIND_MASK (JP_KIND_OBJECTIVE));

  self->linked = jp_store_get_section_areas (self->db, self->section);
  g_signal_connect_object (self->linked, "items-changed", G_CALLBACK (on_links_changed), self, G_CONNECT_SWAPPED);
  root = jp_store_get_root (self->db);
  programme = jp_store_find_child (self->db, root, JP_KIND_PROGRAMME);
  areas = programme ? jp_store_get_children (self->db, programme, JP_KIND_MASK (JP_KIND_AREA))
                    : G_LIST_MODEL (g_list_store_new (JP_TYPE_ITEM));
  gtk_list_box_bind_model (self->areas_list, areas, create_area_row, self, NULL);

  ongoing = projects_of_phase (self->db, self->section, is_ongoing_project);
  new_projects = projects_of_phase (self->db, self->section, is_new_project);
  jp_pane_bind_item_list (pane, self->ongoing_list, ongoing, TRUE);
  jp_pane_bind_item_list (pane, self->new_list, new_projects, TRUE);
  bind_progress_list (self, ongoing, new_projects);
  groups = jp_store_get_children (self->db, self->section, JP_KIND_MASK (JP_KIND_GROUP));
  jp_pane_bind_item_list (pane, self->groups_list, groups, TRUE);
}

static void
jp_section_pane_dispose (GObject *object)
{
  JpSectionPane *self = JP_SECTION_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), JP_TYPE_SECTION_PANE);
  g_clear_object (&self->linked);

  G_OBJECT_CLASS (jp_section_pane_parent_class)->dispose (object);
}

static void
jp_section_pane_class_init (JpSectionPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = jp_section_pane_constructed;
  object_class->dispose = jp_section_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-section-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, JpSectionPane, number_row);
  gtk_widget_class_bind_template_child (widget_class, JpSectionPane, title_row);
  gtk_widget_class_bind_template_child (widget_class, JpSectionPane, translation_row);
  gtk_widget_class_bind_template_child (widget_class, JpSectionPane, objectives_list);
  gtk_widget_class_bind_template_child (widget_class, JpSectionPane, areas_list);
  gtk_widget_class_bind_template_child (widget_class, JpSectionPane, ongoing_list);
  gtk_widget_class_bind_template_child (widget_class, JpSectionPane, new_list);
  gtk_widget_class_bind_template_child (widget_class, JpSectionPane, groups_list);
  gtk_widget_class_bind_template_child (widget_class, JpSectionPane, progress_list);
}

static void
jp_section_pane_init (JpSectionPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
