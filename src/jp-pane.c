/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-pane"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-item-row.h"
#include "jp-pane.h"
#include "jp-text-row.h"
#include "jp-window.h"

#define EDIT_DELAY_MS 300

typedef struct {
  GtkWidget  *widget;      /* unowned: the binding lives as its data */
  GObject    *source;      /* the GtkEditable or GtkTextBuffer */
  GtkWidget  *window;      /* weak: where errors go */
  JpDatabase *db;
  JpItem     *item;
  gboolean    is_text;
  int         field;
  JpLang      lang;
  char       *pending;
  guint       timeout_id;
  gulong      changed_id;
  gulong      notify_id;
  GtkWidget  *mark;        /* the "Not translated" tag, owned by @widget */
} Binding;

#define EDIT_LANGUAGE_KEY "jp-edit-language"

JpLang
jp_pane_get_language (JpDatabase *db)
{
  gpointer lang = g_object_get_data (G_OBJECT (db), EDIT_LANGUAGE_KEY);

  /* Stored as lang + 1: no data means the interface's language. */
  if (lang != NULL)
    return GPOINTER_TO_INT (lang) - 1;
  return jp_database_get_language (db);
}

void
jp_pane_set_language (JpDatabase *db,
                      int         lang)
{
  g_return_if_fail (JP_IS_DATABASE (db));

  if (lang < 0 || lang >= JP_N_LANGS)
    g_object_set_data (G_OBJECT (db), EDIT_LANGUAGE_KEY, NULL);
  else
    g_object_set_data (G_OBJECT (db), EDIT_LANGUAGE_KEY, GINT_TO_POINTER (lang + 1));
}

static void
report_error (GtkWidget    *window,
              const GError *error)
{
  if (window != NULL && JP_IS_WINDOW (window))
    jp_window_report_error (JP_WINDOW (window), error);
  else
    g_warning ("%s", error->message);
}

static void
binding_write (Binding *b)
{
  g_autofree char *value = g_steal_pointer (&b->pending);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_clear_handle_id (&b->timeout_id, g_source_remove);
  if (value == NULL)
    return;
  if (b->is_text)
    ok = jp_database_set_text (b->db, b->item, b->field, b->lang, value, &error);
  else
    ok = jp_database_set_field (b->db, b->item, b->field, *value ? value : NULL, &error);
  if (!ok)
    report_error (b->window, error);
}

static gboolean
binding_timeout (gpointer data)
{
  Binding *b = data;

  b->timeout_id = 0;
  binding_write (b);
  return G_SOURCE_REMOVE;
}

static const char *
binding_stored_value (Binding  *b,
                      gboolean *fallback)
{
  const char *value;

  *fallback = FALSE;
  if (b->is_text)
    return jp_item_get_display_text (b->item, b->field, b->lang, fallback);
  value = jp_item_get_field (b->item, b->field);
  return value ? value : "";
}

static char *
binding_widget_text (Binding *b)
{
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (b->source))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (b->source)));
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (b->source), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (b->source), &start, &end, FALSE);
}

static void
binding_show_fallback (Binding  *b,
                       gboolean  fallback)
{
  if (fallback)
    {
      /* Translators: on a field whose text exists only in the other
       * language, which the field shows instead. */
      const char *tip = b->lang == JP_LANG_NL ? _("Not translated yet: this is the French text")
                                              : _("Not translated yet: this is the Dutch text");

      gtk_widget_add_css_class (b->widget, "jp-fallback");
      gtk_widget_set_tooltip_text (b->widget, tip);
      if (b->mark)
        gtk_widget_set_tooltip_text (b->mark, tip);
    }
  else if (gtk_widget_has_css_class (b->widget, "jp-fallback"))
    {
      gtk_widget_remove_css_class (b->widget, "jp-fallback");
      gtk_widget_set_tooltip_text (b->widget, NULL);
    }
  if (b->mark)
    gtk_widget_set_visible (b->mark, fallback);
}

