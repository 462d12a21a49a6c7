/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-types"

#include "config.h"

#include <string.h>

#include "model/jp-types.h"

static const char * const phase_names[] = { "", "ongoing", "new" };
static const char * const status_names[] = {
  "", "planned", "in-progress", "done", "postponed", "dropped",
};
static const char * const text_names[JP_N_TEXTS] = {
  "title", "text", "note", "ambition", "legitimation", "reference",
  "progress",
};
static const char * const field_names[JP_N_FIELDS] = {
  "number", "code", "person", "email", "phone", "valid_from", "valid_until",
  "team", "progress_date",
};
static const char * const lang_names[JP_N_LANGS] = { "nl", "fr" };

#define K(k) JP_KIND_MASK (JP_KIND_##k)
#define T(t) JP_TEXT_MASK (JP_TEXT_##t)
#define F(f) JP_FIELD_MASK (JP_FIELD_##f)
#define AREA_TEXTS (T (TITLE) | T (AMBITION) | T (LEGITIMATION) | T (BODY) | T (NOTE))

/* The kinds, one row each: see JpKindInfo and the tree in jp-types.h. */
static const JpKindInfo kinds[JP_N_KINDS] = {
  [JP_KIND_PLAN] = {
    .name = "plan", .children = K (PROGRAMME) | K (CHAPTER) | K (CONTACTS),
    .texts = T (TITLE) | T (REFERENCE), .fields = F (NUMBER), /* the year */
    .flags = JP_KIND_FLAG_SCOPE, .file_rank = 9,
  },
  [JP_KIND_PROGRAMME] = {
    .name = "programme", .children = K (PART) | K (AREA),
    .texts = T (TITLE) | T (BODY), .file_rank = 0,
  },
  [JP_KIND_PART] = {
    .name = "part", .children = K (PART) | K (OBJECTIVE) | K (ITEM),
    .texts = AREA_TEXTS, .fields = F (NUMBER), .file_rank = 5,
  },
  [JP_KIND_AREA] = {
    /* The sidebar shows the sections linked to an area, not its children. */
    .name = "area", .children = K (OBJECTIVE),
    .texts = AREA_TEXTS, .fields = F (NUMBER),
    .flags = JP_KIND_FLAG_NUMBERED, .file_rank = 5, .sidebar_children = K (SECTION),
  },
  [JP_KIND_CHAPTER] = {
    .name = "chapter", .children = K (SECTION) | K (ITEM),
    .texts = T (TITLE) | T (BODY) | T (NOTE), .fields = F (NUMBER) | F (TEAM),
    .flags = JP_KIND_FLAG_NUMBERED | JP_KIND_FLAG_SCOPE | JP_KIND_FLAG_RECORDED, .file_rank = 6,
    .sidebar_children = K (SECTION),
  },
  [JP_KIND_SECTION] = {
    .name = "section", .children = K (OBJECTIVE) | K (ITEM) | K (PROJECT) | K (GROUP),
    .texts = T (TITLE) | T (BODY) | T (NOTE), .fields = F (NUMBER),
    .flags = JP_KIND_FLAG_NUMBERED | JP_KIND_FLAG_SCOPE | JP_KIND_FLAG_RECORDED, .file_rank = 3,
    .sidebar_children = K (PROJECT) | K (GROUP),
  },
  [JP_KIND_OBJECTIVE] = {
    .name = "objective", .children = K (ITEM),
    .texts = T (BODY) | T (NOTE), .file_rank = 1,
  },
  [JP_KIND_PROJECT] = {
    .name = "project", .children = K (ITEM),
    .texts = T (BODY) | T (NOTE) | T (PROGRESS), .fields = F (PROGRESS_DATE),
    .flags = JP_KIND_FLAG_PHASED, .file_rank = 3,
  },
  [JP_KIND_ITEM] = {
    .name = "item", .children = K (ITEM),
    .texts = T (BODY) | T (NOTE), .file_rank = 2,
  },
  [JP_KIND_GROUP] = {
    .name = "group", .children = K (GROUP),
    .texts = T (TITLE) | T (NOTE), .fields = F (CODE),
    .flags = JP_KIND_FLAG_CODED, .file_rank = 4, .sidebar_children = K (GROUP),
  },
  [JP_KIND_CONTACTS] = {
    .name = "contacts", .children = K (TEAM),
    .flags = JP_KIND_FLAG_SINGLE | JP_KIND_FLAG_SCOPE, .file_rank = 7,
  },
  [JP_KIND_TEAM] = {
    .name = "team", .children = K (SUBJECT), .texts = T (TITLE), .file_rank = 8,
  },
  [JP_KIND_SUBJECT] = {
    .name = "subject", .children = K (CONTACT), .texts = T (TITLE), .file_rank = 8,
  },
  [JP_KIND_CONTACT] = {
    .name = "contact", .texts = T (NOTE),
    .fields = F (PERSON) | F (EMAIL) | F (PHONE) | F (VALID_FROM) | F (VALID_UNTIL),
    .file_rank = 8,
  },
};

