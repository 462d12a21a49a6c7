/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-progress-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/print/jp-contacts-dates.h"
#include "ui/jp-kind-ui.h"
#include "ui/panes/jp-field-binding.h"
#include "ui/panes/jp-progress-row.h"
#include "ui/window/jp-error-report.h"

struct _JpProgressRow
{
  AdwPreferencesRow  parent_instance;

  JpStore       *store;
  JpItem        *project;
  gboolean       with_project;
  gboolean       loading;

  GtkWidget     *project_box;
  GtkLabel      *project_label;
  GtkDropDown   *status_drop;
  GtkWidget     *title_label;
  GtkTextView   *note_view;
  GtkLabel      *date_label;
};

G_DEFINE_FINAL_TYPE (JpProgressRow, jp_progress_row, ADW_TYPE_PREFERENCES_ROW)

/* The drop-down lists the statuses in their order, as the project pane's
 * status row does, with the same words. */
static const JpStatus statuses[] = {
  JP_STATUS_NONE, JP_STATUS_PLANNED, JP_STATUS_IN_PROGRESS, JP_STATUS_DONE,
  JP_STATUS_POSTPONED, JP_STATUS_DROPPED,
};

static guint
position_of_status (JpStatus status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (statuses[i] == status)
      return i;
  return 0;
}

char *
jp_progress_format_updated (JpItem *project)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (JP_IS_ITEM (project), NULL);

  date = jp_contacts_format_date (jp_item_get_field (project, JP_FIELD_PROGRESS_DATE));
  if (date == NULL)
    /* Translators: under a project's progress note that nobody wrote
     * nor changed the status of since the plan was made. */
    return g_strdup (_("Not updated yet"));
  /* Translators: under a project's progress note: the day its note or
   * status last changed, as in "Last updated 12 March 2013". */
  return g_strdup_printf (_("Last updated %s"), date);
}

/* The names a screen reader gives the controls: each names the project,
 * since a list holds many alike. */
static void
update_names (JpProgressRow *self)
{
  const char *label = jp_item_get_label (self->project);
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->status_drop));
  g_autofree char *status = NULL;
  g_autofree char *note = NULL;

  if (!self->with_project)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"), -1);
      return;
    }
  /* Translators: the name a screen reader gives the status drop-down of
   * a project in a section's list of progress; %s is the project. */
  status = g_strdup_printf (_("Status of “%s”"), label);
  /* Translators: the name a screen reader gives the progress note of a
   * project in a section's list of progress; %s is the project. */
  note = g_strdup_printf (_("Progress of “%s”"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_drop),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, status, -1);
  /* GTK 4.8 gives the focus to the drop-down's inner button, which a
   * screen reader would call by its type's name. */
  if (button != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, status, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, note, -1);
  gtk_label_set_label (self->project_label, label);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), label);
}

/* The row follows its project, whoever changed it (another pane, undo). */
static void
load (JpProgressRow *self)
{
  g_autofree char *updated = jp_progress_format_updated (self->project);
  guint position = position_of_status (jp_item_get_status (self->project));

  self->loading = TRUE;
  if (gtk_drop_down_get_selected (self->status_drop) != position)
    gtk_drop_down_set_selected (self->status_drop, position);
  self->loading = FALSE;
  gtk_label_set_label (self->date_label, updated);
  update_names (self);
}

static void
on_status_selected (JpProgressRow *self)
{
  g_autoptr(GError) error = NULL;
  guint position = gtk_drop_down_get_selected (self->status_drop);
  JpStatus status = position < G_N_ELEMENTS (statuses) ? statuses[position] : JP_STATUS_NONE;

  if (self->loading || status == jp_item_get_status (self->project))
    return;
  if (!jp_store_set_status (self->store, self->project, status, &error))
    {
      jp_widget_report_error (GTK_WIDGET (self), error);
      load (self);
    }
}

static void
jp_progress_row_dispose (GObject *object)
{
  JpProgressRow *self = JP_PROGRESS_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_PROGRESS_ROW);
  g_clear_object (&self->project);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (jp_progress_row_parent_class)->dispose (object);
}

static void
jp_progress_row_class_init (JpProgressRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_progress_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-progress-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JpProgressRow, project_box);
  gtk_widget_class_bind_template_child (widget_class, JpProgressRow, project_label);
  gtk_widget_class_bind_template_child (widget_class, JpProgressRow, status_drop);
  gtk_widget_class_bind_template_child (widget_class, JpProgressRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, JpProgressRow, note_view);
  gtk_widget_class_bind_template_child (widget_class, JpProgressRow, date_label);
}

static void
jp_progress_row_init (JpProgressRow *self)
{
  g_autoptr(GtkStringList) words = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (words, jp_status_get_title (statuses[i]));
  gtk_drop_down_set_model (self->status_drop, G_LIST_MODEL (words));
}

GtkWidget *
jp_progress_row_new (JpStore  *db,
                     JpItem   *project,
                     JpLang    lang,
                     gboolean  with_project)
{
  JpProgressRow *self;

  g_return_val_if_fail (JP_IS_STORE (db), NULL);
  g_return_val_if_fail (JP_IS_ITEM (project), NULL);

  self = g_object_new (JP_TYPE_PROGRESS_ROW, NULL);
  self->store = g_object_ref (db);
  self->project = g_object_ref (project);
  self->with_project = with_project;
  gtk_widget_set_visible (self->project_box, with_project);
  if (!with_project)
    {
      /* Alone under the status, its title reads as the rows above it. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Progress"));
      gtk_widget_remove_css_class (self->title_label, "dim-label");
      gtk_widget_remove_css_class (self->title_label, "caption");
      gtk_widget_set_margin_top (self->title_label, 4);
      gtk_widget_set_margin_bottom (self->title_label, 8);
    }

  load (self);
  g_signal_connect_object (project, "notify::revision", G_CALLBACK (load), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_drop, "notify::selected", G_CALLBACK (on_status_selected),
                           self, G_CONNECT_SWAPPED);
  jp_field_binding_bind_text (GTK_WIDGET (self->note_view), db, project, JP_TEXT_PROGRESS, lang);
  return GTK_WIDGET (self);
}

JpItem *
jp_progress_row_get_project (JpProgressRow *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ROW (self), NULL);
  return self->project;
}

GtkDropDown *
jp_progress_row_get_status_drop (JpProgressRow *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ROW (self), NULL);
  return self->status_drop;
}

GtkWidget *
jp_progress_row_get_note_view (JpProgressRow *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ROW (self), NULL);
  return GTK_WIDGET (self->note_view);
}

GtkLabel *
jp_progress_row_get_date_label (JpProgressRow *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ROW (self), NULL);
  return self->date_label;
}
