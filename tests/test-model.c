/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"

#include <string.h>
#include <unistd.h>

#include <sys/stat.h>
#include <glib/gstdio.h>

#include "model/store/jp-database.h"
#include "model/jp-structure.h"

typedef JpTestPlan Fixture;

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->db);
  f->db = jp_database_open (f->path, JP_DATABASE_OPEN_DEFAULT, &error);
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
  assert_refused (jp_store_move_item_by (JP_STORE (f->db), p1, -1, &error), &error);
  assert_refused (jp_store_move_item_by (JP_STORE (f->db), p3, +1, &error), &error);
  assert_refused (jp_store_move_item_by (JP_STORE (f->db), p2, +2, &error), &error);
  assert_refused (jp_store_move_item_by (JP_STORE (f->db), o1, -1, &error), &error);
  assert_refused (jp_store_move_item_by (JP_STORE (f->db), g1, +1, &error), &error);
  g_assert_cmpuint (changes.count, ==, 0);
  g_assert_cmpuint (all_changes.count, ==, 0);

  /* Down past the last new project: to the end of its run, before the
   * group, over the ongoing one in between. */
  g_assert_true (jp_store_move_item_by (JP_STORE (f->db), p2, +1, &error));
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
  g_assert_true (jp_store_move_item_by (JP_STORE (f->db), p3, -1, &error));
  assert_order (all, p1, p3, p2, o1, g1, NULL);
  assert_changed (&changes, 1, 3, 3);
  assert_changed (&all_changes, 1, 3, 3);

  /* Two places down in one step. */
  g_assert_true (jp_store_move_item_by (JP_STORE (f->db), p1, +2, &error));
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

    g_assert_true (jp_store_move_item_by (JP_STORE (f->db), i2, -1, &error));
    assert_order (items, i2, i1, NULL);
    assert_refused (jp_store_move_item_by (JP_STORE (f->db), i2, -1, &error), &error);
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
  assert_refused (jp_store_indent_item (JP_STORE (f->db), i1, &error), &error);
  assert_refused (jp_store_outdent_item (JP_STORE (f->db), i1, &error), &error);
  assert_refused (jp_store_outdent_item (JP_STORE (f->db), section, &error), &error);
  g_assert_cmpuint (changes.count, ==, 0);

  /* Under the one above, at the end of its children. */
  g_assert_true (jp_store_indent_item (JP_STORE (f->db), i2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jp_item_get_parent_id (i2), ==, jp_item_get_id (i1));
  assert_changed (&changes, 1, 1, 0);
  assert_changed (&under_changes, 0, 0, 1);
  g_assert_true (jp_store_indent_item (JP_STORE (f->db), i3, &error));
  assert_order (items, i1, NULL);
  assert_order (under, i2, i3, NULL);
  assert_changed (&changes, 1, 1, 0);
  assert_changed (&under_changes, 1, 0, 1);

  /* Out: just after the parent, before what followed it. */
  g_assert_true (jp_store_outdent_item (JP_STORE (f->db), i2, &error));
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

    assert_refused (jp_store_outdent_item (JP_STORE (f->db), sub, &error), &error);
    assert_refused (jp_store_indent_item (JP_STORE (f->db), p2, &error), &error);
    assert_refused (jp_store_indent_item (JP_STORE (f->db), s2, &error), &error);
    g_assert_true (jp_store_indent_item (JP_STORE (f->db), g2, &error));
    g_assert_cmpint (jp_item_get_parent_id (g2), ==, jp_item_get_id (g1));
    g_assert_true (jp_store_outdent_item (JP_STORE (f->db), g2, &error));
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
  g_autoptr(JpDatabase) db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
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
      g_autoptr(JpDatabase) other = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, NULL);
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

/* What the program needs of storage, asked through the JpStore
 * interface of the SQLite file. */
static void
on_reloaded (JpStore *store,
             guint   *count)
{
  (*count)++;
}

