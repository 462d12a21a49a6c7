/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/contacts/jp-contacts-page.h"
#include "ui/progress/jp-progress-page.h"
#include "ui/panes/jp-item-row.h"
#include "ui/jp-change-ui.h"
#include "ui/jp-kind-ui.h"
#include "ui/panes/jp-pane.h"
#include "ui/panes/jp-pane-types.h"
#include "ui/panes/jp-text-row.h"
#include "ui/window/jp-compare-dialog.h"
#include "ui/window/jp-remove-dialog.h"
#include "ui/window/jp-window-private.h"
#include "ui/window/jp-window-publish.h"
#include "model/jp-structure.h"

/* Each action finds what it acts on and hands the work to where it is
 * done: the model's structure rules, the dialogs, the window. */

/* ------------------------------------------------------------ targets */

/* The item an action with an int64 parameter means: the one with that id,
 * or for 0 the one the focus is on (a row of a pane's list), or else the
 * item shown. */
JpItem *
_jp_window_get_target (JpWindow *self,
                       GVariant *parameter)
{
  gint64 id = parameter ? g_variant_get_int64 (parameter) : 0;
  GtkWidget *focus;

  if (self->db == NULL)
    return NULL;
  if (id != 0)
    return jp_store_lookup (JP_STORE (self->db), id);

  for (focus = gtk_root_get_focus (GTK_ROOT (self)); focus; focus = gtk_widget_get_parent (focus))
    {
      if (JP_IS_TEXT_ROW (focus))
        return g_object_ref (jp_text_row_get_item (JP_TEXT_ROW (focus)));
      if (JP_IS_ITEM_ROW (focus))
        return g_object_ref (jp_item_row_get_item (JP_ITEM_ROW (focus)));
    }
  return self->item ? g_object_ref (self->item) : NULL;
}

/* The keyboard shortcuts, built when first asked for: GTK builds a
 * window's help overlay with the window, before its first frame. */
static void
show_shortcuts_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);

  if (self->shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/int/benelux/Jaarplan/jp-shortcuts-window.ui");

      self->shortcuts = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window")));
      gtk_window_set_transient_for (self->shortcuts, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts, TRUE);
    }
  gtk_window_present (self->shortcuts);
}

/* The open item, or the one with the id @id. */
static JpItem *
lookup_or_open (JpWindow *self,
                gint64    id)
{
  if (id != 0)
    return jp_store_lookup (JP_STORE (self->db), id);
  return self->item ? g_object_ref (self->item) : NULL;
}

/* The open item or the nearest above it of @kind. */
static JpItem *
scope_of_kind (JpWindow *self,
               JpKind    kind)
{
  g_autoptr(JpItem) current = NULL;

  if (self->item == NULL)
    return NULL;
  current = g_object_ref (self->item);
  while (current != NULL && jp_item_get_kind (current) != kind)
    {
      JpItem *parent = jp_store_get_parent (JP_STORE (self->db), current);
      g_object_unref (current);
      current = parent;
    }
  return g_steal_pointer (&current);
}

/* ---------------------------------------------------------- structure */

static gboolean
change_structure (JpDatabase  *db,
                  JpItem      *item,
                  const char  *action,
                  GError     **error)
{
  if (g_str_equal (action, "win.indent"))
    return jp_store_indent_item (JP_STORE (db), item, error);
  if (g_str_equal (action, "win.outdent"))
    return jp_store_outdent_item (JP_STORE (db), item, error);
  return jp_store_move_item_by (JP_STORE (db), item, g_str_equal (action, "win.move-up") ? -1 : +1, error);
}

/* Moves, indents or outdents the target.  A move the structure does not
 * allow (a key pressed at the edge) does nothing, as in a text editor;
 * other failures are reported. */
static void
restructure_cb (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  g_autoptr(JpItem) item = _jp_window_get_target (self, parameter);
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;
  _jp_window_flush (self);
  if (!change_structure (self->db, item, action, &error) &&
      !g_error_matches (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID))
    jp_window_report_error (self, error);
}

/* ------------------------------------------------- what was changed */

#define HISTORY_TOAST "jp-history-toast"
#define HISTORY_DISMISSED "jp-history-dismissed"
/* Longer than libadwaita's animation hiding a toast. */
#define TOAST_HIDE_MS 350

typedef struct {
  JpWindow *window;
  char     *title;
  gboolean  offer_undo;
} PendingToast;

