/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-publication-odt"

#include "config.h"

#include <string.h>

#include "model/print/jp-publication-odt-private.h"
#include "jp-i18n.h"

/* The styles of the OpenDocument text: named, so that an editor restyles
 * a kind of paragraph once; the word processor's own names where it has
 * them (Heading 1–3, Text body, Contents 1–2, Header, Footer), so that
 * its contents, navigator and outline find them.
 *
 * Both languages as Belgian: the Secretariat-General writes the plan in
 * Brussels, and nl-BE and fr-BE are where a word processor looks for the
 * Dutch and French of Belgium (same spelling as nl-NL and fr-FR, so the
 * same dictionaries check them, and Belgian conventions where they
 * differ). */

#define ACCENT "#1f4585"  /* the PDF's Benelux blue */
#define DIM    "#666666"
#define RULE   "0.5pt solid #a6a6a6"
#define FONT   "Liberation Sans"
#define LIST_STEP 6       /* mm: a list level's indent, a group level's */

static const char * const namespaces[][2] = {
  { "xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
  { "xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
  { "xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
  { "xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
  { "xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
  { "xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" },
  { "xmlns:xlink", "http://www.w3.org/1999/xlink" },
  { "xmlns:dc", "http://purl.org/dc/elements/1.1/" },
  { "xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" },
};

void
_jp_odt_namespaces (JpOdt *o)
{
  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    if (xmlTextWriterWriteAttribute (o->writer, BAD_CAST namespaces[i][0], BAD_CAST namespaces[i][1]) < 0)
      o->failed = TRUE;
  if (xmlTextWriterWriteAttribute (o->writer, BAD_CAST "office:version", BAD_CAST "1.3") < 0)
    o->failed = TRUE;
}

void
_jp_odt_locale (JpLang       lang,
                const char **language,
                const char **country)
{
  *language = lang == JP_LANG_FR ? "fr" : "nl";
  *country = "BE";
}

const char *
_jp_odt_lang_style (JpLang lang)
{
  return lang == JP_LANG_FR ? "French" : "Dutch";
}

/* A style of @family, its properties to follow, then _jp_odt_end(). */
static void
style (JpOdt      *o,
       const char *family,
       const char *name,
       const char *display,
       const char *parent)
{
  _jp_odt_start (o, "style:style", "style:name", name, "style:display-name", display,
                 "style:family", family, "style:parent-style-name", parent, NULL);
}

static void
heading_style (JpOdt      *o,
               guint       level,
               const char *size,
               const char *color,
               const char *above)
{
  g_autofree char *name = g_strdup_printf ("Heading_20_%u", level);
  g_autofree char *display = g_strdup_printf ("Heading %u", level);
  g_autofree char *outline = g_strdup_printf ("%u", level);

  _jp_odt_start (o, "style:style", "style:name", name, "style:display-name", display,
                 "style:family", "paragraph", "style:parent-style-name", "Heading",
                 "style:next-style-name", "Text_20_body", "style:default-outline-level", outline,
                 "style:class", "text", NULL);
  _jp_odt_empty (o, "style:paragraph-properties", "fo:margin-top", above, "fo:margin-bottom", "0.2cm", NULL);
  _jp_odt_empty (o, "style:text-properties", "fo:font-size", size, "fo:color", color, NULL);
  _jp_odt_end (o);
}

static void
paragraph_styles (JpOdt *o)
{
  const char *language, *country;

  _jp_odt_locale (o->pub->lang, &language, &country);
  _jp_odt_start (o, "style:default-style", "style:family", "paragraph", NULL);
  _jp_odt_empty (o, "style:paragraph-properties", "style:tab-stop-distance", "1.25cm",
                 "fo:orphans", "2", "fo:widows", "2", NULL);
  _jp_odt_empty (o, "style:text-properties", "style:font-name", FONT, "fo:font-size", "10.5pt",
                 "fo:language", language, "fo:country", country, "fo:hyphenate", "false", NULL);
  _jp_odt_end (o);

  style (o, "paragraph", "Standard", NULL, NULL);
  _jp_odt_empty (o, "style:text-properties", "fo:language", language, "fo:country", country, NULL);
  _jp_odt_end (o);
  style (o, "paragraph", "Text_20_body", "Text body", "Standard");
  _jp_odt_empty (o, "style:paragraph-properties", "fo:margin-top", "0cm", "fo:margin-bottom", "0.2cm",
                 "fo:line-height", "125%", NULL);
  _jp_odt_end (o);
  style (o, "paragraph", "Line", NULL, "Text_20_body");
  _jp_odt_empty (o, "style:paragraph-properties", "fo:margin-left", "0.6cm", "fo:margin-bottom", "0.07cm", NULL);
  _jp_odt_end (o);

  style (o, "paragraph", "Heading", NULL, "Standard");
  _jp_odt_empty (o, "style:paragraph-properties", "fo:keep-with-next", "always", NULL);
  _jp_odt_empty (o, "style:text-properties", "fo:font-weight", "bold", NULL);
  _jp_odt_end (o);
  heading_style (o, 1, "17pt", ACCENT, "0cm");
  heading_style (o, 2, "13pt", ACCENT, "0.5cm");
  heading_style (o, 3, "11pt", "#1a1a1a", "0.35cm");

  style (o, "paragraph", "List_20_Item", "List Item", "Text_20_body");
  _jp_odt_empty (o, "style:paragraph-properties", "fo:margin-bottom", "0.1cm", NULL);
  _jp_odt_end (o);
  style (o, "paragraph", "List_20_Note", "List Note", "List_20_Item");
  _jp_odt_empty (o, "style:text-properties", "fo:font-size", "8.5pt", "fo:color", DIM, NULL);
  _jp_odt_end (o);
  style (o, "paragraph", "Untranslated_20_Note", "Untranslated Note", "Text_20_body");
  _jp_odt_empty (o, "style:paragraph-properties", "fo:margin-top", "0.4cm", NULL);
  _jp_odt_empty (o, "style:text-properties", "fo:font-size", "8.5pt", "fo:color", DIM, NULL);
  _jp_odt_end (o);

  style (o, "paragraph", "Table_20_Contents", "Table Contents", "Standard");
  _jp_odt_empty (o, "style:text-properties", "fo:font-size", "9.5pt", NULL);
  _jp_odt_end (o);
  style (o, "paragraph", "Group_20_Code", "Group Code", "Table_20_Contents");
  _jp_odt_empty (o, "style:text-properties", "fo:font-weight", "bold", NULL);
  _jp_odt_end (o);
  style (o, "paragraph", "Group_20_Name", "Group Name", "Table_20_Contents");
  _jp_odt_end (o);
  style (o, "paragraph", "Contacts_20_Subject", "Contacts Subject", "Table_20_Contents");
  _jp_odt_empty (o, "style:paragraph-properties", "fo:margin-top", "0.15cm", "fo:keep-with-next", "always", NULL);
  _jp_odt_empty (o, "style:text-properties", "fo:font-weight", "bold", NULL);
  _jp_odt_end (o);
  style (o, "paragraph", "Contacts_20_Extra", "Contacts Extra", "Table_20_Contents");
  _jp_odt_empty (o, "style:text-properties", "fo:font-size", "8pt", "fo:font-style", "italic",
                 "fo:color", DIM, NULL);
  _jp_odt_end (o);

  style (o, "paragraph", "Title_20_Brand", "Title Brand", "Standard");
  _jp_odt_empty (o, "style:paragraph-properties", "fo:text-align", "center", NULL);
  _jp_odt_empty (o, "style:text-properties", "fo:font-size", "26pt", "fo:font-weight", "bold",
                 "fo:color", ACCENT, NULL);
  _jp_odt_end (o);
  style (o, "paragraph", "Title", NULL, "Standard");
  _jp_odt_empty (o, "style:paragraph-properties", "fo:text-align", "center", "fo:margin-top", "0.5cm", NULL);
  _jp_odt_empty (o, "style:text-properties", "fo:font-size", "24pt", "fo:font-weight", "bold", NULL);
  _jp_odt_end (o);
  style (o, "paragraph", "Subtitle", NULL, "Standard");
  _jp_odt_empty (o, "style:paragraph-properties", "fo:text-align", "center", "fo:margin-top", "0.6cm", NULL);
  _jp_odt_empty (o, "style:text-properties", "fo:font-size", "13pt", NULL);
  _jp_odt_end (o);

  style (o, "paragraph", "Contents_20_Heading", "Contents Heading", "Heading");
  _jp_odt_empty (o, "style:paragraph-properties", "fo:margin-bottom", "0.4cm", NULL);
  _jp_odt_empty (o, "style:text-properties", "fo:font-size", "17pt", "fo:color", ACCENT, NULL);
  _jp_odt_end (o);
  for (guint level = 1; level <= 2; level++)
    {
      g_autofree char *name = g_strdup_printf ("Contents_20_%u", level);
      g_autofree char *display = g_strdup_printf ("Contents %u", level);

      style (o, "paragraph", name, display, "Standard");
      _jp_odt_start (o, "style:paragraph-properties", "fo:margin-left", level == 1 ? "0cm" : "0.6cm",
                     "fo:margin-top", level == 1 ? "0.2cm" : "0cm", NULL);
      _jp_odt_start (o, "style:tab-stops", NULL);
      _jp_odt_empty (o, "style:tab-stop", "style:position", level == 1 ? "17cm" : "16.4cm",
                     "style:type", "right", "style:leader-style", "dotted", "style:leader-text", ".", NULL);
      _jp_odt_end (o);
      _jp_odt_end (o);
      _jp_odt_empty (o, "style:text-properties", "fo:font-weight", level == 1 ? "bold" : NULL, NULL);
      _jp_odt_end (o);
    }

  style (o, "paragraph", "Header", NULL, "Standard");
  _jp_odt_empty (o, "style:paragraph-properties", "fo:border-bottom", RULE, "fo:padding-bottom", "0.1cm", NULL);
  _jp_odt_empty (o, "style:text-properties", "fo:font-size", "8pt", "fo:color", DIM, NULL);
  _jp_odt_end (o);
  style (o, "paragraph", "Footer", NULL, "Standard");
  _jp_odt_empty (o, "style:paragraph-properties", "fo:text-align", "end", "fo:border-top", RULE,
                 "fo:padding-top", "0.1cm", NULL);
  _jp_odt_empty (o, "style:text-properties", "fo:font-size", "8pt", "fo:color", DIM, NULL);
  _jp_odt_end (o);
}

static void
text_styles (JpOdt *o)
{
  for (JpLang lang = 0; lang < JP_N_LANGS; lang++)
    {
      const char *language, *country;

      _jp_odt_locale (lang, &language, &country);
      style (o, "text", _jp_odt_lang_style (lang), NULL, NULL);
      _jp_odt_empty (o, "style:text-properties", "fo:language", language, "fo:country", country, NULL);
      _jp_odt_end (o);
    }
  /* The contents' entries link to their headings without looking like
   * links on the web, as the word processor's own contents. */
  style (o, "text", "Index_20_Link", "Index Link", NULL);
  _jp_odt_end (o);
  style (o, "text", "Status", NULL, NULL);
  _jp_odt_empty (o, "style:text-properties", "fo:font-style", "italic", "fo:color", DIM, NULL);
  _jp_odt_end (o);
}

/* Bullets for list items, the level's indent from the PDF's. */
static void
list_style (JpOdt *o)
{
  static const char * const bullets[] = { "•", "–", "◦" };

  _jp_odt_start (o, "text:list-style", "style:name", "Bullets", NULL);
  for (guint level = 1; level <= 10; level++)
    {
      g_autofree char *number = g_strdup_printf ("%u", level);
      g_autofree char *indent = g_strdup_printf ("%umm", LIST_STEP * level);

      _jp_odt_start (o, "text:list-level-style-bullet", "text:level", number,
                     "text:bullet-char", bullets[(level - 1) % G_N_ELEMENTS (bullets)], NULL);
      _jp_odt_start (o, "style:list-level-properties",
                     "text:list-level-position-and-space-mode", "label-alignment", NULL);
      _jp_odt_empty (o, "style:list-level-label-alignment", "text:label-followed-by", "listtab",
                     "text:list-tab-stop-position", indent, "fo:text-indent", "-0.4cm",
                     "fo:margin-left", indent, NULL);
      _jp_odt_end (o);
      _jp_odt_end (o);
    }
  _jp_odt_end (o);
}

/* "Page %u of %u" in the publication's language, the numbers as fields. */
static void
footer_text (JpOdt *o)
{
  const char *format = jp_i18n_translate (o->pub->lang, NULL, "Page %u of %u");
  const char *p = format;
  guint n = 0;

  while (*p)
    {
      const char *at = strchr (p, '%');
      const char *end;
      g_autofree char *before = NULL;

      if (at == NULL)
        break;
      end = at + 1;
      while (g_ascii_isdigit (*end) || *end == '$')
        end++;
      if (*end != 'u')
        {
          before = g_strndup (p, end - p);
          _jp_odt_text (o, before);
          p = end;
          continue;
        }
      before = g_strndup (p, at - p);
      _jp_odt_text (o, before);
      /* "%2$u" is the count, whatever its place. */
      if ((at[1] == '2' && at[2] == '$') || (at[1] != '1' && n == 1))
        _jp_odt_empty (o, "text:page-count", NULL);
      else
        _jp_odt_empty (o, "text:page-number", "text:select-page", "current", NULL);
      n++;
      p = end + 1;
    }
  _jp_odt_text (o, p);
}

static void
page_layout (JpOdt *o)
{
  _jp_odt_start (o, "office:automatic-styles", NULL);
  _jp_odt_start (o, "style:page-layout", "style:name", "A4", NULL);
  _jp_odt_empty (o, "style:page-layout-properties", "fo:page-width", "21cm", "fo:page-height", "29.7cm",
                 "style:print-orientation", "portrait", "fo:margin-top", "1.4cm",
                 "fo:margin-bottom", "1.4cm", "fo:margin-left", "2cm", "fo:margin-right", "2cm", NULL);
  _jp_odt_start (o, "style:header-style", NULL);
  _jp_odt_empty (o, "style:header-footer-properties", "fo:min-height", "0cm", "fo:margin-bottom", "0.5cm", NULL);
  _jp_odt_end (o);
  _jp_odt_start (o, "style:footer-style", NULL);
  _jp_odt_empty (o, "style:header-footer-properties", "fo:min-height", "0cm", "fo:margin-top", "0.5cm", NULL);
  _jp_odt_end (o);
  _jp_odt_end (o);
  _jp_odt_end (o);
}

/* The title page has no header or footer; every other page both. */
static void
master_pages (JpOdt *o)
{
  _jp_odt_start (o, "office:master-styles", NULL);
  _jp_odt_start (o, "style:master-page", "style:name", "Standard", "style:page-layout-name", "A4", NULL);
  _jp_odt_start (o, "style:header", NULL);
  _jp_odt_start (o, "text:p", "text:style-name", "Header", NULL);
  _jp_odt_text (o, o->pub->header);
  _jp_odt_end (o);
  _jp_odt_end (o);
  _jp_odt_start (o, "style:footer", NULL);
  _jp_odt_start (o, "text:p", "text:style-name", "Footer", NULL);
  footer_text (o);
  _jp_odt_end (o);
  _jp_odt_end (o);
  _jp_odt_end (o);
  _jp_odt_empty (o, "style:master-page", "style:name", "First_20_Page", "style:display-name", "First Page",
                 "style:page-layout-name", "A4", "style:next-style-name", "Standard", NULL);
  _jp_odt_end (o);
}

void
_jp_odt_write_styles (JpOdt *o)
{
  _jp_odt_start (o, "office:document-styles", NULL);
  _jp_odt_namespaces (o);
  _jp_odt_start (o, "office:font-face-decls", NULL);
  _jp_odt_empty (o, "style:font-face", "style:name", FONT, "svg:font-family", "'" FONT "'",
                 "style:font-family-generic", "swiss", "style:font-pitch", "variable", NULL);
  _jp_odt_end (o);
  _jp_odt_start (o, "office:styles", NULL);
  paragraph_styles (o);
  text_styles (o);
  list_style (o);
  _jp_odt_end (o);
  page_layout (o);
  master_pages (o);
  _jp_odt_end (o);
}

static void
table_style (JpOdt       *o,
             const char  *name,
             const char  *const *widths)
{
  _jp_odt_start (o, "style:style", "style:name", name, "style:family", "table", NULL);
  _jp_odt_empty (o, "style:table-properties", "style:width", "17cm", "table:align", "left",
                 "fo:margin-top", "0.1cm", "fo:margin-bottom", "0.3cm", NULL);
  _jp_odt_end (o);
  for (guint i = 0; widths[i]; i++)
    {
      g_autofree char *column = g_strdup_printf ("%s.%c", name, 'A' + i);

      _jp_odt_start (o, "style:style", "style:name", column, "style:family", "table-column", NULL);
      _jp_odt_empty (o, "style:table-column-properties", "style:column-width", widths[i], NULL);
      _jp_odt_end (o);
    }
}

/* Pages broken before a chapter and after the title page, the tables'
 * columns and cells, a working group's indent by its depth. */
void
_jp_odt_write_automatic_styles (JpOdt *o)
{
  static const char * const group_widths[] = { "4.2cm", "12.8cm", NULL };
  /* Person, e-mail, phone, validity: an address or a number on one line. */
  static const char * const contact_widths[] = { "3.8cm", "6cm", "4.2cm", "3cm", NULL };

  _jp_odt_start (o, "office:automatic-styles", NULL);
  _jp_odt_start (o, "style:style", "style:name", "Chapter", "style:family", "paragraph",
                 "style:parent-style-name", "Heading_20_1", NULL);
  _jp_odt_empty (o, "style:paragraph-properties", "fo:break-before", "page", NULL);
  _jp_odt_end (o);
  _jp_odt_start (o, "style:style", "style:name", "TitleTop", "style:family", "paragraph",
                 "style:parent-style-name", "Title_20_Brand", "style:master-page-name", "First_20_Page", NULL);
  _jp_odt_empty (o, "style:paragraph-properties", "fo:margin-top", "6cm", NULL);
  _jp_odt_end (o);
  _jp_odt_start (o, "style:style", "style:name", "TitleFoot", "style:family", "paragraph",
                 "style:parent-style-name", "Subtitle", NULL);
  _jp_odt_empty (o, "style:paragraph-properties", "fo:margin-top", "9cm", NULL);
  _jp_odt_end (o);
  _jp_odt_start (o, "style:style", "style:name", "TitleEnd", "style:family", "paragraph",
                 "style:parent-style-name", "Standard", NULL);
  _jp_odt_empty (o, "style:paragraph-properties", "fo:break-after", "page", NULL);
  _jp_odt_end (o);

  table_style (o, "Groups", group_widths);
  table_style (o, "Contacts", contact_widths);
  _jp_odt_start (o, "style:style", "style:name", "Cell", "style:family", "table-cell", NULL);
  _jp_odt_empty (o, "style:table-cell-properties", "fo:padding", "0.06cm", "fo:border-top", "none",
                 "fo:border-left", "none", "fo:border-right", "none", "fo:border-bottom", RULE, NULL);
  _jp_odt_end (o);
  for (guint depth = 1; depth <= o->max_group_depth; depth++)
    {
      g_autofree char *name = g_strdup_printf ("Group%u", depth);
      g_autofree char *indent = g_strdup_printf ("%umm", LIST_STEP * depth);

      _jp_odt_start (o, "style:style", "style:name", name, "style:family", "paragraph",
                     "style:parent-style-name", "Group_20_Name", NULL);
      _jp_odt_empty (o, "style:paragraph-properties", "fo:margin-left", indent, NULL);
      _jp_odt_end (o);
    }
  _jp_odt_end (o);
}
