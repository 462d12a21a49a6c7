/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jp-area-pane.h"
#include "jp-chapter-pane.h"
#include "jp-contacts-page.h"
#include "jp-group-pane.h"
#include "jp-pane.h"
#include "jp-project-pane.h"
#include "jp-section-pane.h"
#include "jp-window-private.h"
#include "model/jp-xml.h"

G_DEFINE_FINAL_TYPE (JpWindow, jp_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
create_pane (JpWindow *self,
             JpItem   *item)
{
  GtkWidget *page;

  switch (jp_item_get_kind (item))
    {
    case JP_KIND_AREA:    return jp_area_pane_new (self->db, item);
    case JP_KIND_CHAPTER: return jp_chapter_pane_new (self->db, item);
    case JP_KIND_SECTION: return jp_section_pane_new (self->db, item);
    case JP_KIND_PROJECT: return jp_project_pane_new (self->db, item);
    case JP_KIND_GROUP:   return jp_group_pane_new (self->db, item);
    default:
      page = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), jp_kind_get_icon_name (jp_item_get_kind (item)));
      adw_status_page_set_title (ADW_STATUS_PAGE (page), jp_item_get_label (item));
      return page;
    }
}

static GtkWidget *
create_empty_page (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/int/benelux/Jaarplan/jp-empty-page.ui");

  return g_object_ref (GTK_WIDGET (gtk_builder_get_object (builder, "empty_page")));
}

static void
update_title (JpWindow *self)
{
  if (self->item == NULL)
    {
      adw_window_title_set_title (self->content_title, "");
      adw_window_title_set_subtitle (self->content_title, "");
      return;
    }
  adw_window_title_set_title (self->content_title, jp_item_get_label (self->item));
  adw_window_title_set_subtitle (self->content_title, jp_kind_get_title (jp_item_get_kind (self->item)));
}

static void
set_content (JpWindow  *self,
             JpItem    *item,
             GtkWidget *pane)
{
  GtkWidget *old = adw_bin_get_child (self->content_bin);

  /* What was typed in the old pane is stored before it goes. */
  if (old != NULL)
    jp_pane_flush (old);
  if (self->item)
    g_signal_handlers_disconnect_by_func (self->item, update_title, self);
  g_set_object (&self->item, item);
  if (self->item)
    g_signal_connect_object (self->item, "notify::label", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->content_bin, pane);
  update_title (self);
  _jp_window_update_actions (self);
}

static void
show_item (JpWindow *self,
           JpItem   *item)
{
  if (item != NULL && item == self->item)
    return;
  if (item == NULL)
    {
      g_autoptr(GtkWidget) empty = create_empty_page ();
      set_content (self, NULL, empty);
    }
  else
    set_content (self, item, create_pane (self, item));
  g_settings_set_string (self->settings, "last-item", item ? jp_item_get_uid (item) : "");
}

