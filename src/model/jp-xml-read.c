/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-xml"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "jp-xml-private.h"

#define SCHEMA_RESOURCE RESOURCE_PATH "jaarplan.rng"
#define XML_LANG_NS "http://www.w3.org/XML/1998/namespace"

/* Safe parsing: no network, no entity expansion, no DTD loading, no
 * XInclude, and libxml2's default limits (depth, text size) in force. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)

void
_jp_xml_record_clear (gpointer data)
{
  JpXmlRecord *r = data;

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

/* ---------------------------------------------------------------- parsing */

static gboolean
is_blank (const char *data,
          gsize       size)
{
  for (gsize i = 0; i < size; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

/* Plan files are UTF-8 (with or without a byte order mark).  UTF-16 and
 * UTF-32 files are refused up front with a message that says so, rather
 * than whatever their first zero byte makes of them; zero bytes never
 * occur in an XML text at all. */
static gboolean
check_encoding (JpXmlReader      *reader,
                const char  *data,
                gsize        size,
                GError     **error)
{
  const guchar *u = (const guchar *) data;

  if (size >= 4 && ((u[0] == 0 && u[1] == 0 && u[2] == 0xfe && u[3] == 0xff) ||
                    (u[0] == 0xff && u[1] == 0xfe && u[2] == 0 && u[3] == 0) ||
                    (u[0] == 0 && u[1] == 0 && u[2] == 0 && u[3] == '<') ||
                    (u[0] == '<' && u[1] == 0 && u[2] == 0 && u[3] == 0)))
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, 0,
                    _("the file is in UTF-32; plan files are in UTF-8. Save it as UTF-8 and import it again."));
  if (size >= 2 && ((u[0] == 0xfe && u[1] == 0xff) || (u[0] == 0xff && u[1] == 0xfe) ||
                    (u[0] == 0 && u[1] == '<') || (u[0] == '<' && u[1] == 0)))
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, 0,
                    _("the file is in UTF-16; plan files are in UTF-8. Save it as UTF-8 and import it again."));
  if (memchr (data, 0, size) != NULL)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_MALFORMED, 0,
                    _("the file holds binary data, not text: it is not a plan file."));
  return TRUE;
}

static xmlDocPtr
parse (JpXmlReader      *reader,
       const char  *data,
       gsize        size,
       GError     **error)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;

  if (is_blank (data, size))
    {
      _jp_xml_fail_at (reader, error, JP_XML_ERROR_MALFORMED, 0, _("the file is empty."));
      return NULL;
    }
  if (size > JP_XML_MAX_SIZE)
    {
      g_autofree char *human = g_format_size (size);
      _jp_xml_fail_at (reader, error, JP_XML_ERROR_READ, 0, _("the file is too large to be a plan (%s)."), human);
      return NULL;
    }
  if (!check_encoding (reader, data, size, error))
    return NULL;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      _jp_xml_fail_at (reader, error, JP_XML_ERROR_READ, 0, _("out of memory."));
      return NULL;
    }
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, reader->name, NULL, PARSE_OPTIONS);
  /* A namespace error leaves the document "well-formed"; a text node over
   * libxml2's limit stops the parser without saying so: both count. */
  if (doc == NULL || !ctxt->wellFormed || !ctxt->nsWellFormed || ctxt->errNo != XML_ERR_OK)
    {
      xmlErrorPtr err = xmlCtxtGetLastError (ctxt);
      g_autofree char *what = clean_message (err ? err->message : NULL);

      if (err && strstr (what, "huge text node"))
        {
          g_free (what);
          what = g_strdup (_("a text in it is larger than 10 MB"));
        }
      else if (err && strstr (what, "Excessive depth"))
        {
          g_free (what);
          what = g_strdup (_("its elements are nested more than 256 deep"));
        }
      if (err && err->line > 0)
        g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_MALFORMED,
                     _("%s, line %d, column %d: the file is not well-formed XML: %s."),
                     reader->name, err->line, err->int2, what);
      else if (err)
        _jp_xml_fail_at (reader, error, JP_XML_ERROR_MALFORMED, 0, _("the file is not well-formed XML: %s."), what);
      else
        _jp_xml_fail_at (reader, error, JP_XML_ERROR_MALFORMED, 0, _("the file is not well-formed XML."));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      /* The node of a DTD has no line: find it in the text. */
      const char *doctype = g_strstr_len (data, size, "<!DOCTYPE");
      int line = 0;

      if (doctype)
        {
          line = 1;
          for (const char *c = data; c < doctype; c++)
            line += *c == '\n';
        }
      _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, line,
               _("the file declares a document type (<!DOCTYPE>); plan files may not."));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  xmlFreeParserCtxt (ctxt);
  return doc;
}

