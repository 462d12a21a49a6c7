/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/store/jp-sqlite-private.h"
#include "model/jp-snapshot.h"
#include "model/exchange/jp-xml-private.h"

G_BEGIN_DECLS

/* The exchange of chapters and sections between databases: fingerprints
 * of what was sent, the records kept of it, and the three-way merge of a
 * file that comes back. */

#define JP_FINGERPRINT_LEN 32

/* The fingerprint of an item's content, as 32 hex digits in @fp. */
void      _jp_fingerprint           (char           fp[JP_FINGERPRINT_LEN + 1],
                                     JpKind         kind,
                                     const char    *parent_uid,
                                     JpPhase        phase,
                                     JpStatus       status,
                                     char * const  *fields,
                                     char * const (*texts)[JP_N_LANGS],
                                     char * const  *areas,
                                     guint          n_areas);

/* This database's identity, drawn once; NULL before migration 3. */
char     *_jp_exchange_origin       (sqlite3       *db);

/* Does the scope (chapter or section) of @uid exchange records? */
gboolean  _jp_exchange_kind_has_record (JpKind      kind);

/* What a chapter or section export carries. */
typedef struct {
  char   *export_id;
  char   *origin;
  GArray *items;      /* JpXmlSent, as sent by the origin */
  char   *since;      /* hashes of the versions the content derives from, or NULL */
  char   *state;      /* the hash of what is sent now */
  gboolean relayed;   /* another database's record, passed on */
} JpExchangeRecord;

void      _jp_exchange_record_clear (JpExchangeRecord *record);

/* Export: given @fresh (JpXmlSent, what is sent now, in file order),
 * decides which record the file carries: the record the scope last came
 * in with, or a new one of this database. */
gboolean  _jp_exchange_record_for_export (sqlite3     *db,
                                     const char    *scope_uid,
                                     GArray        *fresh,
                                     JpExchangeRecord *record,
                                     GError       **error);
/* Keeps what _jp_exchange_record_for_export() decided. */
gboolean  _jp_exchange_store_export (sqlite3       *db,
                                     const char    *scope_uid,
                                     JpExchangeRecord *record,
                                     GError       **error);

/* Import: the fingerprints of the file's items, before any merge. */
GArray   *_jp_exchange_file_fingerprints (JpXmlReader *reader);

/* Three-way merge of the file's records with the database against the
 * base of the file's record, when this database knows it.  Replaces the
 * reader's records with the merged scope, fills the report (checked,
 * unchecked, kept, conflicts) and fails with JP_XML_ERROR_EDIT_CONFLICT
 * while a conflict has no choice in @choices. */
gboolean  _jp_exchange_merge        (sqlite3       *db,
                                     JpXmlReader   *reader,
                                     JpSnapshot    *existing,
                                     GHashTable    *choices,
                                     JpImportReport *report,
                                     GError       **error);

/* After a chapter or section import: keeps the file's record, updates
 * this database's base of it to what the file holds (@file_fps). */
gboolean  _jp_exchange_store_import (sqlite3       *db,
                                     JpXmlReader   *reader,
                                     const char    *scope_uid,
                                     GArray        *file_fps,
                                     GError       **error);

/* Makes the watch's tables and triggers on @db once; called outside a
 * transaction, so that they outlast a rolled back import. */
gboolean  _jp_exchange_watch_setup  (sqlite3       *db,
                                     GHashTable    *cache,
                                     GError       **error);

/* Counts of the items, texts and links outside the subtree under
 * @root_id, as one string: equal before and after an import that kept
 * to its scope. */
char     *_jp_exchange_outside_counts (sqlite3     *db,
                                     GHashTable    *cache,
                                     gint64         root_id,
                                     GError       **error);
/* Notes, from now on in the transaction, every item written; then says
 * whether one outside the subtree (as it was at the start and is at the
 * end) was, and stops. */
gboolean  _jp_exchange_watch_begin  (sqlite3       *db,
                                     GHashTable    *cache,
                                     gint64         root_id,
                                     GError       **error);
gboolean  _jp_exchange_watch_end    (sqlite3       *db,
                                     GHashTable    *cache,
                                     gint64         root_id,
                                     gboolean      *outside,
                                     GError       **error);

void      _jp_import_conflict_free  (gpointer       conflict);

G_END_DECLS