#undef K
#undef T
#undef F
#undef AREA_TEXTS

static gboolean
lookup (const char * const *names,
        guint               n_names,
        const char         *str,
        guint              *index)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    if (strcmp (names[i], str) == 0)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

#define DEFINE_ENUM_STRINGS(Name, name, Type, table)                    \
  const char *                                                          \
  jp_##name##_to_string (Type value)                                    \
  {                                                                     \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);  \
    return table[value];                                                \
  }                                                                     \
  gboolean                                                              \
  jp_##name##_from_string (const char *str, Type *value)                \
  {                                                                     \
    guint i;                                                            \
    if (!lookup (table, G_N_ELEMENTS (table), str, &i))                 \
      return FALSE;                                                     \
    *value = (Type) i;                                                  \
    return TRUE;                                                        \
  }

DEFINE_ENUM_STRINGS (Phase, phase, JpPhase, phase_names)
DEFINE_ENUM_STRINGS (Status, status, JpStatus, status_names)
DEFINE_ENUM_STRINGS (TextField, text_field, JpTextField, text_names)
DEFINE_ENUM_STRINGS (Lang, lang, JpLang, lang_names)

const char *
jp_field_to_string (JpField field)
{
  g_return_val_if_fail ((guint) field < JP_N_FIELDS, NULL);
  return field_names[field];
}

const JpKindInfo *
jp_kind_get_info (JpKind kind)
{
  static const JpKindInfo none = { .name = "" };

  g_return_val_if_fail ((guint) kind < JP_N_KINDS, &none);
  return &kinds[kind];
}

gboolean
jp_kind_has_flag (JpKind      kind,
                  JpKindFlags flag)
{
  return (guint) kind < JP_N_KINDS && (kinds[kind].flags & flag) != 0;
}

const char *
jp_kind_to_string (JpKind kind)
{
  g_return_val_if_fail ((guint) kind < JP_N_KINDS, NULL);
  return kinds[kind].name;
}

gboolean
jp_kind_from_string (const char *str,
                     JpKind     *kind)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < JP_N_KINDS; i++)
    if (strcmp (kinds[i].name, str) == 0)
      {
        *kind = (JpKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
jp_kind_get_element (JpKind kind)
{
  g_return_val_if_fail ((guint) kind < JP_N_KINDS, NULL);
  return kinds[kind].element ? kinds[kind].element : kinds[kind].name;
}

gboolean
jp_kind_allows_child (JpKind parent,
                      JpKind child)
{
  return (guint) parent < JP_N_KINDS && (guint) child < JP_N_KINDS &&
         (kinds[parent].children & JP_KIND_MASK (child)) != 0;
}

gboolean
jp_kind_allows_text (JpKind      kind,
                     JpTextField field)
{
  return (guint) kind < JP_N_KINDS && (guint) field < JP_N_TEXTS &&
         (kinds[kind].texts & JP_TEXT_MASK (field)) != 0;
}

gboolean
jp_kind_allows_field (JpKind  kind,
                      JpField field)
{
  return (guint) kind < JP_N_KINDS && (guint) field < JP_N_FIELDS &&
         (kinds[kind].fields & JP_FIELD_MASK (field)) != 0;
}
