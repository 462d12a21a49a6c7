/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ui/contacts/jp-contacts-page.h"
#include "ui/panes/jp-pane.h"
#include "ui/window/jp-compare-dialog.h"
#include "ui/window/jp-window-private.h"

/* The years in the window: the header's title opens a menu of the
 * database's years (win.year), making the next year's plan
 * (win.new-plan), comparing two years (win.compare-years, elsewhere)
 * and closing or reopening the open year.  A closed year is read only:
 * the store refuses its edits, and the window says so in a strip under
 * the header, turns the editing actions off and the fields read only.
 * So is the whole plan while its file is being checked (it was not
 * closed cleanly), and for good when the check finds it damaged. */

/* The actions that change the plan, off while the open year is closed. */
static const char * const editing_actions[] = {
  "win.import", "win.remove-item", "win.move-up", "win.move-down", "win.indent", "win.outdent", "win.add-item",
  NULL
};

static guint
latest_year (JpWindow *self)
{
  g_autoptr(GArray) years = jp_database_list_years (self->db);

  return years->len > 0 ? g_array_index (years, guint, years->len - 1) : 0;
}

gboolean
_jp_window_holds_item (JpWindow *self,
                       JpItem   *item)
{
  g_autoptr(JpItem) root = jp_store_get_root (JP_STORE (self->db));
  gint64 id = jp_item_get_id (item);
  gint64 parent = jp_item_get_parent_id (item);

  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);

  while (parent != 0)
    {
      g_autoptr(JpItem) up = jp_database_lookup (self->db, parent);

      id = parent;
      parent = up ? jp_item_get_parent_id (up) : 0;
    }
  return root != NULL && id == jp_item_get_id (root);
}

/* The item of the open year that continues @item (of @from), or that
 * @item continues: back through the links of continuation, forward by
 * the uid a carried item takes (its uid without the old year, with the
 * new one). */
static JpItem *
counterpart (JpWindow *self,
             JpItem   *item,
             guint     from,
             guint     to)
{
  g_autoptr(JpItem) step = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *base = NULL;
  g_autofree char *uid = NULL;
  const char *old_uid;

  if (item == NULL || jp_item_get_removed (item))
    return NULL;
  if (to < from)
    {
      step = g_object_ref (item);
      while (step != NULL)
        {
          gint64 previous = jp_database_get_continued (self->db, step);

          g_clear_object (&step);
          step = previous != 0 ? jp_database_lookup (self->db, previous) : NULL;
          if (step != NULL && _jp_window_holds_item (self, step))
            return g_steal_pointer (&step);
        }
      return NULL;
    }
  old_uid = jp_item_get_uid (item);
  suffix = g_strdup_printf ("-%u", from);
  base = g_str_has_suffix (old_uid, suffix) ? g_strndup (old_uid, strlen (old_uid) - strlen (suffix))
                                            : g_strdup (old_uid);
  uid = g_strdup_printf ("%s-%u", base, to);
  step = jp_database_lookup_uid (self->db, uid);
  if (step != NULL && _jp_window_holds_item (self, step))
    return g_steal_pointer (&step);
  return NULL;
}

gboolean
_jp_window_set_year (JpWindow  *self,
                     guint      year,
                     GError   **error)
{
  g_autoptr(JpItem) item = NULL;
  g_autoptr(JpItem) next = NULL;
  guint from;

  g_return_val_if_fail (JP_IS_WINDOW (self) && self->db != NULL, FALSE);

  from = jp_database_get_year (self->db);
  if (year == from)
    return TRUE;
  _jp_window_flush (self);
  item = self->item ? g_object_ref (self->item) : NULL;
  /* The window follows through ::reloaded: the tree, the title, the
   * contacts page, the menu. */
  if (!jp_database_set_year (self->db, year, error))
    return FALSE;
  if (JP_IS_CONTACTS_PAGE (adw_bin_get_child (self->content_bin)))
    return TRUE;
  next = counterpart (self, item, from, year);
  jp_window_open_item (self, next);
  return TRUE;
}

