/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-publication"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/print/jp-publication-private.h"
#include "jp-i18n.h"

G_DEFINE_QUARK (jp-publication-error-quark, jp_publication_error)

/* The fixed headings and words of the printed plan: translated into the
 * publication's language, not the interface's. */
#define T(self, ctx, msgid) jp_i18n_translate ((self)->lang, (ctx), (msgid))
/* NC_() marks a word with its context for the catalogues and gives back
 * the word itself: T() looks it up in the publication's language. */

static const char * const status_names[] = {
  [JP_STATUS_NONE]        = NULL,
  [JP_STATUS_PLANNED]     = N_("Planned"),
  [JP_STATUS_IN_PROGRESS] = N_("In Progress"),
  [JP_STATUS_DONE]        = N_("Done"),
  [JP_STATUS_POSTPONED]   = N_("Postponed"),
  [JP_STATUS_DROPPED]     = N_("Dropped"),
};

typedef struct {
  JpPublication              *pub;
  const JpPublicationOptions *options;
  JpLang                      lang;
} Builder;

static void
block_free (gpointer data)
{
  JpBlock *block = data;

  g_free (block->number);
  g_free (block->text);
  g_free (block->code);
  g_free (block->status);
  g_free (block->date);
  g_clear_pointer (&block->cells, g_ptr_array_unref);
  g_free (block);
}

void
jp_publication_free (JpPublication *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->year);
  g_free (self->reference);
  g_free (self->addressee);
  g_free (self->date_line);
  g_free (self->header);
  g_free (self->footer);
  g_free (self->fallback_marker);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_free (self);
}

/* A text of @item in the publication's language, else in the other one
 * (@fallback set); NULL when it has neither. */
static const char *
pick (Builder        *b,
      JpSnapshotItem *item,
      JpTextField     field,
      JpLang         *lang,
      gboolean       *fallback)
{
  JpLang other = b->lang == JP_LANG_NL ? JP_LANG_FR : JP_LANG_NL;
  const char *text = item->data.texts[field][b->lang];

  *lang = b->lang;
  *fallback = FALSE;
  if (text && *text)
    return text;
  text = item->data.texts[field][other];
  if (text && *text)
    {
      *lang = other;
      *fallback = TRUE;
      b->pub->has_fallback = TRUE;
      return text;
    }
  return NULL;
}

JpBlock *
_jp_publication_add_block (JpPublication  *pub,
                           JpBlockKind     kind,
                           guint           level,
                           const char     *text,
                           JpSnapshotItem *item)
{
  JpBlock *block = g_new0 (JpBlock, 1);

  block->kind = kind;
  block->level = level;
  block->text = g_strdup (text);
  block->lang = pub->lang;
  block->item = item ? item->data.id : 0;
  g_ptr_array_add (pub->blocks, block);
  return block;
}

static JpBlock *
add_block (Builder        *b,
           JpBlockKind     kind,
           guint           level,
           const char     *text,
           JpSnapshotItem *item)
{
  return _jp_publication_add_block (b->pub, kind, level, text, item);
}

/* A heading from an item's number and title. */
static JpBlock *
add_item_heading (Builder        *b,
                  JpSnapshotItem *item,
                  guint           level)
{
  JpLang lang;
  gboolean fallback;
  const char *title = pick (b, item, JP_TEXT_TITLE, &lang, &fallback);
  const char *number = item->data.fields[JP_FIELD_NUMBER];
  JpBlock *block = add_block (b, JP_BLOCK_HEADING, level, title ? title : "", item);

  block->number = number && *number ? g_strdup (number) : NULL;
  block->lang = lang;
  block->fallback = fallback;
  block->in_contents = TRUE;
  return block;
}

static void
add_fixed_heading (Builder    *b,
                   const char *text)
{
  add_block (b, JP_BLOCK_HEADING, 3, text, NULL);
}

