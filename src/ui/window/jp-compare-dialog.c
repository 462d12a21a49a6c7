/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/jp-change-ui.h"
#include "ui/jp-kind-ui.h"
#include "ui/window/jp-compare-dialog.h"
#include "ui/window/jp-window-private.h"

/* The comparison of two years: one row per difference under a heading
 * per section, in the later year's order. */

/* One line of the list: a section's heading or a difference. */
#define JP_TYPE_COMPARE_ENTRY (jp_compare_entry_get_type ())
G_DECLARE_FINAL_TYPE (JpCompareEntry, jp_compare_entry, JP, COMPARE_ENTRY, GObject)

struct _JpCompareEntry
{
  GObject             parent_instance;
  const JpYearChange *change;   /* owned by the dialog's comparison */
  char               *heading;  /* or NULL for a difference */
};

G_DEFINE_FINAL_TYPE (JpCompareEntry, jp_compare_entry, G_TYPE_OBJECT)

static void
jp_compare_entry_finalize (GObject *object)
{
  g_free (JP_COMPARE_ENTRY (object)->heading);
  G_OBJECT_CLASS (jp_compare_entry_parent_class)->finalize (object);
}

static void
jp_compare_entry_class_init (JpCompareEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jp_compare_entry_finalize;
}

static void
jp_compare_entry_init (JpCompareEntry *self)
{
}

struct _JpCompareDialog
{
  AdwWindow         parent_instance;

  JpWindow         *window;     /* weak */
  JpDatabase       *db;
  JpLang            lang;
  guint             from;
  guint             to;
  GCancellable     *cancellable;
  JpYearComparison *comparison;
  GListStore       *entries;

  AdwWindowTitle   *title;
  GtkToggleButton  *hide_status;
  GtkStack         *stack;
  AdwStatusPage    *empty;
  GtkListView      *list;
};

G_DEFINE_FINAL_TYPE (JpCompareDialog, jp_compare_dialog, ADW_TYPE_WINDOW)

static void
append (GString    *words,
        const char *word)
{
  if (words->len > 0)
    /* Translators: between the things that changed in one item. */
    g_string_append (words, C_("list of changes", ", "));
  g_string_append (words, word);
}

char *
jp_compare_describe_change (const JpYearChange *change,
                            guint               from,
                            guint               to)
{
  GString *words = g_string_new (NULL);

  switch (change->kind)
    {
    case JP_YEAR_CHANGE_ADDED:
      g_string_printf (words, _("New in %u"), to);
      break;

    case JP_YEAR_CHANGE_REMOVED:
      if (change->old_status != JP_STATUS_NONE)
        /* Translators: an item of the earlier year not carried over, with its status then. */
        g_string_printf (words, _("Only in %u (%s)"), from, jp_status_get_title (change->old_status));
      else
        g_string_printf (words, _("Only in %u"), from);
      break;

    case JP_YEAR_CHANGE_CHANGED:
    default:
      if (change->old_status != change->new_status)
        {
          g_autofree char *text = g_strdup_printf (_("Status: %s → %s"), jp_status_get_title (change->old_status),
                                                   jp_status_get_title (change->new_status));
          append (words, text);
        }
      if (change->old_phase != change->new_phase)
        append (words, jp_phase_get_title (change->new_phase));
      if (change->moved)
        append (words, _("Moved"));
      for (guint f = 0; f < JP_N_FIELDS; f++)
        if (change->fields & JP_FIELD_MASK (f))
          append (words, jp_field_get_title (f));
      for (guint t = 0; t < JP_N_TEXTS; t++)
        for (guint l = 0; l < JP_N_LANGS; l++)
          if (change->texts[l] & JP_TEXT_MASK (t))
            {
              /* Translators: a text that changed and its language: "Title (French)". */
              g_autofree char *text = g_strdup_printf (_("%s (%s)"), jp_text_field_get_title (t, change->item_kind),
                                                       jp_lang_get_title (l));
              append (words, text);
            }
      break;
    }
  if (change->kind != JP_YEAR_CHANGE_CHANGED && change->descendants > 0)
    g_string_append_printf (words,
                            g_dngettext (GETTEXT_PACKAGE, ", with %u item under it", ", with %u items under it",
                                         change->descendants),
                            change->descendants);
  return g_string_free (words, FALSE);
}

