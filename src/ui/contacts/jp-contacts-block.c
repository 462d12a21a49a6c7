/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-contacts-block"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/contacts/jp-contacts-block.h"
#include "ui/contacts/jp-contacts-private.h"

/* The two blocks of the contacts page, by the kind of their children. */
typedef struct {
  JpKind      child_kind;
  const char *prefix;        /* of the actions */
  const char *add_action;
  const char *placeholder;   /* the title of a block without one */
} BlockKind;

static const BlockKind block_kinds[] = {
  { JP_KIND_SUBJECT, "team",    "add-subject", N_("New Team") },
  { JP_KIND_CONTACT, "subject", "add-person",  N_("New Subject Line") },
};

struct _JpContactsBlock
{
  GObject             parent_instance;

  JpDatabase         *database;
  JpItem             *item;
  JpKind              child_kind;
  gboolean            hide_expired;

  const BlockKind    *kind;
  GtkWidget          *widget;       /* unowned: it owns the block */
  AdwEntryRow        *title_row;    /* unowned: inside @widget */
  GListModel         *model;
  JpContactsChildren *children;
  GSimpleActionGroup *actions;
};

G_DEFINE_FINAL_TYPE (JpContactsBlock, jp_contacts_block, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HIDE_EXPIRED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_actions (JpContactsBlock *self)
{
  GAction *up = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "move-up");
  GAction *down = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "move-down");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (up), _jp_contacts_can_move (self->database, self->item, -1));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (down), _jp_contacts_can_move (self->database, self->item, +1));
}

static void
emit_changed (JpContactsBlock *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_item_changed (JpContactsBlock *self)
{
  JpLang lang = jp_database_get_language (self->database);

  _jp_contacts_sync_entry (self->title_row, jp_item_get_text (self->item, JP_TEXT_TITLE, lang));
  emit_changed (self);
  update_actions (self);
}

static void
add_child_cb (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  JpContactsBlock *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) child = jp_database_add_item (self->database, self->item, self->child_kind, NULL, &error);
  GPtrArray *widgets;

  if (child == NULL)
    {
      _jp_contacts_show_toast (self->widget, error->message, FALSE);
      return;
    }
  /* Open the new one, ready to type its name. */
  if (ADW_IS_EXPANDER_ROW (self->widget))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self->widget), TRUE);
  widgets = jp_contacts_children_get (self->children);
  for (guint i = 0; i < widgets->len; i++)
    if (g_object_get_data (widgets->pdata[i], "jp-item") == child)
      {
        if (ADW_IS_EXPANDER_ROW (widgets->pdata[i]))
          adw_expander_row_set_expanded (widgets->pdata[i], TRUE);
        gtk_widget_grab_focus (widgets->pdata[i]);
      }
}

static void
move_up_cb (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  JpContactsBlock *self = user_data;

  _jp_contacts_move_item (self->widget, self->database, self->item, -1);
}

static void
move_down_cb (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  JpContactsBlock *self = user_data;

  _jp_contacts_move_item (self->widget, self->database, self->item, +1);
}

static void
remove_cb (GSimpleAction *action,
           GVariant      *param,
           gpointer       user_data)
{
  JpContactsBlock *self = user_data;

  _jp_contacts_remove_item (self->widget, self->database, self->item, jp_contacts_block_get_title (self));
}

static void
add_actions (JpContactsBlock *self)
{
  const GActionEntry entries[] = {
    { self->kind->add_action, add_child_cb },
    { "move-up", move_up_cb },
    { "move-down", move_down_cb },
    { "remove", remove_cb },
  };

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (self->widget, self->kind->prefix, G_ACTION_GROUP (self->actions));
}

static void
jp_contacts_block_dispose (GObject *object)
{
  JpContactsBlock *self = JP_CONTACTS_BLOCK (object);

  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_pointer (&self->children, jp_contacts_children_free);
  if (self->actions && self->widget)
    gtk_widget_insert_action_group (self->widget, self->kind->prefix, NULL);
  g_clear_object (&self->actions);
  g_clear_object (&self->model);
  g_clear_object (&self->item);
  g_clear_object (&self->database);
  self->widget = NULL;
  self->title_row = NULL;

  G_OBJECT_CLASS (jp_contacts_block_parent_class)->dispose (object);
}

