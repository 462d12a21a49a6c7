/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#include "model/exchange/jp-xml-check.h"

#define SCHEMA_RESOURCE RESOURCE_PATH "jaarplan.rng"

/* Safe parsing: no network, no entity expansion, no DTD loading, no
 * XInclude, and libxml2's default limits (depth, text size) in force. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)

void
_jp_xml_record_clear (gpointer data)
{
  JpRecord *r = data;

  g_free (r->uid);
  for (guint f = 0; f < JP_N_FIELDS; f++)
    g_free (r->fields[f]);
  for (guint t = 0; t < JP_N_TEXTS; t++)
    for (guint l = 0; l < JP_N_LANGS; l++)
      g_free (r->texts[t][l]);
  g_strfreev (r->areas);
}

void
_jp_xml_reader_clear (JpXmlReader *reader)
{
  g_clear_pointer (&reader->records, g_array_unref);
  g_clear_pointer (&reader->uids, g_hash_table_unref);
  g_clear_pointer (&reader->year, g_free);
  g_clear_pointer (&reader->author, g_free);
  g_clear_error (&reader->error);
  g_clear_pointer (&reader->sent_export, g_free);
  g_clear_pointer (&reader->sent_origin, g_free);
  g_clear_pointer (&reader->sent_since, g_strfreev);
  g_clear_pointer (&reader->sent, g_array_unref);
}
/* ---------------------------------------------------------------- errors */

gboolean
_jp_xml_fail_at (JpXmlReader *reader,
                 GError     **error,
                 int          code,
                 int          line,
                 const char  *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* What a file holds reaches a message only as valid UTF-8. */
  if (!g_utf8_validate (message, -1, NULL))
    {
      char *valid = g_utf8_make_valid (message, -1);
      g_free (message);
      message = valid;
    }

  if (line > 0)
    g_set_error (error, JP_XML_ERROR, code, _("%s, line %d: %s"), reader->name, line, message);
  else
    g_set_error (error, JP_XML_ERROR, code, "%s: %s", reader->name, message);
  return FALSE;
}

/* libxml2 quotes names from the file as they are, even when they are
 * not UTF-8: a message is made valid before it reaches a user. */
static char *
clean_message (const char *message)
{
  char *copy = g_utf8_make_valid (message ? message : "", -1);
  return g_strstrip (copy);
}

/* ---------------------------------------------------------------- schema */

/* The schema is compiled once per process.  libxml2's validator keeps
 * state in the compiled schema while it runs, so one file is validated
 * at a time. */
static xmlRelaxNGPtr
get_schema (void)
{
  static gsize done = 0;
  static xmlRelaxNGPtr schema = NULL;

  if (g_once_init_enter (&done))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (SCHEMA_RESOURCE, 0, NULL);

      if (bytes)
        {
          xmlRelaxNGParserCtxtPtr pctxt;

          pctxt = xmlRelaxNGNewMemParserCtxt (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes));
          schema = xmlRelaxNGParse (pctxt);
          xmlRelaxNGFreeParserCtxt (pctxt);
        }
      g_once_init_leave (&done, 1);
    }
  return schema;
}

static GMutex validation_lock;

/* ---------------------------------------------------------------- reading */

#define FRAME_ROOT -1        /* the root of a chapter, section or contacts file */
#define FRAME_SENT -2        /* the record of what was sent, and its lines */

typedef struct {
  int    index;             /* the record, or FRAME_ROOT or FRAME_SENT */
  guint  n_items;           /* items in it so far */
} Frame;

typedef struct {
  JpXmlReader      *reader;
  xmlTextReaderPtr  xr;
  GArray           *stack;  /* Frame: the open items */
  int               root_line;
  guint             n_top;  /* items under the root */
  /* What libxml2 said first. */
  gboolean          failed;
  char             *message;
  int               line;
  int               domain;
  int               code;
  /* The text element being read. */
  gboolean          in_text;
  int               text_index;
  JpTextField       text_field;
  JpLang            text_lang;
  int               text_line;
  const char       *text_name;
  GString          *text;
} Stream;

