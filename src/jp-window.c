/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jp-area-pane.h"
#include "jp-chapter-pane.h"
#include "jp-contacts-page.h"
#include "jp-error-report.h"
#include "jp-group-pane.h"
#include "jp-import-dialog.h"
#include "jp-kind-ui.h"
#include "jp-pane.h"
#include "jp-project-pane.h"
#include "jp-section-pane.h"
#include "jp-window-private.h"
#include "model/jp-xml.h"

G_DEFINE_FINAL_TYPE (JpWindow, jp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_EDIT_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The kinds that have a pane of their own: the others show their name. */
static GType
get_pane_type (JpItem *item)
{
  switch (item ? jp_item_get_kind (item) : JP_N_KINDS)
    {
    case JP_KIND_AREA:    return JP_TYPE_AREA_PANE;
    case JP_KIND_CHAPTER: return JP_TYPE_CHAPTER_PANE;
    case JP_KIND_SECTION: return JP_TYPE_SECTION_PANE;
    case JP_KIND_PROJECT: return JP_TYPE_PROJECT_PANE;
    case JP_KIND_GROUP:   return JP_TYPE_GROUP_PANE;
    default:              return G_TYPE_INVALID;
    }
}

static GtkWidget *
create_pane (JpWindow *self,
             JpItem   *item)
{
  GType type = get_pane_type (item);
  GtkWidget *page;

  if (type != G_TYPE_INVALID)
    return jp_pane_new (type, self->db, item, self->edit_language);
  page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), jp_kind_get_icon_name (jp_item_get_kind (item)));
  adw_status_page_set_title (ADW_STATUS_PAGE (page), jp_item_get_label (item));
  return page;
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

static gboolean
has_texts_pane (JpItem *item)
{
  return get_pane_type (item) != G_TYPE_INVALID;
}

static void show_item (JpWindow *self, JpItem *item);
static GVariant *settings_state (GSettings *settings);
static void jp_window_map (GtkWidget *widget);

/* The open item went away (removed, or its adding undone): its pane
 * gives way to the empty page rather than editing nothing. */
static void
on_open_item_removed (JpWindow *self)
{
  if (self->item != NULL && jp_item_get_removed (self->item))
    show_item (self, NULL);
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
    {
      g_signal_handlers_disconnect_by_func (self->item, update_title, self);
      g_signal_handlers_disconnect_by_func (self->item, on_open_item_removed, self);
    }
  g_set_object (&self->item, item);
  if (self->item)
    {
      g_signal_connect_object (self->item, "notify::label", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->item, "notify::removed", G_CALLBACK (on_open_item_removed), self,
                               G_CONNECT_SWAPPED);
    }
  adw_bin_set_child (self->content_bin, pane);
  gtk_widget_set_visible (self->language_box, has_texts_pane (self->item));
  update_title (self);
  _jp_window_update_actions (self);
}

/* ---------------------------------------------------- scroll positions */

static GtkScrolledWindow *
find_scrolled (GtkWidget *widget)
{
  if (widget == NULL)
    return NULL;
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return GTK_SCROLLED_WINDOW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scrolled (child);
      if (found)
        return found;
    }
  return NULL;
}

static double
get_scroll (GtkWidget *widget)
{
  GtkScrolledWindow *scrolled = find_scrolled (widget);

  return scrolled ? gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scrolled)) : 0;
}

static void
on_adjustment_changed (GtkAdjustment *adj,
                       gpointer       data)
{
  double *wanted = g_object_get_data (G_OBJECT (adj), "jp-wanted-value");

  if (wanted == NULL)
    return;
  gtk_adjustment_set_value (adj, *wanted);
  /* Done once the content is tall enough to hold the position. */
  if (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) >= *wanted)
    {
      g_signal_handlers_disconnect_by_func (adj, on_adjustment_changed, data);
      g_object_set_data (G_OBJECT (adj), "jp-wanted-value", NULL);
    }
}