/* "a. …", "b. …", "- …", "• …", "1. …": a line that stays a line. */
static gboolean
is_marked_line (const char *line)
{
  if (g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "• ") ||
      g_str_has_prefix (line, "– "))
    return TRUE;
  if (g_ascii_isalnum (line[0]))
    {
      const char *p = line;

      if (g_ascii_isdigit (*p))
        while (g_ascii_isdigit (*p))
          p++;
      else
        p++;
      return p[0] == '.' && p[1] == ' ' && (p - line) <= 3;
    }
  return FALSE;
}

/* Running text: paragraphs split on blank lines; inside a paragraph, a
 * marked line is a block of its own and the other lines keep their
 * breaks. */
static void
add_running_text (Builder        *b,
                  JpSnapshotItem *item,
                  JpTextField     field)
{
  JpLang lang;
  gboolean fallback;
  const char *text = pick (b, item, field, &lang, &fallback);
  g_auto(GStrv) paragraphs = NULL;

  if (text == NULL)
    return;
  paragraphs = g_regex_split_simple ("\\n[ \\t]*\\n", text, 0, 0);
  for (guint p = 0; paragraphs[p]; p++)
    {
      g_auto(GStrv) lines = g_strsplit (paragraphs[p], "\n", -1);
      g_autoptr(GString) run = g_string_new (NULL);

      for (guint l = 0; ; l++)
        {
          char *line = lines[l] ? g_strstrip (lines[l]) : NULL;
          JpBlock *block;

          if (line && *line == '\0')
            continue;
          if ((line == NULL || is_marked_line (line)) && run->len > 0)
            {
              block = add_block (b, JP_BLOCK_PARAGRAPH, 0, run->str, item);
              block->lang = lang;
              block->fallback = fallback;
              g_string_truncate (run, 0);
            }
          if (line == NULL)
            break;
          if (is_marked_line (line))
            {
              block = add_block (b, JP_BLOCK_LINE, 0, line, item);
              block->lang = lang;
              block->fallback = fallback;
              continue;
            }
          if (run->len > 0)
            g_string_append_c (run, '\n');
          g_string_append (run, line);
        }
    }
}

/* A list item's text: its paragraphs as lines of one item. */
static char *
item_text (const char *text)
{
  g_autoptr(GRegex) blank = g_regex_new ("\\n[ \\t]*\\n+", 0, 0, NULL);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return g_regex_replace_literal (blank, stripped, -1, 0, "\n", 0, NULL);
}

static void
add_list_item (Builder        *b,
               JpSnapshotItem *item,
               guint           depth)
{
  JpLang lang;
  gboolean fallback;
  const char *text = pick (b, item, JP_TEXT_BODY, &lang, &fallback);

  if (text == NULL)
    text = pick (b, item, JP_TEXT_TITLE, &lang, &fallback);
  if (text)
    {
      JpBlock *block = add_block (b, JP_BLOCK_LIST_ITEM, depth, NULL, item);

      block->text = item_text (text);
      block->lang = lang;
      block->fallback = fallback;
      if (b->options->with_status && jp_kind_has_flag (item->data.kind, JP_KIND_FLAG_PHASED) &&
          item->data.status < G_N_ELEMENTS (status_names) && status_names[item->data.status])
        block->status = g_strdup (T (b, NULL, status_names[item->data.status]));
    }
  text = pick (b, item, JP_TEXT_NOTE, &lang, &fallback);
  if (text)
    {
      JpBlock *block = add_block (b, JP_BLOCK_NOTE, depth, NULL, item);

      block->text = item_text (text);
      block->lang = lang;
      block->fallback = fallback;
    }
  for (guint i = 0; i < item->children->len; i++)
    {
      JpSnapshotItem *child = item->children->pdata[i];

      if (child->data.kind == JP_KIND_ITEM || child->data.kind == JP_KIND_OBJECTIVE)
        add_list_item (b, child, depth + 1);
    }
}

