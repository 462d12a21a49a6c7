/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-sidebar-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ui/jp-kind-ui.h"
#include "ui/sidebar/jp-sidebar-children.h"
#include "ui/sidebar/jp-sidebar-row.h"
#include "model/jp-item-list.h"

/* The sections whose counts are read together with the one a row
 * shows: the rows after it in its level, which the list shows next. */
#define COUNTS_AHEAD 64

struct _JpSidebarRow
{
  GtkWidget        parent_instance;

  JpStore         *db;
  /* Shared by the rows: a section's id → its counts (guint[2]). */
  GHashTable      *counts;
  JpItem          *item;
  char            *highlight;
  gulong           label_id;
  gulong           revision_id;

  GtkTreeExpander *expander;
  GtkImage        *icon;
  GtkLabel        *label;
  GtkLabel        *tag;
  GtkLabel        *detail;
};

G_DEFINE_FINAL_TYPE (JpSidebarRow, jp_sidebar_row, GTK_TYPE_WIDGET)

/* The list of items @row is in, under its parent row, if it is one the
 * database reads (a search filters it). */
static JpItemList *
row_level (GtkTreeListRow *row)
{
  g_autoptr(GtkTreeListRow) parent = row ? gtk_tree_list_row_get_parent (row) : NULL;
  GListModel *level = parent ? gtk_tree_list_row_get_children (parent) : NULL;

  if (GTK_IS_FILTER_LIST_MODEL (level))
    level = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (level));
  if (JP_IS_SIDEBAR_CHILDREN (level))
    level = jp_sidebar_children_get_list (JP_SIDEBAR_CHILDREN (level));
  return JP_IS_ITEM_LIST (level) ? JP_ITEM_LIST (level) : NULL;
}

/* Reads the counts of @section and of the sections after it in its level
 * that have none yet, in one query. */
static void
read_counts (JpSidebarRow *self,
             JpItem       *section)
{
  JpItemList *level = row_level (gtk_tree_expander_get_list_row (self->expander));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = jp_item_get_id (section);
  g_autofree guint *counts = NULL;
  guint n = level ? g_list_model_get_n_items (G_LIST_MODEL (level)) : 0;
  guint start = n;

  g_array_append_val (ids, id);
  for (guint i = 0; i < n && start == n; i++)
    if (jp_item_list_get_id (level, i) == id)
      start = i;
  for (guint i = start + 1; i < n && ids->len < COUNTS_AHEAD; i++)
    {
      gint64 next = jp_item_list_get_id (level, i);

      if (!g_hash_table_contains (self->counts, &next))
        g_array_append_val (ids, next);
    }
  counts = jp_store_count_kinds (self->db, (gint64 *) ids->data, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 *key = g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64));
      guint *value = g_new (guint, 2);

      value[0] = counts[i * JP_N_KINDS + JP_KIND_PROJECT];
      value[1] = counts[i * JP_N_KINDS + JP_KIND_GROUP];
      g_hash_table_replace (self->counts, key, value);
    }
}

static char *
section_counts (JpSidebarRow *self,
                JpItem       *section)
{
  gint64 id = jp_item_get_id (section);
  guint *value = g_hash_table_lookup (self->counts, &id);
  guint projects, groups;
  g_autofree char *p = NULL;
  g_autofree char *g = NULL;

  if (value == NULL)
    {
      read_counts (self, section);
      value = g_hash_table_lookup (self->counts, &id);
    }
  projects = value[0];
  groups = value[1];
  p = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", projects), projects);
  g = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u group", "%u groups", groups), groups);

  if (projects == 0 && groups == 0)
    return g_strdup ("");
  if (groups == 0)
    return g_steal_pointer (&p);
  if (projects == 0)
    return g_steal_pointer (&g);
  return g_strdup_printf ("%s · %s", p, g);
}

/* A character as the search compares it: lower case, without accents. */
static gunichar
fold (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
    c = decomposed[0];
  return g_unichar_tolower (c);
}

