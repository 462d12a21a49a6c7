/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-exchange.h"
#include "jp-test-util.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "model/store/jp-database.h"
#include "model/store/jp-sqlite-private.h"
#include "model/exchange/jp-xml.h"
#include "model/exchange/jp-xml-merge.h"
#include "model/store/jp-connection-exchange.h"

/* Exchanging sections, continued: team heads who send a section back,
 * undo, the order of items, and the command line. */

static char *tmp_dir;


static void
test_team_head (void)
{
  g_autoptr(JpDatabase) office = jp_test_open_memory (TRUE);
  g_autoptr(JpDatabase) head = jp_test_open_memory (TRUE);
  g_autofree char *sent = jp_test_export_section (office);
  g_autofree char *returned = NULL;
  g_autofree char *sent_id = jp_test_sent_export_id (sent);
  g_autofree char *returned_id = NULL;
  g_autoptr(JpImportReport) there = NULL;
  g_autoptr(JpImportReport) back = NULL;
  g_autoptr(JpImportReport) again = NULL;

  /* The team head's copy did not send it: no check there. */
  there = jp_test_import_ok (head, sent, JP_IMPORT_DEFAULT, NULL);
  g_assert_false (there->checked);
  g_assert_nonnull (there->unchecked);

  /* Edited there; the export passes the office's record on. */
  jp_test_set_text (head, "sec-5.7-p2", "Door het teamhoofd.");
  returned = jp_test_export_section (head);
  returned_id = jp_test_sent_export_id (returned);
  g_assert_cmpstr (returned_id, ==, sent_id);
  g_assert_nonnull (strstr (returned, "Door het teamhoofd."));
  g_assert_nonnull (strstr (returned, " since=\""));
  g_assert_null (strstr (sent, " since=\""));
  {
    /* The same state, the same bytes, also when passing a record on. */
    g_autofree char *twice = jp_test_export_section (head);
    g_assert_cmpstr (twice, ==, returned);
  }

  /* Meanwhile the office edited another project, and the same one. */
  jp_test_set_text (office, "sec-5.7-p3", "Door het Stafbureau.");
  back = jp_test_import_ok (office, returned, JP_IMPORT_DEFAULT, NULL);
  g_assert_true (back->checked);
  g_assert_cmpuint (back->kept, ==, 1);
  g_assert_cmpuint (jp_import_report_total (back, back->changed), ==, 1);
  assert_text (office, "sec-5.7-p2", ==, "Door het teamhoofd.");
  assert_text (office, "sec-5.7-p3", ==, "Door het Stafbureau.");

  /* The team head goes on from what was sent back; the office edits
   * again: the second return is checked against the first. */
  jp_test_set_text (head, "sec-5.7-p2", "Tweede versie van het teamhoofd.");
  jp_test_set_text (office, "sec-5.7-p3", "Tweede versie van het Stafbureau.");
  g_clear_pointer (&returned, g_free);
  returned = jp_test_export_section (head);
  again = jp_test_import_ok (office, returned, JP_IMPORT_DEFAULT, NULL);
  g_assert_true (again->checked);
  g_assert_cmpuint (again->conflicts->len, ==, 0);
  assert_text (office, "sec-5.7-p2", ==, "Tweede versie van het teamhoofd.");
  assert_text (office, "sec-5.7-p3", ==, "Tweede versie van het Stafbureau.");
}

/* One section sent to two team heads: the second return does not undo
 * what the first brought. */
static void
test_two_heads (void)
{
  g_autoptr(JpDatabase) office = jp_test_open_memory (TRUE);
  g_autoptr(JpDatabase) x = jp_test_open_memory (TRUE);
  g_autoptr(JpDatabase) y = jp_test_open_memory (TRUE);
  g_autofree char *sent = jp_test_export_section (office);
  g_autofree char *from_x = NULL;
  g_autofree char *from_y = NULL;
  g_autoptr(JpImportReport) rx = NULL;
  g_autoptr(JpImportReport) ry = NULL;
  g_autoptr(JpImportReport) r1 = NULL;
  g_autoptr(JpImportReport) r2 = NULL;

  rx = jp_test_import_ok (x, sent, JP_IMPORT_DEFAULT, NULL);
  ry = jp_test_import_ok (y, sent, JP_IMPORT_DEFAULT, NULL);
  jp_test_set_text (x, "sec-5.7-p2", "Door X.");
  jp_test_set_text (y, "sec-5.7-p3", "Door Y.");
  from_x = jp_test_export_section (x);
  from_y = jp_test_export_section (y);

  r1 = jp_test_import_ok (office, from_x, JP_IMPORT_DEFAULT, NULL);
  r2 = jp_test_import_ok (office, from_y, JP_IMPORT_DEFAULT, NULL);
  g_assert_true (r2->checked);
  g_assert_cmpuint (r2->conflicts->len, ==, 0);
  assert_text (office, "sec-5.7-p2", ==, "Door X.");
  assert_text (office, "sec-5.7-p3", ==, "Door Y.");
}