static void
add_group (Builder        *b,
           JpSnapshotItem *group,
           guint           depth)
{
  JpLang lang;
  gboolean fallback;
  const char *title = pick (b, group, JP_TEXT_TITLE, &lang, &fallback);
  const char *code = group->data.fields[JP_FIELD_CODE];
  JpBlock *block = add_block (b, JP_BLOCK_GROUP, depth, title ? title : "", group);

  block->code = code && *code ? g_strdup (code) : NULL;
  block->lang = lang;
  block->fallback = fallback;
  for (guint i = 0; i < group->children->len; i++)
    {
      JpSnapshotItem *child = group->children->pdata[i];

      if (child->data.kind == JP_KIND_GROUP)
        add_group (b, child, depth + 1);
    }
}

/* The children of @item of @kind (and @phase for projects) as a list
 * under @heading, if there are any. */
static void
add_list (Builder        *b,
          JpSnapshotItem *item,
          JpKind          kind,
          JpPhase         phase,
          const char     *heading)
{
  gboolean first = TRUE;

  for (guint i = 0; i < item->children->len; i++)
    {
      JpSnapshotItem *child = item->children->pdata[i];

      if (child->data.kind != kind || (kind == JP_KIND_PROJECT && child->data.phase != phase))
        continue;
      if (first && heading)
        add_fixed_heading (b, heading);
      first = FALSE;
      if (kind == JP_KIND_GROUP)
        add_group (b, child, 0);
      else
        add_list_item (b, child, 0);
    }
}

static void
add_section (Builder        *b,
             JpSnapshotItem *section)
{
  g_autofree char *new_projects = NULL;

  add_item_heading (b, section, 2);
  add_running_text (b, section, JP_TEXT_BODY);
  add_list (b, section, JP_KIND_OBJECTIVE, JP_PHASE_NONE,
            /* Translators: a heading of the printed plan, in every section. */
            T (b, "publication", NC_ ("publication", "General objectives")));
  add_list (b, section, JP_KIND_ITEM, JP_PHASE_NONE, NULL);
  add_list (b, section, JP_KIND_PROJECT, JP_PHASE_ONGOING,
            /* Translators: a heading of the printed plan ("Voortgangsprojecten"). */
            T (b, "publication", NC_ ("publication", "Ongoing projects")));
  /* Translators: a heading of the printed plan; %s is the plan's year. */
  new_projects = g_strdup_printf (T (b, "publication", NC_ ("publication", "New projects %s")), b->pub->year);
  add_list (b, section, JP_KIND_PROJECT, JP_PHASE_NEW, new_projects);
  add_list (b, section, JP_KIND_GROUP, JP_PHASE_NONE,
            /* Translators: a heading of the printed plan. */
            T (b, "publication", NC_ ("publication", "Working groups and committees")));
}

static void
add_chapter (Builder        *b,
             JpSnapshotItem *chapter)
{
  JpBlock *heading = add_item_heading (b, chapter, 1);

  heading->new_page = TRUE;
  add_running_text (b, chapter, JP_TEXT_BODY);
  add_list (b, chapter, JP_KIND_ITEM, JP_PHASE_NONE, NULL);
  for (guint i = 0; i < chapter->children->len; i++)
    {
      JpSnapshotItem *child = chapter->children->pdata[i];

      if (child->data.kind == JP_KIND_SECTION)
        add_section (b, child);
    }
}

static void
add_area (Builder        *b,
          JpSnapshotItem *area)
{
  add_item_heading (b, area, 2);
  add_running_text (b, area, JP_TEXT_BODY);
  if (area->data.texts[JP_TEXT_AMBITION][JP_LANG_NL] || area->data.texts[JP_TEXT_AMBITION][JP_LANG_FR])
    {
      /* Translators: a heading of a policy area in the printed plan. */
      add_fixed_heading (b, T (b, "publication", NC_ ("publication", "Ambition")));
      add_running_text (b, area, JP_TEXT_AMBITION);
    }
  if (area->data.texts[JP_TEXT_LEGITIMATION][JP_LANG_NL] || area->data.texts[JP_TEXT_LEGITIMATION][JP_LANG_FR])
    {
      /* Translators: a heading of a policy area in the printed plan. */
      add_fixed_heading (b, T (b, "publication", NC_ ("publication", "Legitimation")));
      add_running_text (b, area, JP_TEXT_LEGITIMATION);
    }
  add_list (b, area, JP_KIND_OBJECTIVE, JP_PHASE_NONE,
            /* Translators: a heading of a policy area in the printed plan. */
            T (b, "publication", NC_ ("publication", "Objectives")));
  add_list (b, area, JP_KIND_ITEM, JP_PHASE_NONE, NULL);
}

