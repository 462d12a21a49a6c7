/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-text-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/jp-structure.h"
#include "ui/window/jp-error-report.h"
#include "ui/panes/jp-field-binding.h"
#include "ui/jp-kind-ui.h"
#include "ui/panes/jp-text-row.h"

#define INDENT_PX 24

struct _JpTextRow
{
  AdwPreferencesRow  parent_instance;

  JpStore       *store;
  JpItem        *item;
  GSimpleActionGroup *moves;

  GtkWidget     *indent;
  GtkImage      *icon;
  GtkLabel      *title_label;
  GtkTextView   *text_view;
  GtkWidget     *mark_box;
  GtkWidget     *remove;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (JpTextRow, jp_text_row, ADW_TYPE_PREFERENCES_ROW)

/* The sibling after @item among its parent's children, or NULL. */
static JpItem *
next_sibling (JpStore *store,
              JpItem  *parent,
              JpItem  *item)
{
  g_autoptr(GListModel) children = jp_store_get_children (store, parent, JP_KIND_MASK_ALL);
  guint n = g_list_model_get_n_items (children);

  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(JpItem) child = g_list_model_get_item (children, i);

      if (child == item)
        return g_list_model_get_item (children, i + 1);
    }
  return NULL;
}

/* Enter in a sub-item starts the next one: a new sub-item just after it,
 * with the focus. */
static void
add_next (JpTextRow *self)
{
  g_autoptr(JpItem) parent = jp_store_get_parent (self->store, self->item);
  g_autoptr(JpItem) before = NULL;
  g_autoptr(JpItem) added = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_LIST_BOX);

  if (parent == NULL)
    return;
  before = next_sibling (self->store, parent, self->item);
  added = jp_store_add_item (self->store, parent, jp_item_get_kind (self->item), before, &error);
  if (added == NULL)
    {
      jp_widget_report_error (GTK_WIDGET (self), error);
      return;
    }
  /* This row may be gone by now, its list built again. */
  if (list != NULL)
    jp_field_binding_focus_text (list, added);
}

/* An objective or a sub-item is one paragraph: Enter stores it instead of
 * starting a new line, and in a sub-item starts the next one. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JpTextRow             *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    {
      jp_field_binding_flush (GTK_WIDGET (self->text_view));
      if (jp_item_get_kind (self->item) == JP_KIND_ITEM && (state & GDK_SHIFT_MASK) == 0)
        {
          g_autoptr(JpTextRow) hold = g_object_ref (self);
          add_next (self);
        }
      return TRUE;
    }
  return FALSE;
}

/* The moves the structure allows, asked when the menu opens. */
static void
update_moves (JpTextRow *self)
{
  struct { const char *name; gboolean allowed; } moves[] = {
    { "move-up", jp_store_can_move_item_by (self->store, self->item, -1) },
    { "move-down", jp_store_can_move_item_by (self->store, self->item, +1) },
    { "indent", jp_store_can_indent_item (self->store, self->item) },
    { "outdent", jp_store_can_outdent_item (self->store, self->item) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->moves), moves[i].name);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), moves[i].allowed);
    }
}

/* A move of the menu: the window's action on this row's item. */
static void
on_move (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  JpTextRow *self = user_data;
  g_autofree char *name = g_strconcat ("win.", g_action_get_name (G_ACTION (action)), NULL);

  gtk_widget_activate_action (GTK_WIDGET (self), name, "x", jp_item_get_id (self->item));
}

static void
jp_text_row_dispose (GObject *object)
{
  JpTextRow *self = JP_TEXT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_TEXT_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->store);
  g_clear_object (&self->moves);

  G_OBJECT_CLASS (jp_text_row_parent_class)->dispose (object);
}

static void
jp_text_row_class_init (JpTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_text_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-text-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JpTextRow, indent);
  gtk_widget_class_bind_template_child (widget_class, JpTextRow, icon);
  gtk_widget_class_bind_template_child (widget_class, JpTextRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, JpTextRow, text_view);
  gtk_widget_class_bind_template_child (widget_class, JpTextRow, mark_box);
  gtk_widget_class_bind_template_child (widget_class, JpTextRow, remove);
  gtk_widget_class_bind_template_child (widget_class, JpTextRow, menu_button);
}

static void
jp_text_row_init (JpTextRow *self)
{
  static const GActionEntry entries[] = {
    { "move-up", on_move }, { "move-down", on_move }, { "indent", on_move }, { "outdent", on_move },
  };
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->moves = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->moves), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "row", G_ACTION_GROUP (self->moves));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);
  /* The binding puts its "Not translated" tag here. */
  g_object_set_data (G_OBJECT (self->text_view), "jp-mark-box", self->mark_box);
}

static void
append_action (GMenu      *menu,
               const char *label,
               const char *action,
               GVariant   *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_append_item (menu, item);
}


GtkWidget *
jp_text_row_new (JpStore    *db,
                 JpItem     *item,
                 JpLang      lang,
                 guint       depth)
{
  JpTextRow *self;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) nest = g_menu_new ();
  g_autoptr(GVariant) target = NULL;
  gint64 id;

  g_return_val_if_fail (JP_IS_ITEM (item), NULL);

  self = g_object_new (JP_TYPE_TEXT_ROW, NULL);
  self->store = g_object_ref (db);
  self->item = g_object_ref (item);
  id = jp_item_get_id (item);
  target = g_variant_ref_sink (g_variant_new_int64 (id));

  gtk_widget_set_size_request (self->indent, depth * INDENT_PX, -1);
  gtk_widget_set_visible (self->indent, depth > 0);
  gtk_image_set_from_icon_name (self->icon, jp_kind_get_icon_name (jp_item_get_kind (item)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), jp_kind_get_title (jp_item_get_kind (item)));
  gtk_label_set_label (self->title_label, jp_kind_get_title (jp_item_get_kind (item)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, jp_kind_get_title (jp_item_get_kind (item)),
                                  -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->remove), target);

  append_action (order, _("Move _Up"), "row.move-up", NULL);
  append_action (order, _("Move _Down"), "row.move-down", NULL);
  append_action (nest, _("_Indent"), "row.indent", NULL);
  append_action (nest, _("_Outdent"), "row.outdent", NULL);
  append_action (nest, _("Add _Sub-item"), "win.add-item", g_variant_new ("(xs)", id, "item"));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (nest));
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
  g_signal_connect_object (gtk_menu_button_get_popover (self->menu_button), "show",
                           G_CALLBACK (update_moves), self, G_CONNECT_SWAPPED);

  jp_field_binding_bind_text (GTK_WIDGET (self->text_view), db, item, JP_TEXT_BODY, lang);
  update_moves (self);
  return GTK_WIDGET (self);
}

JpItem *
jp_text_row_get_item (JpTextRow *self)
{
  g_return_val_if_fail (JP_IS_TEXT_ROW (self), NULL);
  return self->item;
}

GtkWidget *
jp_text_row_get_text_view (JpTextRow *self)
{
  g_return_val_if_fail (JP_IS_TEXT_ROW (self), NULL);
  return GTK_WIDGET (self->text_view);
}

GActionGroup *
jp_text_row_get_moves (JpTextRow *self)
{
  g_return_val_if_fail (JP_IS_TEXT_ROW (self), NULL);
  return G_ACTION_GROUP (self->moves);
}
