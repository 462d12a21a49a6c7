/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-differences"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/jp-change-ui.h"
#include "ui/jp-difference-ui.h"
#include "ui/jp-kind-ui.h"

/* Red and green that read on a light and a dark background alike. */
#define REMOVED_SPAN "<span foreground=\"#e01b24\" strikethrough=\"true\">"
#define ADDED_SPAN   "<span foreground=\"#26a269\" underline=\"single\" weight=\"bold\">"

static void
append (GString    *words,
        const char *word)
{
  if (words->len > 0)
    /* Translators: between the things that changed in one item. */
    g_string_append (words, C_("list of changes", ", "));
  g_string_append (words, word);
}

static const char *
status_title (const char *value)
{
  JpStatus status = JP_STATUS_NONE;

  if (value)
    jp_status_from_string (value, &status);
  return jp_status_get_title (status);
}

static const char *
phase_title (const char *value)
{
  JpPhase phase = JP_PHASE_NONE;

  if (value)
    jp_phase_from_string (value, &phase);
  return jp_phase_get_title (phase);
}

static char *
value_title (const JpValueChange *value,
             JpKind               kind)
{
  switch (value->kind)
    {
    case JP_VALUE_PHASE:
      return g_strdup (phase_title (value->new_value));
    case JP_VALUE_STATUS:
      return g_strdup_printf (_("Status: %s → %s"), status_title (value->old_value),
                              status_title (value->new_value));
    case JP_VALUE_FIELD:
      return g_strdup (jp_field_get_title (value->field));
    case JP_VALUE_TEXT:
      /* Translators: a text that changed and its language: "Title (French)". */
      return g_strdup_printf (_("%s (%s)"), jp_text_field_get_title (value->field, kind),
                              jp_lang_get_title (value->lang));
    case JP_VALUE_AREAS:
      return g_strdup (_("Policy Areas"));
    case JP_VALUE_PLACE:
    default:
      return g_strdup (_("Moved"));
    }
}

char *
jp_difference_describe (const JpDifference *difference,
                        guint               old_year,
                        guint               new_year)
{
  GString *words = g_string_new (NULL);

  g_return_val_if_fail (difference != NULL, NULL);

  switch (difference->kind)
    {
    case JP_DIFFERENCE_ADDED:
      if (new_year)
        g_string_printf (words, _("New in %u"), new_year);
      else
        g_string_assign (words, C_("difference", "Added"));
      break;

    case JP_DIFFERENCE_REMOVED:
      if (old_year && difference->status != JP_STATUS_NONE)
        /* Translators: an item of the earlier year not carried over, with its status then. */
        g_string_printf (words, _("Only in %u (%s)"), old_year, jp_status_get_title (difference->status));
      else if (old_year)
        g_string_printf (words, _("Only in %u"), old_year);
      else if (difference->status != JP_STATUS_NONE)
        /* Translators: an item removed, with its status then. */
        g_string_printf (words, _("Removed (%s)"), jp_status_get_title (difference->status));
      else
        g_string_assign (words, C_("difference", "Removed"));
      break;

    case JP_DIFFERENCE_CHANGED:
    default:
      /* The status first, the phase and a move next, as a reader asks. */
      for (guint k = 0; k < 6; k++)
        {
          static const JpValueKind order[] = { JP_VALUE_STATUS, JP_VALUE_PHASE, JP_VALUE_PLACE,
                                               JP_VALUE_FIELD, JP_VALUE_TEXT, JP_VALUE_AREAS };

          for (guint i = 0; difference->values && i < difference->values->len; i++)
            {
              const JpValueChange *value = g_ptr_array_index (difference->values, i);
              g_autofree char *title = NULL;

              if (value->kind != order[k])
                continue;
              title = value_title (value, difference->item_kind);
              append (words, title);
            }
        }
      break;
    }
  if (difference->kind != JP_DIFFERENCE_CHANGED && difference->descendants > 0)
    g_string_append_printf (words,
                            g_dngettext (GETTEXT_PACKAGE, ", with %u item under it", ", with %u items under it",
                                         difference->descendants),
                            difference->descendants);
  return g_string_free (words, FALSE);
}

