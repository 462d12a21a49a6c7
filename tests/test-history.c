/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jp-test-util.h"
#include "model/exchange/jp-xml.h"
#include "model/jp-snapshot.h"
#include "model/store/jp-database.h"
#include "model/store/jp-history.h"

/* The history of the plan: what it records, undo and redo, reopening,
 * the plan at a point, and versions. */

typedef struct {
  char       *dir;
  char       *path;
  JpDatabase *db;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "plan.db", NULL);
  f->db = jp_test_open_seeded (f->path, JP_DATABASE_OPEN_DEFAULT);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_clear_object (&f->db);
  jp_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->db);
  f->db = jp_database_open (f->path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static JpItem *
section_57 (Fixture *f)
{
  JpItem *section = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.7");

  g_assert_nonnull (section);
  return section;
}

static JpItem *
first_project (Fixture *f,
               JpItem  *section)
{
  g_autoptr(GListModel) children = jp_database_get_children (f->db, section, JP_KIND_MASK (JP_KIND_PROJECT));

  g_assert_cmpuint (g_list_model_get_n_items (children), >, 1);
  return g_list_model_get_item (children, 0);
}

static gboolean
linked (Fixture *f,
        JpItem  *section,
        JpItem  *area)
{
  g_autoptr(GListModel) areas = jp_database_get_section_areas (f->db, section);

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(JpItem) item = g_list_model_get_item (areas, i);

      if (item == area)
        return TRUE;
    }
  return FALSE;
}

/* The newest change of @kind (and @detail, unless -1) to @id. */
static JpHistoryEntry *
find_entry (GPtrArray    *history,
            JpChangeKind  kind,
            int           detail)
{
  for (guint i = 0; i < history->len; i++)
    {
      JpHistoryEntry *entry = history->pdata[i];

      if (entry->kind == kind && (detail < 0 || entry->detail == detail))
        return entry;
    }
  return NULL;
}

static void
assert_recent (JpHistoryEntry *entry)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->who, ==, "Anna Peeters");
  g_assert_cmpint (ABS (g_date_time_difference (now, entry->time)), <, 60 * G_TIME_SPAN_SECOND);
  g_assert_false (entry->undone);
}

