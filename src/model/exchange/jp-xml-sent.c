/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/store/jp-connection-exchange.h"
#include "model/exchange/jp-xml-merge.h"

/* A chapter or section export records what it sent: an export id, the
 * sending database's identity (origin) and, per item in file order, its
 * uid, its parent's uid and a fingerprint of its content.  When a file
 * carrying a record of this database comes back, every item is compared
 * three ways (the file, the database, the base) so that a change made
 * here since is never silently reverted.
 *
 * The base is what was sent, or a version that came back with the record
 * since (both are kept).  A database that passes another one's record on
 * names the versions its content derives from (since=: what it received,
 * what it sent back before); the newest of them known here is the base.
 * A file that names none while several are possible (this database's own
 * export, written again after a return) is compared with all of them: an
 * item on which they differ counts as changed on both sides.
 *
 * The fingerprint covers what the item says and where it hangs: kind,
 * parent uid (not for the chapter or section itself), phase, status,
 * every value, every text in each language and a section's areas.  It
 * leaves out the position: adding or removing an item renumbers all its
 * later siblings, which would turn every addition on one side into a
 * change of its neighbours and so into false conflicts.  The order of
 * siblings is merged on its own, per parent, against the order in which
 * they were sent (the order of the record). */

void
_jp_xml_sent_clear (gpointer data)
{
  JpXmlSent *s = data;

  g_free (s->uid);
  g_free (s->parent);
  g_free (s->fp);
}

void
_jp_import_conflict_free (gpointer data)
{
  JpImportConflict *c = data;

  g_free (c->uid);
  g_free (c->label);
  g_free (c->theirs);
  g_free (c->mine);
  g_free (c);
}

static GArray *
sent_array_new (void)
{
  GArray *a = g_array_new (FALSE, TRUE, sizeof (JpXmlSent));

  g_array_set_clear_func (a, _jp_xml_sent_clear);
  return a;
}

static void
sent_append (GArray     *a,
             const char *uid,
             const char *parent,
             const char *fp)
{
  JpXmlSent s = { g_strdup (uid), g_strdup (parent), g_strdup (fp) };

  g_array_append_val (a, s);
}

/* ---------------------------------------------------------------- fingerprints */

static void
feed (GChecksum  *sum,
      const char *name,
      const char *value)
{
  char head[64];
  gsize length;
  int n;

  if (value == NULL || *value == '\0')
    return;
  length = strlen (value);
  n = g_snprintf (head, sizeof head, "%s=%" G_GSIZE_FORMAT ":", name, length);
  g_checksum_update (sum, (const guchar *) head, n);
  g_checksum_update (sum, (const guchar *) value, length);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The areas, sorted, without duplicates, as one string. */
char *
_jp_exchange_areas_string (char * const *areas,
                           guint         n_areas)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_areas; i++)
    if (areas[i] && *areas[i])
      g_ptr_array_add (sorted, areas[i]);
  g_ptr_array_sort (sorted, compare_strings);
  for (guint i = 0; i < sorted->len; i++)
    if (i == 0 || strcmp (sorted->pdata[i], sorted->pdata[i - 1]) != 0)
      g_string_append_printf (s, "%s%s", s->len ? " " : "", (char *) sorted->pdata[i]);
  return g_string_free (s, FALSE);
}

/* Exports write a phased item (a project) without phase or status as new
 * and planned: the fingerprint sees what the file says. */
JpPhase
_jp_exchange_view_phase (const JpExchangeView *v)
{
  return jp_kind_has_flag (v->kind, JP_KIND_FLAG_PHASED) && v->phase == JP_PHASE_NONE ? JP_PHASE_NEW : v->phase;
}

JpStatus
_jp_exchange_view_status (const JpExchangeView *v)
{
  return jp_kind_has_flag (v->kind, JP_KIND_FLAG_PHASED) && v->status == JP_STATUS_NONE ? JP_STATUS_PLANNED
                                                                                          : v->status;
}