/* A part of the programme, and the parts inside it, one level down. */
static void
add_part (Builder        *b,
          JpSnapshotItem *part,
          guint           level)
{
  add_item_heading (b, part, MIN (level, 2));
  add_running_text (b, part, JP_TEXT_BODY);
  add_list (b, part, JP_KIND_OBJECTIVE, JP_PHASE_NONE, NULL);
  add_list (b, part, JP_KIND_ITEM, JP_PHASE_NONE, NULL);
  for (guint i = 0; i < part->children->len; i++)
    {
      JpSnapshotItem *child = part->children->pdata[i];

      if (child->data.kind == JP_KIND_PART)
        add_part (b, child, level + 1);
    }
}

static void
add_programme (Builder        *b,
               JpSnapshotItem *programme)
{
  g_autoptr(GPtrArray) children = g_ptr_array_copy (programme->children, NULL, NULL);
  JpBlock *heading = add_item_heading (b, programme, 1);

  heading->new_page = TRUE;
  add_running_text (b, programme, JP_TEXT_BODY);
  /* Parts and areas in the order of the plan: the areas follow the part
   * that announces them. */
  g_ptr_array_sort (children, _jp_snapshot_compare_positions);
  for (guint i = 0; i < children->len; i++)
    {
      JpSnapshotItem *child = children->pdata[i];

      if (child->data.kind == JP_KIND_PART)
        add_part (b, child, 1);
      else if (child->data.kind == JP_KIND_AREA)
        add_area (b, child);
    }
}

static void
add_contacts (Builder        *b,
              JpSnapshotItem *contacts,
              const char     *number)
{
  JpLang lang;
  gboolean fallback;
  const char *title = pick (b, contacts, JP_TEXT_TITLE, &lang, &fallback);
  JpBlock *heading;

  if (title == NULL)
    {
      /* Translators: the heading of the contacts chapter in the printed plan. */
      title = T (b, "publication", NC_ ("publication", "Contacts"));
      lang = b->lang;
      fallback = FALSE;
    }
  heading = add_block (b, JP_BLOCK_HEADING, 1, title, contacts);
  heading->number = g_strdup (number);
  heading->lang = lang;
  heading->fallback = fallback;
  heading->in_contents = TRUE;
  heading->new_page = TRUE;
  add_block (b, JP_BLOCK_CONTACTS, 0, NULL, contacts);
}

/* "December 2012, Het Comité van ministers van de Benelux-Unie": the
 * closing line of the first chapter names who addresses the plan. */
