/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"

#include "model/exchange/jp-xml.h"
#include "model/jp-store.h"
#include "model/store/jp-database.h"
#include "model/store/jp-schema.h"

/* The reads and edits of the JpStore interface, through the interface,
 * on the SQLite file. */

typedef JpTestPlan Fixture;

static gpointer
nth (GListModel *model,
     guint       position)
{
  g_autoptr(GObject) object = g_list_model_get_item (model, position);

  return object;  /* the list holds it */
}

static void
test_store_reads (Fixture       *f,
                  gconstpointer  data)
{
  JpStore *store = JP_STORE (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) root = jp_store_get_root (store);
  g_autoptr(JpItem) programme = jp_test_add_item (store, root, JP_KIND_PROGRAMME);
  g_autoptr(JpItem) area = jp_test_add_item (store, programme, JP_KIND_AREA);
  g_autoptr(JpItem) chapter = jp_test_add_item (store, root, JP_KIND_CHAPTER);
  g_autoptr(JpItem) section = jp_test_add_item (store, chapter, JP_KIND_SECTION);
  g_autoptr(JpItem) found = NULL;
  g_autoptr(JpItem) numbered = NULL;
  g_autoptr(GListModel) unserved = NULL;
  g_autoptr(GListModel) served = NULL;
  g_autoptr(GListModel) areas = NULL;

  g_assert_true (jp_store_get_language (store) == jp_database_get_language (f->db));
  jp_database_set_language (f->db, JP_LANG_FR);
  g_assert_cmpint (jp_store_get_language (store), ==, JP_LANG_FR);

  found = jp_store_find_child (store, root, JP_KIND_PROGRAMME);
  g_assert_true (found == programme);
  g_assert_null (jp_store_find_child (store, chapter, JP_KIND_PROJECT));

  g_assert_true (jp_store_set_field (store, area, JP_FIELD_NUMBER, "5", &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_set_field (store, section, JP_FIELD_NUMBER, "5.7", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jp_item_get_field (section, JP_FIELD_NUMBER), ==, "5.7");
  numbered = jp_store_find_numbered (store, JP_KIND_SECTION, "5.7");
  g_assert_true (numbered == section);
  g_assert_null (jp_store_find_numbered (store, JP_KIND_SECTION, "5.8"));

  /* Linking a section to an area moves it between the live lists. */
  unserved = jp_store_get_area_sections (store, NULL);
  served = jp_store_get_area_sections (store, area);
  areas = jp_store_get_section_areas (store, section);
  g_assert_cmpuint (g_list_model_get_n_items (unserved), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (served), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, 0);
  g_assert_true (jp_store_set_section_area (store, section, area, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (unserved), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (served), ==, 1);
  g_assert_true (nth (served, 0) == section);
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, 1);
  g_assert_true (nth (areas, 0) == area);

  /* One step: undo unlinks. */
  g_assert_true (jp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (unserved), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (served), ==, 0);

  g_assert_cmpuint (jp_store_count_descendants (store, root, JP_KIND_MASK (JP_KIND_SECTION)), ==, 1);
  g_assert_cmpuint (jp_store_count_descendants (store, root,
                                                JP_KIND_MASK (JP_KIND_AREA) | JP_KIND_MASK (JP_KIND_CHAPTER)), ==, 2);
}

static void
test_store_edits (Fixture       *f,
                  gconstpointer  data)
{
  JpStore *store = JP_STORE (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) root = jp_store_get_root (store);
  g_autoptr(JpItem) chapter = jp_test_add_item (store, root, JP_KIND_CHAPTER);
  g_autoptr(JpItem) section = jp_test_add_item (store, chapter, JP_KIND_SECTION);
  g_autoptr(JpItem) project = jp_test_add_item (store, section, JP_KIND_PROJECT);
  g_autoptr(JpItem) first = jp_test_add_item (store, section, JP_KIND_ITEM);
  g_autoptr(JpItem) second = jp_test_add_item (store, section, JP_KIND_ITEM);
  g_autoptr(JpItem) objective = NULL;
  g_autoptr(JpItem) looked_up = NULL;
  g_autoptr(GListModel) items = jp_store_get_children (store, section, JP_KIND_MASK (JP_KIND_ITEM));
  gint64 id;

  /* Phase and status, one step each. */
  g_assert_true (jp_store_set_phase (store, project, JP_PHASE_ONGOING, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jp_item_get_phase (project), ==, JP_PHASE_ONGOING);
  g_assert_true (jp_store_set_status (store, project, JP_STATUS_DONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jp_item_get_status (project), ==, JP_STATUS_DONE);
  g_assert_true (jp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jp_item_get_status (project), !=, JP_STATUS_DONE);
  /* Other items were added since the project: its phase was a step of
   * its own, not merged with the status into one. */
  g_assert_cmpint (jp_item_get_phase (project), ==, JP_PHASE_ONGOING);

  /* Adding with first values is one step: one undo takes it all back. */
  {
    g_autoptr(JpItem) ongoing = jp_store_add_item_full (store, section, JP_KIND_PROJECT, NULL,
                                                        JP_PHASE_ONGOING, JP_STATUS_NONE, &error);

    g_assert_no_error (error);
    g_assert_cmpint (jp_item_get_phase (ongoing), ==, JP_PHASE_ONGOING);
    g_assert_cmpint (jp_item_get_status (ongoing), ==, JP_STATUS_IN_PROGRESS);
    g_assert_true (jp_store_undo (store, &error));
    g_assert_no_error (error);
    g_assert_true (jp_item_get_removed (ongoing));
  }

  /* A new item goes where the plan lists its kind: a project after the
   * projects, before the working groups. */
  {
    g_autoptr(GListModel) listed = jp_store_get_children (store, section,
                                                          JP_KIND_MASK (JP_KIND_PROJECT) | JP_KIND_MASK (JP_KIND_GROUP));
    g_autoptr(JpItem) group = jp_test_add_item (store, section, JP_KIND_GROUP);
    g_autoptr(JpItem) fresh = jp_store_add_item_full (store, section, JP_KIND_PROJECT, NULL,
                                                      JP_PHASE_NEW, JP_STATUS_NONE, &error);
    g_autoptr(JpItem) ongoing = NULL;

    g_assert_no_error (error);
    ongoing = jp_store_add_item_full (store, section, JP_KIND_PROJECT, NULL,
                                      JP_PHASE_ONGOING, JP_STATUS_NONE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 4);
    g_assert_true (nth (listed, 0) == project);
    g_assert_true (nth (listed, 1) == fresh);
    g_assert_true (nth (listed, 2) == ongoing);
    g_assert_true (nth (listed, 3) == group);
    for (guint i = 0; i < 3; i++)
      {
        g_assert_true (jp_store_undo (store, &error));
        g_assert_no_error (error);
      }
    g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);
  }

  /* Moving the second item before the first. */
  g_assert_true (nth (items, 0) == first);
  g_assert_true (jp_store_move_item (store, second, section, first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_true (nth (items, 0) == second);
  g_assert_true (nth (items, 1) == first);

  /* Removing, and undoing the removal. */
  id = jp_item_get_id (first);
  g_assert_true (jp_store_remove_item (store, first, &error));
  g_assert_no_error (error);
  g_assert_true (jp_item_get_removed (first));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  g_assert_true (jp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  looked_up = jp_store_lookup (store, id);
  g_assert_nonnull (looked_up);
  g_assert_false (jp_item_get_removed (looked_up));
  g_clear_object (&looked_up);

  /* Add, look up, write a text, read it back; undo takes back each. */
  objective = jp_test_add_item (store, section, JP_KIND_OBJECTIVE);
  id = jp_item_get_id (objective);
  looked_up = jp_store_lookup (store, id);
  g_assert_true (looked_up == objective);
  g_clear_object (&looked_up);
  g_assert_true (jp_store_set_text (store, objective, JP_TEXT_BODY, JP_LANG_NL, "Doel", &error));
  g_assert_no_error (error);
  g_assert_no_error (error);
  g_assert_cmpstr (jp_item_get_text (objective, JP_TEXT_BODY, JP_LANG_NL), ==, "Doel");
  g_assert_true (jp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_null (jp_item_get_text (objective, JP_TEXT_BODY, JP_LANG_NL));
  g_assert_true (jp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_true (jp_item_get_removed (objective));
  g_assert_cmpuint (jp_store_count_descendants (store, section, JP_KIND_MASK (JP_KIND_OBJECTIVE)), ==, 0);
}

/* Asserts what the next undo (@redo: redo) takes back. */
static void
assert_history (JpStore      *store,
                gboolean      redo,
                JpChangeKind  kind,
                JpItem       *item,
                int           detail,
                const char   *label)
{
  JpChange change;

  g_assert_true (jp_store_get_history (store, redo, &change));
  g_assert_cmpint (change.kind, ==, kind);
  if (item != NULL)
    {
      g_assert_cmpint (change.item, ==, jp_item_get_id (item));
      g_assert_cmpint (change.parent, ==, jp_item_get_parent_id (item));
    }
  g_assert_cmpint (change.detail, ==, detail);
  g_assert_cmpstr (change.label, ==, label);
  jp_change_clear (&change);
}

/* Each step of undo says what it did, on both stacks, and only what it
 * did: a step that changed nothing leaves no note for the next one. */
static void
test_store_history (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JpDatabase) db = jp_test_open_memory (TRUE);
  JpStore *store = JP_STORE (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) root = jp_store_get_root (store);
  g_autoptr(JpItem) contacts = jp_store_find_child (store, root, JP_KIND_CONTACTS);
  g_autoptr(JpItem) team = NULL;
  g_autoptr(JpItem) subject = NULL;
  g_autoptr(JpItem) person = NULL;
  g_autoptr(JpItem) chapter = NULL;
  g_autoptr(GBytes) plan = NULL;
  g_autoptr(GBytes) changed = NULL;
  JpChange change;
  char *at;

  g_assert_false (jp_store_get_history (store, FALSE, &change));
  g_assert_cmpint (change.kind, ==, JP_CHANGE_NONE);
  g_assert_nonnull (contacts);

  team = jp_test_add_item (store, contacts, JP_KIND_TEAM);
  assert_history (store, FALSE, JP_CHANGE_ADD, team, JP_KIND_TEAM, "");
  subject = jp_test_add_item (store, team, JP_KIND_SUBJECT);
  person = jp_test_add_item (store, subject, JP_KIND_CONTACT);
  g_assert_true (jp_store_set_field (store, person, JP_FIELD_PERSON, "L. Willems", &error));
  g_assert_no_error (error);
  /* The first values of a new item are part of adding it. */
  assert_history (store, FALSE, JP_CHANGE_ADD, person, JP_KIND_CONTACT, "");
  chapter = jp_test_add_item (store, root, JP_KIND_CHAPTER);
  g_assert_true (jp_store_set_field (store, person, JP_FIELD_PHONE, "+32 2 519 38 11", &error));
  g_assert_no_error (error);
  /* The label is the item's as it read when the change began. */
  assert_history (store, FALSE, JP_CHANGE_FIELD, person, JP_FIELD_PHONE, "L. Willems");
  g_assert_false (jp_store_get_history (store, TRUE, &change));

  g_assert_true (jp_store_undo (store, &error));
  g_assert_no_error (error);
  assert_history (store, TRUE, JP_CHANGE_FIELD, person, JP_FIELD_PHONE, "L. Willems");
  assert_history (store, FALSE, JP_CHANGE_ADD, chapter, JP_KIND_CHAPTER, "");
  g_assert_true (jp_store_redo (store, &error));
  g_assert_no_error (error);
  assert_history (store, FALSE, JP_CHANGE_FIELD, person, JP_FIELD_PHONE, "L. Willems");
  g_assert_false (jp_store_get_history (store, TRUE, &change));

  /* Texts say their field and language; removals keep the label. */
  g_assert_true (jp_store_set_text (store, chapter, JP_TEXT_TITLE, JP_LANG_FR, "Justice", &error));
  g_assert_no_error (error);
  assert_history (store, FALSE, JP_CHANGE_TEXT, chapter, JP_TEXT_TITLE * JP_N_LANGS + JP_LANG_FR, "");
  g_assert_true (jp_store_set_field (store, chapter, JP_FIELD_NUMBER, "9", &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_set_text (store, chapter, JP_TEXT_TITLE, JP_LANG_NL, "Justitie", &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_remove_item (store, chapter, &error));
  g_assert_no_error (error);
  assert_history (store, FALSE, JP_CHANGE_REMOVE, NULL, JP_KIND_CHAPTER, jp_item_get_label (chapter));
  g_assert_cmpstr (jp_item_get_label (chapter), !=, "");
  g_assert_true (jp_store_undo (store, &error));
  g_assert_no_error (error);
  assert_history (store, TRUE, JP_CHANGE_REMOVE, NULL, JP_KIND_CHAPTER, "9 Justitie");

  /* An import that changes nothing is no step and leaves no note; one
   * that changes something is noted with the file's name. */
  plan = jp_xml_export_bytes (db, root, &error);
  g_assert_no_error (error);
  {
    g_autoptr(JpImportReport) report = NULL;
    g_autofree char *described = NULL;

    /* The plan's own file changes nothing: what was added is where the
     * file lists it. */
    g_assert_true (jp_xml_import_bytes (db, plan, "same.xml", JP_IMPORT_DEFAULT, &report, &error));
    g_assert_no_error (error);
    described = jp_import_report_describe (report);
    g_assert_cmpstr (described, ==, "added 0, changed 0, removed 0");
  }
  assert_history (store, FALSE, JP_CHANGE_TEXT, NULL, JP_TEXT_TITLE * JP_N_LANGS + JP_LANG_NL, "9 Justice");
  g_assert_true (jp_store_set_field (store, person, JP_FIELD_EMAIL, "l.willems@benelux.int", &error));
  g_assert_no_error (error);
  assert_history (store, FALSE, JP_CHANGE_FIELD, person, JP_FIELD_EMAIL, "L. Willems");

  at = strstr (g_bytes_get_data (plan, NULL), "Justitie");
  g_assert_nonnull (at);
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (plan, NULL), g_bytes_get_size (plan));

    at = strstr (text, "Justitie");
    memcpy (at, "Justicia", 8);
    changed = g_bytes_new_take (g_steal_pointer (&text), g_bytes_get_size (plan));
  }
  g_assert_true (jp_xml_import_bytes (db, changed, "terug.xml", JP_IMPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  assert_history (store, FALSE, JP_CHANGE_IMPORT, NULL, JP_SCOPE_PLAN, "terug.xml");
  g_assert_true (jp_store_undo (store, &error));
  g_assert_no_error (error);
  assert_history (store, TRUE, JP_CHANGE_IMPORT, NULL, JP_SCOPE_PLAN, "terug.xml");
  assert_history (store, FALSE, JP_CHANGE_FIELD, person, JP_FIELD_EMAIL, "L. Willems");
}

/* ----------------------------------------------------------------- search */

static void
set_title (JpStore    *store,
           JpItem     *item,
           const char *title)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_store_set_text (store, item, JP_TEXT_TITLE, JP_LANG_NL, title, &error));
  g_assert_no_error (error);
}

static void
set_field (JpStore    *store,
           JpItem     *item,
           JpField     field,
           const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_store_set_field (store, item, field, value, &error));
  g_assert_no_error (error);
}

/* Dutch writes compounds: a query of three letters or more is found
 * inside words, in texts and codes; a shorter one only starts words. */
static void
test_search_infix (Fixture       *f,
                   gconstpointer  data)
{
  JpStore *store = JP_STORE (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) root = jp_store_get_root (store);
  g_autoptr(JpItem) chapter = jp_test_add_item (store, root, JP_KIND_CHAPTER);
  g_autoptr(JpItem) bankrupt = jp_test_add_item (store, chapter, JP_KIND_SECTION);
  g_autoptr(JpItem) carousel = jp_test_add_item (store, chapter, JP_KIND_SECTION);
  g_autoptr(JpItem) plain = jp_test_add_item (store, chapter, JP_KIND_SECTION);
  g_autoptr(JpItem) group = jp_test_add_item (store, bankrupt, JP_KIND_GROUP);
  g_autoptr(GArray) hits = NULL;

  set_title (store, bankrupt, "Faillissementsfraude");
  set_title (store, carousel, "Bestrijding van carrouselfraude");
  set_title (store, plain, "Fraude met voertuigen");
  set_field (store, group, JP_FIELD_CODE, "FISC-FAIL");

  g_assert_true (jp_test_search_finds (store, "fraude", bankrupt));
  g_assert_true (jp_test_search_finds (store, "fraude", carousel));
  g_assert_true (jp_test_search_finds (store, "fraude", plain));
  g_assert_true (jp_test_search_finds (store, "FAIL", group));
  g_assert_true (jp_test_search_finds (store, "fail", bankrupt));
  g_assert_true (jp_test_search_finds (store, "carrousel fraude", carousel));
  g_assert_false (jp_test_search_finds (store, "carrousel fraude", bankrupt));
  /* A whole word ranks before a word that holds it. */
  hits = jp_store_search (store, "fraude", 2000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (hits, gint64, 0), ==, jp_item_get_id (plain));
  g_assert_cmpuint (hits->len, ==, 3);
  g_clear_pointer (&hits, g_array_unref);

  /* A limit keeps the first found, a code before the texts; without
   * one, all. */
  hits = jp_store_search (store, "fail", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (g_array_index (hits, gint64, 0), ==, jp_item_get_id (group));
  g_clear_pointer (&hits, g_array_unref);
  hits = jp_store_search (store, "fail", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_array_unref);
  hits = jp_store_search (store, "fraude", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpint (g_array_index (hits, gint64, 0), ==, jp_item_get_id (plain));

  /* Two letters: the start of words only. */
  g_assert_true (jp_test_search_finds (store, "fr", plain));
  g_assert_false (jp_test_search_finds (store, "fr", carousel));
  g_assert_true (jp_test_search_finds (store, "ca", carousel));
  g_assert_false (jp_test_search_finds (store, "de", carousel));

  /* Undo and redo keep the index in step. */
  set_title (store, plain, "Sociale zekerheid");
  g_assert_false (jp_test_search_finds (store, "raude", plain));
  g_assert_true (jp_test_search_finds (store, "ekerh", plain));
  g_assert_true (jp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_true (jp_test_search_finds (store, "raude", plain));
  g_assert_false (jp_test_search_finds (store, "ekerh", plain));
  g_assert_true (jp_store_redo (store, &error));
  g_assert_no_error (error);
  g_assert_true (jp_test_search_finds (store, "ekerh", plain));
  g_assert_false (jp_test_search_finds (store, "raude", plain));
}

/* The contacts are searched: people, e-mail addresses, phones, the
 * titles of teams and subject lines. */
static void
test_search_contacts (Fixture       *f,
                      gconstpointer  data)
{
  JpStore *store = JP_STORE (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) root = jp_store_get_root (store);
  g_autoptr(JpItem) contacts = jp_test_add_item (store, root, JP_KIND_CONTACTS);
  g_autoptr(JpItem) team = jp_test_add_item (store, contacts, JP_KIND_TEAM);
  g_autoptr(JpItem) subject = jp_test_add_item (store, team, JP_KIND_SUBJECT);
  g_autoptr(JpItem) person = jp_test_add_item (store, subject, JP_KIND_CONTACT);

  set_title (store, team, "Team Interne Markt");
  set_title (store, subject, "Grensarbeid en belastingen");
  set_field (store, person, JP_FIELD_PERSON, "L. Willems");
  set_field (store, person, JP_FIELD_EMAIL, "l.willems@benelux.int");
  set_field (store, person, JP_FIELD_PHONE, "+32 2 519 38 11");

  g_assert_true (jp_test_search_finds (store, "willems", person));
  g_assert_true (jp_test_search_finds (store, "Willems", person));
  g_assert_true (jp_test_search_finds (store, "l.willems@benelux.int", person));
  g_assert_true (jp_test_search_finds (store, "illem", person));
  g_assert_true (jp_test_search_finds (store, "519 38", person));
  g_assert_true (jp_test_search_finds (store, "51", person));
  g_assert_true (jp_test_search_finds (store, "markt", team));
  g_assert_true (jp_test_search_finds (store, "arbeid", subject));
  g_assert_false (jp_test_search_finds (store, "arbeid", person));

  /* A person removed is no longer found; undone, found again. */
  g_assert_true (jp_store_remove_item (store, person, &error));
  g_assert_no_error (error);
  g_assert_false (jp_test_search_finds (store, "illem", person));
  g_assert_true (jp_store_undo (store, &error));
  g_assert_no_error (error);
  {
    g_autoptr(JpItem) back = jp_store_lookup (store, jp_item_get_id (person));
    g_assert_nonnull (back);
    g_assert_true (jp_test_search_finds (store, "illem", back));
    g_assert_true (jp_test_search_finds (store, "519", back));
  }
}

/* A database of the third schema gets the indexes inside words, filled
 * with the rows it already holds. */
static void
test_search_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v3.db", NULL);
  g_autoptr(JpDatabase) db = NULL;
  g_autoptr(JpItem) section = NULL;
  g_autoptr(JpItem) person = NULL;
  sqlite3 *raw;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  for (guint v = 0; v < 3; v++)
    g_assert_cmpint (sqlite3_exec (raw, jp_schema_migrations[v], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "PRAGMA user_version = 3; PRAGMA application_id = 1246776398;"
                                 "INSERT INTO item (id, uid, kind) VALUES (1, 'plan', 'plan');"
                                 "INSERT INTO item (id, uid, kind, parent) VALUES (2, 'contacts', 'contacts', 1);"
                                 "INSERT INTO item (id, uid, kind, parent) VALUES (3, 't1', 'team', 2);"
                                 "INSERT INTO item (id, uid, kind, parent) VALUES (4, 's1', 'subject', 3);"
                                 "INSERT INTO item (id, uid, kind, parent, person, email, phone)"
                                 "  VALUES (5, 'p1', 'contact', 4, 'L. Willems', 'l.willems@benelux.int', '+32 2 519 38 11');"
                                 "INSERT INTO item (id, uid, kind, parent, number) VALUES (6, 'c5', 'chapter', 1, '5');"
                                 "INSERT INTO item (id, uid, kind, parent, number) VALUES (7, 's57', 'section', 6, '5.7');"
                                 "INSERT INTO text (item, field, lang, value) VALUES (7, 'title', 'nl', 'Carrouselfraude');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  section = jp_database_find_numbered (db, JP_KIND_SECTION, "5.7");
  person = jp_store_lookup (JP_STORE (db), 5);
  g_assert_nonnull (person);
  g_assert_true (jp_test_search_finds (JP_STORE (db), "fraude", section));
  g_assert_true (jp_test_search_finds (JP_STORE (db), "illem", person));
  g_assert_true (jp_test_search_finds (JP_STORE (db), "519 38", person));
  g_clear_object (&section);
  g_clear_object (&person);
  g_clear_object (&db);
  jp_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, jp_test_plan_set_up, func, jp_test_plan_tear_down)
  ADD ("/store/reads", test_store_reads);
  ADD ("/store/edits", test_store_edits);
  ADD ("/store/history", test_store_history);
  ADD ("/store/search/infix", test_search_infix);
  ADD ("/store/search/contacts", test_search_contacts);
#undef ADD
  g_test_add_func ("/store/search/migration", test_search_migration);

  return g_test_run ();
}
