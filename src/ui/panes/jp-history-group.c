/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-history-group"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/store/jp-history.h"
#include "ui/panes/jp-history-group.h"
#include "ui/panes/jp-history-row.h"
#include "ui/window/jp-error-report.h"

struct _JpHistoryGroup
{
  AdwPreferencesGroup  parent_instance;

  JpStore        *store;
  JpItem         *item;
  gboolean        read_only;
  /* The rows show the history as it is. */
  gboolean        loaded;
  guint           idle_id;
  GPtrArray      *rows;      /* the expander's rows */
  guint           n_changes;

  AdwExpanderRow *expander;
};

G_DEFINE_FINAL_TYPE (JpHistoryGroup, jp_history_group, ADW_TYPE_PREFERENCES_GROUP)

static void
clear_rows (JpHistoryGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_expander_row_remove (self->expander, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  self->n_changes = 0;
}

static void
add_row (JpHistoryGroup *self,
         GtkWidget      *row)
{
  adw_expander_row_add_row (self->expander, row);
  g_ptr_array_add (self->rows, row);
}

static void
load (JpHistoryGroup *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;

  clear_rows (self);
  self->loaded = TRUE;
  entries = jp_database_get_item_history (JP_DATABASE (self->store), jp_item_get_id (self->item), &error);
  if (entries == NULL)
    {
      jp_widget_report_error (GTK_WIDGET (self), error);
      return;
    }
  g_ptr_array_set_free_func (entries, NULL);
  for (guint i = 0; i < entries->len; i++)
    add_row (self, jp_history_row_new (self->store, self->item, entries->pdata[i], self->read_only));
  self->n_changes = entries->len;
  if (entries->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No changes recorded"));
      gtk_widget_add_css_class (row, "dim-label");
      add_row (self, row);
    }
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", entries->len),
                              entries->len);
  adw_expander_row_set_subtitle (self->expander, subtitle);
}

static gboolean
reload_idle (gpointer data)
{
  JpHistoryGroup *self = data;

  self->idle_id = 0;
  if (adw_expander_row_get_expanded (self->expander))
    load (self);
  return G_SOURCE_REMOVE;
}

/* Something changed: read again when open, else when opened next. */
static void
queue_reload (JpHistoryGroup *self)
{
  self->loaded = FALSE;
  if (self->idle_id == 0 && adw_expander_row_get_expanded (self->expander))
    self->idle_id = g_idle_add (reload_idle, self);
}

static void
on_expanded (JpHistoryGroup *self)
{
  if (adw_expander_row_get_expanded (self->expander) && !self->loaded && self->store != NULL)
    load (self);
}

static void
jp_history_group_dispose (GObject *object)
{
  JpHistoryGroup *self = JP_HISTORY_GROUP (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), JP_TYPE_HISTORY_GROUP);
  g_clear_object (&self->store);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (jp_history_group_parent_class)->dispose (object);
}

static void
jp_history_group_finalize (GObject *object)
{
  g_ptr_array_unref (JP_HISTORY_GROUP (object)->rows);

  G_OBJECT_CLASS (jp_history_group_parent_class)->finalize (object);
}

static void
jp_history_group_class_init (JpHistoryGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_history_group_dispose;
  object_class->finalize = jp_history_group_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-history-group.ui");
  gtk_widget_class_bind_template_child (widget_class, JpHistoryGroup, expander);
  gtk_widget_class_bind_template_callback (widget_class, on_expanded);
}

static void
jp_history_group_init (JpHistoryGroup *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
jp_history_group_bind (JpHistoryGroup *self,
                       JpStore        *store,
                       JpItem         *item)
{
  g_return_if_fail (JP_IS_HISTORY_GROUP (self));
  g_return_if_fail (JP_IS_STORE (store));
  g_return_if_fail (JP_IS_ITEM (item));
  g_return_if_fail (self->store == NULL);

  /* Only the SQLite file keeps a history. */
  gtk_widget_set_visible (GTK_WIDGET (self), JP_IS_DATABASE (store));
  if (!JP_IS_DATABASE (store))
    return;
  self->store = g_object_ref (store);
  self->item = g_object_ref (item);
  g_signal_connect_object (item, "notify::revision", G_CALLBACK (queue_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reloaded", G_CALLBACK (queue_reload), self, G_CONNECT_SWAPPED);
}

void
jp_history_group_set_read_only (JpHistoryGroup *self,
                                gboolean        read_only)
{
  g_return_if_fail (JP_IS_HISTORY_GROUP (self));

  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  queue_reload (self);
  if (self->idle_id != 0)
    {
      g_clear_handle_id (&self->idle_id, g_source_remove);
      load (self);
    }
}

void
jp_history_group_set_expanded (JpHistoryGroup *self,
                               gboolean        expanded)
{
  g_return_if_fail (JP_IS_HISTORY_GROUP (self));

  adw_expander_row_set_expanded (self->expander, expanded);
}

guint
jp_history_group_get_n_changes (JpHistoryGroup *self)
{
  g_return_val_if_fail (JP_IS_HISTORY_GROUP (self), 0);

  return self->n_changes;
}
