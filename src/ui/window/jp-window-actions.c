/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/window/jp-export-dialog.h"
#include "ui/window/jp-import-dialog.h"
#include "ui/panes/jp-item-row.h"
#include "ui/jp-kind-ui.h"
#include "ui/panes/jp-pane.h"
#include "ui/panes/jp-text-row.h"
#include "ui/window/jp-window-private.h"
#include "model/jp-structure.h"
#include "model/exchange/jp-xml.h"

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
    return jp_database_lookup (self->db, id);

  for (focus = gtk_root_get_focus (GTK_ROOT (self)); focus; focus = gtk_widget_get_parent (focus))
    {
      if (JP_IS_TEXT_ROW (focus))
        return g_object_ref (jp_text_row_get_item (JP_TEXT_ROW (focus)));
      if (JP_IS_ITEM_ROW (focus))
        return g_object_ref (jp_item_row_get_item (JP_ITEM_ROW (focus)));
    }
  return self->item ? g_object_ref (self->item) : NULL;
}

static void
flush (JpWindow *self)
{
  GtkWidget *pane = adw_bin_get_child (self->content_bin);

  if (pane != NULL)
    jp_pane_flush (pane);
}

typedef gboolean (*StructureChange) (JpDatabase  *db,
                                     JpItem      *item,
                                     GError     **error);

/* Runs a change of structure on the target.  A move the structure does
 * not allow (a key pressed at the edge) does nothing, as in a text
 * editor; other failures are reported. */
static void
restructure (JpWindow        *self,
             GVariant        *parameter,
             StructureChange  change)
{
  g_autoptr(JpItem) item = _jp_window_get_target (self, parameter);
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;
  flush (self);
  if (!change (self->db, item, &error) &&
      !g_error_matches (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID))
    jp_window_report_error (self, error);
}

static gboolean
move_up (JpDatabase  *db,
         JpItem      *item,
         GError     **error)
{
  return jp_database_move_item_by (db, item, -1, error);
}

static gboolean
move_down (JpDatabase  *db,
           JpItem      *item,
           GError     **error)
{
  return jp_database_move_item_by (db, item, +1, error);
}

static void
move_up_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  restructure (JP_WINDOW (widget), parameter, move_up);
}

static void
move_down_cb (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  restructure (JP_WINDOW (widget), parameter, move_down);
}

static void
indent_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  restructure (JP_WINDOW (widget), parameter, jp_database_indent_item);
}

static void
outdent_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  restructure (JP_WINDOW (widget), parameter, jp_database_outdent_item);
}

static void
remove_now (JpWindow *self,
            JpItem   *item)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  flush (self);
  label = g_strdup (jp_item_get_label (item));
  if (g_utf8_strlen (label, -1) > 40)
    {
      char *end = g_utf8_offset_to_pointer (label, 39);
      *end = '\0';
      title = g_strdup_printf (_("“%s…” removed"), label);
    }
  else if (*label == '\0')
    title = g_strdup_printf (_("%s removed"), jp_kind_get_title (jp_item_get_kind (item)));
  else
    title = g_strdup_printf (_("“%s” removed"), label);

  if (!jp_database_remove_item (self->db, item, &error))
    {
      jp_window_report_error (self, error);
      return;
    }
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Whether removing @item takes much with it, and so asks first. */
static gboolean
is_large (JpItem *item)
{
  switch (jp_item_get_kind (item))
    {
    case JP_KIND_PROGRAMME:
    case JP_KIND_PART:
    case JP_KIND_AREA:
    case JP_KIND_CHAPTER:
    case JP_KIND_SECTION:
      return TRUE;
    default:
      return FALSE;
    }
}

