/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/exchange/jp-xml-check.h"

#define XML_LANG_NS "http://www.w3.org/XML/1998/namespace"

/* What a plan file's bytes and attributes must be, checked before and
 * while it is read, and explained in words when they are not. */

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
char *
_jp_xml_attr_string (xmlNodePtr  node,
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
char *
_jp_xml_attr_token (xmlNodePtr  node,
                    const char *name)
{
  g_autofree char *raw = _jp_xml_attr_string (node, name);

  return raw ? collapse (raw) : NULL;
}

/* How each field is written in the file: its attribute, and whether the
 * schema types it as a token (white space collapsed) or a string. */
static const struct {
  const char *attribute;
  gboolean    token;
} field_attributes[JP_N_FIELDS] = {
  [JP_FIELD_NUMBER]      = { "number", TRUE },
  [JP_FIELD_CODE]        = { "code", FALSE },
  [JP_FIELD_PERSON]      = { "person", FALSE },
  [JP_FIELD_EMAIL]       = { "email", FALSE },
  [JP_FIELD_PHONE]       = { "phone", FALSE },
  [JP_FIELD_VALID_FROM]  = { "valid-from", FALSE },   /* libxml2 takes dates as written */
  [JP_FIELD_VALID_UNTIL] = { "valid-until", FALSE },
  [JP_FIELD_TEAM]        = { "team", TRUE },
  [JP_FIELD_PROGRESS_DATE] = { "progress-date", FALSE },
};

const char *
_jp_xml_field_attribute (JpField field)
{
  return field_attributes[field].attribute;
}

/* The value of @field on @node, read as the schema types it. */
char *
_jp_xml_attr_field (xmlNodePtr node,
                    JpField    field)
{
  return field_attributes[field].token ? _jp_xml_attr_token (node, field_attributes[field].attribute)
                                       : _jp_xml_attr_string (node, field_attributes[field].attribute);
}

char *
_jp_xml_attr_lang (xmlNodePtr node)
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
gboolean
_jp_xml_valid_year (const char *value)
{
  return value && strlen (value) == 4 && is_digits (value, 4) && atoi (value) >= 1944;
}

static gboolean
valid_id (const char *value)
{
  return matches (PATTERN_ID, value);
}

/* ---------------------------------------------------------------- encoding */

gboolean
_jp_xml_is_blank (const char *data,
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
gboolean
_jp_xml_looks_wide (const guchar *u,
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
gboolean
_jp_xml_check_encoding (JpXmlReader *reader,
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
int
_jp_xml_find_doctype (const char *data,
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

/* What is wrong with one element's attributes, in words, or NULL. */
char *
_jp_xml_explain_item (xmlNodePtr node,
                      JpKind     kind)
{
  const char *name = (const char *) node->name;
  g_autofree char *id = _jp_xml_attr_token (node, "id");
  g_autofree char *number = _jp_xml_attr_token (node, "number");

  /* A single item (the contacts) has a fixed uid, not an id. */
  if (!jp_kind_has_flag (kind, JP_KIND_FLAG_SINGLE) && id == NULL)
    return g_strdup_printf (_("<%s> has no id"), name);
  if (id && !valid_id (id))
    return g_strdup_printf (_("the id “%s” of <%s> is not valid (an id is a letter, then up to 63 letters, "
                              "digits, “.”, “_” or “-”)"), id, name);
  if (number == NULL && jp_kind_has_flag (kind, JP_KIND_FLAG_NUMBERED))
    return g_strdup_printf (_("<%s> “%s” has no number"), name, id);
  if (number && !matches (PATTERN_NUMBER, number))
    return g_strdup_printf (_("the number “%s” of <%s> “%s” is not a number such as 5 or 5.7"), number, name, id);

  /* Only a section serves policy areas, and only a contact has a person
   * and dates: their checks are theirs. */
  if (kind == JP_KIND_SECTION)
    {
      g_autofree char *areas = _jp_xml_attr_token (node, "areas");
      g_auto(GStrv) list = areas ? g_strsplit (areas, " ", -1) : NULL;

      if (areas && *areas == '\0')
        return g_strdup_printf (_("section “%s” names no policy area in areas=\"\""), id);
      for (guint i = 0; list && list[i]; i++)
        if (!valid_id (list[i]))
          return g_strdup_printf (_("section “%s” names “%s” as a policy area, which is not an id"), id, list[i]);
    }
  /* The words say "project": so far the one phased kind. */
  if (jp_kind_has_flag (kind, JP_KIND_FLAG_PHASED))
    {
      g_autofree char *phase = _jp_xml_attr_token (node, "phase");
      g_autofree char *status = _jp_xml_attr_token (node, "status");
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
      g_autofree char *person = _jp_xml_attr_string (node, "person");
      g_autofree char *email = _jp_xml_attr_string (node, "email");
      g_autofree char *phone = _jp_xml_attr_string (node, "phone");

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
          g_autofree char *date = _jp_xml_attr_string (node, dates[i]);

          if (date && !valid_date (date))
            return g_strdup_printf (_("the date %s=“%s” of contact “%s” is not a date of the calendar "
                                      "(YYYY-MM-DD)"), dates[i], date, id);
        }
    }
  return NULL;
}
