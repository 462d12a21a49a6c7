/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-contacts-block"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/contacts/jp-contacts-block.h"
#include "ui/contacts/jp-contacts-person.h"
#include "ui/contacts/jp-contacts-private.h"

/* The two blocks of the contacts page, by the kind of their children:
 * a team (an AdwPreferencesGroup of subject lines) and a subject line
 * (an AdwExpanderRow of people).  Both widgets come from a builder file
 * and differ only by what this table says. */
typedef struct {
  JpKind               child_kind;
  const char          *resource;     /* the widget, with "title_row" */
  const char          *prefix;       /* of the actions */
  const char          *add_action;
  const char          *placeholder;  /* the title of a block without one */
  JpContactsCreateFunc create;       /* a child's widget */
  void               (*update)       (JpContactsBlock *self);
} BlockKind;

static GtkWidget *create_subject (JpStore *db, JpItem *item, gpointer owner);
static GtkWidget *create_person  (JpStore *db, JpItem *item, gpointer owner);
static void       update_team    (JpContactsBlock *self);
static void       update_subject (JpContactsBlock *self);

static const BlockKind block_kinds[] = {
  { JP_KIND_SUBJECT, "/int/benelux/Jaarplan/jp-contacts-team.ui", "team", "add-subject", N_("New Team"),
    create_subject, update_team },
  { JP_KIND_CONTACT, "/int/benelux/Jaarplan/jp-contacts-subject.ui", "subject", "add-person", N_("New Subject"),
    create_person, update_subject },
};

struct _JpContactsBlock
{
  GObject             parent_instance;

  JpStore            *store;
  JpItem             *item;
  JpKind              child_kind;
  gboolean            hide_expired;

  const BlockKind    *kind;
  GtkWidget          *widget;       /* unowned: it owns the block until destroyed */
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

static GParamSpec *properties[N_PROPS];

static void
update_actions (JpContactsBlock *self)
{
  GAction *up = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "move-up");
  GAction *down = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "move-down");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (up), _jp_contacts_can_move (self->store, self->item, -1));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (down), _jp_contacts_can_move (self->store, self->item, +1));
}

/* The item, its children or hide-expired changed: shown anew. */
static void
show_changes (JpContactsBlock *self)
{
  if (self->widget)
    self->kind->update (self);
}

/* The title above a team; its subject lines follow what it hides. */
static void
update_team (JpContactsBlock *self)
{
  g_autofree char *markup = g_markup_escape_text (jp_contacts_block_get_title (self), -1);
  GPtrArray *rows = jp_contacts_children_get (self->children);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->widget), markup);
  for (guint i = 0; i < rows->len; i++)
    {
      JpContactsBlock *subject = jp_contacts_block_get_for_widget (rows->pdata[i]);

      jp_contacts_block_set_hide_expired (subject, self->hide_expired);
      jp_contacts_block_refresh (subject);
    }
}

/* The people of a subject line, as the printed page lists them, under
 * the line's title. */
static void
update_subject (JpContactsBlock *self)
{
  GPtrArray *rows = jp_contacts_children_get (self->children);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *markup = NULL;
  guint n_visible = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      JpContactsPerson *person = rows->pdata[i];
      JpItem *contact = jp_contacts_person_get_item (person);
      const char *name = jp_item_get_field (contact, JP_FIELD_PERSON);
      gboolean visible = !self->hide_expired || jp_contacts_person_is_current (person);

      gtk_widget_set_visible (GTK_WIDGET (person), visible);
      jp_contacts_person_refresh (person);
      if (!visible)
        continue;
      n_visible++;
      if (names->len)
        g_string_append (names, ", ");
      g_string_append (names, name && *name ? name : _("New Person"));
    }
  if (rows->len == 0)
    g_string_append (names, _("Nobody yet"));
  /* Just one person: the whole line, as printed. */
  if (rows->len == 1 && n_visible == 1)
    {
      JpItem *contact = jp_contacts_person_get_item (rows->pdata[0]);
      const char *email = jp_item_get_field (contact, JP_FIELD_EMAIL);
      const char *phone = jp_item_get_field (contact, JP_FIELD_PHONE);

      if (email && *email)
        g_string_append_printf (names, " · %s", email);
      if (phone && *phone)
        g_string_append_printf (names, " · %s", phone);
    }
  markup = g_markup_escape_text (names->str, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->widget), jp_contacts_block_get_title (self));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->widget), markup);
  /* A line whose people have all left is hidden with them; an empty one
   * (a post to fill) stays. */
  gtk_widget_set_visible (self->widget, n_visible > 0 || rows->len == 0);
}

static GtkWidget *
create_subject (JpStore    *db,
                JpItem     *item,
                gpointer    owner)
{
  return jp_contacts_block_new (db, item, JP_KIND_CONTACT);
}

static GtkWidget *
create_person (JpStore    *db,
               JpItem     *item,
               gpointer    owner)
{
  /* A change of a person (name, validity) shows in the summary. */
  g_signal_connect_object (item, "notify::revision", G_CALLBACK (show_changes), owner, G_CONNECT_SWAPPED);
  return g_object_ref_sink (jp_contacts_person_new (db, item));
}