/* libxml2's RELAX NG validator reports an error in a deep element as
 * "extra content" in an ancestor.  To say what is wrong and where, a
 * failing document is searched for the deepest element that fails on its
 * own, against the same schema started at any single element, and that
 * element's attributes and text are checked in words a user reads. */

typedef struct {
  xmlRelaxNGPtr schema;
  GPtrArray    *messages;   /* what the validator said, in order */
  int           line;       /* of the first message */
} Validator;

static void
on_validation_error (void        *user_data,
                     xmlErrorPtr  err)
{
  Validator *v = user_data;

  if (err == NULL)
    return;
  if (v->messages->len == 0)
    v->line = err->line;
  g_ptr_array_add (v->messages, clean_message (err->message));
}

static gboolean
validator_init (Validator   *v,
                const char  *schema_text,
                gsize        schema_size)
{
  xmlRelaxNGParserCtxtPtr pctxt;

  pctxt = xmlRelaxNGNewMemParserCtxt (schema_text, (int) schema_size);
  v->schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  v->messages = g_ptr_array_new_with_free_func (g_free);
  return v->schema != NULL;
}

static void
validator_clear (Validator *v)
{
  g_clear_pointer (&v->schema, xmlRelaxNGFree);
  g_clear_pointer (&v->messages, g_ptr_array_unref);
}

static gboolean
validator_run (Validator *v,
               xmlDocPtr  doc)
{
  xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt (v->schema);
  int rc;

  g_ptr_array_set_size (v->messages, 0);
  v->line = 0;
  xmlRelaxNGSetValidStructuredErrors (vctxt, on_validation_error, v);
  rc = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  return rc == 0;
}

/* Validates @node alone against the fragment schema. */
static gboolean
validate_fragment (Validator  *v,
                   xmlNodePtr  node)
{
  xmlDocPtr doc = xmlNewDoc (BAD_CAST "1.0");
  xmlNodePtr copy = xmlDocCopyNode (node, doc, 1);
  gboolean ok;

  if (copy == NULL)
    {
      xmlFreeDoc (doc);
      return TRUE;
    }
  xmlDocSetRootElement (doc, copy);
  ok = validator_run (v, doc);
  xmlFreeDoc (doc);
  return ok;
}

/* The schema with its start replaced: any one element of the format. */
static char *
fragment_schema (const char *schema)
{
  static const char *const elements[] = {
    "programme", "part", "area", "chapter", "section", "objective", "item", "project", "group",
    "contacts", "team", "subject", "contact", "title", "text", "note", "reference", "ambition",
    "legitimation",
  };
  const char *start = strstr (schema, "<start>");
  const char *end = strstr (schema, "</start>");
  GString *s;

  if (start == NULL || end == NULL || end < start)
    return NULL;
  s = g_string_new_len (schema, start - schema);
  g_string_append (s, "<start><choice>");
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    g_string_append_printf (s, "<ref name=\"%s\"/>", elements[i]);
  g_string_append (s, "</choice></start>");
  g_string_append (s, end + strlen ("</start>"));
  return g_string_free (s, FALSE);
}

static gboolean
matches (const char *pattern,
         const char *value)
{
  return g_regex_match_simple (pattern, value, G_REGEX_ANCHORED | G_REGEX_DOLLAR_ENDONLY, G_REGEX_MATCH_ANCHORED);
}