void
_jp_window_show_year_of (JpWindow *self,
                         JpItem   *item)
{
  g_autoptr(JpItem) root = g_object_ref (item);
  const char *number;
  guint64 year = 0;

  g_return_if_fail (JP_IS_ITEM (item));

  if (_jp_window_holds_item (self, item))
    return;
  while (jp_item_get_parent_id (root) != 0)
    {
      JpItem *up = jp_database_lookup (self->db, jp_item_get_parent_id (root));

      if (up == NULL)
        return;
      g_set_object (&root, up);
      g_object_unref (up);
    }
  number = jp_item_get_field (root, JP_FIELD_NUMBER);
  if (number != NULL && g_ascii_string_to_unsigned (number, 10, 1, 9999, &year, NULL))
    _jp_window_set_year (self, (guint) year, NULL);
}

/* ------------------------------------------------------------ the menu */

static void
rebuild_menu (JpWindow *self,
              guint     year,
              gboolean  closed)
{
  g_autoptr(GArray) years = jp_database_list_years (self->db);
  g_autoptr(GMenu) choices = g_menu_new ();
  g_autoptr(GMenu) plans = g_menu_new ();
  g_autoptr(GMenu) closing = g_menu_new ();
  g_autofree char *new_plan = NULL;
  g_autofree char *close = NULL;
  guint other = jp_compare_dialog_other_year (self->db);

  for (guint i = 0; i < years->len; i++)
    {
      guint y = g_array_index (years, guint, i);
      g_autofree char *label = g_strdup_printf ("%u", y);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.year", g_variant_new_uint32 (y));
      g_menu_append_item (choices, item);
    }

  /* Translators: a menu item; %u is the year after the latest plan's. */
  new_plan = g_strdup_printf (_("_New Plan for %u…"), years->len > 0 ? latest_year (self) + 1 : year + 1);
  g_menu_append (plans, new_plan, "win.new-plan");
  if (other != 0)
    {
      /* Translators: a menu item; %u is another year of the database. */
      g_autofree char *compare = g_strdup_printf (_("_Compare with %u…"), other);
      g_autoptr(GMenuItem) item = g_menu_item_new (compare, NULL);

      g_menu_item_set_action_and_target_value (item, "win.compare-years", g_variant_new_uint32 (other));
      g_menu_append_item (plans, item);
    }
  /* Translators: menu items; %u is the open year. */
  close = closed ? g_strdup_printf (_("_Reopen Year %u"), year) : g_strdup_printf (_("C_lose Year %u"), year);
  g_menu_append (closing, close, closed ? "win.reopen-year" : "win.close-year");

  g_menu_remove_all (self->year_menu);
  g_menu_append_section (self->year_menu, NULL, G_MENU_MODEL (choices));
  g_menu_append_section (self->year_menu, NULL, G_MENU_MODEL (plans));
  g_menu_append_section (self->year_menu, NULL, G_MENU_MODEL (closing));
}

static void
set_action_enabled (JpWindow   *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
_jp_window_years_guard_pane (JpWindow *self)
{
  GtkWidget *pane = adw_bin_get_child (self->content_bin);

  if (pane != NULL && self->year_closed)
    jp_pane_set_read_only (pane);
}

void
_jp_window_years_update_actions (JpWindow *self)
{
  if (self->db == NULL || !self->year_closed)
    return;
  for (const char * const *name = editing_actions; *name; name++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), *name, FALSE);
  /* Undo writes as well. */
  if (jp_database_get_integrity (self->db) != JP_DATABASE_INTEGRITY_OK)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", FALSE);
    }
}