static void
on_xml_error (void        *user_data,
              xmlErrorPtr  err)
{
  Stream *s = user_data;

  if (err == NULL || err->level == XML_ERR_WARNING || s->failed)
    return;
  s->failed = TRUE;
  s->message = clean_message (err->message);
  s->line = err->line;
  s->domain = err->domain;
  s->code = err->code;
}

/* Messages libxml2 would print on its own (as from its encoders) go
 * to the import's error instead. */
static void
on_generic_error (void       *user_data,
                  const char *format,
                  ...)
{
}

static int
node_line (xmlNodePtr node)
{
  long line = node ? xmlGetLineNo (node) : -1;

  return line > 0 && line < G_MAXINT ? (int) line : 0;
}

static gboolean
in_namespace (xmlNodePtr node)
{
  return node->ns && strcmp ((const char *) node->ns->href, JP_XML_NAMESPACE) == 0;
}

static gboolean
fail_invalid (Stream      *s,
              int          line,
              const char  *what,
              GError     **error)
{
  return _jp_xml_fail_at (s->reader, error, JP_XML_ERROR_INVALID, line,
                          _("the file does not follow the plan format: %s."), what);
}

/* The root: a plan file of a version this program reads.  Checked
 * before anything else of the file is read. */
static gboolean
read_root (Stream      *s,
           xmlNodePtr   node,
           GError     **error)
{
  static const char *const scopes[] = { "plan", "chapter", "section", "contacts", NULL };
  JpXmlReader *reader = s->reader;
  g_autofree char *version = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *year = NULL;
  int line = node_line (node);
  gint64 v;

  s->root_line = line;
  if (!in_namespace (node) || strcmp ((const char *) node->name, "plan") != 0)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, line,
                            _("this is not a Jaarplan file (its root is <%s> in namespace “%s”, not <plan> in “%s”)."),
                            (const char *) node->name, node->ns ? (const char *) node->ns->href : "",
                            JP_XML_NAMESPACE);
  version = _jp_xml_attr_token (node, "version");
  if (version == NULL)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, line,
                            _("the file does not say which version of the plan format it follows "
                              "(<plan> has no version attribute)."));
  if (!g_ascii_string_to_signed (version, 10, 1, G_MAXINT, &v, NULL) || !g_ascii_isdigit (version[0]))
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, line,
                            _("the file gives “%s” as the version of its format, which is not a version of the plan format."),
                            version);
  if (v > JP_XML_VERSION)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, line,
                            _("the file was written by a newer version of Jaarplan (format %s; this version reads format %d)."),
                            version, JP_XML_VERSION);
  if (strcmp (version, "1") != 0 && strcmp (version, "2") != 0 && strcmp (version, "3") != 0)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, line,
                            _("the file gives “%s” as the version of its format, which is not a version of the plan format."),
                            version);

  scope = _jp_xml_attr_token (node, "scope");
  if (scope == NULL)
    return fail_invalid (s, line, _("<plan> has no scope (it must say scope=\"plan\", \"chapter\", \"section\" or \"contacts\")"), error);
  if (!g_strv_contains ((const char * const *) scopes, scope))
    {
      g_autofree char *what = g_strdup_printf (_("the scope “%s” is not “plan”, “chapter”, “section” or “contacts”"), scope);
      return fail_invalid (s, line, what, error);
    }
  year = _jp_xml_attr_token (node, "year");
  if (year && !_jp_xml_valid_year (year))
    {
      g_autofree char *what = g_strdup_printf (_("the year “%s” is not a year between 1944 and 9999"), year);
      return fail_invalid (s, line, what, error);
    }
  if (year == NULL && strcmp (scope, "plan") == 0)
    return fail_invalid (s, line, _("the plan has no year"), error);

  reader->scope = strcmp (scope, "chapter") == 0 ? JP_SCOPE_CHAPTER :
                  strcmp (scope, "section") == 0 ? JP_SCOPE_SECTION :
                  strcmp (scope, "contacts") == 0 ? JP_SCOPE_CONTACTS : JP_SCOPE_PLAN;
  reader->year = g_steal_pointer (&year);
  reader->author = _jp_xml_attr_token (node, "author");

  if (reader->scope == JP_SCOPE_PLAN)
    {
      JpRecord record = { .kind = JP_KIND_PLAN, .uid = g_strdup ("plan"), .parent = -1, .line = line };
      Frame frame = { .index = 0 };

      record.fields[JP_FIELD_NUMBER] = g_strdup (reader->year);
      g_array_append_val (reader->records, record);
      g_hash_table_insert (reader->uids, g_array_index (reader->records, JpRecord, 0).uid, GINT_TO_POINTER (0));
      g_array_append_val (s->stack, frame);
    }
  else
    {
      Frame frame = { .index = FRAME_ROOT };
      g_array_append_val (s->stack, frame);
    }
  return TRUE;
}