static gboolean
valid_date (const char *value)
{
  int y, m, d;
  char tail;

  return value && sscanf (value, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && strlen (value) == 10 &&
         g_date_valid_dmy (d, m, y);
}

/* What is wrong with one element, in words, or NULL. */
static char *
explain (xmlNodePtr node)
{
  const char *name = (const char *) node->name;
  JpTextField field;
  JpKind kind;
  g_autofree char *id = NULL;
  g_autofree char *number = NULL;

  if (node->ns == NULL || strcmp ((const char *) node->ns->href, JP_XML_NAMESPACE) != 0)
    return g_strdup_printf (_("<%s> in the namespace “%s” is not an element of the plan format"), name,
                            node->ns ? (const char *) node->ns->href : "");
  if (jp_text_field_from_string (name, &field))
    {
      g_autofree char *lang = (char *) xmlGetNsProp (node, BAD_CAST "lang", BAD_CAST XML_LANG_NS);
      g_autofree char *content = NULL;

      if (lang == NULL)
        return g_strdup_printf (_("<%s> has no language (xml:lang must be “nl” or “fr”)"), name);
      if (strcmp (lang, "nl") != 0 && strcmp (lang, "fr") != 0)
        return g_strdup_printf (_("<%s> is in the language “%s”; plan texts are in Dutch (nl) or French (fr)"),
                                name, lang);
      content = (char *) xmlNodeGetContent (node);
      if (content && g_utf8_strlen (content, -1) > 65536)
        return g_strdup_printf (_("<%s> is longer than 65536 characters"), name);
      for (xmlNodePtr child = node->children; child; child = child->next)
        if (child->type == XML_ELEMENT_NODE)
          return g_strdup_printf (_("<%s> holds an element <%s>; a text holds only text"), name,
                                  (const char *) child->name);
      return NULL;
    }
  if (!jp_kind_from_string (name, &kind) || kind == JP_KIND_PLAN)
    return g_strdup_printf (_("<%s> is not an element of the plan format"), name);

  id = (char *) xmlGetNoNsProp (node, BAD_CAST "id");
  if (kind != JP_KIND_CONTACTS && id == NULL)
    return g_strdup_printf (_("<%s> has no id"), name);
  if (id && !matches ("[A-Za-z][A-Za-z0-9._\\-]{0,63}$", id))
    return g_strdup_printf (_("the id “%s” of <%s> is not valid (an id is a letter, then up to 63 letters, "
                              "digits, “.”, “_” or “-”)"), id, name);
  number = (char *) xmlGetNoNsProp (node, BAD_CAST "number");
  if (number == NULL && (kind == JP_KIND_AREA || kind == JP_KIND_CHAPTER || kind == JP_KIND_SECTION))
    return g_strdup_printf (_("<%s> “%s” has no number"), name, id);
  if (number && !matches ("[0-9]{1,3}(\\.[0-9]{1,3}){0,3}$", number))
    return g_strdup_printf (_("the number “%s” of <%s> “%s” is not a number such as 5 or 5.7"), number, name, id);

  if (kind == JP_KIND_PROJECT)
    {
      g_autofree char *phase = (char *) xmlGetNoNsProp (node, BAD_CAST "phase");
      g_autofree char *status = (char *) xmlGetNoNsProp (node, BAD_CAST "status");
      JpPhase p;
      JpStatus st;

      if (phase == NULL || !jp_phase_from_string (phase, &p) || p == JP_PHASE_NONE)
        return g_strdup_printf (_("the phase of project “%s” is “%s”; it must be “ongoing” or “new”"),
                                id, phase ? phase : "");
      if (status == NULL || !jp_status_from_string (status, &st) || st == JP_STATUS_NONE)
        return g_strdup_printf (_("the status of project “%s” is “%s”; it must be “planned”, “in-progress”, "
                                  "“done”, “postponed” or “dropped”"), id, status ? status : "");
    }
  if (kind == JP_KIND_CONTACT)
    {
      static const char *const dates[] = { "valid-from", "valid-until" };
      g_autofree char *person = (char *) xmlGetNoNsProp (node, BAD_CAST "person");
      g_autofree char *email = (char *) xmlGetNoNsProp (node, BAD_CAST "email");
      g_autofree char *phone = (char *) xmlGetNoNsProp (node, BAD_CAST "phone");

      if (person == NULL || *person == '\0')
        return g_strdup_printf (_("contact “%s” has no person"), id);
      if (email && !matches ("[^@\\s]+@[^@\\s]+$", email))
        return g_strdup_printf (_("the email “%s” of contact “%s” is not an e-mail address"), email, id);
      if (phone && !matches ("[+0-9() .\\-/]{1,64}$", phone))
        return g_strdup_printf (_("the phone “%s” of contact “%s” is not a telephone number"), phone, id);
      for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
        {
          g_autofree char *date = (char *) xmlGetNoNsProp (node, BAD_CAST dates[i]);

          if (date && !valid_date (date))
            return g_strdup_printf (_("the date %s=“%s” of contact “%s” is not a date of the calendar "
                                      "(YYYY-MM-DD)"), dates[i], date, id);
        }
    }
  return NULL;
}

static char *
explain_root (xmlNodePtr root)
{
  static const char *const scopes[] = { "plan", "chapter", "section", "contacts" };
  g_autofree char *scope = (char *) xmlGetNoNsProp (root, BAD_CAST "scope");
  g_autofree char *year = (char *) xmlGetNoNsProp (root, BAD_CAST "year");
  gint64 y;
  guint n_children = 0;
  xmlNodePtr first = NULL;

  if (scope == NULL)
    return g_strdup (_("<plan> has no scope (it must say scope=\"plan\", \"chapter\", \"section\" or \"contacts\")"));
  if (!g_strv_contains ((const char * const *) scopes, scope))
    return g_strdup_printf (_("the scope “%s” is not “plan”, “chapter”, “section” or “contacts”"), scope);
  if (year && !g_ascii_string_to_signed (year, 10, 1944, 9999, &y, NULL))
    return g_strdup_printf (_("the year “%s” is not a year between 1944 and 9999"), year);
  if (year == NULL && strcmp (scope, "plan") == 0)
    return g_strdup (_("the plan has no year"));
  if (strcmp (scope, "plan") == 0)
    return NULL;
  for (xmlNodePtr child = root->children; child; child = child->next)
    if (child->type == XML_ELEMENT_NODE && strcmp ((const char *) child->name, "sent") != 0 && n_children++ == 0)
      first = child;
  if (n_children != 1 || strcmp ((const char *) first->name, scope) != 0)
    return g_strdup_printf (_("a file of scope “%s” holds exactly one <%s>, and nothing else"), scope, scope);
  return NULL;
}

static gboolean
validate (JpXmlReader     *reader,
          xmlDocPtr   doc,
          GError    **error)
{
  g_autoptr(GBytes) schema_bytes = NULL;
  g_autofree char *fragment = NULL;
  Validator full = { 0, }, part = { 0, };
  xmlNodePtr culprit = NULL, node;
  g_autofree char *what = NULL;
  int line;

  schema_bytes = g_resources_lookup_data (SCHEMA_RESOURCE, 0, NULL);
  if (schema_bytes == NULL)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_INVALID, 0, _("the plan format’s schema is missing."));

  if (!validator_init (&full, g_bytes_get_data (schema_bytes, NULL), g_bytes_get_size (schema_bytes)))
    {
      validator_clear (&full);
      return _jp_xml_fail_at (reader, error, JP_XML_ERROR_INVALID, 0, _("the plan format’s schema cannot be read."));
    }
  if (validator_run (&full, doc))
    {
      validator_clear (&full);
      return TRUE;
    }

  /* Look for the deepest element that is wrong by itself. */
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (schema_bytes, NULL), g_bytes_get_size (schema_bytes));
    fragment = fragment_schema (text);
  }
  if (fragment && validator_init (&part, fragment, strlen (fragment)))
    {
      for (node = xmlDocGetRootElement (doc)->children; node; )
        {
          xmlNodePtr next = NULL;

          for (; node; node = node->next)
            if (node->type == XML_ELEMENT_NODE && !validate_fragment (&part, node))
              break;
          if (node == NULL)
            break;
          culprit = node;
          for (xmlNodePtr child = node->children; child && next == NULL; child = child->next)
            if (child->type == XML_ELEMENT_NODE && !validate_fragment (&part, child))
              next = child;
          node = next;
        }
      if (culprit)
        validate_fragment (&part, culprit);   /* its own messages */
    }

  if (culprit)
    {
      g_autofree char *why = explain (culprit);

      line = xmlGetLineNo (culprit);
      if (why)
        what = g_steal_pointer (&why);
      else if (part.messages->len > 0)
        {
          g_autofree char *id = (char *) xmlGetNoNsProp (culprit, BAD_CAST "id");

          if (id)
            what = g_strdup_printf (_("in <%s> “%s”: %s"), (const char *) culprit->name, id,
                                    (const char *) part.messages->pdata[0]);
          else
            what = g_strdup_printf (_("in <%s>: %s"), (const char *) culprit->name,
                                    (const char *) part.messages->pdata[0]);
        }
    }
  else
    {
      /* The root itself: its attributes, or what it holds. */
      line = full.line > 0 ? full.line : xmlGetLineNo (xmlDocGetRootElement (doc));
      what = explain_root (xmlDocGetRootElement (doc));
      if (what == NULL && full.messages->len > 0)
        what = g_strdup (full.messages->pdata[0]);
    }
  if (what)
    _jp_xml_fail_at (reader, error, JP_XML_ERROR_INVALID, line, _("the file does not follow the plan format: %s."), what);
  else
    _jp_xml_fail_at (reader, error, JP_XML_ERROR_INVALID, line, _("the file does not follow the plan format."));
  validator_clear (&full);
  validator_clear (&part);
  return FALSE;
}

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns &&
         strcmp ((const char *) node->ns->href, JP_XML_NAMESPACE) == 0 &&
         (name == NULL || strcmp ((const char *) node->name, name) == 0);
}

