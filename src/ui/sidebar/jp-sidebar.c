/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-sidebar"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ui/sidebar/jp-sidebar-children.h"
#include "ui/sidebar/jp-sidebar-private.h"
#include "ui/sidebar/jp-sidebar-row.h"
#include "model/jp-translations.h"

#define SEARCH_LIMIT 2000


G_DEFINE_FINAL_TYPE (JpSidebar, jp_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_ITEM,
  PROP_SEARCH_MODE,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  CONTACT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_visible (JpSidebar *self,
            JpItem    *item)
{
  gint64 id = jp_item_get_id (item);

  return g_hash_table_contains (self->visible, &id);
}

static gboolean
any_visible (JpSidebar  *self,
             GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpItem) item = g_list_model_get_item (model, i);
      if (is_visible (self, item))
        return TRUE;
    }
  return FALSE;
}

static gboolean
filter_func (gpointer object,
             gpointer user_data)
{
  JpSidebar *self = user_data;

  if (self->visible == NULL)
    return TRUE;
  if (object == self->no_area)
    {
      g_autoptr(GListModel) sections = jp_store_get_area_sections (self->db, NULL);
      return any_visible (self, sections);
    }
  if (is_visible (self, object))
    return TRUE;
  if (jp_item_get_kind (object) == JP_KIND_AREA)
    {
      g_autoptr(GListModel) sections = jp_store_get_area_sections (self->db, object);
      return any_visible (self, sections);
    }
  return FALSE;
}

/* Only a search filters the rows: the tree is built anew for each, and
 * without one a filter would read every row of a level, shown or not. */
static GListModel *
filtered (JpSidebar  *self,
          GListModel *model)
{
  if (self->visible == NULL)
    return model;
  return G_LIST_MODEL (gtk_filter_list_model_new (model, g_object_ref (GTK_FILTER (self->filter))));
}

static GListModel *
create_children (gpointer object,
                 gpointer user_data)
{
  JpSidebar *self = user_data;
  gboolean area;
  guint kinds;

  if (object == self->no_area)
    return filtered (self, jp_sidebar_children_new (self->db, NULL, TRUE, JP_KIND_MASK_ALL));

  kinds = jp_kind_get_info (jp_item_get_kind (object))->sidebar_children;
  if (kinds == 0)
    return NULL;
  /* An area's sections are linked to it, not under it.  No expander on
   * a row that has nothing under it; the rows themselves are read when
   * the row is opened. */
  area = jp_item_get_kind (object) == JP_KIND_AREA;
  if (area ? !jp_store_has_area_sections (self->db, object) : !jp_store_has_children (self->db, object, kinds))
    return NULL;
  return filtered (self, jp_sidebar_children_new (self->db, object, area, kinds));
}

static GListModel *
create_root (JpSidebar *self)
{
  g_autoptr(JpItem) root = jp_store_get_root (self->db);
  g_autoptr(JpItem) programme = NULL;
  GListStore *parts;
  g_autoptr(GListStore) no_area = NULL;

  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  if (self->view == JP_SIDEBAR_VIEW_CHAPTERS)
    {
      g_autoptr(GListModel) chapters = jp_store_get_children (self->db, root, JP_KIND_MASK (JP_KIND_CHAPTER));
      g_list_store_append (parts, chapters);
      g_list_store_append (parts, self->contacts);
      return filtered (self, G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts))));
    }

  programme = jp_store_find_child (self->db, root, JP_KIND_PROGRAMME);
  if (programme != NULL)
    {
      g_autoptr(GListModel) areas = jp_store_get_children (self->db, programme, JP_KIND_MASK (JP_KIND_AREA));
      g_list_store_append (parts, areas);
    }
  no_area = g_list_store_new (G_TYPE_OBJECT);
  g_list_store_append (no_area, self->no_area);
  g_list_store_append (parts, no_area);
  g_list_store_append (parts, self->contacts);
  return filtered (self, G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts))));
}

static JpItem *
row_item (gpointer row)
{
  g_autoptr(GObject) object = NULL;

  if (row == NULL)
    return NULL;
  object = gtk_tree_list_row_get_item (row);
  return JP_IS_ITEM (object) ? JP_ITEM (object) : NULL;
}

