/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-field-binding"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/window/jp-error-report.h"
#include "ui/panes/jp-field-binding.h"

#define EDIT_DELAY_MS 300

typedef struct {
  GtkWidget  *widget;      /* unowned: the binding lives as its data */
  GObject    *source;      /* the GtkEditable or GtkTextBuffer */
  GtkWidget  *window;      /* weak: where errors go */
  JpStore    *db;
  JpItem     *item;
  gboolean    is_text;
  int         field;
  JpLang      lang;
  char       *pending;
  guint       timeout_id;
  gulong      changed_id;
  gulong      notify_id;
  GtkWidget  *mark;        /* the "Not translated" tag, owned by @widget */
  GtkWidget  *reference;   /* weak: the other language's text, under @widget */
  GtkWidget  *reference_label;  /* weak */
  gboolean    show_reference;
} Binding;

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
    ok = jp_store_set_text (b->db, b->item, b->field, b->lang, value, &error);
  else
    ok = jp_store_set_field (b->db, b->item, b->field, *value ? value : NULL, &error);
  if (!ok)
    jp_widget_report_error (b->window ? b->window : b->widget, error);
}

static gboolean
binding_timeout (gpointer data)
{
  Binding *b = data;

  b->timeout_id = 0;
  binding_write (b);
  return G_SOURCE_REMOVE;
}

static JpLang
binding_other_lang (Binding *b)
{
  return b->lang == JP_LANG_NL ? JP_LANG_FR : JP_LANG_NL;
}

/* The other language's text of a text field, or NULL. */
static const char *
binding_other_text (Binding *b)
{
  const char *other;

  if (!b->is_text)
    return NULL;
  other = jp_item_get_text (b->item, b->field, binding_other_lang (b));
  return other && *other ? other : NULL;
}

/* What the field shows: the stored value in its own language only, so
 * that typing never turns one language into the other.  *untranslated
 * tells that it is empty while the other language has a text. */
static const char *
binding_stored_value (Binding  *b,
                      gboolean *untranslated)
{
  const char *value;

  if (b->is_text)
    value = jp_item_get_text (b->item, b->field, b->lang);
  else
    value = jp_item_get_field (b->item, b->field);
  if (value == NULL)
    value = "";
  *untranslated = *value == '\0' && binding_other_text (b) != NULL;
  return value;
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
                       gboolean  untranslated)
{
  if (untranslated)
    gtk_widget_add_css_class (b->widget, "jp-fallback");
  else
    gtk_widget_remove_css_class (b->widget, "jp-fallback");
  if (b->mark)
    gtk_widget_set_visible (b->mark, untranslated);
}

/* The other language's text under the field, shown once the field was
 * found untranslated, so that it stays in sight while one translates. */
static void
binding_show_reference (Binding  *b,
                        gboolean  untranslated)
{
  const char *other = binding_other_text (b);

  if (b->reference == NULL)
    return;
  b->show_reference |= untranslated;
  gtk_label_set_label (GTK_LABEL (b->reference_label), other ? other : "");
  gtk_widget_set_visible (b->reference, b->show_reference && other != NULL);
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
  gboolean untranslated;
  const char *value = binding_stored_value (b, &untranslated);
  g_autofree char *shown = NULL;

  binding_show_reference (b, untranslated);
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
  binding_show_fallback (b, untranslated);
}

/* The copy button: the other language's text becomes this one's, as an
 * edit of its own (undone as any other). */
static void
binding_copy (Binding *b)
{
  g_autofree char *other = g_strdup (binding_other_text (b));

  if (other == NULL)
    return;
  if (GTK_IS_EDITABLE (b->source))
    gtk_editable_set_text (GTK_EDITABLE (b->source), other);
  else
    gtk_text_buffer_set_text (GTK_TEXT_BUFFER (b->source), other, -1);
  binding_write (b);
}

/* A dimmed, selectable copy of the other language's text, with a button
 * that copies it into the field: under @widget in its box, or in a row of
 * its own under an entry row. */
