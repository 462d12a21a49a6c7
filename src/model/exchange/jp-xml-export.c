/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-xml"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlwriter.h>

#include "model/exchange/jp-xml-check.h"
#include "model/jp-file.h"
#include "model/jp-model-private.h"
#include "model/jp-snapshot.h"
#include "model/store/jp-connection-apply.h"
#include "model/store/jp-connection-exchange.h"
#include "model/store/jp-history.h"
#include "model/exchange/jp-xml.h"
#include "model/exchange/jp-xml-merge.h"

/* The order of text elements inside an element. */
static const JpTextField text_order[] = {
  JP_TEXT_TITLE, JP_TEXT_REFERENCE, JP_TEXT_AMBITION, JP_TEXT_LEGITIMATION,
  JP_TEXT_BODY, JP_TEXT_NOTE, JP_TEXT_PROGRESS,
};

G_DEFINE_QUARK (jp-xml-error-quark, jp_xml_error)

static int
write_attr (xmlTextWriterPtr  w,
            const char       *name,
            const char       *value)
{
  if (value == NULL || *value == '\0')
    return 0;
  return xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST value);
}

static int
write_texts (xmlTextWriterPtr      w,
             const JpSnapshotItem *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_order); i++)
    for (guint l = 0; l < JP_N_LANGS; l++)
      {
        const char *value = row->data.texts[text_order[i]][l];

        if (value == NULL)
          continue;
        if (xmlTextWriterStartElement (w, BAD_CAST jp_text_field_to_string (text_order[i])) < 0 ||
            xmlTextWriterWriteAttribute (w, BAD_CAST "xml:lang", BAD_CAST jp_lang_to_string (l)) < 0 ||
            xmlTextWriterWriteString (w, BAD_CAST value) < 0 ||
            xmlTextWriterEndElement (w) < 0)
          return -1;
      }
  return 0;
}

static int
write_row (xmlTextWriterPtr      w,
           const JpSnapshotItem *row)
{
  const JpItemData *d = &row->data;
  int rc = 0;

  /* The plan is the root, written by the caller. */
  if (d->kind != JP_KIND_PLAN &&
      xmlTextWriterStartElement (w, BAD_CAST jp_kind_get_element (d->kind)) < 0)
    return -1;

  /* A single item (the contacts) has a fixed uid, not an id. */
  if (d->kind != JP_KIND_PLAN && !jp_kind_has_flag (d->kind, JP_KIND_FLAG_SINGLE))
    rc |= write_attr (w, "id", d->uid);

  /* The plan's one field, its year, is the root's attribute. */
  for (JpField f = 0; d->kind != JP_KIND_PLAN && f < JP_N_FIELDS; f++)
    if (jp_kind_allows_field (d->kind, f))
      {
        const char *value = d->fields[f];

        /* The schema needs a contact's person. */
        if (value == NULL && f == JP_FIELD_PERSON)
          value = "?";
        rc |= write_attr (w, _jp_xml_field_attribute (f), value);
      }
  /* Only a section serves policy areas. */
  if (d->kind == JP_KIND_SECTION && row->areas)
    {
      g_autoptr(GString) areas = g_string_new (NULL);

      for (guint i = 0; i < row->areas->len; i++)
        g_string_append_printf (areas, "%s%s", i ? " " : "", (char *) row->areas->pdata[i]);
      rc |= write_attr (w, "areas", areas->str);
    }
  if (jp_kind_has_flag (d->kind, JP_KIND_FLAG_PHASED))
    {
      rc |= write_attr (w, "phase", jp_phase_to_string (d->phase ? d->phase : JP_PHASE_NEW));
      rc |= write_attr (w, "status", jp_status_to_string (d->status ? d->status : JP_STATUS_PLANNED));
    }
  if (rc < 0 || write_texts (w, row) < 0)
    return -1;

  for (guint i = 0; i < row->children->len; i++)
    if (write_row (w, row->children->pdata[i]) < 0)
      return -1;

  if (d->kind != JP_KIND_PLAN && xmlTextWriterEndElement (w) < 0)
    return -1;
  return 0;
}

/* Does anything under @row hold progress, which only format 2 carries? */
static gboolean
has_progress (const JpSnapshotItem *row)
{
  if (row->data.fields[JP_FIELD_PROGRESS_DATE] != NULL)
    return TRUE;
  for (guint l = 0; l < JP_N_LANGS; l++)
    if (row->data.texts[JP_TEXT_PROGRESS][l] != NULL)
      return TRUE;
  for (guint i = 0; i < row->children->len; i++)
    if (has_progress (row->children->pdata[i]))
      return TRUE;
  return FALSE;
}

/* What is sent, in file order: uid, parent uid and fingerprint. */
static void
collect_sent (const JpSnapshotItem *row,
              const char           *parent_uid,
              GArray               *sent)
{
  JpXmlSent s = { 0, };
  char fp[JP_FINGERPRINT_LEN + 1];

  _jp_fingerprint (fp, row->data.kind, parent_uid, row->data.phase, row->data.status, row->data.fields,
                   row->data.texts, row->areas ? (char * const *) row->areas->pdata : NULL,
                   row->areas ? row->areas->len : 0);
  s.uid = g_strdup (row->data.uid);
  s.parent = g_strdup (parent_uid);
  s.fp = g_strdup (fp);
  g_array_append_val (sent, s);
  for (guint i = 0; i < row->children->len; i++)
    collect_sent (row->children->pdata[i], row->data.uid, sent);
}

