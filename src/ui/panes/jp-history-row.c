/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-history-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/print/jp-contacts-dates.h"
#include "model/jp-differences.h"
#include "ui/jp-change-ui.h"
#include "ui/jp-difference-ui.h"
#include "ui/jp-kind-ui.h"
#include "ui/panes/jp-history-row.h"
#include "ui/window/jp-error-report.h"

struct _JpHistoryRow
{
  AdwActionRow    parent_instance;

  JpStore        *store;
  JpItem         *item;
  JpHistoryEntry *entry;
  gboolean        read_only;

  GtkLabel       *when_label;
  GtkLabel       *who_label;
  GtkWidget      *undone_tag;
  GtkWidget      *restore_button;
};

G_DEFINE_FINAL_TYPE (JpHistoryRow, jp_history_row, ADW_TYPE_ACTION_ROW)

char *
jp_history_describe_subject (const JpHistoryEntry *entry,
                             JpKind                kind)
{
  g_return_val_if_fail (entry != NULL, NULL);

  switch (entry->kind)
    {
    case JP_CHANGE_TEXT:
      /* Translators: a text that changed and its language: "Title (French)". */
      return g_strdup_printf (_("%s (%s)"), jp_text_field_get_title (entry->detail / JP_N_LANGS, kind),
                              jp_lang_get_title (entry->detail % JP_N_LANGS));
    case JP_CHANGE_FIELD:
      return g_strdup (jp_field_get_title (entry->detail));
    case JP_CHANGE_PHASE:
      return g_strdup (_("Phase"));
    case JP_CHANGE_STATUS:
      return g_strdup (_("Status"));
    case JP_CHANGE_LINK:
      return g_strdup (_("Policy Areas"));
    case JP_CHANGE_ADD:
      /* Translators: in an item's history: the item was made. */
      return g_strdup (C_("history", "Added"));
    case JP_CHANGE_REMOVE:
      /* Translators: in an item's history: the item was removed. */
      return g_strdup (C_("history", "Removed"));
    case JP_CHANGE_MOVE:
      /* Translators: in an item's history: the item got another place. */
      return g_strdup (C_("history", "Moved"));
    case JP_CHANGE_NONE:
    case JP_CHANGE_IMPORT:
    case JP_CHANGE_NEW_PLAN:
    case JP_CHANGE_CLOSE_YEAR:
    default:
      return g_strdup (_("Change"));
    }
}

char *
jp_history_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  iso = g_date_time_format (local, "%Y-%m-%d");
  day = jp_contacts_format_date (iso);
  clock = g_date_time_format (local, "%H:%M");
  /* Translators: when a change was made: a date (%1$s, "30 November
   * 2026") and a time of day (%2$s, "14:02"). */
  return g_strdup_printf (C_("date and time", "%1$s, %2$s"), day ? day : iso, clock);
}

/* A value as the pane shows it, or NULL for none. */
static char *
show_value (const JpHistoryEntry *entry,
            const char           *value)
{
  JpStatus status;
  JpPhase phase;

  if (value == NULL || *value == '\0')
    return NULL;
  switch (entry->kind)
    {
    case JP_CHANGE_STATUS:
      return jp_status_from_string (value, &status) ? g_strdup (jp_status_get_title (status)) : g_strdup (value);
    case JP_CHANGE_PHASE:
      return jp_phase_from_string (value, &phase) ? g_strdup (jp_phase_get_title (phase)) : g_strdup (value);
    case JP_CHANGE_FIELD:
      if (entry->detail == JP_FIELD_VALID_FROM || entry->detail == JP_FIELD_VALID_UNTIL ||
          entry->detail == JP_FIELD_PROGRESS_DATE)
        {
          char *day = jp_contacts_format_date (value);

          if (day != NULL)
            return day;
        }
      return g_strdup (value);
    case JP_CHANGE_ADD:
    case JP_CHANGE_REMOVE:
    case JP_CHANGE_MOVE:
      /* The store's record of the item or its place: the row's title
       * says what happened. */
      return NULL;
    case JP_CHANGE_TEXT:
    case JP_CHANGE_NONE:
    case JP_CHANGE_LINK:
    case JP_CHANGE_IMPORT:
    case JP_CHANGE_NEW_PLAN:
    case JP_CHANGE_CLOSE_YEAR:
    default:
      return g_strdup (value);
    }
}

/* A text's change: its words, the removed struck through and the added
 * underlined, with a few words around each change. */
static char *
text_markup (const char *old_text,
             const char *new_text)
{
  g_autoptr(GPtrArray) words = jp_words_compare (old_text, new_text);

  return jp_words_to_markup (words, 40);
}

/* "old → new" as Pango markup, a text's changed words marked. */
static char *
value_markup (const JpHistoryEntry *entry)
{
  g_autofree char *old_value = show_value (entry, entry->old_value);
  g_autofree char *new_value = show_value (entry, entry->new_value);
  g_autofree char *old_escaped = NULL;
  g_autofree char *new_escaped = NULL;

  if (entry->kind == JP_CHANGE_TEXT)
    return text_markup (entry->old_value, entry->new_value);
  if (old_value == NULL && new_value == NULL)
    return NULL;
  /* Translators: a value that was empty, in an item's history. */
  old_escaped = g_markup_escape_text (old_value ? old_value : C_("value", "None"), -1);
  new_escaped = g_markup_escape_text (new_value ? new_value : C_("value", "None"), -1);
  return g_strdup_printf ("%s → %s", old_escaped, new_escaped);
}

static gboolean
equal_values (const char *a,
              const char *b)
{
  return g_strcmp0 (a && *a ? a : NULL, b && *b ? b : NULL) == 0;
}

