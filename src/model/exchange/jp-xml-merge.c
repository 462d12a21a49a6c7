/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

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
} View;

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
static char *
areas_string (char * const *areas,
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

/* Exports write a project without phase or status as new and planned:
 * the fingerprint sees what the file says. */
static JpPhase
view_phase (const View *v)
{
  return v->kind == JP_KIND_PROJECT && v->phase == JP_PHASE_NONE ? JP_PHASE_NEW : v->phase;
}

static JpStatus
view_status (const View *v)
{
  return v->kind == JP_KIND_PROJECT && v->status == JP_STATUS_NONE ? JP_STATUS_PLANNED : v->status;
}

static void
view_fingerprint (const View *v,
                  char        fp[JP_FINGERPRINT_LEN + 1])
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *areas = areas_string (v->areas, v->n_areas);
  JpPhase phase = view_phase (v);
  JpStatus status = view_status (v);

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
  View v = { kind, parent_uid, phase, status, fields, texts, areas, n_areas };

  view_fingerprint (&v, fp);
}

static View
record_view (JpXmlReader *reader,
             guint        index)
{
  JpXmlRecord *r = &g_array_index (reader->records, JpXmlRecord, index);
  View v = { r->kind, NULL, r->phase, r->status, r->fields, r->texts, r->areas, 0 };

  if (r->parent >= 0)
    v.parent = g_array_index (reader->records, JpXmlRecord, r->parent).uid;
  v.n_areas = r->areas ? g_strv_length (r->areas) : 0;
  return v;
}

static View
existing_view (JpSnapshotItem *e,
               const char     *parent_uid)
{
  View v = { e->data.kind, parent_uid, e->data.phase, e->data.status, e->data.fields, e->data.texts,
             e->areas ? (char * const *) e->areas->pdata : NULL, e->areas ? e->areas->len : 0 };
  return v;
}

gboolean
_jp_exchange_kind_has_record (JpKind kind)
{
  return kind == JP_KIND_CHAPTER || kind == JP_KIND_SECTION;
}

GArray *
_jp_exchange_file_fingerprints (JpXmlReader *reader)
{
  GArray *fps = sent_array_new ();

  for (guint i = 0; i < reader->records->len; i++)
    {
      View v = record_view (reader, i);
      char fp[JP_FINGERPRINT_LEN + 1];

      view_fingerprint (&v, fp);
      sent_append (fps, g_array_index (reader->records, JpXmlRecord, i).uid, v.parent, fp);
    }
  return fps;
}

/* ---------------------------------------------------------------- records */

char *
_jp_exchange_origin (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *origin = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT origin FROM exchange_self WHERE id = 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    origin = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return origin;
}

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

static GArray *
sent_from_text (const char *text)
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

/* The items of a record (table exchange_record) or of a base
 * (exchange_base), as text; NULL without. */
static char *
load_items (sqlite3     *db,
            const char  *table,
            const char  *export_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT items FROM %s WHERE export = ?", table);
  sqlite3_stmt *stmt = NULL;
  char *items = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, export_id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        items = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return items;
}

/* Is @text the items of @export_id as sent, or of a version that came
 * back with it? */
static gboolean
is_base (sqlite3    *db,
         const char *export_id,
         const char *text)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM exchange_record WHERE export = ?1 AND items = ?2"
                              " UNION ALL SELECT 1 FROM exchange_base WHERE export = ?1 AND items = ?2",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, export_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
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
static char *
state_hash (const char *items_text)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *) items_text, strlen (items_text));
  return g_strndup (g_checksum_get_string (sum), JP_FINGERPRINT_LEN);
}

#define MAX_SINCE 8

