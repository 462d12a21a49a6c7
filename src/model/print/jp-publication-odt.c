/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-publication-odt"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-memory.h>

#include "model/print/jp-publication-odt.h"
#include "model/print/jp-publication-odt-private.h"
#include "model/jp-file.h"
#include "jp-i18n.h"

/* The package: mimetype first and stored, so that a program finds the
 * type at a fixed place; then the manifest and the parts it lists. */

#define PUB_TEXT(o, ctx, msgid) jp_i18n_translate ((o)->pub->lang, (ctx), (msgid))

/* Writing XML ----------------------------------------------------------- */

static void
check (JpOdt *o,
       int    rc)
{
  if (rc < 0)
    o->failed = TRUE;
}

/* Name-value pairs up to a NULL name; a NULL value leaves its attribute
 * out. */
static void
attributes (JpOdt   *o,
            va_list  args)
{
  const char *name;

  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (value)
        check (o, xmlTextWriterWriteAttribute (o->writer, BAD_CAST name, BAD_CAST value));
    }
}

void
_jp_odt_start (JpOdt      *o,
               const char *name,
               ...)
{
  va_list args;

  check (o, xmlTextWriterStartElement (o->writer, BAD_CAST name));
  va_start (args, name);
  attributes (o, args);
  va_end (args);
}

void
_jp_odt_empty (JpOdt      *o,
               const char *name,
               ...)
{
  va_list args;

  check (o, xmlTextWriterStartElement (o->writer, BAD_CAST name));
  va_start (args, name);
  attributes (o, args);
  va_end (args);
  check (o, xmlTextWriterEndElement (o->writer));
}

void
_jp_odt_end (JpOdt *o)
{
  check (o, xmlTextWriterEndElement (o->writer));
}

static void
flush_run (JpOdt   *o,
           GString *run)
{
  if (run->len > 0)
    check (o, xmlTextWriterWriteString (o->writer, BAD_CAST run->str));
  g_string_truncate (run, 0);
}

void
_jp_odt_text (JpOdt      *o,
              const char *text)
{
  g_autoptr(GString) run = g_string_new (NULL);
  guint spaces = 0;

  if (text == NULL)
    return;
  for (const char *p = text; *p; p++)
    {
      if (*p == ' ' && spaces > 0)
        {
          spaces++;
          continue;
        }
      /* A run of spaces: one, and the rest counted, or the reader
       * collapses them. */
      if (spaces > 1)
        {
          g_autofree char *count = g_strdup_printf ("%u", spaces - 1);

          flush_run (o, run);
          _jp_odt_empty (o, "text:s", "text:c", count, NULL);
        }
      spaces = *p == ' ';
      if (*p == '\n')
        {
          flush_run (o, run);
          _jp_odt_empty (o, "text:line-break", NULL);
        }
      else if (*p == '\t')
        {
          flush_run (o, run);
          _jp_odt_empty (o, "text:tab", NULL);
        }
      /* Other control characters have no place in XML. */
      else if ((guchar) *p >= 0x20)
        g_string_append_c (run, *p);
    }
  if (spaces > 1)
    {
      g_autofree char *count = g_strdup_printf ("%u", spaces - 1);

      flush_run (o, run);
      _jp_odt_empty (o, "text:s", "text:c", count, NULL);
    }
  flush_run (o, run);
}

static gboolean
part_begin (JpOdt *o)
{
  o->buffer = xmlBufferCreate ();
  o->writer = o->buffer ? xmlNewTextWriterMemory (o->buffer, 0) : NULL;
  o->failed = o->writer == NULL;
  if (!o->failed)
    check (o, xmlTextWriterStartDocument (o->writer, NULL, "UTF-8", NULL));
  return !o->failed;
}

static GBytes *
part_end (JpOdt *o)
{
  GBytes *bytes = NULL;

  if (o->writer)
    {
      check (o, xmlTextWriterEndDocument (o->writer));
      xmlFreeTextWriter (o->writer);
      o->writer = NULL;
    }
  if (!o->failed)
    bytes = g_bytes_new (xmlBufferContent (o->buffer), xmlBufferLength (o->buffer));
  g_clear_pointer (&o->buffer, xmlBufferFree);
  return bytes;
}

/* The blocks ---------------------------------------------------------- */

/* A block's text, in a span of its language when that is not the
 * publication's, and the marker of an untranslated text after it. */
