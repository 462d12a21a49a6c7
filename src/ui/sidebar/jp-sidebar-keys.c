/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-sidebar"

#include "config.h"

#include "ui/sidebar/jp-sidebar-private.h"
#include "ui/sidebar/jp-sidebar-row.h"

/* The keyboard of the sidebar: Right and Left on the rows, as in every
 * GTK tree, and typing that starts a search. */

gboolean
_jp_sidebar_is_contact (JpItem *item)
{
  JpKind kind = jp_item_get_kind (item);

  return kind == JP_KIND_CONTACTS || kind == JP_KIND_TEAM || kind == JP_KIND_SUBJECT || kind == JP_KIND_CONTACT;
}

/* The row of the list that has the focus, or else the selected one. */
static GtkTreeListRow *
focused_row (JpSidebar *self)
{
  GtkWidget *cell = gtk_widget_get_focus_child (GTK_WIDGET (self->list_view));
  GtkWidget *child = cell ? gtk_widget_get_first_child (cell) : NULL;
  guint position;

  if (JP_IS_SIDEBAR_ROW (child) && jp_sidebar_row_get_list_row (JP_SIDEBAR_ROW (child)))
    return g_object_ref (jp_sidebar_row_get_list_row (JP_SIDEBAR_ROW (child)));
  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->tree), position);
}

static gboolean
focus_position (JpSidebar *self,
                guint      position)
{
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *child = gtk_widget_get_first_child (cell);
      GtkTreeListRow *row;

      if (!JP_IS_SIDEBAR_ROW (child))
        continue;
      row = jp_sidebar_row_get_list_row (JP_SIDEBAR_ROW (child));
      if (row && gtk_tree_list_row_get_position (row) == position)
        return gtk_widget_grab_focus (cell);
    }
  return FALSE;
}

static void
move_to (JpSidebar *self,
         guint      position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  focus_position (self, position);
}

gboolean
_jp_sidebar_key_pressed (JpSidebar       *self,
                         guint            keyval,
                         GdkModifierType  state)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  gboolean right = keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right;
  gboolean left = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left;

  g_return_val_if_fail (JP_IS_SIDEBAR (self), FALSE);

  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab) &&
      (state & gtk_accelerator_get_default_mod_mask () & ~GDK_SHIFT_MASK) == 0)
    {
      GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
      gboolean back = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;

      /* Tab leaves the list (for the pane, or back to the search), as
       * from one widget to the next: the rows are no Tab stops each. */
      if (root == NULL)
        return FALSE;
      gtk_widget_set_can_focus (GTK_WIDGET (self->list_view), FALSE);
      gtk_widget_child_focus (root, back ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
      gtk_widget_set_can_focus (GTK_WIDGET (self->list_view), TRUE);
      return TRUE;
    }

  if ((!right && !left) || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    {
      gboolean swap = right;
      right = left;
      left = swap;
    }
  row = focused_row (self);
  if (row == NULL)
    return FALSE;

  if (right)
    {
      /* A closed row opens; an open one leads to its first child. */
      if (!gtk_tree_list_row_is_expandable (row))
        return TRUE;
      if (!gtk_tree_list_row_get_expanded (row))
        gtk_tree_list_row_set_expanded (row, TRUE);
      else
        move_to (self, gtk_tree_list_row_get_position (row) + 1);
      return TRUE;
    }

  /* An open row closes; a closed one leads to its parent. */
  if (gtk_tree_list_row_is_expandable (row) && gtk_tree_list_row_get_expanded (row))
    gtk_tree_list_row_set_expanded (row, FALSE);
  else
    {
      g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);

      if (parent != NULL)
        move_to (self, gtk_tree_list_row_get_position (parent));
    }
  return TRUE;
}

static gboolean
on_list_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             JpSidebar             *self)
{
  return _jp_sidebar_key_pressed (self, keyval, state);
}

void
_jp_sidebar_keys_init (JpSidebar *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* Before the list's own bindings, which move across a row. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);
}

/* Only a letter or a digit starts a search: "+" or "*" on a row of the
 * tree, or any sign, is no search. */
gboolean
_jp_sidebar_type_ahead (JpSidebar       *self,
                        guint            keyval,
                        GdkModifierType  state)
{
  GtkEditable *entry = GTK_EDITABLE (self->search_entry);
  gunichar c = gdk_keyval_to_unicode (keyval);
  char text[8] = { 0, };
  int position;

  g_return_val_if_fail (JP_IS_SIDEBAR (self), FALSE);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 || !g_unichar_isalnum (c))
    return FALSE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  if (!jp_sidebar_get_search_mode (self))
    jp_sidebar_set_search_mode (self, TRUE);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  g_unichar_to_utf8 (c, text);
  position = -1;
  gtk_editable_set_position (entry, -1);
  position = gtk_editable_get_position (entry);
  gtk_editable_insert_text (entry, text, -1, &position);
  gtk_editable_set_position (entry, position);
  return TRUE;
}

static gboolean
on_capture_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JpSidebar             *self)
{
  return _jp_sidebar_type_ahead (self, keyval, state);
}

void
_jp_sidebar_capture_keys (JpSidebar *self,
                          GtkWidget *widget)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_capture_key), self, 0);
  gtk_widget_add_controller (widget, keys);
}
