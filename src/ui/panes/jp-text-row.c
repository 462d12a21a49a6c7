/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-text-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/panes/jp-field-binding.h"
#include "ui/jp-kind-ui.h"
#include "ui/panes/jp-text-row.h"

#define INDENT_PX 24

struct _JpTextRow
{
  AdwPreferencesRow  parent_instance;

  JpItem        *item;

  GtkWidget     *indent;
  GtkImage      *icon;
  GtkLabel      *title_label;
  GtkTextView   *text_view;
  GtkWidget     *mark_box;
  GtkWidget     *remove;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (JpTextRow, jp_text_row, ADW_TYPE_PREFERENCES_ROW)

/* An objective or a sub-item is one paragraph: Enter stores it instead of
 * starting a new line. */
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
      return TRUE;
    }
  return FALSE;
}

static void
jp_text_row_dispose (GObject *object)
{
  JpTextRow *self = JP_TEXT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_TEXT_ROW);
  g_clear_object (&self->item);

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
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
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

  append_action (order, _("Move _Up"), "win.move-up", target);
  append_action (order, _("Move _Down"), "win.move-down", target);
  append_action (nest, _("_Indent"), "win.indent", target);
  append_action (nest, _("_Outdent"), "win.outdent", target);
  append_action (nest, _("Add _Sub-item"), "win.add-item", g_variant_new ("(xs)", id, "item"));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (nest));
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));

  jp_field_binding_bind_text (GTK_WIDGET (self->text_view), db, item, JP_TEXT_BODY, lang);
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
