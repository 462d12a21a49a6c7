/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-xml"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "jp-model-private.h"
#include "jp-xml.h"

#define SCHEMA_RESOURCE RESOURCE_PATH "jaarplan.rng"
#define XML_LANG_NS "http://www.w3.org/XML/1998/namespace"

/* Safe parsing: no network, no entity expansion, no DTD loading, no
 * XInclude, and libxml2's default limits (depth, text size) in force. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)

/* One item read from the file. */
typedef struct {
  JpKind      kind;
  char       *uid;
  int         parent;       /* index of the parent record, -1 for the top */
  guint       position;
  int         line;
  JpPhase     phase;
  JpStatus    status;
  char       *fields[JP_N_FIELDS];
  char       *texts[JP_N_TEXTS][JP_N_LANGS];
  char      **areas;        /* a section's policy areas (uids) */
  gint64      id;           /* in the database, once known */
  gboolean    moved;        /* changed place among its siblings */
} Record;

typedef struct {
  const char *name;         /* for messages */
  GArray     *records;      /* Record */
  GHashTable *uids;         /* uid → index */
  JpScope     scope;
  char       *year;
  GError     *error;
} Reader;

static void
record_clear (gpointer data)
{
  Record *r = data;

  g_free (r->uid);
  for (guint f = 0; f < JP_N_FIELDS; f++)
    g_free (r->fields[f]);
  for (guint t = 0; t < JP_N_TEXTS; t++)
    for (guint l = 0; l < JP_N_LANGS; l++)
      g_free (r->texts[t][l]);
  g_strfreev (r->areas);
}

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->records, g_array_unref);
  g_clear_pointer (&reader->uids, g_hash_table_unref);
  g_clear_pointer (&reader->year, g_free);
  g_clear_error (&reader->error);
}

/* ---------------------------------------------------------------- report */

JpImportReport *
jp_import_report_new (void)
{
  return g_new0 (JpImportReport, 1);
}

void
jp_import_report_free (JpImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->scope_uid);
  g_free (report->scope_label);
  g_free (report);
}

guint
jp_import_report_total (const JpImportReport *report,
                        const guint          *counts)
{
  guint total = 0;

  for (guint k = 0; k < JP_N_KINDS; k++)
    total += counts[k];
  return total;
}

char *
jp_import_report_describe (const JpImportReport *report)
{
  guint added = jp_import_report_total (report, report->added);
  guint changed = jp_import_report_total (report, report->changed);
  guint removed = jp_import_report_total (report, report->removed);
  g_autofree char *counts = NULL;

  counts = g_strdup_printf (_("added %u, changed %u, removed %u"), added, changed, removed);
  if (report->scope_label && *report->scope_label)
    /* Translators: the counts, then the chapter or section they are in. */
    return g_strdup_printf (_("%s in %s"), counts, report->scope_label);
  return g_steal_pointer (&counts);
}

/* ---------------------------------------------------------------- errors */

static gboolean
fail_at (Reader     *reader,
         GError    **error,
         int         code,
         int         line,
         const char *format,
         ...) G_GNUC_PRINTF (5, 6);

