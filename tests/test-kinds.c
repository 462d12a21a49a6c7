/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-util.h"

#include <string.h>

#include "model/exchange/jp-xml-check.h"
#include "model/store/jp-database.h"

/* The kinds as they were before the table: every rule the table must keep. */
static const char * const names[JP_N_KINDS] = {
  "plan", "programme", "part", "area", "chapter", "section", "objective",
  "project", "item", "group", "contacts", "team", "subject", "contact",
};

static gboolean
expected_child (JpKind parent,
                JpKind child)
{
  switch (parent)
    {
    case JP_KIND_PLAN:
      return child == JP_KIND_PROGRAMME || child == JP_KIND_CHAPTER || child == JP_KIND_CONTACTS;
    case JP_KIND_PROGRAMME:
      return child == JP_KIND_PART || child == JP_KIND_AREA;
    case JP_KIND_PART:
      return child == JP_KIND_PART || child == JP_KIND_OBJECTIVE || child == JP_KIND_ITEM;
    case JP_KIND_AREA:
      return child == JP_KIND_OBJECTIVE;
    case JP_KIND_CHAPTER:
      return child == JP_KIND_SECTION || child == JP_KIND_ITEM;
    case JP_KIND_SECTION:
      return child == JP_KIND_OBJECTIVE || child == JP_KIND_ITEM ||
             child == JP_KIND_PROJECT || child == JP_KIND_GROUP;
    case JP_KIND_OBJECTIVE:
    case JP_KIND_PROJECT:
    case JP_KIND_ITEM:
      return child == JP_KIND_ITEM;
    case JP_KIND_GROUP:
      return child == JP_KIND_GROUP;
    case JP_KIND_CONTACTS:
      return child == JP_KIND_TEAM;
    case JP_KIND_TEAM:
      return child == JP_KIND_SUBJECT;
    case JP_KIND_SUBJECT:
      return child == JP_KIND_CONTACT;
    default:
      return FALSE;
    }
}

#define T(f) (1u << JP_TEXT_##f)
static const guint expected_texts[JP_N_KINDS] = {
  [JP_KIND_PLAN] = T (TITLE) | T (REFERENCE),
  [JP_KIND_PROGRAMME] = T (TITLE) | T (BODY),
  [JP_KIND_PART] = T (TITLE) | T (AMBITION) | T (LEGITIMATION) | T (BODY) | T (NOTE),
  [JP_KIND_AREA] = T (TITLE) | T (AMBITION) | T (LEGITIMATION) | T (BODY) | T (NOTE),
  [JP_KIND_CHAPTER] = T (TITLE) | T (BODY) | T (NOTE),
  [JP_KIND_SECTION] = T (TITLE) | T (BODY) | T (NOTE),
  [JP_KIND_OBJECTIVE] = T (BODY) | T (NOTE),
  [JP_KIND_PROJECT] = T (BODY) | T (NOTE) | T (PROGRESS),
  [JP_KIND_ITEM] = T (BODY) | T (NOTE),
  [JP_KIND_GROUP] = T (TITLE) | T (NOTE),
  [JP_KIND_CONTACTS] = 0,
  [JP_KIND_TEAM] = T (TITLE),
  [JP_KIND_SUBJECT] = T (TITLE),
  [JP_KIND_CONTACT] = T (NOTE),
};
#undef T

/* The snapshot's order of siblings, as the schema wants them. */
static const guint expected_rank[JP_N_KINDS] = {
  [JP_KIND_PLAN] = 9, [JP_KIND_PROGRAMME] = 0, [JP_KIND_OBJECTIVE] = 1, [JP_KIND_ITEM] = 2,
  [JP_KIND_SECTION] = 3, [JP_KIND_PROJECT] = 3, [JP_KIND_GROUP] = 4, [JP_KIND_PART] = 5,
  [JP_KIND_AREA] = 5, [JP_KIND_CHAPTER] = 6, [JP_KIND_CONTACTS] = 7, [JP_KIND_TEAM] = 8,
  [JP_KIND_SUBJECT] = 8, [JP_KIND_CONTACT] = 8,
};