static int
write_sent (xmlTextWriterPtr        w,
            const JpExchangeRecord *record)
{
  GArray *items = record->items;

  if (xmlTextWriterStartElement (w, BAD_CAST "sent") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "export", BAD_CAST record->export_id) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "origin", BAD_CAST record->origin) < 0 ||
      write_attr (w, "since", record->since) < 0)
    return -1;
  for (guint i = 0; i < items->len; i++)
    {
      JpXmlSent *s = &g_array_index (items, JpXmlSent, i);

      if (xmlTextWriterStartElement (w, BAD_CAST "fingerprint") < 0 ||
          xmlTextWriterWriteAttribute (w, BAD_CAST "ref", BAD_CAST s->uid) < 0 ||
          write_attr (w, "parent", s->parent) < 0 ||
          xmlTextWriterWriteAttribute (w, BAD_CAST "value", BAD_CAST s->fp) < 0 ||
          xmlTextWriterEndElement (w) < 0)
        return -1;
    }
  return xmlTextWriterEndElement (w);
}

/* The file's scope for a subtree under @kind, or NULL. */
static const char *
scope_name (JpKind kind)
{
  return jp_kind_has_flag (kind, JP_KIND_FLAG_SCOPE) ? jp_kind_to_string (kind) : NULL;
}

/* Exports the subtree under @root_id, read on @connection. */
/* The document: the root element's header, the record of what is sent
 * (or none), then @root and everything under it. */
static GBytes *
write_document (const JpSnapshotItem    *root,
                const char              *scope,
                const char              *year,
                const char              *author,
                const JpExchangeRecord  *record,
                GError                 **error)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr w = xmlNewTextWriterMemory (buffer, 0);
  /* The lowest format that holds what the file carries, so that older
   * versions read what they can. */
  const char *version = author && *author ? G_STRINGIFY (JP_XML_VERSION) :
                        has_progress (root) ? G_STRINGIFY (JP_XML_VERSION_PROGRESS) :
                        G_STRINGIFY (JP_XML_VERSION_PLAIN);
  GBytes *bytes = NULL;

  if (w == NULL ||
      xmlTextWriterSetIndent (w, 1) < 0 ||
      xmlTextWriterSetIndentString (w, BAD_CAST "  ") < 0 ||
      xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL) < 0 ||
      xmlTextWriterStartElementNS (w, NULL, BAD_CAST "plan", BAD_CAST JP_XML_NAMESPACE) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "version", BAD_CAST version) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "scope", BAD_CAST scope) < 0 ||
      write_attr (w, "year", year) < 0 ||
      write_attr (w, "author", author && *author ? author : NULL) < 0 ||
      (record && write_sent (w, record) < 0) ||
      write_row (w, root) < 0 ||
      xmlTextWriterEndDocument (w) < 0)
    g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_WRITE, _("The plan could not be written as XML."));
  else
    {
      gsize length;

      xmlFreeTextWriter (w);
      w = NULL;
      /* The buffer's memory becomes the bytes', without a copy (libxml2
       * allocates with malloc, as GLib does). */
      length = xmlBufferLength (buffer);
      bytes = g_bytes_new_take (xmlBufferDetach (buffer), length);
    }
  if (w)
    xmlFreeTextWriter (w);
  xmlBufferFree (buffer);
  return bytes;
}

static GBytes *
export_on_connection (JpConnection *connection,
                      gint64       root_id,
                      JpKind       kind,
                      const char  *label,
                      gboolean    *sent_before,
                      GError     **error)
{
  g_autoptr(JpSnapshot) snap = NULL;
  g_autofree char *year = NULL;
  JpExchangeRecord record = { 0, };
  gboolean sent = FALSE;
  const char *scope;
  GBytes *bytes = NULL;
  JpSnapshotItem *root = NULL;
  gboolean in_txn = FALSE;

  scope = scope_name (kind);
  if (scope == NULL)
    {
      g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_WRITE,
                   _("Only the whole plan, a chapter, a section or the contacts can be exported."));
      return NULL;
    }

  /* One read transaction: a consistent snapshot even if another program
   * writes meanwhile. */
  in_txn = _jp_connection_begin_read (connection);
  year = _jp_connection_plan_year (connection);
  snap = _jp_connection_load_snapshot (connection, root_id, error);
  if (snap == NULL)
    goto out;
  root = snap->root;
  if (root == NULL)
    {
      g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_WRITE,
                   _("“%s” no longer exists."), label);
      goto out;
    }
  /* A chapter or section carries the record of what it sends; the whole
   * plan does not, so that its exports stay the same across databases. */
  if (_jp_exchange_kind_has_record (kind))
    {
      g_autoptr(GArray) fresh = g_array_new (FALSE, TRUE, sizeof (JpXmlSent));

      g_array_set_clear_func (fresh, _jp_xml_sent_clear);
      collect_sent (root, NULL, fresh);
      if (!_jp_exchange_record_for_export (connection, root->data.uid, fresh, &record, error))
        goto out;
      sent = TRUE;
    }

  /* A chapter or section that goes out names who sent it; the whole
   * plan stays the same across databases and people. */
  bytes = write_document (root, scope, year, sent ? _jp_connection_get_author (connection) : NULL,
                          sent ? &record : NULL, error);

