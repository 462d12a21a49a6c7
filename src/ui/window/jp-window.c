/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ui/contacts/jp-contacts-page.h"
#include "ui/window/jp-error-report.h"
#include "ui/window/jp-file-chooser.h"
#include "ui/jp-kind-ui.h"
#include "ui/panes/jp-pane.h"
#include "ui/panes/jp-pane-types.h"
#include "ui/window/jp-window-private.h"
#include "model/exchange/jp-xml.h"

G_DEFINE_FINAL_TYPE (JpWindow, jp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_EDIT_LANGUAGE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_pane (JpWindow *self,
             JpItem   *item)
{
  /* The kinds without a pane of their own show their name. */
  GType type = item ? jp_pane_type_for_kind (jp_item_get_kind (item)) : G_TYPE_INVALID;
  GtkWidget *page;

  if (type != G_TYPE_INVALID)
    return jp_pane_new (type, JP_STORE (self->db), item, self->edit_language);
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

/* A title too long for the header is cut short there; its tooltip holds
 * it whole. */
static void
set_content_title (JpWindow   *self,
                   const char *title,
                   const char *subtitle)
{
  adw_window_title_set_title (self->content_title, title);
  adw_window_title_set_subtitle (self->content_title, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->content_title), *title ? title : NULL);
}

static void
update_title (JpWindow *self)
{
  if (self->item == NULL)
    set_content_title (self, "", "");
  else
    set_content_title (self, jp_item_get_label (self->item), jp_kind_get_title (jp_item_get_kind (self->item)));
}

/* Which plan this is: its year, and its file when it is not the usual
 * one, so that two windows on two plans tell themselves apart. */
char *
jp_window_describe_plan (JpDatabase *db,
                         char      **file_name)
{
  g_autoptr(JpItem) root = NULL;
  g_autofree char *default_path = NULL;
  const char *year = NULL;

  g_return_val_if_fail (db == NULL || JP_IS_DATABASE (db), NULL);

  if (file_name != NULL)
    *file_name = NULL;
  if (db == NULL)
    return g_strdup (_("Jaarplan"));
  root = jp_store_get_root (JP_STORE (db));
  if (root != NULL)
    year = jp_item_get_field (root, JP_FIELD_NUMBER);
  default_path = jp_database_default_path ();
  if (file_name != NULL && g_strcmp0 (jp_database_get_path (db), default_path) != 0)
    *file_name = g_path_get_basename (jp_database_get_path (db));
  if (year == NULL || *year == '\0')
    return g_strdup (_("Jaarplan"));
  /* Translators: the window's title: the document, the annual plan of
   * a year ("Jaarplan 2013", "Plan annuel 2013"); not the application's
   * name. */
  return g_strdup_printf (C_("window title", "Annual Plan %s"), year);
}

void
_jp_window_update_plan_title (JpWindow *self)
{
  g_autofree char *file_name = NULL;
  g_autofree char *plan = jp_window_describe_plan (self->db, &file_name);
  g_autofree char *title = NULL;

  if (file_name != NULL)
    /* Translators: the window's title: the plan, then its file's name
     * ("Jaarplan 2013 — plan-b.db"). */
    title = g_strdup_printf (C_("window title", "%s — %s"), plan, file_name);
  gtk_window_set_title (GTK_WINDOW (self), title ? title : plan);
  adw_window_title_set_title (self->plan_title, plan);
  adw_window_title_set_subtitle (self->plan_title, file_name ? file_name : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->plan_title), title ? title : plan);
}

static gboolean
has_texts_pane (JpItem *item)
{
  return item && jp_pane_type_for_kind (jp_item_get_kind (item)) != G_TYPE_INVALID;
}

static void show_item (JpWindow *self, JpItem *item);
static void jp_window_map (GtkWidget *widget);

/* The open item went away (removed, or its adding undone): its pane
 * gives way to the empty page rather than editing nothing. */
static void
on_open_item_removed (JpWindow *self)
{
  if (self->item != NULL && jp_item_get_removed (self->item))
    show_item (self, NULL);
}

void
_jp_window_flush (JpWindow *self)
{
  GtkWidget *pane = adw_bin_get_child (self->content_bin);

  if (pane != NULL)
    jp_pane_flush (pane);
}

static void
set_content (JpWindow  *self,
             JpItem    *item,
             GtkWidget *pane)
{
  /* What was typed in the old pane is stored before it goes. */
  _jp_window_flush (self);
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
  _jp_window_years_guard_pane (self);
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

double
_jp_window_get_scroll (GtkWidget *widget)
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
void
_jp_window_set_scroll (GtkWidget *widget,
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
  set_content (self, NULL, jp_contacts_page_new (JP_STORE (self->db), self->settings));
  set_content_title (self, _("Contacts"), "");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_contact_activated (JpWindow *self,
                      JpItem   *item)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  _jp_window_show_contacts (self);
  /* Moving along the rows with the keys leaves the focus there. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar)) &&
      gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) == NULL)
    return;
  jp_contacts_page_reveal_item (JP_CONTACTS_PAGE (adw_bin_get_child (self->content_bin)), item);
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

/* The narrow window's one button says which language is edited. */
static void
update_language_menu_button (JpWindow *self)
{
  gtk_menu_button_set_label (self->language_menu_button, self->edit_language == JP_LANG_FR ? _("FR") : _("NL"));
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
  _jp_window_flush (self);
  self->edit_language = lang;
  update_language_menu_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDIT_LANGUAGE]);
  if (!has_texts_pane (self->item))
    return;
  scroll = _jp_window_get_scroll (adw_bin_get_child (self->content_bin));
  pane = create_pane (self, self->item);
  set_content (self, self->item, pane);
  _jp_window_set_scroll (pane, scroll);
}