/* "3 sections, 11 projects and 11 working groups": what @item holds. */
static char *
describe_contents (JpWindow *self,
                   JpItem   *item)
{
  guint sections = jp_database_count_descendants (self->db, item, JP_KIND_MASK (JP_KIND_SECTION));
  guint projects = jp_database_count_descendants (self->db, item, JP_KIND_MASK (JP_KIND_PROJECT));
  guint groups = jp_database_count_descendants (self->db, item, JP_KIND_MASK (JP_KIND_GROUP));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  char *result;

  if (sections > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u section", "%u sections", sections),
                                             sections));
  if (projects > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", projects),
                                             projects));
  if (groups > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u working group",
                                                          "%u working groups", groups),
                                             groups));
  if (parts->len == 0)
    return NULL;
  result = g_strdup (parts->pdata[0]);
  for (guint i = 1; i < parts->len; i++)
    {
      char *joined;

      if (i + 1 < parts->len)
        /* Translators: joins the first items of a list: "3 sections, 11 projects". */
        joined = g_strdup_printf (_("%s, %s"), result, (char *) parts->pdata[i]);
      else
        /* Translators: joins the last item of a list: "11 projects and 4 working groups". */
        joined = g_strdup_printf (_("%s and %s"), result, (char *) parts->pdata[i]);
      g_free (result);
      result = joined;
    }
  return result;
}

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    JpWindow         *self)
{
  JpItem *item = g_object_get_data (G_OBJECT (dialog), "jp-item");

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
  g_autofree char *heading = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (item == NULL)
    return;
  if (!is_large (item))
    {
      remove_now (self, item);
      return;
    }

  /* A section or chapter takes much with it: ask first.
   * Translators: %s is e.g. "5.7 Fiscale samenwerking". */
  heading = g_strdup_printf (_("Remove “%s”?"), jp_item_get_label (item));
  contents = describe_contents (self, item);
  if (contents != NULL)
    /* Translators: %s is what goes, e.g. "11 projects and 11 working groups". */
    body = g_strdup_printf (_("Removed with it: %s. You can undo this."), contents);
  else
    body = g_strdup (_("Its texts are removed with it. You can undo this."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "jp-item", g_steal_pointer (&item), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

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
  switch (jp_item_get_kind (item))
    {
    case JP_KIND_PROJECT:
    case JP_KIND_GROUP:
    case JP_KIND_SECTION:
      jp_window_open_item (self, item);
      jp_pane_focus_text (adw_bin_get_child (self->content_bin), NULL);
      break;
    default:
      jp_pane_focus_text (adw_bin_get_child (self->content_bin), item);
      break;
    }
}

static void
add_item_cb (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  g_autoptr(JpItem) parent = NULL;
  g_autoptr(JpItem) item = NULL;
  g_autoptr(GError) error = NULL;
  const char *what;
  gint64 id;
  JpKind kind;
  JpPhase phase;

  g_variant_get (parameter, "(x&s)", &id, &what);
  /* 0 is the open item (the "+" of its pane's lists), whatever row has
   * the focus. */
  if (id != 0)
    parent = jp_database_lookup (self->db, id);
  else if (self->item != NULL)
    parent = g_object_ref (self->item);
  if (parent == NULL)
    return;
  flush (self);
  if (!parse_new_kind (what, &kind, &phase))
    return;
  item = jp_database_add_item_full (self->db, parent, kind, NULL, phase, JP_STATUS_NONE, &error);
  if (item == NULL)
    jp_window_report_error (self, error);
  else
    present_new_item (self, item);
}

/* ---------------------------------------------------------- undo, redo */

static void
undo_cb (GtkWidget  *widget,
         const char *action,
         GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  flush (self);
  if (!jp_database_undo (self->db, &error))
    jp_window_report_error (self, error);
}

static void
redo_cb (GtkWidget  *widget,
         const char *action,
         GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  flush (self);
  if (!jp_database_redo (self->db, &error))
    jp_window_report_error (self, error);
}

static void
search_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);

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
  _jp_window_show_contacts (JP_WINDOW (widget));
}

/* ------------------------------------------------------------- export */

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
      JpItem *parent = jp_database_get_parent (self->db, current);
      g_object_unref (current);
      current = parent;
    }
  return g_steal_pointer (&current);
}