static void
on_history_toast_dismissed (AdwToast *toast,
                            JpWindow *self)
{
  if (g_object_get_data (G_OBJECT (self), HISTORY_TOAST) == toast)
    g_object_set_data (G_OBJECT (self), HISTORY_TOAST, NULL);
  g_object_set_data (G_OBJECT (self), HISTORY_DISMISSED, GSIZE_TO_POINTER (g_get_monotonic_time () / 1000));
}

static void
show_pending_toast (gpointer data)
{
  PendingToast *pending = data;

  g_object_set_data (G_OBJECT (pending->window), HISTORY_DISMISSED, NULL);
  /* Unless the window was closed meanwhile. */
  if (pending->window->toast_overlay != NULL)
    _jp_window_show_history_toast (pending->window, pending->title, pending->offer_undo);
  g_object_unref (pending->window);
  g_free (pending->title);
  g_free (pending);
}

/* One toast says what was removed, undone or redone: while it shows it
 * is changed rather than replaced, and a new one waits until the last
 * one has gone (libadwaita 1.2 can crash when a toast is added while
 * another is still being hidden). */
void
_jp_window_show_history_toast (JpWindow   *self,
                               const char *title,
                               gboolean    offer_undo)
{
  AdwToast *toast = g_object_get_data (G_OBJECT (self), HISTORY_TOAST);
  gsize dismissed = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self), HISTORY_DISMISSED));
  gsize now = g_get_monotonic_time () / 1000;

  if (toast == NULL && dismissed != 0 && now - dismissed < TOAST_HIDE_MS)
    {
      PendingToast *pending = g_new0 (PendingToast, 1);

      pending->window = g_object_ref (self);
      pending->title = g_strdup (title);
      pending->offer_undo = offer_undo;
      g_timeout_add_once (TOAST_HIDE_MS - (now - dismissed), show_pending_toast, pending);
      return;
    }
  if (toast == NULL)
    {
      toast = adw_toast_new (title);
      g_object_set_data (G_OBJECT (self), HISTORY_TOAST, toast);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_history_toast_dismissed), self, 0);
      adw_toast_set_button_label (toast, offer_undo ? _("Undo") : NULL);
      adw_toast_set_action_name (toast, offer_undo ? "win.undo" : NULL);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  adw_toast_set_title (toast, title);
  adw_toast_set_button_label (toast, offer_undo ? _("Undo") : NULL);
  adw_toast_set_action_name (toast, offer_undo ? "win.undo" : NULL);
}

/* The nearest of @item and its ancestors that has a pane of its own. */
static JpItem *
item_with_pane (JpWindow *self,
                JpItem   *item)
{
  g_autoptr(JpItem) target = g_object_ref (item);

  while (target != NULL && jp_pane_type_for_kind (jp_item_get_kind (target)) == G_TYPE_INVALID)
    {
      JpItem *parent = jp_item_get_parent_id (target) ? jp_store_lookup (JP_STORE (self->db), jp_item_get_parent_id (target)) : NULL;

      g_object_unref (target);
      target = parent;
    }
  return g_steal_pointer (&target);
}

static gboolean
is_contacts_kind (JpKind kind)
{
  return kind == JP_KIND_CONTACTS || kind == JP_KIND_TEAM || kind == JP_KIND_SUBJECT || kind == JP_KIND_CONTACT;
}

/* Shows where @change was made (the item, or its parent when the item
 * is gone): an undo never changes a page the user does not see. */
static void
reveal_change (JpWindow       *self,
               const JpChange *change)
{
  JpStore *store = JP_STORE (self->db);
  g_autoptr(JpItem) item = change->item ? jp_store_lookup (store, change->item) : NULL;
  g_autoptr(JpItem) target = NULL;

  if (item == NULL && change->parent != 0)
    item = jp_store_lookup (store, change->parent);
  if (item == NULL)
    return;
  _jp_window_show_year_of (self, item);
  if (is_contacts_kind (jp_item_get_kind (item)))
    {
      if (!JP_IS_CONTACTS_PAGE (adw_bin_get_child (self->content_bin)))
        _jp_window_show_contacts (self);
      if (jp_item_get_kind (item) != JP_KIND_CONTACTS)
        jp_contacts_page_reveal_item (JP_CONTACTS_PAGE (adw_bin_get_child (self->content_bin)), item);
      return;
    }
  target = item_with_pane (self, item);
  if (target == NULL)
    return;
  jp_window_open_item (self, target);
  if (target != item)
    jp_pane_focus_text (adw_bin_get_child (self->content_bin), item);
}

