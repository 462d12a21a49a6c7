/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-snapshot.h"
#include "model/store/jp-connection.h"
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

/* What the fingerprint and the conflict list see of an item. */
typedef struct {
  JpKind        kind;
  const char   *parent;
  JpPhase       phase;
  JpStatus      status;
  char * const *fields;
  char * const (*texts)[JP_N_LANGS];
  char * const *areas;
  guint         n_areas;
} JpExchangeView;

JpExchangeView _jp_exchange_record_view   (JpXmlReader      *reader,
                                           guint             index);
JpExchangeView _jp_exchange_existing_view (JpSnapshotItem   *e,
                                           const char       *parent_uid);
void      _jp_exchange_view_fingerprint   (const JpExchangeView *v,
                                           char              fp[JP_FINGERPRINT_LEN + 1]);
/* Exports write a project without phase or status as new and planned:
 * the fingerprint sees what the file says. */
JpPhase   _jp_exchange_view_phase         (const JpExchangeView *v);
JpStatus  _jp_exchange_view_status        (const JpExchangeView *v);
/* The areas, sorted, without duplicates, as one string. */
char     *_jp_exchange_areas_string       (char * const     *areas,
                                           guint             n_areas);
/* A record's items as the store keeps them (one line each: uid, parent
 * and fingerprint separated by tabs), read back. */
GArray   *_jp_exchange_sent_from_text     (const char       *text);
/* A version of a scope's content, as a hash of its items' lines. */
char     *_jp_exchange_state_hash         (const char       *items_text);

/* Does a file of @kind carry the record of what was sent
 * (JP_KIND_FLAG_RECORDED: a chapter, a section)? */
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
gboolean  _jp_exchange_record_for_export (JpConnection *connection,
                                     const char    *scope_uid,
                                     GArray        *fresh,
                                     JpExchangeRecord *record,
                                     GError       **error);
/* Keeps what _jp_exchange_record_for_export() decided. */
gboolean  _jp_exchange_store_export (JpConnection  *connection,
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
gboolean  _jp_exchange_merge        (JpConnection  *connection,
                                     JpXmlReader   *reader,
                                     JpSnapshot    *existing,
                                     GHashTable    *choices,
                                     JpImportReport *report,
                                     GError       **error);

/* After a chapter or section import: keeps the file's record, updates
 * this database's base of it to what the file holds (@file_fps). */
gboolean  _jp_exchange_store_import (JpConnection  *connection,
                                     JpXmlReader   *reader,
                                     const char    *scope_uid,
                                     GArray        *file_fps,
                                     GError       **error);

void      _jp_import_conflict_free  (gpointer       conflict);

G_END_DECLS