static const char *
scope_name (JpScope scope)
{
  static const char *const names[] = { "plan", "chapter", "section", "contacts" };
  return names[scope];
}

static gboolean
fail_scope (Stream  *s,
            GError **error)
{
  const char *scope = scope_name (s->reader->scope);
  g_autofree char *what = g_strdup_printf (_("a file of scope “%s” holds exactly one <%s>, and nothing else"),
                                           scope, scope);
  return fail_invalid (s, s->root_line, what, error);
}

/* An element directly under the root must fit the file's scope. */
static gboolean
check_scope (Stream      *s,
             xmlNodePtr   node,
             GError     **error)
{
  JpScope scope = s->reader->scope;
  const char *name = (const char *) node->name;

  if (scope == JP_SCOPE_PLAN)
    {
      if (strcmp (name, "section") == 0)
        return fail_invalid (s, node_line (node), _("a <section> of the whole plan belongs in its <chapter>"), error);
      return TRUE;
    }
  if (s->n_top++ > 0 || strcmp (name, scope_name (scope)) != 0)
    return fail_scope (s, error);
  return TRUE;
}

static gboolean
start_text (Stream      *s,
            xmlNodePtr   node,
            JpTextField  field,
            GError     **error)
{
  Frame *top = &g_array_index (s->stack, Frame, s->stack->len - 1);
  g_autofree char *lang = _jp_xml_attr_lang (node);
  const char *name = (const char *) node->name;
  int line = node_line (node);
  JpRecord *record;

  if (top->index < 0)
    return fail_scope (s, error);
  if (lang == NULL)
    {
      g_autofree char *what = g_strdup_printf (_("<%s> has no language (xml:lang must be “nl” or “fr”)"), name);
      return fail_invalid (s, line, what, error);
    }
  if (!jp_lang_from_string (lang, &s->text_lang))
    {
      g_autofree char *what = g_strdup_printf (_("<%s> is in the language “%s”; plan texts are in Dutch (nl) or French (fr)"),
                                               name, lang);
      return fail_invalid (s, line, what, error);
    }
  record = &g_array_index (s->reader->records, JpRecord, top->index);
  if (record->texts[field][s->text_lang] != NULL)
    return _jp_xml_fail_at (s->reader, error, JP_XML_ERROR_INVALID, line,
                            _("<%s> is given twice in the same language."), name);
  s->in_text = TRUE;
  s->text_index = top->index;
  s->text_field = field;
  s->text_line = line;
  s->text_name = jp_text_field_to_string (field);
  g_string_truncate (s->text, 0);
  return TRUE;
}

static gboolean
end_text (Stream      *s,
          const char  *name,
          GError     **error)
{
  JpRecord *record = &g_array_index (s->reader->records, JpRecord, s->text_index);

  s->in_text = FALSE;
  if (g_utf8_strlen (s->text->str, s->text->len) > 65536)
    {
      g_autofree char *what = g_strdup_printf (_("<%s> is longer than 65536 characters"), name);
      return fail_invalid (s, s->text_line, what, error);
    }
  /* An empty text is no text: the same as none. */
  if (s->text->len > 0)
    record->texts[s->text_field][s->text_lang] = g_strndup (s->text->str, s->text->len);
  return TRUE;
}