static void
test_store_interface (Fixture       *f,
                      gconstpointer  data)
{
  JpStore *store = JP_STORE (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = add_section (f->db);
  g_autoptr(JpItem) root = jp_store_get_root (store);
  g_autoptr(JpItem) by_uid = NULL;
  g_autoptr(JpItem) parent = NULL;
  g_autoptr(JpSnapshot) snapshot = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GListModel) children = NULL;
  JpSnapshotItem *snap_section;
  gboolean can_undo = FALSE;
  guint reloaded = 0;

  g_assert_true (JP_IS_STORE (f->db));
  g_assert_true (jp_database_set_text (f->db, section, JP_TEXT_TITLE, JP_LANG_NL, "Energie", &error));
  g_assert_no_error (error);

  /* Reading: the same live items as the database hands out. */
  by_uid = jp_store_lookup_uid (store, jp_item_get_uid (section));
  g_assert_true (by_uid == section);
  parent = jp_store_get_parent (store, section);
  g_assert_cmpint (jp_item_get_kind (parent), ==, JP_KIND_CHAPTER);
  children = jp_store_get_children (store, parent, 0);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 1);
  g_assert_null (jp_store_get_parent (store, root));

  /* A snapshot of the whole plan, as plain values. */
  snapshot = jp_store_load_snapshot (store, jp_item_get_id (root), &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot->root);
  g_assert_cmpint (snapshot->root->data.kind, ==, JP_KIND_PLAN);
  g_assert_cmpuint (g_hash_table_size (snapshot->items), ==, 4);  /* plan, contacts, chapter, section */
  snap_section = _jp_snapshot_lookup (snapshot, jp_item_get_id (section));
  g_assert_nonnull (snap_section);
  g_assert_cmpstr (snap_section->data.texts[JP_TEXT_TITLE][JP_LANG_NL], ==, "Energie");
  g_assert_true (snap_section->parent->data.id == jp_item_get_id (parent));

  hits = jp_store_search (store, "energ", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (g_array_index (hits, gint64, 0), ==, jp_item_get_id (section));

  /* Undo and redo, with the store's property and signal. */
  g_signal_connect (store, "reloaded", G_CALLBACK (on_reloaded), &reloaded);
  g_object_get (store, "can-undo", &can_undo, NULL);
  g_assert_true (can_undo);
  g_assert_true (jp_store_can_undo (store));
  g_assert_false (jp_store_can_redo (store));
  g_assert_true (jp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_null (jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_NL));
  g_assert_true (jp_store_can_redo (store));
  g_assert_true (jp_store_redo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_NL), ==, "Energie");
  g_assert_cmpuint (reloaded, ==, 2);

  /* A step of its own: the revision check holds once, then the item as
   * read is stale; a rolled-back step leaves nothing behind. */
  g_assert_true (jp_store_begin_step (store, TRUE, &error));
  g_assert_true (jp_store_claim_revision (store, section, &error));
  g_assert_true (jp_store_commit_step (store, &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_begin_step (store, TRUE, &error));
  g_assert_false (jp_store_claim_revision (store, section, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_CONFLICT);
  jp_store_rollback (store);
  g_clear_error (&error);
  g_assert_true (jp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reloaded, ==, 3);
  g_assert_cmpstr (jp_item_get_text (section, JP_TEXT_TITLE, JP_LANG_NL), ==, "Energie");
  g_assert_true (jp_store_begin_step (store, FALSE, &error));
  g_assert_true (jp_store_claim_revision (store, section, &error));
  g_assert_no_error (error);
  jp_store_rollback (store);
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
  g_test_add (path, Fixture, NULL, jp_test_plan_set_up, func, jp_test_plan_tear_down)
  ADD ("/model/file-mode", test_file_mode);
  ADD ("/model/add-remove-move", test_add_remove_move);
  ADD ("/model/texts-and-fields", test_texts_and_fields);
  ADD ("/model/undo-redo-across-reopen", test_undo_redo);
  ADD ("/model/revision-conflict", test_conflict);
  ADD ("/model/new-item-one-undo-step", test_new_item_one_step);
  ADD ("/model/two-processes", test_two_processes);
  ADD ("/model/search", test_search);
  ADD ("/model/store-interface", test_store_interface);
  ADD ("/model/structure/move", test_structure_move);
  ADD ("/model/structure/indent-outdent", test_structure_indent);
  ADD ("/model/structure/add-with-values", test_structure_add_with_values);
#undef ADD

  return g_test_run ();
}