static gboolean
fail_at (Reader     *reader,
         GError    **error,
         int         code,
         int         line,
         const char *format,
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
check_encoding (Reader      *reader,
                const char  *data,
                gsize        size,
                GError     **error)
{
  const guchar *u = (const guchar *) data;

  if (size >= 4 && ((u[0] == 0 && u[1] == 0 && u[2] == 0xfe && u[3] == 0xff) ||
                    (u[0] == 0xff && u[1] == 0xfe && u[2] == 0 && u[3] == 0) ||
                    (u[0] == 0 && u[1] == 0 && u[2] == 0 && u[3] == '<') ||
                    (u[0] == '<' && u[1] == 0 && u[2] == 0 && u[3] == 0)))
    return fail_at (reader, error, JP_XML_ERROR_FORMAT, 0,
                    _("the file is in UTF-32; plan files are in UTF-8. Save it as UTF-8 and import it again."));
  if (size >= 2 && ((u[0] == 0xfe && u[1] == 0xff) || (u[0] == 0xff && u[1] == 0xfe) ||
                    (u[0] == 0 && u[1] == '<') || (u[0] == '<' && u[1] == 0)))
    return fail_at (reader, error, JP_XML_ERROR_FORMAT, 0,
                    _("the file is in UTF-16; plan files are in UTF-8. Save it as UTF-8 and import it again."));
  if (memchr (data, 0, size) != NULL)
    return fail_at (reader, error, JP_XML_ERROR_MALFORMED, 0,
                    _("the file holds binary data, not text: it is not a plan file."));
  return TRUE;
}

static xmlDocPtr
parse (Reader      *reader,
       const char  *data,
       gsize        size,
       GError     **error)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;

  if (is_blank (data, size))
    {
      fail_at (reader, error, JP_XML_ERROR_MALFORMED, 0, _("the file is empty."));
      return NULL;
    }
  if (size > JP_XML_MAX_SIZE)
    {
      g_autofree char *human = g_format_size (size);
      fail_at (reader, error, JP_XML_ERROR_READ, 0, _("the file is too large to be a plan (%s)."), human);
      return NULL;
    }
  if (!check_encoding (reader, data, size, error))
    return NULL;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      fail_at (reader, error, JP_XML_ERROR_READ, 0, _("out of memory."));
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
        fail_at (reader, error, JP_XML_ERROR_MALFORMED, 0, _("the file is not well-formed XML: %s."), what);
      else
        fail_at (reader, error, JP_XML_ERROR_MALFORMED, 0, _("the file is not well-formed XML."));
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
      fail_at (reader, error, JP_XML_ERROR_FORMAT, line,
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
    if (child->type == XML_ELEMENT_NODE && n_children++ == 0)
      first = child;
  if (n_children != 1 || strcmp ((const char *) first->name, scope) != 0)
    return g_strdup_printf (_("a file of scope “%s” holds exactly one <%s>, and nothing else"), scope, scope);
  return NULL;
}

static gboolean
validate (Reader     *reader,
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
    return fail_at (reader, error, JP_XML_ERROR_INVALID, 0, _("the plan format’s schema is missing."));

  if (!validator_init (&full, g_bytes_get_data (schema_bytes, NULL), g_bytes_get_size (schema_bytes)))
    {
      validator_clear (&full);
      return fail_at (reader, error, JP_XML_ERROR_INVALID, 0, _("the plan format’s schema cannot be read."));
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
    fail_at (reader, error, JP_XML_ERROR_INVALID, line, _("the file does not follow the plan format: %s."), what);
  else
    fail_at (reader, error, JP_XML_ERROR_INVALID, line, _("the file does not follow the plan format."));
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
check_content (Reader      *reader,
               xmlNodePtr   node,
               GError     **error)
{
  for (xmlNodePtr child = node->children; child; child = child->next)
    {
      if (child->type == XML_ENTITY_REF_NODE || child->type == XML_ENTITY_NODE)
        return fail_at (reader, error, JP_XML_ERROR_INVALID, xmlGetLineNo (child),
                        _("the file uses an entity (&%s;); plan files may not use entities."),
                        (const char *) child->name);
      if (child->type == XML_ELEMENT_NODE && !check_content (reader, child, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_text (Reader      *reader,
           Record      *record,
           xmlNodePtr   node,
           GError     **error)
{
  JpTextField field;
  JpLang lang;
  xmlChar *lang_attr, *content;

  if (!jp_text_field_from_string ((const char *) node->name, &field))
    return fail_at (reader, error, JP_XML_ERROR_INVALID, xmlGetLineNo (node),
                    _("unexpected element <%s>."), (const char *) node->name);

  lang_attr = xmlGetNsProp (node, BAD_CAST "lang", BAD_CAST XML_LANG_NS);
  if (lang_attr == NULL || !jp_lang_from_string ((const char *) lang_attr, &lang))
    {
      xmlFree (lang_attr);
      return fail_at (reader, error, JP_XML_ERROR_INVALID, xmlGetLineNo (node),
                      _("a text without a language (xml:lang must be “nl” or “fr”)."));
    }
  xmlFree (lang_attr);

  if (record->texts[field][lang] != NULL)
    return fail_at (reader, error, JP_XML_ERROR_INVALID, xmlGetLineNo (node),
                    _("<%s> is given twice in the same language."), (const char *) node->name);

  content = xmlNodeGetContent (node);
  if (content && *content)
    record->texts[field][lang] = g_strdup ((const char *) content);
  xmlFree (content);
  return TRUE;
}

static gboolean read_item (Reader *reader, xmlNodePtr node, int parent, guint position, GError **error);

static gboolean
read_children (Reader      *reader,
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
      else if (!read_text (reader, &g_array_index (reader->records, Record, index), child, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_item (Reader      *reader,
           xmlNodePtr   node,
           int          parent,
           guint        position,
           GError     **error)
{
  Record record = { 0, };
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
      int first = g_array_index (reader->records, Record,
                                 GPOINTER_TO_INT (g_hash_table_lookup (reader->uids, record.uid))).line;
      fail_at (reader, error, JP_XML_ERROR_CONFLICT, record.line,
               _("the id “%s” is used twice (first on line %d)."), record.uid, first);
      record_clear (&record);
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
      fail_at (reader, error, JP_XML_ERROR_INVALID, record.line,
               _("the contact is valid from %s, after it stops being valid (%s)."),
               record.fields[JP_FIELD_VALID_FROM], record.fields[JP_FIELD_VALID_UNTIL]);
      record_clear (&record);
      return FALSE;
    }

  g_array_append_val (reader->records, record);
  index = reader->records->len - 1;
  g_hash_table_insert (reader->uids, g_array_index (reader->records, Record, index).uid, GINT_TO_POINTER (index));

  return read_children (reader, index, node, error);
}

static gboolean
read_document (Reader      *reader,
               xmlDocPtr    doc,
               GError     **error)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);
  g_autofree char *version = NULL;
  g_autofree char *scope = NULL;
  gint64 v;

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    return fail_at (reader, error, JP_XML_ERROR_FORMAT, 0,
                    _("the file declares a document type (<!DOCTYPE>); plan files may not."));
  if (root == NULL)
    return fail_at (reader, error, JP_XML_ERROR_FORMAT, 0, _("the file has no content."));
  if (root->ns == NULL || strcmp ((const char *) root->ns->href, JP_XML_NAMESPACE) != 0 ||
      strcmp ((const char *) root->name, "plan") != 0)
    return fail_at (reader, error, JP_XML_ERROR_FORMAT, xmlGetLineNo (root),
                    _("this is not a Jaarplan file (its root is <%s> in namespace “%s”, not <plan> in “%s”)."),
                    (const char *) root->name, root->ns ? (const char *) root->ns->href : "",
                    JP_XML_NAMESPACE);

  version = get_attr (root, "version");
  if (version == NULL)
    return fail_at (reader, error, JP_XML_ERROR_FORMAT, xmlGetLineNo (root),
                    _("the file does not say which version of the plan format it follows "
                      "(<plan> has no version attribute)."));
  if (!g_ascii_string_to_signed (version, 10, 1, G_MAXINT, &v, NULL))
    return fail_at (reader, error, JP_XML_ERROR_FORMAT, xmlGetLineNo (root),
                    _("the file gives “%s” as the version of its format, which is not a version of the plan format."),
                    version);
  if (v > JP_XML_VERSION)
    return fail_at (reader, error, JP_XML_ERROR_FORMAT, xmlGetLineNo (root),
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
          Record contacts = { .kind = JP_KIND_CONTACTS, .uid = g_strdup ("contacts"), .parent = 0,
                              .position = 1000000, .line = 0 };
          g_array_append_val (reader->records, contacts);
          g_hash_table_insert (reader->uids, contacts.uid, GINT_TO_POINTER (reader->records->len - 1));
        }
      return TRUE;
    }

  for (xmlNodePtr child = root->children; child; child = child->next)
    if (is_element (child, NULL))
      return read_item (reader, child, -1, 0, error);
  return fail_at (reader, error, JP_XML_ERROR_INVALID, 0, _("the file holds nothing to import."));
}

/* ---------------------------------------------------------------- applying */

typedef struct {
  sqlite3    *db;
  Reader     *reader;
  JpImportReport *report;
  GHashTable *existing;     /* uid → Existing, the items of the scope */
  GHashTable *stmts;        /* SQL → sqlite3_stmt */
} Apply;

typedef struct {
  gint64      id;
  JpItemData  data;
  gboolean    seen;
} Existing;

static void
existing_free (gpointer data)
{
  Existing *e = data;

  _jp_item_data_clear (&e->data);
  g_free (e);
}

static sqlite3_stmt *
prepare (Apply       *apply,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (apply->stmts, sql);
  int rc;

  if (stmt)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v2 (apply->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _jp_sqlite_error (apply->db, rc, error);
      return NULL;
    }
  g_hash_table_insert (apply->stmts, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
run (Apply         *apply,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _jp_sqlite_error (apply->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *value)
{
  if (value && *value)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

#define SUBTREE \
  "WITH RECURSIVE sub (id) AS (SELECT ?1 UNION ALL SELECT item.id FROM item JOIN sub ON item.parent = sub.id)"

/* Reads every item of the scope, with its texts. */
static gboolean
load_existing (Apply   *apply,
               gint64   root_id,
               GError **error)
{
  GHashTable *by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (apply, SUBTREE " SELECT " JP_ITEM_COLUMNS " FROM item JOIN sub USING (id)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, root_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Existing *e = g_new0 (Existing, 1);

      _jp_item_data_read (&e->data, stmt);
      e->id = e->data.id;
      g_hash_table_insert (apply->existing, e->data.uid, e);
      g_hash_table_insert (by_id, &e->id, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _jp_sqlite_error (apply->db, rc, error);
      goto fail;
    }

  stmt = prepare (apply, SUBTREE " SELECT item, field, lang, value FROM text JOIN sub ON text.item = sub.id", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, root_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Existing *e = g_hash_table_lookup (by_id, &id);

      if (e)
        _jp_item_data_read_text (&e->data, stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _jp_sqlite_error (apply->db, rc, error);
      goto fail;
    }
  g_hash_table_unref (by_id);
  return TRUE;

fail:
  g_hash_table_unref (by_id);
  return FALSE;
}

static gint64
lookup_uid (Apply      *apply,
            const char *uid,
            JpKind     *kind)
{
  sqlite3_stmt *stmt = prepare (apply, "SELECT id, kind FROM item WHERE uid = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (kind)
        jp_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), kind);
    }
  sqlite3_reset (stmt);
  return id;
}

static gboolean
write_row_values (Apply     *apply,
                  Record    *r,
                  gint64     parent_id,
                  gboolean   insert,
                  GError   **error)
{
  sqlite3_stmt *stmt;

  if (insert)
    stmt = prepare (apply, "INSERT INTO item (kind, parent, position, phase, status, number, code, person, email,"
                           " phone, valid_from, valid_until, team, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                           " ?10, ?11, ?12, ?13, ?14)", error);
  else
    stmt = prepare (apply, "UPDATE item SET parent = ?2, position = ?3, phase = ?4, status = ?5, number = ?6,"
                           " code = ?7, person = ?8, email = ?9, phone = ?10, valid_from = ?11, valid_until = ?12,"
                           " team = ?13, revision = revision + 1 WHERE id = ?15 AND kind = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, jp_kind_to_string (r->kind), -1, SQLITE_STATIC);
  if (parent_id)
    sqlite3_bind_int64 (stmt, 2, parent_id);
  sqlite3_bind_int64 (stmt, 3, r->position);
  bind_text_or_null (stmt, 4, r->phase ? jp_phase_to_string (r->phase) : NULL);
  bind_text_or_null (stmt, 5, r->status ? jp_status_to_string (r->status) : NULL);
  for (guint f = 0; f < JP_N_FIELDS; f++)
    bind_text_or_null (stmt, 6 + f, r->fields[f]);
  if (insert)
    sqlite3_bind_text (stmt, 14, r->uid, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 15, r->id);
  if (!run (apply, stmt, error))
    return FALSE;
  if (insert)
    r->id = sqlite3_last_insert_rowid (apply->db);
  return TRUE;
}

static gboolean
write_texts (Apply     *apply,
             Record    *r,
             Existing  *e,
             GError   **error)
{
  for (guint t = 0; t < JP_N_TEXTS; t++)
    for (guint l = 0; l < JP_N_LANGS; l++)
      {
        const char *old = e ? e->data.texts[t][l] : NULL;
        const char *new = r->texts[t][l];
        sqlite3_stmt *stmt;

        if (g_strcmp0 (old, new) == 0)
          continue;
        if (new == NULL)
          stmt = prepare (apply, "DELETE FROM text WHERE item = ?1 AND field = ?2 AND lang = ?3", error);
        else
          stmt = prepare (apply, "INSERT INTO text (item, field, lang, value) VALUES (?1, ?2, ?3, ?4)"
                                 " ON CONFLICT (item, field, lang) DO UPDATE SET value = excluded.value", error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, r->id);
        sqlite3_bind_text (stmt, 2, jp_text_field_to_string (t), -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 3, jp_lang_to_string (l), -1, SQLITE_STATIC);
        if (new)
          sqlite3_bind_text (stmt, 4, new, -1, SQLITE_STATIC);
        if (!run (apply, stmt, error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
record_differs (const Record   *r,
                const Existing *e,
                gint64          parent_id)
{
  if (e->data.kind != r->kind || e->data.parent_id != parent_id ||
      e->data.phase != r->phase || e->data.status != r->status)
    return TRUE;
  for (guint f = 0; f < JP_N_FIELDS; f++)
    if (g_strcmp0 (e->data.fields[f], r->fields[f]) != 0)
      return TRUE;
  for (guint t = 0; t < JP_N_TEXTS; t++)
    for (guint l = 0; l < JP_N_LANGS; l++)
      if (g_strcmp0 (e->data.texts[t][l], r->texts[t][l]) != 0)
        return TRUE;
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Replaces a section's links; TRUE in *changed when they differ. */
static gboolean
write_links (Apply     *apply,
             Record    *r,
             gboolean  *changed,
             GError   **error)
{
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) new = g_ptr_array_new ();
  sqlite3_stmt *stmt;

  *changed = FALSE;
  stmt = prepare (apply, "SELECT area.uid FROM link JOIN item area ON area.id = link.area WHERE link.section = ?",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (old, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  for (guint i = 0; r->areas && r->areas[i]; i++)
    if (*r->areas[i] && !g_ptr_array_find_with_equal_func (new, r->areas[i], g_str_equal, NULL))
      g_ptr_array_add (new, r->areas[i]);
  g_ptr_array_sort (old, compare_strings);
  g_ptr_array_sort (new, compare_strings);

  if (old->len == new->len)
    {
      guint i = 0;
      while (i < old->len && g_strcmp0 (old->pdata[i], new->pdata[i]) == 0)
        i++;
      if (i == old->len)
        return TRUE;
    }
  *changed = TRUE;

  stmt = prepare (apply, "DELETE FROM link WHERE section = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->id);
  if (!run (apply, stmt, error))
    return FALSE;

  for (guint i = 0; i < new->len; i++)
    {
      JpKind kind = JP_KIND_ITEM;
      gint64 area = lookup_uid (apply, new->pdata[i], &kind);

      if (area == 0 || kind != JP_KIND_AREA)
        return fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, r->line,
                        _("section %s serves the policy area “%s”, which does not exist."),
                        r->fields[JP_FIELD_NUMBER] ? r->fields[JP_FIELD_NUMBER] : r->uid,
                        (const char *) new->pdata[i]);
      stmt = prepare (apply, "INSERT INTO link (section, area) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, r->id);
      sqlite3_bind_int64 (stmt, 2, area);
      if (!run (apply, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Marks the items that changed place among the siblings they keep: all
 * but a longest run that is still in the same order.  Items added or
 * removed around an item renumber it, but do not change it. */
static void
mark_moved (Apply  *apply,
            gint64  scope_parent)
{
  GArray *records = apply->reader->records;
  g_autoptr(GHashTable) groups = NULL;
  GHashTableIter iter;
  gpointer value;

  groups = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < records->len; i++)
    {
      Record *r = &g_array_index (records, Record, i);
      Existing *e = g_hash_table_lookup (apply->existing, r->uid);
      gint64 parent_id = scope_parent;
      GArray *group;

      if (e == NULL)
        continue;
      if (r->parent >= 0)
        {
          Existing *pe = g_hash_table_lookup (apply->existing,
                                              g_array_index (records, Record, r->parent).uid);
          if (pe == NULL)
            continue;
          parent_id = pe->id;
        }
      if (e->data.parent_id != parent_id)
        continue;   /* a new parent: changed anyway */
      group = g_hash_table_lookup (groups, GINT_TO_POINTER (r->parent + 1));
      if (group == NULL)
        {
          group = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (groups, GINT_TO_POINTER (r->parent + 1), group);
        }
      g_array_append_val (group, i);
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *group = value;
      guint n = group->len, best = 0;
      g_autofree guint *length = g_new0 (guint, n);
      g_autofree int *previous = g_new0 (int, n);
      guint *index = (guint *) (gpointer) group->data;

      /* Longest subsequence of increasing old positions, in file order. */
      for (guint i = 0; i < n; i++)
        {
          Existing *ei = g_hash_table_lookup (apply->existing, g_array_index (records, Record, index[i]).uid);

          length[i] = 1;
          previous[i] = -1;
          for (guint j = 0; j < i; j++)
            {
              Existing *ej = g_hash_table_lookup (apply->existing, g_array_index (records, Record, index[j]).uid);

              if (ej->data.position < ei->data.position && length[j] + 1 > length[i])
                {
                  length[i] = length[j] + 1;
                  previous[i] = j;
                }
            }
          if (length[i] > length[best])
            best = i;
        }
      for (guint i = 0; i < n; i++)
        g_array_index (records, Record, index[i]).moved = TRUE;
      for (int i = n > 0 ? (int) best : -1; i >= 0; i = previous[i])
        g_array_index (records, Record, index[i]).moved = FALSE;
    }
}

/* Finds the item the file replaces, and its parent. */
static gboolean
find_scope (Apply    *apply,
            gint64   *root_id,
            GError  **error)
{
  Record *top = &g_array_index (apply->reader->records, Record, 0);
  JpKind kind = JP_KIND_ITEM;
  sqlite3_stmt *stmt;

  apply->report->scope = apply->reader->scope;
  if (apply->reader->scope == JP_SCOPE_PLAN)
    {
      stmt = prepare (apply, "SELECT id FROM item WHERE parent IS NULL ORDER BY id LIMIT 1", error);
      if (stmt == NULL)
        return FALSE;
      *root_id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (*root_id == 0)
        return fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, 0, _("the database holds no plan."));
      return TRUE;
    }

  *root_id = lookup_uid (apply, top->uid, &kind);
  if (*root_id == 0 || kind != top->kind)
    {
      const char *number = top->fields[JP_FIELD_NUMBER];

      if (top->kind == JP_KIND_SECTION)
        return fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, top->line,
                        _("section %s (id “%s”) does not exist in this plan; only an existing section can be "
                          "replaced by a file that holds one section."), number ? number : "?", top->uid);
      if (top->kind == JP_KIND_CHAPTER)
        return fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, top->line,
                        _("chapter %s (id “%s”) does not exist in this plan; only an existing chapter can be "
                          "replaced by a file that holds one chapter."), number ? number : "?", top->uid);
      return fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, top->line,
                      _("the database has no contacts to replace."));
    }

  stmt = prepare (apply, "SELECT parent FROM item WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *root_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    top->id = sqlite3_column_int64 (stmt, 0);   /* its parent, for now */
  sqlite3_reset (stmt);
  return TRUE;
}

static char *
scope_label (Record *top)
{
  const char *number = top->fields[JP_FIELD_NUMBER];
  const char *title = top->texts[JP_TEXT_TITLE][JP_LANG_NL] ? top->texts[JP_TEXT_TITLE][JP_LANG_NL]
                                                            : top->texts[JP_TEXT_TITLE][JP_LANG_FR];

  if (top->kind == JP_KIND_CONTACTS)
    return g_strdup (_("the contacts"));
  if (number && title)
    return g_strdup_printf ("%s %s", number, title);
  return g_strdup (number ? number : title);
}

static gboolean
apply_records (Apply   *apply,
               GError **error)
{
  GArray *records = apply->reader->records;
  gint64 root_id = 0, scope_parent = 0, root_position = 0;
  GHashTableIter iter;
  gpointer value;

  if (!find_scope (apply, &root_id, error))
    return FALSE;
  if (apply->reader->scope != JP_SCOPE_PLAN)
    {
      Record *top = &g_array_index (records, Record, 0);
      sqlite3_stmt *stmt;

      scope_parent = top->id;
      top->id = 0;
      /* The replaced chapter or section keeps its place. */
      stmt = prepare (apply, "SELECT position FROM item WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, root_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        root_position = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      top->position = root_position;
      apply->report->scope_uid = g_strdup (top->uid);
      apply->report->scope_label = scope_label (top);
    }
  else if (apply->reader->year)
    {
      Record *top = &g_array_index (records, Record, 0);
      g_free (top->fields[JP_FIELD_NUMBER]);
      top->fields[JP_FIELD_NUMBER] = g_strdup (apply->reader->year);
    }

  if (!load_existing (apply, root_id, error))
    return FALSE;
  mark_moved (apply, scope_parent);

  for (guint i = 0; i < records->len; i++)
    {
      Record *r = &g_array_index (records, Record, i);
      gint64 parent_id = r->parent >= 0 ? g_array_index (records, Record, r->parent).id : scope_parent;
      Existing *e = g_hash_table_lookup (apply->existing, r->uid);
      gboolean links_changed = FALSE;
      gboolean differs;

      if (e)
        {
          r->id = e->id;
          e->seen = TRUE;
          if (e->data.kind != r->kind)
            return fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, r->line,
                            _("the id “%s” belongs to a %s in the plan, but to a %s in the file."),
                            r->uid, jp_kind_to_string (e->data.kind), jp_kind_to_string (r->kind));
          differs = r->moved || record_differs (r, e, parent_id);
          /* A new position alone is stored, but is not a change. */
          if ((differs || e->data.position != r->position) &&
              (!write_row_values (apply, r, parent_id, FALSE, error) ||
               !write_texts (apply, r, e, error)))
            return FALSE;
          if (r->kind == JP_KIND_SECTION && !write_links (apply, r, &links_changed, error))
            return FALSE;
          if (differs || links_changed)
            apply->report->changed[r->kind]++;
        }
      else
        {
          JpKind kind;

          if (lookup_uid (apply, r->uid, &kind) != 0)
            return fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, r->line,
                            _("the id “%s” is already used by another item of the plan, outside what this "
                              "file replaces."), r->uid);
          if (!write_row_values (apply, r, parent_id, TRUE, error) ||
              !write_texts (apply, r, NULL, error))
            return FALSE;
          if (r->kind == JP_KIND_SECTION && !write_links (apply, r, &links_changed, error))
            return FALSE;
          apply->report->added[r->kind]++;
        }
    }

  g_hash_table_iter_init (&iter, apply->existing);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Existing *e = value;
      sqlite3_stmt *stmt;

      if (e->seen)
        continue;
      apply->report->removed[e->data.kind]++;
      stmt = prepare (apply, "DELETE FROM item WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, e->id);
      if (!run (apply, stmt, error))
        return FALSE;
    }

  /* A chapter's team must be one of the plan's teams. */
  for (guint i = 0; i < records->len; i++)
    {
      Record *r = &g_array_index (records, Record, i);
      JpKind kind = JP_KIND_ITEM;

      if (r->kind == JP_KIND_CHAPTER && r->fields[JP_FIELD_TEAM] &&
          (lookup_uid (apply, r->fields[JP_FIELD_TEAM], &kind) == 0 || kind != JP_KIND_TEAM))
        return fail_at (apply->reader, error, JP_XML_ERROR_CONFLICT, r->line,
                        _("chapter %s belongs to the team “%s”, which does not exist."),
                        r->fields[JP_FIELD_NUMBER] ? r->fields[JP_FIELD_NUMBER] : r->uid,
                        r->fields[JP_FIELD_TEAM]);
    }
  return TRUE;
}

/* ---------------------------------------------------------------- entry points */

static gboolean
import_on_connection (sqlite3          *db,
                      GBytes           *bytes,
                      const char       *name,
                      gboolean          dry_run,
                      gboolean          log_undo,
                      JpImportReport  **report_out,
                      GError          **error)
{
  g_autoptr(JpImportReport) report = jp_import_report_new ();
  Reader reader = { 0, };
  Apply apply = { 0, };
  xmlDocPtr doc;
  gboolean ok = FALSE;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  reader.name = name;
  reader.records = g_array_new (FALSE, TRUE, sizeof (Record));
  g_array_set_clear_func (reader.records, record_clear);
  reader.uids = g_hash_table_new (g_str_hash, g_str_equal);

  doc = parse (&reader, data, size, error);
  if (doc == NULL)
    goto out;
  ok = read_document (&reader, doc, error);
  xmlFreeDoc (doc);
  if (!ok)
    goto out;
  ok = FALSE;

  apply.db = db;
  apply.reader = &reader;
  apply.report = report;
  apply.existing = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, existing_free);
  apply.stmts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, _jp_statement_free);

  if (!_jp_database_begin_step (db, log_undo && !dry_run, error))
    goto out;
  if (!apply_records (&apply, error))
    {
      _jp_database_rollback (db);
      goto out;
    }
  g_clear_pointer (&apply.stmts, g_hash_table_unref);
  if (dry_run)
    _jp_database_rollback (db);
  else if (!_jp_database_commit_step (db, error))
    goto out;
  ok = TRUE;
  if (report_out)
    *report_out = g_steal_pointer (&report);

out:
  g_clear_pointer (&apply.existing, g_hash_table_unref);
  g_clear_pointer (&apply.stmts, g_hash_table_unref);
  reader_clear (&reader);
  return ok;
}

static GBytes *
read_file (GFile         *file,
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

gboolean
jp_xml_import_bytes (JpDatabase      *db,
                     GBytes          *bytes,
                     const char      *name,
                     gboolean         dry_run,
                     JpImportReport **report,
                     GError         **error)
{
  g_autofree char *valid_name = NULL;

  g_return_val_if_fail (JP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  valid_name = g_utf8_make_valid (name ? name : "?", -1);
  if (!import_on_connection (_jp_database_get_handle (db), bytes, valid_name, dry_run,
                             TRUE, report, error))
    return FALSE;
  if (!dry_run)
    jp_database_reload (db);
  return TRUE;
}

gboolean
_jp_xml_import_seed (JpDatabase  *db,
                     GBytes      *bytes,
                     const char  *name,
                     GError     **error)
{
  if (!import_on_connection (_jp_database_get_handle (db), bytes, name, FALSE, FALSE, NULL, error))
    return FALSE;
  jp_database_reload (db);
  return TRUE;
}

gboolean
jp_xml_import (JpDatabase      *db,
               GFile           *file,
               gboolean         dry_run,
               JpImportReport **report,
               GCancellable    *cancellable,
               GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (JP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = read_file (file, cancellable, &name, error);
  if (bytes == NULL)
    return FALSE;
  return jp_xml_import_bytes (db, bytes, name, dry_run, report, error);
}

typedef struct {
  char     *path;
  GFile    *file;
  gboolean  dry_run;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->path);
  g_clear_object (&job->file);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  JpImportReport *report = NULL;
  GError *error = NULL;
  sqlite3 *db;

  bytes = read_file (job->file, cancellable, &name, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  db = _jp_database_connect (job->path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (import_on_connection (db, bytes, name, job->dry_run, TRUE, &report, &error))
    g_task_return_pointer (task, report, (GDestroyNotify) jp_import_report_free);
  else
    g_task_return_error (task, error);
  sqlite3_close (db);
}

void
jp_xml_import_async (JpDatabase          *db,
                     GFile               *file,
                     gboolean             dry_run,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (JP_IS_DATABASE (db));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, jp_xml_import_async);
  job = g_new0 (ImportJob, 1);
  job->path = g_strdup (jp_database_get_path (db));
  job->file = g_object_ref (file);
  job->dry_run = dry_run;
  g_task_set_task_data (task, job, import_job_free);

  if (g_strcmp0 (job->path, ":memory:") == 0)
    {
      /* A private in-memory database has no second connection. */
      JpImportReport *report = NULL;
      GError *error = NULL;

      if (jp_xml_import (db, file, dry_run, &report, cancellable, &error))
        g_task_return_pointer (task, report, (GDestroyNotify) jp_import_report_free);
      else
        g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, import_thread);
}

gboolean
jp_xml_import_finish (JpDatabase       *db,
                      GAsyncResult     *result,
                      JpImportReport  **report,
                      GError          **error)
{
  ImportJob *job;
  JpImportReport *r;

  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  r = g_task_propagate_pointer (G_TASK (result), error);
  if (r == NULL)
    return FALSE;
  /* The worker wrote through a connection of its own: re-read what this
   * one shows.  (An in-memory import ran here and re-read already.) */
  if (!job->dry_run && g_strcmp0 (job->path, ":memory:") != 0)
    jp_database_reload (db);
  if (report)
    *report = r;
  else
    jp_import_report_free (r);
  return TRUE;
}
