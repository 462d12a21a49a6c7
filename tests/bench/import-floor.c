/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * import-floor: the import's baseline.  Builds the database that
 * `bench-model import XML DB` builds from a plan file, the way an ideal
 * import would: one streaming pass over the file with the RELAX NG
 * schema attached (the validation the program does), the rows gathered
 * in memory, then in one transaction the items, texts and links inserted
 * with prepared statements while the per-row triggers of those tables
 * (full-text indexes, undo, history) are out of the way, every
 * full-text index fed in one statement, the history in one statement a
 * table, the undo log as one row, the triggers made again, COMMIT.
 *
 *   import-floor SCHEMA XML DB
 *
 * DB is a database made by `bench-model create-empty`: the program's
 * schema, holding the bare plan (the root and the contacts), which the
 * file's plan and contacts replace as the program's import does.  The
 * connection is set up as the program's (foreign keys, WAL, synchronous
 * FULL).  Prints "key=value" lines: floor_s (from reading the file to
 * the commit, the span bench-model import times), parse_s (the streaming
 * parse with validation alone, timed afterwards in the same process),
 * where the time went (read_s: reading the file into rows; insert_s,
 * sets_s, commit_s: the three parts of the writing) and the rows
 * written.
 */
#define G_LOG_DOMAIN "jp-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>
#include <sqlite3.h>

#include "model/jp-types.h"
#include "model/store/jp-history.h"

/* As the program parses (src/model/exchange/jp-xml-read.c). */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)

/* The item table's value columns, in the order the program binds them,
 * with the attribute each is written as and whether the schema makes it
 * a token (white space collapsed). */
static const struct {
  const char *column;
  const char *attribute;
  gboolean    token;
} fields[] = {
  { "number", "number", TRUE },
  { "code", "code", FALSE },
  { "person", "person", FALSE },
  { "email", "email", FALSE },
  { "phone", "phone", FALSE },
  { "valid_from", "valid-from", FALSE },
  { "valid_until", "valid-until", FALSE },
  { "team", "team", TRUE },
  { "progress_date", "progress-date", FALSE },
};
#define N_FIELDS G_N_ELEMENTS (fields)

/* The text fields in the order the program writes them (JpTextField). */
static const char * const text_fields[] = {
  "title", "text", "note", "ambition", "legitimation", "reference", "progress",
};
#define N_TEXTS G_N_ELEMENTS (text_fields)
static const char * const langs[] = { "nl", "fr" };

static const char * const kinds[] = {
  "plan", "programme", "part", "area", "chapter", "section", "objective",
  "project", "item", "group", "contacts", "team", "subject", "contact",
};

typedef struct {
  const char *kind;             /* one of kinds[] */
  char       *uid;
  int         parent;           /* row index, -1 for the root */
  int         position;
  int         n_children;
  char       *phase;
  char       *status;
  char       *fields[N_FIELDS];
  char       *areas;
  char       *texts[N_TEXTS][2];
  gint64      id;
} Row;

typedef struct {
  GArray     *rows;             /* Row */
  GHashTable *uids;             /* uid → row index + 1 */
  GArray     *stack;            /* int: the open items */
  gboolean    gather;
  gboolean    failed;
  char       *message;
  /* The text element being read. */
  int         text_row;
  int         text_field;
  int         text_lang;
  GString    *text;
} Parse;

static void G_GNUC_NORETURN
die (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  fprintf (stderr, "import-floor: ");
  vfprintf (stderr, format, args);
  fprintf (stderr, "\n");
  va_end (args);
  exit (1);
}

static void
row_clear (gpointer data)
{
  Row *r = data;

  g_free (r->uid);
  g_free (r->phase);
  g_free (r->status);
  g_free (r->areas);
  for (guint f = 0; f < N_FIELDS; f++)
    g_free (r->fields[f]);
  for (guint t = 0; t < N_TEXTS; t++)
    for (guint l = 0; l < 2; l++)
      g_free (r->texts[t][l]);
}

