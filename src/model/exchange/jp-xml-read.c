/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-xml"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#include "model/exchange/jp-xml-private.h"

#define SCHEMA_RESOURCE RESOURCE_PATH "jaarplan.rng"
#define XML_LANG_NS "http://www.w3.org/XML/1998/namespace"

/* Safe parsing: no network, no entity expansion, no DTD loading, no
 * XInclude, and libxml2's default limits (depth, text size) in force. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)

/* How long a pipe or a device may take to deliver a whole file. */
#define READ_TIMEOUT_MS 10000

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

/* ---------------------------------------------------------------- values */

/* XML Schema's whitespace rule "collapse", which the schema's token,
 * date and integer types and RELAX NG's <value> apply before they check
 * a value: runs of spaces, tabs and line ends become one space, none at
 * either end.  Every attribute of such a type is read through here, so
 * that the importer reads exactly the value the schema accepted. */
static char *
collapse (const char *raw)
{
  GString *s = g_string_sized_new (strlen (raw));
  gboolean space = FALSE;

  for (const char *c = raw; *c; c++)
    {
      if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r')
        {
          space = s->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (s, ' ');
      space = FALSE;
      g_string_append_c (s, *c);
    }
  return g_string_free (s, FALSE);
}

/* An attribute of type string: as written. */
static char *
attr_string (xmlNodePtr  node,
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

/* An attribute of a token type (token, date, integer, <value>). */
static char *
attr_token (xmlNodePtr  node,
            const char *name)
{
  g_autofree char *raw = attr_string (node, name);

  return raw ? collapse (raw) : NULL;
}

static char *
attr_lang (xmlNodePtr node)
{
  xmlChar *value = xmlGetNsProp (node, BAD_CAST "lang", BAD_CAST XML_LANG_NS);
  char *token;

  if (value == NULL)
    return NULL;
  token = collapse ((const char *) value);
  xmlFree (value);
  return token;
}

/* The schema's patterns, compiled once per process. */
typedef enum {
  PATTERN_ID,
  PATTERN_NUMBER,
  PATTERN_EMAIL,
  PATTERN_PHONE,
  N_PATTERNS
} Pattern;

static gboolean
matches (Pattern     pattern,
         const char *value)
{
  static const char *const sources[N_PATTERNS] = {
    [PATTERN_ID] = "[A-Za-z][A-Za-z0-9._\\-]{0,63}$",
    [PATTERN_NUMBER] = "[0-9]{1,3}(\\.[0-9]{1,3}){0,3}$",
    [PATTERN_EMAIL] = "[^@\\s]+@[^@\\s]+$",
    [PATTERN_PHONE] = "[+0-9() .\\-/]{1,64}$",
  };
  static GRegex *regexes[N_PATTERNS];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint p = 0; p < N_PATTERNS; p++)
        regexes[p] = g_regex_new (sources[p], G_REGEX_ANCHORED | G_REGEX_DOLLAR_ENDONLY | G_REGEX_OPTIMIZE,
                                  G_REGEX_MATCH_ANCHORED, NULL);
      g_once_init_leave (&done, 1);
    }
  return g_regex_match (regexes[pattern], value, 0, NULL);
}

static gboolean
is_digits (const char *value,
           gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (value[i]))
      return FALSE;
  return TRUE;
}

/* A date of the calendar written YYYY-MM-DD, nothing more: the model's
 * date logic compares these as strings. */
static gboolean
valid_date (const char *value)
{
  int y, m, d;

  if (value == NULL || strlen (value) != 10 || value[4] != '-' || value[7] != '-' ||
      !is_digits (value, 4) || !is_digits (value + 5, 2) || !is_digits (value + 8, 2))
    return FALSE;
  y = atoi (value);
  m = atoi (value + 5);
  d = atoi (value + 8);
  return y >= 1 && g_date_valid_dmy (d, m, y);
}

/* A year of four digits, from the Benelux treaty's year on. */
static gboolean
valid_year (const char *value)
{
  return value && strlen (value) == 4 && is_digits (value, 4) && atoi (value) >= 1944;
}

static gboolean
valid_id (const char *value)
{
  return matches (PATTERN_ID, value);
}

/* ---------------------------------------------------------------- encoding */

