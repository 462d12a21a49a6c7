/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/jp-records.h"
#include "model/jp-snapshot.h"
#include "model/store/jp-connection.h"
#include "model/exchange/jp-xml.h"

G_BEGIN_DECLS

/* One line of a file's record of what was sent (<sent><fingerprint>). */
typedef struct {
  char       *uid;          /* ref= */
  char       *parent;       /* parent=, NULL for the chapter or section itself */
  char       *fp;           /* value= */
} JpXmlSent;

typedef struct {
  const char *name;         /* for messages */
  GArray     *records;      /* JpRecord */
  GHashTable *uids;         /* uid → index */
  JpScope     scope;
  char       *year;
  char       *author;       /* author=, who exported the file; NULL without */
  GError     *error;
  /* The record of what was sent, when the file has a <sent> element
   * (first under the root of a chapter or section file): its export=
   * and origin= attributes, and its <fingerprint> children in order. */
  char       *sent_export;
  char       *sent_origin;
  char      **sent_since;   /* since=, split at whitespace; NULL without */
  GArray     *sent;         /* JpXmlSent, NULL without <sent> */
  int         sent_line;
} JpXmlReader;

void        _jp_xml_sent_clear    (gpointer      sent);

void        _jp_xml_record_clear  (gpointer      record);
void        _jp_xml_reader_init   (JpXmlReader  *reader,
                                   const char   *name);
void        _jp_xml_reader_clear  (JpXmlReader  *reader);
/* A plan file to read, bounded by JP_XML_MAX_SIZE.  An ordinary file
 * is read as the parser asks for it, never held whole; anything else (a
 * pipe, a device, a stream, bytes) is held whole. */
typedef struct _JpXmlFile JpXmlFile;

JpXmlFile  *_jp_xml_file_open     (GFile        *file,
                                   GCancellable *cancellable,
                                   char        **name,
                                   GError      **error);
JpXmlFile  *_jp_xml_file_new_for_bytes (GBytes *bytes);
void        _jp_xml_file_free     (JpXmlFile    *self);
/* The whole file, or NULL when it is read as the parser asks. */
GBytes     *_jp_xml_file_get_bytes (JpXmlFile   *self);
/* The file's beginning, enough of it for the checks made before
 * parsing to find in it what they would in the whole file, and the
 * whole file's size. */
const char *_jp_xml_file_get_head (JpXmlFile    *self,
                                   gsize        *head_size,
                                   gsize        *size);
/* libxml2's read callback (xmlInputReadCallback) for a file that is
 * not held whole. */
int         _jp_xml_file_read     (void         *self,
                                   char         *buffer,
                                   int           len);
/* Why the parser could not read on, if it could not; with @read_all,
 * also whether it read the file the first pass read, to its end. */
gboolean    _jp_xml_file_done     (JpXmlFile    *self,
                                   gboolean      read_all,
                                   GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpXmlFile, _jp_xml_file_free)

/* Parses, validates and reads @file into @reader's records. */
gboolean    _jp_xml_read          (JpXmlReader  *reader,
                                   JpXmlFile    *file,
                                   GError      **error);
/* Applies what @reader read to the store on @connection, in one
 * transaction (one step of undo with @log_undo); see jp_xml_import_full().
 * Cancelled through @cancellable before it commits, it changes nothing. */
gboolean    _jp_xml_apply         (JpConnection   *connection,
                                   JpXmlReader    *reader,
                                   JpImportFlags   flags,
                                   GHashTable     *choices,
                                   gboolean        log_undo,
                                   GCancellable   *cancellable,
                                   JpImportReport **report,
                                   GError        **error);
/* What @records (merged, parents first) make of the scope @existing
 * holds, as a snapshot: an item the database has keeps its id. */
JpSnapshot *_jp_xml_records_snapshot (GArray      *records,
                                      JpSnapshot  *existing);
/* Takes the differences of the items @choices leaves out
 * (JP_CHOICE_LEAVE_OUT) back out of @reader's records, against the
 * scope as @existing holds it. */
void        _jp_xml_leave_out     (JpXmlReader  *reader,
                                   JpSnapshot   *existing,
                                   GHashTable   *choices);
/* The same for the fingerprints of the file kept after the import
 * (JpXmlSent): a difference left out is kept as this database has it. */
void        _jp_xml_leave_out_fingerprints (GArray     *fps,
                                            JpSnapshot *existing,
                                            GHashTable *choices);
gboolean    _jp_xml_fail_at       (JpXmlReader  *reader,
                                   GError      **error,
                                   int           code,
                                   int           line,
                                   const char   *format,
                                   ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