/* Undoing a checked import undoes what it learnt about the other side. */
static void
test_undo_restores_base (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *file = jp_test_export_section (db);
  g_autofree char *edited = jp_test_replace (file, P1_OPEN, P1_DONE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  before = jp_test_dump_full (db, FALSE);
  report = jp_test_import_ok (db, edited, JP_IMPORT_DEFAULT, NULL);
  g_assert_true (jp_database_undo (db, &error));
  g_assert_no_error (error);
  after = jp_test_dump_full (db, FALSE);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (jp_test_status_of (db, "sec-5.7-p1"), ==, JP_STATUS_IN_PROGRESS);
}

static void
move_before (JpDatabase *db,
             const char *uid,
             const char *before_uid)
{
  g_autoptr(JpItem) item = jp_database_lookup_uid (db, uid);
  g_autoptr(JpItem) before = jp_database_lookup_uid (db, before_uid);
  g_autoptr(JpItem) parent = jp_database_get_parent (db, item);
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_database_move_item (db, item, parent, before, &error));
  g_assert_no_error (error);
}

/* Does @a come before @b in the section's export? */
static gboolean
exported_before (JpDatabase *db,
                 const char *a,
                 const char *b)
{
  g_autofree char *text = jp_test_export_section (db);
  g_autofree char *ea = g_strdup_printf ("<project id=\"%s\"", a);
  g_autofree char *eb = g_strdup_printf ("<project id=\"%s\"", b);
  const char *pa = strstr (text, ea), *pb = strstr (text, eb);

  g_assert_true (pa && pb);
  return pa < pb;
}

/* Swaps two consecutive project elements in a section file. */
static char *
swap_projects (const char *text,
               const char *first,
               const char *second)
{
  g_autofree char *open1 = g_strdup_printf ("    <project id=\"%s\"", first);
  g_autofree char *open2 = g_strdup_printf ("    <project id=\"%s\"", second);
  const char *p1 = strstr (text, open1);
  const char *p2 = strstr (text, open2);
  const char *end2;
  GString *s = g_string_new (NULL);

  g_assert_true (p1 && p2 && p1 < p2);
  end2 = strstr (p2, "</project>\n") + strlen ("</project>\n");
  g_string_append_len (s, text, p1 - text);
  g_string_append_len (s, p2, end2 - p2);
  g_string_append_len (s, p1, p2 - p1);
  g_string_append (s, end2);
  return g_string_free (s, FALSE);
}