static char *
get_attr (xmlNodePtr  node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* Refuses what the schema cannot see: entity references, which are
 * never expanded and could hide content. */
static gboolean
check_content (JpXmlReader      *reader,
               xmlNodePtr   node,
               GError     **error)
{
  for (xmlNodePtr child = node->children; child; child = child->next)
    {
      if (child->type == XML_ENTITY_REF_NODE || child->type == XML_ENTITY_NODE)
        return _jp_xml_fail_at (reader, error, JP_XML_ERROR_INVALID, xmlGetLineNo (child),
                        _("the file uses an entity (&%s;); plan files may not use entities."),
                        (const char *) child->name);
      if (child->type == XML_ELEMENT_NODE && !check_content (reader, child, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_text (JpXmlReader      *reader,
           JpXmlRecord      *record,
           xmlNodePtr   node,
           GError     **error)
{
  JpTextField field;
  JpLang lang;
  xmlChar *lang_attr, *content;

  if (!jp_text_field_from_string ((const char *) node->name, &field))
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_INVALID, xmlGetLineNo (node),
                    _("unexpected element <%s>."), (const char *) node->name);

  lang_attr = xmlGetNsProp (node, BAD_CAST "lang", BAD_CAST XML_LANG_NS);
  if (lang_attr == NULL || !jp_lang_from_string ((const char *) lang_attr, &lang))
    {
      xmlFree (lang_attr);
      return _jp_xml_fail_at (reader, error, JP_XML_ERROR_INVALID, xmlGetLineNo (node),
                      _("a text without a language (xml:lang must be “nl” or “fr”)."));
    }
  xmlFree (lang_attr);

  if (record->texts[field][lang] != NULL)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_INVALID, xmlGetLineNo (node),
                    _("<%s> is given twice in the same language."), (const char *) node->name);

  content = xmlNodeGetContent (node);
  if (content && *content)
    record->texts[field][lang] = g_strdup ((const char *) content);
  xmlFree (content);
  return TRUE;
}

static gboolean read_item (JpXmlReader *reader, xmlNodePtr node, int parent, guint position, GError **error);

static gboolean
read_children (JpXmlReader      *reader,
               int          index,
               xmlNodePtr   node,
               GError     **error)
{
  guint position = 0;

  for (xmlNodePtr child = node->children; child; child = child->next)
    {
      JpKind kind;

      if (!is_element (child, NULL))
        continue;
      if (jp_kind_from_string ((const char *) child->name, &kind) && kind != JP_KIND_PLAN)
        {
          if (!read_item (reader, child, index, position++, error))
            return FALSE;
        }
      else if (!read_text (reader, &g_array_index (reader->records, JpXmlRecord, index), child, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_item (JpXmlReader      *reader,
           xmlNodePtr   node,
           int          parent,
           guint        position,
           GError     **error)
{
  JpXmlRecord record = { 0, };
  int index;

  jp_kind_from_string ((const char *) node->name, &record.kind);
  record.parent = parent;
  record.position = position;
  record.line = xmlGetLineNo (node);

  if (record.kind == JP_KIND_PLAN)
    record.uid = g_strdup ("plan");
  else if (record.kind == JP_KIND_CONTACTS)
    record.uid = g_strdup ("contacts");
  else
    record.uid = get_attr (node, "id");

  if (g_hash_table_contains (reader->uids, record.uid))
    {
      int first = g_array_index (reader->records, JpXmlRecord,
                                 GPOINTER_TO_INT (g_hash_table_lookup (reader->uids, record.uid))).line;
      _jp_xml_fail_at (reader, error, JP_XML_ERROR_CONFLICT, record.line,
               _("the id “%s” is used twice (first on line %d)."), record.uid, first);
      _jp_xml_record_clear (&record);
      return FALSE;
    }

  record.fields[JP_FIELD_NUMBER] = get_attr (node, record.kind == JP_KIND_PLAN ? "year" : "number");
  record.fields[JP_FIELD_CODE] = get_attr (node, "code");
  record.fields[JP_FIELD_PERSON] = get_attr (node, "person");
  record.fields[JP_FIELD_EMAIL] = get_attr (node, "email");
  record.fields[JP_FIELD_PHONE] = get_attr (node, "phone");
  record.fields[JP_FIELD_VALID_FROM] = get_attr (node, "valid-from");
  record.fields[JP_FIELD_VALID_UNTIL] = get_attr (node, "valid-until");
  record.fields[JP_FIELD_TEAM] = get_attr (node, "team");
  if (record.kind == JP_KIND_PROJECT)
    {
      g_autofree char *phase = get_attr (node, "phase");
      g_autofree char *status = get_attr (node, "status");
      jp_phase_from_string (phase, &record.phase);
      jp_status_from_string (status, &record.status);
    }
  if (record.kind == JP_KIND_SECTION)
    {
      g_autofree char *areas = get_attr (node, "areas");
      if (areas)
        record.areas = g_strsplit_set (g_strstrip (areas), " \t\n", -1);
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
  index = reader->records->len - 1;
  g_hash_table_insert (reader->uids, g_array_index (reader->records, JpXmlRecord, index).uid, GINT_TO_POINTER (index));

  return read_children (reader, index, node, error);
}

/* The record of what was sent; the schema has checked its form. */
static void
read_sent (JpXmlReader *reader,
           xmlNodePtr   node)
{
  reader->sent_export = get_attr (node, "export");
  reader->sent_origin = get_attr (node, "origin");
  {
    g_autofree char *since = get_attr (node, "since");
    if (since)
      reader->sent_since = g_strsplit_set (g_strstrip (since), " \t\n\r", -1);
  }
  reader->sent_line = xmlGetLineNo (node);
  reader->sent = g_array_new (FALSE, TRUE, sizeof (JpXmlSent));
  g_array_set_clear_func (reader->sent, _jp_xml_sent_clear);
  for (xmlNodePtr child = node->children; child; child = child->next)
    if (is_element (child, "fingerprint"))
      {
        JpXmlSent s = { get_attr (child, "ref"), get_attr (child, "parent"), get_attr (child, "value") };
        g_array_append_val (reader->sent, s);
      }
}

static gboolean
read_document (JpXmlReader      *reader,
               xmlDocPtr    doc,
               GError     **error)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);
  g_autofree char *version = NULL;
  g_autofree char *scope = NULL;
  gint64 v;

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, 0,
                    _("the file declares a document type (<!DOCTYPE>); plan files may not."));
  if (root == NULL)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, 0, _("the file has no content."));
  if (root->ns == NULL || strcmp ((const char *) root->ns->href, JP_XML_NAMESPACE) != 0 ||
      strcmp ((const char *) root->name, "plan") != 0)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, xmlGetLineNo (root),
                    _("this is not a Jaarplan file (its root is <%s> in namespace “%s”, not <plan> in “%s”)."),
                    (const char *) root->name, root->ns ? (const char *) root->ns->href : "",
                    JP_XML_NAMESPACE);

  version = get_attr (root, "version");
  if (version == NULL)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, xmlGetLineNo (root),
                    _("the file does not say which version of the plan format it follows "
                      "(<plan> has no version attribute)."));
  if (!g_ascii_string_to_signed (version, 10, 1, G_MAXINT, &v, NULL))
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, xmlGetLineNo (root),
                    _("the file gives “%s” as the version of its format, which is not a version of the plan format."),
                    version);
  if (v > JP_XML_VERSION)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, xmlGetLineNo (root),
                    _("the file was written by a newer version of Jaarplan (format %s; this version reads format %d)."),
                    version, JP_XML_VERSION);

  if (!check_content (reader, root, error) || !validate (reader, doc, error))
    return FALSE;

  scope = get_attr (root, "scope");
  if (g_strcmp0 (scope, "chapter") == 0)
    reader->scope = JP_SCOPE_CHAPTER;
  else if (g_strcmp0 (scope, "section") == 0)
    reader->scope = JP_SCOPE_SECTION;
  else if (g_strcmp0 (scope, "contacts") == 0)
    reader->scope = JP_SCOPE_CONTACTS;
  else
    reader->scope = JP_SCOPE_PLAN;
  reader->year = get_attr (root, "year");

  if (reader->scope == JP_SCOPE_PLAN)
    {
      if (!read_item (reader, root, -1, 0, error))
        return FALSE;
      /* The whole plan always has its contacts, if only empty. */
      if (!g_hash_table_contains (reader->uids, "contacts"))
        {
          JpXmlRecord contacts = { .kind = JP_KIND_CONTACTS, .uid = g_strdup ("contacts"), .parent = 0,
                              .position = 1000000, .line = 0 };
          g_array_append_val (reader->records, contacts);
          g_hash_table_insert (reader->uids, contacts.uid, GINT_TO_POINTER (reader->records->len - 1));
        }
      return TRUE;
    }

  for (xmlNodePtr child = root->children; child; child = child->next)
    if (is_element (child, "sent"))
      read_sent (reader, child);
    else if (is_element (child, NULL))
      return read_item (reader, child, -1, 0, error);
  return _jp_xml_fail_at (reader, error, JP_XML_ERROR_INVALID, 0, _("the file holds nothing to import."));
}


