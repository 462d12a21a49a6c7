/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-types"

#include "config.h"

#include <string.h>

#include "model/jp-types.h"

static const char * const kind_names[JP_N_KINDS] = {
  "plan", "programme", "part", "area", "chapter", "section", "objective",
  "project", "item", "group", "contacts", "team", "subject", "contact",
};

static const char * const phase_names[] = { "", "ongoing", "new" };
static const char * const status_names[] = {
  "", "planned", "in-progress", "done", "postponed", "dropped",
};
static const char * const text_names[JP_N_TEXTS] = {
  "title", "text", "note", "ambition", "legitimation", "reference",
};
static const char * const field_names[JP_N_FIELDS] = {
  "number", "code", "person", "email", "phone", "valid_from", "valid_until",
  "team",
};
static const char * const lang_names[JP_N_LANGS] = { "nl", "fr" };

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

DEFINE_ENUM_STRINGS (Kind, kind, JpKind, kind_names)
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

gboolean
jp_kind_allows_child (JpKind parent,
                      JpKind child)
{
  switch (parent)
    {
    case JP_KIND_PLAN:
      return child == JP_KIND_PROGRAMME || child == JP_KIND_CHAPTER ||
             child == JP_KIND_CONTACTS;
    case JP_KIND_PROGRAMME:
      return child == JP_KIND_PART || child == JP_KIND_AREA;
    case JP_KIND_PART:
      return child == JP_KIND_PART || child == JP_KIND_OBJECTIVE ||
             child == JP_KIND_ITEM;
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
    case JP_KIND_CONTACT:
    case JP_N_KINDS:
    default:
      return FALSE;
    }
}

gboolean
jp_kind_allows_text (JpKind      kind,
                     JpTextField field)
{
  guint mask = 1u << field;
  guint allowed;

#define T(f) (1u << JP_TEXT_##f)
  switch (kind)
    {
    case JP_KIND_PLAN:
      allowed = T (TITLE) | T (REFERENCE);
      break;
    case JP_KIND_PROGRAMME:
      allowed = T (TITLE) | T (BODY);
      break;
    case JP_KIND_PART:
    case JP_KIND_AREA:
      allowed = T (TITLE) | T (AMBITION) | T (LEGITIMATION) | T (BODY) | T (NOTE);
      break;
    case JP_KIND_CHAPTER:
    case JP_KIND_SECTION:
      allowed = T (TITLE) | T (BODY) | T (NOTE);
      break;
    case JP_KIND_OBJECTIVE:
    case JP_KIND_PROJECT:
    case JP_KIND_ITEM:
      allowed = T (BODY) | T (NOTE);
      break;
    case JP_KIND_GROUP:
      allowed = T (TITLE) | T (NOTE);
      break;
    case JP_KIND_TEAM:
    case JP_KIND_SUBJECT:
      allowed = T (TITLE);
      break;
    case JP_KIND_CONTACT:
      allowed = T (NOTE);
      break;
    case JP_KIND_CONTACTS:
    case JP_N_KINDS:
    default:
      allowed = 0;
      break;
    }
#undef T
  return (allowed & mask) != 0;
}