/* Into the block's widget, or out of it: the rows of a group, the
 * rows of an expander row. */
static void
add_child (gpointer   owner,
           GtkWidget *child)
{
  JpContactsBlock *self = owner;

  if (ADW_IS_EXPANDER_ROW (self->widget))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (self->widget), child);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->widget), child);
}

static void
remove_child (gpointer   owner,
              GtkWidget *child)
{
  JpContactsBlock *self = owner;

  if (ADW_IS_EXPANDER_ROW (self->widget))
    adw_expander_row_remove (ADW_EXPANDER_ROW (self->widget), child);
  else
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->widget), child);
}

static void
on_item_changed (JpContactsBlock *self)
{
  JpLang lang = jp_store_get_language (self->store);

  _jp_contacts_sync_entry (self->title_row, jp_item_get_text (self->item, JP_TEXT_TITLE, lang));
  show_changes (self);
  update_actions (self);
}

static void
add_child_cb (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  JpContactsBlock *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) child = jp_store_add_item (self->store, self->item, self->child_kind, NULL, &error);
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

  _jp_contacts_move_item (self->widget, self->store, self->item, -1);
}

static void
move_down_cb (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  JpContactsBlock *self = user_data;

  _jp_contacts_move_item (self->widget, self->store, self->item, +1);
}

static void
remove_cb (GSimpleAction *action,
           GVariant      *param,
           gpointer       user_data)
{
  JpContactsBlock *self = user_data;

  _jp_contacts_remove_item (self->widget, self->store, self->item, jp_contacts_block_get_title (self));
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
  g_clear_object (&self->store);
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
}

static void
jp_contacts_block_init (JpContactsBlock *self)
{
}

static void
on_title_apply (JpContactsBlock *self)
{
  jp_contacts_block_apply_title (self);
}

/* The widget goes: so does its block, with the widget still there to
 * take the actions back from. */
static void
on_widget_destroy (GtkWidget *widget)
{
  g_object_set_data (G_OBJECT (widget), "jp-contacts-block", NULL);
}

static void
load_widget (JpContactsBlock *self)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GError) error = NULL;

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "on_title_apply", G_CALLBACK (on_title_apply));
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, self->kind->resource, &error))
    g_error ("%s: %s", self->kind->resource, error->message);
  self->widget = g_object_ref (GTK_WIDGET (gtk_builder_get_object (builder, "block")));
  self->title_row = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "title_row"));
  g_object_set_data_full (G_OBJECT (self->widget), "jp-contacts-block", self, g_object_unref);
  g_signal_connect (self->widget, "destroy", G_CALLBACK (on_widget_destroy), NULL);
}

GtkWidget *
jp_contacts_block_new (JpStore    *store,
                       JpItem     *item,
                       JpKind      child_kind)
{
  JpContactsBlock *self;

  g_return_val_if_fail (JP_IS_STORE (store), NULL);
  g_return_val_if_fail (JP_IS_ITEM (item), NULL);

  self = g_object_new (JP_TYPE_CONTACTS_BLOCK, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (block_kinds); i++)
    if (block_kinds[i].child_kind == child_kind)
      self->kind = &block_kinds[i];
  if (self->kind == NULL)
    {
      g_critical ("%s: no block has children of kind %d", G_STRFUNC, child_kind);
      g_object_unref (self);
      return NULL;
    }

  /* Set once: the block lives and dies with its widget. */
  self->store = g_object_ref (store);
  self->item = g_object_ref (item);
  self->child_kind = child_kind;
  load_widget (self);
  add_actions (self);
  self->model = jp_store_get_children (store, item, JP_KIND_MASK (child_kind));
  self->children = jp_contacts_children_new (store, self->model, self,
                                             self->kind->create, add_child, remove_child);
  /* After the children are in step (connected later, so called later). */
  g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (show_changes), self);
  g_signal_connect_object (item, "notify::revision", G_CALLBACK (on_item_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::position", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  on_item_changed (self);
  return self->widget;
}

JpContactsBlock *
jp_contacts_block_get_for_widget (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  return g_object_get_data (G_OBJECT (widget), "jp-contacts-block");
}

JpStore *
jp_contacts_block_get_store (JpContactsBlock *self)
{
  g_return_val_if_fail (JP_IS_CONTACTS_BLOCK (self), NULL);
  return self->store;
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

  title = jp_item_get_display_text (self->item, JP_TEXT_TITLE, jp_store_get_language (self->store), NULL);
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
  show_changes (self);
}

void
jp_contacts_block_apply_title (JpContactsBlock *self)
{
  g_return_if_fail (JP_IS_CONTACTS_BLOCK (self));

  _jp_contacts_apply_entry (self->title_row, self->store, self->item, TRUE, JP_TEXT_TITLE, NULL);
}

void
jp_contacts_block_refresh (JpContactsBlock *self)
{
  g_return_if_fail (JP_IS_CONTACTS_BLOCK (self));
  update_actions (self);
}