/* "5.7 Title" in @lang, else in the other language. */
static char *
describe_item (const char *number,
               char * const titles[JP_N_LANGS],
               JpLang      lang,
               JpKind      kind)
{
  const char *title = titles[lang] ? titles[lang] : titles[lang == JP_LANG_NL ? JP_LANG_FR : JP_LANG_NL];

  if (title == NULL)
    title = jp_kind_get_title (kind);
  if (number && *number)
    return g_strdup_printf ("%s %s", number, title);
  return g_strdup (title);
}

static const char *
badge_of (JpYearChangeKind kind,
          const char     **style)
{
  switch (kind)
    {
    case JP_YEAR_CHANGE_ADDED:
      *style = "success";
      /* Translators: a badge beside an item of the later year only. */
      return C_("compared years", "Added");
    case JP_YEAR_CHANGE_REMOVED:
      *style = "error";
      /* Translators: a badge beside an item of the earlier year only. */
      return C_("compared years", "Not Carried Over");
    case JP_YEAR_CHANGE_CHANGED:
    default:
      *style = "accent";
      return C_("compared years", "Changed");
    }
}

/* ------------------------------------------------------------ the rows */

/* A row holds both shapes, a heading and a difference; binding shows one. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 12);
  gtk_widget_set_margin_bottom (heading, 4);
  gtk_widget_set_margin_start (heading, 6);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), detail);
  gtk_widget_add_css_class (badge, "caption-heading");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), badge);

  gtk_box_append (GTK_BOX (outer), heading);
  gtk_box_append (GTK_BOX (outer), box);
  gtk_list_item_set_child (list_item, outer);

  g_object_set_data (G_OBJECT (outer), "heading", heading);
  g_object_set_data (G_OBJECT (outer), "row", box);
  g_object_set_data (G_OBJECT (outer), "icon", icon);
  g_object_set_data (G_OBJECT (outer), "title", title);
  g_object_set_data (G_OBJECT (outer), "detail", detail);
  g_object_set_data (G_OBJECT (outer), "badge", badge);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  JpCompareDialog *self = user_data;
  JpCompareEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *outer = gtk_list_item_get_child (list_item);
  GtkWidget *heading = g_object_get_data (G_OBJECT (outer), "heading");
  GtkWidget *row = g_object_get_data (G_OBJECT (outer), "row");
  GtkWidget *badge = g_object_get_data (G_OBJECT (outer), "badge");
  const JpYearChange *change = entry->change;
  g_autofree char *title = NULL, *detail = NULL, *accessible = NULL;
  const char *style = NULL;
  const char *badge_text;

  gtk_widget_set_visible (heading, entry->heading != NULL);
  gtk_widget_set_visible (row, entry->heading == NULL);
  /* A heading is no stop of the keyboard, and does nothing. */
  gtk_list_item_set_activatable (list_item, entry->heading == NULL);
  gtk_list_item_set_selectable (list_item, FALSE);
  if (entry->heading)
    {
      gtk_label_set_text (GTK_LABEL (heading), entry->heading);
      gtk_accessible_update_property (GTK_ACCESSIBLE (outer), GTK_ACCESSIBLE_PROPERTY_LABEL, entry->heading, -1);
      return;
    }

  title = describe_item (change->number, change->titles, self->lang, change->item_kind);
  detail = jp_compare_describe_change (change, self->from, self->to);
  badge_text = badge_of (change->kind, &style);
  gtk_image_set_from_icon_name (g_object_get_data (G_OBJECT (outer), "icon"), jp_kind_get_icon_name (change->item_kind));
  gtk_label_set_text (g_object_get_data (G_OBJECT (outer), "title"), title);
  gtk_label_set_text (g_object_get_data (G_OBJECT (outer), "detail"), detail);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (outer), "detail"), *detail != '\0');
  gtk_label_set_text (GTK_LABEL (badge), badge_text);
  for (const char * const *s = (const char * const[]) { "success", "error", "accent", NULL }; *s; s++)
    gtk_widget_remove_css_class (badge, *s);
  gtk_widget_add_css_class (badge, style);
  accessible = g_strdup_printf ("%s: %s. %s", badge_text, title, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (outer), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* ------------------------------------------------------------ the list */

/* Whether @change is only what a new year's carrying over does: a status
 * or a phase, nothing of the item's content. */
static gboolean
is_status_only (const JpYearChange *change)
{
  return change->kind == JP_YEAR_CHANGE_CHANGED && change->fields == 0 && !change->moved &&
         change->texts[JP_LANG_NL] == 0 && change->texts[JP_LANG_FR] == 0;
}

static void
fill (JpCompareDialog *self)
{
  const char *group = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *subtitle = NULL;
  guint n = self->comparison->changes->len;
  gboolean hide_status = gtk_toggle_button_get_active (self->hide_status);

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u difference", "%u differences", n), n);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->hide_status), n > 0);

  for (guint i = 0; i < n; i++)
    {
      const JpYearChange *change = g_ptr_array_index (self->comparison->changes, i);
      JpCompareEntry *entry;

      if (hide_status && is_status_only (change))
        continue;

      if (group == NULL || g_strcmp0 (group, change->group) != 0)
        {
          entry = g_object_new (JP_TYPE_COMPARE_ENTRY, NULL);
          if (*change->group)
            entry->heading = describe_item (change->group, change->group_titles, self->lang, JP_KIND_SECTION);
          else
            /* Translators: the heading of changes outside every chapter: the
             * policy areas, the programme, the contacts. */
            entry->heading = g_strdup (_("Work Programme and Contacts"));
          g_ptr_array_add (entries, entry);
          group = change->group;
        }
      entry = g_object_new (JP_TYPE_COMPARE_ENTRY, NULL);
      entry->change = change;
      g_ptr_array_add (entries, entry);
    }
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       entries->pdata, entries->len);
  if (entries->len > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  if (n == 0)
    {
      g_autofree char *description = g_strdup_printf (_("The plans of %u and %u are the same."), self->from, self->to);

      adw_status_page_set_title (self->empty, _("No Differences"));
      adw_status_page_set_description (self->empty, description);
    }
  else
    {
      g_autofree char *description = g_strdup_printf (_("Only statuses and phases differ between %u and %u."),
                                                      self->from, self->to);

      adw_status_page_set_title (self->empty, _("No Changes of Content"));
      adw_status_page_set_description (self->empty, description);
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
hide_status_toggled_cb (JpCompareDialog *self)
{
  if (self->comparison != NULL)
    fill (self);
}

static void
compared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(JpCompareDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  JpYearComparison *comparison = jp_year_compare_finish (JP_DATABASE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (comparison == NULL)
    {
      if (self->window)
        jp_window_report_error (self->window, error);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  self->comparison = comparison;
  fill (self);
}

void
jp_compare_dialog_open_change (JpCompareDialog    *self,
                               const JpYearChange *change)
{
  g_autoptr(JpItem) item = NULL;

  g_return_if_fail (JP_IS_COMPARE_DIALOG (self));
  g_return_if_fail (change != NULL);

  if (self->window == NULL)
    return;
  /* The item in the later year, or the earlier year's for one that
   * was not carried over, in its year. */
  item = jp_store_lookup (JP_STORE (self->db), change->kind == JP_YEAR_CHANGE_REMOVED ? change->previous : change->id);
  if (item == NULL)
    return;
  _jp_window_show_year_of (self->window, item);
  jp_window_show_plan (self->window);
  jp_window_open_item (self->window, item);
  gtk_window_present (GTK_WINDOW (self->window));
}

static void
activate_cb (GtkListView *list,
             guint        position,
             gpointer     user_data)
{
  JpCompareDialog *self = user_data;
  g_autoptr(JpCompareEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);

  if (entry && entry->change)
    jp_compare_dialog_open_change (self, entry->change);
}

gboolean
jp_compare_dialog_is_ready (JpCompareDialog *self)
{
  g_return_val_if_fail (JP_IS_COMPARE_DIALOG (self), FALSE);
  return self->comparison != NULL;
}

const JpYearComparison *
jp_compare_dialog_get_comparison (JpCompareDialog *self)
{
  g_return_val_if_fail (JP_IS_COMPARE_DIALOG (self), NULL);
  return self->comparison;
}

/* ------------------------------------------------------------ the object */

static void
jp_compare_dialog_dispose (GObject *object)
{
  JpCompareDialog *self = JP_COMPARE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->db);
  g_clear_object (&self->entries);
  G_OBJECT_CLASS (jp_compare_dialog_parent_class)->dispose (object);
}

static void
jp_compare_dialog_finalize (GObject *object)
{
  JpCompareDialog *self = JP_COMPARE_DIALOG (object);

  g_clear_pointer (&self->comparison, jp_year_comparison_free);
  G_OBJECT_CLASS (jp_compare_dialog_parent_class)->finalize (object);
}

static void
jp_compare_dialog_class_init (JpCompareDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_compare_dialog_dispose;
  object_class->finalize = jp_compare_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jp_compare_dialog_init (JpCompareDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *loading = gtk_spinner_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_window_set_default_size (GTK_WINDOW (self), 720, 640);
  self->cancellable = g_cancellable_new ();
  self->entries = g_list_store_new (JP_TYPE_COMPARE_ENTRY);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->hide_status = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Hide Status Changes")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->hide_status),
                               _("Leave out the items whose only difference is their status or phase, "
                                 "as carrying a plan over into a new year sets them"));
  gtk_widget_set_visible (GTK_WIDGET (self->hide_status), FALSE);
  g_signal_connect_swapped (self->hide_status, "toggled", G_CALLBACK (hide_status_toggled_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->hide_status));
  gtk_box_append (GTK_BOX (content), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_spinner_set_spinning (GTK_SPINNER (loading), TRUE);
  gtk_widget_set_size_request (loading, 32, 32);
  gtk_widget_set_halign (loading, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (loading, GTK_ALIGN_CENTER);
  gtk_stack_add_named (self->stack, loading, "loading");

  self->empty = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty, "object-select-symbolic");
  adw_status_page_set_title (self->empty, _("No Differences"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty), "empty");

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->entries)))),
                                                 factory));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect (self->list, "activate", G_CALLBACK (activate_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_set_visible_child_name (self->stack, "loading");

  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), content);
}