out:
  if (in_txn)
    _jp_connection_end_read (connection);
  /* The record is kept with the bytes: the same state gives the same one
   * (and is no new version of the history). */
  if (bytes && sent && sent_before)
    {
      g_autofree char *items = _jp_connection_exchange_sent_items (connection, record.export_id);

      *sent_before = items != NULL;
    }
  if (bytes && sent && !_jp_exchange_store_export (connection, root->data.uid, &record, error))
    g_clear_pointer (&bytes, g_bytes_unref);
  _jp_exchange_record_clear (&record);
  return bytes;
}

GBytes *
jp_xml_export_bytes (JpDatabase  *db,
                     JpItem      *item,
                     GError     **error)
{
  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (JP_IS_ITEM (item), NULL);

  return export_on_connection (_jp_database_get_connection (db), jp_item_get_id (item),
                               jp_item_get_kind (item), jp_item_get_label (item), NULL, error);
}

static gboolean
write_export (GFile         *file,
              GBytes        *bytes,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!jp_file_write_atomically (file, bytes, cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_WRITE,
                   _("“%s” could not be written: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* An export of a chapter or section is a version of the history (named
 * by the file), noted as its record is; one that cannot be noted is
 * still an export.  The whole plan's leaves the database as it was. */
static void
note_export (JpConnection *connection,
             JpKind        kind,
             const char   *uid,
             GFile        *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;

  if (!_jp_exchange_kind_has_record (kind))
    return;
  if (!_jp_connection_note_version (connection, JP_VERSION_EXPORT, name, uid, &error))
    g_debug ("The export was not noted in the history: %s", error->message);
}

typedef struct {
  gint64  root_id;
  JpKind  kind;
  char   *label;
  char   *uid;
  GFile  *file;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->label);
  g_free (job->uid);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_worker (GTask        *task,
               JpConnection *connection,
               gpointer      data,
               GCancellable *cancellable)
{
  ExportJob *job = data;
  g_autoptr(GBytes) bytes = NULL;
  gboolean sent_before = FALSE;
  GError *error = NULL;

  bytes = export_on_connection (connection, job->root_id, job->kind, job->label, &sent_before, &error);
  if (bytes == NULL || !write_export (job->file, bytes, cancellable, &error))
    g_task_return_error (task, error);
  else
    {
      if (!sent_before)
        note_export (connection, job->kind, job->uid, job->file);
      g_task_return_boolean (task, TRUE);
    }
}

void
jp_xml_export_async (JpDatabase          *db,
                     JpItem              *item,
                     GFile               *file,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  ExportJob *job;

  g_return_if_fail (JP_IS_DATABASE (db));
  g_return_if_fail (JP_IS_ITEM (item));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ExportJob, 1);
  job->root_id = jp_item_get_id (item);
  job->kind = jp_item_get_kind (item);
  job->label = g_strdup (jp_item_get_label (item));
  job->uid = g_strdup (jp_item_get_uid (item));
  job->file = g_object_ref (file);
  _jp_database_run_in_worker (db, jp_xml_export_async, job, export_job_free, export_worker,
                              cancellable, callback, user_data);
}

gboolean
jp_xml_export_finish (JpDatabase    *db,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
jp_xml_export (JpDatabase    *db,
               JpItem        *item,
               GFile         *file,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gboolean sent_before = FALSE;

  g_return_val_if_fail (JP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);

  bytes = export_on_connection (_jp_database_get_connection (db), jp_item_get_id (item), jp_item_get_kind (item),
                                jp_item_get_label (item), &sent_before, error);
  if (bytes == NULL || !write_export (file, bytes, cancellable, error))
    return FALSE;
  if (!sent_before)
    note_export (_jp_database_get_connection (db), jp_item_get_kind (item), jp_item_get_uid (item), file);
  return TRUE;
}

GBytes *
jp_xml_export_plan_at (JpDatabase  *db,
                       gint64       seq,
                       GError     **error)
{
  g_autoptr(JpItem) root = NULL;
  g_autoptr(JpSnapshot) snap = NULL;
  g_autofree char *year = NULL;

  g_return_val_if_fail (JP_IS_DATABASE (db), NULL);

  root = jp_database_get_root (db);
  snap = jp_database_load_snapshot_at (db, jp_item_get_id (root), seq, error);
  if (snap == NULL)
    return NULL;
  if (snap->root == NULL)
    {
      g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_WRITE, _("The plan could not be written as XML."));
      return NULL;
    }
  year = g_strdup (snap->root->data.fields[JP_FIELD_NUMBER]);
  /* As the whole plan is always written: the same for everyone. */
  return write_document (snap->root, "plan", year, NULL, NULL, error);
}