static void
test_names (void)
{
  JpKind kind;

  for (guint k = 0; k < JP_N_KINDS; k++)
    {
      g_assert_cmpstr (jp_kind_to_string (k), ==, names[k]);
      g_assert_cmpstr (jp_kind_get_element (k), ==, names[k]);
      g_assert_true (jp_kind_from_string (names[k], &kind));
      g_assert_cmpint (kind, ==, k);
    }
  g_assert_false (jp_kind_from_string ("milestone", &kind));
  g_assert_false (jp_kind_from_string ("", &kind));
  g_assert_false (jp_kind_from_string (NULL, &kind));
}

static void
test_children (void)
{
  for (guint p = 0; p < JP_N_KINDS; p++)
    for (guint c = 0; c < JP_N_KINDS; c++)
      {
        if (expected_child (p, c) != jp_kind_allows_child (p, c))
          g_error ("%s under %s: expected %d", names[c], names[p], expected_child (p, c));
      }
  g_assert_false (jp_kind_allows_child (JP_N_KINDS, JP_KIND_ITEM));
  g_assert_false (jp_kind_allows_child (JP_KIND_PLAN, JP_N_KINDS));
}

static void
test_texts (void)
{
  for (guint k = 0; k < JP_N_KINDS; k++)
    for (guint t = 0; t < JP_N_TEXTS; t++)
      g_assert_cmpint (jp_kind_allows_text (k, t), ==, (expected_texts[k] & (1u << t)) != 0);
  g_assert_false (jp_kind_allows_text (JP_KIND_SECTION, JP_N_TEXTS));
}

static void
test_fields_and_flags (void)
{
  static const JpKind numbered[] = { JP_KIND_AREA, JP_KIND_CHAPTER, JP_KIND_SECTION };
  static const JpKind scopes[] = { JP_KIND_PLAN, JP_KIND_CHAPTER, JP_KIND_SECTION, JP_KIND_CONTACTS };
  guint mask = 0;

  for (guint i = 0; i < G_N_ELEMENTS (numbered); i++)
    mask |= JP_KIND_MASK (numbered[i]);
  for (guint k = 0; k < JP_N_KINDS; k++)
    {
      g_assert_cmpint (jp_kind_has_flag (k, JP_KIND_FLAG_NUMBERED), ==, (mask & JP_KIND_MASK (k)) != 0);
      /* A numbered kind holds a number, a coded one a code. */
      if (jp_kind_has_flag (k, JP_KIND_FLAG_NUMBERED))
        g_assert_true (jp_kind_allows_field (k, JP_FIELD_NUMBER));
      g_assert_cmpint (jp_kind_has_flag (k, JP_KIND_FLAG_CODED), ==, jp_kind_allows_field (k, JP_FIELD_CODE));
      g_assert_cmpint (jp_kind_has_flag (k, JP_KIND_FLAG_PHASED), ==, k == JP_KIND_PROJECT);
      g_assert_cmpint (jp_kind_has_flag (k, JP_KIND_FLAG_SINGLE), ==, k == JP_KIND_CONTACTS);
      g_assert_cmpuint (jp_kind_get_info (k)->file_rank, ==, expected_rank[k]);
      /* The sidebar shows kinds that may be there (an area's sections
       * are linked to it, not under it). */
      if (k != JP_KIND_AREA)
        g_assert_cmpuint (jp_kind_get_info (k)->sidebar_children & ~jp_kind_get_info (k)->children, ==, 0);
    }
  mask = 0;
  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    mask |= JP_KIND_MASK (scopes[i]);
  for (guint k = 0; k < JP_N_KINDS; k++)
    {
      g_assert_cmpint (jp_kind_has_flag (k, JP_KIND_FLAG_SCOPE), ==, (mask & JP_KIND_MASK (k)) != 0);
      /* Chapters and sections carry the record of what was sent. */
      g_assert_cmpint (jp_kind_has_flag (k, JP_KIND_FLAG_RECORDED), ==,
                       k == JP_KIND_CHAPTER || k == JP_KIND_SECTION);
    }
  g_assert_true (jp_kind_allows_field (JP_KIND_CHAPTER, JP_FIELD_TEAM));
  g_assert_true (jp_kind_allows_field (JP_KIND_CONTACT, JP_FIELD_VALID_UNTIL));
  g_assert_false (jp_kind_allows_field (JP_KIND_ITEM, JP_FIELD_NUMBER));
}

