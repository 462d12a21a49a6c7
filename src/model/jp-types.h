/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Every node of the plan is an item of one of these kinds.  The tree:
 *
 *   plan
 *   ├── programme (Gemeenschappelijk Werkprogramma)
 *   │   ├── part (its chapters; parts nest) ── objective, item
 *   │   └── area (the seven policy areas) ── objective ── item …
 *   ├── chapter (jaarplan chapters) ── item
 *   │   └── section ── objective, item, project ── item …, group ── group …
 *   └── contacts ── team ── subject ── contact
 */
typedef enum {
  JP_KIND_PLAN,
  JP_KIND_PROGRAMME,
  JP_KIND_PART,
  JP_KIND_AREA,
  JP_KIND_CHAPTER,
  JP_KIND_SECTION,
  JP_KIND_OBJECTIVE,
  JP_KIND_PROJECT,
  JP_KIND_ITEM,
  JP_KIND_GROUP,
  JP_KIND_CONTACTS,
  JP_KIND_TEAM,
  JP_KIND_SUBJECT,
  JP_KIND_CONTACT,
  JP_N_KINDS /*< skip >*/
} JpKind;

#define JP_KIND_MASK(k) (1u << (k))
#define JP_KIND_MASK_ALL ((1u << JP_N_KINDS) - 1)

typedef enum {
  JP_PHASE_NONE,
  JP_PHASE_ONGOING,
  JP_PHASE_NEW,
} JpPhase;

typedef enum {
  JP_STATUS_NONE,
  JP_STATUS_PLANNED,
  JP_STATUS_IN_PROGRESS,
  JP_STATUS_DONE,
  JP_STATUS_POSTPONED,
  JP_STATUS_DROPPED,
} JpStatus;

/* The bilingual texts an item can hold. */
typedef enum {
  JP_TEXT_TITLE,
  JP_TEXT_BODY,
  JP_TEXT_NOTE,
  JP_TEXT_AMBITION,
  JP_TEXT_LEGITIMATION,
  JP_TEXT_REFERENCE,
  JP_TEXT_PROGRESS,      /* a project's progress through the year */
  JP_N_TEXTS /*< skip >*/
} JpTextField;

/* The language-neutral values an item can hold. */
typedef enum {
  JP_FIELD_NUMBER,
  JP_FIELD_CODE,
  JP_FIELD_PERSON,
  JP_FIELD_EMAIL,
  JP_FIELD_PHONE,
  JP_FIELD_VALID_FROM,   /* ISO 8601 date, YYYY-MM-DD */
  JP_FIELD_VALID_UNTIL,
  JP_FIELD_TEAM,         /* a chapter's owning team: the team's uid */
  JP_FIELD_PROGRESS_DATE, /* when a project's progress or status last changed, YYYY-MM-DD */
  JP_N_FIELDS /*< skip >*/
} JpField;

/* What one step of undo did, as the store notes it for the step.  The
 * values are kept in the database: only add at the end. */
typedef enum {
  JP_CHANGE_NONE,     /* not noted (a step older than the notes) */
  JP_CHANGE_TEXT,     /* a text: the detail is field × JP_N_LANGS + language */
  JP_CHANGE_FIELD,    /* a value: the detail is the JpField */
  JP_CHANGE_PHASE,
  JP_CHANGE_STATUS,
  JP_CHANGE_ADD,      /* the detail is the item's JpKind */
  JP_CHANGE_REMOVE,   /* the detail is the item's JpKind */
  JP_CHANGE_MOVE,
  JP_CHANGE_LINK,     /* the policy areas a section serves */
  JP_CHANGE_IMPORT,   /* the label is the file's name */
  JP_CHANGE_NEW_PLAN, /* a year made from the last; the label is the year */
  JP_CHANGE_CLOSE_YEAR, /* the detail is 1 closed, 0 reopened; the label is the year */
} JpChangeKind;

#define JP_TEXT_MASK(t) (1u << (t))
#define JP_FIELD_MASK(f) (1u << (f))

typedef enum {
  JP_LANG_NL,
  JP_LANG_FR,
  JP_N_LANGS /*< skip >*/
} JpLang;

const char *jp_kind_to_string      (JpKind       kind);
gboolean    jp_kind_from_string    (const char  *str,
                                    JpKind      *kind);
const char *jp_phase_to_string     (JpPhase      phase);
gboolean    jp_phase_from_string   (const char  *str,
                                    JpPhase     *phase);
const char *jp_status_to_string    (JpStatus     status);
gboolean    jp_status_from_string  (const char  *str,
                                    JpStatus    *status);
const char *jp_text_field_to_string (JpTextField field);
gboolean    jp_text_field_from_string (const char *str,
                                    JpTextField *field);
const char *jp_field_to_string     (JpField      field);
const char *jp_lang_to_string      (JpLang       lang);
gboolean    jp_lang_from_string    (const char  *str,
                                    JpLang      *lang);

/* What a kind of item is and may hold: one row per kind in jp-types.c,
 * read by everything that treats kinds differently.  The schema's CHECK
 * on item.kind and data/jaarplan.rng say the same and must follow it. */
typedef enum {
  JP_KIND_FLAG_NUMBERED = 1 << 0,  /* needs a number, e.g. "5.7"; found by it */
  JP_KIND_FLAG_CODED    = 1 << 1,  /* may have a code, e.g. "SEC-7" */
  JP_KIND_FLAG_PHASED   = 1 << 2,  /* has a phase and a status */
  JP_KIND_FLAG_SINGLE   = 1 << 3,  /* one under its parent, with a fixed uid and
                                    * no id in the file (the contacts) */
  JP_KIND_FLAG_SCOPE    = 1 << 4,  /* can be sent and read on its own as a file */
  JP_KIND_FLAG_RECORDED = 1 << 5,  /* a scope whose sending is recorded: its file
                                    * carries <sent> and is merged on the way
                                    * back (not the plan, not the contacts) */
} JpKindFlags;

typedef struct {
  const char  *name;             /* in the file format and the database */
  const char  *element;          /* its XML element, when not @name */
  guint        children;         /* JP_KIND_MASK of the kinds allowed under it */
  guint        texts;            /* JP_TEXT_MASK of the texts it may hold */
  guint        fields;           /* JP_FIELD_MASK of the values it may hold */
  JpKindFlags  flags;
  guint        file_rank;        /* the order of siblings in the file: lower first */
  guint        sidebar_children; /* JP_KIND_MASK of the kinds the sidebar shows
                                  * under it */
} JpKindInfo;

const JpKindInfo *jp_kind_get_info       (JpKind       kind);
gboolean          jp_kind_has_flag       (JpKind       kind,
                                          JpKindFlags  flag);
const char       *jp_kind_get_element    (JpKind       kind);

/* May an item of kind @child live directly under one of kind @parent? */
gboolean    jp_kind_allows_child   (JpKind       parent,
                                    JpKind       child);

/* May an item of kind @kind hold a text @field (as the exchange format
 * allows)? */
gboolean    jp_kind_allows_text    (JpKind       kind,
                                    JpTextField  field);
gboolean    jp_kind_allows_field   (JpKind       kind,
                                    JpField      field);

G_END_DECLS

/* Their GTypes (JP_TYPE_KIND, JP_TYPE_PHASE, …), generated by glib-mkenums;
 * what each kind is and holds: model/jp-kinds.h. */
#include "model/jp-enums.h"