/* What the strip says when the plan cannot be changed, or NULL. */
static char *
read_only_reason (JpWindow *self,
                  guint     year,
                  gboolean  year_closed)
{
  switch (jp_database_get_integrity (self->db))
    {
    case JP_DATABASE_INTEGRITY_CHECKING:
      /* Translators: the strip under the header while the plan file is
       * checked, after Jaarplan was not closed properly. */
      return g_strdup (_("Checking the plan file…"));
    case JP_DATABASE_INTEGRITY_DAMAGED:
      return g_strdup_printf (_("The plan file “%s” is damaged. It has not been changed; restore it from a backup "
                                "or import an exported plan into a new file."), jp_database_get_path (self->db));
    case JP_DATABASE_INTEGRITY_OK:
    default:
      break;
    }
  if (year_closed)
    /* Translators: the strip under the header of a closed year. */
    return g_strdup_printf (_("Annual Plan %u is closed: it can be read, printed and exported, "
                              "not changed."), year);
  return NULL;
}

/* The strip, the actions and the menu follow the open year and whether
 * it is closed; the tree follows a new open year. */
static void
update_years (JpWindow *self)
{
  g_autoptr(JpItem) root = jp_store_get_root (JP_STORE (self->db));
  guint year = jp_database_get_year (self->db);
  gboolean year_closed = jp_database_get_year_closed (self->db, year);
  g_autofree char *reason = read_only_reason (self, year, year_closed);
  gboolean closed = reason != NULL;
  g_autoptr(GArray) years = jp_database_list_years (self->db);
  g_autofree char *key = g_strdup_printf ("%u %d %u %u", year, year_closed, years->len, latest_year (self));
  GAction *action;

  if (root != NULL && (self->root == NULL || jp_item_get_id (root) != jp_item_get_id (self->root)))
    {
      if (self->root != NULL)
        g_signal_handlers_disconnect_by_func (self->root, _jp_window_update_plan_title, self);
      g_set_object (&self->root, root);
      g_signal_connect_object (self->root, "notify::number", G_CALLBACK (_jp_window_update_plan_title), self,
                               G_CONNECT_SWAPPED);
      jp_sidebar_refresh (self->sidebar);
      _jp_window_update_plan_title (self);
    }
  if (closed)
    gtk_label_set_label (self->closed_label, reason);
  /* The strip's Reopen button, beside its label, is for a closed year only. */
  gtk_widget_set_visible (gtk_widget_get_next_sibling (GTK_WIDGET (self->closed_label)),
                          year_closed && jp_database_get_integrity (self->db) == JP_DATABASE_INTEGRITY_OK);
  if (closed != self->year_closed)
    {
      self->year_closed = closed;
      gtk_revealer_set_reveal_child (self->closed_revealer, closed);
      /* Reopened, the pane is made editable again: built anew. */
      if (!closed)
        _jp_window_rebuild_pane (self);
      _jp_window_years_guard_pane (self);
      _jp_window_update_actions (self);
    }
  else if (closed)
    _jp_window_years_guard_pane (self);

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "year");
  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_uint32 (year));
  set_action_enabled (self, "close-year", !closed);
  set_action_enabled (self, "reopen-year", year_closed && jp_database_get_integrity (self->db) == JP_DATABASE_INTEGRITY_OK);
  if (g_strcmp0 (key, g_object_get_data (G_OBJECT (self), "jp-years-key")) == 0)
    return;
  g_object_set_data_full (G_OBJECT (self), "jp-years-key", g_steal_pointer (&key), g_free);
  rebuild_menu (self, year, year_closed);
}

/* ---------------------------------------------------------- the actions */

static void
on_year (GSimpleAction *action,
         GVariant      *state,
         gpointer       user_data)
{
  JpWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!_jp_window_set_year (self, g_variant_get_uint32 (state), &error))
    jp_window_report_error (self, error);
}

static void
set_closed (JpWindow *self,
            gboolean  closed)
{
  g_autoptr(GError) error = NULL;
  guint year = jp_database_get_year (self->db);
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;

  _jp_window_flush (self);
  if (!jp_database_set_year_closed (self->db, year, closed, &error))
    {
      jp_window_report_error (self, error);
      return;
    }
  update_years (self);
  label = g_strdup_printf ("%u", year);
  /* Translators: toasts; %s is a year. */
  title = closed ? g_strdup_printf (_("Annual plan %s closed"), label)
                 : g_strdup_printf (_("Annual plan %s reopened"), label);
  _jp_window_show_history_toast (self, title, TRUE);
}