static void
on_selection_changed (JpSidebar *self)
{
  gpointer row = gtk_single_selection_get_selected_item (self->selection);
  JpItem *item = row_item (row);

  if (self->selecting > 0 || item == self->selected)
    return;
  if (item != NULL && _jp_sidebar_is_contact (item))
    {
      /* A contact found opens the contacts page at that person. */
      g_signal_emit (self, signals[CONTACT_ACTIVATED], 0, item);
      return;
    }
  g_set_object (&self->selected, item);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

static void
update_stack (JpSidebar *self)
{
  gboolean empty = self->visible != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->tree)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "tree");
}

static void
rebuild (JpSidebar *self)
{
  g_autoptr(JpItem) selected = self->selected ? g_object_ref (self->selected) : NULL;

  g_clear_object (&self->tree);
  self->tree = gtk_tree_list_model_new (create_root (self), FALSE, self->visible != NULL,
                                        create_children, self, NULL);
  g_signal_connect_object (self->tree, "items-changed", G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);

  /* The same item stays selected, unless the new tree hides it. */
  self->selecting++;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (selected && !jp_item_get_removed (selected))
    jp_sidebar_select_item (self, selected);
  self->selecting--;
  on_selection_changed (self);
  update_stack (self);
}

static void on_search_changed (JpSidebar *self);

void
jp_sidebar_set_search_text (JpSidebar  *self,
                            const char *text)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;

  g_return_if_fail (JP_IS_SIDEBAR (self));

  query = g_strstrip (g_strdup (text ? text : ""));
  g_clear_pointer (&self->visible, g_hash_table_unref);
  g_clear_pointer (&self->matched, g_hash_table_unref);
  g_clear_object (&self->first_match);
  g_list_store_remove_all (self->contacts);
  self->n_matches = 0;
  g_free (self->query);
  self->query = g_strdup (query);
  if (*query != '\0')
    {
      self->visible = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      self->matched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      ids = jp_store_search (self->db, query, SEARCH_LIMIT, &error);
      if (ids == NULL)
        g_debug ("Search for “%s” failed: %s", query, error->message);
      for (guint i = 0; ids && i < ids->len; i++)
        {
          g_autoptr(JpItem) item = jp_store_lookup (self->db, g_array_index (ids, gint64, i));
          if (item && (!self->untranslated_only || jp_translations_item_is_incomplete (item)))
            {
              gint64 *matched = g_new (gint64, 1);

              *matched = jp_item_get_id (item);
              g_hash_table_add (self->matched, matched);
              self->n_matches++;
              if (_jp_sidebar_is_contact (item))
                {
                  gint64 *id = g_new (gint64, 1);

                  *id = jp_item_get_id (item);
                  g_hash_table_add (self->visible, id);
                  g_list_store_append (self->contacts, item);
                }
              else
                _jp_sidebar_add_with_ancestors (self, item);
            }
        }
      _jp_sidebar_add_numbered (self, query);
    }
  else if (self->untranslated_only)
    {
      g_autoptr(GPtrArray) items = jp_translations_find_incomplete (self->db);

      self->visible = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < items->len; i++)
        _jp_sidebar_add_with_ancestors (self, items->pdata[i]);
    }
  if (self->untranslated_only && *query == '\0')
    {
      adw_status_page_set_icon_name (self->empty_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->empty_page, _("Everything Is Translated"));
      adw_status_page_set_description (self->empty_page, _("Every text of the plan has a Dutch and a French version."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page,
                                       self->untranslated_only
                                       ? _("No untranslated text, code or person of the plan matches the search.")
                                       : _("No text, code or person of the plan matches the search."));
    }
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ? text : "") != 0)
    {
      /* Setting the text empties the entry first, which must not search. */
      g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
      g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
    }
  if (*query != '\0')
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", self->n_matches),
                                                self->n_matches);
      gtk_label_set_label (self->count_label, count);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), *query != '\0' && self->n_matches > 0);
  rebuild (self);
  /* New results are read from the top, unless they hold the open row. */
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION &&
      g_list_model_get_n_items (G_LIST_MODEL (self->tree)) > 0)
    {
      self->scroll_to_selected = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
    }
}