/* -------------------------------------------------------------- remove */

/* Whether @item is @ancestor or lies under it. */
static gboolean
is_within (JpWindow *self,
           JpItem   *item,
           JpItem   *ancestor)
{
  gint64 id = jp_item_get_id (item);
  gint64 wanted = jp_item_get_id (ancestor);

  while (id != 0 && id != wanted)
    {
      g_autoptr(JpItem) up = jp_store_lookup (JP_STORE (self->db), id);

      id = up ? jp_item_get_parent_id (up) : 0;
    }
  return id != 0;
}

static void
remove_now (JpWindow *self,
            JpItem   *item)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autoptr(JpItem) parent = NULL;
  gboolean shown;

  _jp_window_flush (self);
  title = jp_remove_dialog_describe_removed (item);
  shown = self->item != NULL &&
          is_within (self, self->item, item);
  if (jp_item_get_parent_id (item) != 0)
    parent = jp_store_lookup (JP_STORE (self->db), jp_item_get_parent_id (item));
  if (!jp_store_remove_item (JP_STORE (self->db), item, &error))
    {
      jp_window_report_error (self, error);
      return;
    }
  /* What was open went with it: its parent opens instead. */
  if (shown && parent != NULL)
    {
      g_autoptr(JpItem) target = item_with_pane (self, parent);

      if (target != NULL)
        jp_window_open_item (self, target);
      /* The focus goes back to the list, not into a field of the pane. */
      gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
    }
  _jp_window_show_history_toast (self, title, TRUE);
}

/* Whether removing @item takes much with it, and so asks first. */
static gboolean
is_large (JpItem *item)
{
  return jp_kind_ui_get (jp_item_get_kind (item))->ask_remove;
}

static void
on_remove_response (GtkWidget  *dialog,
                    const char *response,
                    JpWindow   *self)
{
  JpItem *item = jp_remove_dialog_get_item (dialog);

  if (g_strcmp0 (response, "remove") == 0 && !jp_item_get_removed (item))
    remove_now (self, item);
}

static void
remove_item_cb (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  g_autoptr(JpItem) item = _jp_window_get_target (self, parameter);
  GtkWidget *dialog;

  if (item == NULL)
    return;
  if (!is_large (item))
    {
      remove_now (self, item);
      return;
    }
  dialog = jp_remove_dialog_new (GTK_WINDOW (self), self->db, item);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------- open, add */

static void
open_item_cb (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  g_autoptr(JpItem) item = _jp_window_get_target (self, parameter);

  if (item != NULL)
    jp_window_open_item (self, item);
}

/* What the "+" of a list adds: a kind, or a project of a phase. */
static gboolean
parse_new_kind (const char *what,
                JpKind     *kind,
                JpPhase    *phase)
{
  *phase = JP_PHASE_NONE;
  if (g_str_equal (what, "project-new"))
    *kind = JP_KIND_PROJECT, *phase = JP_PHASE_NEW;
  else if (g_str_equal (what, "project-ongoing"))
    *kind = JP_KIND_PROJECT, *phase = JP_PHASE_ONGOING;
  else
    return jp_kind_from_string (what, kind);
  return TRUE;
}

/* The new item is ready to be written: its pane opens, or its row in
 * the open pane, with the focus in its text. */
static void
present_new_item (JpWindow *self,
                  JpItem   *item)
{
  /* An item with a pane of its own opens it; others are rows of the
   * pane that is open. */
  if (jp_pane_type_for_kind (jp_item_get_kind (item)) != G_TYPE_INVALID)
    {
      jp_window_open_item (self, item);
      jp_pane_focus_text (adw_bin_get_child (self->content_bin), NULL);
    }
  else
    jp_pane_focus_text (adw_bin_get_child (self->content_bin), item);
}

/* Adds to @parent a child of the kind @what names, ready to be written. */
static void
add_child (JpWindow   *self,
           JpItem     *parent,
           const char *what)
{
  g_autoptr(JpItem) item = NULL;
  g_autoptr(GError) error = NULL;
  JpKind kind;
  JpPhase phase;

  if (!parse_new_kind (what, &kind, &phase))
    return;
  _jp_window_flush (self);
  item = jp_store_add_item_full (JP_STORE (self->db), parent, kind, NULL, phase, JP_STATUS_NONE, &error);
  if (item == NULL)
    jp_window_report_error (self, error);
  else
    present_new_item (self, item);
}

/* The parameter is the id of the parent (0: the open item, the "+" of
 * its pane's lists, whatever row has the focus) and the kind to add. */
static void
add_item_cb (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  g_autoptr(JpItem) parent = NULL;
  const char *what;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &what);
  parent = lookup_or_open (self, id);
  if (parent != NULL)
    add_child (self, parent, what);
}

