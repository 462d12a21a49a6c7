/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-window"

#include "config.h"

#include "ui/contacts/jp-contacts-page.h"
#include "ui/window/jp-file-chooser.h"
#include "ui/window/jp-import-dialog.h"
#include "ui/panes/jp-pane.h"
#include "ui/window/jp-window-private.h"

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

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "progress") == 0)
    g_variant_builder_add (&state, "{sv}", "progress", g_variant_new_boolean (TRUE));
  /* The open year, for a window built again; a new run opens the
   * latest year, as the command line says. */
  g_variant_builder_add (&state, "{sv}", "year", g_variant_new_uint32 (jp_database_get_year (self->db)));
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
  g_variant_builder_add (&state, "{sv}", "pane-scroll", g_variant_new_double (_jp_window_get_scroll (pane)));
  return g_variant_ref_sink (g_variant_builder_end (&state));
}

/* What GSettings keeps between runs, as a state. */
GVariant *
_jp_window_settings_state (GSettings *settings)
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
  gboolean contacts = FALSE, progress = FALSE, searching = FALSE, has_search;
  const char *text, *uid, *child;
  guint year;

  if (g_variant_lookup (state, "year", "u", &year))
    _jp_window_set_year (self, year, NULL);
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
      g_autoptr(JpItem) item = *uid ? jp_store_lookup_uid (JP_STORE (self->db), uid) : NULL;

      /* An item that is gone, or of another year than the open one,
       * leaves the window as it is. */
      if ((item != NULL && _jp_window_holds_item (self, item)) || *uid == '\0')
        jp_window_open_item (self, item);
    }
  self->restoring = FALSE;
  if (g_variant_lookup (state, "leaflet-child", "&s", &child))
    adw_leaflet_set_visible_child_name (self->leaflet, child);
  if (g_variant_lookup (state, "progress", "b", &progress) && progress)
    _jp_window_show_progress (self);
  if (has_search && !searching && jp_sidebar_get_selected_item (self->sidebar) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
}

/* What needs the window on screen: scroll positions and dialogs. */
void
_jp_window_restore_shown (JpWindow *self,
                          GVariant *state)
{
  g_autofree const char **dialogs = NULL;
  g_autofree const char **imports = NULL;
  const char *chooser;
  double scroll;

  if (self->db != NULL && g_variant_lookup (state, "sidebar-scroll", "d", &scroll))
    jp_sidebar_set_scroll_position (self->sidebar, scroll);
  if (self->db != NULL && g_variant_lookup (state, "pane-scroll", "d", &scroll))
    _jp_window_set_scroll (adw_bin_get_child (self->content_bin), scroll);
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
    _jp_window_restore_shown (self, state);
  else
    self->shown_state = g_variant_ref (state);
  g_variant_unref (state);
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

  jp_file_chooser_close (&self->chooser, self);
  g_clear_pointer (&self->chooser_action, g_free);
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