static void
block_text (JpOdt         *o,
            const JpBlock *block,
            const char    *text)
{
  if (block->lang != o->pub->lang)
    {
      _jp_odt_start (o, "text:span", "text:style-name", _jp_odt_lang_style (block->lang), NULL);
      _jp_odt_text (o, text);
      _jp_odt_end (o);
    }
  else
    _jp_odt_text (o, text);
  if (block->fallback)
    {
      _jp_odt_text (o, " ");
      _jp_odt_text (o, o->pub->fallback_marker);
    }
}

static void
paragraph (JpOdt      *o,
           const char *style,
           const char *text)
{
  _jp_odt_start (o, "text:p", "text:style-name", style, NULL);
  _jp_odt_text (o, text);
  _jp_odt_end (o);
}

static void
close_level (JpOdt *o)
{
  _jp_odt_end (o);  /* text:list-item */
  _jp_odt_end (o);  /* text:list */
  o->open_lists--;
}

static void
close_lists (JpOdt *o)
{
  while (o->open_lists > 0)
    close_level (o);
}

/* A list item at depth @level: a new item of the list open at that
 * depth, or of a list nested in the item above. */
static void
open_item (JpOdt *o,
           guint  level)
{
  guint depth = level + 1;

  if (o->open_lists >= depth)
    {
      while (o->open_lists > depth)
        close_level (o);
      _jp_odt_end (o);
      _jp_odt_start (o, "text:list-item", NULL);
    }
  while (o->open_lists < depth)
    {
      _jp_odt_start (o, "text:list", "text:style-name", o->open_lists == 0 ? "Bullets" : NULL, NULL);
      _jp_odt_start (o, "text:list-item", NULL);
      o->open_lists++;
    }
}

static void
list_item (JpOdt         *o,
           const JpBlock *block)
{
  open_item (o, block->level);
  _jp_odt_start (o, "text:p", "text:style-name", "List_20_Item", NULL);
  block_text (o, block, block->text);
  if (block->status)
    {
      g_autofree char *status = g_strdup_printf ("  [%s]", block->status);

      _jp_odt_start (o, "text:span", "text:style-name", "Status", NULL);
      _jp_odt_text (o, status);
      _jp_odt_end (o);
    }
  _jp_odt_end (o);
}

/* A note stays inside the item it belongs to, under its text. */
static void
note (JpOdt         *o,
      const JpBlock *block)
{
  while (o->open_lists > block->level + 1)
    close_level (o);
  _jp_odt_start (o, "text:p", "text:style-name", "List_20_Note", NULL);
  block_text (o, block, block->text);
  _jp_odt_end (o);
}

static char *
anchor_name (guint block)
{
  return g_strdup_printf ("heading%u", block);
}

static void
heading (JpOdt         *o,
         const JpBlock *block,
         guint          index)
{
  guint level = CLAMP (block->level, 1, 3);
  g_autofree char *outline = g_strdup_printf ("%u", level);
  g_autofree char *style = (level == 1 && block->new_page && o->written_any)
    ? g_strdup ("Chapter") : g_strdup_printf ("Heading_20_%u", level);

  _jp_odt_start (o, "text:h", "text:style-name", style, "text:outline-level", outline, NULL);
  if (block->in_contents)
    {
      g_autofree char *anchor = anchor_name (index);

      _jp_odt_empty (o, "text:bookmark", "text:name", anchor, NULL);
    }
  if (block->number)
    {
      _jp_odt_text (o, block->number);
      _jp_odt_text (o, " ");
    }
  block_text (o, block, block->text);
  _jp_odt_end (o);
}

static void
title_page (JpOdt *o)
{
  JpPublication *pub = o->pub;

  paragraph (o, "TitleTop", "Benelux");
  paragraph (o, "Title", pub->title);
  if (pub->year && *pub->year && !strstr (pub->title, pub->year))
    paragraph (o, "Title", pub->year);
  if (pub->reference)
    paragraph (o, "Subtitle", pub->reference);
  if (pub->addressee)
    {
      g_autofree char *text = pub->date_line
        ? g_strdup_printf ("%s\n%s", pub->addressee, pub->date_line) : g_strdup (pub->addressee);

      paragraph (o, "TitleFoot", text);
    }
  _jp_odt_empty (o, "text:p", "text:style-name", "TitleEnd", NULL);
}

