/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/jp-item.h"
#include "model/jp-store.h"

G_BEGIN_DECLS

#define JP_DATABASE_ERROR (jp_database_error_quark ())

typedef enum {
  JP_DATABASE_ERROR_OPEN,       /* cannot open or create the file */
  JP_DATABASE_ERROR_NEWER,      /* made by a newer version: refused */
  JP_DATABASE_ERROR_CORRUPT,    /* not a database, or damaged */
  JP_DATABASE_ERROR_BUSY,       /* locked by another program */
  JP_DATABASE_ERROR_FULL,       /* the disk is full */
  JP_DATABASE_ERROR_READONLY,   /* the file cannot be written */
  JP_DATABASE_ERROR_CONFLICT,   /* changed elsewhere since it was read */
  JP_DATABASE_ERROR_NOT_FOUND,  /* the item no longer exists */
  JP_DATABASE_ERROR_INVALID,    /* a value or a move that is not allowed */
  JP_DATABASE_ERROR_CLOSED,     /* the item's year is closed: read only */
  JP_DATABASE_ERROR_FAILED,
} JpDatabaseError;

/* The newest schema this version reads and writes (PRAGMA user_version). */
#define JP_DATABASE_SCHEMA_VERSION 10

typedef enum {
  JP_DATABASE_OPEN_DEFAULT = 0,
  /* A trial run: the file, which must exist, is read into memory and
   * never written; migrations and changes stay in the copy and are gone
   * when it closes.  Only the synchronous import and export calls use
   * the copy (the asynchronous ones read the file). */
  JP_DATABASE_OPEN_COPY    = 1 << 0,
  /* A file the last program did not close cleanly is checked in full
   * (PRAGMA quick_check) before it is used.  Without this flag the check
   * runs in jp_database_open(); with it, on a connection of its own in a
   * worker thread while the plan is read, and writes are held back until
   * it has passed (see jp_database_get_integrity()). */
  JP_DATABASE_OPEN_CHECK_LATER = 1 << 1,
} JpDatabaseOpenFlags;

typedef enum {
  JP_DATABASE_INTEGRITY_OK,       /* closed cleanly last time, or checked */
  JP_DATABASE_INTEGRITY_CHECKING, /* being checked: read only until it passes */
  JP_DATABASE_INTEGRITY_DAMAGED,  /* the check failed: read only, never written */
} JpDatabaseIntegrity;

#define JP_TYPE_DATABASE (jp_database_get_type ())
G_DECLARE_FINAL_TYPE (JpDatabase, jp_database, JP, DATABASE, GObject)

GQuark       jp_database_error_quark   (void);

/* $XDG_DATA_HOME/jaarplan/jaarplan.db */
char        *jp_database_default_path  (void);

/* Opens (or creates, mode 0600, holding a bare plan) the database at
 * @path; ":memory:" opens a private in-memory one.  A file of an unknown
 * or newer format, or whose tables, indexes and triggers are not those of
 * its format, is refused before anything is written to it; so is a
 * damaged one, when the last program that had it open did not close it
 * cleanly (see JP_DATABASE_OPEN_CHECK_LATER). */
JpDatabase  *jp_database_open          (const char          *path,
                                        JpDatabaseOpenFlags  flags,
                                        GError             **error);
const char  *jp_database_get_path      (JpDatabase          *self);
/* Whether the plan may be changed (the property "integrity", notified
 * when a check opened with JP_DATABASE_OPEN_CHECK_LATER ends).  While it
 * is not OK every change fails: JP_DATABASE_ERROR_BUSY while checking,
 * JP_DATABASE_ERROR_CORRUPT once the file was found damaged. */
JpDatabaseIntegrity jp_database_get_integrity (JpDatabase       *self);
/* TRUE when opening made the plan: the file held none and now holds a
 * bare one.  The application and the command line then fill it with the
 * bundled plan (jp_xml_import_bundled()). */
gboolean     jp_database_is_new        (JpDatabase          *self);

/* The language labels are shown in; it does not change what is stored. */
JpLang       jp_database_get_language  (JpDatabase          *self);
void         jp_database_set_language  (JpDatabase          *self,
                                        JpLang               lang);