static void
test_recorded (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = section_57 (f);
  g_autoptr(JpItem) project = first_project (f, section);
  g_autoptr(JpItem) area = jp_database_find_numbered (f->db, JP_KIND_AREA, "3");
  g_autoptr(JpItem) added = NULL;
  g_autoptr(GPtrArray) history = NULL;
  JpHistoryEntry *entry;
  gint64 added_id;

  /* The bundled plan is the start, not history. */
  g_assert_cmpint (jp_database_history_now (f->db), ==, 0);
  g_assert_cmpstr (jp_database_get_author (f->db), ==, "Anna Peeters");

  g_assert_true (jp_database_set_text (f->db, project, JP_TEXT_NOTE, JP_LANG_FR, "À revoir", &error));
  g_assert_true (jp_database_set_status (f->db, project, JP_STATUS_DONE, &error));
  g_assert_true (jp_database_set_phase (f->db, project, JP_PHASE_NEW, &error));
  g_assert_true (jp_database_set_field (f->db, project, JP_FIELD_PERSON, "J. Janssens", &error));
  g_assert_no_error (error);

  history = jp_database_get_item_history (f->db, jp_item_get_id (project), &error);
  g_assert_no_error (error);
  /* A status change dates the progress as well. */
  g_assert_cmpuint (history->len, ==, 5);
  g_assert_nonnull (find_entry (history, JP_CHANGE_FIELD, JP_FIELD_PROGRESS_DATE));
  entry = find_entry (history, JP_CHANGE_TEXT, JP_TEXT_NOTE * JP_N_LANGS + JP_LANG_FR);
  assert_recent (entry);
  g_assert_null (entry->old_value);
  g_assert_cmpstr (entry->new_value, ==, "À revoir");
  g_assert_null (entry->source);
  entry = find_entry (history, JP_CHANGE_STATUS, -1);
  assert_recent (entry);
  g_assert_cmpstr (entry->new_value, ==, "done");
  entry = find_entry (history, JP_CHANGE_PHASE, -1);
  assert_recent (entry);
  g_assert_cmpstr (entry->new_value, ==, "new");
  entry = find_entry (history, JP_CHANGE_FIELD, JP_FIELD_PERSON);
  assert_recent (entry);
  g_assert_cmpstr (entry->new_value, ==, "J. Janssens");
  /* Newest first. */
  g_assert_true (((JpHistoryEntry *) history->pdata[0])->kind == JP_CHANGE_FIELD);
  g_assert_cmpint (((JpHistoryEntry *) history->pdata[0])->seq, >, ((JpHistoryEntry *) history->pdata[4])->seq);
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Another name from now on. */
  jp_database_set_author (f->db, "Marc Dubois");
  added = jp_database_add_item (f->db, section, JP_KIND_PROJECT, NULL, &error);
  g_assert_no_error (error);
  added_id = jp_item_get_id (added);
  history = jp_database_get_item_history (f->db, added_id, &error);
  entry = find_entry (history, JP_CHANGE_ADD, JP_KIND_PROJECT);
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->who, ==, "Marc Dubois");
  g_assert_nonnull (strstr (entry->new_value, "\"kind\":\"project\""));
  g_clear_pointer (&history, g_ptr_array_unref);

  g_assert_true (jp_database_move_item (f->db, added, section, project, &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_set_section_area (f->db, section, area, !linked (f, section, area),
                                               &error));
  g_assert_no_error (error);
  history = jp_database_get_item_history (f->db, jp_item_get_id (section), &error);
  entry = find_entry (history, JP_CHANGE_LINK, jp_item_get_id (area));
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->new_value ? entry->new_value : entry->old_value, ==, jp_item_get_uid (area));
  g_clear_pointer (&history, g_ptr_array_unref);

  g_assert_true (jp_database_remove_item (f->db, added, &error));
  g_assert_no_error (error);
  history = jp_database_get_item_history (f->db, added_id, &error);
  entry = find_entry (history, JP_CHANGE_REMOVE, JP_KIND_PROJECT);
  g_assert_nonnull (entry);
  g_assert_nonnull (strstr (entry->old_value, jp_item_get_uid (added)));
  g_assert_cmpstr (entry->who, ==, "Marc Dubois");
  g_clear_pointer (&history, g_ptr_array_unref);

  /* An empty name is the account's again. */
  jp_database_set_author (f->db, NULL);
  g_assert_cmpstr (jp_database_get_author (f->db), ==, "Anna Peeters");
}

