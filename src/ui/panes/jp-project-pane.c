/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-project-pane"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/panes/jp-progress-row.h"
#include "ui/panes/jp-project-pane.h"

struct _JpProjectPane
{
  JpPane       parent_instance;

  JpItem      *project;   /* the pane's item */
  gboolean     loading;

  AdwPreferencesGroup *project_group;
  AdwComboRow *phase_row;
  AdwComboRow *status_row;
  GtkWidget   *body_view;
  GtkListBox  *items_list;
  GtkWidget   *note_view;
};

G_DEFINE_FINAL_TYPE (JpProjectPane, jp_project_pane, JP_TYPE_PANE)

/* The rows of the phase and status rows (ui/jp-project-pane.ui), in
 * their order. */
static const JpPhase phase_rows[] = { JP_PHASE_ONGOING, JP_PHASE_NEW };
static const JpStatus status_rows[] = {
  JP_STATUS_NONE, JP_STATUS_PLANNED, JP_STATUS_IN_PROGRESS, JP_STATUS_DONE,
  JP_STATUS_POSTPONED, JP_STATUS_DROPPED,
};

/* The rows that show @phase and @status: a project without a phase
 * shows as ongoing, as it always has. */
static guint
row_of_phase (JpPhase phase)
{
  for (guint i = 0; i < G_N_ELEMENTS (phase_rows); i++)
    if (phase_rows[i] == phase)
      return i;
  return 0;
}

static guint
row_of_status (JpStatus status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_rows); i++)
    if (status_rows[i] == status)
      return i;
  return 0;
}

static void
load (JpProjectPane *self)
{
  self->loading = TRUE;
  adw_combo_row_set_selected (self->phase_row, row_of_phase (jp_item_get_phase (self->project)));
  adw_combo_row_set_selected (self->status_row, row_of_status (jp_item_get_status (self->project)));
  self->loading = FALSE;
}

static void
report (JpProjectPane *self,
        GError        *error)
{
  jp_pane_report_error (JP_PANE (self), error);
  load (self);
}

static void
on_phase_selected (JpProjectPane *self)
{
  g_autoptr(GError) error = NULL;
  guint row = adw_combo_row_get_selected (self->phase_row);
  JpPhase phase = row < G_N_ELEMENTS (phase_rows) ? phase_rows[row] : JP_PHASE_ONGOING;

  if (self->loading || phase == jp_item_get_phase (self->project))
    return;
  if (!jp_store_set_phase (jp_pane_get_store (JP_PANE (self)), self->project, phase, &error))
    report (self, error);
}

static void
on_status_selected (JpProjectPane *self)
{
  g_autoptr(GError) error = NULL;
  guint row = adw_combo_row_get_selected (self->status_row);
  JpStatus status = row < G_N_ELEMENTS (status_rows) ? status_rows[row] : JP_STATUS_NONE;

  if (self->loading || status == jp_item_get_status (self->project))
    return;
  if (!jp_store_set_status (jp_pane_get_store (JP_PANE (self)), self->project, status, &error))
    report (self, error);
}

static void
jp_project_pane_constructed (GObject *object)
{
  JpProjectPane *self = JP_PROJECT_PANE (object);
  JpPane *pane = JP_PANE (object);

  G_OBJECT_CLASS (jp_project_pane_parent_class)->constructed (object);

  self->project = jp_pane_get_item (pane);
  load (self);
  g_signal_connect_object (self->project, "notify::revision", G_CALLBACK (load), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->phase_row, "notify::selected", G_CALLBACK (on_phase_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (on_status_selected), self, G_CONNECT_SWAPPED);

  jp_pane_bind_text (pane, self->body_view, JP_TEXT_BODY);
  jp_pane_bind_text (pane, self->note_view, JP_TEXT_NOTE);
  /* The progress through the year, under the status it goes with. */
  adw_preferences_group_add (self->project_group,
                             jp_progress_row_new (jp_pane_get_store (pane), self->project,
                                                  jp_pane_get_language (pane), FALSE));
  /* Everything a project may hold: its items. */
  jp_pane_bind_text_list (pane, self->items_list, jp_kind_get_info (JP_KIND_PROJECT)->children);
}

static void
jp_project_pane_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JP_TYPE_PROJECT_PANE);

  G_OBJECT_CLASS (jp_project_pane_parent_class)->dispose (object);
}

static void
jp_project_pane_class_init (JpProjectPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = jp_project_pane_constructed;
  object_class->dispose = jp_project_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-project-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, JpProjectPane, project_group);
  gtk_widget_class_bind_template_child (widget_class, JpProjectPane, phase_row);
  gtk_widget_class_bind_template_child (widget_class, JpProjectPane, status_row);
  gtk_widget_class_bind_template_child (widget_class, JpProjectPane, body_view);
  gtk_widget_class_bind_template_child (widget_class, JpProjectPane, items_list);
  gtk_widget_class_bind_template_child (widget_class, JpProjectPane, note_view);
}

static void
jp_project_pane_init (JpProjectPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