static void
contents_template (JpOdt *o,
                   guint  level)
{
  g_autofree char *outline = g_strdup_printf ("%u", level);
  g_autofree char *style = g_strdup_printf ("Contents_20_%u", level);

  _jp_odt_start (o, "text:table-of-content-entry-template", "text:outline-level", outline,
                 "text:style-name", style, NULL);
  _jp_odt_empty (o, "text:index-entry-link-start", NULL);
  _jp_odt_empty (o, "text:index-entry-text", NULL);
  _jp_odt_empty (o, "text:index-entry-tab-stop", "style:type", "right", "style:leader-char", ".", NULL);
  _jp_odt_empty (o, "text:index-entry-page-number", NULL);
  _jp_odt_empty (o, "text:index-entry-link-end", NULL);
  _jp_odt_end (o);
}

/* The word processor's own contents of outline levels 1 and 2 (chapters
 * and sections, the programme's parts and areas), filled in as it would
 * fill them: each entry a link to its heading and a reference to its
 * page, which the word processor numbers when it lays the pages out. */
static void
contents (JpOdt         *o,
          const JpBlock *block)
{
  _jp_odt_start (o, "text:table-of-content", "text:name", "Contents", "text:protected", "true", NULL);
  _jp_odt_start (o, "text:table-of-content-source", "text:outline-level", "2", NULL);
  _jp_odt_start (o, "text:index-title-template", "text:style-name", "Contents_20_Heading", NULL);
  _jp_odt_text (o, block->text);
  _jp_odt_end (o);
  contents_template (o, 1);
  contents_template (o, 2);
  _jp_odt_end (o);

  _jp_odt_start (o, "text:index-body", NULL);
  _jp_odt_start (o, "text:index-title", "text:name", "Contents_Head", NULL);
  paragraph (o, "Contents_20_Heading", block->text);
  _jp_odt_end (o);
  for (guint i = 0; i < o->pub->blocks->len; i++)
    {
      const JpBlock *entry = o->pub->blocks->pdata[i];
      g_autofree char *anchor = NULL;
      g_autofree char *link = NULL;

      if (entry->kind != JP_BLOCK_HEADING || !entry->in_contents || entry->level > 2)
        continue;
      anchor = anchor_name (i);
      link = g_strconcat ("#", anchor, NULL);
      _jp_odt_start (o, "text:p", "text:style-name", entry->level == 1 ? "Contents_20_1" : "Contents_20_2", NULL);
      _jp_odt_start (o, "text:a", "xlink:type", "simple", "xlink:href", link, "text:style-name", "Index_20_Link",
                     "text:visited-style-name", "Index_20_Link", NULL);
      if (entry->number)
        {
          _jp_odt_text (o, entry->number);
          _jp_odt_text (o, " ");
        }
      block_text (o, entry, entry->text);
      _jp_odt_empty (o, "text:tab", NULL);
      _jp_odt_start (o, "text:bookmark-ref", "text:reference-format", "page", "text:ref-name", anchor, NULL);
      _jp_odt_end (o);
      _jp_odt_end (o);
      _jp_odt_end (o);
    }
  _jp_odt_end (o);
  _jp_odt_end (o);
}

static void
table_start (JpOdt      *o,
             const char *style,
             guint       n_columns)
{
  g_autofree char *name = g_strdup_printf ("%s%u", style, ++o->n_tables);

  _jp_odt_start (o, "table:table", "table:name", name, "table:style-name", style, NULL);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *column = g_strdup_printf ("%s.%c", style, 'A' + c);

      _jp_odt_empty (o, "table:table-column", "table:style-name", column, NULL);
    }
}

static void
cell_start (JpOdt      *o,
            const char *spanned)
{
  _jp_odt_start (o, "table:table-cell", "table:style-name", "Cell", "office:value-type", "string",
                 "table:number-columns-spanned", spanned, NULL);
}

/* A working group: its code, and its name indented by its depth. */
static void
group_row (JpOdt         *o,
           const JpBlock *block)
{
  g_autofree char *style = block->level > 0 ? g_strdup_printf ("Group%u", block->level) : g_strdup ("Group_20_Name");

  _jp_odt_start (o, "table:table-row", NULL);
  cell_start (o, NULL);
  paragraph (o, "Group_20_Code", block->code);
  _jp_odt_end (o);
  cell_start (o, NULL);
  _jp_odt_start (o, "text:p", "text:style-name", style, NULL);
  block_text (o, block, block->text);
  _jp_odt_end (o);
  _jp_odt_end (o);
  _jp_odt_end (o);
}

static JpLang
other_lang (JpOdt *o)
{
  return o->pub->lang == JP_LANG_FR ? JP_LANG_NL : JP_LANG_FR;
}

