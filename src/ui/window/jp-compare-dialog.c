/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/jp-change-ui.h"
#include "ui/jp-kind-ui.h"
#include "ui/window/jp-compare-dialog.h"

/* The comparison of two years: one row per difference under a heading
 * per section, in the later year's order. */

typedef struct {
  JpWindow         *window;   /* weak */
  JpYearComparison *comparison;
} Compare;

static void
compare_free (gpointer data)
{
  Compare *compare = data;

  g_clear_weak_pointer (&compare->window);
  jp_year_comparison_free (compare->comparison);
  g_free (compare);
}

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
      if (change->descendants > 0)
        g_string_append_printf (words,
                                g_dngettext (GETTEXT_PACKAGE, ", with %u item under it", ", with %u items under it",
                                             change->descendants),
                                change->descendants);
      break;

    case JP_YEAR_CHANGE_REMOVED:
      if (change->old_status != JP_STATUS_NONE)
        /* Translators: an item of the earlier year not carried over, with its status then. */
        g_string_printf (words, _("Only in %u (%s)"), from, jp_status_get_title (change->old_status));
      else
        g_string_printf (words, _("Only in %u"), from);
      if (change->descendants > 0)
        g_string_append_printf (words,
                                g_dngettext (GETTEXT_PACKAGE, ", with %u item under it", ", with %u items under it",
                                             change->descendants),
                                change->descendants);
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

static GtkWidget *
make_row (Compare            *compare,
          const JpYearChange *change,
          JpLang              lang)
{
  g_autofree char *title = describe_item (change->number, change->titles, lang, change->item_kind);
  g_autofree char *detail = jp_compare_describe_change (change, compare->comparison->from, compare->comparison->to);
  g_autofree char *accessible = NULL;
  const char *style = NULL;
  const char *badge_text = badge_of (change->kind, &style);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *badge = gtk_label_new (badge_text);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *sub;
  GtkWidget *icon = gtk_image_new_from_icon_name (jp_kind_get_icon_name (change->item_kind));

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), label);
  if (*detail)
    {
      sub = gtk_label_new (detail);
      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (texts), sub);
    }
  gtk_box_append (GTK_BOX (box), texts);

  gtk_widget_add_css_class (badge, "caption-heading");
  gtk_widget_add_css_class (badge, style);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), badge);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  accessible = g_strdup_printf ("%s: %s. %s", badge_text, title, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (row), "change", (gpointer) change);
  return row;
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  const JpYearChange *change = g_object_get_data (G_OBJECT (row), "change");
  const JpYearChange *previous = before ? g_object_get_data (G_OBJECT (before), "change") : NULL;
  JpLang lang = GPOINTER_TO_INT (user_data);
  g_autofree char *text = NULL;
  GtkWidget *header;

  if (previous && g_strcmp0 (previous->group, change->group) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (*change->group)
    text = describe_item (change->group, change->group_titles, lang, JP_KIND_SECTION);
  else
    /* Translators: the heading of changes outside every chapter: the
     * policy areas, the programme, the contacts. */
    text = g_strdup (_("Work Programme and Contacts"));
  header = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_top (header, before ? 18 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_list_box_row_set_header (row, header);
}

static void
row_activated_cb (GtkListBox    *box,
                  GtkListBoxRow *row,
                  gpointer       user_data)
{
  Compare *compare = user_data;
  const JpYearChange *change = g_object_get_data (G_OBJECT (row), "change");
  JpDatabase *db;
  g_autoptr(JpItem) item = NULL;
  g_autoptr(GError) error = NULL;
  guint year;

  if (compare->window == NULL || (db = jp_window_get_database (compare->window)) == NULL)
    return;
  /* The item in the later year, or the earlier year's for one that
   * was not carried over. */
  year = change->kind == JP_YEAR_CHANGE_REMOVED ? compare->comparison->from : compare->comparison->to;
  item = jp_store_lookup (JP_STORE (db), change->kind == JP_YEAR_CHANGE_REMOVED ? change->previous : change->id);
  if (item == NULL)
    return;
  if (jp_database_get_year (db) != year && !jp_database_set_year (db, year, &error))
    {
      jp_window_report_error (compare->window, error);
      return;
    }
  jp_window_open_item (compare->window, item);
  gtk_window_present (GTK_WINDOW (compare->window));
}

GtkWidget *
jp_compare_dialog_new (JpWindow  *window,
                       guint      from,
                       guint      to,
                       GError   **error)
{
  JpDatabase *db = jp_window_get_database (window);
  JpLang lang = jp_database_get_language (db);
  g_autoptr(JpYearComparison) comparison = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *dialog, *content, *header, *scrolled, *list, *clamp;
  GtkEventController *controller;
  Compare *compare;

  comparison = jp_year_compare (db, from, to, error);
  if (comparison == NULL)
    return NULL;

  dialog = adw_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_set_modal (GTK_WINDOW (dialog), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 720, 640);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), FALSE);
  title = g_strdup_printf (_("Changes from %u to %u"), comparison->from, comparison->to);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u difference", "%u differences",
                                           comparison->changes->len),
                              comparison->changes->len);
  gtk_window_set_title (GTK_WINDOW (dialog), title);

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, controller);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, subtitle));
  gtk_box_append (GTK_BOX (content), header);

  compare = g_new0 (Compare, 1);
  g_set_weak_pointer (&compare->window, window);
  compare->comparison = g_steal_pointer (&comparison);
  g_object_set_data_full (G_OBJECT (dialog), "jp-compare", compare, compare_free);

  if (compare->comparison->changes->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();
      g_autofree char *description = g_strdup_printf (_("The plans of %u and %u are the same."),
                                                      compare->comparison->from, compare->comparison->to);

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "object-select-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Differences"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (GTK_BOX (content), status);
      adw_window_set_content (ADW_WINDOW (dialog), content);
      return dialog;
    }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  for (guint i = 0; i < compare->comparison->changes->len; i++)
    {
      GtkWidget *row = make_row (compare, g_ptr_array_index (compare->comparison->changes, i), lang);

      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_list_box_set_header_func (GTK_LIST_BOX (list), update_header, GINT_TO_POINTER (lang), NULL);
  g_signal_connect (list, "row-activated", G_CALLBACK (row_activated_cb), compare);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 24);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (content), scrolled);
  adw_window_set_content (ADW_WINDOW (dialog), content);
  return dialog;
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
jp_compare_dialog_show (JpWindow *window)
{
  JpDatabase *db = jp_window_get_database (window);
  g_autoptr(GError) error = NULL;
  guint other;
  GtkWidget *dialog;

  if (db == NULL || (other = jp_compare_dialog_other_year (db)) == 0)
    return;
  dialog = jp_compare_dialog_new (window, other, jp_database_get_year (db), &error);
  if (dialog == NULL)
    {
      jp_window_report_error (window, error);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}