static void
jp_contacts_block_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JpContactsBlock *self = JP_CONTACTS_BLOCK (object);

  switch (prop_id)
    {
    case PROP_HIDE_EXPIRED:
      g_value_set_boolean (value, jp_contacts_block_get_hide_expired (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_contacts_block_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  JpContactsBlock *self = JP_CONTACTS_BLOCK (object);

  switch (prop_id)
    {
    case PROP_HIDE_EXPIRED:
      jp_contacts_block_set_hide_expired (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_contacts_block_class_init (JpContactsBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jp_contacts_block_dispose;
  object_class->get_property = jp_contacts_block_get_property;
  object_class->set_property = jp_contacts_block_set_property;

  properties[PROP_HIDE_EXPIRED] =
    g_param_spec_boolean ("hide-expired", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jp_contacts_block_init (JpContactsBlock *self)
{
}

JpContactsBlock *
jp_contacts_block_new (GtkWidget            *widget,
                       JpDatabase           *database,
                       JpItem               *item,
                       JpKind                child_kind,
                       AdwEntryRow          *title_row,
                       JpContactsCreateFunc  create,
                       JpContactsChildFunc   add,
                       JpContactsChildFunc   remove)
{
  JpContactsBlock *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (JP_IS_DATABASE (database), NULL);
  g_return_val_if_fail (JP_IS_ITEM (item), NULL);
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (title_row), NULL);

  /* Set once: the block lives and dies with @widget. */
  self = g_object_new (JP_TYPE_CONTACTS_BLOCK, NULL);
  self->database = g_object_ref (database);
  self->item = g_object_ref (item);
  self->child_kind = child_kind;
  for (guint i = 0; i < G_N_ELEMENTS (block_kinds); i++)
    if (block_kinds[i].child_kind == child_kind)
      self->kind = &block_kinds[i];
  g_return_val_if_fail (self->kind != NULL, self);

  self->widget = widget;
  self->title_row = title_row;
  add_actions (self);
  self->model = jp_database_get_children (database, item, JP_KIND_MASK (child_kind));
  self->children = jp_contacts_children_new (database, self->model, widget, create, add, remove);
  /* After the children are in step (connected later, so called later). */
  g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (emit_changed), self);
  g_signal_connect_object (item, "notify::revision", G_CALLBACK (on_item_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::position", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  on_item_changed (self);
  return self;
}

JpDatabase *
jp_contacts_block_get_database (JpContactsBlock *self)
{
  g_return_val_if_fail (JP_IS_CONTACTS_BLOCK (self), NULL);
  return self->database;
}

JpItem *
jp_contacts_block_get_item (JpContactsBlock *self)
{
  g_return_val_if_fail (JP_IS_CONTACTS_BLOCK (self), NULL);
  return self->item;
}

JpKind
jp_contacts_block_get_child_kind (JpContactsBlock *self)
{
  g_return_val_if_fail (JP_IS_CONTACTS_BLOCK (self), JP_N_KINDS);
  return self->child_kind;
}

const char *
jp_contacts_block_get_title (JpContactsBlock *self)
{
  const char *title;

  g_return_val_if_fail (JP_IS_CONTACTS_BLOCK (self), "");

  title = jp_item_get_display_text (self->item, JP_TEXT_TITLE, jp_database_get_language (self->database), NULL);
  return *title ? title : _(self->kind->placeholder);
}

GPtrArray *
jp_contacts_block_get_children (JpContactsBlock *self)
{
  g_return_val_if_fail (JP_IS_CONTACTS_BLOCK (self), NULL);
  return jp_contacts_children_get (self->children);
}

gboolean
jp_contacts_block_get_hide_expired (JpContactsBlock *self)
{
  g_return_val_if_fail (JP_IS_CONTACTS_BLOCK (self), FALSE);
  return self->hide_expired;
}

void
jp_contacts_block_set_hide_expired (JpContactsBlock *self,
                                    gboolean         hide)
{
  g_return_if_fail (JP_IS_CONTACTS_BLOCK (self));

  hide = !!hide;
  if (self->hide_expired != hide)
    {
      self->hide_expired = hide;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDE_EXPIRED]);
    }
  /* The children may have changed validity meanwhile: shown anew in any
   * case, as before. */
  emit_changed (self);
}

void
jp_contacts_block_apply_title (JpContactsBlock *self)
{
  g_return_if_fail (JP_IS_CONTACTS_BLOCK (self));

  _jp_contacts_apply_entry (self->title_row, self->database, self->item, TRUE, JP_TEXT_TITLE, NULL);
}

void
jp_contacts_block_refresh (JpContactsBlock *self)
{
  g_return_if_fail (JP_IS_CONTACTS_BLOCK (self));
  update_actions (self);
}