static void
binding_add_reference (Binding *b)
{
  GtkWidget *parent = gtk_widget_get_parent (b->widget);
  GtkWidget *box, *label, *copy;
  const char *tip;

  if (!b->is_text || parent == NULL)
    return;
  if (!GTK_IS_BOX (parent) && !(GTK_IS_LIST_BOX (parent) && GTK_IS_LIST_BOX_ROW (b->widget)))
    return;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (box, "jp-reference");
  gtk_widget_set_visible (box, FALSE);
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  b->lang == JP_LANG_NL ? _("The French text") : _("The Dutch text"),
                                  -1);
  gtk_box_append (GTK_BOX (box), label);

  /* Translators: the tooltip of a button beside the other language's
   * text, under a field not translated yet. */
  tip = b->lang == JP_LANG_NL ? _("Copy the French Text") : _("Copy the Dutch Text");
  copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (copy, GTK_ALIGN_START);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  g_signal_connect_swapped (copy, "clicked", G_CALLBACK (binding_copy), b);
  gtk_box_append (GTK_BOX (box), copy);

  if (GTK_IS_BOX (parent))
    {
      gtk_widget_set_margin_top (box, 6);
      gtk_box_insert_child_after (GTK_BOX (parent), box, b->widget);
      g_set_weak_pointer (&b->reference, box);
    }
  else
    {
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_visible (box, TRUE);
      gtk_widget_set_visible (row, FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_insert (GTK_LIST_BOX (parent), row,
                           gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (b->widget)) + 1);
      g_set_weak_pointer (&b->reference, row);
    }
  g_set_weak_pointer (&b->reference_label, label);
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
  g_clear_weak_pointer (&b->reference);
  g_clear_weak_pointer (&b->reference_label);
  g_clear_object (&b->source);
  g_clear_object (&b->db);
  g_clear_object (&b->item);
  g_free (b->pending);
  g_free (b);
}

/* GtkTextView 4.8 measures its text before it is shown and, inside a
 * list box (a pane's boxed lists, a text row), does not ask for its
 * height again: it would stay 0 px high.  Every bound text view asks
 * once more after it is mapped. */
static gboolean
resize_idle (gpointer data)
{
  g_autoptr(GtkWidget) text_view = data;

  gtk_widget_queue_resize (text_view);
  return G_SOURCE_REMOVE;
}

static void
on_text_view_map (GtkWidget *text_view)
{
  g_idle_add (resize_idle, g_object_ref (text_view));
}

/* Nor does it when its width changes once shown (a scroll bar that
 * appears, a window manager's late resize): its text wraps onto more
 * lines than its height holds.  Its horizontal adjustment follows its
 * width; a new width has it ask for its height again. */
static void
on_text_view_width (GtkWidget     *text_view,
                    GParamSpec    *pspec,
                    GtkAdjustment *width)
{
  int page = (int) gtk_adjustment_get_page_size (width);

  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (text_view), "jp-width")) == page)
    return;
  g_object_set_data (G_OBJECT (text_view), "jp-width", GINT_TO_POINTER (page));
  g_idle_add (resize_idle, g_object_ref (text_view));
}

static void
bind (GtkWidget  *widget,
      JpStore    *db,
      JpItem     *item,
      gboolean    is_text,
      int         field,
      JpLang      lang)
{
  Binding *b = g_new0 (Binding, 1);
  GtkEventController *focus;

  b->widget = widget;
  b->db = g_object_ref (db);
  b->item = g_object_ref (item);
  b->is_text = is_text;
  b->field = field;
  b->lang = lang;
  if (GTK_IS_TEXT_VIEW (widget))
    {
      b->source = G_OBJECT (g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget))));
      gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (b->source), FALSE);
      /* Tab and Shift+Tab move the focus on, as in every other field. */
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (widget), FALSE);
      g_signal_connect (widget, "map", G_CALLBACK (on_text_view_map), NULL);
      if (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (widget)) == NULL)
        gtk_scrollable_set_hadjustment (GTK_SCROLLABLE (widget), gtk_adjustment_new (0, 0, 0, 0, 0, 0));
      g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (widget)), "notify::page-size",
                               G_CALLBACK (on_text_view_width), widget, G_CONNECT_SWAPPED);
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
  binding_add_reference (b);
  g_signal_connect (widget, "destroy", G_CALLBACK (on_widget_destroy), b);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (binding_write), b);
  gtk_widget_add_controller (widget, focus);

  binding_load (b);
}

void
jp_field_binding_bind_text (GtkWidget   *widget,
                            JpStore     *db,
                            JpItem      *item,
                            JpTextField  field,
                            JpLang       lang)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (JP_IS_STORE (db));
  g_return_if_fail (JP_IS_ITEM (item));

  bind (widget, db, item, TRUE, field, lang);
}

void
jp_field_binding_bind_field (GtkWidget  *widget,
                             JpStore    *db,
                             JpItem     *item,
                             JpField     field)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (JP_IS_STORE (db));
  g_return_if_fail (JP_IS_ITEM (item));

  bind (widget, db, item, FALSE, field, JP_LANG_NL);
}

void
jp_field_binding_flush (GtkWidget *widget)
{
  Binding *b;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if ((b = g_object_get_data (G_OBJECT (widget), "jp-binding")))
    binding_write (b);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    jp_field_binding_flush (child);
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
jp_field_binding_focus_text (GtkWidget *widget,
                             JpItem    *item)
{
  GtkWidget *text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  text = find_text (widget, item);
  return text != NULL && gtk_widget_grab_focus (text);
}