/* "1 March 2013" in the publication's language. */
static char *
format_date (JpOdt      *o,
             const char *iso)
{
  static const char * const months[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };
  guint year, month, day;

  if (iso == NULL || strlen (iso) != 10 || sscanf (iso, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf (PUB_TEXT (o, "date", "%1$u %2$s %3$u"),
                          day, PUB_TEXT (o, "month", months[month - 1]), year);
}

/* How long the person is the contact, and the note on the post. */
static char *
contact_extra (JpOdt  *o,
               JpItem *contact)
{
  g_autofree char *from = format_date (o, jp_item_get_field (contact, JP_FIELD_VALID_FROM));
  g_autofree char *until = format_date (o, jp_item_get_field (contact, JP_FIELD_VALID_UNTIL));
  const char *note = jp_item_get_display_text (contact, JP_TEXT_NOTE, o->pub->lang, NULL);
  GString *extra = g_string_new (NULL);

  if (from && until)
    g_string_printf (extra, PUB_TEXT (o, NULL, "from %s until %s"), from, until);
  else if (until)
    g_string_printf (extra, PUB_TEXT (o, NULL, "until %s"), until);
  else if (from)
    g_string_printf (extra, PUB_TEXT (o, NULL, "from %s"), from);
  if (note && *note)
    g_string_append_printf (extra, "%s%s", extra->len ? " · " : "", note);
  return g_string_free (extra, extra->len == 0);
}

static void
contact_row (JpOdt  *o,
             JpItem *contact)
{
  const char *phone = jp_item_get_field (contact, JP_FIELD_PHONE);
  g_autofree char *phone_text = phone && *phone ? g_strdup_printf (PUB_TEXT (o, NULL, "T. %s"), phone) : NULL;
  g_autofree char *extra = contact_extra (o, contact);
  const char *cells[] = { jp_item_get_field (contact, JP_FIELD_PERSON), jp_item_get_field (contact, JP_FIELD_EMAIL),
                          phone_text, extra };

  _jp_odt_start (o, "table:table-row", NULL);
  for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
    {
      cell_start (o, NULL);
      paragraph (o, c == 3 ? "Contacts_20_Extra" : "Table_20_Contents", cells[c]);
      _jp_odt_end (o);
    }
  _jp_odt_end (o);
}

static void
subject_rows (JpOdt  *o,
              JpItem *subject)
{
  g_autoptr(GListModel) contacts = jp_store_get_children (o->store, subject, JP_KIND_MASK (JP_KIND_CONTACT));
  gboolean fallback = FALSE;
  const char *title = jp_item_get_display_text (subject, JP_TEXT_TITLE, o->pub->lang, &fallback);
  JpBlock text = { .lang = fallback ? other_lang (o) : o->pub->lang, .fallback = fallback };

  _jp_odt_start (o, "table:table-row", NULL);
  cell_start (o, "4");
  _jp_odt_start (o, "text:p", "text:style-name", "Contacts_20_Subject", NULL);
  block_text (o, &text, title);
  _jp_odt_end (o);
  _jp_odt_end (o);
  for (guint c = 1; c < 4; c++)
    _jp_odt_empty (o, "table:covered-table-cell", NULL);
  _jp_odt_end (o);
  for (guint c = 0; c < g_list_model_get_n_items (contacts); c++)
    {
      g_autoptr(JpItem) contact = g_list_model_get_item (contacts, c);

      contact_row (o, contact);
    }
}

/* The contacts as the page prints them: per team a heading, then a
 * table of its subjects and, under each, the people with their e-mail,
 * phone and validity. */
static void
contacts_tables (JpOdt         *o,
                 const JpBlock *block)
{
  g_autoptr(JpItem) contacts = jp_store_lookup (o->store, block->item);
  g_autoptr(GListModel) teams = NULL;

  if (contacts == NULL)
    return;
  teams = jp_store_get_children (o->store, contacts, JP_KIND_MASK (JP_KIND_TEAM));
  for (guint t = 0; t < g_list_model_get_n_items (teams); t++)
    {
      g_autoptr(JpItem) team = g_list_model_get_item (teams, t);
      g_autoptr(GListModel) subjects = jp_store_get_children (o->store, team, JP_KIND_MASK (JP_KIND_SUBJECT));
      gboolean fallback = FALSE;
      const char *title = jp_item_get_display_text (team, JP_TEXT_TITLE, o->pub->lang, &fallback);
      JpBlock text = { .lang = fallback ? other_lang (o) : o->pub->lang, .fallback = fallback };

      _jp_odt_start (o, "text:h", "text:style-name", "Heading_20_3", "text:outline-level", "3", NULL);
      block_text (o, &text, title);
      _jp_odt_end (o);
      if (g_list_model_get_n_items (subjects) == 0)
        continue;
      table_start (o, "Contacts", 4);
      for (guint s = 0; s < g_list_model_get_n_items (subjects); s++)
        {
          g_autoptr(JpItem) subject = g_list_model_get_item (subjects, s);

          subject_rows (o, subject);
        }
      _jp_odt_end (o);
    }
}

static void
write_block (JpOdt *o,
             guint  i)
{
  JpBlock *block = o->pub->blocks->pdata[i];
  JpBlock *before = i > 0 ? o->pub->blocks->pdata[i - 1] : NULL;
  JpBlock *after = i + 1 < o->pub->blocks->len ? o->pub->blocks->pdata[i + 1] : NULL;

  if (block->kind != JP_BLOCK_LIST_ITEM && block->kind != JP_BLOCK_NOTE)
    close_lists (o);
  switch (block->kind)
    {
    case JP_BLOCK_TITLE_PAGE:
      title_page (o);
      break;
    case JP_BLOCK_CONTENTS:
      contents (o, block);
      break;
    case JP_BLOCK_HEADING:
      heading (o, block, i);
      break;
    case JP_BLOCK_PARAGRAPH:
    case JP_BLOCK_LINE:
      _jp_odt_start (o, "text:p", "text:style-name", block->kind == JP_BLOCK_LINE ? "Line" : "Text_20_body", NULL);
      block_text (o, block, block->text);
      _jp_odt_end (o);
      break;
    case JP_BLOCK_LIST_ITEM:
      list_item (o, block);
      break;
    case JP_BLOCK_NOTE:
      note (o, block);
      break;
    case JP_BLOCK_GROUP:
      if (before == NULL || before->kind != JP_BLOCK_GROUP)
        table_start (o, "Groups", 2);
      group_row (o, block);
      if (after == NULL || after->kind != JP_BLOCK_GROUP)
        _jp_odt_end (o);
      break;
    case JP_BLOCK_CONTACTS:
      contacts_tables (o, block);
      break;
    case JP_BLOCK_FALLBACK_NOTE:
      paragraph (o, "Untranslated_20_Note", block->text);
      break;
    default:
      g_assert_not_reached ();
    }
  o->written_any = TRUE;
}

/* The parts ------------------------------------------------------------ */

static void
write_content (JpOdt *o)
{
  for (guint i = 0; i < o->pub->blocks->len; i++)
    {
      JpBlock *block = o->pub->blocks->pdata[i];

      if (block->kind == JP_BLOCK_GROUP)
        o->max_group_depth = MAX (o->max_group_depth, block->level);
    }
  _jp_odt_start (o, "office:document-content", NULL);
  _jp_odt_namespaces (o);
  _jp_odt_write_automatic_styles (o);
  _jp_odt_start (o, "office:body", NULL);
  _jp_odt_start (o, "office:text", NULL);
  for (guint i = 0; i < o->pub->blocks->len; i++)
    write_block (o, i);
  close_lists (o);
  _jp_odt_end (o);
  _jp_odt_end (o);
  _jp_odt_end (o);
}

static void
write_meta (JpOdt *o)
{
  const char *language, *country;
  g_autofree char *tag = NULL;

  _jp_odt_locale (o->pub->lang, &language, &country);
  tag = g_strdup_printf ("%s-%s", language, country);
  _jp_odt_start (o, "office:document-meta", NULL);
  _jp_odt_namespaces (o);
  _jp_odt_start (o, "office:meta", NULL);
  _jp_odt_start (o, "meta:generator", NULL);
  _jp_odt_text (o, "Jaarplan/" PACKAGE_VERSION);
  _jp_odt_end (o);
  _jp_odt_start (o, "dc:title", NULL);
  _jp_odt_text (o, o->pub->title);
  _jp_odt_end (o);
  _jp_odt_start (o, "dc:language", NULL);
  _jp_odt_text (o, tag);
  _jp_odt_end (o);
  _jp_odt_end (o);
  _jp_odt_end (o);
}

typedef struct {
  const char *path;
  void      (*write) (JpOdt *o);
} Part;

static const Part parts[] = {
  { "content.xml", write_content },
  { "styles.xml", _jp_odt_write_styles },
  { "meta.xml", write_meta },
};

static void
write_manifest (JpOdt *o)
{
  _jp_odt_start (o, "manifest:manifest", "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
                 "manifest:version", "1.3", NULL);
  _jp_odt_empty (o, "manifest:file-entry", "manifest:full-path", "/", "manifest:version", "1.3",
                 "manifest:media-type", JP_ODT_MIME_TYPE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    _jp_odt_empty (o, "manifest:file-entry", "manifest:full-path", parts[i].path,
                   "manifest:media-type", "text/xml", NULL);
  _jp_odt_end (o);
}

static GBytes *
write_part (JpOdt  *o,
            void  (*write) (JpOdt *o))
{
  if (!part_begin (o))
    return part_end (o);
  write (o);
  return part_end (o);
}

/* The package --------------------------------------------------------- */

static gboolean
put (GsfOutfile  *dir,
     const char  *name,
     GBytes      *bytes,
     gboolean     stored)
{
  GsfOutput *child = stored
    ? gsf_outfile_new_child_full (dir, name, FALSE, "compression-level", GSF_ZIP_STORED, NULL)
    : gsf_outfile_new_child (dir, name, FALSE);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gboolean ok;

  if (child == NULL)
    return FALSE;
  ok = gsf_output_write (child, size, data);
  ok = gsf_output_close (child) && ok;
  g_object_unref (child);
  return ok;
}

static gboolean
package (GsfOutput  *sink,
         GBytes     *manifest,
         GBytes    **texts,
         GError    **error)
{
  g_autoptr(GBytes) mimetype = g_bytes_new_static (JP_ODT_MIME_TYPE, strlen (JP_ODT_MIME_TYPE));
  GsfOutfile *zip = gsf_outfile_zip_new (sink, error);
  GsfOutput *meta_inf;
  gboolean ok;

  if (zip == NULL)
    return FALSE;
  ok = put (zip, "mimetype", mimetype, TRUE);
  meta_inf = gsf_outfile_new_child (zip, "META-INF", TRUE);
  ok = ok && meta_inf && put (GSF_OUTFILE (meta_inf), "manifest.xml", manifest, FALSE);
  if (meta_inf)
    {
      ok = gsf_output_close (meta_inf) && ok;
      g_object_unref (meta_inf);
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    ok = ok && put (zip, parts[i].path, texts[i], FALSE);
  ok = gsf_output_close (GSF_OUTPUT (zip)) && ok;
  if (!ok)
    {
      const GError *why = gsf_output_error (GSF_OUTPUT (zip));

      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, why ? why->message : g_strerror (EIO));
    }
  g_object_unref (zip);
  return ok;
}

GBytes *
jp_publication_odt_render (JpStore                     *store,
                           const JpPublicationOptions  *options,
                           GError                     **error)
{
  g_autoptr(JpPublication) pub = NULL;
  GsfOutput *sink;
  g_autoptr(GBytes) manifest = NULL;
  GBytes *texts[G_N_ELEMENTS (parts)] = { NULL, };
  JpOdt o = { 0, };
  gboolean ok = TRUE;
  GBytes *result = NULL;

  g_return_val_if_fail (JP_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  pub = jp_publication_new (store, options, error);
  if (pub == NULL)
    return NULL;
  o.pub = pub;
  o.store = store;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    ok = ok && (texts[i] = write_part (&o, parts[i].write)) != NULL;
  manifest = ok ? write_part (&o, write_manifest) : NULL;
  if (manifest == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "XML");
  else
    {
      sink = gsf_output_memory_new ();
      if (package (sink, manifest, texts, error))
        result = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), gsf_output_size (sink));
      g_object_unref (sink);
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_clear_pointer (&texts[i], g_bytes_unref);
  return result;
}

gboolean
jp_publication_odt_export (JpStore                     *store,
                           const JpPublicationOptions  *options,
                           GFile                       *file,
                           GError                     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) odt = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (JP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  odt = jp_publication_odt_render (store, options, &local);
  if (odt == NULL)
    {
      /* "The plan has no section 9.9." is a sentence of its own. */
      if (!g_error_matches (local, JP_PUBLICATION_ERROR, JP_PUBLICATION_ERROR_NOT_FOUND))
        g_prefix_error (&local, _("Could not make the document “%s”: "), name);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (!jp_file_write_atomically (file, odt, NULL, error))
    {
      g_prefix_error (error, _("Could not write “%s”: "), name);
      return FALSE;
    }
  return TRUE;
}