/* @state, then the hashes of @since without it, at most MAX_SINCE. */
static char *
since_prepend (const char *state,
               const char *since)
{
  g_auto(GStrv) old = g_strsplit (since ? since : "", " ", -1);
  GString *s = g_string_new (state);
  guint n = 1;

  for (guint i = 0; old[i] && n < MAX_SINCE; i++)
    if (*old[i] && strcmp (old[i], state) != 0)
      {
        g_string_append_printf (s, " %s", old[i]);
        n++;
      }
  return g_string_free (s, FALSE);
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
_jp_exchange_record_for_export (sqlite3           *db,
                                const char        *scope_uid,
                                GArray            *fresh,
                                JpExchangeRecord  *record,
                                GError           **error)
{
  g_autofree char *self = _jp_exchange_origin (db);
  g_autofree char *last_export = NULL;
  g_autofree char *last_origin = NULL;
  g_autofree char *last_since = NULL;
  g_autofree char *now = sent_to_text (fresh);
  sqlite3_stmt *stmt = NULL;

  if (self == NULL)
    {
      g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_WRITE,
                   _("The plan database has no identity to record what it sends."));
      return FALSE;
    }
  record->state = state_hash (now);

  if (sqlite3_prepare_v2 (db, "SELECT r.export, r.origin, s.since FROM exchange_scope s JOIN exchange_record r"
                              " USING (export) WHERE s.scope = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, scope_uid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          last_export = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          last_origin = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          last_since = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
    }
  sqlite3_finalize (stmt);

  /* The scope came in with a record.  Another database's is passed on as
   * it is, so that its sender can check what comes back, with the
   * versions this content derives from (all but the one sent now: the
   * same state always writes the same bytes).  This database's own is
   * written again as long as the content is a version it knows. */
  if (last_export)
    {
      record->relayed = strcmp (last_origin, self) != 0;
      if (record->relayed || is_base (db, last_export, now))
        {
          g_autofree char *text = load_items (db, "exchange_record", last_export);

          record->items = sent_from_text (text);
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

/* Runs @sql with up to four text parameters (NULL ends them). */
static gboolean
run_sql (sqlite3     *db,
         const char  *sql,
         GError     **error,
         const char  *first,
         ...)
{
  sqlite3_stmt *stmt = NULL;
  const char *value = first;
  va_list args;
  int rc, i = 1;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  va_start (args, first);
  for (; rc == SQLITE_OK && value; value = va_arg (args, const char *))
    sqlite3_bind_text (stmt, i++, value, -1, SQLITE_STATIC);
  va_end (args);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
    }
  if (rc != SQLITE_OK)
    _jp_sqlite_error (db, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

gboolean
_jp_exchange_store_export (sqlite3           *db,
                           const char        *scope_uid,
                           JpExchangeRecord  *record,
                           GError           **error)
{
  g_autofree char *text = sent_to_text (record->items);
  g_autofree char *since = NULL;
  sqlite3_stmt *stmt = NULL;

  if (!_jp_sqlite_exec (db, "BEGIN IMMEDIATE", error) ||
      !run_sql (db, "INSERT OR IGNORE INTO exchange_record (export, origin, scope, items) VALUES (?, ?, ?, ?)",
                error, record->export_id, record->origin, scope_uid, text, NULL))
    goto fail;
  /* What a relay sent is a version what comes back may derive from. */
  if (record->relayed)
    {
      if (sqlite3_prepare_v2 (db, "SELECT since FROM exchange_scope WHERE scope = ?", -1, &stmt, NULL) == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, scope_uid, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            since = since_prepend (record->state, (const char *) sqlite3_column_text (stmt, 0));
        }
      sqlite3_finalize (stmt);
      if (since && !run_sql (db, "UPDATE exchange_scope SET since = ?1 WHERE scope = ?2 AND since IS NOT ?1",
                             error, since, scope_uid, NULL))
        goto fail;
    }
  if (!_jp_sqlite_exec (db, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  _jp_database_rollback (db);
  /* A plan that cannot be written cannot take the file back either: the
   * export goes ahead, and the record is only lost for a check that can
   * never happen here. */
  if ((sqlite3_extended_errcode (db) & 0xff) == SQLITE_READONLY)
    {
      g_clear_error (error);
      return TRUE;
    }
  return FALSE;
}

gboolean
_jp_exchange_store_import (sqlite3     *db,
                           JpXmlReader *reader,
                           const char  *scope_uid,
                           GArray      *file_fps,
                           GError     **error)
{
  g_autofree char *self = _jp_exchange_origin (db);
  g_autofree char *items = NULL;
  g_autofree char *came_back = NULL;
  g_autofree char *state = NULL;
  g_autofree char *old_since = NULL;
  g_autofree char *since = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean same = FALSE;

  if (reader->sent == NULL || self == NULL)
    return TRUE;
  items = sent_to_text (reader->sent);
  if (!run_sql (db, "INSERT OR IGNORE INTO exchange_record (export, origin, scope, items) VALUES (?, ?, ?, ?)",
                error, reader->sent_export, reader->sent_origin, scope_uid, items, NULL))
    return FALSE;

  /* An id known with another origin or scope is not this record. */
  if (sqlite3_prepare_v2 (db, "SELECT origin = ?2 AND scope = ?3 FROM exchange_record WHERE export = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, reader->sent_export, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, reader->sent_origin, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, scope_uid, -1, SQLITE_STATIC);
      same = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
    }
  sqlite3_finalize (stmt);
  if (!same)
    return TRUE;

  /* The content now here is a version what is sent next derives from. */
  came_back = sent_to_text (file_fps);
  state = state_hash (came_back);
  if (sqlite3_prepare_v2 (db, "SELECT since FROM exchange_scope WHERE scope = ? AND export = ?",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, scope_uid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, reader->sent_export, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        old_since = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  since = since_prepend (state, old_since);
  if (!run_sql (db, "INSERT INTO exchange_scope (scope, export, since) VALUES (?1, ?2, ?3)"
                    " ON CONFLICT (scope) DO UPDATE SET export = excluded.export, since = excluded.since"
                    " WHERE export IS NOT excluded.export OR since IS NOT excluded.since",
                error, scope_uid, reader->sent_export, since, NULL))
    return FALSE;

  /* What came back is what the other side now has: a file that carries
   * the record later may derive from it as well as from what was sent. */
  if (strcmp (reader->sent_origin, self) != 0)
    return TRUE;
  if (is_base (db, reader->sent_export, came_back))
    return TRUE;
  return run_sql (db, "INSERT INTO exchange_base (export, seq, items) VALUES (?1,"
                      " (SELECT ifnull (max (seq), 0) + 1 FROM exchange_base WHERE export = ?1), ?2)",
                  error, reader->sent_export, came_back, NULL);
}

/* ---------------------------------------------------------------- describing */

#define SHOWN_CHARS 120

static char *
shorten (const char *value)
{
  g_autofree char *flat = NULL;

  if (value == NULL || *value == '\0')
    return g_strdup ("—");
  flat = g_strdup (value);
  g_strdelimit (flat, "\n\t\r", ' ');
  if (g_utf8_strlen (flat, -1) <= SHOWN_CHARS)
    return g_strdup_printf ("“%s”", flat);
  {
    g_autofree char *start = g_utf8_substring (flat, 0, SHOWN_CHARS);
    return g_strdup_printf ("“%s…”", start);
  }
}

static char *
view_label (const View *v,
            const char *uid)
{
  const char *number = v->fields[JP_FIELD_NUMBER];
  const char *code = v->fields[JP_FIELD_CODE];
  const char *person = v->fields[JP_FIELD_PERSON];
  const char *title = v->texts[JP_TEXT_TITLE][JP_LANG_NL] ? v->texts[JP_TEXT_TITLE][JP_LANG_NL]
                                                          : v->texts[JP_TEXT_TITLE][JP_LANG_FR];
  const char *text = v->texts[JP_TEXT_BODY][JP_LANG_NL] ? v->texts[JP_TEXT_BODY][JP_LANG_NL]
                                                        : v->texts[JP_TEXT_BODY][JP_LANG_FR];
  const char *what = title ? title : text ? text : code ? code : person;
  g_autofree char *shown = what ? shorten (what) : NULL;

  if (number && shown)
    return g_strdup_printf ("%s %s (%s)", number, shown, uid);
  if (shown)
    return g_strdup_printf ("%s (%s)", shown, uid);
  return g_strdup (uid);
}

static void
add_part (GString    *s,
          const char *name,
          const char *value)
{
  g_autofree char *shown = shorten (value);

  if (s->len)
    g_string_append (s, "; ");
  g_string_append_printf (s, "%s %s", name, shown);
}

/* Both versions of an item, as the parts in which they differ. */
static void
describe_difference (const View *a,
                     const View *b,
                     char      **a_text,
                     char      **b_text)
{
  GString *sa = g_string_new (NULL);
  GString *sb = g_string_new (NULL);
  g_autofree char *aa = areas_string (a->areas, a->n_areas);
  g_autofree char *ab = areas_string (b->areas, b->n_areas);
  JpPhase pa = view_phase (a), pb = view_phase (b);
  JpStatus ta = view_status (a), tb = view_status (b);

  if (g_strcmp0 (a->parent, b->parent) != 0)
    {
      /* Translators: where an item hangs, followed by its parent's id. */
      add_part (sa, _("under"), a->parent);
      add_part (sb, _("under"), b->parent);
    }
  if (pa != pb)
    {
      add_part (sa, _("phase"), pa ? jp_phase_to_string (pa) : NULL);
      add_part (sb, _("phase"), pb ? jp_phase_to_string (pb) : NULL);
    }
  if (ta != tb)
    {
      add_part (sa, _("status"), ta ? jp_status_to_string (ta) : NULL);
      add_part (sb, _("status"), tb ? jp_status_to_string (tb) : NULL);
    }
  for (guint f = 0; f < JP_N_FIELDS; f++)
    if (g_strcmp0 (a->fields[f] && *a->fields[f] ? a->fields[f] : NULL,
                   b->fields[f] && *b->fields[f] ? b->fields[f] : NULL) != 0)
      {
        add_part (sa, jp_field_to_string (f), a->fields[f]);
        add_part (sb, jp_field_to_string (f), b->fields[f]);
      }
  for (guint t = 0; t < JP_N_TEXTS; t++)
    for (guint l = 0; l < JP_N_LANGS; l++)
      if (g_strcmp0 (a->texts[t][l], b->texts[t][l]) != 0)
        {
          g_autofree char *name = g_strdup_printf ("%s (%s)", jp_text_field_to_string (t), jp_lang_to_string (l));

          add_part (sa, name, a->texts[t][l]);
          add_part (sb, name, b->texts[t][l]);
        }
  if (g_strcmp0 (aa, ab) != 0)
    {
      add_part (sa, _("areas"), aa);
      add_part (sb, _("areas"), ab);
    }
  *a_text = g_string_free (sa, FALSE);
  *b_text = g_string_free (sb, FALSE);
}

/* ---------------------------------------------------------------- merging */

typedef enum {
  SRC_GONE,
  SRC_FILE,
  SRC_DB,
} Source;

typedef struct Node Node;
struct Node {
  const char    *uid;
  int            fi;            /* the file's record, or -1 */
  JpSnapshotItem *d;             /* the database's item, or NULL */
  int            bi;            /* the base's line, or -1 */
  Node          *fparent;
  Node          *dparent;
  GPtrArray     *fkids;         /* Node*, in file order */
  GPtrArray     *dkids;         /* Node*, in the database's order */
  char           ffp[JP_FINGERPRINT_LEN + 1];
  char           dfp[JP_FINGERPRINT_LEN + 1];
  guint          fchg : 1;      /* changed or added in the file */
  guint          dchg : 1;      /* changed or added in the database */
  guint          fdirty : 1;    /* itself or something under it, in the file */
  guint          ddirty : 1;    /* the same in the database */
  guint          placed : 1;
  guint          mark : 1;
  guint          ambiguous : 1; /* the versions it may derive from differ here */
  Source         src;
  int            out;           /* index among the merged records */
  GPtrArray     *followers;     /* scratch for ordering */
};

typedef struct {
  sqlite3        *db;
  JpXmlReader    *reader;
  JpSnapshot     *existing;     /* the scope in the database */
  GHashTable     *choices;
  JpImportReport *report;
  GArray         *base;         /* JpXmlSent, as sent */
  GPtrArray      *others;       /* GArray of JpXmlSent: versions that came back */
  GHashTable     *nodes;        /* uid → Node */
  GPtrArray      *order;        /* Node*, file order, then the database's */
  Node           *root;
  GArray         *merged;       /* JpXmlRecord */
  GHashTable     *merged_uids;
} Merge;

static void
node_free (gpointer data)
{
  Node *n = data;

  g_clear_pointer (&n->fkids, g_ptr_array_unref);
  g_clear_pointer (&n->dkids, g_ptr_array_unref);
  g_clear_pointer (&n->followers, g_ptr_array_unref);
  g_free (n);
}

static Node *
node_get (Merge      *m,
          const char *uid)
{
  Node *n = g_hash_table_lookup (m->nodes, uid);

  if (n == NULL)
    {
      n = g_new0 (Node, 1);
      n->uid = uid;
      n->fi = -1;
      n->bi = -1;
      g_hash_table_insert (m->nodes, (gpointer) uid, n);
      g_ptr_array_add (m->order, n);
    }
  return n;
}

static void
add_kid (GPtrArray **kids,
         Node       *kid)
{
  if (*kids == NULL)
    *kids = g_ptr_array_new ();
  g_ptr_array_add (*kids, kid);
}

static JpXmlRecord *
file_record (Merge *m,
             Node  *n)
{
  return &g_array_index (m->reader->records, JpXmlRecord, n->fi);
}

static const JpXmlSent *
base_of (Merge *m,
         Node  *n)
{
  return n->bi >= 0 ? &g_array_index (m->base, JpXmlSent, n->bi) : NULL;
}

static int
compare_node_ids (gconstpointer a,
                  gconstpointer b)
{
  gint64 ia = (*(Node * const *) a)->d->data.id;
  gint64 ib = (*(Node * const *) b)->d->data.id;

  return ia < ib ? -1 : ia > ib;
}

/* An item on which the versions a file may derive from differ: which
 * side changed it cannot be told, so both count as changed. */
static void
mark_ambiguous (Merge *m)
{
  for (guint k = 0; m->others && k < m->others->len; k++)
    {
      GArray *other = m->others->pdata[k];
      g_autoptr(GHashTable) in_other = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < other->len; i++)
        {
          JpXmlSent *s = &g_array_index (other, JpXmlSent, i);
          Node *n = g_hash_table_lookup (m->nodes, s->uid);
          const JpXmlSent *b;

          g_hash_table_add (in_other, s->uid);
          if (n == NULL)
            continue;
          b = base_of (m, n);
          if (b == NULL || strcmp (b->fp, s->fp) != 0)
            n->ambiguous = TRUE;
        }
      for (guint i = 0; i < m->base->len; i++)
        {
          JpXmlSent *s = &g_array_index (m->base, JpXmlSent, i);
          Node *n = g_hash_table_lookup (m->nodes, s->uid);

          if (n && !g_hash_table_contains (in_other, s->uid))
            n->ambiguous = TRUE;
        }
    }
}

/* Builds the nodes, their two trees and their fingerprints. */
static void
merge_build (Merge *m)
{
  GArray *records = m->reader->records;
  g_autoptr(GPtrArray) db_only = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < records->len; i++)
    {
      JpXmlRecord *r = &g_array_index (records, JpXmlRecord, i);
      Node *n = node_get (m, r->uid);
      View v = record_view (m->reader, i);

      n->fi = i;
      view_fingerprint (&v, n->ffp);
      if (r->parent >= 0)
        {
          n->fparent = g_hash_table_lookup (m->nodes, g_array_index (records, JpXmlRecord, r->parent).uid);
          add_kid (&n->fparent->fkids, n);
        }
    }
  m->root = g_hash_table_lookup (m->nodes, g_array_index (records, JpXmlRecord, 0).uid);

  g_hash_table_iter_init (&iter, m->existing->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JpSnapshotItem *e = value;
      Node *n = g_hash_table_lookup (m->nodes, e->data.uid);

      if (n == NULL)
        {
          n = g_new0 (Node, 1);
          n->uid = e->data.uid;
          n->fi = -1;
          n->bi = -1;
          g_hash_table_insert (m->nodes, (gpointer) n->uid, n);
          g_ptr_array_add (db_only, n);
        }
      n->d = e;
    }
  /* The database's own items in a stable order (as they were added). */
  g_ptr_array_sort (db_only, compare_node_ids);
  for (guint i = 0; i < db_only->len; i++)
    g_ptr_array_add (m->order, db_only->pdata[i]);

  for (guint i = 0; i < m->order->len; i++)
    {
      Node *n = m->order->pdata[i];
      JpSnapshotItem *pe;
      View v;

      if (n->d == NULL)
        continue;
      pe = n == m->root ? NULL : n->d->parent;
      if (pe)
        n->dparent = g_hash_table_lookup (m->nodes, pe->data.uid);
      v = existing_view (n->d, pe ? pe->data.uid : NULL);
      view_fingerprint (&v, n->dfp);
    }
  /* The database's children in the snapshot's (the export's) order. */
  for (guint i = 0; i < m->order->len; i++)
    {
      Node *n = m->order->pdata[i];

      for (guint k = 0; n->d && k < n->d->children->len; k++)
        {
          JpSnapshotItem *c = n->d->children->pdata[k];
          Node *kid = g_hash_table_lookup (m->nodes, c->data.uid);

          if (kid != m->root)
            add_kid (&n->dkids, kid);
        }
    }

  for (guint i = 0; i < m->base->len; i++)
    {
      JpXmlSent *s = &g_array_index (m->base, JpXmlSent, i);
      Node *n = g_hash_table_lookup (m->nodes, s->uid);

      /* Only what one side still has matters. */
      if (n)
        n->bi = i;
    }

  mark_ambiguous (m);
  for (guint i = 0; i < m->order->len; i++)
    {
      Node *n = m->order->pdata[i];
      const JpXmlSent *b = base_of (m, n);

      n->fchg = n->fi >= 0 && (b == NULL || n->ambiguous || strcmp (b->fp, n->ffp) != 0);
      n->dchg = n->d != NULL && (b == NULL || n->ambiguous || strcmp (b->fp, n->dfp) != 0);
      n->fdirty = n->fchg;
    }
  /* Something changed under an item makes its removal a change too. */
  for (guint i = records->len; i-- > 1; )
    {
      Node *n = g_hash_table_lookup (m->nodes, g_array_index (records, JpXmlRecord, i).uid);
      if (n->fdirty && n->fparent)
        n->fparent->fdirty = TRUE;
    }
  for (guint i = 0; i < m->order->len; i++)
    {
      Node *n = m->order->pdata[i];

      if (!n->dchg)
        continue;
      for (Node *up = n; up && !up->ddirty; up = up->dparent)
        up->ddirty = TRUE;
    }
}

/* Was the item sent, in some version a file may derive from? */
static gboolean
known (Node *n)
{
  return n->bi >= 0 || n->ambiguous;
}

static JpImportChoice
choice_for (Merge      *m,
            const char *uid)
{
  if (m->choices == NULL)
    return JP_CHOICE_NONE;
  return GPOINTER_TO_INT (g_hash_table_lookup (m->choices, uid));
}

static View
node_file_view (Merge *m,
                Node  *n)
{
  return record_view (m->reader, n->fi);
}

static View
node_db_view (Node *n)
{
  return existing_view (n->d, n->dparent ? n->dparent->uid : NULL);
}

static void
add_conflict (Merge          *m,
              Node           *n,
              JpConflictKind  kind,
              char           *theirs,
              char           *mine)
{
  JpImportConflict *c = g_new0 (JpImportConflict, 1);
  View v = n->fi >= 0 ? node_file_view (m, n) : node_db_view (n);

  c->kind = kind;
  c->item_kind = v.kind;
  c->uid = g_strdup (n->uid);
  c->label = view_label (&v, n->uid);
  c->theirs = theirs;
  c->mine = mine;
  c->line = n->fi >= 0 ? file_record (m, n)->line : 0;
  g_ptr_array_add (m->report->conflicts, c);
}

/* Decides between the two sides: the choice made for the item, or a
 * conflict that the report lists.  Returns the source. */
static Source
resolve (Merge          *m,
         Node           *n,
         JpConflictKind  kind,
         Source          theirs_src,
         Source          mine_src)
{
  JpImportChoice choice = choice_for (m, n->uid);
  char *theirs = NULL, *mine = NULL;

  if (choice == JP_CHOICE_THEIRS)
    return theirs_src;
  if (choice == JP_CHOICE_MINE)
    return mine_src;

  switch (kind)
    {
    case JP_CONFLICT_CHANGED:
    case JP_CONFLICT_ADDED:
      {
        View f = node_file_view (m, n);
        View d = node_db_view (n);
        describe_difference (&f, &d, &theirs, &mine);
      }
      break;
    case JP_CONFLICT_REMOVED_IN_FILE:
      {
        theirs = g_strdup (_("removed"));
        if (n->dchg)
          {
            /* The sent version is only a fingerprint: say what is here. */
            View d = node_db_view (n);
            g_autofree char *label = view_label (&d, n->uid);
            mine = g_strdup_printf (_("changed since it was sent: %s"), label);
          }
        else
          mine = g_strdup (_("unchanged, but something under it was changed or added since it was sent"));
      }
      break;
    case JP_CONFLICT_REMOVED_IN_DATABASE:
      {
        View f = node_file_view (m, n);
        g_autofree char *label = view_label (&f, n->uid);
        if (n->fchg)
          theirs = g_strdup_printf (_("changed since it was sent: %s"), label);
        else
          theirs = g_strdup (_("unchanged, but something under it was changed or added"));
        mine = g_strdup (_("removed"));
      }
      break;
    case JP_CONFLICT_ORDER:
    default:
      g_assert_not_reached ();
    }
  add_conflict (m, n, kind, theirs, mine);
  return mine_src;
}

/* The file's items first, parents before children. */
static void
classify_file_side (Merge *m)
{
  GArray *records = m->reader->records;

  for (guint i = 0; i < records->len; i++)
    {
      Node *n = g_hash_table_lookup (m->nodes, g_array_index (records, JpXmlRecord, i).uid);
      Node *p = n->fparent;

      if (n->d)
        {
          if (!known (n))
            n->src = strcmp (n->ffp, n->dfp) == 0 ? SRC_FILE
                     : resolve (m, n, JP_CONFLICT_ADDED, SRC_FILE, SRC_DB);
          else if (!n->fchg)
            n->src = n->dchg ? SRC_DB : SRC_FILE;
          else if (!n->dchg || strcmp (n->ffp, n->dfp) == 0)
            n->src = SRC_FILE;
          else
            n->src = resolve (m, n, JP_CONFLICT_CHANGED, SRC_FILE, SRC_DB);
          if (n->src == SRC_DB && !n->fchg)
            m->report->kept++;
        }
      else if (!known (n))
        n->src = SRC_FILE;   /* added in the file */
      else if (p && p->d == NULL && known (p))
        n->src = p->src;     /* decided with the item removed above it */
      else if (!n->fdirty)
        {
          n->src = SRC_GONE;   /* removed here since, and not changed there */
          m->report->kept++;
        }
      else
        n->src = resolve (m, n, JP_CONFLICT_REMOVED_IN_DATABASE, SRC_FILE, SRC_GONE);
    }
}

/* Then the database's items the file does not have, parents first. */
static void
classify_db_side (Merge *m,
                  Node  *n)
{
  if (n->fi < 0)
    {
      Node *p = n->dparent;

      if (!known (n))
        {
          n->src = SRC_DB;   /* added in the database since */
          m->report->kept++;
        }
      else if (p && p->fi < 0 && known (p))
        n->src = p->src;
      else if (!n->ddirty)
        n->src = SRC_GONE;   /* removed in the file, not changed here */
      else
        n->src = resolve (m, n, JP_CONFLICT_REMOVED_IN_FILE, SRC_GONE, SRC_DB);
    }
  for (guint i = 0; n->dkids && i < n->dkids->len; i++)
    classify_db_side (m, n->dkids->pdata[i]);
}

static Node *
winner_parent (Node *n)
{
  return n->src == SRC_FILE ? n->fparent : n->src == SRC_DB ? n->dparent : NULL;
}

static gboolean
in_merged (Node *kid,
           Node *parent)
{
  return kid->src != SRC_GONE && winner_parent (kid) == parent;
}

/* Is the order of the items both sides and the base share under @p
 * still the base's, on the side @kids lists? */
static gboolean
kept_order (Merge     *m,
            Node      *p,
            GPtrArray *kids,
            gboolean   file_side,
            GArray    *seq)
{
  gboolean kept = TRUE;
  int last = -1;

  for (guint i = 0; kids && i < kids->len; i++)
    {
      Node *k = kids->pdata[i];
      const JpXmlSent *b = base_of (m, k);
      Node *other = file_side ? k->dparent : k->fparent;

      if (b == NULL || other != p || (file_side ? k->d == NULL : k->fi < 0) ||
          g_strcmp0 (b->parent, p->uid) != 0)
        continue;
      g_array_append_val (seq, k->bi);
      if (k->bi < last)
        kept = FALSE;
      last = k->bi;
    }
  return kept;
}

static char *
describe_order (Merge     *m,
                GPtrArray *kids)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; kids && i < kids->len; i++)
    {
      Node *k = kids->pdata[i];
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", k->uid);
    }
  return g_string_free (s, FALSE);
}

/* The merged order of @p's items: one side's order, the other side's
 * own items each after the item it follows there. */
static GPtrArray *
merged_kids (Merge *m,
             Node  *p)
{
  g_autoptr(GArray) fseq = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) dseq = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean file_kept = kept_order (m, p, p->fkids, TRUE, fseq);
  gboolean db_kept = kept_order (m, p, p->dkids, FALSE, dseq);
  gboolean file_first = !file_kept;
  GPtrArray *primary, *secondary;
  GPtrArray *out = g_ptr_array_new ();
  g_autoptr(GPtrArray) head = g_ptr_array_new ();
  GPtrArray *anchor;

  if (!file_kept && !db_kept &&
      (fseq->len != dseq->len || memcmp (fseq->data, dseq->data, fseq->len * sizeof (int)) != 0))
    {
      JpImportChoice choice = choice_for (m, p->uid);

      if (choice == JP_CHOICE_NONE)
        add_conflict (m, p, JP_CONFLICT_ORDER, describe_order (m, p->fkids), describe_order (m, p->dkids));
      file_first = choice != JP_CHOICE_MINE;
    }
  primary = file_first ? p->fkids : p->dkids;
  secondary = file_first ? p->dkids : p->fkids;

  for (guint i = 0; primary && i < primary->len; i++)
    ((Node *) primary->pdata[i])->mark = TRUE;
  anchor = head;
  for (guint i = 0; secondary && i < secondary->len; i++)
    {
      Node *k = secondary->pdata[i];

      if (k->mark)
        {
          if (k->followers == NULL)
            k->followers = g_ptr_array_new ();
          anchor = k->followers;
        }
      else if (in_merged (k, p))
        g_ptr_array_add (anchor, k);
    }

  for (guint i = 0; i < head->len; i++)
    g_ptr_array_add (out, head->pdata[i]);
  for (guint i = 0; primary && i < primary->len; i++)
    {
      Node *k = primary->pdata[i];

      k->mark = FALSE;
      if (in_merged (k, p))
        g_ptr_array_add (out, k);
      for (guint j = 0; k->followers && j < k->followers->len; j++)
        g_ptr_array_add (out, k->followers->pdata[j]);
      g_clear_pointer (&k->followers, g_ptr_array_unref);
    }
  return out;
}

static char **
copy_areas (Node *n,
            Merge *m)
{
  if (n->src == SRC_FILE)
    return g_strdupv (file_record (m, n)->areas);
  if (n->d->areas == NULL)
    return NULL;
  {
    char **areas = g_new0 (char *, n->d->areas->len + 1);
    for (guint i = 0; i < n->d->areas->len; i++)
      areas[i] = g_strdup (n->d->areas->pdata[i]);
    return areas;
  }
}

static void
emit (Merge *m,
      Node  *n,
      int    parent,
      guint  position)
{
  JpXmlRecord r = { 0, };
  g_autoptr(GPtrArray) kids = NULL;

  r.parent = parent;
  r.position = position;
  r.uid = g_strdup (n->uid);
  r.areas = copy_areas (n, m);
  if (n->src == SRC_FILE)
    {
      JpXmlRecord *f = file_record (m, n);

      r.kind = f->kind;
      r.line = f->line;
      r.phase = f->phase;
      r.status = f->status;
      for (guint i = 0; i < JP_N_FIELDS; i++)
        r.fields[i] = g_strdup (f->fields[i]);
      for (guint t = 0; t < JP_N_TEXTS; t++)
        for (guint l = 0; l < JP_N_LANGS; l++)
          r.texts[t][l] = g_strdup (f->texts[t][l]);
    }
  else
    {
      JpItemData *d = &n->d->data;

      r.kind = d->kind;
      r.line = n->fi >= 0 ? file_record (m, n)->line : 0;
      r.phase = d->phase;
      r.status = d->status;
      for (guint i = 0; i < JP_N_FIELDS; i++)
        r.fields[i] = g_strdup (d->fields[i]);
      for (guint t = 0; t < JP_N_TEXTS; t++)
        for (guint l = 0; l < JP_N_LANGS; l++)
          r.texts[t][l] = g_strdup (d->texts[t][l]);
    }
  g_array_append_val (m->merged, r);
  n->out = m->merged->len - 1;
  n->placed = TRUE;
  g_hash_table_insert (m->merged_uids, g_array_index (m->merged, JpXmlRecord, n->out).uid,
                       GINT_TO_POINTER (n->out));

  kids = merged_kids (m, n);
  for (guint i = 0; i < kids->len; i++)
    emit (m, kids->pdata[i], n->out, i);
}

static GArray *
load_base (Merge       *m,
           const char  *scope_uid,
           char       **why)
{
  g_autofree char *self = _jp_exchange_origin (m->db);
  JpXmlReader *reader = m->reader;
  g_autoptr(GPtrArray) texts = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean known = FALSE;

  if (reader->sent == NULL)
    {
      *why = g_strdup (_("The file does not record what was sent (it was made by hand or by an older version): "
                         "no check for changes made here since was possible."));
      return NULL;
    }
  if (self == NULL || g_strcmp0 (reader->sent_origin, self) != 0)
    {
      *why = g_strdup (_("The file was sent by another plan database: no check for changes made here since "
                         "was possible."));
      return NULL;
    }
  if (sqlite3_prepare_v2 (m->db, "SELECT 1 FROM exchange_record WHERE export = ? AND origin = ? AND scope = ?",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, reader->sent_export, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, self, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, scope_uid, -1, SQLITE_STATIC);
      known = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  if (!known)
    {
      *why = g_strdup (_("This database has no record of sending the file: no check for changes made here "
                         "since was possible."));
      return NULL;
    }

  /* What was sent, and the versions that came back with the record
   * since.  When the file names the version it derives from (the newest
   * it lists that is known here), that one is the base; otherwise it
   * could be any of them. */
  texts = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (texts, load_items (m->db, "exchange_record", reader->sent_export));
  if (sqlite3_prepare_v2 (m->db, "SELECT items FROM exchange_base WHERE export = ? ORDER BY seq",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, reader->sent_export, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (texts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; reader->sent_since && reader->sent_since[i]; i++)
    for (guint k = 0; k < texts->len; k++)
      {
        g_autofree char *hash = texts->pdata[k] ? state_hash (texts->pdata[k]) : NULL;

        if (g_strcmp0 (hash, reader->sent_since[i]) == 0)
          return sent_from_text (texts->pdata[k]);
      }

  m->others = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint k = 1; k < texts->len; k++)
    g_ptr_array_add (m->others, sent_from_text (texts->pdata[k]));
  return sent_from_text (texts->pdata[0]);
}

gboolean
_jp_exchange_merge (sqlite3         *db,
                    JpXmlReader     *reader,
                    JpSnapshot      *existing,
                    GHashTable      *choices,
                    JpImportReport  *report,
                    GError         **error)
{
  JpXmlRecord *top = &g_array_index (reader->records, JpXmlRecord, 0);
  Merge m = { db, reader, existing, choices, report, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  gboolean ok = FALSE;

  if (!_jp_exchange_kind_has_record (top->kind))
    return TRUE;
  m.base = load_base (&m, top->uid, &report->unchecked);
  if (m.base == NULL)
    return TRUE;
  report->checked = TRUE;

  m.nodes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, node_free);
  m.order = g_ptr_array_new ();
  merge_build (&m);
  classify_file_side (&m);
  if (m.root->d)
    classify_db_side (&m, m.root);

  m.merged = g_array_new (FALSE, TRUE, sizeof (JpXmlRecord));
  g_array_set_clear_func (m.merged, _jp_xml_record_clear);
  m.merged_uids = g_hash_table_new (g_str_hash, g_str_equal);
  if (m.root->src == SRC_GONE)
    m.root->src = SRC_FILE;
  emit (&m, m.root, -1, 0);

  if (report->conflicts->len > 0)
    {
      guint n = report->conflicts->len;

      g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_EDIT_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %u item was changed both in the file and in this database since it was "
                                "sent; nothing was imported. Choose which version to keep.",
                                "%s: %u items were changed both in the file and in this database since they "
                                "were sent; nothing was imported. Choose which version to keep.", n),
                   reader->name, n);
      goto out;
    }

  /* Items both sides moved, each under the other, hang nowhere. */
  for (guint i = 0; i < m.order->len; i++)
    {
      Node *n = m.order->pdata[i];

      Node *up = n;
      guint steps = 0;

      if (n->src == SRC_GONE || n->placed)
        continue;
      /* Under an item a choice removed, it goes with it; else it is in a
       * loop. */
      while (up && up->src != SRC_GONE && !up->placed && steps++ <= m.order->len)
        up = winner_parent (up);
      if (up == NULL || up->src != SRC_GONE)
        {
          _jp_xml_fail_at (reader, error, JP_XML_ERROR_EDIT_CONFLICT, n->fi >= 0 ? file_record (&m, n)->line : 0,
                           _("the item “%s” was moved in the file and items around it were moved in this "
                             "database so that they would hang under each other; nothing was imported."),
                           n->uid);
          goto out;
        }
    }

  g_array_unref (reader->records);
  g_hash_table_unref (reader->uids);
  reader->records = g_steal_pointer (&m.merged);
  reader->uids = g_steal_pointer (&m.merged_uids);
  ok = TRUE;

out:
  g_clear_pointer (&m.merged, g_array_unref);
  g_clear_pointer (&m.merged_uids, g_hash_table_unref);
  g_clear_pointer (&m.order, g_ptr_array_unref);
  g_clear_pointer (&m.nodes, g_hash_table_unref);
  g_clear_pointer (&m.base, g_array_unref);
  g_clear_pointer (&m.others, g_ptr_array_unref);
  return ok;
}

/* ---------------------------------------------------------------- the scope check */

/* While a chapter, section or contacts file is applied, triggers note
 * every item whose row, texts or links are written (cascades included):
 * what a write found must have been in the scope at the start, what it
 * leaves must be in it at the end.  The rest of the plan is counted
 * before and after as well.  Both cost what
 * the scope costs, not what the plan does: a checksum of the rest took
 * 2.3 s a pass on a plan of 167 000 items. */
#define WATCHING " WHEN EXISTS (SELECT 1 FROM temp.jp_scope_watch) BEGIN"

/* The triggers stay on the connection once made and note writes only
 * while jp_scope_watch holds a row: creating and dropping them for each
 * import cost an eighth of a small import, and every change of the
 * schema makes SQLite prepare each cached statement again. */
static const char watch_create_sql[] =
  "CREATE TEMP TABLE IF NOT EXISTS jp_scope_watch (active INTEGER);"
  "CREATE TEMP TABLE IF NOT EXISTS jp_scope_before (id INTEGER PRIMARY KEY);"
  "CREATE TEMP TABLE IF NOT EXISTS jp_scope_touched (id INTEGER, old INTEGER);"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_item_i AFTER INSERT ON main.item" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (new.id, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_item_u AFTER UPDATE ON main.item" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (old.id, 1); INSERT INTO jp_scope_touched VALUES (new.id, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_item_d AFTER DELETE ON main.item" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (old.id, 1); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_text_i AFTER INSERT ON main.text" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (new.item, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_text_u AFTER UPDATE ON main.text" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (old.item, 1); INSERT INTO jp_scope_touched VALUES (new.item, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_text_d AFTER DELETE ON main.text" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (old.item, 1); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_link_i AFTER INSERT ON main.link" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (new.section, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_link_u AFTER UPDATE ON main.link" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (old.section, 1); INSERT INTO jp_scope_touched VALUES (new.section, 0); END;"
  "CREATE TEMP TRIGGER IF NOT EXISTS jp_watch_link_d AFTER DELETE ON main.link" WATCHING
  "  INSERT INTO jp_scope_touched VALUES (old.section, 1); END;";

static const char watch_begin_sql[] =
  "DELETE FROM temp.jp_scope_before; DELETE FROM temp.jp_scope_touched;"
  "INSERT INTO temp.jp_scope_watch VALUES (1);";

static const char watch_end_sql[] =
  "DELETE FROM temp.jp_scope_watch; DELETE FROM temp.jp_scope_before; DELETE FROM temp.jp_scope_touched;";

#define SCOPE_SUB \
  "WITH RECURSIVE sub (id) AS (SELECT ?1 UNION ALL SELECT item.id FROM item JOIN sub ON item.parent = sub.id) "

/* Runs @sql, bound to @root_id, to its first row (or its end). */
static sqlite3_stmt *
step_scope (sqlite3     *db,
            GHashTable  *cache,
            const char  *sql,
            gint64       root_id,
            int         *rc,
            GError     **error)
{
  sqlite3_stmt *stmt = _jp_sqlite_prepare (db, cache, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, root_id);
  *rc = sqlite3_step (stmt);
  if (*rc != SQLITE_ROW && *rc != SQLITE_DONE)
    {
      _jp_sqlite_error (db, *rc, error);
      _jp_sqlite_release (cache, stmt);
      return NULL;
    }
  return stmt;
}

/* How many items, texts and links lie outside the subtree under @root_id. */
char *
_jp_exchange_outside_counts (sqlite3     *db,
                             GHashTable  *cache,
                             gint64       root_id,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  char *counts = NULL;
  int rc;

  stmt = step_scope (db, cache, SCOPE_SUB
                     "SELECT (SELECT count(*) FROM item) - (SELECT count(*) FROM sub),"
                     " (SELECT count(*) FROM text) - (SELECT count(*) FROM text WHERE item IN sub),"
                     " (SELECT count(*) FROM link) - (SELECT count(*) FROM link WHERE section IN sub)",
                     root_id, &rc, error);
  if (stmt == NULL)
    return NULL;
  counts = g_strdup_printf ("items %" G_GINT64_FORMAT ", texts %" G_GINT64_FORMAT ", links %" G_GINT64_FORMAT,
                            (gint64) sqlite3_column_int64 (stmt, 0), (gint64) sqlite3_column_int64 (stmt, 1),
                            (gint64) sqlite3_column_int64 (stmt, 2));
  _jp_sqlite_release (cache, stmt);
  return counts;
}

gboolean
_jp_exchange_watch_setup (sqlite3     *db,
                          GHashTable  *cache,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean made = FALSE;

  stmt = _jp_sqlite_prepare (db, cache, "SELECT 1 FROM sqlite_temp_master WHERE type = 'trigger'"
                             " AND name = 'jp_watch_link_d'", NULL);
  if (stmt)
    {
      made = sqlite3_step (stmt) == SQLITE_ROW;
      _jp_sqlite_release (cache, stmt);
    }
  return made || _jp_sqlite_exec (db, watch_create_sql, error);
}

gboolean
_jp_exchange_watch_begin (sqlite3     *db,
                          GHashTable  *cache,
                          gint64       root_id,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Made here if need be (rolled back with the transaction then). */
  if (!_jp_exchange_watch_setup (db, cache, error) || !_jp_sqlite_exec (db, watch_begin_sql, error))
    return FALSE;
  stmt = step_scope (db, cache, SCOPE_SUB "INSERT INTO temp.jp_scope_before SELECT id FROM sub",
                     root_id, &rc, error);
  if (stmt == NULL)
    return FALSE;
  _jp_sqlite_release (cache, stmt);
  return TRUE;
}

gboolean
_jp_exchange_watch_end (sqlite3     *db,
                        GHashTable  *cache,
                        gint64       root_id,
                        gboolean    *outside,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *outside = FALSE;
  stmt = step_scope (db, cache, SCOPE_SUB
                     "SELECT EXISTS (SELECT 1 FROM temp.jp_scope_touched WHERE old AND id NOT IN"
                     " temp.jp_scope_before) OR EXISTS (SELECT 1 FROM temp.jp_scope_touched WHERE NOT old"
                     " AND id NOT IN sub)", root_id, &rc, error);
  if (stmt == NULL)
    return FALSE;
  *outside = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  _jp_sqlite_release (cache, stmt);
  return _jp_sqlite_exec (db, watch_end_sql, error);
}
