/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jp-database.h"

G_BEGIN_DECLS

#define JP_XML_NAMESPACE "urn:x-benelux:jaarplan:1"
#define JP_XML_VERSION   1
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
} JpXmlError;

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
} JpImportReport;

GQuark    jp_xml_error_quark        (void);

JpImportReport *jp_import_report_new  (void);
void      jp_import_report_free     (JpImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpImportReport, jp_import_report_free)
guint     jp_import_report_total    (const JpImportReport *report,
                                     const guint *counts);
/* "added 3, changed 5, removed 1 (4.2 …)" in the interface language. */
char     *jp_import_report_describe (const JpImportReport *report);

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

/* Imports @file in one transaction; with @dry_run, only reports what it
 * would do.  On error the database is left as it was. */
gboolean  jp_xml_import             (JpDatabase      *db,
                                     GFile           *file,
                                     gboolean         dry_run,
                                     JpImportReport **report,
                                     GCancellable    *cancellable,
                                     GError         **error);
/* The same for bytes; @name names the data in error messages. */
gboolean  jp_xml_import_bytes       (JpDatabase      *db,
                                     GBytes          *bytes,
                                     const char      *name,
                                     gboolean         dry_run,
                                     JpImportReport **report,
                                     GError         **error);

G_END_DECLS

G_BEGIN_DECLS
/* Runs jp_xml_import() in a worker thread on a connection of its own;
 * afterwards the database re-reads what changed (::reloaded). */
void      jp_xml_import_async       (JpDatabase          *db,
                                     GFile               *file,
                                     gboolean             dry_run,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean  jp_xml_import_finish      (JpDatabase          *db,
                                     GAsyncResult        *result,
                                     JpImportReport     **report,
                                     GError             **error);
G_END_DECLS
