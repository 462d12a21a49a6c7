/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/jp-differences.h"
#include "model/jp-version-name.h"
#include "model/print/jp-contacts-dates.h"
#include "ui/panes/jp-history-row.h"
#include "ui/window/jp-changes-dialog.h"
#include "ui/window/jp-compare-dialog.h"
#include "ui/window/jp-window-private.h"

struct _JpChangesDialog
{
  AdwWindow       parent_instance;

  JpWindow       *window;      /* weak */
  JpDatabase     *db;
  GPtrArray      *versions;    /* JpVersion*, newest first */
  GCancellable   *cancellable;
  /* While the two points are read. */
  JpSnapshot     *old_snapshot;
  JpSnapshot     *new_snapshot;
  guint           pending;
  char           *title;
  char           *subtitle;

  AdwComboRow    *since_row;
  AdwComboRow    *until_row;
  GtkWidget      *date_group;
  GtkCalendar    *calendar;
  GtkWidget      *show_button;
  GtkSpinner     *spinner;
};

G_DEFINE_FINAL_TYPE (JpChangesDialog, jp_changes_dialog, ADW_TYPE_WINDOW)

char *
jp_version_describe (JpDatabase      *db,
                     const JpVersion *version,
                     gboolean         dated)
{
  g_autofree char *what = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (version != NULL, NULL);

  what = jp_version_name (db, version, JP_N_LANGS);
  if (!dated || version->time == NULL)
    return g_steal_pointer (&what);
  when = jp_history_format_time (version->time);
  /* Translators: a version and when it was taken: "Export of 5.7 — 12
   * December 2026, 14:02". */
  return g_strdup_printf (_("%1$s — %2$s"), what, when);
}

static void
fill_rows (JpChangesDialog *self)
{
  g_autoptr(GtkStringList) since = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) until = gtk_string_list_new (NULL);

  /* Translators: in Show Changes: since a date picked below. */
  gtk_string_list_append (since, _("A Date"));
  /* Translators: in Show Changes: until the plan as it is now. */
  gtk_string_list_append (until, C_("changes until", "Now"));
  for (guint i = 0; i < self->versions->len; i++)
    {
      g_autofree char *label = jp_version_describe (self->db, self->versions->pdata[i], TRUE);

      gtk_string_list_append (since, label);
      gtk_string_list_append (until, label);
    }
  adw_combo_row_set_model (self->since_row, G_LIST_MODEL (since));
  adw_combo_row_set_model (self->until_row, G_LIST_MODEL (until));
  /* The latest version, when there is one. */
  adw_combo_row_set_selected (self->since_row, self->versions->len > 0 ? 1 : 0);
  adw_combo_row_set_selected (self->until_row, 0);
}

static void
on_since_selected (JpChangesDialog *self)
{
  gtk_widget_set_visible (self->date_group, adw_combo_row_get_selected (self->since_row) == 0);
}

static const JpVersion *
version_at (JpChangesDialog *self,
            guint            row)
{
  if (row == 0 || row == GTK_INVALID_LIST_POSITION || row > self->versions->len)
    return NULL;
  return self->versions->pdata[row - 1];
}

static gboolean
select_version (JpChangesDialog *self,
                AdwComboRow     *row,
                gint64           id)
{
  for (guint i = 0; i < self->versions->len; i++)
    if (((JpVersion *) self->versions->pdata[i])->id == id)
      {
        adw_combo_row_set_selected (row, i + 1);
        return TRUE;
      }
  return FALSE;
}

static void
set_busy (JpChangesDialog *self,
          gboolean         busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (self->show_button, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->since_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->until_row), !busy);
  gtk_widget_set_sensitive (self->date_group, !busy);
}

/* Both points read: the window of differences takes this one's place. */
static void
show_differences (JpChangesDialog *self)
{
  g_autoptr(JpDifferences) differences = NULL;

  differences = jp_differences_compute (self->old_snapshot, self->new_snapshot, NULL, JP_DIFFERENCES_DEFAULT);
  if (self->window != NULL)
    {
      JpCompareDialog *dialog = jp_compare_dialog_new_for_differences (self->window, g_steal_pointer (&differences),
                                                                       self->title, self->subtitle);

      gtk_window_present (GTK_WINDOW (dialog));
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
snapshot_loaded (JpChangesDialog *self,
                 GAsyncResult    *result,
                 JpSnapshot     **side)
{
  g_autoptr(GError) error = NULL;
  JpSnapshot *snapshot;

  snapshot = jp_database_load_snapshot_at_finish (self->db, result, &error);
  self->pending--;
  if (snapshot == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (self->window != NULL)
            _jp_window_report_failure (self->window, _("Could Not Show the Changes"), error);
          g_cancellable_cancel (self->cancellable);
        }
      if (self->pending == 0)
        set_busy (self, FALSE);
      return;
    }
  *side = snapshot;
  if (self->pending == 0 && self->old_snapshot != NULL && self->new_snapshot != NULL)
    show_differences (self);
}

static void
on_old_loaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(JpChangesDialog) self = user_data;

  snapshot_loaded (self, result, &self->old_snapshot);
}

static void
on_new_loaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(JpChangesDialog) self = user_data;

  snapshot_loaded (self, result, &self->new_snapshot);
}