/* Scrolls @widget's first scrolled window to @value, at once or as soon
 * as its content has grown tall enough. */
static void
set_scroll (GtkWidget *widget,
            double     value)
{
  GtkScrolledWindow *scrolled = find_scrolled (widget);
  GtkAdjustment *adj;
  double *wanted;

  if (scrolled == NULL || value <= 0)
    return;
  adj = gtk_scrolled_window_get_vadjustment (scrolled);
  wanted = g_new (double, 1);
  *wanted = value;
  g_object_set_data_full (G_OBJECT (adj), "jp-wanted-value", wanted, g_free);
  g_signal_handlers_disconnect_by_func (adj, on_adjustment_changed, NULL);
  g_signal_connect (adj, "changed", G_CALLBACK (on_adjustment_changed), NULL);
  on_adjustment_changed (adj, NULL);
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
  set_content (self, NULL, jp_contacts_page_new (self->db, self->settings));
  adw_window_title_set_title (self->content_title, _("Contacts"));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_selected_item (JpWindow *self)
{
  JpItem *selected = jp_sidebar_get_selected_item (self->sidebar);

  /* A search or the filter of untranslated items hiding the open item
   * does not close it. */
  if (selected == NULL && self->item != NULL && !self->restoring &&
      (jp_sidebar_get_search_mode (self->sidebar) || jp_sidebar_get_untranslated_only (self->sidebar)))
    return;
  show_item (self, selected);
  if (!self->restoring && self->item != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_item_activated (JpWindow *self,
                   JpItem   *item)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Once the tree shows the open item again, its row is selected. */
static void
reselect_open_item (JpWindow *self)
{
  if (self->item == NULL || jp_sidebar_get_selected_item (self->sidebar) != NULL)
    return;
  self->restoring = TRUE;
  jp_sidebar_select_item (self->sidebar, self->item);
  self->restoring = FALSE;
}

static void
on_untranslated_changed (JpWindow *self)
{
  jp_sidebar_set_untranslated_only (self->sidebar,
                                    g_settings_get_boolean (self->settings, "show-untranslated-only"));
  reselect_open_item (self);
}

static void
on_edit_language (GSimpleAction *action,
                  GVariant      *state,
                  gpointer       user_data)
{
  JpWindow *self = user_data;
  JpLang lang;

  if (jp_lang_from_string (g_variant_get_string (state, NULL), &lang))
    jp_window_set_edit_language (self, lang);
}

JpLang
jp_window_get_edit_language (JpWindow *self)
{
  g_return_val_if_fail (JP_IS_WINDOW (self), JP_LANG_NL);
  return self->edit_language;
}

void
jp_window_set_edit_language (JpWindow *self,
                             JpLang    lang)
{
  GtkWidget *pane;
  GAction *action;
  double scroll;

  g_return_if_fail (JP_IS_WINDOW (self));
  g_return_if_fail (lang < JP_N_LANGS);

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "edit-language");
  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (jp_lang_to_string (lang)));
  if (lang == self->edit_language)
    return;
  /* The fields edit the chosen language: what was typed is stored in the
   * other one first, then the pane is built again. */
  pane = adw_bin_get_child (self->content_bin);
  if (pane != NULL)
    jp_pane_flush (pane);
  self->edit_language = lang;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDIT_LANGUAGE]);
  if (!has_texts_pane (self->item))
    return;
  scroll = get_scroll (pane);
  pane = create_pane (self, self->item);
  set_content (self, self->item, pane);
  set_scroll (pane, scroll);
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