static void
find_addressee (Builder        *b,
                JpSnapshotItem *chapter)
{
  g_autoptr(GRegex) regex = g_regex_new ("(?:^|\\n)([^,\\n]{3,24} \\d{4}), ([^\\n]{8,120})\\s*$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  JpLang lang;
  gboolean fallback;
  const char *text = pick (b, chapter, JP_TEXT_BODY, &lang, &fallback);

  if (text && g_regex_match (regex, text, 0, &match))
    {
      b->pub->date_line = g_match_info_fetch (match, 1);
      b->pub->addressee = g_match_info_fetch (match, 2);
    }
}

static char *
chapter_after (JpSnapshotItem *root)
{
  guint64 last = 0;

  for (guint i = 0; i < root->children->len; i++)
    {
      JpSnapshotItem *child = root->children->pdata[i];
      guint64 n;

      if (child->data.kind == JP_KIND_CHAPTER &&
          g_ascii_string_to_unsigned (child->data.fields[JP_FIELD_NUMBER], 10, 1, 999, &n, NULL))
        last = MAX (last, n);
    }
  return last ? g_strdup_printf ("%" G_GUINT64_FORMAT, last + 1) : NULL;
}

static void
add_plan (Builder        *b,
          JpSnapshotItem *root,
          JpPublicationParts parts)
{
  JpSnapshotItem *programme = NULL, *contacts = NULL;
  gboolean first_chapter = TRUE;
  g_autofree char *contacts_number = chapter_after (root);

  /* The contacts alone are a page, not a document. */
  if (parts & (JP_PUBLICATION_PART_PLAN | JP_PUBLICATION_PART_PROGRAMME))
    {
      add_block (b, JP_BLOCK_TITLE_PAGE, 0, NULL, root);
      /* Translators: the title of the printed plan's table of contents. */
      add_block (b, JP_BLOCK_CONTENTS, 0, T (b, "publication", NC_ ("publication", "Contents")), NULL);
    }
  for (guint i = 0; i < root->children->len; i++)
    {
      JpSnapshotItem *child = root->children->pdata[i];

      if (child->data.kind == JP_KIND_PROGRAMME)
        programme = child;
      else if (child->data.kind == JP_KIND_CONTACTS)
        contacts = child;
      else if (child->data.kind == JP_KIND_CHAPTER)
        {
          if (first_chapter)
            find_addressee (b, child);
          first_chapter = FALSE;
          if (parts & JP_PUBLICATION_PART_PLAN)
            add_chapter (b, child);
        }
    }
  if (contacts && (parts & JP_PUBLICATION_PART_CONTACTS))
    add_contacts (b, contacts, (parts & JP_PUBLICATION_PART_PLAN) ? contacts_number : NULL);
  if (programme && (parts & JP_PUBLICATION_PART_PROGRAMME))
    add_programme (b, programme);
}

/* The explanation of the marker, once, after the contents (or first). */
void
_jp_publication_add_fallback_note (JpPublication *pub)
{
  const char *text = pub->lang == JP_LANG_FR
    ? jp_i18n_translate (pub->lang, "publication", NC_ ("publication", "Not yet translated into French: printed in Dutch."))
    : jp_i18n_translate (pub->lang, "publication", NC_ ("publication", "Not yet translated into Dutch: printed in French."));
  g_autofree char *note = g_strdup_printf ("%s %s", pub->fallback_marker, text);
  JpBlock *block = g_new0 (JpBlock, 1);
  guint at = 0;

  for (guint i = 0; i < pub->blocks->len; i++)
    if (((JpBlock *) pub->blocks->pdata[i])->kind == JP_BLOCK_CONTENTS)
      at = i + 1;
  block->kind = JP_BLOCK_FALLBACK_NOTE;
  block->text = g_steal_pointer (&note);
  block->lang = pub->lang;
  g_ptr_array_insert (pub->blocks, at, block);
}

static void
set_title (Builder        *b,
           JpSnapshotItem *root)
{
  JpLang lang;
  gboolean fallback;
  const char *title = pick (b, root, JP_TEXT_TITLE, &lang, &fallback);
  const char *reference = pick (b, root, JP_TEXT_REFERENCE, &lang, &fallback);
  const char *number = root->data.fields[JP_FIELD_NUMBER];

  b->pub->year = g_strdup (number && *number ? number : "");
  b->pub->title = g_strdup (title ? title : b->pub->year);
  b->pub->reference = g_strdup (reference);
  b->pub->header = g_strdup (b->pub->title);
}

JpPublication *
jp_publication_new (JpStore                     *store,
                    const JpPublicationOptions  *options,
                    GError                     **error)
{
  g_autoptr(JpPublication) pub = g_new0 (JpPublication, 1);
  g_autoptr(JpSnapshot) snapshot = NULL;
  g_autoptr(JpItem) root = NULL;
  g_autoptr(JpItem) scope = NULL;
  JpPublicationParts parts;
  JpSnapshotItem *top;
  Builder b = { pub, options, options->lang };

  g_return_val_if_fail (JP_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL && options->lang < JP_N_LANGS, NULL);

  parts = options->parts ? options->parts : JP_PUBLICATION_PARTS_ALL;
  pub->lang = options->lang;
  pub->blocks = g_ptr_array_new_with_free_func (block_free);
  pub->fallback_marker = g_strdup ("*");

  if (options->report)
    {
      if (!_jp_publication_build_report (pub, store, error))
        return NULL;
      return g_steal_pointer (&pub);
    }
  if (options->section)
    {
      scope = jp_store_find_numbered (store, JP_KIND_SECTION, options->section);
      if (scope == NULL)
        {
          g_set_error (error, JP_PUBLICATION_ERROR, JP_PUBLICATION_ERROR_NOT_FOUND,
                       _("The plan has no section %s."), options->section);
          return NULL;
        }
    }
  else if (options->chapter)
    {
      scope = jp_store_find_numbered (store, JP_KIND_CHAPTER, options->chapter);
      if (scope == NULL)
        {
          g_set_error (error, JP_PUBLICATION_ERROR, JP_PUBLICATION_ERROR_NOT_FOUND,
                       _("The plan has no chapter %s."), options->chapter);
          return NULL;
        }
    }

  /* The whole plan is read for every scope: its title and year head
   * the pages, and one read is faster than the queries it replaces. */
  root = jp_store_get_root (store);
  if (root == NULL)
    {
      g_set_error_literal (error, JP_PUBLICATION_ERROR, JP_PUBLICATION_ERROR_EMPTY,
                           _("The plan is empty."));
      return NULL;
    }
  snapshot = jp_store_load_snapshot (store, jp_item_get_id (root), error);
  if (snapshot == NULL)
    return NULL;
  if (snapshot->root == NULL)
    {
      g_set_error_literal (error, JP_PUBLICATION_ERROR, JP_PUBLICATION_ERROR_EMPTY,
                           _("The plan is empty."));
      return NULL;
    }
  set_title (&b, snapshot->root);

  top = scope ? _jp_snapshot_lookup (snapshot, jp_item_get_id (scope)) : snapshot->root;
  if (top == NULL)
    {
      g_set_error_literal (error, JP_PUBLICATION_ERROR, JP_PUBLICATION_ERROR_READ,
                           _("The plan changed while it was read."));
      return NULL;
    }
  if (top->data.kind == JP_KIND_SECTION)
    add_section (&b, top);
  else if (top->data.kind == JP_KIND_CHAPTER)
    add_chapter (&b, top);
  else
    add_plan (&b, top, parts);

  if (pub->has_fallback)
    _jp_publication_add_fallback_note (pub);
  return g_steal_pointer (&pub);
}

gboolean
jp_publication_parts_from_string (const char         *text,
                                  JpPublicationParts *parts)
{
  g_auto(GStrv) names = NULL;
  JpPublicationParts result = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  names = g_strsplit (text, ",", -1);
  for (guint i = 0; names[i]; i++)
    {
      const char *name = g_strstrip (names[i]);

      if (strcmp (name, "plan") == 0)
        result |= JP_PUBLICATION_PART_PLAN;
      else if (strcmp (name, "programme") == 0)
        result |= JP_PUBLICATION_PART_PROGRAMME;
      else if (strcmp (name, "contacts") == 0)
        result |= JP_PUBLICATION_PART_CONTACTS;
      else
        return FALSE;
    }
  if (result == 0)
    return FALSE;
  *parts = result;
  return TRUE;
}

char *
jp_publication_block_text (JpPublication *self,
                           const JpBlock *block)
{
  g_return_val_if_fail (self != NULL && block != NULL, NULL);

  if (block->fallback)
    return g_strconcat (block->text ? block->text : "", " ", self->fallback_marker, NULL);
  return g_strdup (block->text ? block->text : "");
}