void
_jp_window_show_contacts (JpWindow *self)
{
  self->restoring = TRUE;
  jp_sidebar_select_item (self->sidebar, NULL);
  self->restoring = FALSE;
  set_content (self, NULL, jp_contacts_page_new (self->db));
  adw_window_title_set_title (self->content_title, _("Contacts"));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_selected_item (JpWindow *self)
{
  show_item (self, jp_sidebar_get_selected_item (self->sidebar));
  if (!self->restoring && self->item != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_item_activated (JpWindow *self,
                   JpItem   *item)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_tree_view_changed (JpWindow *self)
{
  g_autofree char *view = g_settings_get_string (self->settings, "tree-view");

  jp_sidebar_set_view (self->sidebar, g_str_equal (view, "chapters") ? JP_SIDEBAR_VIEW_CHAPTERS
                                                                     : JP_SIDEBAR_VIEW_AREAS);
  /* An item the new tree does not hold (a chapter among the areas)
   * stays open. */
  if (self->item && jp_sidebar_get_selected_item (self->sidebar) == NULL)
    {
      self->restoring = TRUE;
      jp_sidebar_select_item (self->sidebar, self->item);
      self->restoring = FALSE;
    }
}

void
jp_window_open_item (JpWindow *self,
                     JpItem   *item)
{
  g_return_if_fail (JP_IS_WINDOW (self));
  g_return_if_fail (item == NULL || JP_IS_ITEM (item));

  if (item != NULL && !jp_sidebar_select_item (self->sidebar, item))
    {
      /* Not in this tree (a chapter while the tree shows the areas). */
      show_item (self, item);
    }
  else if (item == NULL)
    jp_sidebar_select_item (self->sidebar, NULL);
  if (item != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_reload_response (AdwMessageDialog *dialog,
                    const char       *response,
                    JpWindow         *self)
{
  if (g_strcmp0 (response, "reload") == 0)
    jp_database_reload (self->db);
}

void
jp_window_report_error (JpWindow     *self,
                        const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (JP_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CONFLICT))
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Changed Elsewhere"), error->message);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "reload", _("_Reload"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reload");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_reload_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (error->domain == JP_XML_ERROR || strlen (error->message) > 120)
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Something Went Wrong"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  _jp_window_show_toast (self, error->message);
}

void
_jp_window_show_toast (JpWindow   *self,
                       const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         JpWindow      *self)
{
  GSList *files;

  if (self->db == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  jp_window_import (self, files->data);
  g_slist_free (files);
  return TRUE;
}

static void
save_window_state (JpWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
jp_window_close_request (GtkWindow *window)
{
  JpWindow *self = JP_WINDOW (window);
  GtkWidget *pane = adw_bin_get_child (self->content_bin);

  if (pane != NULL)
    jp_pane_flush (pane);
  save_window_state (self);
  return GTK_WINDOW_CLASS (jp_window_parent_class)->close_request (window);
}

static void
jp_window_dispose (GObject *object)
{
  JpWindow *self = JP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  /* The settings' action outlives the window's action group otherwise. */
  g_action_map_remove_action (G_ACTION_MAP (self), "tree-view");
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_WINDOW);
  if (self->item)
    g_signal_handlers_disconnect_by_func (self->item, update_title, self);
  g_clear_object (&self->item);
  g_clear_object (&self->busy_toast);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jp_window_parent_class)->dispose (object);
}

static void
jp_window_class_init (JpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jp_window_dispose;
  window_class->close_request = jp_window_close_request;

  g_type_ensure (JP_TYPE_SIDEBAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, sidebar_bin);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, content_bin);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, error_page);

  _jp_window_class_add_actions (widget_class);
}

static void
jp_window_init (JpWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

static void
restore_window_state (JpWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
setup_plan (JpWindow *self)
{
  g_autoptr(GAction) tree_view = g_settings_create_action (self->settings, "tree-view");
  g_autofree char *last = g_settings_get_string (self->settings, "last-item");
  g_autoptr(JpItem) item = NULL;
  g_autoptr(GtkWidget) empty = create_empty_page ();

  g_action_map_add_action (G_ACTION_MAP (self), tree_view);

  self->sidebar = JP_SIDEBAR (jp_sidebar_new (self->db));
  adw_bin_set_child (self->sidebar_bin, GTK_WIDGET (self->sidebar));
  g_object_bind_property (self->search_button, "active", self->sidebar, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->sidebar, "notify::selected-item", G_CALLBACK (on_selected_item), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "item-activated", G_CALLBACK (on_item_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::tree-view", G_CALLBACK (on_tree_view_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "notify::can-undo", G_CALLBACK (_jp_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "notify::can-redo", G_CALLBACK (_jp_window_update_actions), self, G_CONNECT_SWAPPED);

  set_content (self, NULL, empty);
  on_tree_view_changed (self);

  self->restoring = TRUE;
  if (*last != '\0' && (item = jp_database_lookup_uid (self->db, last)))
    jp_window_open_item (self, item);
  self->restoring = FALSE;
  gtk_stack_set_visible_child_name (self->main_stack, "plan");
}

JpWindow *
jp_window_new (JpApplication *application)
{
  JpWindow *self;
  JpDatabase *db;

  g_return_val_if_fail (JP_IS_APPLICATION (application), NULL);

  self = g_object_new (JP_TYPE_WINDOW, "application", application, NULL);
  self->settings = g_object_ref (jp_application_get_settings (application));
  restore_window_state (self);
  db = jp_application_get_database (application);
  if (db == NULL)
    {
      const GError *error = jp_application_get_error (application);

      if (error)
        adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      _jp_window_update_actions (self);
      return self;
    }
  self->db = g_object_ref (db);
  setup_plan (self);
  return self;
}

JpDatabase *
jp_window_get_database (JpWindow *self)
{
  g_return_val_if_fail (JP_IS_WINDOW (self), NULL);
  return self->db;
}

JpSidebar *
jp_window_get_sidebar (JpWindow *self)
{
  g_return_val_if_fail (JP_IS_WINDOW (self), NULL);
  return self->sidebar;
}

JpItem *
jp_window_get_item (JpWindow *self)
{
  g_return_val_if_fail (JP_IS_WINDOW (self), NULL);
  return self->item;
}

GtkWidget *
jp_window_get_pane (JpWindow *self)
{
  g_return_val_if_fail (JP_IS_WINDOW (self), NULL);
  return adw_bin_get_child (self->content_bin);
}