/* The order of siblings is merged as their content is. */
static void
test_order (void)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  g_autofree char *file = jp_test_export_section (db);
  g_autofree char *changed = jp_test_replace (file, P1_OPEN, P1_DONE);
  g_autofree char *swapped = swap_projects (file, "sec-5.7-p1", "sec-5.7-p2");
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(JpImportReport) refused = NULL;
  g_autoptr(GHashTable) choices = jp_import_choices_new ();
  JpImportConflict *c;

  /* Reordered here only: the order made here stays. */
  move_before (db, "sec-5.7-p3", "sec-5.7-p1");
  report = jp_test_import_ok (db, changed, JP_IMPORT_DEFAULT, NULL);
  g_assert_cmpuint (jp_test_status_of (db, "sec-5.7-p1"), ==, JP_STATUS_DONE);
  g_assert_true (exported_before (db, "sec-5.7-p3", "sec-5.7-p1"));

  /* Reordered on both sides, differently: a conflict on the section. */
  refused = jp_test_import_refused (db, swapped, JP_IMPORT_DEFAULT, JP_XML_ERROR_EDIT_CONFLICT);
  g_assert_cmpuint (refused->conflicts->len, >=, 1);
  c = refused->conflicts->pdata[refused->conflicts->len - 1];
  g_assert_cmpint (c->kind, ==, JP_CONFLICT_ORDER);
  g_assert_cmpstr (c->uid, ==, "sec-5.7");
  g_assert_true (g_str_has_prefix (c->theirs, "sec-5.7-o1"));
  g_assert_nonnull (strstr (c->theirs, "sec-5.7-p2, sec-5.7-p1, sec-5.7-p3"));
  g_assert_nonnull (strstr (c->mine, "sec-5.7-p3, sec-5.7-p1, sec-5.7-p2"));

  for (guint i = 0; i < refused->conflicts->len; i++)
    jp_import_choices_set (choices, ((JpImportConflict *) refused->conflicts->pdata[i])->uid, JP_CHOICE_THEIRS);
  g_clear_pointer (&report, jp_import_report_free);
  report = jp_test_import_ok (db, swapped, JP_IMPORT_DEFAULT, choices);
  g_assert_true (exported_before (db, "sec-5.7-p2", "sec-5.7-p1"));
  g_assert_true (exported_before (db, "sec-5.7-p1", "sec-5.7-p3"));
}

/* ---------------------------------------------------------------- the command line */

static int
run_cli (const char *const *args,
         char              **out,
         char              **err)
{
  const char *bin = g_getenv ("JAARPLAN_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                               &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "cli.db", NULL);
  g_autofree char *xml = g_build_filename (tmp_dir, "s57.xml", NULL);
  g_autofree char *small = g_build_filename (tmp_dir, "small.xml", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL, *err = NULL;
  int rc;

  {
    g_autoptr(JpDatabase) db = jp_test_open_seeded (path, JP_DATABASE_OPEN_DEFAULT);
    g_autofree char *file = NULL;
    g_autofree char *edited = NULL;

    g_assert_no_error (error);
    file = jp_test_export_section (db);
    edited = jp_test_replace (file, P1_OPEN, P1_DONE);
    g_assert_true (g_file_set_contents (xml, edited, -1, NULL));
    jp_test_set_status (db, "sec-5.7-p1", JP_STATUS_DROPPED);
    before = jp_test_dump (db);
  }

  {
    const char *args[] = { "--database", path, "--import", xml, "--dry-run", NULL };
    rc = run_cli (args, &out, &err);
    g_test_message ("dry run: %s%s", out, err);
    g_assert_cmpint (rc, ==, 1);
    g_assert_nonnull (strstr (err, "sec-5.7-p1"));
    g_assert_nonnull (strstr (err, "in the file: status “done”"));
    g_assert_nonnull (strstr (err, "in this database: status “dropped”"));
    g_assert_nonnull (strstr (err, "nothing was imported"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", path, "--import", xml, NULL };
    rc = run_cli (args, &out, &err);
    g_assert_cmpint (rc, ==, 1);
    g_assert_nonnull (strstr (err, "in the file: status “done”"));
    g_assert_nonnull (strstr (err, "in this database: status “dropped”"));
    g_assert_cmpstr (out, ==, "");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    g_autoptr(JpDatabase) db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    after = jp_test_dump (db);
    g_assert_cmpstr (before, ==, after);
  }

  /* A whole plan that would remove most of it needs --force. */
  g_assert_true (g_file_set_contents (small, SMALL_PLAN, -1, NULL));
  {
    const char *args[] = { "--database", path, "--import", small, NULL };
    rc = run_cli (args, &out, &err);
    g_assert_cmpint (rc, ==, 1);
    g_assert_nonnull (strstr (err, "--force"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", path, "--import", small, "--force", NULL };
    rc = run_cli (args, &out, &err);
    g_assert_cmpint (rc, ==, 0);
    g_assert_nonnull (strstr (out, "Imported"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  g_remove (xml);
  g_remove (small);
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("jaarplan-exchange-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/exchange/conflict/team-head", test_team_head);
  g_test_add_func ("/exchange/conflict/two-heads", test_two_heads);
  g_test_add_func ("/exchange/conflict/undo", test_undo_restores_base);
  g_test_add_func ("/exchange/conflict/order", test_order);
  g_test_add_func ("/exchange/cli", test_cli);

  rc = g_test_run ();
  jp_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return rc;
}