const char *
jp_sidebar_get_search_text (JpSidebar *self)
{
  g_return_val_if_fail (JP_IS_SIDEBAR (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

gboolean
jp_sidebar_get_untranslated_only (JpSidebar *self)
{
  g_return_val_if_fail (JP_IS_SIDEBAR (self), FALSE);
  return self->untranslated_only;
}

void
jp_sidebar_set_untranslated_only (JpSidebar *self,
                                  gboolean   untranslated_only)
{
  g_return_if_fail (JP_IS_SIDEBAR (self));

  untranslated_only = !!untranslated_only;
  if (self->untranslated_only == untranslated_only)
    return;
  self->untranslated_only = untranslated_only;
  jp_sidebar_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

double
jp_sidebar_get_scroll_position (JpSidebar *self)
{
  g_return_val_if_fail (JP_IS_SIDEBAR (self), 0);
  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scrolled));
}

static gboolean
scroll_idle (gpointer data)
{
  JpSidebar *self = data;
  guint position = gtk_single_selection_get_selected (self->selection);

  self->scroll_idle_id = 0;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return G_SOURCE_REMOVE;
}

static void
apply_pending_scroll (JpSidebar *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scrolled);

  if (self->pending_scroll < 0)
    {
      /* GtkListView scrolls to a row only once it knows its own height:
       * a row selected before (at start, in a tree just rebuilt) is
       * brought into view now, once the list has settled. */
      if (self->scroll_to_selected && gtk_adjustment_get_page_size (adj) > 0)
        {
          self->scroll_to_selected = FALSE;
          if (self->scroll_idle_id == 0)
            self->scroll_idle_id = g_idle_add_full (G_PRIORITY_LOW, scroll_idle, self, NULL);
        }
      return;
    }
  self->scroll_to_selected = FALSE;
  gtk_adjustment_set_value (adj, self->pending_scroll);
  /* Done once the list is tall enough to hold the position. */
  if (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) >= self->pending_scroll)
    self->pending_scroll = -1;
}

void
jp_sidebar_set_scroll_position (JpSidebar *self,
                                double     position)
{
  g_return_if_fail (JP_IS_SIDEBAR (self));

  self->pending_scroll = MAX (position, 0);
  apply_pending_scroll (self);
}