static gboolean
start_item (Stream      *s,
            xmlNodePtr   node,
            JpKind       kind,
            GError     **error)
{
  JpXmlReader *reader = s->reader;
  Frame *top = &g_array_index (s->stack, Frame, s->stack->len - 1);
  JpRecord record = { 0, };
  g_autofree char *why = _jp_xml_explain_item (node, kind);
  Frame frame;
  gpointer first;

  if (why)
    return fail_invalid (s, node_line (node), why, error);

  record.kind = kind;
  record.parent = top->index;
  record.position = top->n_items++;
  record.line = node_line (node);
  /* A single item's uid is fixed: its kind's name. */
  record.uid = jp_kind_has_flag (kind, JP_KIND_FLAG_SINGLE) ? g_strdup (jp_kind_to_string (kind))
                                                            : _jp_xml_attr_token (node, "id");

  if (g_hash_table_lookup_extended (reader->uids, record.uid, NULL, &first))
    {
      int line = g_array_index (reader->records, JpRecord, GPOINTER_TO_INT (first)).line;

      _jp_xml_fail_at (reader, error, JP_XML_ERROR_CONFLICT, record.line,
                       _("the id “%s” is used twice (first on line %d)."), record.uid, line);
      _jp_xml_record_clear (&record);
      return FALSE;
    }

  for (JpField f = 0; f < JP_N_FIELDS; f++)
    record.fields[f] = _jp_xml_attr_field (node, f);
  if (jp_kind_has_flag (kind, JP_KIND_FLAG_PHASED))
    {
      g_autofree char *phase = _jp_xml_attr_token (node, "phase");
      g_autofree char *status = _jp_xml_attr_token (node, "status");

      jp_phase_from_string (phase, &record.phase);
      jp_status_from_string (status, &record.status);
    }
  if (kind == JP_KIND_SECTION)
    {
      g_autofree char *areas = _jp_xml_attr_token (node, "areas");

      if (areas)
        record.areas = g_strsplit (areas, " ", -1);
    }
  if (record.fields[JP_FIELD_VALID_FROM] && record.fields[JP_FIELD_VALID_UNTIL] &&
      strcmp (record.fields[JP_FIELD_VALID_FROM], record.fields[JP_FIELD_VALID_UNTIL]) > 0)
    {
      _jp_xml_fail_at (reader, error, JP_XML_ERROR_INVALID, record.line,
                       _("the contact is valid from %s, after it stops being valid (%s)."),
                       record.fields[JP_FIELD_VALID_FROM], record.fields[JP_FIELD_VALID_UNTIL]);
      _jp_xml_record_clear (&record);
      return FALSE;
    }

  g_array_append_val (reader->records, record);
  frame.index = reader->records->len - 1;
  frame.n_items = 0;
  g_hash_table_insert (reader->uids, g_array_index (reader->records, JpRecord, frame.index).uid,
                       GINT_TO_POINTER (frame.index));
  g_array_append_val (s->stack, frame);
  return TRUE;
}

/* The record of what was sent with a chapter or section (<sent>), and
 * its lines (<fingerprint>): not items, kept for the import's check. */
static gboolean
start_sent (Stream      *s,
            xmlNodePtr   node,
            GError     **error)
{
  JpXmlReader *reader = s->reader;
  Frame frame = { .index = FRAME_SENT };
  g_autofree char *since = NULL;

  if ((reader->scope != JP_SCOPE_CHAPTER && reader->scope != JP_SCOPE_SECTION) || reader->sent != NULL ||
      s->n_top > 0)
    return fail_invalid (s, node_line (node), _("only a chapter or section file holds a record of what was "
                                                 "sent (<sent>), once, before the chapter or section"), error);
  reader->sent_export = _jp_xml_attr_token (node, "export");
  reader->sent_origin = _jp_xml_attr_token (node, "origin");
  since = _jp_xml_attr_token (node, "since");
  if (since && *since)
    reader->sent_since = g_strsplit (since, " ", -1);
  reader->sent_line = node_line (node);
  reader->sent = g_array_new (FALSE, TRUE, sizeof (JpXmlSent));
  g_array_set_clear_func (reader->sent, _jp_xml_sent_clear);
  g_array_append_val (s->stack, frame);
  return TRUE;
}