/* Whether the entry's old value can be set back and is not the value now. */
static gboolean
restorable (JpItem               *item,
            const JpHistoryEntry *entry)
{
  JpStatus status;
  JpPhase phase;

  switch (entry->kind)
    {
    case JP_CHANGE_TEXT:
      return !equal_values (entry->old_value,
                            jp_item_get_text (item, entry->detail / JP_N_LANGS, entry->detail % JP_N_LANGS));
    case JP_CHANGE_FIELD:
      /* The date of progress is the store's to set. */
      return entry->detail != JP_FIELD_PROGRESS_DATE &&
             !equal_values (entry->old_value, jp_item_get_field (item, entry->detail));
    case JP_CHANGE_STATUS:
      return jp_status_from_string (entry->old_value, &status) && status != jp_item_get_status (item);
    case JP_CHANGE_PHASE:
      return jp_phase_from_string (entry->old_value, &phase) && phase != jp_item_get_phase (item);
    case JP_CHANGE_NONE:
    case JP_CHANGE_ADD:
    case JP_CHANGE_REMOVE:
    case JP_CHANGE_MOVE:
    case JP_CHANGE_LINK:
    case JP_CHANGE_IMPORT:
    case JP_CHANGE_NEW_PLAN:
    case JP_CHANGE_CLOSE_YEAR:
    default:
      return FALSE;
    }
}

gboolean
jp_history_row_restore (JpHistoryRow  *self,
                        GError       **error)
{
  const JpHistoryEntry *e;
  JpStatus status = JP_STATUS_NONE;
  JpPhase phase = JP_PHASE_NONE;

  g_return_val_if_fail (JP_IS_HISTORY_ROW (self), FALSE);

  e = self->entry;
  /* A step of its own, not one with the typing just before: a step begun
   * and let go, with nothing written, ends that one. */
  if (jp_store_begin_step (self->store, FALSE, NULL))
    jp_store_rollback (self->store);
  switch (e->kind)
    {
    case JP_CHANGE_TEXT:
      return jp_store_set_text (self->store, self->item, e->detail / JP_N_LANGS, e->detail % JP_N_LANGS,
                                e->old_value ? e->old_value : "", error);
    case JP_CHANGE_FIELD:
      return jp_store_set_field (self->store, self->item, e->detail, e->old_value, error);
    case JP_CHANGE_STATUS:
      jp_status_from_string (e->old_value, &status);
      return jp_store_set_status (self->store, self->item, status, error);
    case JP_CHANGE_PHASE:
      jp_phase_from_string (e->old_value, &phase);
      return jp_store_set_phase (self->store, self->item, phase, error);
    case JP_CHANGE_NONE:
    case JP_CHANGE_ADD:
    case JP_CHANGE_REMOVE:
    case JP_CHANGE_MOVE:
    case JP_CHANGE_LINK:
    case JP_CHANGE_IMPORT:
    case JP_CHANGE_NEW_PLAN:
    case JP_CHANGE_CLOSE_YEAR:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
on_restore_clicked (JpHistoryRow *self)
{
  g_autoptr(GError) error = NULL;

  if (!jp_history_row_restore (self, &error))
    jp_widget_report_error (GTK_WIDGET (self), error);
}

static void
jp_history_row_dispose (GObject *object)
{
  JpHistoryRow *self = JP_HISTORY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), JP_TYPE_HISTORY_ROW);
  g_clear_object (&self->store);
  g_clear_object (&self->item);
  g_clear_pointer (&self->entry, jp_history_entry_free);

  G_OBJECT_CLASS (jp_history_row_parent_class)->dispose (object);
}

static void
jp_history_row_class_init (JpHistoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_history_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-history-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JpHistoryRow, when_label);
  gtk_widget_class_bind_template_child (widget_class, JpHistoryRow, who_label);
  gtk_widget_class_bind_template_child (widget_class, JpHistoryRow, undone_tag);
  gtk_widget_class_bind_template_child (widget_class, JpHistoryRow, restore_button);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_clicked);
}

static void
jp_history_row_init (JpHistoryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_history_row_new (JpStore        *store,
                    JpItem         *item,
                    JpHistoryEntry *entry,
                    gboolean        read_only)
{
  JpHistoryRow *self;
  g_autofree char *subject = NULL;
  g_autofree char *subject_escaped = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (JP_IS_STORE (store), NULL);
  g_return_val_if_fail (JP_IS_ITEM (item), NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (JP_TYPE_HISTORY_ROW, NULL);
  self->store = g_object_ref (store);
  self->item = g_object_ref (item);
  self->entry = entry;
  self->read_only = read_only;

  subject = jp_history_describe_subject (entry, jp_item_get_kind (item));
  subject_escaped = g_markup_escape_text (subject, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), subject_escaped);
  markup = value_markup (entry);
  if (markup != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), markup);
  when = jp_history_format_time (entry->time);
  gtk_label_set_label (self->when_label, when);
  gtk_label_set_label (self->who_label, entry->who ? entry->who : "");
  gtk_widget_set_visible (GTK_WIDGET (self->who_label), entry->who && *entry->who);
  gtk_widget_set_visible (self->undone_tag, entry->undone);
  gtk_widget_set_visible (self->restore_button, jp_history_row_can_restore (self));
  return GTK_WIDGET (self);
}

const JpHistoryEntry *
jp_history_row_get_entry (JpHistoryRow *self)
{
  g_return_val_if_fail (JP_IS_HISTORY_ROW (self), NULL);

  return self->entry;
}

gboolean
jp_history_row_can_restore (JpHistoryRow *self)
{
  g_return_val_if_fail (JP_IS_HISTORY_ROW (self), FALSE);

  return !self->read_only && restorable (self->item, self->entry);
}