/* Whether the newest change of @kind to @id is marked undone. */
static gboolean
undone (Fixture      *f,
        gint64        id,
        JpChangeKind  kind,
        guint         n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = jp_database_get_item_history (f->db, id, &error);
  JpHistoryEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, n_expected);
  entry = find_entry (history, kind, -1);
  g_assert_nonnull (entry);
  return entry->undone;
}

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = section_57 (f);
  g_autoptr(JpItem) project = first_project (f, section);
  gint64 id = jp_item_get_id (project);
  gint64 before;

  /* A status (which dates the progress too), then a text. */
  g_assert_true (jp_database_set_status (f->db, project, JP_STATUS_POSTPONED, &error));
  g_assert_true (jp_database_set_text (f->db, project, JP_TEXT_BODY, JP_LANG_NL, "Nieuwe tekst", &error));
  g_assert_no_error (error);
  before = jp_database_history_now (f->db);

  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_no_error (error);
  /* Undo writes changes of its own: the point moves on, but the
   * item's history shows only the changes themselves. */
  g_assert_cmpint (jp_database_history_now (f->db), >, before);
  g_assert_true (undone (f, id, JP_CHANGE_TEXT, 3));
  g_assert_false (undone (f, id, JP_CHANGE_STATUS, 3));

  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_true (undone (f, id, JP_CHANGE_TEXT, 3));
  g_assert_true (undone (f, id, JP_CHANGE_STATUS, 3));

  g_assert_true (jp_database_redo (f->db, &error));
  g_assert_no_error (error);
  g_assert_true (undone (f, id, JP_CHANGE_TEXT, 3));
  g_assert_false (undone (f, id, JP_CHANGE_STATUS, 3));

  /* Kept across a reopen, and redo goes on from there. */
  g_clear_object (&project);
  g_clear_object (&section);
  reopen (f);
  g_assert_true (undone (f, id, JP_CHANGE_TEXT, 3));
  g_assert_false (undone (f, id, JP_CHANGE_STATUS, 3));
  g_assert_true (jp_database_redo (f->db, &error));
  g_assert_no_error (error);
  g_assert_false (undone (f, id, JP_CHANGE_TEXT, 3));

  /* A new change after an undo leaves the undone one undone for good,
   * even when its step's number comes round again. */
  g_assert_true (jp_database_undo (f->db, &error));
  project = jp_database_lookup (f->db, id);
  g_assert_true (jp_database_set_field (f->db, project, JP_FIELD_CODE, "X1", &error));
  g_assert_no_error (error);
  g_assert_false (jp_database_can_redo (f->db));
  g_assert_true (undone (f, id, JP_CHANGE_TEXT, 4));
  g_assert_false (undone (f, id, JP_CHANGE_FIELD, 4));
  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_true (undone (f, id, JP_CHANGE_FIELD, 4));
  g_assert_true (undone (f, id, JP_CHANGE_TEXT, 4));
  g_assert_false (undone (f, id, JP_CHANGE_STATUS, 4));
}

/* ------------------------------------------------------ the plan at a point */

static void
assert_same_item (JpSnapshotItem *a,
                  JpSnapshotItem *b)
{
  g_assert_cmpstr (a->data.uid, ==, b->data.uid);
  g_assert_cmpint (a->data.kind, ==, b->data.kind);
  g_assert_cmpint (a->data.parent_id, ==, b->data.parent_id);
  g_assert_cmpuint (a->data.position, ==, b->data.position);
  g_assert_cmpint (a->data.phase, ==, b->data.phase);
  g_assert_cmpint (a->data.status, ==, b->data.status);
  for (guint i = 0; i < JP_N_FIELDS; i++)
    g_assert_cmpstr (a->data.fields[i], ==, b->data.fields[i]);
  for (guint t = 0; t < JP_N_TEXTS; t++)
    for (guint l = 0; l < JP_N_LANGS; l++)
      g_assert_cmpstr (a->data.texts[t][l], ==, b->data.texts[t][l]);
  g_assert_cmpuint (a->areas ? a->areas->len : 0, ==, b->areas ? b->areas->len : 0);
  for (guint i = 0; a->areas && i < a->areas->len; i++)
    g_assert_cmpstr (a->areas->pdata[i], ==, b->areas->pdata[i]);
  g_assert_cmpuint (a->children->len, ==, b->children->len);
  for (guint i = 0; i < a->children->len; i++)
    g_assert_cmpint (((JpSnapshotItem *) a->children->pdata[i])->data.id, ==,
                     ((JpSnapshotItem *) b->children->pdata[i])->data.id);
}

static void
assert_same_snapshot (JpSnapshot *a,
                      JpSnapshot *b)
{
  GHashTableIter iter;
  gpointer value;

  g_assert_nonnull (a->root);
  g_assert_nonnull (b->root);
  g_assert_cmpint (a->root->data.id, ==, b->root->data.id);
  g_assert_cmpuint (g_hash_table_size (a->items), ==, g_hash_table_size (b->items));
  g_hash_table_iter_init (&iter, a->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JpSnapshotItem *item = value;
      JpSnapshotItem *other = _jp_snapshot_lookup (b, item->data.id);

      g_assert_nonnull (other);
      assert_same_item (item, other);
    }
}