void
_jp_exchange_view_fingerprint (const JpExchangeView *v,
                               char                  fp[JP_FINGERPRINT_LEN + 1])
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *areas = _jp_exchange_areas_string (v->areas, v->n_areas);
  JpPhase phase = _jp_exchange_view_phase (v);
  JpStatus status = _jp_exchange_view_status (v);

  feed (sum, "kind", jp_kind_to_string (v->kind));
  feed (sum, "parent", v->parent);
  feed (sum, "phase", phase ? jp_phase_to_string (phase) : NULL);
  feed (sum, "status", status ? jp_status_to_string (status) : NULL);
  for (guint f = 0; f < JP_N_FIELDS; f++)
    feed (sum, jp_field_to_string (f), v->fields[f]);
  for (guint t = 0; t < JP_N_TEXTS; t++)
    for (guint l = 0; l < JP_N_LANGS; l++)
      {
        char name[64];

        g_snprintf (name, sizeof name, "%s.%s", jp_text_field_to_string (t), jp_lang_to_string (l));
        feed (sum, name, v->texts[t][l]);
      }
  feed (sum, "areas", areas);
  memcpy (fp, g_checksum_get_string (sum), JP_FINGERPRINT_LEN);
  fp[JP_FINGERPRINT_LEN] = '\0';
}

void
_jp_fingerprint (char           fp[JP_FINGERPRINT_LEN + 1],
                 JpKind         kind,
                 const char    *parent_uid,
                 JpPhase        phase,
                 JpStatus       status,
                 char * const  *fields,
                 char * const (*texts)[JP_N_LANGS],
                 char * const  *areas,
                 guint          n_areas)
{
  JpExchangeView v = { kind, parent_uid, phase, status, fields, texts, areas, n_areas };

  _jp_exchange_view_fingerprint (&v, fp);
}

JpExchangeView
_jp_exchange_record_view (JpXmlReader *reader,
                          guint        index)
{
  JpRecord *r = &g_array_index (reader->records, JpRecord, index);
  JpExchangeView v = { r->kind, NULL, r->phase, r->status, r->fields, r->texts, r->areas, 0 };

  if (r->parent >= 0)
    v.parent = g_array_index (reader->records, JpRecord, r->parent).uid;
  v.n_areas = r->areas ? g_strv_length (r->areas) : 0;
  return v;
}

JpExchangeView
_jp_exchange_existing_view (JpSnapshotItem *e,
                            const char     *parent_uid)
{
  JpExchangeView v = { e->data.kind, parent_uid, e->data.phase, e->data.status, e->data.fields, e->data.texts,
             e->areas ? (char * const *) e->areas->pdata : NULL, e->areas ? e->areas->len : 0 };
  return v;
}

gboolean
_jp_exchange_kind_has_record (JpKind kind)
{
  return jp_kind_has_flag (kind, JP_KIND_FLAG_RECORDED);
}

GArray *
_jp_exchange_file_fingerprints (JpXmlReader *reader)
{
  GArray *fps = sent_array_new ();

  for (guint i = 0; i < reader->records->len; i++)
    {
      JpExchangeView v = _jp_exchange_record_view (reader, i);
      char fp[JP_FINGERPRINT_LEN + 1];

      _jp_exchange_view_fingerprint (&v, fp);
      sent_append (fps, g_array_index (reader->records, JpRecord, i).uid, v.parent, fp);
    }
  return fps;
}

/* ---------------------------------------------------------------- records */

/* A record's items as stored: one line each, uid, parent and
 * fingerprint separated by tabs (ids hold neither). */
static char *
sent_to_text (GArray *items)
{
  GString *s = g_string_sized_new (items->len * 80);

  for (guint i = 0; i < items->len; i++)
    {
      JpXmlSent *x = &g_array_index (items, JpXmlSent, i);
      g_string_append_printf (s, "%s\t%s\t%s\n", x->uid, x->parent ? x->parent : "", x->fp);
    }
  return g_string_free (s, FALSE);
}

GArray *
_jp_exchange_sent_from_text (const char *text)
{
  GArray *items = sent_array_new ();

  while (text && *text)
    {
      const char *tab1 = strchr (text, '\t');
      const char *tab2 = tab1 ? strchr (tab1 + 1, '\t') : NULL;
      const char *end = tab2 ? strchr (tab2 + 1, '\n') : NULL;
      JpXmlSent s;

      if (end == NULL)
        break;
      s.uid = g_strndup (text, tab1 - text);
      s.parent = tab2 > tab1 + 1 ? g_strndup (tab1 + 1, tab2 - tab1 - 1) : NULL;
      s.fp = g_strndup (tab2 + 1, end - tab2 - 1);
      g_array_append_val (items, s);
      text = end + 1;
    }
  return items;
}

/* The export id: a hash of who sends what, so that the same database in
 * the same state always writes the same file. */