/* The tag that says, beside the text, that it is the other language's. */
static void
binding_add_mark (Binding *b)
{
  GtkWidget *mark;

  if (!b->is_text)
    return;
  /* Translators: a tag beside a text of the plan that exists only in the
   * other language; the text shown is that other language's. */
  mark = gtk_label_new (_("Not translated"));
  gtk_widget_add_css_class (mark, "jp-tag");
  gtk_widget_add_css_class (mark, "jp-untranslated");
  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (mark, FALSE);
  if (g_object_get_data (G_OBJECT (b->widget), "jp-mark-box") != NULL)
    gtk_box_append (g_object_get_data (G_OBJECT (b->widget), "jp-mark-box"), mark);
  else if (ADW_IS_ENTRY_ROW (b->widget))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (b->widget), mark);
  else if (GTK_IS_TEXT_VIEW (b->widget))
    {
      gtk_widget_set_halign (mark, GTK_ALIGN_END);
      gtk_widget_set_margin_top (mark, 6);
      gtk_widget_set_margin_end (mark, 6);
      gtk_text_view_set_gutter (GTK_TEXT_VIEW (b->widget), GTK_TEXT_WINDOW_TOP, mark);
    }
  else
    {
      g_object_ref_sink (mark);
      g_object_unref (mark);
      return;
    }
  b->mark = mark;
}

static void
binding_load (Binding *b)
{
  gboolean fallback;
  const char *value = binding_stored_value (b, &fallback);
  g_autofree char *shown = NULL;

  if (b->pending != NULL)
    return;
  shown = binding_widget_text (b);
  if (g_strcmp0 (shown, value) != 0)
    {
      g_signal_handler_block (b->source, b->changed_id);
      if (GTK_IS_EDITABLE (b->source))
        gtk_editable_set_text (GTK_EDITABLE (b->source), value);
      else
        gtk_text_buffer_set_text (GTK_TEXT_BUFFER (b->source), value, -1);
      g_signal_handler_unblock (b->source, b->changed_id);
    }
  binding_show_fallback (b, fallback);
}

static void
on_source_changed (Binding *b)
{
  g_free (b->pending);
  b->pending = binding_widget_text (b);
  binding_show_fallback (b, FALSE);
  if (b->window == NULL)
    g_set_weak_pointer (&b->window, GTK_WIDGET (gtk_widget_get_root (b->widget)));
  g_clear_handle_id (&b->timeout_id, g_source_remove);
  b->timeout_id = g_timeout_add (EDIT_DELAY_MS, binding_timeout, b);
}

static void
on_item_revision (Binding *b)
{
  binding_load (b);
}

static void
on_widget_destroy (GtkWidget *widget,
                   Binding   *b)
{
  binding_write (b);
  g_clear_signal_handler (&b->notify_id, b->item);
  g_clear_signal_handler (&b->changed_id, b->source);
}

static void
binding_free (gpointer data)
{
  Binding *b = data;

  g_clear_handle_id (&b->timeout_id, g_source_remove);
  g_clear_signal_handler (&b->notify_id, b->item);
  g_clear_signal_handler (&b->changed_id, b->source);
  g_clear_weak_pointer (&b->window);
  g_clear_object (&b->source);
  g_clear_object (&b->db);
  g_clear_object (&b->item);
  g_free (b->pending);
  g_free (b);
}

static void
bind (GtkWidget  *widget,
      JpDatabase *db,
      JpItem     *item,
      gboolean    is_text,
      int         field)
{
  Binding *b = g_new0 (Binding, 1);
  GtkEventController *focus;

  b->widget = widget;
  b->db = g_object_ref (db);
  b->item = g_object_ref (item);
  b->is_text = is_text;
  b->field = field;
  b->lang = jp_pane_get_language (db);
  if (GTK_IS_TEXT_VIEW (widget))
    {
      b->source = G_OBJECT (g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget))));
      gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (b->source), FALSE);
    }
  else
    {
      g_return_if_fail (GTK_IS_EDITABLE (widget));
      b->source = G_OBJECT (g_object_ref (widget));
      /* One undo history, the plan's: Ctrl+Z reaches the window. */
      gtk_editable_set_enable_undo (GTK_EDITABLE (widget), FALSE);
    }
  g_object_set_data_full (G_OBJECT (widget), "jp-binding", b, binding_free);

  b->changed_id = g_signal_connect_swapped (b->source, "changed", G_CALLBACK (on_source_changed), b);
  b->notify_id = g_signal_connect_swapped (item, "notify::revision", G_CALLBACK (on_item_revision), b);
  binding_add_mark (b);
  g_signal_connect (widget, "destroy", G_CALLBACK (on_widget_destroy), b);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (binding_write), b);
  gtk_widget_add_controller (widget, focus);

  binding_load (b);
}

void
jp_pane_bind_text (GtkWidget   *widget,
                   JpDatabase  *db,
                   JpItem      *item,
                   JpTextField  field)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (JP_IS_ITEM (item));

  bind (widget, db, item, TRUE, field);
}

void
jp_pane_bind_field (GtkWidget  *widget,
                    JpDatabase *db,
                    JpItem     *item,
                    JpField     field)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (JP_IS_ITEM (item));

  bind (widget, db, item, FALSE, field);
}