static void
on_xml_error (void        *user_data,
              xmlErrorPtr  err)
{
  Parse *p = user_data;

  if (err == NULL || err->level == XML_ERR_WARNING || p->failed)
    return;
  p->failed = TRUE;
  p->message = g_strdup_printf ("line %d: %s", err->line, err->message ? err->message : "?");
}

/* White space collapsed, as the schema's token type reads a value. */
static char *
collapse (char *value)
{
  GString *out;
  gboolean space = FALSE;

  if (value == NULL)
    return NULL;
  out = g_string_sized_new (strlen (value));
  for (const char *c = value; *c; c++)
    {
      if (*c == ' ' || *c == '\t' || *c == '\r' || *c == '\n')
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *c);
    }
  g_free (value);
  return g_string_free (out, FALSE);
}

static char *
attribute (xmlTextReaderPtr  xr,
           const char       *name,
           gboolean          token)
{
  xmlChar *raw = xmlTextReaderGetAttribute (xr, BAD_CAST name);
  char *value;

  if (raw == NULL)
    return NULL;
  value = g_strdup ((const char *) raw);
  xmlFree (raw);
  return token ? collapse (value) : value;
}

static int
lookup (const char * const *names,
        guint               n_names,
        const char         *name)
{
  for (guint i = 0; i < n_names; i++)
    if (strcmp (names[i], name) == 0)
      return (int) i;
  return -1;
}

static void
add_row (Parse            *p,
         xmlTextReaderPtr  xr,
         const char       *kind)
{
  Row row = { 0, };
  int index;

  row.kind = kind;
  if (p->stack->len == 0)
    {
      /* The root: the plan, its number the file's year. */
      row.parent = -1;
      row.uid = g_strdup ("plan");
      row.fields[0] = attribute (xr, "year", TRUE);
    }
  else
    {
      Row *parent;

      row.parent = g_array_index (p->stack, int, p->stack->len - 1);
      parent = &g_array_index (p->rows, Row, row.parent);
      row.position = parent->n_children++;
      row.uid = strcmp (kind, "contacts") == 0 ? g_strdup (kind) : attribute (xr, "id", TRUE);
      for (guint f = 0; f < N_FIELDS; f++)
        row.fields[f] = attribute (xr, fields[f].attribute, fields[f].token);
      if (strcmp (kind, "project") == 0)
        {
          row.phase = attribute (xr, "phase", TRUE);
          row.status = attribute (xr, "status", TRUE);
        }
      if (strcmp (kind, "section") == 0)
        row.areas = attribute (xr, "areas", TRUE);
    }
  if (row.uid == NULL || g_hash_table_contains (p->uids, row.uid))
    die ("<%s> without an id, or an id used twice", kind);
  g_array_append_val (p->rows, row);
  index = p->rows->len - 1;
  g_hash_table_insert (p->uids, g_array_index (p->rows, Row, index).uid, GINT_TO_POINTER (index + 1));
  g_array_append_val (p->stack, index);
}

static void
on_element (Parse            *p,
            xmlTextReaderPtr  xr)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (xr);
  int kind, field;

  if ((field = lookup (text_fields, N_TEXTS, name)) >= 0 && p->stack->len > 0)
    {
      g_autofree char *lang = NULL;
      xmlChar *raw = xmlTextReaderGetAttribute (xr, BAD_CAST "xml:lang");

      lang = collapse (g_strdup ((const char *) raw));
      xmlFree (raw);
      p->text_row = g_array_index (p->stack, int, p->stack->len - 1);
      p->text_field = field;
      p->text_lang = lang ? lookup (langs, 2, lang) : -1;
      if (p->text_lang < 0)
        die ("a text in another language than nl or fr");
      g_string_truncate (p->text, 0);
      return;
    }
  if ((kind = lookup (kinds, G_N_ELEMENTS (kinds), name)) < 0)
    die ("<%s> is not an element this baseline reads", name);
  add_row (p, xr, kinds[kind]);
}