/* The generated GTypes: one value per kind, phase and status, named as
 * in the file. */
static void
test_enum_types (void)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (JP_TYPE_KIND);
  g_autoptr(GEnumClass) statuses = g_type_class_ref (JP_TYPE_STATUS);
  g_autoptr(GEnumClass) phases = g_type_class_ref (JP_TYPE_PHASE);
  g_autoptr(GEnumClass) texts = g_type_class_ref (JP_TYPE_TEXT_FIELD);
  g_autoptr(GEnumClass) langs = g_type_class_ref (JP_TYPE_LANG);

  g_assert_cmpuint (kinds->n_values, ==, JP_N_KINDS);
  for (guint k = 0; k < JP_N_KINDS; k++)
    g_assert_cmpstr (g_enum_get_value (kinds, k)->value_nick, ==, names[k]);
  g_assert_cmpuint (statuses->n_values, ==, JP_STATUS_DROPPED + 1);
  for (guint s = JP_STATUS_PLANNED; s <= JP_STATUS_DROPPED; s++)
    g_assert_cmpstr (g_enum_get_value (statuses, s)->value_nick, ==, jp_status_to_string (s));
  g_assert_cmpuint (phases->n_values, ==, JP_PHASE_NEW + 1);
  for (guint p = JP_PHASE_ONGOING; p <= JP_PHASE_NEW; p++)
    g_assert_cmpstr (g_enum_get_value (phases, p)->value_nick, ==, jp_phase_to_string (p));
  g_assert_cmpuint (texts->n_values, ==, JP_N_TEXTS);
  g_assert_cmpuint (langs->n_values, ==, JP_N_LANGS);
  g_assert_cmpstr (g_enum_get_value (langs, JP_LANG_FR)->value_nick, ==, jp_lang_to_string (JP_LANG_FR));
  g_assert_true (G_TYPE_IS_ENUM (JP_TYPE_FIELD));
}

/* The item's kind, phase and status are enum properties, and the
 * database takes an item of every kind where the table allows it. */