GBytes *
_jp_xml_read_file (GFile         *file,
                   GCancellable  *cancellable,
                   char         **name,
                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  char *contents = NULL;
  gsize length = 0;

  {
    g_autofree char *basename = g_file_get_basename (file);
    *name = g_filename_display_name (basename);
  }
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info && g_file_info_get_size (info) > JP_XML_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ,
                   _("%s: the file is too large to be a plan (%s)."), *name, size);
      return NULL;
    }
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ, _("%s cannot be read: %s"), *name,
                   local_error->message);
      return NULL;
    }
  return g_bytes_new_take (contents, length);
}

void
_jp_xml_reader_init (JpXmlReader *reader,
                     const char  *name)
{
  memset (reader, 0, sizeof *reader);
  reader->name = name;
  reader->records = g_array_new (FALSE, TRUE, sizeof (JpXmlRecord));
  g_array_set_clear_func (reader->records, _jp_xml_record_clear);
  reader->uids = g_hash_table_new (g_str_hash, g_str_equal);
}

gboolean
_jp_xml_read (JpXmlReader  *reader,
              GBytes       *bytes,
              GError      **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDocPtr doc;
  gboolean ok;

  doc = parse (reader, data, size, error);
  if (doc == NULL)
    return FALSE;
  ok = read_document (reader, doc, error);
  xmlFreeDoc (doc);
  return ok;
}