char *
jp_difference_describe_item (const char  *number,
                             char * const titles[JP_N_LANGS],
                             JpLang       lang,
                             JpKind       kind)
{
  const char *title = titles[lang] ? titles[lang] : titles[lang == JP_LANG_NL ? JP_LANG_FR : JP_LANG_NL];

  if (title == NULL)
    title = jp_kind_get_title (kind);
  if (number && *number)
    return g_strdup_printf ("%s %s", number, title);
  return g_strdup (title);
}

const char *
jp_difference_get_badge (JpDifferenceKind   kind,
                         gboolean           years,
                         const char       **style)
{
  switch (kind)
    {
    case JP_DIFFERENCE_ADDED:
      *style = "success";
      /* Translators: a badge beside an item of the later year only. */
      return C_("compared years", "Added");
    case JP_DIFFERENCE_REMOVED:
      *style = "error";
      if (!years)
        /* Translators: a badge beside an item that is no longer there. */
        return C_("difference", "Removed");
      /* Translators: a badge beside an item of the earlier year only. */
      return C_("compared years", "Not Carried Over");
    case JP_DIFFERENCE_CHANGED:
    default:
      *style = "accent";
      return C_("compared years", "Changed");
    }
}

/* Appends @text escaped, cut to @context characters at the side(s) away
 * from a change when it is longer. */
static void
append_same (GString    *markup,
             const char *text,
             guint       context,
             gboolean    keep_start,
             gboolean    keep_end)
{
  glong len = g_utf8_strlen (text, -1);
  g_autofree char *escaped = NULL;

  if (context == 0 || len <= 2 * (glong) context + 1 || (keep_start && keep_end))
    {
      escaped = g_markup_escape_text (text, -1);
      g_string_append (markup, escaped);
      return;
    }
  if (keep_start)
    {
      g_autofree char *start = g_utf8_substring (text, 0, context);

      escaped = g_markup_escape_text (start, -1);
      g_string_append (markup, escaped);
    }
  g_string_append (markup, "…");
  if (keep_end)
    {
      g_autofree char *end = g_utf8_substring (text, len - context, len);
      g_autofree char *tail = g_markup_escape_text (end, -1);

      g_string_append (markup, tail);
    }
}

char *
jp_words_to_markup (GPtrArray *words,
                    guint      context)
{
  GString *markup = g_string_new (NULL);

  g_return_val_if_fail (words != NULL, NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const JpWords *run = g_ptr_array_index (words, i);
      g_autofree char *escaped = NULL;

      switch (run->op)
        {
        case JP_WORDS_SAME:
          /* Kept whole between two changes, cut before the first and after the last. */
          append_same (markup, run->text, context, i > 0, i + 1 < words->len);
          break;
        case JP_WORDS_REMOVED:
          escaped = g_markup_escape_text (run->text, -1);
          g_string_append_printf (markup, REMOVED_SPAN "%s</span>", escaped);
          break;
        case JP_WORDS_ADDED:
        default:
          escaped = g_markup_escape_text (run->text, -1);
          /* A space between the struck words and those that replace them. */
          if (i > 0 && ((JpWords *) g_ptr_array_index (words, i - 1))->op == JP_WORDS_REMOVED)
            g_string_append_c (markup, ' ');
          g_string_append_printf (markup, ADDED_SPAN "%s</span>", escaped);
          break;
        }
    }
  return g_string_free (markup, FALSE);
}

