/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-pane"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ui/window/jp-error-report.h"
#include "ui/panes/jp-field-binding.h"
#include "ui/panes/jp-history-group.h"
#include "ui/panes/jp-item-row.h"
#include "ui/panes/jp-pane.h"
#include "ui/panes/jp-text-row.h"
#include "model/jp-translations.h"

typedef struct
{
  JpStore    *store;
  JpItem     *item;
  JpLang      language;
} JpPanePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (JpPane, jp_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ITEM,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jp_pane_dispose (GObject *object)
{
  JpPane *self = JP_PANE (object);
  JpPanePrivate *priv = jp_pane_get_instance_private (self);

  g_clear_object (&priv->item);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (jp_pane_parent_class)->dispose (object);
}

static void
jp_pane_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JpPane *self = JP_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, jp_pane_get_store (self));
      break;
    case PROP_ITEM:
      g_value_set_object (value, jp_pane_get_item (self));
      break;
    case PROP_LANGUAGE:
      g_value_set_int (value, jp_pane_get_language (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_pane_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  JpPane *self = JP_PANE (object);
  JpPanePrivate *priv = jp_pane_get_instance_private (self);

  /* All construct-only: set once, before constructed(). */
  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_ITEM:
      priv->item = g_value_dup_object (value);
      break;
    case PROP_LANGUAGE:
      priv->language = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static JpHistoryGroup *
find_history (GtkWidget *widget)
{
  if (JP_IS_HISTORY_GROUP (widget))
    return JP_HISTORY_GROUP (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      JpHistoryGroup *found = find_history (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
jp_pane_constructed (GObject *object)
{
  JpPanePrivate *priv = jp_pane_get_instance_private (JP_PANE (object));
  JpHistoryGroup *history;

  G_OBJECT_CLASS (jp_pane_parent_class)->constructed (object);

  g_return_if_fail (JP_IS_STORE (priv->store));
  g_return_if_fail (JP_IS_ITEM (priv->item));

  /* A pane's template places the item's history where it fits. */
  history = find_history (GTK_WIDGET (object));
  if (history != NULL)
    jp_history_group_bind (history, priv->store, priv->item);
}

static void
jp_pane_class_init (JpPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jp_pane_dispose;
  object_class->get_property = jp_pane_get_property;
  object_class->set_property = jp_pane_set_property;
  object_class->constructed = jp_pane_constructed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, JP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, JP_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* A JpLang. */
  properties[PROP_LANGUAGE] =
    g_param_spec_int ("language", NULL, NULL, 0, JP_N_LANGS - 1, JP_LANG_NL,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JP_TYPE_HISTORY_GROUP);
}

static void
jp_pane_init (JpPane *self)
{
}

GtkWidget *
jp_pane_new (GType       pane_type,
             JpStore    *store,
             JpItem     *item,
             JpLang      language)
{
  g_return_val_if_fail (g_type_is_a (pane_type, JP_TYPE_PANE), NULL);
  g_return_val_if_fail (JP_IS_STORE (store), NULL);
  g_return_val_if_fail (JP_IS_ITEM (item), NULL);

  return g_object_new (pane_type,
                       "store", store,
                       "item", item,
                       "language", language,
                       NULL);
}

JpStore *
jp_pane_get_store (JpPane *self)
{
  JpPanePrivate *priv = jp_pane_get_instance_private (self);

  g_return_val_if_fail (JP_IS_PANE (self), NULL);
  return priv->store;
}

JpItem *
jp_pane_get_item (JpPane *self)
{
  JpPanePrivate *priv = jp_pane_get_instance_private (self);

  g_return_val_if_fail (JP_IS_PANE (self), NULL);
  return priv->item;
}

JpLang
jp_pane_get_language (JpPane *self)
{
  JpPanePrivate *priv = jp_pane_get_instance_private (self);

  g_return_val_if_fail (JP_IS_PANE (self), JP_LANG_NL);
  return priv->language;
}

void
jp_pane_report_error (JpPane       *self,
                      const GError *error)
{
  g_return_if_fail (JP_IS_PANE (self));
  g_return_if_fail (error != NULL);

  jp_widget_report_error (GTK_WIDGET (self), error);
}

void
jp_pane_bind_text (JpPane      *self,
                   GtkWidget   *widget,
                   JpTextField  field)
{
  JpPanePrivate *priv = jp_pane_get_instance_private (self);

  g_return_if_fail (JP_IS_PANE (self));

  jp_field_binding_bind_text (widget, priv->store, priv->item, field, priv->language);
}

void
jp_pane_bind_field (JpPane    *self,
                    GtkWidget *widget,
                    JpField    field)
{
  JpPanePrivate *priv = jp_pane_get_instance_private (self);

  g_return_if_fail (JP_IS_PANE (self));

  jp_field_binding_bind_field (widget, priv->store, priv->item, field);
}

void
jp_pane_flush (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  jp_field_binding_flush (widget);
}

gboolean
jp_pane_focus_text (GtkWidget *widget,
                    JpItem    *item)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return jp_field_binding_focus_text (widget, item);
}

/* The translation status of @item and everything under it, in a row that
 * follows the edits. */
typedef struct {
  JpStore    *db;
  JpItem     *item;
  AdwActionRow *row;       /* weak */
  GtkLevelBar  *bar;
  GPtrArray  *watched;
  GPtrArray  *models;
  guint       idle_id;
} Status;

static void status_update (Status *s);

static gboolean
status_idle (gpointer data)
{
  Status *s = data;

  s->idle_id = 0;
  status_update (s);
  return G_SOURCE_REMOVE;
}

static void
status_queue (Status *s)
{
  if (s->idle_id == 0)
    s->idle_id = g_idle_add (status_idle, s);
}

static void
status_unwatch (Status *s)
{
  for (guint i = 0; i < s->watched->len; i++)
    g_signal_handlers_disconnect_by_func (s->watched->pdata[i], status_queue, s);
  for (guint i = 0; i < s->models->len; i++)
    g_signal_handlers_disconnect_by_func (s->models->pdata[i], status_queue, s);
  g_ptr_array_set_size (s->watched, 0);
  g_ptr_array_set_size (s->models, 0);
}

static void
status_update (Status *s)
{
  guint texts = 0, translated = 0;
  g_autofree char *subtitle = NULL;

  status_unwatch (s);
  jp_translations_count (s->db, s->item, &texts, &translated, s->watched, s->models);
  for (guint i = 0; i < s->watched->len; i++)
    g_signal_connect_swapped (s->watched->pdata[i], "notify::revision", G_CALLBACK (status_queue), s);
  for (guint i = 0; i < s->models->len; i++)
    g_signal_connect_swapped (s->models->pdata[i], "items-changed", G_CALLBACK (status_queue), s);
  /* Translators: the translation status of a section or chapter and all
   * it holds: "12 of 40 texts translated" (have both a Dutch and a French
   * version). */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u text translated",
                                           "%1$u of %2$u texts translated", texts),
                              translated, texts);
  adw_action_row_set_subtitle (s->row, subtitle);
  gtk_level_bar_set_max_value (s->bar, MAX (texts, 1));
  gtk_level_bar_set_value (s->bar, texts ? translated : 1);
}

static void
status_free (gpointer data)
{
  Status *s = data;

  g_clear_handle_id (&s->idle_id, g_source_remove);
  status_unwatch (s);
  g_ptr_array_unref (s->watched);
  g_ptr_array_unref (s->models);
  g_signal_handlers_disconnect_by_func (s->db, status_queue, s);
  g_clear_object (&s->db);
  g_clear_object (&s->item);
  g_free (s);
}

void
jp_pane_bind_translation_status (JpPane       *self,
                                 AdwActionRow *row)
{
  JpPanePrivate *priv = jp_pane_get_instance_private (self);
  Status *s;
  GtkWidget *bar;

  g_return_if_fail (JP_IS_PANE (self));
  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  s = g_new0 (Status, 1);
  s->db = g_object_ref (priv->store);
  s->item = g_object_ref (priv->item);
  s->row = row;
  s->watched = g_ptr_array_new_with_free_func (g_object_unref);
  s->models = g_ptr_array_new_with_free_func (g_object_unref);
  bar = gtk_level_bar_new ();
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  s->bar = GTK_LEVEL_BAR (bar);
  adw_action_row_add_suffix (row, bar);
  g_object_set_data_full (G_OBJECT (row), "jp-translation-status", s, status_free);
  /* A child added, removed or moved: count again. */
  g_signal_connect_swapped (s->db, "reloaded", G_CALLBACK (status_queue), s);
  status_update (s);
}

static GtkWidget *
create_item_row (gpointer item,
                 gpointer user_data)
{
  return jp_item_row_new (item, GPOINTER_TO_INT (user_data));
}

void
jp_pane_bind_item_list (JpPane     *self,
                        GtkListBox *list,
                        GListModel *model,
                        gboolean    reorderable)
{
  g_return_if_fail (JP_IS_PANE (self));
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  gtk_list_box_bind_model (list, model, create_item_row, GINT_TO_POINTER (reorderable), NULL);
}

typedef struct {
  JpStore    *db;
  guint       kinds;
  JpLang      lang;
} TextListData;

static void
text_list_data_free (gpointer data)
{
  TextListData *d = data;

  g_clear_object (&d->db);
  g_free (d);
}

static GListModel *
create_text_children (gpointer item,
                      gpointer user_data)
{
  TextListData *d = user_data;

  return jp_store_get_children (d->db, item, JP_KIND_MASK (JP_KIND_ITEM));
}

static GtkWidget *
create_text_row (gpointer item,
                 gpointer user_data)
{
  TextListData *d = user_data;
  GtkTreeListRow *row = item;
  g_autoptr(JpItem) jp_item = gtk_tree_list_row_get_item (row);

  return jp_text_row_new (d->db, jp_item, d->lang, gtk_tree_list_row_get_depth (row));
}

void
jp_pane_bind_text_list (JpPane     *self,
                        GtkListBox *list,
                        guint       kinds)
{
  JpPanePrivate *priv = jp_pane_get_instance_private (self);
  TextListData *d;
  GListModel *children;
  g_autoptr(GtkTreeListModel) tree = NULL;

  g_return_if_fail (JP_IS_PANE (self));
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  d = g_new0 (TextListData, 1);
  d->db = g_object_ref (priv->store);
  d->kinds = kinds;
  d->lang = priv->language;
  children = jp_store_get_children (d->db, priv->item, kinds);
  tree = gtk_tree_list_model_new (children, FALSE, TRUE, create_text_children, d, NULL);
  g_object_set_data_full (G_OBJECT (list), "jp-text-list", d, text_list_data_free);
  gtk_list_box_bind_model (list, G_LIST_MODEL (tree), create_text_row, d, NULL);
}

static gboolean
changes_nothing (const char *action)
{
  return action == NULL || strstr (action, "print") != NULL || strstr (action, "export") != NULL ||
         strstr (action, "open") != NULL;
}

void
jp_pane_set_read_only (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (JP_IS_HISTORY_GROUP (widget))
    {
      /* Its rows, read later, offer no Restore. */
      jp_history_group_set_read_only (JP_HISTORY_GROUP (widget), TRUE);
      return;
    }
  if (GTK_IS_EDITABLE (widget))
    {
      gtk_editable_set_editable (GTK_EDITABLE (widget), FALSE);
      /* Without the pencil that says it can be edited (style.css). */
      gtk_widget_add_css_class (widget, "jp-read-only");
      return;
    }
  if (GTK_IS_TEXT_VIEW (widget))
    {
      gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), FALSE);
      return;
    }
  if (ADW_IS_COMBO_ROW (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_SWITCH (widget) ||
      GTK_IS_CHECK_BUTTON (widget) ||
      (GTK_IS_BUTTON (widget) && !changes_nothing (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)))))
    {
      gtk_widget_set_sensitive (widget, FALSE);
      return;
    }
  /* A menu's items follow their actions. */
  if (GTK_IS_MENU_BUTTON (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    jp_pane_set_read_only (child);
}