static char *
export_id_for (const char *origin,
               const char *scope_uid,
               GArray     *items)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  feed (sum, "origin", origin);
  feed (sum, "scope", scope_uid);
  for (guint i = 0; i < items->len; i++)
    {
      JpXmlSent *s = &g_array_index (items, JpXmlSent, i);

      feed (sum, "uid", s->uid);
      feed (sum, "parent", s->parent);
      feed (sum, "fp", s->fp);
    }
  return g_strndup (g_checksum_get_string (sum), JP_FINGERPRINT_LEN);
}

static GArray *
sent_copy (GArray *items)
{
  GArray *copy = sent_array_new ();

  for (guint i = 0; i < items->len; i++)
    {
      JpXmlSent *s = &g_array_index (items, JpXmlSent, i);
      sent_append (copy, s->uid, s->parent, s->fp);
    }
  return copy;
}

void
_jp_exchange_record_clear (JpExchangeRecord *record)
{
  g_clear_pointer (&record->export_id, g_free);
  g_clear_pointer (&record->origin, g_free);
  g_clear_pointer (&record->items, g_array_unref);
  g_clear_pointer (&record->since, g_free);
  g_clear_pointer (&record->state, g_free);
}

/* A version of a scope's content, as a hash of its items' lines. */
char *
_jp_exchange_state_hash (const char *items_text)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *) items_text, strlen (items_text));
  return g_strndup (g_checksum_get_string (sum), JP_FINGERPRINT_LEN);
}

/* @since without @state, or NULL when nothing is left. */
static char *
since_without (const char *since,
               const char *state)
{
  g_auto(GStrv) old = g_strsplit (since ? since : "", " ", -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; old[i]; i++)
    if (*old[i] && strcmp (old[i], state) != 0)
      g_string_append_printf (s, "%s%s", s->len ? " " : "", old[i]);
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

gboolean
_jp_exchange_record_for_export (JpConnection      *connection,
                                const char        *scope_uid,
                                GArray            *fresh,
                                JpExchangeRecord  *record,
                                GError           **error)
{
  g_autofree char *self = _jp_connection_exchange_origin (connection);
  g_autofree char *last_export = NULL;
  g_autofree char *last_origin = NULL;
  g_autofree char *last_since = NULL;
  g_autofree char *now = sent_to_text (fresh);

  if (self == NULL)
    {
      g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_WRITE,
                   _("The plan database has no identity to record what it sends."));
      return FALSE;
    }
  record->state = _jp_exchange_state_hash (now);

  /* The scope came in with a record.  Another database's is passed on as
   * it is, so that its sender can check what comes back, with the
   * versions this content derives from (all but the one sent now: the
   * same state always writes the same bytes).  This database's own is
   * written again as long as the content is a version it knows. */
  if (_jp_connection_exchange_scope_record (connection, scope_uid, &last_export, &last_origin, &last_since))
    {
      record->relayed = strcmp (last_origin, self) != 0;
      if (record->relayed || _jp_connection_exchange_is_base (connection, last_export, now))
        {
          g_autofree char *text = _jp_connection_exchange_sent_items (connection, last_export);

          record->items = _jp_exchange_sent_from_text (text);
          record->export_id = g_steal_pointer (&last_export);
          record->origin = g_steal_pointer (&last_origin);
          if (record->relayed)
            record->since = since_without (last_since, record->state);
          return TRUE;
        }
    }

  record->relayed = FALSE;
  record->export_id = export_id_for (self, scope_uid, fresh);
  record->origin = g_steal_pointer (&self);
  record->items = sent_copy (fresh);
  return TRUE;
}

gboolean
_jp_exchange_store_export (JpConnection      *connection,
                           const char        *scope_uid,
                           JpExchangeRecord  *record,
                           GError           **error)
{
  g_autofree char *text = sent_to_text (record->items);

  return _jp_connection_exchange_store_export (connection, scope_uid, record->export_id, record->origin, text,
                                               record->relayed ? record->state : NULL, error);
}

gboolean
_jp_exchange_store_import (JpConnection *connection,
                           JpXmlReader  *reader,
                           const char   *scope_uid,
                           GArray       *file_fps,
                           GError      **error)
{
  g_autofree char *items = NULL;
  g_autofree char *came_back = NULL;
  g_autofree char *state = NULL;

  if (reader->sent == NULL)
    return TRUE;
  items = sent_to_text (reader->sent);
  came_back = sent_to_text (file_fps);
  state = _jp_exchange_state_hash (came_back);
  return _jp_connection_exchange_store_import (connection, scope_uid, reader->sent_export, reader->sent_origin,
                                               items, came_back, state, error);
}

