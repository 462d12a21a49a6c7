/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "jp-test-window.h"
#include "ui/jp-difference-ui.h"

/* One difference as the lists of changes show it. */

static JpValueChange *
value_new (JpValueKind  kind,
           int          field,
           JpLang       lang,
           const char  *old_value,
           const char  *new_value)
{
  JpValueChange *value = g_new0 (JpValueChange, 1);

  value->kind = kind;
  value->field = field;
  value->lang = lang;
  value->old_value = g_strdup (old_value);
  value->new_value = g_strdup (new_value);
  if (kind == JP_VALUE_TEXT)
    value->words = jp_words_compare (old_value, new_value);
  return value;
}

static void
value_free (gpointer data)
{
  JpValueChange *value = data;

  g_free (value->old_value);
  g_free (value->new_value);
  g_clear_pointer (&value->words, g_ptr_array_unref);
  g_free (value);
}

static void
test_markup (void)
{
  g_autoptr(GPtrArray) runs = jp_words_compare ("Overleg <intern> in juni & juli",
                                                "Overleg <intern> in mei & juli");
  g_autofree char *markup = jp_words_to_markup (runs, 0);
  g_autofree char *text = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GPtrArray) long_runs = NULL;
  g_autofree char *cut = NULL;

  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "Overleg <intern> in juni mei & juli");
  g_assert_nonnull (strstr (markup, "strikethrough=\"true\">juni</span>"));
  g_assert_nonnull (strstr (markup, "underline=\"single\" weight=\"bold\">mei</span>"));
  g_assert_nonnull (strstr (markup, "&lt;intern&gt;"));

  /* A long text keeps a little around the change. */
  for (guint i = 0; i < 100; i++)
    g_string_append (long_text, "woord ");
  g_string_append (long_text, "oud");
  {
    g_autofree char *new_text = g_strdup_printf ("%.*snieuw", (int) long_text->len - 3, long_text->str);

    long_runs = jp_words_compare (long_text->str, new_text);
  }
  cut = jp_words_to_markup (long_runs, 20);
  g_assert_true (g_str_has_prefix (cut, "…d woord woord woord "));
  g_assert_cmpuint (strlen (cut), <, 200);
}

static void
test_describe (void)
{
  JpDifference added = { .kind = JP_DIFFERENCE_ADDED, .item_kind = JP_KIND_PROJECT, .descendants = 3 };
  JpDifference removed = { .kind = JP_DIFFERENCE_REMOVED, .item_kind = JP_KIND_PROJECT, .status = JP_STATUS_DONE };
  JpDifference changed = { .kind = JP_DIFFERENCE_CHANGED, .item_kind = JP_KIND_PROJECT };
  g_autofree char *added_words = NULL, *added_years = NULL, *removed_words = NULL;
  g_autofree char *removed_years = NULL, *changed_words = NULL;
  const char *style = NULL;

  changed.values = g_ptr_array_new_with_free_func (value_free);
  g_ptr_array_add (changed.values, value_new (JP_VALUE_FIELD, JP_FIELD_CODE, 0, "X1", "X2"));
  g_ptr_array_add (changed.values, value_new (JP_VALUE_TEXT, JP_TEXT_TITLE, JP_LANG_FR, "Un titre", "Un autre titre"));
  g_ptr_array_add (changed.values, value_new (JP_VALUE_PLACE, 0, 0, "sec-5.6 1", "sec-5.7 4"));
  g_ptr_array_add (changed.values, value_new (JP_VALUE_STATUS, 0, 0, "planned", "done"));

  added_words = jp_difference_describe (&added, 0, 0);
  added_years = jp_difference_describe (&added, 2013, 2014);
  removed_words = jp_difference_describe (&removed, 0, 0);
  removed_years = jp_difference_describe (&removed, 2013, 2014);
  changed_words = jp_difference_describe (&changed, 2013, 2014);
  g_assert_cmpstr (added_words, ==, "Added, with 3 items under it");
  g_assert_cmpstr (added_years, ==, "New in 2014, with 3 items under it");
  g_assert_cmpstr (removed_words, ==, "Removed (Done)");
  g_assert_cmpstr (removed_years, ==, "Only in 2013 (Done)");
  g_assert_cmpstr (changed_words, ==, "Status: Planned → Done, Moved, Code, Title (French)");

  g_assert_cmpstr (jp_difference_get_badge (JP_DIFFERENCE_REMOVED, FALSE, &style), ==, "Removed");
  g_assert_cmpstr (style, ==, "error");
  g_assert_cmpstr (jp_difference_get_badge (JP_DIFFERENCE_REMOVED, TRUE, &style), ==, "Not Carried Over");

  /* The row: the item, what changed, each value old → new, the words. */
  {
    char *titles[JP_N_LANGS] = { (char *) "Fraudebestrijding", (char *) "Lutte contre la fraude" };
    GtkWidget *row, *checked;

    memcpy (changed.titles, titles, sizeof titles);
    changed.number = (char *) "5.7.3";
    row = g_object_ref_sink (jp_difference_row_new (&changed, JP_LANG_FR, FALSE));
    g_assert_null (jp_difference_row_get_check (row));
    g_assert_true (jp_test_has_label_containing (row, "5.7.3 Lutte contre la fraude"));
    g_assert_true (jp_test_has_label_containing (row, "Status: Planned → Done, Moved, Code, Title (French)"));
    g_assert_true (jp_test_has_label_containing (row, "Code: X1 → X2"));
    g_assert_true (jp_test_has_label_containing (row, "Un autre titre"));
    g_assert_true (jp_test_has_label_containing (row, "Changed"));
    g_object_unref (row);

    checked = g_object_ref_sink (jp_difference_row_new (&added, JP_LANG_NL, TRUE));
    g_assert_nonnull (jp_difference_row_get_check (checked));
    g_assert_true (gtk_check_button_get_active (jp_difference_row_get_check (checked)));
    g_assert_true (jp_test_has_label_containing (checked, "Project"));
    g_assert_true (jp_test_has_label_containing (checked, "Added, with 3 items under it"));
    g_object_unref (checked);
  }
  g_ptr_array_unref (changed.values);
}

int
main (int   argc,
      char *argv[])
{
  jp_test_window_init (&argc, &argv);

  g_test_add_func ("/difference-ui/markup", test_markup);
  g_test_add_func ("/difference-ui/describe", test_describe);

  return g_test_run ();
}