static void
export_thread_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!jp_xml_export_finish (JP_DATABASE (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
jp_window_export (JpWindow            *self,
                  JpItem              *scope,
                  GFile               *file,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (JP_IS_WINDOW (self));
  g_return_if_fail (JP_IS_ITEM (scope));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, jp_window_export);
  g_task_set_task_data (task, g_strdup (jp_item_get_label (scope)), g_free);

  /* Reading and writing both run in a worker thread on a connection of
   * its own; the file is replaced atomically. */
  jp_xml_export_async (self->db, scope, file, self->cancellable, export_thread_done_cb,
                       g_steal_pointer (&task));
}

gboolean
jp_window_export_finish (JpWindow      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  JpWindow *self = JP_WINDOW (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;

  if (!jp_window_export_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        jp_window_report_error (self, error);
      return;
    }
  title = g_strdup_printf (_("Exported to “%s”"), name);
  _jp_window_show_toast (self, title);
}

static void
on_export_chosen (JpItem   *scope,
                  GFile    *file,
                  gpointer  user_data)
{
  JpWindow *self = user_data;

  _jp_window_set_chooser (self, NULL, NULL);
  if (file != NULL)
    jp_window_export (self, scope, file, export_done_cb, g_object_ref (file));
}

static void
export_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  g_autoptr(JpItem) scope = NULL;
  GtkNativeDialog *chooser;

  if (g_str_equal (action, "win.export-section"))
    scope = scope_of_kind (self, JP_KIND_SECTION);
  else if (g_str_equal (action, "win.export-chapter"))
    scope = scope_of_kind (self, JP_KIND_CHAPTER);
  else
    scope = jp_database_get_root (self->db);
  if (scope == NULL)
    return;
  chooser = jp_export_dialog_new (GTK_WINDOW (self), scope, on_export_chosen, self);
  _jp_window_set_chooser (self, chooser, action);
  gtk_native_dialog_show (chooser);
}

static GtkFileFilter *
xml_filter (void)
{
  return jp_xml_file_filter_new ();
}

/* ------------------------------------------------------------- import */

/* Work in a worker thread shows as the header's spinner, with what it
 * is doing as its tooltip.  (Never as a toast: libadwaita 1.2 can crash
 * when a toast is dismissed and another added soon after.) */
static void
set_busy (JpWindow   *self,
          const char *title)
{
  self->busy = title != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spinner), title);
  if (title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  else
    _jp_window_rebuild_if_pending (self);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JpWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *what = NULL;
  GtkWidget *dialog;

  set_busy (self, NULL);
  if (!jp_xml_import_finish (JP_DATABASE (source), result, &report, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        jp_window_report_error (self, error);
      return;
    }
  jp_sidebar_refresh (self->sidebar);
  /* The report stays until it is read. */
  name = g_file_get_basename (file);
  heading = g_strdup_printf (_("Imported “%s”"), name);
  what = jp_import_report_describe (report);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, what);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_response (JpImportDialog *dialog,
                    const char     *response,
                    JpWindow       *self)
{
  GFile *file = jp_import_dialog_get_file (dialog);
  g_autoptr(GHashTable) choices = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GTask *task;

  if (g_strcmp0 (response, "import") != 0)
    return;
  flush (self);
  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Importing “%s”…"), name);
  set_busy (self, title);
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  choices = jp_import_dialog_get_choices (dialog);
  jp_xml_import_full_async (self->db, file, jp_import_dialog_get_flags (dialog), choices, self->cancellable,
                            import_done_cb, task);
}

static void
dry_run_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JpWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  JpImportDialog *dialog;
  gboolean ok;

  set_busy (self, NULL);
  ok = jp_xml_import_finish (JP_DATABASE (source), result, &report, &error);
  /* A file that conflicts with edits made since it was sent, or that
   * would remove most of the plan, is for the person to decide. */
  if (!ok && (report == NULL || !(g_error_matches (error, JP_XML_ERROR, JP_XML_ERROR_EDIT_CONFLICT) ||
                                  g_error_matches (error, JP_XML_ERROR, JP_XML_ERROR_MASS_REMOVAL))))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        jp_window_report_error (self, error);
      return;
    }
  dialog = jp_import_dialog_new (GTK_WINDOW (self), file, report, ok ? NULL : error);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
jp_window_import (JpWindow *self,
                  GFile    *file)
{
  GTask *task;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (JP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->db == NULL)
    return;
  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Reading “%s”…"), name);
  set_busy (self, title);
  /* The task only carries the window and the file to the callback. */
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  jp_xml_import_async (self->db, file, JP_IMPORT_DRY_RUN, self->cancellable, dry_run_cb, task);
}

static void
on_import_chooser_response (GtkNativeDialog *chooser,
                            int              response,
                            JpWindow        *self)
{
  _jp_window_set_chooser (self, NULL, NULL);
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      jp_window_import (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = xml_filter ();

  chooser = gtk_file_chooser_native_new (_("Import"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chooser_response), self);
  _jp_window_set_chooser (self, GTK_NATIVE_DIALOG (chooser), action);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------ wiring */

void
_jp_window_set_chooser (JpWindow        *self,
                        GtkNativeDialog *chooser,
                        const char      *action)
{
  g_set_object (&self->chooser, chooser);
  g_free (self->chooser_action);
  self->chooser_action = g_strdup (action);
}

void
_jp_window_update_actions (JpWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_db = self->db != NULL;
  g_autoptr(JpItem) section = has_db ? scope_of_kind (self, JP_KIND_SECTION) : NULL;
  g_autoptr(JpItem) chapter = has_db ? scope_of_kind (self, JP_KIND_CHAPTER) : NULL;

  gtk_widget_action_set_enabled (widget, "win.undo", has_db && jp_database_can_undo (self->db));
  gtk_widget_action_set_enabled (widget, "win.redo", has_db && jp_database_can_redo (self->db));
  gtk_widget_action_set_enabled (widget, "win.export-section", section != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-chapter", chapter != NULL);
  for (const char * const *name = (const char * const[]) {
         "win.import", "win.export-plan", "win.show-contacts", "win.search", "win.open-item",
         "win.remove-item", "win.move-up", "win.move-down", "win.indent", "win.outdent",
         "win.add-item", NULL };
       *name; name++)
    gtk_widget_action_set_enabled (widget, *name, has_db);
}

void
_jp_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_cb);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "win.export-plan", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "win.export-chapter", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "win.export-section", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "win.show-contacts", NULL, show_contacts_cb);
  gtk_widget_class_install_action (widget_class, "win.open-item", "x", open_item_cb);
  gtk_widget_class_install_action (widget_class, "win.remove-item", "x", remove_item_cb);
  gtk_widget_class_install_action (widget_class, "win.move-up", "x", move_up_cb);
  gtk_widget_class_install_action (widget_class, "win.move-down", "x", move_down_cb);
  gtk_widget_class_install_action (widget_class, "win.indent", "x", indent_cb);
  gtk_widget_class_install_action (widget_class, "win.outdent", "x", outdent_cb);
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
