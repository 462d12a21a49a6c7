/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"

#include <string.h>
#include <unistd.h>

#include <sqlite3.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "model/store/jp-database.h"
#include "model/jp-file.h"
#include "model/store/jp-schema.h"
#include "model/jp-structure.h"

typedef struct {
  char       *dir;
  char       *path;
  JpDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plan.db", NULL);
  f->db = jp_database_open (f->path, GPOINTER_TO_INT (data), &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  jp_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->db);
  f->db = jp_database_open (f->path, JP_DATABASE_OPEN_NO_SEED, &error);
  g_assert_no_error (error);
}

typedef struct {
  guint position, removed, added, count;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->count++;
}

/* A chapter with one section, in an empty plan. */
static JpItem *
add_section (JpDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) root = jp_database_get_root (db);
  g_autoptr(JpItem) chapter = jp_database_add_item (db, root, JP_KIND_CHAPTER, NULL, &error);
  JpItem *section;

  g_assert_no_error (error);
  section = jp_database_add_item (db, chapter, JP_KIND_SECTION, NULL, &error);
  g_assert_no_error (error);
  return section;
}

static void
test_file_mode (Fixture       *f,
                gconstpointer  data)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_add_remove_move (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = add_section (f->db);
  g_autoptr(GListModel) projects = jp_database_get_children (f->db, section, JP_KIND_MASK (JP_KIND_PROJECT));
  g_autoptr(JpItem) a = NULL;
  g_autoptr(JpItem) b = NULL;
  g_autoptr(JpItem) c = NULL;
  g_autoptr(JpItem) first = NULL;
  Changes changes = { 0, };
  guint structure = 0;

  g_signal_connect (projects, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_signal_connect_swapped (f->db, "structure-changed", G_CALLBACK (g_atomic_int_inc), &structure);

  a = jp_database_add_item (f->db, section, JP_KIND_PROJECT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpuint (structure, ==, 1);
  g_assert_cmpint (jp_item_get_phase (a), ==, JP_PHASE_NEW);
  g_assert_cmpint (jp_item_get_status (a), ==, JP_STATUS_PLANNED);

  b = jp_database_add_item (f->db, section, JP_KIND_PROJECT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);

  /* Inserted before a: at the top. */
  c = jp_database_add_item (f->db, section, JP_KIND_PROJECT, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 3);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 3);
  first = g_list_model_get_item (projects, 0);
  g_assert_true (first == c);

  /* A group is not a project: the list does not change. */
  {
    g_autoptr(JpItem) group = jp_database_add_item (f->db, section, JP_KIND_GROUP, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (changes.count, ==, 3);
  }

  /* Move c to the end: c a b → a b c. */
  g_assert_true (jp_database_move_item (f->db, c, section, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 4);
  {
    g_autoptr(JpItem) last = g_list_model_get_item (projects, 2);
    g_autoptr(JpItem) head = g_list_model_get_item (projects, 0);
    g_assert_true (last == c);
    g_assert_true (head == a);
  }

  /* Remove b, in the middle. */
  g_assert_true (jp_database_remove_item (f->db, b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 5);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_true (jp_item_get_removed (b));

  /* A project cannot hold a chapter, nor move under its own sub-item. */
  g_assert_null (jp_database_add_item (f->db, a, JP_KIND_CHAPTER, NULL, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(JpItem) sub = jp_database_add_item (f->db, a, JP_KIND_ITEM, NULL, &error);
    g_autoptr(JpItem) subsub = jp_database_add_item (f->db, sub, JP_KIND_ITEM, NULL, &error);
    g_assert_no_error (error);
    g_assert_false (jp_database_move_item (f->db, sub, subsub, NULL, &error));
    g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID);
  }
}

static void
test_texts_and_fields (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = add_section (f->db);
  guint notified = 0;

  g_signal_connect_swapped (section, "notify::title", G_CALLBACK (g_atomic_int_inc), &notified);
  g_assert_true (jp_database_set_text (f->db, section, JP_TEXT_TITLE, JP_LANG_NL, "Energiebeleid", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_NL), ==, "Energiebeleid");

  g_assert_true (jp_database_set_field (f->db, section, JP_FIELD_NUMBER, "3.1", &error));
  g_assert_cmpstr (jp_item_get_label (section), ==, "3.1 Energiebeleid");

  /* The French title is missing: the Dutch one is shown, marked. */
  {
    gboolean fallback = FALSE;
    g_assert_cmpstr (jp_item_get_display_text (section, JP_TEXT_TITLE, JP_LANG_FR, &fallback), ==, "Energiebeleid");
    g_assert_true (fallback);
  }
  jp_database_set_language (f->db, JP_LANG_FR);
  g_assert_true (jp_database_set_text (f->db, section, JP_TEXT_TITLE, JP_LANG_FR, "Politique énergétique", &error));
  g_assert_cmpstr (jp_item_get_label (section), ==, "3.1 Politique énergétique");

  /* Bad values are refused and change nothing. */
  {
    g_autoptr(JpItem) root = jp_database_get_root (f->db);
    g_autoptr(JpItem) contacts = jp_database_find_child (f->db, root, JP_KIND_CONTACTS);
    g_autoptr(JpItem) team = jp_database_add_item (f->db, contacts, JP_KIND_TEAM, NULL, &error);
    g_autoptr(JpItem) subject = jp_database_add_item (f->db, team, JP_KIND_SUBJECT, NULL, &error);
    g_autoptr(JpItem) contact = jp_database_add_item (f->db, subject, JP_KIND_CONTACT, NULL, &error);

    g_assert_no_error (error);
    g_assert_false (jp_database_set_field (f->db, contact, JP_FIELD_EMAIL, "not an address", &error));
    g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (jp_database_set_field (f->db, contact, JP_FIELD_VALID_UNTIL, "2013-02-30", &error));
    g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (jp_item_get_field (contact, JP_FIELD_EMAIL));
    g_assert_true (jp_database_set_field (f->db, contact, JP_FIELD_EMAIL, "a.b@benelux.int", &error));
    g_assert_true (jp_database_set_field (f->db, contact, JP_FIELD_VALID_UNTIL, "2013-03-01", &error));
    g_assert_no_error (error);
  }

  reopen (f);
  {
    g_autoptr(JpItem) again = jp_database_find_numbered (f->db, JP_KIND_SECTION, "3.1");
    g_assert_nonnull (again);
    g_assert_cmpstr (jp_item_get_text (again, JP_TEXT_TITLE, JP_LANG_FR), ==, "Politique énergétique");
  }
}

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = add_section (f->db);
  g_autoptr(JpItem) project = NULL;
  gint64 project_id;

  g_assert_true (jp_database_set_text (f->db, section, JP_TEXT_TITLE, JP_LANG_NL, "E", &error));
  /* Typing the same text merges into one step. */
  g_assert_true (jp_database_set_text (f->db, section, JP_TEXT_TITLE, JP_LANG_NL, "En", &error));
  g_assert_true (jp_database_set_text (f->db, section, JP_TEXT_TITLE, JP_LANG_NL, "Energie", &error));
  project = jp_database_add_item (f->db, section, JP_KIND_PROJECT, NULL, &error);
  g_assert_true (jp_database_set_text (f->db, project, JP_TEXT_BODY, JP_LANG_NL, "Marktkoppeling", &error));
  {
    g_autoptr(JpItem) sub = jp_database_add_item (f->db, project, JP_KIND_ITEM, NULL, &error);
    g_assert_true (jp_database_set_text (f->db, sub, JP_TEXT_BODY, JP_LANG_NL, "Gas", &error));
  }
  g_assert_no_error (error);
  project_id = jp_item_get_id (project);

  /* Remove the whole section, then undo it after a restart. */
  g_assert_true (jp_database_remove_item (f->db, section, &error));
  g_assert_no_error (error);
  g_clear_object (&project);
  g_clear_object (&section);
  reopen (f);
  g_assert_null (jp_database_lookup (f->db, project_id));
  g_assert_true (jp_database_can_undo (f->db));
  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_no_error (error);
  project = jp_database_lookup (f->db, project_id);
  g_assert_nonnull (project);
  g_assert_cmpstr (jp_item_get_text (project, JP_TEXT_BODY, JP_LANG_NL), ==, "Marktkoppeling");
  {
    g_autoptr(GListModel) subs = jp_database_get_children (f->db, project, 0);
    g_autoptr(JpItem) sub = g_list_model_get_item (subs, 0);
    g_assert_cmpuint (g_list_model_get_n_items (subs), ==, 1);
    g_assert_cmpstr (jp_item_get_text (sub, JP_TEXT_BODY, JP_LANG_NL), ==, "Gas");
  }

  /* Redo removes it again; undo once more brings it back. */
  g_assert_true (jp_database_can_redo (f->db));
  g_assert_true (jp_database_redo (f->db, &error));
  g_assert_true (jp_item_get_removed (project));
  g_assert_true (jp_database_undo (f->db, &error));
  /* The same shared object is back, no longer marked removed. */
  g_assert_false (jp_item_get_removed (project));
  g_clear_object (&project);
  project = jp_database_lookup (f->db, project_id);
  g_assert_nonnull (project);

  /* Undo the sub-item's text, the sub-item, the project's text, the
   * project, then the title as typed: one step. */
  for (int i = 0; i < 4; i++)
    g_assert_true (jp_database_undo (f->db, &error));
  g_assert_true (jp_item_get_removed (project));
  section = jp_database_lookup (f->db, jp_item_get_parent_id (project));
  g_assert_cmpstr (jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_NL), ==, "Energie");
  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_null (jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_NL));
  g_assert_no_error (error);
}

/* A new project made ongoing and in progress is one thing to undo; a
 * later change of its status is another.  Texts a kind cannot hold
 * (and the exchange format would refuse) are refused. */
static void
test_new_item_one_step (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = add_section (f->db);
  g_autoptr(JpItem) project = jp_database_add_item (f->db, section, JP_KIND_PROJECT, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (jp_database_set_phase (f->db, project, JP_PHASE_ONGOING, &error));
  g_assert_true (jp_database_set_status (f->db, project, JP_STATUS_IN_PROGRESS, &error));
  g_assert_true (jp_database_set_text (f->db, project, JP_TEXT_BODY, JP_LANG_NL, "Tekst", &error));
  g_assert_no_error (error);

  /* The text is its own step... */
  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_false (jp_item_get_removed (project));
  g_assert_null (jp_item_get_text (project, JP_TEXT_BODY, JP_LANG_NL));
  /* ...adding with its phase and status one more. */
  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_true (jp_item_get_removed (project));
  g_assert_true (jp_database_redo (f->db, &error));
  g_assert_false (jp_item_get_removed (project));
  g_assert_cmpint (jp_item_get_phase (project), ==, JP_PHASE_ONGOING);
  g_assert_cmpint (jp_item_get_status (project), ==, JP_STATUS_IN_PROGRESS);

  /* Later changes of values are steps of their own. */
  g_assert_true (jp_database_set_status (f->db, project, JP_STATUS_DONE, &error));
  g_assert_true (jp_database_set_status (f->db, project, JP_STATUS_POSTPONED, &error));
  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_cmpint (jp_item_get_status (project), ==, JP_STATUS_DONE);
  g_assert_no_error (error);

  g_assert_false (jp_database_set_text (f->db, project, JP_TEXT_TITLE, JP_LANG_NL, "Titel", &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID);
  g_assert_null (jp_item_get_text (project, JP_TEXT_TITLE, JP_LANG_NL));
}

/* ------------------------------------------------------------ structure */

/* Asserts that @model holds exactly the items given, in order. */
static void
assert_order (GListModel *model,
              ...)
{
  va_list args;
  JpItem *expected;
  guint i = 0;

  va_start (args, model);
  while ((expected = va_arg (args, JpItem *)) != NULL)
    {
      g_autoptr(JpItem) item = g_list_model_get_item (model, i++);
      g_assert_true (item == expected);
    }
  va_end (args);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, i);
}

static void
assert_changed (Changes *changes,
                guint    position,
                guint    removed,
                guint    added)
{
  g_assert_cmpuint (changes->count, ==, 1);
  g_assert_cmpuint (changes->position, ==, position);
  g_assert_cmpuint (changes->removed, ==, removed);
  g_assert_cmpuint (changes->added, ==, added);
  memset (changes, 0, sizeof *changes);
}

static JpItem *
add_child (JpDatabase *db,
           JpItem     *parent,
           JpKind      kind,
           JpPhase     phase)
{
  g_autoptr(GError) error = NULL;
  JpItem *item = jp_database_add_item_full (db, parent, kind, NULL, phase, JP_STATUS_NONE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

static void
assert_refused (gboolean  ok,
                GError  **error)
{
  g_assert_false (ok);
  g_assert_error (*error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID);
  g_clear_error (error);
}

/* Up and down among the siblings of the same kind and, for projects, the
 * same phase; never past the first or the last. */
static void
test_structure_move (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = add_section (f->db);
  g_autoptr(JpItem) p1 = add_child (f->db, section, JP_KIND_PROJECT, JP_PHASE_NEW);
  g_autoptr(JpItem) p2 = add_child (f->db, section, JP_KIND_PROJECT, JP_PHASE_NEW);
  g_autoptr(JpItem) o1 = add_child (f->db, section, JP_KIND_PROJECT, JP_PHASE_ONGOING);
  g_autoptr(JpItem) p3 = add_child (f->db, section, JP_KIND_PROJECT, JP_PHASE_NEW);
  g_autoptr(JpItem) g1 = add_child (f->db, section, JP_KIND_GROUP, JP_PHASE_NONE);
  g_autoptr(GListModel) projects = jp_database_get_children (f->db, section, JP_KIND_MASK (JP_KIND_PROJECT));
  g_autoptr(GListModel) all = jp_database_get_children (f->db, section, JP_KIND_MASK_ALL);
  Changes changes = { 0, };
  Changes all_changes = { 0, };

  g_signal_connect (projects, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_signal_connect (all, "items-changed", G_CALLBACK (on_items_changed), &all_changes);
  assert_order (all, p1, p2, o1, p3, g1, NULL);

  /* The first and the last go no further; the only ongoing one nowhere;
   * nothing changes and no step is added. */
  assert_refused (jp_database_move_item_by (f->db, p1, -1, &error), &error);
  assert_refused (jp_database_move_item_by (f->db, p3, +1, &error), &error);
  assert_refused (jp_database_move_item_by (f->db, p2, +2, &error), &error);
  assert_refused (jp_database_move_item_by (f->db, o1, -1, &error), &error);
  assert_refused (jp_database_move_item_by (f->db, g1, +1, &error), &error);
  g_assert_cmpuint (changes.count, ==, 0);
  g_assert_cmpuint (all_changes.count, ==, 0);

  /* Down past the last new project: to the end of its run, before the
   * group, over the ongoing one in between. */
  g_assert_true (jp_database_move_item_by (f->db, p2, +1, &error));
  g_assert_no_error (error);
  assert_order (all, p1, o1, p3, p2, g1, NULL);
  assert_changed (&changes, 1, 3, 3);
  assert_changed (&all_changes, 1, 3, 3);

  /* One step of undo. */
  g_assert_true (jp_database_undo (f->db, &error));
  assert_order (all, p1, p2, o1, p3, g1, NULL);
  assert_changed (&changes, 1, 3, 3);
  assert_changed (&all_changes, 1, 3, 3);

  /* Up: just before the new project above, past the ongoing one. */
  g_assert_true (jp_database_move_item_by (f->db, p3, -1, &error));
  assert_order (all, p1, p3, p2, o1, g1, NULL);
  assert_changed (&changes, 1, 3, 3);
  assert_changed (&all_changes, 1, 3, 3);

  /* Two places down in one step. */
  g_assert_true (jp_database_move_item_by (f->db, p1, +2, &error));
  assert_order (all, p3, p2, p1, o1, g1, NULL);
  assert_changed (&changes, 0, 3, 3);
  assert_changed (&all_changes, 0, 3, 3);
  g_assert_true (jp_database_undo (f->db, &error));
  assert_order (all, p1, p3, p2, o1, g1, NULL);
  assert_changed (&changes, 0, 3, 3);
  g_assert_true (jp_database_undo (f->db, &error));
  assert_order (all, p1, p2, o1, p3, g1, NULL);
  assert_changed (&changes, 1, 3, 3);
  memset (&all_changes, 0, sizeof all_changes);

  /* A sub-item moves among the sub-items only. */
  {
    g_autoptr(JpItem) i1 = add_child (f->db, p1, JP_KIND_ITEM, JP_PHASE_NONE);
    g_autoptr(JpItem) i2 = add_child (f->db, p1, JP_KIND_ITEM, JP_PHASE_NONE);
    g_autoptr(GListModel) items = jp_database_get_children (f->db, p1, JP_KIND_MASK_ALL);

    g_assert_true (jp_database_move_item_by (f->db, i2, -1, &error));
    assert_order (items, i2, i1, NULL);
    assert_refused (jp_database_move_item_by (f->db, i2, -1, &error), &error);
  }
  g_assert_cmpuint (changes.count, ==, 0);
  g_assert_no_error (error);
}

/* Indent under the sibling above, if it may hold the item; outdent to
 * just after the parent, out of an item of the same kind only. */
static void
test_structure_indent (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = add_section (f->db);
  g_autoptr(JpItem) chapter = jp_database_get_parent (f->db, section);
  g_autoptr(JpItem) i1 = add_child (f->db, section, JP_KIND_ITEM, JP_PHASE_NONE);
  g_autoptr(JpItem) i2 = add_child (f->db, section, JP_KIND_ITEM, JP_PHASE_NONE);
  g_autoptr(JpItem) i3 = add_child (f->db, section, JP_KIND_ITEM, JP_PHASE_NONE);
  g_autoptr(JpItem) p1 = add_child (f->db, section, JP_KIND_PROJECT, JP_PHASE_NEW);
  g_autoptr(GListModel) items = jp_database_get_children (f->db, section, JP_KIND_MASK (JP_KIND_ITEM));
  g_autoptr(GListModel) all = jp_database_get_children (f->db, section, JP_KIND_MASK_ALL);
  g_autoptr(GListModel) under = jp_database_get_children (f->db, i1, JP_KIND_MASK_ALL);
  Changes changes = { 0, };
  Changes under_changes = { 0, };

  g_signal_connect (items, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_signal_connect (under, "items-changed", G_CALLBACK (on_items_changed), &under_changes);

  /* The first has nothing above it; a section has no parent of its kind. */
  assert_refused (jp_database_indent_item (f->db, i1, &error), &error);
  assert_refused (jp_database_outdent_item (f->db, i1, &error), &error);
  assert_refused (jp_database_outdent_item (f->db, section, &error), &error);
  g_assert_cmpuint (changes.count, ==, 0);

  /* Under the one above, at the end of its children. */
  g_assert_true (jp_database_indent_item (f->db, i2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jp_item_get_parent_id (i2), ==, jp_item_get_id (i1));
  assert_changed (&changes, 1, 1, 0);
  assert_changed (&under_changes, 0, 0, 1);
  g_assert_true (jp_database_indent_item (f->db, i3, &error));
  assert_order (items, i1, NULL);
  assert_order (under, i2, i3, NULL);
  assert_changed (&changes, 1, 1, 0);
  assert_changed (&under_changes, 1, 0, 1);

  /* Out: just after the parent, before what followed it. */
  g_assert_true (jp_database_outdent_item (f->db, i2, &error));
  g_assert_cmpint (jp_item_get_parent_id (i2), ==, jp_item_get_id (section));
  assert_order (all, i1, i2, p1, NULL);
  assert_order (under, i3, NULL);
  assert_changed (&changes, 1, 0, 1);
  assert_changed (&under_changes, 0, 1, 0);

  /* One step of undo each: parents and positions come back. */
  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_cmpint (jp_item_get_parent_id (i2), ==, jp_item_get_id (i1));
  assert_order (under, i2, i3, NULL);
  assert_order (all, i1, p1, NULL);
  assert_changed (&changes, 1, 1, 0);
  assert_changed (&under_changes, 0, 0, 1);
  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_no_error (error);
  assert_order (items, i1, i2, i3, NULL);
  assert_order (under, NULL);
  g_assert_cmpint (jp_item_get_parent_id (i3), ==, jp_item_get_id (section));
  memset (&changes, 0, sizeof changes);
  memset (&under_changes, 0, sizeof under_changes);

  /* A sub-item of a project stays in it; a project holds no project, a
   * section no section; a working group holds working groups, and leaves
   * them for its section. */
  {
    g_autoptr(JpItem) p2 = add_child (f->db, section, JP_KIND_PROJECT, JP_PHASE_NEW);
    g_autoptr(JpItem) sub = add_child (f->db, p1, JP_KIND_ITEM, JP_PHASE_NONE);
    g_autoptr(JpItem) s2 = add_child (f->db, chapter, JP_KIND_SECTION, JP_PHASE_NONE);
    g_autoptr(JpItem) g1 = add_child (f->db, section, JP_KIND_GROUP, JP_PHASE_NONE);
    g_autoptr(JpItem) g2 = add_child (f->db, section, JP_KIND_GROUP, JP_PHASE_NONE);

    assert_refused (jp_database_outdent_item (f->db, sub, &error), &error);
    assert_refused (jp_database_indent_item (f->db, p2, &error), &error);
    assert_refused (jp_database_indent_item (f->db, s2, &error), &error);
    g_assert_true (jp_database_indent_item (f->db, g2, &error));
    g_assert_cmpint (jp_item_get_parent_id (g2), ==, jp_item_get_id (g1));
    g_assert_true (jp_database_outdent_item (f->db, g2, &error));
    g_assert_cmpint (jp_item_get_parent_id (g2), ==, jp_item_get_id (section));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (changes.count, ==, 0);
  g_assert_cmpuint (under_changes.count, ==, 0);
}

/* Adding a project with its phase and status is one transaction: one
 * change of the list and one step of undo. */
static void
test_structure_add_with_values (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = add_section (f->db);
  g_autoptr(JpItem) first = add_child (f->db, section, JP_KIND_PROJECT, JP_PHASE_NONE);
  g_autoptr(GListModel) projects = jp_database_get_children (f->db, section, JP_KIND_MASK (JP_KIND_PROJECT));
  g_autoptr(JpItem) project = NULL;
  Changes changes = { 0, };

  g_assert_cmpint (jp_item_get_phase (first), ==, JP_PHASE_NEW);
  g_assert_cmpint (jp_item_get_status (first), ==, JP_STATUS_PLANNED);
  g_signal_connect (projects, "items-changed", G_CALLBACK (on_items_changed), &changes);

  project = jp_database_add_item_full (f->db, section, JP_KIND_PROJECT, first, JP_PHASE_ONGOING, JP_STATUS_NONE,
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpint (jp_item_get_phase (project), ==, JP_PHASE_ONGOING);
  g_assert_cmpint (jp_item_get_status (project), ==, JP_STATUS_IN_PROGRESS);
  assert_order (projects, project, first, NULL);
  assert_changed (&changes, 0, 0, 1);

  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_true (jp_item_get_removed (project));
  g_assert_false (jp_item_get_removed (first));
  assert_changed (&changes, 0, 1, 0);
  g_assert_true (jp_database_redo (f->db, &error));
  g_assert_no_error (error);
  g_clear_object (&project);
  project = g_list_model_get_item (projects, 0);
  g_assert_cmpint (jp_item_get_phase (project), ==, JP_PHASE_ONGOING);
  g_assert_cmpint (jp_item_get_status (project), ==, JP_STATUS_IN_PROGRESS);
  assert_changed (&changes, 0, 0, 1);

  /* A status given is kept; only a project takes a phase or status. */
  {
    g_autoptr(JpItem) done = jp_database_add_item_full (f->db, section, JP_KIND_PROJECT, NULL, JP_PHASE_ONGOING,
                                                        JP_STATUS_DONE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (jp_item_get_status (done), ==, JP_STATUS_DONE);
    assert_changed (&changes, 2, 0, 1);
  }
  g_assert_null (jp_database_add_item_full (f->db, section, JP_KIND_GROUP, NULL, JP_PHASE_NEW, JP_STATUS_NONE,
                                            &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (jp_database_add_item_full (f->db, section, JP_KIND_CHAPTER, NULL, JP_PHASE_NONE, JP_STATUS_NONE,
                                            &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID);
  g_assert_cmpuint (changes.count, ==, 0);
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = add_section (f->db);
  g_autoptr(JpDatabase) other = jp_database_open (f->path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr(JpItem) theirs = NULL;

  g_assert_no_error (error);
  theirs = jp_database_lookup (other, jp_item_get_id (section));
  g_assert_true (jp_database_set_text (other, theirs, JP_TEXT_TITLE, JP_LANG_NL, "Theirs", &error));
  g_assert_no_error (error);

  /* Our copy is stale: refused, not overwritten. */
  g_assert_false (jp_database_set_text (f->db, section, JP_TEXT_TITLE, JP_LANG_NL, "Ours", &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);

  jp_database_reload (f->db);
  g_assert_cmpstr (jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_NL), ==, "Theirs");
  g_assert_true (jp_database_set_text (f->db, section, JP_TEXT_TITLE, JP_LANG_NL, "Ours", &error));
  g_assert_no_error (error);
}

static char *self_path;

/* Another process changes the section's title while this one holds a
 * copy: this one's change is refused as "changed elsewhere", nothing is
 * overwritten, and after a reload it goes through. */
static void
test_two_processes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = add_section (f->db);
  g_autofree char *err = NULL;
  int status = -1;
  const char *argv[] = { self_path, "--edit", f->path, NULL, "Theirs", NULL };

  argv[3] = jp_item_get_uid (section);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  g_assert_false (jp_database_set_text (f->db, section, JP_TEXT_TITLE, JP_LANG_NL, "Ours", &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "changed elsewhere"));
  g_clear_error (&error);

  jp_database_reload (f->db);
  g_assert_cmpstr (jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_NL), ==, "Theirs");
  g_assert_true (jp_database_set_text (f->db, section, JP_TEXT_TITLE, JP_LANG_NL, "Ours", &error));
  g_assert_no_error (error);

  /* And the other way round: the other process's copy is now stale. */
  {
    const char *again[] = { self_path, "--edit-stale", f->path, jp_item_get_uid (section), "Late", NULL };
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) again, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, NULL));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "changed elsewhere"));
  }
  jp_database_reload (f->db);
  g_assert_cmpstr (jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_NL), ==, "Ours");
}

/* The other process of /model/two-processes: edits one title.  With
 * --edit-stale it reads the item, waits for its copy to be stale (the
 * revision known to the parent process was bumped before), and tries. */
static int
edit_child (const char *mode,
            const char *path,
            const char *uid,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDatabase) db = jp_database_open (path, JP_DATABASE_OPEN_NO_SEED, &error);
  g_autoptr(JpItem) item = NULL;

  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  item = jp_database_lookup_uid (db, uid);
  if (g_strcmp0 (mode, "--edit-stale") == 0)
    {
      /* Another connection changes it after this copy was read. */
      g_autoptr(JpDatabase) other = jp_database_open (path, JP_DATABASE_OPEN_NO_SEED, NULL);
      g_autoptr(JpItem) theirs = jp_database_lookup_uid (other, uid);
      jp_database_set_text (other, theirs, JP_TEXT_NOTE, JP_LANG_NL, "bump", NULL);
      jp_database_set_text (other, theirs, JP_TEXT_NOTE, JP_LANG_NL, NULL, NULL);
    }
  if (!jp_database_set_text (db, item, JP_TEXT_TITLE, JP_LANG_NL, text, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = add_section (f->db);
  g_autoptr(JpItem) group = jp_database_add_item (f->db, section, JP_KIND_GROUP, NULL, &error);
  g_autoptr(JpItem) project = jp_database_add_item (f->db, section, JP_KIND_PROJECT, NULL, &error);
  g_autoptr(GArray) hits = NULL;

  jp_database_set_field (f->db, group, JP_FIELD_CODE, "SENN/POL-STRAT", &error);
  jp_database_set_text (f->db, project, JP_TEXT_BODY, JP_LANG_NL, "Samenwerking rond elektrische voertuigen", &error);
  jp_database_set_text (f->db, project, JP_TEXT_BODY, JP_LANG_FR, "Coopération sur les véhicules électriques", &error);
  g_assert_no_error (error);

  hits = jp_database_search (f->db, "SENN", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (g_array_index (hits, gint64, 0), ==, jp_item_get_id (group));
  g_clear_pointer (&hits, g_array_unref);

  hits = jp_database_search (f->db, "senn/pol", 0, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_array_unref);

  /* Both languages, accents folded, prefixes. */
  hits = jp_database_search (f->db, "voertuig", 0, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_array_unref);
  hits = jp_database_search (f->db, "vehicules electr", 0, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (g_array_index (hits, gint64, 0), ==, jp_item_get_id (project));
  g_clear_pointer (&hits, g_array_unref);

  /* FTS syntax is taken literally. */
  hits = jp_database_search (f->db, "\"NEAR( OR *", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_array_unref);

  /* After removal nothing is found. */
  jp_database_remove_item (f->db, group, &error);
  hits = jp_database_search (f->db, "SENN", 0, &error);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_newer_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len, after_len;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1246776398; CREATE TABLE future (x);"
                                     "PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  g_assert_null (jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "newer version"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  jp_test_remove_dir (dir);
}

static void
test_other_files_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.db", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.db", NULL);
  sqlite3 *db;

  g_assert_true (g_file_set_contents (garbage, "this is not a database at all, just some text ........"
                                      "................................................", -1, NULL));
  g_assert_null (jp_database_open (garbage, JP_DATABASE_OPEN_DEFAULT, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (jp_database_open (foreign, JP_DATABASE_OPEN_DEFAULT, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CORRUPT);
  jp_test_remove_dir (dir);
}

/* A database of the first schema (no prefix indexes for the search) is
 * upgraded in place, keeping its plan, and finds what it found before. */
static void
test_migration_from_1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autoptr(JpDatabase) db = NULL;
  g_autoptr(GArray) hits = NULL;
  sqlite3 *raw;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, jp_schema_migrations[0], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "PRAGMA user_version = 1; PRAGMA application_id = 1246776398;"
                                 "INSERT INTO item (id, uid, kind) VALUES (1, 'plan', 'plan');"
                                 "INSERT INTO item (id, uid, kind, parent) VALUES (2, 'contacts', 'contacts', 1);"
                                 "INSERT INTO item (id, uid, kind, parent, number) VALUES (3, 'c5', 'chapter', 1, '5');"
                                 "INSERT INTO item (id, uid, kind, parent, number) VALUES (4, 's57', 'section', 3, '5.7');"
                                 "INSERT INTO item (id, uid, kind, parent, code) VALUES (5, 'g1', 'group', 4, 'FISC-MTIC BENELUX');"
                                 "INSERT INTO text (item, field, lang, value) VALUES (4, 'title', 'nl', 'Fiscale samenwerking');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(JpItem) section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
    g_assert_nonnull (section);
    g_assert_cmpstr (jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_NL), ==, "Fiscale samenwerking");
  }
  hits = jp_database_search (db, "fi", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);   /* the title, and the code "FISC-…" */
  g_clear_pointer (&hits, g_array_unref);
  hits = jp_database_search (db, "MTIC", 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_object (&db);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT sql LIKE '%prefix%' FROM sqlite_schema WHERE name = 'text_fts'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  jp_test_remove_dir (dir);
}

static void
test_migration_from_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(JpDatabase) db = NULL;
  sqlite3 *raw;
  sqlite3_stmt *stmt;

  /* A version-0 file (empty) is brought to the current schema. */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  sqlite3_close (raw);
  db = jp_database_open (path, JP_DATABASE_OPEN_NO_SEED, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, JP_DATABASE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  jp_test_remove_dir (dir);
}

/* ------------------------------------------------- databases checked on open */

static char *
read_file (const char *path,
           gsize      *len)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, len, NULL));
  return contents;
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *raw;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

/* Opening @path fails with @code and a message holding @phrase; the
 * file's bytes are as they were, and no -wal is left. */
static void
assert_refused_untouched (const char *path,
                          int         code,
                          const char *phrase)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gsize before_len, after_len;

  before = read_file (path, &before_len);
  g_assert_null (jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error));
  g_assert_error (error, JP_DATABASE_ERROR, code);
  if (strstr (error->message, phrase) == NULL)
    g_error ("“%s” does not say “%s”", error->message, phrase);
  after = read_file (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_negative_version_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "negative.db", NULL);
  const char *versions[] = { "-1", "-2", "-2147483648" };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = 1246776398; CREATE TABLE t (x);"
                                              "PRAGMA user_version = %s;", versions[i]);
      g_autofree char *phrase = g_strdup_printf ("unknown format (%s)", versions[i]);

      g_remove (path);
      run_sql (path, sql);
      assert_refused_untouched (path, JP_DATABASE_ERROR_CORRUPT, phrase);
    }
  jp_test_remove_dir (dir);
}

static void
test_version_0_with_tables_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v0.db", NULL);

  /* Marked as ours, but never given a format: "table item already
   * exists" before. */
  run_sql (path, "PRAGMA application_id = 1246776398; CREATE TABLE item (x);");
  assert_refused_untouched (path, JP_DATABASE_ERROR_CORRUPT, "is not a Jaarplan database");
  jp_test_remove_dir (dir);
}

/* Each damage to a database of the current format, and the words that
 * must name it. */
static const struct {
  const char *sql;
  const char *phrase;
} damages[] = {
  { "DROP TRIGGER item_undo_u;", "the trigger “item_undo_u” is missing" },
  { "DROP TRIGGER text_fts_i;", "the trigger “text_fts_i” is missing" },
  { "DROP TABLE text_fts;", "the table “text_fts” is missing" },
  { "DROP TABLE item_fts_data;", "the table “item_fts_data” is missing" },
  { "DROP INDEX item_by_parent;", "the index “item_by_parent” is missing" },
  { "DROP TABLE undo_log;", "the table “undo_log” is missing" },
  { "DROP TRIGGER link_undo_d;"
    "CREATE TRIGGER link_undo_d BEFORE DELETE ON link BEGIN SELECT 1; END;",
    "the trigger “link_undo_d” is not as this version made it" },
  { "CREATE TRIGGER sneaky AFTER INSERT ON item BEGIN DELETE FROM text; END;",
    "it holds a trigger “sneaky” that this version did not make" },
  { "CREATE INDEX extra ON text (value);", "it holds an index “extra” that this version did not make" },
  { "DELETE FROM undo_state;", "the state of the undo history is missing" },
};

static void
test_damaged_schema_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *good = g_build_filename (dir, "good.db", NULL);
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *contents = NULL;
  JpDatabase *db;
  gsize len;

  db = jp_database_open (good, JP_DATABASE_OPEN_NO_SEED, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  contents = read_file (good, &len);

  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_test_message ("%s", damages[i].sql);
      g_assert_true (g_file_set_contents (path, contents, len, NULL));
      run_sql (path, damages[i].sql);
      assert_refused_untouched (path, JP_DATABASE_ERROR_CORRUPT, damages[i].phrase);
    }

  /* What ANALYZE adds is no damage. */
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  run_sql (path, "ANALYZE;");
  db = jp_database_open (path, JP_DATABASE_OPEN_NO_SEED, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  jp_test_remove_dir (dir);
}

/* A database of format 1 that is missing what format 1 had is refused
 * before any migration is run on it. */
static void
test_damaged_old_schema_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autofree char *sql = g_strconcat (jp_schema_migrations[0],
                                      "PRAGMA user_version = 1; PRAGMA application_id = 1246776398;"
                                      "DROP TRIGGER item_fts_u;", NULL);

  run_sql (path, sql);
  assert_refused_untouched (path, JP_DATABASE_ERROR_CORRUPT, "the trigger “item_fts_u” is missing");
  jp_test_remove_dir (dir);
}