/* ------------------------------------------------------ undo and more */

static void
history_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  JpStore *store = JP_STORE (self->db);
  gboolean redo = g_str_equal (action, "win.redo");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  JpChange change;
  gboolean ok;

  _jp_window_flush (self);
  if (!jp_store_get_history (store, redo, &change))
    return;
  /* Said while the item still reads as the change left it. */
  title = jp_change_describe (&change, store, redo);
  ok = redo ? jp_store_redo (store, &error) : jp_store_undo (store, &error);
  if (!ok)
    jp_window_report_error (self, error);
  else
    {
      reveal_change (self, &change);
      _jp_window_show_history_toast (self, title, FALSE);
    }
  jp_change_clear (&change);
}

void
_jp_window_add_history_keys (JpWindow *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  /* Captured before a field's own text undo swallows the keys (the
   * fields keep no history of their own: there is one, the plan's). */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("win.undo")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK)),
                                                          gtk_named_action_new ("win.redo")));
  gtk_widget_add_controller (GTK_WIDGET (self->content_bin), keys);
}

static void
search_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->main_stack, "plan");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  jp_sidebar_set_search_mode (self->sidebar, TRUE);
}

static void
go_back_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_contacts_cb (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  /* From the progress overview too. */
  gtk_stack_set_visible_child_name (JP_WINDOW (widget)->main_stack, "plan");
  _jp_window_show_contacts (JP_WINDOW (widget));
}

static void
compare_years_cb (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  jp_compare_dialog_show (JP_WINDOW (widget), parameter ? g_variant_get_uint32 (parameter) : 0);
}

/* ------------------------------------------------- progress overview */

void
jp_window_show_plan (JpWindow *self)
{
  g_return_if_fail (JP_IS_WINDOW (self));

  if (self->db != NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "plan");
}

static void
leave_progress (JpWindow *self)
{
  jp_window_show_plan (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
}

static void
on_progress_project (JpWindow *self,
                     JpItem   *project)
{
  leave_progress (self);
  jp_window_open_item (self, project);
}

/* The page, made the first time it is shown; NULL before. */
GtkWidget *
_jp_window_get_progress_page (JpWindow *self,
                              gboolean  create)
{
  AdwBin *bin = ADW_BIN (gtk_stack_get_child_by_name (self->main_stack, "progress"));
  GtkWidget *page = adw_bin_get_child (bin);

  if (page != NULL || !create)
    return page;
  page = jp_progress_page_new (JP_STORE (self->db));
  g_signal_connect_object (page, "go-back", G_CALLBACK (leave_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "project-activated", G_CALLBACK (on_progress_project), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (bin, page);
  return page;
}

void
_jp_window_show_progress (JpWindow *self)
{
  GtkWidget *page = _jp_window_get_progress_page (self, TRUE);

  _jp_window_flush (self);
  gtk_stack_set_visible_child_name (self->main_stack, "progress");
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
show_progress_cb (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  _jp_window_show_progress (JP_WINDOW (widget));
}

/* ---------------------------------------------------- import, export */

static void
export_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  g_autoptr(JpItem) scope = NULL;

  if (g_str_equal (action, "win.export-section"))
    scope = scope_of_kind (self, JP_KIND_SECTION);
  else if (g_str_equal (action, "win.export-chapter"))
    scope = scope_of_kind (self, JP_KIND_CHAPTER);
  else
    scope = jp_store_get_root (JP_STORE (self->db));
  if (scope != NULL)
    _jp_window_choose_export (self, scope, action);
}

/* Print Plan…, Export Plan as PDF… and the same for the chapter or the
 * section open. */
static void
publish_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  g_autoptr(JpItem) scope = NULL;

  if (g_str_has_suffix (action, "-section"))
    scope = scope_of_kind (self, JP_KIND_SECTION);
  else if (g_str_has_suffix (action, "-chapter"))
    scope = scope_of_kind (self, JP_KIND_CHAPTER);
  else
    scope = jp_store_get_root (JP_STORE (self->db));
  if (scope != NULL)
    jp_window_publish (self, scope, g_str_has_prefix (action, "win.print-"));
}

/* Ctrl+P prints what is shown: the contacts page, or else the plan. */
static void
print_cb (GtkWidget  *widget,
          const char *action,
          GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  GtkWidget *pane = jp_window_get_pane (self);

  if (JP_IS_CONTACTS_PAGE (pane))
    gtk_widget_activate_action (pane, "contacts.print", NULL);
  else
    gtk_widget_activate_action (widget, "win.print-plan", NULL);
}

/* Print Annual Report… and Export Annual Report…: of the open year. */
static void
report_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  jp_window_publish_report (JP_WINDOW (widget), g_str_equal (action, "win.print-report"));
}

static void
import_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  _jp_window_choose_import (JP_WINDOW (widget), action);
}