static gboolean
start_fingerprint (Stream      *s,
                   xmlNodePtr   node,
                   GError     **error)
{
  Frame frame = { .index = FRAME_SENT };
  JpXmlSent line = { 0, };

  if (strcmp ((const char *) node->name, "fingerprint") != 0)
    {
      g_autofree char *what = g_strdup_printf (_("<%s> is not a line of a record of what was sent"),
                                               (const char *) node->name);
      return fail_invalid (s, node_line (node), what, error);
    }
  line.uid = _jp_xml_attr_token (node, "ref");
  line.parent = _jp_xml_attr_token (node, "parent");
  line.fp = _jp_xml_attr_token (node, "value");
  g_array_append_val (s->reader->sent, line);
  g_array_append_val (s->stack, frame);
  return TRUE;
}

/* The kind written as element @name. */
static gboolean
kind_from_element (const char *name,
                   JpKind     *kind)
{
  for (JpKind k = 0; k < JP_N_KINDS; k++)
    if (strcmp (jp_kind_get_element (k), name) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

static gboolean
on_element (Stream      *s,
            GError     **error)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (s->xr);
  const char *name;
  JpTextField field;
  JpKind kind;

  if (node == NULL)
    return _jp_xml_fail_at (s->reader, error, JP_XML_ERROR_READ, 0, _("out of memory."));
  if (s->stack->len == 0)
    return read_root (s, node, error);

  name = (const char *) node->name;
  if (!in_namespace (node))
    {
      g_autofree char *what = g_strdup_printf (_("<%s> in the namespace “%s” is not an element of the plan format"),
                                               name, node->ns ? (const char *) node->ns->href : "");
      return fail_invalid (s, node_line (node), what, error);
    }
  if (s->in_text)
    {
      g_autofree char *what = g_strdup_printf (_("a text holds an element <%s>; a text holds only text"), name);
      return fail_invalid (s, node_line (node), what, error);
    }
  if (g_array_index (s->stack, Frame, s->stack->len - 1).index == FRAME_SENT)
    return start_fingerprint (s, node, error);
  if (s->stack->len == 1 && strcmp (name, "sent") == 0)
    return start_sent (s, node, error);
  if (s->stack->len == 1 && !check_scope (s, node, error))
    return FALSE;
  if (jp_text_field_from_string (name, &field))
    return start_text (s, node, field, error);
  /* The plan is the root, read by read_root(), never an item inside. */
  if (!kind_from_element (name, &kind) || kind == JP_KIND_PLAN)
    {
      g_autofree char *what = g_strdup_printf (_("<%s> is not an element of the plan format"), name);
      return fail_invalid (s, node_line (node), what, error);
    }
  return start_item (s, node, kind, error);
}

static gboolean
on_end (Stream      *s,
        const char  *name,
        GError     **error)
{
  JpTextField field;

  if (s->in_text && jp_text_field_from_string (name, &field))
    return end_text (s, name, error);
  if (s->stack->len > 0)
    g_array_set_size (s->stack, s->stack->len - 1);
  return TRUE;
}

/* What libxml2 said, in the import's words. */
static gboolean
fail_from_libxml (Stream  *s,
                  GError **error)
{
  JpXmlReader *reader = s->reader;
  g_autofree char *what = NULL;
  xmlNodePtr node;

  if (!s->failed)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_MALFORMED, 0, _("the file is not well-formed XML."));

  /* A text over the format's limit, whoever noticed it first (the
   * validator reads a text element whole before its text reaches here). */
  /* The node an error names may be gone already: the reader's current
   * node and its ancestors are not. */
  node = xmlTextReaderCurrentNode (s->xr);
  if (s->in_text)
    {
      xmlChar *content = node && node->type == XML_ELEMENT_NODE ? xmlNodeGetContent (node) : NULL;
      gboolean too_long = strstr (s->message, "huge text node") ||
                          g_utf8_strlen (s->text->str, s->text->len) > 65536 ||
                          (content && g_utf8_strlen ((const char *) content, -1) > 65536);

      xmlFree (content);
      if (too_long)
        {
          what = g_strdup_printf (_("<%s> is longer than 65536 characters"), s->text_name);
          return fail_invalid (s, s->text_line, what, error);
        }
    }

  if (s->domain == XML_FROM_RELAXNGV)
    {
      int line = s->line > 0 ? s->line : node_line (node);

      while (node && node->type != XML_ELEMENT_NODE)
        node = node->parent;

      /* An element out of place is reported on itself: name where. */
      if (node && node->parent && node->parent->type == XML_ELEMENT_NODE &&
          (g_str_has_prefix (s->message, "Did not expect element") || g_str_has_prefix (s->message, "Expecting")))
        node = node->parent;

      if (node && node->type == XML_ELEMENT_NODE)
        {
          g_autofree char *id = _jp_xml_attr_token (node, "id");

          if (id)
            what = g_strdup_printf (_("in <%s> “%s”: %s"), (const char *) node->name, id, s->message);
          else
            what = g_strdup_printf (_("in <%s>: %s"), (const char *) node->name, s->message);
        }
      return fail_invalid (s, line, what ? what : s->message, error);
    }

  if (strstr (s->message, "huge text node"))
    what = g_strdup (_("a text in it is larger than 10 MB"));
  else if (strstr (s->message, "Excessive depth"))
    what = g_strdup (_("its elements are nested more than 256 deep"));
  else
    what = g_strdup (s->message);
  if (g_str_has_suffix (what, "."))
    what[strlen (what) - 1] = '\0';
  if (s->line > 0)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_MALFORMED, s->line,
                            _("the file is not well-formed XML: %s."), what);
  return _jp_xml_fail_at (reader, error, JP_XML_ERROR_MALFORMED, 0, _("the file is not well-formed XML: %s."), what);
}