/* A trial run reads the file into memory: a missing file is not made,
 * an old one is not upgraded, and no change reaches the file. */
static void
test_copy_changes_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *sql = g_strconcat (jp_schema_migrations[0],
                                      "PRAGMA user_version = 1; PRAGMA application_id = 1246776398;"
                                      "INSERT INTO item (id, uid, kind) VALUES (1, 'plan', 'plan');"
                                      "INSERT INTO item (id, uid, kind, parent) VALUES (2, 'contacts', 'contacts', 1);"
                                      "PRAGMA journal_mode = WAL;", NULL);
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len, after_len;
  JpDatabase *db;

  g_assert_null (jp_database_open (missing, JP_DATABASE_OPEN_COPY, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  run_sql (path, sql);
  before = read_file (path, &before_len);
  db = jp_database_open (path, JP_DATABASE_OPEN_COPY | JP_DATABASE_OPEN_NO_SEED, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  {
    g_autoptr(JpItem) root = jp_database_get_root (db);
    g_autoptr(JpItem) chapter = jp_database_add_item (db, root, JP_KIND_CHAPTER, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (chapter);
  }
  g_object_unref (db);
  after = read_file (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  jp_test_remove_dir (dir);
}

/* --------------------------------------------------------- safe targets */

static GBytes *
some_bytes (void)
{
  return g_bytes_new_static ("new content\n", 12);
}

static void
assert_write_refused (const char *target,
                      int         code,
                      const char *phrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GBytes) bytes = some_bytes ();

  g_assert_false (jp_file_write_atomically (file, bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, code);
  if (strstr (error->message, phrase) == NULL)
    g_error ("“%s” does not say “%s”", error->message, phrase);
}

static void
assert_write (const char *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GBytes) bytes = some_bytes ();

  g_assert_true (jp_file_write_atomically (file, bytes, NULL, &error));
  g_assert_no_error (error);
}

static void
test_protected_targets (Fixture       *f,
                        gconstpointer  data)
{
  const char *in_use = "plan database in use";
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  gsize before_len, after_len;
  const char *names[] = { "plan.db", "plan.db-wal", "plan.db-shm", "plan.db-journal",
                          "hard.db", "link.db", "sub/../plan.db", "./sub/./../plan.db-journal" };
  g_autofree char *sub = g_build_filename (f->dir, "sub", NULL);
  g_autofree char *hard = g_build_filename (f->dir, "hard.db", NULL);
  g_autofree char *symbolic = g_build_filename (f->dir, "link.db", NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "fifo", NULL);
  g_autofree char *journal = g_build_filename (f->dir, "plan.db-journal", NULL);

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (link (f->path, hard), ==, 0);
  g_assert_cmpint (symlink ("plan.db", symbolic), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  before = read_file (f->path, &before_len);

  /* By every name, relative ones too. */
  g_assert_cmpint (g_chdir (f->dir), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *absolute = g_build_filename (f->dir, names[i], NULL);

      assert_write_refused (names[i], G_IO_ERROR_PERMISSION_DENIED, in_use);
      assert_write_refused (absolute, G_IO_ERROR_PERMISSION_DENIED, in_use);
    }
  assert_write_refused ("sub", G_IO_ERROR_IS_DIRECTORY, "a folder");
  assert_write_refused ("fifo", G_IO_ERROR_NOT_REGULAR_FILE, "a pipe");
  {
    GStatBuf null_st;

    /* Another program's bug may have made it a regular file. */
    if (g_stat ("/dev/null", &null_st) == 0 && S_ISCHR (null_st.st_mode))
      assert_write_refused ("/dev/null", G_IO_ERROR_NOT_REGULAR_FILE, "a device");
  }
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  after = read_file (f->path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_true (g_file_test (fifo, G_FILE_TEST_EXISTS) && !g_file_test (fifo, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));

  /* Closed, the database is a file like any other. */
  g_clear_object (&f->db);
  assert_write (journal);
  g_assert_true (g_file_test (journal, G_FILE_TEST_IS_REGULAR));
}

static void
test_write_through_link (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *target = g_build_filename (sub, "real.xml", NULL);
  g_autofree char *link = g_build_filename (dir, "link.xml", NULL);
  g_autofree char *chain = g_build_filename (dir, "chain.xml", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.xml", NULL);
  g_autofree char *made = g_build_filename (sub, "made.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *read_link = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  g_assert_cmpint (symlink ("sub/real.xml", link), ==, 0);
  g_assert_cmpint (symlink (link, chain), ==, 0);
  g_assert_cmpint (symlink ("sub/made.xml", dangling), ==, 0);

  assert_write (chain);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (chain, G_FILE_TEST_IS_SYMLINK));
  read_link = g_file_read_link (link, NULL);
  g_assert_cmpstr (read_link, ==, "sub/real.xml");
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new content\n");
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* A link to a file not there yet makes the file. */
  assert_write (dangling);
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (made, G_FILE_TEST_IS_REGULAR));
  jp_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_has_prefix (argv[1], "--edit"))
    return edit_child (argv[1], argv[2], argv[3], argv[4]);

  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (JP_DATABASE_OPEN_NO_SEED), fixture_set_up, func, fixture_tear_down)
  ADD ("/model/file-mode", test_file_mode);
  ADD ("/model/add-remove-move", test_add_remove_move);
  ADD ("/model/texts-and-fields", test_texts_and_fields);
  ADD ("/model/undo-redo-across-reopen", test_undo_redo);
  ADD ("/model/revision-conflict", test_conflict);
  ADD ("/model/new-item-one-undo-step", test_new_item_one_step);
  ADD ("/model/two-processes", test_two_processes);
  ADD ("/model/search", test_search);
  ADD ("/model/structure/move", test_structure_move);
  ADD ("/model/structure/indent-outdent", test_structure_indent);
  ADD ("/model/structure/add-with-values", test_structure_add_with_values);
  ADD ("/model/file/protected-targets", test_protected_targets);
#undef ADD
  g_test_add_func ("/model/open/newer-refused", test_newer_refused);
  g_test_add_func ("/model/open/other-files-refused", test_other_files_refused);
  g_test_add_func ("/model/open/migration", test_migration_from_empty);
  g_test_add_func ("/model/open/migration-from-1", test_migration_from_1);
  g_test_add_func ("/model/open/negative-version-refused", test_negative_version_refused);
  g_test_add_func ("/model/open/version-0-with-tables-refused", test_version_0_with_tables_refused);
  g_test_add_func ("/model/open/damaged-schema-refused", test_damaged_schema_refused);
  g_test_add_func ("/model/open/damaged-old-schema-refused", test_damaged_old_schema_refused);
  g_test_add_func ("/model/open/copy-changes-nothing", test_copy_changes_nothing);
  g_test_add_func ("/model/file/write-through-link", test_write_through_link);

  return g_test_run ();
}