/* The length in bytes of @word at @text, compared folded, or 0. */
static gsize
match_at (const char *text,
          const char *word)
{
  const char *t = text;

  for (const char *w = word; *w; w = g_utf8_next_char (w))
    {
      if (*t == '\0' || fold (g_utf8_get_char (t)) != fold (g_utf8_get_char (w)))
        return 0;
      t = g_utf8_next_char (t);
    }
  return t - text;
}

char *
jp_sidebar_row_highlight (const char *text,
                          const char *query)
{
  g_auto(GStrv) words = g_strsplit_set (query ? query : "", " \t\n", -1);
  gsize len = strlen (text);
  g_autofree gboolean *marked = g_new0 (gboolean, len + 1);
  GString *markup = g_string_new (NULL);
  gsize start = 0;

  /* Every place a word of the query is found, inside words too. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    for (guint i = 0; words[i]; i++)
      {
        gsize n = *words[i] ? match_at (p, words[i]) : 0;

        for (gsize k = 0; k < n; k++)
          marked[p - text + k] = TRUE;
      }
  while (start < len)
    {
      gsize end = start;
      g_autofree char *escaped = NULL;

      while (end < len && marked[end] == marked[start])
        end++;
      escaped = g_markup_escape_text (text + start, end - start);
      if (marked[start])
        g_string_append_printf (markup, "<b>%s</b>", escaped);
      else
        g_string_append (markup, escaped);
      start = end;
    }
  return g_string_free (markup, FALSE);
}

/* The list's row that takes the focus is named after what it shows
 * (its number and title), for screen readers. */
static void
name_row (JpSidebarRow *self)
{
  GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (self));

  if (cell != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_label_get_text (self->label), -1);
}

static void
update_label (JpSidebarRow *self)
{
  const char *label = jp_item_get_label (self->item);

  if (self->highlight && *self->highlight)
    {
      g_autofree char *markup = jp_sidebar_row_highlight (label, self->highlight);
      gtk_label_set_markup (self->label, markup);
    }
  else
    gtk_label_set_text (self->label, label);
  name_row (self);
}

/* What a contact found shows under its name: where to reach the person,
 * or what a team or subject line is. */
static char *
contact_detail (JpItem *item)
{
  const char *email = jp_item_get_field (item, JP_FIELD_EMAIL);
  const char *phone = jp_item_get_field (item, JP_FIELD_PHONE);

  if (jp_item_get_kind (item) != JP_KIND_CONTACT)
    return g_strdup (_("Contacts"));
  if (email && *email && phone && *phone)
    return g_strdup_printf ("%s · %s", email, phone);
  return g_strdup (email && *email ? email : phone ? phone : "");
}

static void
jp_sidebar_row_update (JpSidebarRow *self)
{
  JpItem *item = self->item;
  g_autofree char *detail = NULL;
  const char *code;
  JpKind kind;

  if (item == NULL)
    return;
  kind = jp_item_get_kind (item);

  switch (kind == JP_KIND_CONTACT || kind == JP_KIND_TEAM || kind == JP_KIND_SUBJECT
          ? JP_KIND_DETAIL_NONE : jp_kind_ui_get (kind)->detail)
    {
    case JP_KIND_DETAIL_COUNTS:
      detail = section_counts (self, item);
      break;
    case JP_KIND_DETAIL_CODE:
      code = jp_item_get_field (item, JP_FIELD_CODE);
      detail = g_strdup (code ? code : "");
      break;
    case JP_KIND_DETAIL_STATUS:
      detail = g_strdup (jp_status_get_title (jp_item_get_status (item)));
      break;
    case JP_KIND_DETAIL_NONE:
    default:
      detail = g_strdup ("");
      break;
    }
  if (kind == JP_KIND_CONTACT || kind == JP_KIND_TEAM || kind == JP_KIND_SUBJECT)
    {
      g_free (detail);
      detail = contact_detail (item);
    }
  if (self->highlight && *self->highlight && *detail)
    {
      g_autofree char *markup = jp_sidebar_row_highlight (detail, self->highlight);
      gtk_label_set_markup (self->detail, markup);
    }
  else
    gtk_label_set_text (self->detail, detail);
  update_label (self);
  gtk_widget_set_visible (GTK_WIDGET (self->detail), *detail != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->tag),
                          jp_kind_has_flag (kind, JP_KIND_FLAG_PHASED) &&
                          jp_item_get_phase (item) == JP_PHASE_NEW);
}