static gboolean
read_stream (Stream      *s,
             GError     **error)
{
  int rc;

  while ((rc = xmlTextReaderRead (s->xr)) == 1)
    {
      int type = xmlTextReaderNodeType (s->xr);
      gboolean ok = TRUE;

      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          ok = on_element (s, error);
          if (ok && xmlTextReaderIsEmptyElement (s->xr))
            ok = on_end (s, (const char *) xmlTextReaderConstLocalName (s->xr), error);
          break;
        case XML_READER_TYPE_END_ELEMENT:
          ok = on_end (s, (const char *) xmlTextReaderConstLocalName (s->xr), error);
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (s->in_text)
            g_string_append (s->text, (const char *) xmlTextReaderConstValue (s->xr));
          break;
        case XML_READER_TYPE_ENTITY_REFERENCE:
          return _jp_xml_fail_at (s->reader, error, JP_XML_ERROR_INVALID,
                                  node_line (xmlTextReaderCurrentNode (s->xr)),
                                  _("the file uses an entity (&%s;); plan files may not use entities."),
                                  (const char *) xmlTextReaderConstLocalName (s->xr));
        case XML_READER_TYPE_DOCUMENT_TYPE:
          return _jp_xml_fail_at (s->reader, error, JP_XML_ERROR_FORMAT,
                                  xmlTextReaderGetParserLineNumber (s->xr),
                                  _("the file declares a document type (<!DOCTYPE>); plan files may not."));
        default:
          break;
        }
      if (!ok)
        return FALSE;
      /* The validator and the parser speak while the reader moves. */
      if (s->failed)
        return fail_from_libxml (s, error);
    }
  if (rc != 0 || s->failed || xmlTextReaderIsValid (s->xr) != 1)
    return fail_from_libxml (s, error);
  if (s->stack->len == 0 && s->root_line == 0)
    return _jp_xml_fail_at (s->reader, error, JP_XML_ERROR_FORMAT, 0, _("the file has no content."));
  if (s->reader->scope != JP_SCOPE_PLAN && s->n_top == 0)
    return fail_scope (s, error);
  return TRUE;
}

/* The whole plan always has its single items (the contacts), if only
 * empty: last among the root's children. */