static void
report_error_cb (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  g_autoptr(GError) error = jp_error_report_from_variant (parameter);

  jp_window_report_error (JP_WINDOW (widget), error);
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
  g_action_map_remove_action (G_ACTION_MAP (self), "show-untranslated-only");
  if (self->chooser)
    {
      GtkNativeDialog *chooser = g_steal_pointer (&self->chooser);

      g_signal_handlers_disconnect_by_data (chooser, self);
      gtk_native_dialog_destroy (chooser);
      g_object_unref (chooser);  /* the reference its response drops */
      g_object_unref (chooser);
    }
  g_clear_pointer (&self->chooser_action, g_free);
  g_clear_pointer (&self->shown_state, g_variant_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_WINDOW);
  if (self->item)
    g_signal_handlers_disconnect_by_func (self->item, update_title, self);
  g_clear_object (&self->item);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_error (&self->error);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jp_window_parent_class)->dispose (object);
}

static void
jp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JpWindow *self = JP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_EDIT_LANGUAGE:
      g_value_set_int (value, jp_window_get_edit_language (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JpWindow *self = JP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_EDIT_LANGUAGE:
      jp_window_set_edit_language (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_window_class_init (JpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jp_window_dispose;
  object_class->get_property = jp_window_get_property;
  object_class->set_property = jp_window_set_property;
  widget_class->map = jp_window_map;
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
  gtk_widget_class_bind_template_child (widget_class, JpWindow, language_box);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, error_page);

  /* A JpLang. */
  properties[PROP_EDIT_LANGUAGE] =
    g_param_spec_int ("edit-language", NULL, NULL, 0, JP_N_LANGS - 1, JP_LANG_NL,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _jp_window_class_add_actions (widget_class);
  /* How panes and rows tell what went wrong (see jp-error-report.h). */
  gtk_widget_class_install_action (widget_class, JP_REPORT_ERROR_ACTION, JP_REPORT_ERROR_PARAM_TYPE,
                                   report_error_cb);
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
setup_plan (JpWindow *self)
{
  g_autoptr(GAction) tree_view = g_settings_create_action (self->settings, "tree-view");
  g_autoptr(GAction) untranslated = g_settings_create_action (self->settings, "show-untranslated-only");
  g_autoptr(GSimpleAction) edit_language = NULL;
  g_autoptr(GtkWidget) empty = create_empty_page ();

  g_action_map_add_action (G_ACTION_MAP (self), tree_view);
  g_action_map_add_action (G_ACTION_MAP (self), untranslated);
  self->edit_language = jp_database_get_language (self->db);
  edit_language = g_simple_action_new_stateful ("edit-language", G_VARIANT_TYPE_STRING,
                                                g_variant_new_string (jp_lang_to_string (self->edit_language)));
  g_signal_connect_object (edit_language, "change-state", G_CALLBACK (on_edit_language), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (edit_language));

  self->sidebar = JP_SIDEBAR (jp_sidebar_new (self->db));
  adw_bin_set_child (self->sidebar_bin, GTK_WIDGET (self->sidebar));
  jp_sidebar_set_key_capture_widget (self->sidebar, GTK_WIDGET (self));
  g_object_bind_property (self->search_button, "active", self->sidebar, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->sidebar, "notify::selected-item", G_CALLBACK (on_selected_item), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "notify::search-mode", G_CALLBACK (reselect_open_item), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "item-activated", G_CALLBACK (on_item_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::tree-view", G_CALLBACK (on_tree_view_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::show-untranslated-only", G_CALLBACK (on_untranslated_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "notify::can-undo", G_CALLBACK (_jp_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "notify::can-redo", G_CALLBACK (_jp_window_update_actions), self, G_CONNECT_SWAPPED);

  set_content (self, NULL, empty);
  on_tree_view_changed (self);
  on_untranslated_changed (self);
  gtk_stack_set_visible_child_name (self->main_stack, "plan");
}

/* A window on @db, or, with @db NULL, one that says why there is none
 * (@error).  It knows the application only as a GtkApplication. */
JpWindow *
jp_window_new (GtkApplication *application,
               JpDatabase     *db,
               GSettings      *settings,
               const GError   *error)
{
  JpWindow *self;
  g_autoptr(GVariant) state = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (db == NULL || JP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  /* Size and open item as GSettings kept them since the last run. */
  state = settings_state (settings);
  self = g_object_new (JP_TYPE_WINDOW, "application", application, NULL);
  self->settings = g_object_ref (settings);
  if (db == NULL)
    {
      self->error = error ? g_error_copy (error) : NULL;
      if (error)
        adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      _jp_window_update_actions (self);
      jp_window_restore_state (self, state);
      return self;
    }
  self->db = g_object_ref (db);
  setup_plan (self);
  jp_window_restore_state (self, state);
  return self;
}

/* ------------------------------------------------------ window state */

static GVariant *
dialogs_state (JpWindow   *self,
               GPtrArray **imports)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_auto(GVariantBuilder) names = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_STRING_ARRAY);
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) dialog = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (dialog) != GTK_WINDOW (self) ||
          !gtk_widget_get_visible (GTK_WIDGET (dialog)))
        continue;
      if (ADW_IS_ABOUT_WINDOW (dialog))
        g_variant_builder_add (&names, "s", "about");
      else if (GTK_IS_SHORTCUTS_WINDOW (dialog))
        g_variant_builder_add (&names, "s", "shortcuts");
      else if (JP_IS_IMPORT_DIALOG (dialog))
        g_ptr_array_add (uris, g_file_get_uri (jp_import_dialog_get_file (JP_IMPORT_DIALOG (dialog))));
    }
  g_ptr_array_add (uris, NULL);
  *imports = g_steal_pointer (&uris);
  return g_variant_builder_end (&names);
}

GVariant *
jp_window_save_state (JpWindow *self)
{
  g_auto(GVariantBuilder) state = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autoptr(GPtrArray) imports = NULL;
  GtkWidget *pane;
  int width, height;

  g_return_val_if_fail (JP_IS_WINDOW (self), NULL);

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_variant_builder_add (&state, "{sv}", "width", g_variant_new_int32 (width));
  g_variant_builder_add (&state, "{sv}", "height", g_variant_new_int32 (height));
  g_variant_builder_add (&state, "{sv}", "maximized", g_variant_new_boolean (gtk_window_is_maximized (GTK_WINDOW (self))));
  g_variant_builder_add (&state, "{sv}", "fullscreen",
                         g_variant_new_boolean (gtk_window_is_fullscreen (GTK_WINDOW (self))));
  g_variant_builder_add (&state, "{sv}", "dialogs", dialogs_state (self, &imports));
  g_variant_builder_add (&state, "{sv}", "imports",
                         g_variant_new_strv ((const char * const *) imports->pdata, -1));
  if (self->chooser_action != NULL)
    g_variant_builder_add (&state, "{sv}", "chooser", g_variant_new_string (self->chooser_action));
  if (self->db == NULL)
    return g_variant_ref_sink (g_variant_builder_end (&state));

  pane = adw_bin_get_child (self->content_bin);
  if (pane != NULL && JP_IS_CONTACTS_PAGE (pane))
    g_variant_builder_add (&state, "{sv}", "contacts", g_variant_new_boolean (TRUE));
  else
    g_variant_builder_add (&state, "{sv}", "item",
                           g_variant_new_string (self->item ? jp_item_get_uid (self->item) : ""));
  g_variant_builder_add (&state, "{sv}", "search-mode",
                         g_variant_new_boolean (jp_sidebar_get_search_mode (self->sidebar)));
  g_variant_builder_add (&state, "{sv}", "search-text",
                         g_variant_new_string (jp_sidebar_get_search_text (self->sidebar)));
  if (adw_leaflet_get_visible_child_name (self->leaflet) != NULL)
    g_variant_builder_add (&state, "{sv}", "leaflet-child",
                           g_variant_new_string (adw_leaflet_get_visible_child_name (self->leaflet)));
  g_variant_builder_add (&state, "{sv}", "sidebar-scroll",
                         g_variant_new_double (jp_sidebar_get_scroll_position (self->sidebar)));
  g_variant_builder_add (&state, "{sv}", "pane-scroll", g_variant_new_double (get_scroll (pane)));
  return g_variant_ref_sink (g_variant_builder_end (&state));
}

/* What GSettings keeps between runs, as a state. */
static GVariant *
settings_state (GSettings *settings)
{
  g_auto(GVariantBuilder) state = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autofree char *last = g_settings_get_string (settings, "last-item");

  g_variant_builder_add (&state, "{sv}", "width", g_variant_new_int32 (g_settings_get_int (settings, "window-width")));
  g_variant_builder_add (&state, "{sv}", "height", g_variant_new_int32 (g_settings_get_int (settings, "window-height")));
  g_variant_builder_add (&state, "{sv}", "maximized",
                         g_variant_new_boolean (g_settings_get_boolean (settings, "window-maximized")));
  /* No item saved: the empty page, as built. */
  if (*last != '\0')
    g_variant_builder_add (&state, "{sv}", "item", g_variant_new_string (last));
  return g_variant_ref_sink (g_variant_builder_end (&state));
}

static void
restore_size (JpWindow *self,
              GVariant *state)
{
  int width, height;
  gboolean flag;

  if (g_variant_lookup (state, "width", "i", &width) && g_variant_lookup (state, "height", "i", &height))
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_variant_lookup (state, "maximized", "b", &flag))
    {
      if (flag)
        gtk_window_maximize (GTK_WINDOW (self));
      else
        gtk_window_unmaximize (GTK_WINDOW (self));
    }
  if (g_variant_lookup (state, "fullscreen", "b", &flag) && flag)
    gtk_window_fullscreen (GTK_WINDOW (self));
}

static void
restore_content (JpWindow *self,
                 GVariant *state)
{
  gboolean contacts = FALSE, searching = FALSE, has_search;
  const char *text, *uid, *child;

  has_search = g_variant_lookup (state, "search-mode", "b", &searching);
  if (has_search)
    jp_sidebar_set_search_mode (self->sidebar, searching);
  if (g_variant_lookup (state, "search-text", "&s", &text))
    jp_sidebar_set_search_text (self->sidebar, text);

  self->restoring = TRUE;
  if (g_variant_lookup (state, "contacts", "b", &contacts) && contacts)
    _jp_window_show_contacts (self);
  else if (g_variant_lookup (state, "item", "&s", &uid))
    {
      g_autoptr(JpItem) item = *uid ? jp_database_lookup_uid (self->db, uid) : NULL;

      /* An item that is gone leaves the window as it is. */
      if (item != NULL || *uid == '\0')
        jp_window_open_item (self, item);
    }
  self->restoring = FALSE;
  if (g_variant_lookup (state, "leaflet-child", "&s", &child))
    adw_leaflet_set_visible_child_name (self->leaflet, child);
  if (has_search && !searching && jp_sidebar_get_selected_item (self->sidebar) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
}

/* What needs the window on screen: scroll positions and dialogs. */
static void
restore_shown (JpWindow *self,
               GVariant *state)
{
  g_autofree const char **dialogs = NULL;
  g_autofree const char **imports = NULL;
  const char *chooser;
  double scroll;

  if (self->db != NULL && g_variant_lookup (state, "sidebar-scroll", "d", &scroll))
    jp_sidebar_set_scroll_position (self->sidebar, scroll);
  if (self->db != NULL && g_variant_lookup (state, "pane-scroll", "d", &scroll))
    set_scroll (adw_bin_get_child (self->content_bin), scroll);
  if (g_variant_lookup (state, "dialogs", "^a&s", &dialogs))
    {
      if (g_strv_contains (dialogs, "shortcuts"))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-help-overlay", NULL);
      if (g_strv_contains (dialogs, "about"))
        g_action_group_activate_action (G_ACTION_GROUP (gtk_window_get_application (GTK_WINDOW (self))),
                                        "about", NULL);
    }
  if (g_variant_lookup (state, "imports", "^a&s", &imports))
    for (guint i = 0; imports[i] != NULL; i++)
      {
        g_autoptr(GFile) file = g_file_new_for_uri (imports[i]);
        jp_window_import (self, file);
      }
  if (g_variant_lookup (state, "chooser", "&s", &chooser))
    gtk_widget_activate_action (GTK_WIDGET (self), chooser, NULL);
}

void
jp_window_restore_state (JpWindow *self,
                         GVariant *state)
{
  g_return_if_fail (JP_IS_WINDOW (self));
  g_return_if_fail (state != NULL && g_variant_is_of_type (state, G_VARIANT_TYPE_VARDICT));

  g_variant_ref_sink (state);
  restore_size (self, state);
  if (self->db != NULL)
    restore_content (self, state);
  g_clear_pointer (&self->shown_state, g_variant_unref);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    restore_shown (self, state);
  else
    self->shown_state = g_variant_ref (state);
  g_variant_unref (state);
}

static void
jp_window_map (GtkWidget *widget)
{
  JpWindow *self = JP_WINDOW (widget);
  g_autoptr(GVariant) state = g_steal_pointer (&self->shown_state);

  GTK_WIDGET_CLASS (jp_window_parent_class)->map (widget);
  if (state != NULL)
    restore_shown (self, state);
}

/* ------------------------------------------------- a new language */

/* Closes this window's dialogs and file chooser: those worth it are shown
 * again from the saved state, the others (messages about what just
 * happened) go. */
static void
close_dialogs (JpWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) dialogs = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->chooser)
    {
      GtkNativeDialog *chooser = g_object_ref (self->chooser);

      _jp_window_set_chooser (self, NULL, NULL);
      g_signal_handlers_disconnect_by_data (chooser, self);
      gtk_native_dialog_destroy (chooser);
      g_object_unref (chooser);  /* the reference its response drops */
      g_object_unref (chooser);
    }
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) dialog = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (dialog) == GTK_WINDOW (self) &&
          gtk_widget_get_visible (GTK_WIDGET (dialog)) && !GTK_IS_SHORTCUTS_WINDOW (dialog))
        g_ptr_array_add (dialogs, g_object_ref (dialog));
    }
  for (guint i = 0; i < dialogs->len; i++)
    gtk_window_destroy (dialogs->pdata[i]);
}