/* The point at the start of @date's day, local time. */
static gint64
point_of_day (JpDatabase *db,
              GDateTime  *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                                      g_date_time_get_day_of_month (local), 0, 0, 0);

  return jp_database_history_at_time (db, start);
}

static char *
describe_day (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);
  g_autofree char *iso = g_date_time_format (local, "%Y-%m-%d");
  char *day = jp_contacts_format_date (iso);

  return day ? day : g_steal_pointer (&iso);
}

void
jp_changes_dialog_show_changes (JpChangesDialog *self)
{
  const JpVersion *since, *until;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(JpItem) root = NULL;
  g_autofree char *from = NULL;
  gint64 old_seq, new_seq;

  g_return_if_fail (JP_IS_CHANGES_DIALOG (self));

  if (self->pending > 0 || self->db == NULL)
    return;
  since = version_at (self, adw_combo_row_get_selected (self->since_row));
  until = version_at (self, adw_combo_row_get_selected (self->until_row));
  date = gtk_calendar_get_date (self->calendar);
  old_seq = since ? since->seq : point_of_day (self->db, date);
  new_seq = until ? until->seq : jp_database_history_now (self->db);
  from = since ? jp_version_describe (self->db, since, FALSE) : describe_day (date);
  g_free (self->title);
  g_free (self->subtitle);
  /* The versions' dates under the title. */
  self->subtitle = since ? jp_version_describe (self->db, since, TRUE) : NULL;
  if (until != NULL)
    {
      g_autofree char *to = jp_version_describe (self->db, until, TRUE);
      g_autofree char *both = self->subtitle;

      /* Translators: two versions compared, under the title. */
      self->subtitle = g_strdup_printf (C_("versions", "%1$s to %2$s"), both ? both : from, to);
    }
  if (until != NULL)
    {
      g_autofree char *to = jp_version_describe (self->db, until, FALSE);

      /* Translators: the title of the changes between two versions. */
      self->title = g_strdup_printf (_("Changes from %1$s to %2$s"), from, to);
    }
  else
    /* Translators: the title of the changes since a date or a version. */
    self->title = g_strdup_printf (_("Changes since %s"), from);

  g_clear_pointer (&self->old_snapshot, _jp_snapshot_free);
  g_clear_pointer (&self->new_snapshot, _jp_snapshot_free);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  root = jp_store_get_root (JP_STORE (self->db));
  self->pending = 2;
  set_busy (self, TRUE);
  jp_database_load_snapshot_at_async (self->db, jp_item_get_id (root), old_seq, self->cancellable,
                                      on_old_loaded, g_object_ref (self));
  jp_database_load_snapshot_at_async (self->db, jp_item_get_id (root), new_seq, self->cancellable,
                                      on_new_loaded, g_object_ref (self));
}

static void
jp_changes_dialog_dispose (GObject *object)
{
  JpChangesDialog *self = JP_CHANGES_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->db);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->old_snapshot, _jp_snapshot_free);
  g_clear_pointer (&self->new_snapshot, _jp_snapshot_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), JP_TYPE_CHANGES_DIALOG);

  G_OBJECT_CLASS (jp_changes_dialog_parent_class)->dispose (object);
}

static void
jp_changes_dialog_class_init (JpChangesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_changes_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-changes-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JpChangesDialog, since_row);
  gtk_widget_class_bind_template_child (widget_class, JpChangesDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, JpChangesDialog, date_group);
  gtk_widget_class_bind_template_child (widget_class, JpChangesDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, JpChangesDialog, show_button);
  gtk_widget_class_bind_template_child (widget_class, JpChangesDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_since_selected);
  gtk_widget_class_bind_template_callback (widget_class, jp_changes_dialog_show_changes);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jp_changes_dialog_init (JpChangesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

JpChangesDialog *
jp_changes_dialog_new (JpWindow *window)
{
  JpChangesDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (JP_IS_WINDOW (window), NULL);

  self = g_object_new (JP_TYPE_CHANGES_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->db = g_object_ref (jp_window_get_database (window));
  self->versions = jp_database_list_versions (self->db, &error);
  if (self->versions == NULL)
    {
      g_warning ("Could not list the versions: %s", error->message);
      self->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_version_free);
    }
  fill_rows (self);
  on_since_selected (self);
  return self;
}

void
jp_changes_dialog_set_since_date (JpChangesDialog *self,
                                  GDateTime       *date)
{
  g_return_if_fail (JP_IS_CHANGES_DIALOG (self));
  g_return_if_fail (date != NULL);

  adw_combo_row_set_selected (self->since_row, 0);
  gtk_calendar_select_day (self->calendar, date);
}

gboolean
jp_changes_dialog_set_since_version (JpChangesDialog *self,
                                     gint64           id)
{
  g_return_val_if_fail (JP_IS_CHANGES_DIALOG (self), FALSE);

  return select_version (self, self->since_row, id);
}

gboolean
jp_changes_dialog_set_until_version (JpChangesDialog *self,
                                     gint64           id)
{
  g_return_val_if_fail (JP_IS_CHANGES_DIALOG (self), FALSE);

  if (id == 0)
    {
      adw_combo_row_set_selected (self->until_row, 0);
      return TRUE;
    }
  return select_version (self, self->until_row, id);
}

gboolean
jp_changes_dialog_is_busy (JpChangesDialog *self)
{
  g_return_val_if_fail (JP_IS_CHANGES_DIALOG (self), FALSE);

  return self->pending > 0;
}