static void
add_single_items (JpXmlReader *reader)
{
  guint n_added = 0;

  for (JpKind k = 0; k < JP_N_KINDS; k++)
    {
      const char *uid = jp_kind_to_string (k);
      JpRecord record = { .kind = k, .parent = 0, .position = 1000000 + n_added, .line = 0 };

      if (!jp_kind_has_flag (k, JP_KIND_FLAG_SINGLE) || !jp_kind_allows_child (JP_KIND_PLAN, k) ||
          g_hash_table_contains (reader->uids, uid))
        continue;
      record.uid = g_strdup (uid);
      g_array_append_val (reader->records, record);
      g_hash_table_insert (reader->uids, record.uid, GINT_TO_POINTER (reader->records->len - 1));
      n_added++;
    }
}

gboolean
_jp_xml_read (JpXmlReader  *reader,
              JpXmlFile    *file,
              GError      **error)
{
  xmlStructuredErrorFunc old_structured = xmlStructuredError;
  void *old_structured_context = xmlStructuredErrorContext;
  xmlGenericErrorFunc old_generic = xmlGenericError;
  void *old_generic_context = xmlGenericErrorContext;
  g_autoptr(GError) local_error = NULL;
  xmlRelaxNGPtr schema;
  Stream s = { .reader = reader, };
  GBytes *bytes = _jp_xml_file_get_bytes (file);
  gsize head_size, size;
  const char *data = _jp_xml_file_get_head (file, &head_size, &size);
  gboolean ok = FALSE;
  int line;

  /* The beginning holds what these checks look at in the whole file. */
  if (data == NULL || _jp_xml_is_blank (data, head_size))
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_MALFORMED, 0, _("the file is empty."));
  if (size > JP_XML_MAX_SIZE)
    {
      g_autofree char *human = g_format_size (size);
      return _jp_xml_fail_at (reader, error, JP_XML_ERROR_READ, 0, _("the file is too large to be a plan (%s)."), human);
    }
  if (!_jp_xml_check_encoding (reader, data, head_size, error))
    return FALSE;
  if ((line = _jp_xml_find_doctype (data, head_size)) > 0)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, line,
                            _("the file declares a document type (<!DOCTYPE>); plan files may not."));
  schema = get_schema ();
  if (schema == NULL)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_INVALID, 0, _("the plan format’s schema cannot be read."));

  s.stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  s.text = g_string_new (NULL);

  g_mutex_lock (&validation_lock);
  xmlSetStructuredErrorFunc (&s, on_xml_error);
  xmlSetGenericErrorFunc (NULL, on_generic_error);
  if (bytes)
    s.xr = xmlReaderForMemory (data, (int) size, reader->name, NULL, PARSE_OPTIONS);
  else
    s.xr = xmlReaderForIO (_jp_xml_file_read, NULL, file, reader->name, NULL, PARSE_OPTIONS);
  if (s.xr == NULL)
    _jp_xml_fail_at (reader, &local_error, JP_XML_ERROR_READ, 0, _("out of memory."));
  else
    {
      xmlTextReaderSetStructuredErrorHandler (s.xr, on_xml_error, &s);
      if (xmlTextReaderRelaxNGSetSchema (s.xr, schema) != 0)
        _jp_xml_fail_at (reader, &local_error, JP_XML_ERROR_INVALID, 0, _("the plan format’s schema cannot be read."));
      else
        ok = read_stream (&s, &local_error);
      xmlFreeTextReader (s.xr);
    }
  xmlSetStructuredErrorFunc (old_structured_context, old_structured);
  xmlSetGenericErrorFunc (old_generic_context, old_generic);
  g_mutex_unlock (&validation_lock);

  /* A file that could not be read on says so, not what the parser made
   * of what it got. */
  if (!_jp_xml_file_done (file, ok, error))
    ok = FALSE;
  else if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));

  if (ok && reader->scope == JP_SCOPE_PLAN)
    add_single_items (reader);

  g_free (s.message);
  g_array_unref (s.stack);
  g_string_free (s.text, TRUE);
  return ok;
}

void
_jp_xml_reader_init (JpXmlReader *reader,
                     const char  *name)
{
  memset (reader, 0, sizeof *reader);
  reader->name = name;
  reader->records = g_array_new (FALSE, TRUE, sizeof (JpRecord));
  g_array_set_clear_func (reader->records, _jp_xml_record_clear);
  reader->uids = g_hash_table_new (g_str_hash, g_str_equal);
}