static void
test_item_properties (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "plan.db", NULL);
  g_autoptr(JpDatabase) db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr(GTypeClass) item_class = g_type_class_ref (JP_TYPE_ITEM);
  JpItem *of_kind[JP_N_KINDS] = { NULL };
  GParamSpec *pspec;
  gboolean added = TRUE;

  g_assert_no_error (error);
  pspec = g_object_class_find_property (G_OBJECT_CLASS (item_class), "kind");
  g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
  g_assert_cmpint (pspec->value_type, ==, JP_TYPE_KIND);
  pspec = g_object_class_find_property (G_OBJECT_CLASS (item_class), "status");
  g_assert_cmpint (pspec->value_type, ==, JP_TYPE_STATUS);
  pspec = g_object_class_find_property (G_OBJECT_CLASS (item_class), "phase");
  g_assert_cmpint (pspec->value_type, ==, JP_TYPE_PHASE);

  of_kind[JP_KIND_PLAN] = jp_database_get_root (db);
  while (added)
    {
      added = FALSE;
      for (guint c = 0; c < JP_N_KINDS; c++)
        for (guint p = 0; p < JP_N_KINDS && of_kind[c] == NULL; p++)
          if (of_kind[p] && jp_kind_allows_child (p, c))
            {
              of_kind[c] = jp_database_add_item (db, of_kind[p], c, NULL, &error);
              g_assert_no_error (error);
              added = TRUE;
            }
    }
  for (guint k = 0; k < JP_N_KINDS; k++)
    {
      JpKind kind;
      JpPhase phase;
      JpStatus status;

      g_assert_nonnull (of_kind[k]);
      g_object_get (of_kind[k], "kind", &kind, "phase", &phase, "status", &status, NULL);
      g_assert_cmpint (kind, ==, k);
      g_assert_cmpint (phase, ==, k == JP_KIND_PROJECT ? JP_PHASE_NEW : JP_PHASE_NONE);
      g_assert_cmpint (status, ==, k == JP_KIND_PROJECT ? JP_STATUS_PLANNED : JP_STATUS_NONE);
    }
  for (guint k = 0; k < JP_N_KINDS; k++)
    g_clear_object (&of_kind[k]);
  g_clear_object (&db);
  jp_test_remove_dir (dir);
}

/* What the reader finds wrong with <element id="x1" …/> of @kind, or NULL. */
static char *
explain (JpKind       kind,
         const char  *id,
         const char  *number,
         gboolean     phased)
{
  xmlNodePtr node = xmlNewNode (NULL, BAD_CAST jp_kind_get_element (kind));
  char *why;

  if (id)
    xmlNewProp (node, BAD_CAST "id", BAD_CAST id);
  if (number)
    xmlNewProp (node, BAD_CAST "number", BAD_CAST number);
  if (phased)
    {
      xmlNewProp (node, BAD_CAST "phase", BAD_CAST "new");
      xmlNewProp (node, BAD_CAST "status", BAD_CAST "planned");
    }
  if (kind == JP_KIND_CONTACT)
    xmlNewProp (node, BAD_CAST "person", BAD_CAST "A. Person");
  why = _jp_xml_explain_item (node, kind);
  xmlFreeNode (node);
  return why;
}

/* The reader's and the database's rules follow the flags of the table,
 * kind by kind: a numbered kind needs a number, a phased one a phase and
 * a status, a single one no id; only a phased item takes a phase, a
 * single one is not removed, only a numbered one is found by number. */
