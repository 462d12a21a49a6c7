/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/jp-differences.h"
#include "model/store/jp-database.h"

G_BEGIN_DECLS

#define JP_XML_NAMESPACE "urn:x-benelux:jaarplan:1"
/* The newest format this version reads and writes: 2 adds a project's
 * progress (<progress>, progress-date).  A file that holds no progress is
 * written as format 1, which earlier versions read as well. */
#define JP_XML_VERSION   2
#define JP_XML_VERSION_PLAIN 1
/* Files larger than this are refused before parsing. */
#define JP_XML_MAX_SIZE  (256 * 1024 * 1024)

#define JP_XML_ERROR (jp_xml_error_quark ())

typedef enum {
  JP_XML_ERROR_READ,        /* the file cannot be read */
  JP_XML_ERROR_MALFORMED,   /* not well-formed XML */
  JP_XML_ERROR_FORMAT,      /* not a Jaarplan file, or a newer one */
  JP_XML_ERROR_INVALID,     /* does not follow the schema */
  JP_XML_ERROR_CONFLICT,    /* ids clash, unknown scope, bad references */
  JP_XML_ERROR_WRITE,
  JP_XML_ERROR_EDIT_CONFLICT, /* changed both in the file and in the database
                               * since it was sent: the report lists them */
  JP_XML_ERROR_MASS_REMOVAL,  /* a whole plan that would remove more than half
                               * of the items: needs JP_IMPORT_FORCE */
  JP_XML_ERROR_OUTSIDE_SCOPE, /* a chapter, section or contacts file would have
                               * changed the plan outside what it holds */
} JpXmlError;

/* How to import.  JP_IMPORT_DRY_RUN is 1, so that TRUE and FALSE still
 * say dry run or not. */
typedef enum {
  JP_IMPORT_DEFAULT = 0,
  JP_IMPORT_DRY_RUN = 1 << 0,  /* report what it would do, change nothing */
  JP_IMPORT_FORCE   = 1 << 1,  /* allow a whole plan to remove more than half */
} JpImportFlags;

/* What a conflict is about: each side's change against what was sent. */
typedef enum {
  JP_CONFLICT_CHANGED,            /* changed in the file and, otherwise, in the database */
  JP_CONFLICT_ADDED,              /* added on both sides, differently */
  JP_CONFLICT_REMOVED_IN_FILE,    /* removed in the file, changed in the database */
  JP_CONFLICT_REMOVED_IN_DATABASE,/* changed in the file, removed in the database */
  JP_CONFLICT_ORDER,              /* its items put in another order on both sides */
} JpConflictKind;

/* A choice for one item of an import, in a table uid → JpImportChoice:
 * for a conflicting item, the file's version or the database's; for any
 * item that differs, JP_CHOICE_LEAVE_OUT leaves its difference out (the
 * review of an import): a changed or moved item keeps the database's
 * values and place, an added one is not added (nor what is under it), a
 * removed one stays where it was with what is under it.  On a conflict,
 * leaving the file's change out keeps the database's version, as
 * JP_CHOICE_MINE does. */
typedef enum {
  JP_CHOICE_NONE,
  JP_CHOICE_THEIRS,
  JP_CHOICE_MINE,
  JP_CHOICE_LEAVE_OUT,
} JpImportChoice;

typedef struct {
  JpConflictKind kind;
  JpKind  item_kind;
  char   *uid;        /* the key of a choice */
  char   *label;      /* number and title, or the start of its text */
  char   *theirs;     /* the file's version, in words ("removed" when gone) */
  char   *mine;       /* the database's version, in words */
  int     line;       /* in the file, 0 when it is not there */
} JpImportConflict;

typedef enum {
  JP_SCOPE_PLAN,
  JP_SCOPE_CHAPTER,
  JP_SCOPE_SECTION,
  JP_SCOPE_CONTACTS,
} JpScope;

/* What an import did (or, dry, would do), per kind of item. */
typedef struct {
  JpScope scope;
  char   *scope_uid;     /* the chapter or section replaced */
  char   *scope_label;   /* its number and title */
  guint   added[JP_N_KINDS];
  guint   changed[JP_N_KINDS];
  guint   removed[JP_N_KINDS];
  guint   n_items;       /* items in the plan before the import */
  /* The check against what was sent (chapters and sections only). */
  gboolean   checked;    /* the file's record was this database's own */
  char      *unchecked;  /* why no check was possible, in words, or NULL */
  guint      kept;       /* items changed only in the database, kept */
  GPtrArray *conflicts;  /* JpImportConflict*, in file order */
  /* A dry run's: every difference the file makes (after the merge with
   * this database's changes, before any is left out), the scope in the
   * database against what the import would write; with conflicts, those
   * of the rest, the conflicting items kept as this database has them. */
  JpDifferences *differences;
} JpImportReport;