/* Lookups hand out the one shared JpItem of a row (a new reference). */
JpItem      *jp_database_get_root      (JpDatabase          *self);
JpItem      *jp_database_lookup        (JpDatabase          *self,
                                        gint64               id);
JpItem      *jp_database_lookup_uid    (JpDatabase          *self,
                                        const char          *uid);
/* The first child of @parent of @kind, or NULL (e.g. the programme). */
JpItem      *jp_database_find_child    (JpDatabase          *self,
                                        JpItem              *parent,
                                        JpKind               kind);
JpItem      *jp_database_get_parent    (JpDatabase          *self,
                                        JpItem              *item);
/* The item of a numbered @kind (JP_KIND_FLAG_NUMBERED: an area, a chapter,
 * a section) numbered @number ("5", "5.7"), or NULL. */
JpItem      *jp_database_find_numbered (JpDatabase          *self,
                                        JpKind               kind,
                                        const char          *number);

/* Live lists (new references).  @kinds is a mask of JP_KIND_MASK()s. */
GListModel  *jp_database_get_children  (JpDatabase          *self,
                                        JpItem              *parent,
                                        guint                kinds);
/* The sections that serve a policy area; with @area NULL, the sections
 * that serve none. */
GListModel  *jp_database_get_area_sections (JpDatabase      *self,
                                        JpItem              *area);
/* The policy areas a section serves. */
GListModel  *jp_database_get_section_areas (JpDatabase      *self,
                                        JpItem              *section);
/* Whether jp_database_get_children() or jp_database_get_area_sections()
 * would hold anything, without reading the list. */
gboolean     jp_database_has_children  (JpDatabase          *self,
                                        JpItem              *parent,
                                        guint                kinds);
gboolean     jp_database_has_area_sections (JpDatabase      *self,
                                        JpItem              *area);
/* Number of descendants of @item of each kind in @kinds. */
guint        jp_database_count_descendants (JpDatabase      *self,
                                        JpItem              *item,
                                        guint                kinds);
/* The descendants of each of @ids by kind, in one query (see
 * jp_store_count_kinds()). */
guint       *jp_database_count_kinds   (JpDatabase          *self,
                                        const gint64        *ids,
                                        guint                n_ids);
/* How many items were read from the file since it was opened (an item
 * held by anybody is read once), for the tests and the benchmarks. */
guint64      jp_database_get_n_item_reads (JpDatabase      *self);
/* How many lists it has read (a query each). */
guint64      jp_database_get_n_list_reads (JpDatabase      *self);
/* How many times it has counted what is under items (a query each). */
guint64      jp_database_get_n_count_reads (JpDatabase     *self);

/* Edits.  Each is one transaction and one step of undo; each checks the
 * item's revision and fails with JP_DATABASE_ERROR_CONFLICT when another
 * program changed the item since it was read. */
JpItem      *jp_database_add_item      (JpDatabase          *self,
                                        JpItem              *parent,
                                        JpKind               kind,
                                        JpItem              *before,
                                        GError             **error);
/* Adds with its first values in the same step: a project's @phase
 * (JP_PHASE_NONE: new) and @status (JP_STATUS_NONE: planned when new,
 * in progress when ongoing).  Other kinds take neither. */
JpItem      *jp_database_add_item_full (JpDatabase          *self,
                                        JpItem              *parent,
                                        JpKind               kind,
                                        JpItem              *before,
                                        JpPhase              phase,
                                        JpStatus             status,
                                        GError             **error);
gboolean     jp_database_remove_item   (JpDatabase          *self,
                                        JpItem              *item,
                                        GError             **error);
/* Moves @item under @parent, before @before (NULL: at the end). */
gboolean     jp_database_move_item     (JpDatabase          *self,
                                        JpItem              *item,
                                        JpItem              *parent,
                                        JpItem              *before,
                                        GError             **error);
/* Consecutive changes of the same text merge into one undo step. */
gboolean     jp_database_set_text      (JpDatabase          *self,
                                        JpItem              *item,
                                        JpTextField          field,
                                        JpLang               lang,
                                        const char          *value,
                                        GError             **error);
gboolean     jp_database_set_field     (JpDatabase          *self,
                                        JpItem              *item,
                                        JpField              field,
                                        const char          *value,
                                        GError             **error);
gboolean     jp_database_set_status    (JpDatabase          *self,
                                        JpItem              *item,
                                        JpStatus             status,
                                        GError             **error);