JpWindow *
jp_window_rebuild (JpWindow *self)
{
  GtkApplication *app;
  JpWindow *window;
  GtkWidget *pane;
  g_autoptr(GVariant) state = NULL;

  g_return_val_if_fail (JP_IS_WINDOW (self), NULL);

  app = gtk_window_get_application (GTK_WINDOW (self));
  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);

  if (self->busy)
    {
      /* An import runs in this window: it finishes here first. */
      self->rebuild_pending = TRUE;
      return self;
    }

  pane = adw_bin_get_child (self->content_bin);
  if (pane != NULL)
    jp_pane_flush (pane);
  state = jp_window_save_state (self);

  window = jp_window_new (app, self->db, self->settings, self->error);
  jp_window_restore_state (window, state);
  close_dialogs (self);
  /* Pending edits are stored: closing needs no more. */
  gtk_window_destroy (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
rebuild_idle (gpointer data)
{
  g_autoptr(JpWindow) self = data;

  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    jp_window_rebuild (self);
  return G_SOURCE_REMOVE;
}

void
_jp_window_rebuild_if_pending (JpWindow *self)
{
  if (!self->rebuild_pending)
    return;
  self->rebuild_pending = FALSE;
  g_idle_add (rebuild_idle, g_object_ref (self));
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