static gboolean
is_blank (const char *data,
          gsize       size)
{
  for (gsize i = 0; i < size; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

static gboolean
has_utf16_bom (const guchar *u,
               gsize         size)
{
  return size >= 2 && ((u[0] == 0xfe && u[1] == 0xff) || (u[0] == 0xff && u[1] == 0xfe)) &&
         !(size >= 4 && u[0] == 0xff && u[1] == 0xfe && u[2] == 0 && u[3] == 0);
}

/* UTF-16 or UTF-32, by a byte order mark or by the zero bytes around
 * the first "<". */
static gboolean
looks_wide (const guchar *u,
            gsize         size)
{
  if (size < 2)
    return FALSE;
  if ((u[0] == 0xfe && u[1] == 0xff) || (u[0] == 0xff && u[1] == 0xfe) ||
      (u[0] == 0 && u[1] == '<') || (u[0] == '<' && u[1] == 0))
    return TRUE;
  return size >= 4 && ((u[0] == 0 && u[1] == 0 && u[2] == 0xfe && u[3] == 0xff) ||
                       (u[0] == 0 && u[1] == 0 && u[2] == 0 && u[3] == '<'));
}

/* The encoding the XML declaration names, or NULL. */
static char *
declared_encoding (const char *data,
                   gsize       size)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  gsize n = MIN (size, 1024);
  const char *end;

  if (n >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      n -= 3;
    }
  if (n < 5 || memcmp (data, "<?xml", 5) != 0)
    return NULL;
  end = g_strstr_len (data, n, "?>");
  if (end == NULL)
    return NULL;
  regex = g_regex_new ("\\sencoding\\s*=\\s*([\"'])([^\"']*)\\1", G_REGEX_RAW, 0, NULL);
  if (!g_regex_match_full (regex, data, end - data, 0, 0, &match, NULL))
    return NULL;
  return g_match_info_fetch (match, 2);
}

/* Plan files are UTF-8 (with or without a byte order mark), or UTF-16
 * with one.  Anything else is refused up front with a message that says
 * so, rather than being decoded into something else. */
static gboolean
check_encoding (JpXmlReader *reader,
                const char  *data,
                gsize        size,
                GError     **error)
{
  const guchar *u = (const guchar *) data;
  g_autofree char *declared = NULL;

  if (size >= 4 && ((u[0] == 0 && u[1] == 0 && u[2] == 0xfe && u[3] == 0xff) ||
                    (u[0] == 0xff && u[1] == 0xfe && u[2] == 0 && u[3] == 0) ||
                    (u[0] == 0 && u[1] == 0 && u[2] == 0 && u[3] == '<') ||
                    (u[0] == '<' && u[1] == 0 && u[2] == 0 && u[3] == 0)))
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, 0,
                            _("the file is in UTF-32; plan files are in UTF-8. Save it as UTF-8 and import it again."));
  if (has_utf16_bom (u, size))
    return TRUE;
  if (size >= 2 && ((u[0] == 0 && u[1] == '<') || (u[0] == '<' && u[1] == 0)))
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, 0,
                            _("the file is in UTF-16 without a byte order mark; plan files are in UTF-8. "
                              "Save it as UTF-8 and import it again."));
  if (memchr (data, 0, size) != NULL)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_MALFORMED, 0,
                            _("the file holds binary data, not text: it is not a plan file."));
  declared = declared_encoding (data, size);
  if (declared && g_ascii_strcasecmp (declared, "UTF-8") != 0 && g_ascii_strcasecmp (declared, "UTF8") != 0)
    {
      g_autofree char *shown = g_utf8_make_valid (declared, -1);

      return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, 1,
                              _("the file says it is in the encoding “%s”; plan files are in UTF-8. "
                                "Save it as UTF-8 and import it again."), shown);
    }
  return TRUE;
}

/* The line of a document type declaration in the prolog, or 0.  Found
 * before parsing, so that no declaration of it (an entity, a loop of
 * them) is ever read. */