void
_jp_window_rebuild_pane (JpWindow *self)
{
  GtkWidget *pane = adw_bin_get_child (self->content_bin);
  double scroll = _jp_window_get_scroll (pane);

  if (pane != NULL && JP_IS_CONTACTS_PAGE (pane))
    _jp_window_show_contacts (self);
  else if (has_texts_pane (self->item))
    set_content (self, self->item, create_pane (self, self->item));
  else
    return;
  _jp_window_set_scroll (adw_bin_get_child (self->content_bin), scroll);
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
    {
      jp_sidebar_select_item (self->sidebar, NULL);
      show_item (self, NULL);
    }
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

/* What failed, for a dialog's title, when the caller does not say. */
static const char *
error_title (const GError *error)
{
  if (g_error_matches (error, JP_XML_ERROR, JP_XML_ERROR_WRITE))
    return _("Export Failed");
  if (error->domain == JP_XML_ERROR)
    return _("Import Failed");
  return _("The Change Could Not Be Saved");
}

/* What to do about @error, or NULL when its message says it all. */
static const char *
error_advice (const GError *error)
{
  if (g_error_matches (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_FULL))
    return _("Free some space on the disk, then try again.");
  if (g_error_matches (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_BUSY))
    return _("Another program is using the plan. Close it, then try again.");
  if (g_error_matches (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_READONLY) ||
      g_error_matches (error, JP_XML_ERROR, JP_XML_ERROR_WRITE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("Choose a folder you may write to, or ask whoever manages this computer.");
  if (error->domain == JP_XML_ERROR)
    return _("Check that the file is one exported by Jaarplan, or ask its sender to export it again.");
  return NULL;
}

/* A dialog, until closed, whose @title says what failed; its body says
 * why, and what to do about it when there is something to do. */
void
_jp_window_report_failure (JpWindow     *self,
                           const char   *title,
                           const GError *error)
{
  const char *advice = error_advice (error);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (advice != NULL)
    body = g_strdup_printf ("%s\n\n%s", error->message, advice);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), title, body ? body : error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
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
      _jp_window_report_failure (self, error_title (error), error);
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

  _jp_window_flush (self);
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
  jp_file_chooser_close (&self->chooser, self);
  g_clear_pointer (&self->chooser_action, g_free);
  g_clear_pointer (&self->shown_state, g_variant_unref);
  if (self->shortcuts != NULL)
    gtk_window_destroy (self->shortcuts);
  g_clear_object (&self->shortcuts);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_WINDOW);
  if (self->item)
    g_signal_handlers_disconnect_by_func (self->item, update_title, self);
  g_clear_object (&self->item);
  g_clear_object (&self->root);
  g_clear_object (&self->year_menu);
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
    case PROP_BUSY:
      g_value_set_boolean (value, jp_window_get_busy (self));
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
  gtk_widget_class_bind_template_child (widget_class, JpWindow, plan_title);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, content_bin);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, jp_window_cancel_work);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, language_box);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, language_menu_button);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, error_page);

  /* A JpLang. */
  properties[PROP_EDIT_LANGUAGE] =
    g_param_spec_int ("edit-language", NULL, NULL, 0, JP_N_LANGS - 1, JP_LANG_NL,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Work runs in a worker thread (an import, an export). */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _jp_window_class_add_actions (widget_class);
  _jp_window_years_class_init (widget_class);
  _jp_window_changes_class_init (widget_class);
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
  _jp_window_add_history_keys (self);
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
  self->edit_language = jp_store_get_language (JP_STORE (self->db));
  update_language_menu_button (self);
  edit_language = g_simple_action_new_stateful ("edit-language", G_VARIANT_TYPE_STRING,
                                                g_variant_new_string (jp_lang_to_string (self->edit_language)));
  g_signal_connect_object (edit_language, "change-state", G_CALLBACK (on_edit_language), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (edit_language));

  self->sidebar = JP_SIDEBAR (jp_sidebar_new (JP_STORE (self->db)));
  adw_bin_set_child (self->sidebar_bin, GTK_WIDGET (self->sidebar));
  jp_sidebar_set_key_capture_widget (self->sidebar, GTK_WIDGET (self));
  g_object_bind_property (self->search_button, "active", self->sidebar, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->sidebar, "notify::selected-item", G_CALLBACK (on_selected_item), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "notify::search-mode", G_CALLBACK (reselect_open_item), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "item-activated", G_CALLBACK (on_item_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "contact-activated", G_CALLBACK (on_contact_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::tree-view", G_CALLBACK (on_tree_view_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::show-untranslated-only", G_CALLBACK (on_untranslated_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "notify::can-undo", G_CALLBACK (_jp_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "notify::can-redo", G_CALLBACK (_jp_window_update_actions), self, G_CONNECT_SWAPPED);

  /* The year changes with an edit of the root (kept alive to hear it),
   * or an import of a whole plan. */
  self->root = jp_store_get_root (JP_STORE (self->db));
  if (self->root != NULL)
    g_signal_connect_object (self->root, "notify::number", G_CALLBACK (_jp_window_update_plan_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "reloaded", G_CALLBACK (_jp_window_update_plan_title), self, G_CONNECT_SWAPPED);
  _jp_window_update_plan_title (self);
  _jp_window_setup_years (self);
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
  state = _jp_window_settings_state (settings);
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

static void
jp_window_map (GtkWidget *widget)
{
  JpWindow *self = JP_WINDOW (widget);
  g_autoptr(GVariant) state = g_steal_pointer (&self->shown_state);

  GTK_WIDGET_CLASS (jp_window_parent_class)->map (widget);
  if (state != NULL)
    _jp_window_restore_shown (self, state);
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