/* ------------------------------------------------------------ wiring */

void
_jp_window_update_actions (JpWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_db = self->db != NULL;
  g_autoptr(JpItem) section = has_db ? scope_of_kind (self, JP_KIND_SECTION) : NULL;
  g_autoptr(JpItem) chapter = has_db ? scope_of_kind (self, JP_KIND_CHAPTER) : NULL;

  gtk_widget_action_set_enabled (widget, "win.undo", has_db && jp_store_can_undo (JP_STORE (self->db)));
  gtk_widget_action_set_enabled (widget, "win.redo", has_db && jp_store_can_redo (JP_STORE (self->db)));
  gtk_widget_action_set_enabled (widget, "win.export-section", section != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-chapter", chapter != NULL);
  gtk_widget_action_set_enabled (widget, "win.print-section", section != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-pdf-section", section != NULL);
  gtk_widget_action_set_enabled (widget, "win.print-chapter", chapter != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-pdf-chapter", chapter != NULL);
  gtk_widget_action_set_enabled (widget, "win.compare-years", has_db && jp_compare_dialog_other_year (self->db) != 0);
  for (const char * const *name = (const char * const[]) {
         "win.import", "win.export-plan", "win.print", "win.print-plan", "win.export-pdf-plan", "win.show-contacts", "win.show-progress", "win.search", "win.open-item",
         "win.remove-item", "win.move-up", "win.move-down", "win.indent", "win.outdent",
         "win.add-item", "win.print-report", "win.export-report", "win.save-version", "win.show-changes", NULL };
       *name; name++)
    gtk_widget_action_set_enabled (widget, *name, has_db);
  _jp_window_years_update_actions (self);
}

void
_jp_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, history_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, history_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_cb);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "win.export-plan", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "win.export-chapter", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "win.export-section", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_cb);
  gtk_widget_class_install_action (widget_class, "win.print-plan", NULL, publish_cb);
  gtk_widget_class_install_action (widget_class, "win.print-chapter", NULL, publish_cb);
  gtk_widget_class_install_action (widget_class, "win.print-section", NULL, publish_cb);
  gtk_widget_class_install_action (widget_class, "win.export-pdf-plan", NULL, publish_cb);
  gtk_widget_class_install_action (widget_class, "win.export-pdf-chapter", NULL, publish_cb);
  gtk_widget_class_install_action (widget_class, "win.export-pdf-section", NULL, publish_cb);
  gtk_widget_class_install_action (widget_class, "win.print-report", NULL, report_cb);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, report_cb);
  gtk_widget_class_install_action (widget_class, "win.show-contacts", NULL, show_contacts_cb);
  gtk_widget_class_install_action (widget_class, "win.compare-years", "u", compare_years_cb);
  gtk_widget_class_install_action (widget_class, "win.show-progress", NULL, show_progress_cb);
  gtk_widget_class_install_action (widget_class, "win.open-item", "x", open_item_cb);
  gtk_widget_class_install_action (widget_class, "win.remove-item", "x", remove_item_cb);
  gtk_widget_class_install_action (widget_class, "win.move-up", "x", restructure_cb);
  gtk_widget_class_install_action (widget_class, "win.move-down", "x", restructure_cb);
  gtk_widget_class_install_action (widget_class, "win.indent", "x", restructure_cb);
  gtk_widget_class_install_action (widget_class, "win.outdent", "x", restructure_cb);
  gtk_widget_class_install_action (widget_class, "win.add-item", "(xs)", add_item_cb);

  /* Keys that act on the row with the focus (or the open item).  They are
   * the window's own, so that a text field keeps its Delete and arrows. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.remove-item", "x", (gint64) 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "win.move-up", "x", (gint64) 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "win.move-down", "x", (gint64) 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.indent", "x", (gint64) 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.outdent", "x", (gint64) 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
}