static void
on_end (Parse      *p,
        const char *name)
{
  if (p->text_row >= 0 && lookup (text_fields, N_TEXTS, name) >= 0)
    {
      Row *r = &g_array_index (p->rows, Row, p->text_row);

      /* The format's limit on a text, which the schema does not say. */
      if (g_utf8_strlen (p->text->str, p->text->len) > 65536)
        die ("a text is longer than 65536 characters");
      /* An empty text is no text, as the program reads it. */
      if (p->text->len > 0)
        r->texts[p->text_field][p->text_lang] = g_strndup (p->text->str, p->text->len);
      p->text_row = -1;
      return;
    }
  if (p->stack->len > 0)
    g_array_set_size (p->stack, p->stack->len - 1);
}

/* Reads and validates @path; with @p->gather, into @p->rows. */
static void
parse_file (const char *schema_path,
            const char *path,
            Parse      *p)
{
  g_autofree char *data = NULL;
  gsize size;
  xmlRelaxNGParserCtxtPtr pctxt;
  xmlRelaxNGPtr schema;
  xmlTextReaderPtr xr;
  int rc;

  if (!g_file_get_contents (path, &data, &size, NULL))
    die ("%s cannot be read", path);
  /* Compiled in the timed span, as the program compiles it on its first
   * import. */
  pctxt = xmlRelaxNGNewParserCtxt (schema_path);
  schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  if (schema == NULL)
    die ("the schema %s cannot be read", schema_path);

  p->stack = g_array_new (FALSE, FALSE, sizeof (int));
  p->text = g_string_new (NULL);
  p->text_row = -1;
  xr = xmlReaderForMemory (data, (int) size, path, NULL, PARSE_OPTIONS);
  if (xr == NULL)
    die ("out of memory");
  xmlTextReaderSetStructuredErrorHandler (xr, on_xml_error, p);
  if (xmlTextReaderRelaxNGSetSchema (xr, schema) != 0)
    die ("the schema cannot be attached");
  while ((rc = xmlTextReaderRead (xr)) == 1 && !p->failed)
    {
      if (!p->gather)
        continue;
      switch (xmlTextReaderNodeType (xr))
        {
        case XML_READER_TYPE_ELEMENT:
          on_element (p, xr);
          if (xmlTextReaderIsEmptyElement (xr))
            on_end (p, (const char *) xmlTextReaderConstLocalName (xr));
          break;
        case XML_READER_TYPE_END_ELEMENT:
          on_end (p, (const char *) xmlTextReaderConstLocalName (xr));
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (p->text_row >= 0)
            g_string_append (p->text, (const char *) xmlTextReaderConstValue (xr));
          break;
        default:
          break;
        }
    }
  if (rc != 0 || p->failed || xmlTextReaderIsValid (xr) != 1)
    die ("%s is not a valid plan: %s", path, p->message ? p->message : "not well-formed");
  xmlFreeTextReader (xr);
  xmlRelaxNGFree (schema);
  g_array_unref (p->stack);
  g_string_free (p->text, TRUE);
}