static void
test_flag_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jaarplan-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "plan.db", NULL);
  g_autoptr(JpDatabase) db = jp_database_open (path, JP_DATABASE_OPEN_DEFAULT, &error);
  JpItem *of_kind[JP_N_KINDS] = { NULL };
  gboolean added = TRUE;

  g_assert_no_error (error);
  for (guint k = 0; k < JP_N_KINDS; k++)
    {
      gboolean numbered = jp_kind_has_flag (k, JP_KIND_FLAG_NUMBERED);
      gboolean phased = jp_kind_has_flag (k, JP_KIND_FLAG_PHASED);
      g_autofree char *complete = NULL, *no_number = NULL, *no_phase = NULL, *no_id = NULL;

      if (k == JP_KIND_PLAN)
        continue;
      complete = explain (k, "x1", numbered ? "1" : NULL, phased);
      g_assert_null (complete);
      no_number = explain (k, "x1", NULL, phased);
      g_assert_cmpint (no_number != NULL && strstr (no_number, "has no number") != NULL, ==, numbered);
      no_phase = explain (k, "x1", numbered ? "1" : NULL, FALSE);
      g_assert_cmpint (no_phase != NULL && strstr (no_phase, "the phase of") != NULL, ==, phased);
      no_id = explain (k, NULL, numbered ? "1" : NULL, phased);
      g_assert_cmpint (no_id != NULL && strstr (no_id, "has no id") != NULL, ==,
                       !jp_kind_has_flag (k, JP_KIND_FLAG_SINGLE));
    }

  of_kind[JP_KIND_PLAN] = jp_database_get_root (db);
  while (added)
    {
      added = FALSE;
      for (guint c = 0; c < JP_N_KINDS; c++)
        for (guint p = 0; p < JP_N_KINDS && of_kind[c] == NULL; p++)
          if (of_kind[p] && jp_kind_allows_child (p, c))
            {
              /* The bare plan has its single items already. */
              if (jp_kind_has_flag (c, JP_KIND_FLAG_SINGLE))
                of_kind[c] = jp_database_find_child (db, of_kind[p], c);
              if (of_kind[c] == NULL)
                of_kind[c] = jp_database_add_item (db, of_kind[p], c, NULL, &error);
              g_assert_no_error (error);
              added = TRUE;
            }
    }
  for (guint k = 0; k < JP_N_KINDS; k++)
    {
      gboolean phased = jp_kind_has_flag (k, JP_KIND_FLAG_PHASED);
      gboolean ok;

      g_assert_nonnull (of_kind[k]);
      ok = jp_database_set_phase (db, of_kind[k], JP_PHASE_ONGOING, phased ? NULL : &error);
      g_assert_cmpint (ok, ==, phased);
      g_assert_true (phased || g_error_matches (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID));
      g_clear_error (&error);
      ok = jp_database_set_status (db, of_kind[k], JP_STATUS_DONE, phased ? NULL : &error);
      g_assert_cmpint (ok, ==, phased);
      g_clear_error (&error);
      if (phased)
        g_assert_cmpint (jp_item_get_phase (of_kind[k]), ==, JP_PHASE_ONGOING);
      else
        g_assert_cmpint (jp_item_get_phase (of_kind[k]), ==, JP_PHASE_NONE);
      if (jp_kind_has_flag (k, JP_KIND_FLAG_NUMBERED))
        {
          g_autoptr(JpItem) found = NULL;

          g_assert_true (jp_database_set_field (db, of_kind[k], JP_FIELD_NUMBER, "1", &error));
          g_assert_no_error (error);
          found = jp_database_find_numbered (db, k, "1");
          g_assert_true (found == of_kind[k]);
        }
    }
  /* Removals last: a removed item's descendants go with it. */
  for (guint k = 0; k < JP_N_KINDS; k++)
    if (k != JP_KIND_PLAN && jp_kind_has_flag (k, JP_KIND_FLAG_SINGLE))
      {
        g_assert_false (jp_database_remove_item (db, of_kind[k], &error));
        g_assert_error (error, JP_DATABASE_ERROR, JP_DATABASE_ERROR_INVALID);
        g_clear_error (&error);
      }
  for (guint k = 0; k < JP_N_KINDS; k++)
    g_clear_object (&of_kind[k]);
  g_clear_object (&db);
  jp_test_remove_dir (dir);
}

/* The exchange format's schema has an element for every kind. */
static void
test_relax_ng (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rng = NULL;

  g_assert_true (g_file_get_contents (g_getenv ("JAARPLAN_SCHEMA"), &rng, NULL, &error));
  g_assert_no_error (error);
  for (guint k = 0; k < JP_N_KINDS; k++)
    {
      g_autofree char *element = g_strdup_printf ("<element name=\"%s\">", jp_kind_get_element (k));
      g_assert_nonnull (strstr (rng, element));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kinds/names", test_names);
  g_test_add_func ("/kinds/children", test_children);
  g_test_add_func ("/kinds/texts", test_texts);
  g_test_add_func ("/kinds/fields-and-flags", test_fields_and_flags);
  g_test_add_func ("/kinds/enum-types", test_enum_types);
  g_test_add_func ("/kinds/item-properties", test_item_properties);
  g_test_add_func ("/kinds/flag-rules", test_flag_rules);
  g_test_add_func ("/kinds/relax-ng", test_relax_ng);
  return g_test_run ();
}