static int
find_doctype (const char *data,
              gsize       size)
{
  const char *c = data, *end = data + size;

  if (size >= 3 && memcmp (c, "\xef\xbb\xbf", 3) == 0)
    c += 3;
  while (c < end)
    {
      const char *close = NULL;

      if (g_ascii_isspace (*c))
        {
          c++;
          continue;
        }
      if (end - c >= 2 && memcmp (c, "<?", 2) == 0)
        close = g_strstr_len (c, end - c, "?>");
      else if (end - c >= 4 && memcmp (c, "<!--", 4) == 0)
        close = g_strstr_len (c, end - c, "-->");
      else if (end - c >= 9 && memcmp (c, "<!DOCTYPE", 9) == 0)
        {
          int line = 1;

          for (const char *p = data; p < c; p++)
            line += *p == '\n';
          return line;
        }
      if (close == NULL)
        return 0;
      c = close + 2;
    }
  return 0;
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

/* What is wrong with one element's attributes, in words, or NULL. */
static char *
explain_item (xmlNodePtr node,
              JpKind     kind)
{
  const char *name = (const char *) node->name;
  g_autofree char *id = attr_token (node, "id");
  g_autofree char *number = attr_token (node, "number");

  if (kind != JP_KIND_CONTACTS && id == NULL)
    return g_strdup_printf (_("<%s> has no id"), name);
  if (id && !valid_id (id))
    return g_strdup_printf (_("the id “%s” of <%s> is not valid (an id is a letter, then up to 63 letters, "
                              "digits, “.”, “_” or “-”)"), id, name);
  if (number == NULL && (kind == JP_KIND_AREA || kind == JP_KIND_CHAPTER || kind == JP_KIND_SECTION))
    return g_strdup_printf (_("<%s> “%s” has no number"), name, id);
  if (number && !matches (PATTERN_NUMBER, number))
    return g_strdup_printf (_("the number “%s” of <%s> “%s” is not a number such as 5 or 5.7"), number, name, id);

  if (kind == JP_KIND_SECTION)
    {
      g_autofree char *areas = attr_token (node, "areas");
      g_auto(GStrv) list = areas ? g_strsplit (areas, " ", -1) : NULL;

      if (areas && *areas == '\0')
        return g_strdup_printf (_("section “%s” names no policy area in areas=\"\""), id);
      for (guint i = 0; list && list[i]; i++)
        if (!valid_id (list[i]))
          return g_strdup_printf (_("section “%s” names “%s” as a policy area, which is not an id"), id, list[i]);
    }
  if (kind == JP_KIND_PROJECT)
    {
      g_autofree char *phase = attr_token (node, "phase");
      g_autofree char *status = attr_token (node, "status");
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
      g_autofree char *person = attr_string (node, "person");
      g_autofree char *email = attr_string (node, "email");
      g_autofree char *phone = attr_string (node, "phone");

      if (person == NULL || *person == '\0')
        return g_strdup_printf (_("contact “%s” has no person"), id);
      if (email && !matches (PATTERN_EMAIL, email))
        return g_strdup_printf (_("the email “%s” of contact “%s” is not an e-mail address"), email, id);
      if (phone && !matches (PATTERN_PHONE, phone))
        return g_strdup_printf (_("the phone “%s” of contact “%s” is not a telephone number"), phone, id);
      /* libxml2's date type takes no white space around a date (it
       * checks the pattern before collapsing): neither does this. */
      for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
        {
          g_autofree char *date = attr_string (node, dates[i]);

          if (date && !valid_date (date))
            return g_strdup_printf (_("the date %s=“%s” of contact “%s” is not a date of the calendar "
                                      "(YYYY-MM-DD)"), dates[i], date, id);
        }
    }
  return NULL;
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
  version = attr_token (node, "version");
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
  if (v != JP_XML_VERSION || strcmp (version, "1") != 0)
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_FORMAT, line,
                            _("the file gives “%s” as the version of its format, which is not a version of the plan format."),
                            version);

  scope = attr_token (node, "scope");
  if (scope == NULL)
    return fail_invalid (s, line, _("<plan> has no scope (it must say scope=\"plan\", \"chapter\", \"section\" or \"contacts\")"), error);
  if (!g_strv_contains ((const char * const *) scopes, scope))
    {
      g_autofree char *what = g_strdup_printf (_("the scope “%s” is not “plan”, “chapter”, “section” or “contacts”"), scope);
      return fail_invalid (s, line, what, error);
    }
  year = attr_token (node, "year");
  if (year && !valid_year (year))
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
  g_autofree char *lang = attr_lang (node);
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
  g_autofree char *why = explain_item (node, kind);
  Frame frame;
  gpointer first;

  if (why)
    return fail_invalid (s, node_line (node), why, error);

  record.kind = kind;
  record.parent = top->index;
  record.position = top->n_items++;
  record.line = node_line (node);
  record.uid = kind == JP_KIND_CONTACTS ? g_strdup ("contacts") : attr_token (node, "id");

  if (g_hash_table_lookup_extended (reader->uids, record.uid, NULL, &first))
    {
      int line = g_array_index (reader->records, JpRecord, GPOINTER_TO_INT (first)).line;

      _jp_xml_fail_at (reader, error, JP_XML_ERROR_CONFLICT, record.line,
                       _("the id “%s” is used twice (first on line %d)."), record.uid, line);
      _jp_xml_record_clear (&record);
      return FALSE;
    }

  record.fields[JP_FIELD_NUMBER] = attr_token (node, "number");
  record.fields[JP_FIELD_CODE] = attr_string (node, "code");
  record.fields[JP_FIELD_PERSON] = attr_string (node, "person");
  record.fields[JP_FIELD_EMAIL] = attr_string (node, "email");
  record.fields[JP_FIELD_PHONE] = attr_string (node, "phone");
  record.fields[JP_FIELD_VALID_FROM] = attr_string (node, "valid-from");
  record.fields[JP_FIELD_VALID_UNTIL] = attr_string (node, "valid-until");
  record.fields[JP_FIELD_TEAM] = attr_token (node, "team");
  if (kind == JP_KIND_PROJECT)
    {
      g_autofree char *phase = attr_token (node, "phase");
      g_autofree char *status = attr_token (node, "status");

      jp_phase_from_string (phase, &record.phase);
      jp_status_from_string (status, &record.status);
    }
  if (kind == JP_KIND_SECTION)
    {
      g_autofree char *areas = attr_token (node, "areas");

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
  reader->sent_export = attr_token (node, "export");
  reader->sent_origin = attr_token (node, "origin");
  since = attr_token (node, "since");
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
  line.uid = attr_token (node, "ref");
  line.parent = attr_token (node, "parent");
  line.fp = attr_token (node, "value");
  g_array_append_val (s->reader->sent, line);
  g_array_append_val (s->stack, frame);
  return TRUE;
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
  if (!jp_kind_from_string (name, &kind) || kind == JP_KIND_PLAN)
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
          g_autofree char *id = attr_token (node, "id");

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

gboolean
_jp_xml_read (JpXmlReader  *reader,
              GBytes       *bytes,
              GError      **error)
{
  xmlStructuredErrorFunc old_structured = xmlStructuredError;
  void *old_structured_context = xmlStructuredErrorContext;
  xmlGenericErrorFunc old_generic = xmlGenericError;
  void *old_generic_context = xmlGenericErrorContext;
  xmlRelaxNGPtr schema;
  Stream s = { .reader = reader, };
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gboolean ok = FALSE;
  int line;

  if (data == NULL || is_blank (data, size))
    return _jp_xml_fail_at (reader, error, JP_XML_ERROR_MALFORMED, 0, _("the file is empty."));
  if (size > JP_XML_MAX_SIZE)
    {
      g_autofree char *human = g_format_size (size);
      return _jp_xml_fail_at (reader, error, JP_XML_ERROR_READ, 0, _("the file is too large to be a plan (%s)."), human);
    }
  if (!check_encoding (reader, data, size, error))
    return FALSE;
  if ((line = find_doctype (data, size)) > 0)
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
  s.xr = xmlReaderForMemory (data, (int) size, reader->name, NULL, PARSE_OPTIONS);
  if (s.xr == NULL)
    _jp_xml_fail_at (reader, error, JP_XML_ERROR_READ, 0, _("out of memory."));
  else
    {
      xmlTextReaderSetStructuredErrorHandler (s.xr, on_xml_error, &s);
      if (xmlTextReaderRelaxNGSetSchema (s.xr, schema) != 0)
        _jp_xml_fail_at (reader, error, JP_XML_ERROR_INVALID, 0, _("the plan format’s schema cannot be read."));
      else
        ok = read_stream (&s, error);
      xmlFreeTextReader (s.xr);
    }
  xmlSetStructuredErrorFunc (old_structured_context, old_structured);
  xmlSetGenericErrorFunc (old_generic_context, old_generic);
  g_mutex_unlock (&validation_lock);

  if (ok && reader->scope == JP_SCOPE_PLAN && !g_hash_table_contains (reader->uids, "contacts"))
    {
      /* The whole plan always has its contacts, if only empty. */
      JpRecord contacts = { .kind = JP_KIND_CONTACTS, .uid = g_strdup ("contacts"), .parent = 0,
                               .position = 1000000, .line = 0 };

      g_array_append_val (reader->records, contacts);
      g_hash_table_insert (reader->uids, contacts.uid, GINT_TO_POINTER (reader->records->len - 1));
    }

  g_free (s.message);
  g_array_unref (s.stack);
  g_string_free (s.text, TRUE);
  return ok;
}

/* ---------------------------------------------------------------- files */

static gboolean
read_failed (const char  *name,
             int          saved_errno,
             GError     **error)
{
  g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ, _("%s cannot be read: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
too_large (const char  *name,
           GError     **error)
{
  g_autofree char *limit = g_format_size (JP_XML_MAX_SIZE);

  g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ,
               _("%s: the file is too large to be a plan (more than %s)."), name, limit);
  return FALSE;
}

/* Reads @fd to its end, never more than the size limit, and a pipe or
 * a device only for as long as READ_TIMEOUT_MS. */
static gboolean
read_bounded (int            fd,
              gboolean       regular,
              const char    *name,
              GByteArray    *buffer,
              GCancellable  *cancellable,
              GError       **error)
{
  gint64 deadline = g_get_monotonic_time () + READ_TIMEOUT_MS * G_GINT64_CONSTANT (1000);
  guint8 chunk[65536];

  for (;;)
    {
      ssize_t n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      n = read (fd, chunk, sizeof chunk);
      if (n < 0 && errno == EAGAIN && !regular)
        {
          struct pollfd pfd = { .fd = fd, .events = POLLIN };
          gint64 left = (deadline - g_get_monotonic_time ()) / 1000;

          if (left <= 0)
            {
              g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ,
                           _("%s: the file did not deliver its contents within %d seconds; a plan is "
                             "imported from an ordinary file."), name, READ_TIMEOUT_MS / 1000);
              return FALSE;
            }
          if (poll (&pfd, 1, (int) MIN (left, 250)) < 0 && errno != EINTR)
            return read_failed (name, errno, error);
          continue;
        }
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return read_failed (name, errno, error);
        }
      if (n == 0)
        return TRUE;
      if (buffer->len + (gsize) n > JP_XML_MAX_SIZE)
        return too_large (name, error);
      g_byte_array_append (buffer, chunk, n);
      /* A device of random or zero bytes is not read to the limit. */
      if (buffer->len == (guint) n && !looks_wide (buffer->data, buffer->len) &&
          memchr (buffer->data, 0, buffer->len) != NULL)
        {
          g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_MALFORMED,
                       _("%s: the file holds binary data, not text: it is not a plan file."), name);
          return FALSE;
        }
    }
}