static gint64
root_id (Fixture *f)
{
  g_autoptr(JpItem) root = jp_database_get_root (f->db);

  return jp_item_get_id (root);
}

/* Edits of every kind, with undo and redo among them. */
static void
edit_a_lot (Fixture *f,
            int      round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = section_57 (f);
  g_autoptr(JpItem) other = jp_database_find_numbered (f->db, JP_KIND_SECTION, "5.6");
  g_autoptr(JpItem) project = first_project (f, section);
  g_autoptr(JpItem) area = jp_database_find_numbered (f->db, JP_KIND_AREA, round % 2 ? "2" : "5");
  g_autoptr(JpItem) added = NULL;
  g_autoptr(JpItem) child = NULL;
  g_autofree char *title = g_strdup_printf ("Titel %d", round);

  g_assert_nonnull (other);
  g_assert_true (jp_database_set_text (f->db, project, JP_TEXT_BODY, JP_LANG_NL, title, &error));
  g_assert_true (jp_database_set_text (f->db, project, JP_TEXT_NOTE, JP_LANG_FR, round % 2 ? NULL : "Note", &error));
  g_assert_true (jp_database_set_status (f->db, project, round % 2 ? JP_STATUS_DONE : JP_STATUS_PLANNED, &error));
  g_assert_true (jp_database_set_field (f->db, project, JP_FIELD_EMAIL, round % 2 ? "a@b.be" : NULL, &error));
  g_assert_true (jp_database_set_section_area (f->db, section, area, !linked (f, section, area),
                                               &error));
  g_assert_no_error (error);

  /* Added with a child and texts, then removed: both come back. */
  added = jp_database_add_item (f->db, section, JP_KIND_PROJECT, project, &error);
  g_assert_no_error (error);
  g_assert_true (jp_database_set_text (f->db, added, JP_TEXT_BODY, JP_LANG_FR, "Projet nouveau", &error));
  child = jp_database_add_item (f->db, added, JP_KIND_ITEM, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (jp_database_set_text (f->db, child, JP_TEXT_BODY, JP_LANG_NL, "Een punt", &error));
  g_assert_no_error (error);

  /* A move between sections, and one undone and redone. */
  g_assert_true (jp_database_move_item (f->db, project, other, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_true (jp_database_redo (f->db, &error));
  g_assert_no_error (error);

  /* A removal of an item with a child and texts; undone, redone. */
  g_clear_object (&child);
  g_assert_true (jp_database_remove_item (f->db, added, &error));
  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_true (jp_database_redo (f->db, &error));
  g_assert_no_error (error);
  g_clear_object (&project);
  project = first_project (f, section);
  g_assert_true (jp_database_remove_item (f->db, project, &error));
  g_assert_no_error (error);
  /* And an undo left undone. */
  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_true (jp_database_undo (f->db, &error));
  g_assert_no_error (error);
}

static void
test_snapshot_at (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 root = root_id (f);
  gint64 points[4];
  JpSnapshot *then[4];
  g_autoptr(JpItem) section = NULL;
  gint64 section_id;

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      points[i] = jp_database_history_now (f->db);
      then[i] = jp_database_load_snapshot_at (f->db, root, points[i], &error);
      g_assert_no_error (error);
      if (i + 1 < G_N_ELEMENTS (points))
        edit_a_lot (f, i);
    }
  g_assert_cmpint (points[0], ==, 0);
  g_assert_cmpint (points[3], >, points[1]);
  /* The edits left the plan larger: the point is not the plan now. */
  g_assert_cmpuint (g_hash_table_size (then[0]->items) + 6, ==, g_hash_table_size (then[3]->items));

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autoptr(JpSnapshot) now = jp_database_load_snapshot_at (f->db, root, points[i], &error);

      g_assert_no_error (error);
      assert_same_snapshot (now, then[i]);
    }

  /* A section alone, as it was. */
  section = section_57 (f);
  section_id = jp_item_get_id (section);
  {
    g_autoptr(JpSnapshot) at = jp_database_load_snapshot_at (f->db, section_id, points[1], &error);
    JpSnapshotItem *was = _jp_snapshot_lookup (then[1], section_id);

    g_assert_no_error (error);
    g_assert_cmpint (at->root->data.id, ==, section_id);
    assert_same_item (at->root, was);
  }

  /* After a reopen too. */
  g_clear_object (&section);
  reopen (f);
  {
    g_autoptr(JpSnapshot) at = jp_database_load_snapshot_at (f->db, root, points[2], &error);

    g_assert_no_error (error);
    assert_same_snapshot (at, then[2]);
  }
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    _jp_snapshot_free (then[i]);
}

static void
snapshot_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  JpSnapshot **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = jp_database_load_snapshot_at_finish (JP_DATABASE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_snapshot_at_async (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 root = root_id (f);
  g_autoptr(JpSnapshot) then = jp_database_load_snapshot_at (f->db, root, 0, &error);
  g_autoptr(JpSnapshot) at = NULL;

  edit_a_lot (f, 1);
  jp_database_load_snapshot_at_async (f->db, root, 0, NULL, snapshot_loaded, &at);
  while (at == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_same_snapshot (at, then);
}

/* ---------------------------------------------------------------- versions */

static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = section_57 (f);
  g_autoptr(JpItem) project = first_project (f, section);
  g_autoptr(JpVersion) version = NULL;
  g_autoptr(JpVersion) read = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(JpSnapshot) at = NULL;
  gint64 seq;

  g_assert_true (jp_database_set_status (f->db, project, JP_STATUS_DONE, &error));
  seq = jp_database_history_now (f->db);
  version = jp_database_save_version (f->db, "  Sent to the Committee ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (version);
  g_assert_cmpstr (version->name, ==, "Sent to the Committee");
  g_assert_cmpint (version->kind, ==, JP_VERSION_SAVED);
  g_assert_cmpint (version->seq, ==, seq);
  g_assert_cmpstr (version->who, ==, "Anna Peeters");
  g_assert_null (version->scope);
  g_assert_cmpuint (version->year, ==, 2013);

  g_assert_true (jp_database_set_status (f->db, project, JP_STATUS_DROPPED, &error));
  g_assert_null (jp_database_save_version (f->db, " ", &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (jp_database_get_version (f->db, version->id + 100, &error));
  g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_object (&project);
  g_clear_object (&section);
  reopen (f);
  versions = jp_database_list_versions (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 1);
  read = jp_database_get_version (f->db, version->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, version->name);
  g_assert_cmpint (read->seq, ==, version->seq);
  g_assert_true (g_date_time_equal (read->time, ((JpVersion *) versions->pdata[0])->time));

  /* The plan at the version has the status it had then. */
  section = section_57 (f);
  project = first_project (f, section);
  at = jp_database_load_snapshot_at (f->db, jp_item_get_id (section), read->seq, &error);
  g_assert_no_error (error);
  g_assert_cmpint (_jp_snapshot_lookup (at, jp_item_get_id (project))->data.status, ==, JP_STATUS_DONE);
  g_assert_cmpint (jp_item_get_status (project), ==, JP_STATUS_DROPPED);
}

/* ------------------------------------------------------- the author in files */

static void
test_file_author (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) section = section_57 (f);
  g_autoptr(JpItem) project = first_project (f, section);
  g_autofree char *path = g_build_filename (f->dir, "s57.xml", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(JpDatabase) other = NULL;
  g_autoptr(JpItem) copy = NULL;
  JpVersion *version;
  JpHistoryEntry *entry;

  g_assert_true (jp_database_set_status (f->db, project, JP_STATUS_DONE, &error));
  g_assert_true (jp_xml_export (f->db, section, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, " version=\"3\""));
  g_assert_nonnull (strstr (text, " author=\"Anna Peeters\""));

  /* The export is a version of the section; the same sent again is not
   * another. */
  g_assert_true (jp_xml_export (f->db, section, file, NULL, &error));
  versions = jp_database_list_versions (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 1);
  version = versions->pdata[0];
  g_assert_cmpint (version->kind, ==, JP_VERSION_EXPORT);
  g_assert_cmpstr (version->name, ==, "s57.xml");
  g_assert_cmpstr (version->scope, ==, jp_item_get_uid (section));
  g_assert_cmpint (version->seq, ==, jp_database_history_now (f->db));
  g_clear_pointer (&versions, g_ptr_array_unref);

  /* Its changes come into another database as the file author's. */
  other = jp_test_open_seeded (other_path, JP_DATABASE_OPEN_DEFAULT);
  jp_database_set_author (other, "Marc Dubois");
  g_assert_true (jp_xml_import (other, file, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  copy = jp_database_lookup_uid (other, jp_item_get_uid (project));
  g_assert_cmpint (jp_item_get_status (copy), ==, JP_STATUS_DONE);
  history = jp_database_get_item_history (other, jp_item_get_id (copy), &error);
  entry = find_entry (history, JP_CHANGE_STATUS, -1);
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->who, ==, "Anna Peeters");
  g_assert_cmpstr (entry->source, ==, "s57.xml");
  versions = jp_database_list_versions (other, &error);
  g_assert_cmpuint (versions->len, ==, 1);
  version = versions->pdata[0];
  g_assert_cmpint (version->kind, ==, JP_VERSION_IMPORT);
  g_assert_cmpstr (version->scope, ==, jp_item_get_uid (section));
  g_assert_cmpstr (version->who, ==, "Marc Dubois");
  g_clear_pointer (&history, g_ptr_array_unref);

  /* And what the database's own person does next is theirs again. */
  g_assert_true (jp_database_set_status (other, copy, JP_STATUS_PLANNED, &error));
  history = jp_database_get_item_history (other, jp_item_get_id (copy), &error);
  g_assert_cmpstr (find_entry (history, JP_CHANGE_STATUS, -1)->who, ==, "Marc Dubois");
  g_assert_null (find_entry (history, JP_CHANGE_STATUS, -1)->source);
}

/* The whole plan at a version, written as a file, is the plan as it was
 * then: imported into a new database it gives the same export. */
static void
test_export_plan_at (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) root = jp_database_get_root (f->db);
  g_autoptr(GBytes) then = jp_xml_export_bytes (f->db, root, &error);
  g_autoptr(JpVersion) version = jp_database_save_version (f->db, "Before", &error);
  g_autoptr(GBytes) at = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(JpDatabase) fresh = jp_test_open_memory (FALSE);
  g_autoptr(JpItem) fresh_root = NULL;

  g_assert_no_error (error);
  edit_a_lot (f, 2);
  at = jp_xml_export_plan_at (f->db, version->seq, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (at, then));
  g_assert_true (jp_xml_import_bytes (fresh, at, "at.xml", JP_IMPORT_FORCE, NULL, &error));
  g_assert_no_error (error);
  fresh_root = jp_database_get_root (fresh);
  again = jp_xml_export_bytes (fresh, fresh_root, &error);
  g_assert_true (g_bytes_equal (again, then));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("JAARPLAN_AUTHOR", "Anna Peeters", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/history/recorded", Fixture, NULL, set_up, test_recorded, tear_down);
  g_test_add ("/history/undo-redo", Fixture, NULL, set_up, test_undo_redo, tear_down);
  g_test_add ("/history/snapshot-at", Fixture, NULL, set_up, test_snapshot_at, tear_down);
  g_test_add ("/history/snapshot-at-async", Fixture, NULL, set_up, test_snapshot_at_async, tear_down);
  g_test_add ("/history/versions", Fixture, NULL, set_up, test_versions, tear_down);
  g_test_add ("/history/file-author", Fixture, NULL, set_up, test_file_author, tear_down);
  g_test_add ("/history/export-plan-at", Fixture, NULL, set_up, test_export_plan_at, tear_down);
  return g_test_run ();
}