JpCompareDialog *
jp_compare_dialog_new (JpWindow *window,
                       guint     from,
                       guint     to)
{
  JpCompareDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (JP_IS_WINDOW (window), NULL);
  g_return_val_if_fail (jp_window_get_database (window) != NULL, NULL);

  self = g_object_new (JP_TYPE_COMPARE_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->db = g_object_ref (jp_window_get_database (window));
  self->lang = jp_database_get_language (self->db);
  self->from = MIN (from, to);
  self->to = MAX (from, to);
  title = g_strdup_printf (_("Changes from %u to %u"), self->from, self->to);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->title, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  jp_year_compare_async (self->db, self->from, self->to, self->cancellable, compared_cb, g_object_ref (self));
  return self;
}

guint
jp_compare_dialog_other_year (JpDatabase *db)
{
  g_autoptr(GArray) years = jp_database_list_years (db);
  guint open = jp_database_get_year (db);
  guint other = 0;

  /* The year before the open one, else the one after it. */
  for (guint i = 0; i < years->len; i++)
    {
      guint year = g_array_index (years, guint, i);

      if (year < open)
        other = year;
      else if (year > open && other == 0)
        return year;
    }
  return other;
}

void
jp_compare_dialog_show (JpWindow *window,
                        guint     other)
{
  JpDatabase *db = jp_window_get_database (window);

  if (db == NULL || (other == 0 && (other = jp_compare_dialog_other_year (db)) == 0))
    return;
  gtk_window_present (GTK_WINDOW (jp_compare_dialog_new (window, other, jp_database_get_year (db))));
}