static void
on_structure_changed (JpSidebarRow *self)
{
  if (self->item && jp_kind_ui_get (jp_item_get_kind (self->item))->detail == JP_KIND_DETAIL_COUNTS)
    jp_sidebar_row_update (self);
}

static void
jp_sidebar_row_unbind (JpSidebarRow *self)
{
  if (self->item)
    {
      g_clear_signal_handler (&self->revision_id, self->item);
      g_clear_signal_handler (&self->label_id, self->item);
    }
  g_clear_object (&self->item);
}

void
jp_sidebar_row_set_row (JpSidebarRow   *self,
                        GtkTreeListRow *row)
{
  g_autoptr(GObject) object = NULL;

  g_return_if_fail (JP_IS_SIDEBAR_ROW (self));

  jp_sidebar_row_unbind (self);
  gtk_tree_expander_set_list_row (self->expander, row);
  if (row == NULL)
    return;

  object = gtk_tree_list_row_get_item (row);
  if (JP_IS_ITEM (object))
    {
      self->item = g_object_ref (JP_ITEM (object));
      gtk_image_set_from_icon_name (self->icon, jp_kind_get_icon_name (jp_item_get_kind (self->item)));
      self->label_id = g_signal_connect_swapped (self->item, "notify::label", G_CALLBACK (update_label), self);
      self->revision_id = g_signal_connect_swapped (self->item, "notify::revision",
                                                    G_CALLBACK (jp_sidebar_row_update), self);
      jp_sidebar_row_update (self);
    }
  else
    {
      /* The group of sections that serve no policy area. */
      gtk_image_set_from_icon_name (self->icon, "folder-symbolic");
      gtk_label_set_text (self->label, _("Sections serving no policy area"));
      name_row (self);
      gtk_widget_set_visible (GTK_WIDGET (self->detail), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->tag), FALSE);
    }
}

static void
jp_sidebar_row_dispose (GObject *object)
{
  JpSidebarRow *self = JP_SIDEBAR_ROW (object);

  jp_sidebar_row_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_SIDEBAR_ROW);
  g_clear_object (&self->db);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->highlight, g_free);

  G_OBJECT_CLASS (jp_sidebar_row_parent_class)->dispose (object);
}

static void
jp_sidebar_row_class_init (JpSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_sidebar_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/int/benelux/Jaarplan/jp-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JpSidebarRow, expander);
  gtk_widget_class_bind_template_child (widget_class, JpSidebarRow, icon);
  gtk_widget_class_bind_template_child (widget_class, JpSidebarRow, label);
  gtk_widget_class_bind_template_child (widget_class, JpSidebarRow, tag);
  gtk_widget_class_bind_template_child (widget_class, JpSidebarRow, detail);
}

static void
jp_sidebar_row_init (JpSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_sidebar_row_new (JpStore    *db,
                    GHashTable *counts)
{
  JpSidebarRow *self = g_object_new (JP_TYPE_SIDEBAR_ROW, NULL);

  self->db = g_object_ref (db);
  self->counts = g_hash_table_ref (counts);
  /* A section's counts cover nested groups: any move may change them. */
  g_signal_connect_object (db, "structure-changed", G_CALLBACK (on_structure_changed), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

GHashTable *
jp_sidebar_row_new_counts (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

void
jp_sidebar_row_set_highlight (JpSidebarRow *self,
                              const char   *query)
{
  g_return_if_fail (JP_IS_SIDEBAR_ROW (self));

  g_free (self->highlight);
  self->highlight = g_strdup (query);
  if (self->item)
    jp_sidebar_row_update (self);
}

GtkTreeListRow *
jp_sidebar_row_get_list_row (JpSidebarRow *self)
{
  g_return_val_if_fail (JP_IS_SIDEBAR_ROW (self), NULL);
  return gtk_tree_expander_get_list_row (self->expander);
}

const char *
jp_sidebar_row_get_text (JpSidebarRow *self)
{
  g_return_val_if_fail (JP_IS_SIDEBAR_ROW (self), NULL);
  return gtk_label_get_text (self->label);
}