gboolean     jp_database_set_phase     (JpDatabase          *self,
                                        JpItem              *item,
                                        JpPhase              phase,
                                        GError             **error);
gboolean     jp_database_set_section_area (JpDatabase       *self,
                                        JpItem              *section,
                                        JpItem              *area,
                                        gboolean             linked,
                                        GError             **error);

/* Undo and redo survive a restart: they are kept in the database. */
gboolean     jp_database_can_undo      (JpDatabase          *self);
gboolean     jp_database_can_redo      (JpDatabase          *self);
gboolean     jp_database_undo          (JpDatabase          *self,
                                        GError             **error);
gboolean     jp_database_redo          (JpDatabase          *self,
                                        GError             **error);

/* Re-reads every live item and list (after another program changed the
 * file).  Emits ::reloaded. */
void         jp_database_reload        (JpDatabase          *self);

/* Full-text search over every text (both languages), code, person,
 * e-mail and phone; a query whose words have three characters or more
 * also finds them inside the words of titles, codes and contacts.
 * Returns the ids (gint64) of the matching items.  With no @limit (0),
 * all, best first; with one, the first @limit found, unranked: codes and
 * contacts, then the texts, then the words that hold the query, so that
 * a word found everywhere stays quick. */
GArray      *jp_database_search        (JpDatabase          *self,
                                        const char          *query,
                                        guint                limit,
                                        GError             **error);

/* The years.  A database holds a plan per year (the root's number is
 * its year).  One year is open: the root, the numbered lookups, the
 * search, the exports and imports are the open year's; the latest year
 * unless another was opened. */
GArray      *jp_database_list_years    (JpDatabase          *self);
guint        jp_database_get_year      (JpDatabase          *self);
/* Fails with JP_DATABASE_ERROR_NOT_FOUND for a year the file lacks. */
gboolean     jp_database_set_year      (JpDatabase          *self,
                                        guint                year,
                                        GError             **error);

/* What making a new year from the latest does to its projects. */
typedef struct {
  guint from_year;
  guint year;
  guint carried;            /* projects carried over, postponed ones too */
  guint carried_postponed;  /* of them, postponed ones that start anew */
  guint left_done;          /* done and dropped ones stay in from_year */
  guint left_dropped;
} JpNewPlanSummary;

/* The plan of @year from the latest one: its whole tree, with new uids
 * (the old one with the year) and a link to what each item continues
 * (jp_database_get_continued()); projects neither done nor dropped go on
 * as ongoing (in progress), postponed ones as new (planned), done and
 * dropped ones stay behind.  One transaction, one step of undo; the
 * latest year is unchanged and the open year stays open.  Refused
 * (JP_DATABASE_ERROR_INVALID) for a year that exists or is not after
 * the latest.  jp_database_plan_new_year() fills @summary without
 * writing. */
gboolean     jp_database_plan_new_year (JpDatabase          *self,
                                        guint                year,
                                        JpNewPlanSummary    *summary,
                                        GError             **error);
gboolean     jp_database_new_plan      (JpDatabase          *self,
                                        guint                year,
                                        JpNewPlanSummary    *summary,
                                        GError             **error);
/* The id of the item of the year before that @item continues, or 0. */
gint64       jp_database_get_continued (JpDatabase          *self,
                                        JpItem              *item);
/* What @summary carries over and leaves behind, in words ("carried over
 * 112 projects (5 postponed, now new), left 7 done and 2 dropped in
 * 2013"), as the command line and the window say it. */
char        *jp_new_plan_summary_describe (const JpNewPlanSummary *summary);

/* A closed year is read only: every edit of its items and every import
 * into it fails with JP_DATABASE_ERROR_CLOSED; exports, prints and new
 * plans made from it go on.  Closing and reopening are one step of undo
 * each (JP_CHANGE_CLOSE_YEAR).  Setting the state a year has already
 * does nothing; a year the file lacks is JP_DATABASE_ERROR_NOT_FOUND. */
gboolean     jp_database_get_year_closed (JpDatabase        *self,
                                        guint                year);
gboolean     jp_database_set_year_closed (JpDatabase        *self,
                                        guint                year,
                                        gboolean             closed,
                                        GError             **error);

G_END_DECLS