static void
on_close_year (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  set_closed (user_data, TRUE);
}

static void
on_reopen_year (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  set_closed (user_data, FALSE);
}

static void
on_new_plan_response (AdwMessageDialog *dialog,
                      const char       *response,
                      JpWindow         *self)
{
  guint year = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "jp-year"));
  GtkWidget *check = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  JpNewPlanSummary summary;

  if (g_strcmp0 (response, "make") != 0)
    return;
  _jp_window_flush (self);
  if (!jp_database_new_plan (self->db, year, &summary, &error))
    {
      jp_window_report_error (self, error);
      return;
    }
  /* Closing the year it came from is a step of its own. */
  if (check != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) &&
      !jp_database_set_year_closed (self->db, summary.from_year, TRUE, &error))
    jp_window_report_error (self, error);
  g_clear_error (&error);
  if (!_jp_window_set_year (self, year, &error))
    jp_window_report_error (self, error);
  /* Translators: a toast; %u is the year of the plan just made. */
  title = g_strdup_printf (_("Annual plan %u made"), year);
  _jp_window_show_history_toast (self, title, TRUE);
}

static void
unfocus_when_active (GtkWindow *dialog)
{
  if (!gtk_window_is_active (dialog))
    return;
  g_signal_handlers_disconnect_by_func (dialog, unfocus_when_active, NULL);
  gtk_window_set_focus (dialog, NULL);
}

static void
on_new_plan (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  JpWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  g_autofree char *close = NULL;
  JpNewPlanSummary summary;
  guint year = latest_year (self) + 1;
  GtkWidget *dialog;

  /* What it will do is said before anything is made. */
  if (!jp_database_plan_new_year (self->db, year, &summary, &error))
    {
      jp_window_report_error (self, error);
      return;
    }
  text = jp_new_plan_summary_describe (&summary);
  /* Translators: the heading of a dialog; %u is the new year. */
  heading = g_strdup_printf (_("New Plan for %u?"), year);
  /* Translators: the new year (%1$u), the year it is made from (%2$u),
   * then what it carries over (%3$s: "carried over 112 projects …"). */
  body = g_strdup_printf (_("The plan for %1$u is made from the plan for %2$u, which stays as it is: %3$s."),
                          year, summary.from_year, text);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "make", _("_Make Plan"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "make", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "make");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (!jp_database_get_year_closed (self->db, summary.from_year))
    {
      /* Translators: a check box in the New Plan dialog; %u is the
       * year the new plan is made from. */
      close = g_strdup_printf (_("C_lose the plan for %u"), summary.from_year);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                          gtk_check_button_new_with_mnemonic (close));
      /* Enter makes the plan rather than ticking the box. */
      g_signal_connect (dialog, "notify::is-active", G_CALLBACK (unfocus_when_active), NULL);
    }
  g_object_set_data (G_OBJECT (dialog), "jp-year", GUINT_TO_POINTER (year));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_plan_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_jp_window_setup_years (JpWindow *self)
{
  const GActionEntry entries[] = {
    { .name = "year", .parameter_type = "u", .state = "uint32 0", .change_state = on_year },
    { .name = "new-plan", .activate = on_new_plan },
    { .name = "close-year", .activate = on_close_year },
    { .name = "reopen-year", .activate = on_reopen_year },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  g_clear_object (&self->year_menu);
  self->year_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->year_button, G_MENU_MODEL (self->year_menu));
  g_signal_connect_object (self->db, "reloaded", G_CALLBACK (update_years), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "notify::can-undo", G_CALLBACK (update_years), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "notify::can-redo", G_CALLBACK (update_years), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "notify::integrity", G_CALLBACK (update_years), self, G_CONNECT_SWAPPED);
  update_years (self);
}

void
_jp_window_years_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, JpWindow, year_button);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, closed_revealer);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, closed_label);
}