void
jp_pane_flush (GtkWidget *widget)
{
  Binding *b;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if ((b = g_object_get_data (G_OBJECT (widget), "jp-binding")))
    binding_write (b);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    jp_pane_flush (child);
}

static GtkWidget *
find_text (GtkWidget *widget,
           JpItem    *item)
{
  Binding *b = g_object_get_data (G_OBJECT (widget), "jp-binding");

  if (b != NULL && b->is_text && (item == NULL || b->item == item) &&
      gtk_widget_is_sensitive (widget) && gtk_widget_get_visible (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child, item);
      if (found)
        return found;
    }
  return NULL;
}

gboolean
jp_pane_focus_text (GtkWidget *widget,
                    JpItem    *item)
{
  GtkWidget *text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  text = find_text (widget, item);
  return text != NULL && gtk_widget_grab_focus (text);
}

const char *
jp_kind_get_icon_name (JpKind kind)
{
  switch (kind)
    {
    case JP_KIND_AREA:      return "view-grid-symbolic";
    case JP_KIND_PART:
    case JP_KIND_PROGRAMME: return "view-paged-symbolic";
    case JP_KIND_CHAPTER:   return "folder-documents-symbolic";
    case JP_KIND_SECTION:   return "x-office-document-symbolic";
    case JP_KIND_OBJECTIVE: return "object-select-symbolic";
    case JP_KIND_PROJECT:   return "task-due-symbolic";
    case JP_KIND_GROUP:     return "system-users-symbolic";
    case JP_KIND_CONTACTS:
    case JP_KIND_TEAM:
    case JP_KIND_SUBJECT:
    case JP_KIND_CONTACT:   return "x-office-address-book-symbolic";
    case JP_KIND_ITEM:      return "view-list-bullet-symbolic";
    case JP_KIND_PLAN:
    case JP_N_KINDS:
    default:                return "text-x-generic-symbolic";
    }
}

const char *
jp_kind_get_title (JpKind kind)
{
  /* Translators: the kinds of item of the plan, shown as a pane's
   * subtitle and a row's title.  "Part" is a part (chapter) of the work
   * programme, "Item" a point of a list (e.g. under a project), "Subject"
   * a subject line of the contacts page (a role under a team). */
  switch (kind)
    {
    case JP_KIND_PLAN:      return _("Plan");
    case JP_KIND_PROGRAMME: return _("Work Programme");
    case JP_KIND_PART:      return _("Part");
    case JP_KIND_AREA:      return _("Policy Area");
    case JP_KIND_CHAPTER:   return _("Chapter");
    case JP_KIND_SECTION:   return _("Section");
    case JP_KIND_OBJECTIVE: return _("Objective");
    case JP_KIND_PROJECT:   return _("Project");
    case JP_KIND_ITEM:      return _("Item");
    case JP_KIND_GROUP:     return _("Working Group");
    case JP_KIND_CONTACTS:  return _("Contacts");
    case JP_KIND_TEAM:      return _("Team");
    case JP_KIND_SUBJECT:   return _("Subject");
    case JP_KIND_CONTACT:   return _("Contact");
    case JP_N_KINDS:
    default:                return "";
    }
}

const char *
jp_status_get_title (JpStatus status)
{
  /* Translators: the status of a project of the plan. */
  switch (status)
    {
    case JP_STATUS_PLANNED:     return _("Planned");
    case JP_STATUS_IN_PROGRESS: return _("In Progress");
    case JP_STATUS_DONE:        return _("Done");
    case JP_STATUS_POSTPONED:   return _("Postponed");
    case JP_STATUS_DROPPED:     return _("Dropped");
    case JP_STATUS_NONE:
    default:                    return _("No Status");
    }
}

const char *
jp_phase_get_title (JpPhase phase)
{
  /* Translators: the phase of a project: an ongoing project
   * (voortgangsproject, projet en cours) or a new project of the year. */
  switch (phase)
    {
    case JP_PHASE_ONGOING: return _("Ongoing");
    case JP_PHASE_NEW:     return _("New");
    case JP_PHASE_NONE:
    default:               return "";
    }
}

const char *
jp_lang_get_title (JpLang lang)
{
  return lang == JP_LANG_FR ? _("French") : _("Dutch");
}

static gboolean
item_needs_translation (JpItem *item)
{
  guint texts, translated;

  jp_item_count_texts (item, &texts, &translated);
  return translated < texts;
}