GQuark    jp_xml_error_quark        (void);

JpImportReport *jp_import_report_new  (void);
void      jp_import_report_free     (JpImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpImportReport, jp_import_report_free)
guint     jp_import_report_total    (const JpImportReport *report,
                                     const guint *counts);
/* "added 3, changed 5, removed 1 (4.2 …)" in the interface language. */
char     *jp_import_report_describe (const JpImportReport *report);
char     *jp_import_counts_describe (guint added,
                                    guint changed,
                                    guint removed);
/* One line per conflict: the item, then the file's and the database's
 * version; NULL when there are none. */
char     *jp_import_report_describe_conflicts (const JpImportReport *report);
guint     jp_import_report_removed_total (const JpImportReport *report);
/* A table of choices for jp_xml_import_full(): uid → JpImportChoice. */
GHashTable *jp_import_choices_new   (void);
void      jp_import_choices_set     (GHashTable     *choices,
                                     const char     *uid,
                                     JpImportChoice  choice);

/* Exports @item's scope (the root: the whole plan; a chapter, a section,
 * or the contacts container) to @file, atomically, deterministically. */
gboolean  jp_xml_export             (JpDatabase   *db,
                                     JpItem       *item,
                                     GFile        *file,
                                     GCancellable *cancellable,
                                     GError      **error);
/* The same in a worker thread, on a connection of its own, so that a
 * large plan never stalls the main loop. */
void      jp_xml_export_async       (JpDatabase          *db,
                                     JpItem              *item,
                                     GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean  jp_xml_export_finish      (JpDatabase          *db,
                                     GAsyncResult        *result,
                                     GError             **error);
GBytes   *jp_xml_export_bytes       (JpDatabase   *db,
                                     JpItem       *item,
                                     GError      **error);

/* Imports @file in one transaction; with JP_IMPORT_DRY_RUN, only
 * reports what it would do.  On error the database is left as it was.
 * With JP_XML_ERROR_EDIT_CONFLICT and JP_XML_ERROR_MASS_REMOVAL (also on
 * a dry run, which fails as the import would) *report is set too: it
 * holds the conflicts, or the counts of what would be removed. */
gboolean  jp_xml_import             (JpDatabase      *db,
                                     GFile           *file,
                                     JpImportFlags    flags,
                                     JpImportReport **report,
                                     GCancellable    *cancellable,
                                     GError         **error);
/* The same for bytes; @name names the data in error messages. */
gboolean  jp_xml_import_bytes       (JpDatabase      *db,
                                     GBytes          *bytes,
                                     const char      *name,
                                     JpImportFlags    flags,
                                     JpImportReport **report,
                                     GError         **error);
/* The same with a choice per conflicting item (from the conflicts of an
 * earlier report); a conflict without a choice still refuses. */
gboolean  jp_xml_import_full        (JpDatabase      *db,
                                     GFile           *file,
                                     JpImportFlags    flags,
                                     GHashTable      *choices,
                                     JpImportReport **report,
                                     GCancellable    *cancellable,
                                     GError         **error);
gboolean  jp_xml_import_bytes_full  (JpDatabase      *db,
                                     GBytes          *bytes,
                                     const char      *name,
                                     JpImportFlags    flags,
                                     GHashTable      *choices,
                                     JpImportReport **report,
                                     GError         **error);

/* Fills @db, which opening has just made (jp_database_is_new()), with the
 * bundled plan, as a first start shows it: an import that is not a step
 * of undo. */
gboolean  jp_xml_import_bundled     (JpDatabase      *db,
                                     GError         **error);

G_END_DECLS

G_BEGIN_DECLS
/* Runs jp_xml_import() in a worker thread on a connection of its own;
 * afterwards the database re-reads what changed (::reloaded).  As with
 * jp_xml_import(), a refusal for conflicts or mass removal still gives
 * the report from jp_xml_import_finish(). */
void      jp_xml_import_async       (JpDatabase          *db,
                                     GFile               *file,
                                     JpImportFlags        flags,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
/* @choices is copied. */
void      jp_xml_import_full_async  (JpDatabase          *db,
                                     GFile               *file,
                                     JpImportFlags        flags,
                                     GHashTable          *choices,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean  jp_xml_import_finish      (JpDatabase          *db,
                                     GAsyncResult        *result,
                                     JpImportReport     **report,
                                     GError             **error);
G_END_DECLS