static GBytes *
read_stream_file (GFile         *file,
                  const char    *name,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, &local_error);
  GByteArray *buffer;

  if (stream == NULL)
    {
      g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ, _("%s cannot be read: %s"), name, local_error->message);
      return NULL;
    }
  buffer = g_byte_array_new ();
  for (;;)
    {
      guint8 chunk[65536];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, cancellable, &local_error);

      if (n < 0)
        {
          g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ, _("%s cannot be read: %s"), name, local_error->message);
          g_byte_array_unref (buffer);
          return NULL;
        }
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > JP_XML_MAX_SIZE)
        {
          too_large (name, error);
          g_byte_array_unref (buffer);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, n);
    }
  return g_byte_array_free_to_bytes (buffer);
}

GBytes *
_jp_xml_read_file (GFile         *file,
                   GCancellable  *cancellable,
                   char         **name,
                   GError       **error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *path = g_file_get_path (file);
  GByteArray *buffer;
  struct stat st;
  int fd;

  *name = g_filename_display_name (basename ? basename : "?");
  if (path == NULL)
    return read_stream_file (file, *name, cancellable, error);

  /* Not blocking: a pipe without a writer must not hold the import. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      read_failed (*name, errno, error);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      read_failed (*name, errno, error);
      close (fd);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ, _("%s is a folder, not a plan file."), *name);
      close (fd);
      return NULL;
    }
  if (S_ISREG (st.st_mode))
    {
      if (st.st_size > JP_XML_MAX_SIZE)
        {
          g_autofree char *size = g_format_size (st.st_size);
          g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_READ,
                       _("%s: the file is too large to be a plan (%s)."), *name, size);
          close (fd);
          return NULL;
        }
      fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
    }
  buffer = g_byte_array_sized_new (S_ISREG (st.st_mode) ? (guint) st.st_size + 1 : 65536);
  if (!read_bounded (fd, S_ISREG (st.st_mode), *name, buffer, cancellable, error))
    {
      g_byte_array_unref (buffer);
      close (fd);
      return NULL;
    }
  close (fd);
  return g_byte_array_free_to_bytes (buffer);
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