static void
count_below (JpDatabase *db,
             JpItem     *item,
             guint      *n_texts,
             guint      *n_translated,
             GPtrArray  *items,
             GPtrArray  *models)
{
  g_autoptr(GListModel) children = jp_database_get_children (db, item, JP_KIND_MASK_ALL);
  guint texts, translated, n;

  jp_item_count_texts (item, &texts, &translated);
  *n_texts += texts;
  *n_translated += translated;
  if (items)
    g_ptr_array_add (items, g_object_ref (item));
  if (models)
    g_ptr_array_add (models, g_object_ref (children));
  n = g_list_model_get_n_items (children);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpItem) child = g_list_model_get_item (children, i);
      count_below (db, child, n_texts, n_translated, items, models);
    }
}

void
jp_pane_count_translations (JpDatabase *db,
                            JpItem     *item,
                            guint      *n_texts,
                            guint      *n_translated,
                            GPtrArray  *items)
{
  guint texts = 0, translated = 0;

  g_return_if_fail (JP_IS_DATABASE (db));
  g_return_if_fail (JP_IS_ITEM (item));

  count_below (db, item, &texts, &translated, items, NULL);
  if (n_texts)
    *n_texts = texts;
  if (n_translated)
    *n_translated = translated;
}

static void
collect_untranslated (JpDatabase *db,
                      JpItem     *item,
                      GPtrArray  *result)
{
  g_autoptr(GListModel) children = jp_database_get_children (db, item, JP_KIND_MASK_ALL);
  guint n = g_list_model_get_n_items (children);

  if (item_needs_translation (item))
    g_ptr_array_add (result, g_object_ref (item));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpItem) child = g_list_model_get_item (children, i);
      collect_untranslated (db, child, result);
    }
}

GPtrArray *
jp_pane_find_untranslated (JpDatabase *db)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JpItem) root = NULL;

  g_return_val_if_fail (JP_IS_DATABASE (db), result);

  root = jp_database_get_root (db);
  if (root != NULL)
    collect_untranslated (db, root, result);
  return result;
}

gboolean
jp_pane_needs_translation (JpItem *item)
{
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  return item_needs_translation (item);
}

/* The translation status of @item and everything under it, in a row that
 * follows the edits. */
typedef struct {
  JpDatabase *db;
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
  count_below (s->db, s->item, &texts, &translated, s->watched, s->models);
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
jp_pane_bind_translation_status (AdwActionRow *row,
                                 JpDatabase   *db,
                                 JpItem       *item)
{
  Status *s;
  GtkWidget *bar;

  g_return_if_fail (ADW_IS_ACTION_ROW (row));
  g_return_if_fail (JP_IS_ITEM (item));

  s = g_new0 (Status, 1);
  s->db = g_object_ref (db);
  s->item = g_object_ref (item);
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
  g_signal_connect_swapped (db, "reloaded", G_CALLBACK (status_queue), s);
  status_update (s);
}

static GtkWidget *
create_item_row (gpointer item,
                 gpointer user_data)
{
  return jp_item_row_new (item, GPOINTER_TO_INT (user_data));
}

void
jp_pane_bind_item_list (GtkListBox *list,
                        GListModel *model,
                        gboolean    reorderable)
{
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  gtk_list_box_bind_model (list, model, create_item_row, GINT_TO_POINTER (reorderable), NULL);
}

typedef struct {
  JpDatabase *db;
  guint       kinds;
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

  return jp_database_get_children (d->db, item, JP_KIND_MASK (JP_KIND_ITEM));
}

static GtkWidget *
create_text_row (gpointer item,
                 gpointer user_data)
{
  TextListData *d = user_data;
  GtkTreeListRow *row = item;
  g_autoptr(JpItem) jp_item = gtk_tree_list_row_get_item (row);

  return jp_text_row_new (d->db, jp_item, gtk_tree_list_row_get_depth (row));
}

void
jp_pane_bind_text_list (GtkListBox *list,
                        JpDatabase *db,
                        JpItem     *parent,
                        guint       kinds)
{
  TextListData *d = g_new0 (TextListData, 1);
  GListModel *children;
  g_autoptr(GtkTreeListModel) tree = NULL;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  d->db = g_object_ref (db);
  d->kinds = kinds;
  children = jp_database_get_children (db, parent, kinds);
  tree = gtk_tree_list_model_new (children, FALSE, TRUE, create_text_children, d, NULL);
  g_object_set_data_full (G_OBJECT (list), "jp-text-list", d, text_list_data_free);
  gtk_list_box_bind_model (list, G_LIST_MODEL (tree), create_text_row, d, NULL);
}