static void
on_search_changed (JpSidebar *self)
{
  jp_sidebar_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Return in the search entry opens the item a typed number names, or
 * else the first match shown. */
static void
on_search_activate (JpSidebar *self)
{
  g_autoptr(JpItem) item = self->first_match ? g_object_ref (self->first_match) : _jp_sidebar_first_shown_match (self);

  if (item == NULL || jp_item_get_removed (item))
    return;
  if (_jp_sidebar_is_contact (item))
    {
      g_signal_emit (self, signals[CONTACT_ACTIVATED], 0, item);
      return;
    }
  /* Selecting the row opens the item; activating it shows its pane
   * where the sidebar and the pane do not fit side by side. */
  jp_sidebar_select_item (self, item);
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

static void
on_search_mode (JpSidebar *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar) &&
      *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    jp_sidebar_set_search_text (self, "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
on_activate (JpSidebar *self,
             guint      position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  JpItem *item = row_item (row);

  if (item == NULL)
    {
      gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
      return;
    }
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          JpSidebar                *self)
{
  gtk_list_item_set_child (list_item, jp_sidebar_row_new (self->db, self->counts));
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         JpSidebar                *self)
{
  JpSidebarRow *row = JP_SIDEBAR_ROW (gtk_list_item_get_child (list_item));

  jp_sidebar_row_set_highlight (row, self->visible != NULL ? self->query : NULL);
  jp_sidebar_row_set_row (row, gtk_list_item_get_item (list_item));
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           JpSidebar                *self)
{
  jp_sidebar_row_set_row (JP_SIDEBAR_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
jp_sidebar_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JpSidebar *self = JP_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ITEM:
      g_value_set_object (value, jp_sidebar_get_selected_item (self));
      break;
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, jp_sidebar_get_search_mode (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_sidebar_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  JpSidebar *self = JP_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      jp_sidebar_set_search_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_sidebar_dispose (GObject *object)
{
  JpSidebar *self = JP_SIDEBAR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->scroll_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->filter);
  g_clear_object (&self->selected);
  g_clear_object (&self->first_match);
  g_clear_pointer (&self->matched, g_hash_table_unref);
  g_clear_object (&self->contacts);
  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->no_area);
  g_clear_pointer (&self->visible, g_hash_table_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jp_sidebar_parent_class)->dispose (object);
}

static void
jp_sidebar_class_init (JpSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_sidebar_dispose;
  object_class->get_property = jp_sidebar_get_property;
  object_class->set_property = jp_sidebar_set_property;

  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL, JP_TYPE_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ITEM_ACTIVATED] = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, JP_TYPE_ITEM);
  /* A contact found was chosen: the window shows it on the contacts page. */
  signals[CONTACT_ACTIVATED] = g_signal_new ("contact-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, JP_TYPE_ITEM);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, JpSidebar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, JpSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JpSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, JpSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, JpSidebar, scrolled);
  gtk_widget_class_bind_template_child (widget_class, JpSidebar, empty_page);
  gtk_widget_class_bind_template_child (widget_class, JpSidebar, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
}

static void
jp_sidebar_init (JpSidebar *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->no_area = g_object_new (G_TYPE_OBJECT, NULL);
  self->counts = jp_sidebar_row_new_counts ();
  self->contacts = g_list_store_new (JP_TYPE_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  _jp_sidebar_keys_init (self);

  self->pending_scroll = -1;
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled), "changed",
                           G_CALLBACK (apply_pending_scroll), self, G_CONNECT_SWAPPED);
}

/* Any move or removal may change a section's counts. */
static void
forget_counts (JpSidebar *self)
{
  g_hash_table_remove_all (self->counts);
}

GtkWidget *
jp_sidebar_new (JpStore *db)
{
  JpSidebar *self;

  g_return_val_if_fail (JP_IS_STORE (db), NULL);

  self = g_object_new (JP_TYPE_SIDEBAR, NULL);
  self->db = g_object_ref (db);
  /* Before the rows, which show the counts again. */
  g_signal_connect_object (db, "structure-changed", G_CALLBACK (forget_counts), self, G_CONNECT_SWAPPED);
  rebuild (self);
  return GTK_WIDGET (self);
}

JpSidebarView
jp_sidebar_get_view (JpSidebar *self)
{
  g_return_val_if_fail (JP_IS_SIDEBAR (self), JP_SIDEBAR_VIEW_AREAS);
  return self->view;
}

void
jp_sidebar_set_view (JpSidebar     *self,
                     JpSidebarView  view)
{
  g_return_if_fail (JP_IS_SIDEBAR (self));

  if (self->view == view)
    return;
  self->view = view;
  rebuild (self);
}

GListModel *
jp_sidebar_get_model (JpSidebar *self)
{
  g_return_val_if_fail (JP_IS_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->tree);
}

JpItem *
jp_sidebar_get_selected_item (JpSidebar *self)
{
  g_return_val_if_fail (JP_IS_SIDEBAR (self), NULL);
  return self->selected;
}

/* The nodes from the top of the tree down to @item's row. */
static GPtrArray *
tree_path (JpSidebar *self,
           JpItem    *item)
{
  GPtrArray *path = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JpItem) current = g_object_ref (item);
  guint shown = 0;

  /* The kinds that have rows under another's. */
  for (JpKind k = 0; k < JP_N_KINDS; k++)
    shown |= jp_kind_get_info (k)->sidebar_children;

  while (current != NULL)
    {
      JpKind kind = jp_item_get_kind (current);
      JpItem *parent;

      if (kind == JP_KIND_CHAPTER || kind == JP_KIND_AREA)
        {
          /* The top of one view or the other. */
          if (kind == (self->view == JP_SIDEBAR_VIEW_CHAPTERS ? JP_KIND_CHAPTER : JP_KIND_AREA))
            g_ptr_array_insert (path, 0, g_object_ref (current));
          return path;
        }
      if (shown & JP_KIND_MASK (kind))
        {
          g_ptr_array_insert (path, 0, g_object_ref (current));
          if (kind == JP_KIND_SECTION && self->view == JP_SIDEBAR_VIEW_AREAS)
            {
              /* Under the first area it is linked to. */
              g_autoptr(GListModel) areas = jp_store_get_section_areas (self->db, current);
              GObject *top = g_list_model_get_item (areas, 0);
              g_ptr_array_insert (path, 0, top ? top : g_object_ref (self->no_area));
              return path;
            }
        }
      else
        {
          /* Not in the tree: its nearest ancestor stands for it. */
          g_ptr_array_set_size (path, 0);
        }
      parent = jp_store_get_parent (self->db, current);
      g_object_unref (current);
      current = parent;
    }
  return path;
}

static guint
find_in (GListModel *model,
         gpointer    object)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      if (item == object)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static GtkTreeListRow *
find_row (JpSidebar *self,
          GPtrArray *path)
{
  GtkTreeListRow *row = NULL;

  for (guint i = 0; i < path->len; i++)
    {
      GListModel *level = row ? gtk_tree_list_row_get_children (row)
                              : gtk_tree_list_model_get_model (self->tree);
      GtkTreeListRow *child;
      guint pos;

      if (level == NULL || (pos = find_in (level, path->pdata[i])) == GTK_INVALID_LIST_POSITION)
        {
          g_clear_object (&row);
          return NULL;
        }
      child = row ? gtk_tree_list_row_get_child_row (row, pos)
                  : gtk_tree_list_model_get_child_row (self->tree, pos);
      if (i + 1 < path->len)
        gtk_tree_list_row_set_expanded (child, TRUE);
      g_clear_object (&row);
      row = child;
    }
  return row;
}

gboolean
jp_sidebar_select_item (JpSidebar *self,
                        JpItem    *item)
{
  g_autoptr(GPtrArray) path = NULL;
  g_autoptr(GtkTreeListRow) row = NULL;
  guint position;

  g_return_val_if_fail (JP_IS_SIDEBAR (self), FALSE);
  g_return_val_if_fail (item == NULL || JP_IS_ITEM (item), FALSE);

  if (item == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return TRUE;
    }
  path = tree_path (self, item);
  if (path->len == 0)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return FALSE;
    }
  row = find_row (self, path);
  if (row == NULL && self->selecting == 0)
    {
      /* A row that had no children when the tree was built has no
       * expander yet: build the tree again and look once more. */
      self->selecting++;
      rebuild (self);
      self->selecting--;
      row = find_row (self, path);
    }
  if (row == NULL)
    return FALSE;
  position = gtk_tree_list_row_get_position (row);
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  /* And again once the list has its height and its rows, if it has
   * them not yet. */
  self->scroll_to_selected = TRUE;
  apply_pending_scroll (self);
  return TRUE;
}

gboolean
jp_sidebar_get_search_mode (JpSidebar *self)
{
  g_return_val_if_fail (JP_IS_SIDEBAR (self), FALSE);
  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
jp_sidebar_set_key_capture_widget (JpSidebar *self,
                                   GtkWidget *widget)
{
  g_return_if_fail (JP_IS_SIDEBAR (self));

  /* Typing where no field takes the keys starts a search, and what is
   * typed right after Ctrl+F, before the search bar is shown, is kept. */
  _jp_sidebar_capture_keys (self, widget);
}

void
jp_sidebar_set_search_mode (JpSidebar *self,
                            gboolean   search_mode)
{
  g_return_if_fail (JP_IS_SIDEBAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
  if (search_mode)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
jp_sidebar_refresh (JpSidebar *self)
{
  g_return_if_fail (JP_IS_SIDEBAR (self));

  if (self->visible != NULL || self->untranslated_only)
    jp_sidebar_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  else
    rebuild (self);
}