/* "Code: X1 → X2", the two sides escaped, the old struck, the new underlined. */
static char *
value_markup (const JpValueChange *value,
              JpKind               kind)
{
  g_autofree char *title = value_title (value, kind);
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *old_value = g_markup_escape_text (value->old_value ? value->old_value : "—", -1);
  g_autofree char *new_value = g_markup_escape_text (value->new_value ? value->new_value : "—", -1);
  g_autofree char *words = NULL;

  if (value->words)
    {
      words = jp_words_to_markup (value->words, 60);
      return g_strdup_printf ("<b>%s</b>\n%s", escaped_title, words);
    }
  {
    g_autofree char *bold = g_strdup_printf ("<b>%s</b>", escaped_title);
    g_autofree char *old_span = g_strdup_printf (REMOVED_SPAN "%s</span>", old_value);
    g_autofree char *new_span = g_strdup_printf (ADDED_SPAN "%s</span>", new_value);

    /* Translators: what changed in an item: the value's name, its old
     * value, its new value ("Code: X1 → X2"). */
    return g_strdup_printf (C_("value change", "%s: %s → %s"), bold, old_span, new_span);
  }
}

static GtkWidget *
label_new (const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style)
    gtk_widget_add_css_class (label, style);
  return label;
}

GtkWidget *
jp_difference_row_new (const JpDifference *difference,
                       JpLang              lang,
                       gboolean            with_check)
{
  return jp_difference_row_new_full (difference, lang, with_check, 0, 0);
}

GtkWidget *
jp_difference_row_new_full (const JpDifference *difference,
                            JpLang              lang,
                            gboolean            with_check,
                            guint               old_year,
                            guint               new_year)
{
  GtkWidget *box, *texts, *icon, *title, *detail, *badge;
  g_autofree char *title_text = NULL, *detail_text = NULL, *accessible = NULL;
  const char *style = NULL, *badge_text;

  g_return_val_if_fail (difference != NULL, NULL);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  icon = gtk_image_new_from_icon_name (jp_kind_get_icon_name (difference->item_kind));
  title_text = jp_difference_describe_item (difference->number, difference->titles, lang, difference->item_kind);
  title = label_new (NULL);
  gtk_label_set_text (GTK_LABEL (title), title_text);
  detail_text = jp_difference_describe (difference, old_year, new_year);
  detail = label_new ("dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_label_set_text (GTK_LABEL (detail), detail_text);
  badge_text = jp_difference_get_badge (difference->kind, old_year != 0, &style);
  badge = gtk_label_new (badge_text);
  gtk_widget_add_css_class (badge, "caption-heading");
  gtk_widget_add_css_class (badge, style);
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), detail);
  /* Each value old → new, each text with its words; a status or a
   * phase is said in full above, a move too. */
  for (guint i = 0; difference->values && i < difference->values->len; i++)
    {
      const JpValueChange *value = g_ptr_array_index (difference->values, i);
      g_autofree char *markup = NULL;
      GtkWidget *line;

      if (value->kind == JP_VALUE_STATUS || value->kind == JP_VALUE_PHASE || value->kind == JP_VALUE_PLACE)
        continue;
      markup = value_markup (value, difference->item_kind);
      line = label_new ("caption");
      gtk_label_set_markup (GTK_LABEL (line), markup);
      gtk_widget_set_margin_top (line, 3);
      gtk_box_append (GTK_BOX (texts), line);
    }

  if (with_check)
    {
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title_text, -1);
      gtk_box_append (GTK_BOX (box), check);
      g_object_set_data (G_OBJECT (box), "jp-difference-check", check);
    }
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), badge);

  accessible = g_strdup_printf ("%s: %s. %s", badge_text, title_text, detail_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (box), "jp-difference-accessible", g_steal_pointer (&accessible), g_free);
  g_object_set_data (G_OBJECT (box), "jp-difference-title", title);
  g_object_set_data (G_OBJECT (box), "jp-difference-detail", detail);
  g_object_set_data (G_OBJECT (box), "jp-difference-badge", badge);
  return box;
}

GtkCheckButton *
jp_difference_row_get_check (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);
  return g_object_get_data (G_OBJECT (row), "jp-difference-check");
}
