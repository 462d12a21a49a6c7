/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jp-test-util.h"

#include "model/print/jp-publication-changes.h"

/* A list of differences on paper: the changed words, the pages. */

static JpSnapshotItem *
add (JpSnapshot *snapshot,
     gint64      id,
     gint64      parent,
     guint       position,
     JpKind      kind,
     const char *uid,
     const char *title)
{
  JpItemData data = { 0 };

  data.id = id;
  data.parent_id = parent;
  data.position = position;
  data.kind = kind;
  data.uid = g_strdup (uid);
  data.texts[JP_TEXT_TITLE][JP_LANG_NL] = g_strdup (title);
  return _jp_snapshot_add (snapshot, &data);
}

/* A section with @n projects, each with a text. */
static JpSnapshot *
section_new (guint       n,
             const char *month)
{
  JpSnapshot *snapshot = _jp_snapshot_new ();
  JpSnapshotItem *section = add (snapshot, 1, 0, 0, JP_KIND_SECTION, "sec-5.7", "Fraudebestrijding");

  section->data.fields[JP_FIELD_NUMBER] = g_strdup ("5.7");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uid = g_strdup_printf ("sec-5.7-p%u", i);
      g_autofree char *title = g_strdup_printf ("Project %u", i);
      JpSnapshotItem *project = add (snapshot, 10 + i, 1, i, JP_KIND_PROJECT, uid, title);

      project->data.status = JP_STATUS_PLANNED;
      project->data.texts[JP_TEXT_BODY][JP_LANG_NL] =
        g_strdup_printf ("Het overleg over dit project vindt in %s plaats.", month);
    }
  _jp_snapshot_build_tree (snapshot, 1);
  return snapshot;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_words (void)
{
  g_autoptr(JpSnapshot) old = section_new (3, "juni");
  g_autoptr(JpSnapshot) new = section_new (3, "juni");
  g_autoptr(JpDifferences) differences = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-changes-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "changes.pdf", NULL);
  g_autofree char *text = NULL;
  JpSnapshotItem *project = _jp_snapshot_lookup (new, 11);
  guint n_pages = 0;

  g_free (project->data.texts[JP_TEXT_BODY][JP_LANG_NL]);
  project->data.texts[JP_TEXT_BODY][JP_LANG_NL] = g_strdup ("Het overleg over dit project vindt in december plaats.");
  project->data.status = JP_STATUS_DONE;
  differences = jp_differences_compute (old, new, NULL, JP_DIFFERENCES_DEFAULT);
  g_assert_cmpuint (differences->differences->len, ==, 1);

  file = g_file_new_for_path (path);
  g_assert_true (jp_publication_changes_export (differences, "Wijzigingen sinds 12 december", "Versie voor het Comité",
                                                JP_LANG_NL, file, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 1);
  text = jp_test_pdf_to_text (path);
  g_assert_nonnull (strstr (text, "Wijzigingen sinds 12 december"));
  g_assert_nonnull (strstr (text, "Versie voor het Comité"));
  g_assert_nonnull (strstr (text, "5.7 Fraudebestrijding"));
  g_assert_nonnull (strstr (text, "Project 1"));
  /* Both sides of the changed sentence: the old word struck, the new one after it. */
  g_assert_nonnull (strstr (text, "juni december"));
  g_assert_nonnull (strstr (text, "vindt in"));
  g_assert_null (strstr (text, "Project 2"));
  jp_test_remove_dir (dir);
}

/* Many differences: more pages, each with its number at its foot. */
static void
test_pages (void)
{
  g_autoptr(JpSnapshot) old = section_new (200, "juni");
  g_autoptr(JpSnapshot) new = section_new (200, "juli");
  g_autoptr(JpDifferences) differences = jp_differences_compute (old, new, NULL, JP_DIFFERENCES_DEFAULT);
  g_autoptr(JpDifferences) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-changes-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "changes.pdf", NULL);
  g_autofree char *text = NULL;
  guint n_pages = 0;

  g_assert_cmpuint (differences->differences->len, ==, 200);
  pdf = jp_publication_changes_render (differences, "Wijzigingen", NULL, JP_LANG_FR, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >, 3);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  text = jp_test_pdf_to_text (path);
  g_assert_cmpuint (count (text, "\f"), ==, n_pages);
  g_assert_cmpuint (count (text, "juillet") + count (text, "juli"), >=, 200);
  /* The running header and the foot of each page after the first. */
  g_assert_cmpuint (count (text, "Wijzigingen"), >=, 2 * n_pages - 1);

  /* Nothing differs: one page that says so. */
  g_clear_pointer (&pdf, g_bytes_unref);
  none = jp_differences_compute (old, old, NULL, JP_DIFFERENCES_DEFAULT);
  pdf = jp_publication_changes_render (none, "Wijzigingen", NULL, JP_LANG_NL, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 1);
  jp_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/publication-changes/words", test_words);
  g_test_add_func ("/publication-changes/pages", test_pages);

  return g_test_run ();
}