/* ------------------------------------------------------------ the database */

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    die ("%s: %s", sql, message);
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    die ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static void
step (sqlite3      *db,
      sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    die ("%s: %s", sqlite3_sql (stmt), sqlite3_errmsg (db));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = prepare (db, sql);
  gint64 value = 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
bind_or_null (sqlite3_stmt *stmt,
              int           index,
              const char   *value)
{
  if (value && *value)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

/* The statements, as the program's store and triggers write the same
 * rows (src/model/store/jp-sqlite-apply.c, jp-sqlite-undo.c and the
 * triggers of src/model/store/jp-schema.c). */
#define SAVED_TRIGGERS \
  "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN ('item', 'text', 'link')" \
  " ORDER BY rowid"
#define INSERT_ITEM \
  "INSERT INTO item (kind, parent, position, phase, status, number, code, person, email, phone, valid_from," \
  " valid_until, team, progress_date, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
#define UPDATE_ITEM \
  "UPDATE item SET parent = ?2, position = ?3, phase = ?4, status = ?5, number = ?6, code = ?7, person = ?8," \
  " email = ?9, phone = ?10, valid_from = ?11, valid_until = ?12, team = ?13, progress_date = ?14," \
  " revision = revision + 1 WHERE id = ?16 AND kind = ?1 AND uid = ?15"
#define UNDO_DEPTH "1000"
#define BEGIN_STEP \
  "UPDATE history SET step = NULL WHERE undone = 1 AND step IS NOT NULL;" \
  "DELETE FROM undo_log WHERE stack = 1;" \
  "UPDATE undo_state SET active = 1, stack = 0," \
  " step = coalesce ((SELECT max (step) FROM undo_log WHERE stack = 0), 0) + 1;" \
  "DELETE FROM undo_log WHERE stack = 0 AND step <= (SELECT step FROM undo_state) - " UNDO_DEPTH ";" \
  "UPDATE history SET step = NULL WHERE undone = 0 AND step <= (SELECT step FROM undo_state) - " UNDO_DEPTH ";" \
  "DELETE FROM undo_note WHERE stack = 1 OR step >= (SELECT step FROM undo_state) OR step <= " \
  "(SELECT step FROM undo_state) - " UNDO_DEPTH ";"
#define HISTORY_STATE "UPDATE history_state SET author = ?, source = ?, replay = 0"
#define NOTE_STEP \
  "INSERT OR IGNORE INTO undo_note (stack, step, change, item, parent, detail, label)" \
  " SELECT stack, step, ?, 0, 0, 0, ? FROM undo_state WHERE active"
#define NOTE_VERSION \
  "INSERT INTO version (kind, name, seq, time, who, scope, year)" \
  " VALUES (?, ?, (SELECT coalesce (max (seq), 0) FROM history), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, NULL," \
  " (SELECT number FROM item WHERE kind = 'plan'))"

/* Each set statement binds ?1 … ?4: the first and last item inserted,
 * the first and last text. */
#define SET_TEXT_FTS "INSERT INTO text_fts (rowid, value) SELECT id, value FROM text WHERE id BETWEEN ?3 AND ?4"
#define SET_TEXT_TRI \
  "INSERT INTO text_tri (rowid, value) SELECT id, value FROM text WHERE id BETWEEN ?3 AND ?4 AND field = 'title'"
#define ITEM_COLUMNS "code, person, email, phone"
#define SET_ITEM_FTS \
  "INSERT INTO item_fts (rowid, " ITEM_COLUMNS ") SELECT id, " ITEM_COLUMNS " FROM item WHERE id BETWEEN ?1 AND ?2"
#define SET_ITEM_TRI \
  "INSERT INTO item_tri (rowid, " ITEM_COLUMNS ") SELECT id, " ITEM_COLUMNS " FROM item WHERE id BETWEEN ?1 AND ?2"
#define HISTORY_ROW \
  "INSERT INTO history (step, time, who, source, item, kind, detail, old_value, new_value, replay)" \
  " SELECT CASE WHEN h.replay THEN NULL ELSE u.step END, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')," \
  " h.author, h.source, "
#define HISTORY_FROM " FROM undo_state u, history_state h"
#define SET_ITEM_HISTORY \
  HISTORY_ROW "i.id, 5, CASE i.kind WHEN 'plan' THEN 0 WHEN 'programme' THEN 1 WHEN 'part' THEN 2" \
  " WHEN 'area' THEN 3 WHEN 'chapter' THEN 4 WHEN 'section' THEN 5 WHEN 'objective' THEN 6 WHEN 'project' THEN 7" \
  " WHEN 'item' THEN 8 WHEN 'group' THEN 9 WHEN 'contacts' THEN 10 WHEN 'team' THEN 11 WHEN 'subject' THEN 12" \
  " ELSE 13 END, NULL, json_object ('uid', i.uid, 'kind', i.kind, 'parent', i.parent, 'position', i.position," \
  " 'phase', i.phase, 'status', i.status, 'number', i.number, 'code', i.code, 'person', i.person," \
  " 'email', i.email, 'phone', i.phone, 'valid_from', i.valid_from, 'valid_until', i.valid_until," \
  " 'team', i.team, 'progress_date', i.progress_date, 'revision', i.revision), h.replay" HISTORY_FROM \
  ", item i WHERE i.id BETWEEN ?1 AND ?2 ORDER BY i.id"
#define SET_TEXT_HISTORY \
  HISTORY_ROW "t.item, 1, (CASE t.field WHEN 'title' THEN 0 WHEN 'text' THEN 1 WHEN 'note' THEN 2" \
  " WHEN 'ambition' THEN 3 WHEN 'legitimation' THEN 4 WHEN 'reference' THEN 5 ELSE 6 END) * 2 + (t.lang = 'fr')," \
  " NULL, t.value, h.replay" HISTORY_FROM ", text t WHERE t.id BETWEEN ?3 AND ?4 ORDER BY t.id"
#define SET_LINK_HISTORY \
  HISTORY_ROW "l.section, 8, l.area, NULL, a.uid, h.replay" HISTORY_FROM \
  ", link l JOIN item a ON a.id = l.area WHERE l.section BETWEEN ?1 AND ?2"
/* One row undoes it all. */
#define SET_UNDO \
  "INSERT INTO undo_log (stack, step, sql) SELECT stack, step," \
  " 'DELETE FROM link WHERE section BETWEEN ' || ?1 || ' AND ' || ?2 ||" \
  " ';DELETE FROM text WHERE id BETWEEN ' || ?3 || ' AND ' || ?4 ||" \
  " ';DELETE FROM item WHERE id BETWEEN ' || ?1 || ' AND ' || ?2 FROM undo_state"

/* Binds a row's kind, parent, position and values as ?1 … ?15. */
static void
bind_row (sqlite3_stmt *stmt,
          Row          *r,
          gint64        parent_id)
{
  sqlite3_bind_text (stmt, 1, r->kind, -1, SQLITE_STATIC);
  if (parent_id)
    sqlite3_bind_int64 (stmt, 2, parent_id);
  sqlite3_bind_int (stmt, 3, r->position);
  bind_or_null (stmt, 4, r->phase);
  bind_or_null (stmt, 5, r->status);
  for (guint f = 0; f < N_FIELDS; f++)
    bind_or_null (stmt, 6 + f, r->fields[f]);
  sqlite3_bind_text (stmt, 15, r->uid, -1, SQLITE_STATIC);
}

typedef struct {
  gint64 first_item, last_item;
  gint64 first_text, last_text;
  guint  items, texts, links;
} Written;

static void
write_rows (sqlite3    *db,
            Parse      *p,
            const char *drop_triggers,
            Written    *w)
{
  sqlite3_stmt *insert_item = prepare (db, INSERT_ITEM);
  sqlite3_stmt *update_item = prepare (db, UPDATE_ITEM);
  sqlite3_stmt *find = prepare (db, "SELECT id FROM item WHERE uid = ?");
  sqlite3_stmt *insert_text = prepare (db, "INSERT INTO text (item, field, lang, value) VALUES (?, ?, ?, ?)");
  sqlite3_stmt *insert_link = prepare (db, "INSERT INTO link (section, area) VALUES (?, ?)");

  /* The bare plan's root and contacts are there already: the file's
   * replace them, with the triggers still in place for these two. */
  for (guint i = 0; i < p->rows->len; i++)
    {
      Row *r = &g_array_index (p->rows, Row, i);

      if (i != 0 && strcmp (r->kind, "contacts") != 0)
        continue;
      sqlite3_bind_text (find, 1, r->uid, -1, SQLITE_STATIC);
      r->id = sqlite3_step (find) == SQLITE_ROW ? sqlite3_column_int64 (find, 0) : 0;
      sqlite3_reset (find);
      if (r->id == 0)
        die ("the database has no %s to replace", r->kind);
      bind_row (update_item, r, r->parent >= 0 ? g_array_index (p->rows, Row, r->parent).id : 0);
      sqlite3_bind_int64 (update_item, 16, r->id);
      step (db, update_item);
    }
  exec (db, drop_triggers);

  for (guint i = 0; i < p->rows->len; i++)
    {
      Row *r = &g_array_index (p->rows, Row, i);
      gint64 parent_id = r->parent >= 0 ? g_array_index (p->rows, Row, r->parent).id : 0;

      if (r->id == 0)
        {
          bind_row (insert_item, r, parent_id);
          step (db, insert_item);
          r->id = sqlite3_last_insert_rowid (db);
          if (w->items++ == 0)
            w->first_item = r->id;
          w->last_item = r->id;
        }

      for (guint t = 0; t < N_TEXTS; t++)
        for (guint l = 0; l < 2; l++)
          if (r->texts[t][l])
            {
              sqlite3_bind_int64 (insert_text, 1, r->id);
              sqlite3_bind_text (insert_text, 2, text_fields[t], -1, SQLITE_STATIC);
              sqlite3_bind_text (insert_text, 3, langs[l], -1, SQLITE_STATIC);
              sqlite3_bind_text (insert_text, 4, r->texts[t][l], -1, SQLITE_STATIC);
              step (db, insert_text);
              if (w->texts++ == 0)
                w->first_text = sqlite3_last_insert_rowid (db);
              w->last_text = sqlite3_last_insert_rowid (db);
            }

      if (r->areas)
        {
          g_auto(GStrv) areas = g_strsplit (r->areas, " ", -1);

          for (guint a = 0; areas[a]; a++)
            {
              int area = GPOINTER_TO_INT (g_hash_table_lookup (p->uids, areas[a])) - 1;
              gboolean twice = FALSE;

              for (guint b = 0; b < a; b++)
                twice |= strcmp (areas[a], areas[b]) == 0;
              if (area < 0 || strcmp (g_array_index (p->rows, Row, area).kind, "area") != 0)
                die ("section %s serves %s, which is not a policy area", r->uid, areas[a]);
              if (twice)
                continue;
              sqlite3_bind_int64 (insert_link, 1, r->id);
              sqlite3_bind_int64 (insert_link, 2, g_array_index (p->rows, Row, area).id);
              step (db, insert_link);
              w->links++;
            }
        }
    }
  sqlite3_finalize (insert_item);
  sqlite3_finalize (update_item);
  sqlite3_finalize (find);
  sqlite3_finalize (insert_text);
  sqlite3_finalize (insert_link);
}

/* What the per-row triggers would have written, one statement each. */
static void
write_sets (sqlite3       *db,
            const Written *w)
{
  static const char * const sets[] = {
    SET_TEXT_FTS, SET_TEXT_TRI, SET_ITEM_FTS, SET_ITEM_TRI,
    SET_ITEM_HISTORY, SET_TEXT_HISTORY, SET_LINK_HISTORY, SET_UNDO,
  };

  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      sqlite3_stmt *stmt = prepare (db, sets[i]);

      sqlite3_bind_int64 (stmt, 1, w->first_item);
      sqlite3_bind_int64 (stmt, 2, w->last_item);
      sqlite3_bind_int64 (stmt, 3, w->first_text);
      sqlite3_bind_int64 (stmt, 4, w->last_text);
      step (db, stmt);
      sqlite3_finalize (stmt);
    }
}

/* Who the history says made the changes, as the program finds it. */
static const char *
author (void)
{
  const char *name = g_getenv ("JAARPLAN_AUTHOR");

  if (name == NULL || *name == '\0')
    name = g_get_real_name ();
  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return name;
}

int
main (int    argc,
      char **argv)
{
  Parse p = { 0, }, again = { 0, };
  Written w = { 0, };
  g_autoptr(GString) make_triggers = NULL;
  g_autoptr(GString) drop_triggers = NULL;
  g_autofree char *name = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  gint64 start, read_us, rows_us, sets_us, floor_us, parse_us;

  if (argc != 4)
    {
      fprintf (stderr, "usage: import-floor SCHEMA XML DB\n");
      return 2;
    }

  /* The connection as the program makes it. */
  if (sqlite3_open_v2 (argv[3], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    die ("%s cannot be opened", argv[3]);
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, 5000);
  exec (db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
  if (query_int (db, "SELECT count(*) FROM item") != 2)
    die ("%s does not hold a bare plan", argv[3]);
  /* The triggers to take out of the way and make again before the
   * commit, as they are. */
  make_triggers = g_string_new (NULL);
  drop_triggers = g_string_new (NULL);
  stmt = prepare (db, SAVED_TRIGGERS);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_printf (drop_triggers, "DROP TRIGGER %s;", sqlite3_column_text (stmt, 0));
      g_string_append_printf (make_triggers, "%s;", sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  name = g_path_get_basename (argv[2]);

  start = g_get_monotonic_time ();
  p.rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (p.rows, row_clear);
  p.uids = g_hash_table_new (g_str_hash, g_str_equal);
  p.gather = TRUE;
  parse_file (argv[1], argv[2], &p);
  read_us = g_get_monotonic_time () - start;
  if (p.rows->len == 0 || strcmp (g_array_index (p.rows, Row, 0).kind, "plan") != 0)
    die ("%s is not a whole plan", argv[2]);

  exec (db, "BEGIN IMMEDIATE");
  exec (db, BEGIN_STEP);
  stmt = prepare (db, HISTORY_STATE);
  sqlite3_bind_text (stmt, 1, author (), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  step (db, stmt);
  sqlite3_finalize (stmt);
  stmt = prepare (db, NOTE_STEP);
  sqlite3_bind_int (stmt, 1, JP_CHANGE_IMPORT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  step (db, stmt);
  sqlite3_finalize (stmt);

  write_rows (db, &p, drop_triggers->str, &w);
  rows_us = g_get_monotonic_time () - start;
  write_sets (db, &w);
  sets_us = g_get_monotonic_time () - start;
  exec (db, make_triggers->str);
  exec (db, "UPDATE undo_state SET active = 0; COMMIT");
  /* After the commit, the import is named in the history. */
  stmt = prepare (db, NOTE_VERSION);
  sqlite3_bind_int (stmt, 1, JP_VERSION_IMPORT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, author (), -1, SQLITE_STATIC);
  step (db, stmt);
  sqlite3_finalize (stmt);
  floor_us = g_get_monotonic_time () - start;

  /* The parse alone, afterwards. */
  start = g_get_monotonic_time ();
  parse_file (argv[1], argv[2], &again);
  parse_us = g_get_monotonic_time () - start;

  printf ("floor_s=%.4f\n", floor_us / 1e6);
  printf ("parse_s=%.4f\n", parse_us / 1e6);
  /* Where the floor's time goes: reading into rows, inserting them,
   * the set statements, the triggers made again and the commit. */
  printf ("read_s=%.4f\n", read_us / 1e6);
  printf ("insert_s=%.4f\n", (rows_us - read_us) / 1e6);
  printf ("sets_s=%.4f\n", (sets_us - rows_us) / 1e6);
  printf ("commit_s=%.4f\n", (floor_us - sets_us) / 1e6);
  printf ("items=%u\n", w.items);
  printf ("texts=%u\n", w.texts);
  printf ("links=%u\n", w.links);
  sqlite3_close (db);
  g_array_unref (p.rows);
  g_hash_table_unref (p.uids);
  return 0;
}
