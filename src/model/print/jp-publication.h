/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/jp-store.h"

G_BEGIN_DECLS

/* The published plan as content, before any page: what a renderer (the
 * PDF's layout, an OpenDocument writer) needs, in reading order, in one
 * language.  No cairo, no Pango: a list of blocks read from one snapshot
 * of the plan.
 *
 * The whole plan: a title page, the contents, chapters 1–7 with their
 * sections, the contacts (chapter 8) and the Gemeenschappelijk
 * Werkprogramma, as the printed plan orders them.  A chapter or a
 * section: only its own headings and content.
 *
 * The annual report (@report): a title page, the contents, a summary
 * (the projects of each policy area by status, as a table) and then,
 * chapter by chapter and section by section, each project with its
 * status, its progress note and the date of that note. */

#define JP_PUBLICATION_ERROR (jp_publication_error_quark ())
GQuark jp_publication_error_quark (void);

typedef enum {
  JP_PUBLICATION_ERROR_NOT_FOUND,   /* no such chapter or section */
  JP_PUBLICATION_ERROR_EMPTY,       /* nothing left to print */
  JP_PUBLICATION_ERROR_READ,        /* the plan could not be read */
} JpPublicationError;

typedef enum {
  JP_PUBLICATION_PART_PLAN      = 1 << 0,  /* chapters 1–7 */
  JP_PUBLICATION_PART_PROGRAMME = 1 << 1,  /* the Gemeenschappelijk Werkprogramma */
  JP_PUBLICATION_PART_CONTACTS  = 1 << 2,  /* chapter 8 */
  JP_PUBLICATION_PARTS_ALL      = 0x7,
} JpPublicationParts;

typedef struct {
  JpPublicationParts  parts;        /* for the whole plan; 0 means all */
  JpLang              lang;
  gboolean            with_status;  /* a project's status after its text */
  const char         *chapter;      /* a chapter's number, or NULL */
  const char         *section;      /* a section's number, or NULL */
  gboolean            report;       /* the annual report instead of the plan */
} JpPublicationOptions;

typedef enum {
  JP_BLOCK_TITLE_PAGE,     /* the title page: see JpPublication's fields */
  JP_BLOCK_CONTENTS,       /* the table of contents goes here; @text its title */
  JP_BLOCK_HEADING,        /* @level 1–3, @number (or NULL), @text */
  JP_BLOCK_PARAGRAPH,      /* running text; lines inside it end in \n */
  JP_BLOCK_LINE,           /* a line kept as a line ("a. …", "- …") */
  JP_BLOCK_LIST_ITEM,      /* @level: depth from 0; @status or NULL */
  JP_BLOCK_NOTE,           /* a footnote of the item before, @level its depth */
  JP_BLOCK_GROUP,          /* a working group: @code (or NULL), @text, @level depth */
  JP_BLOCK_CONTACTS,       /* the contacts page, drawn as it prints on its own */
  JP_BLOCK_FALLBACK_NOTE,  /* what the untranslated marker means; @text */
  JP_BLOCK_TABLE,          /* @cells: @columns a row, the first row heads it, the last sums it */
  JP_BLOCK_PROGRESS,       /* a project's progress note (or what stands for none, @dim), @date */
} JpBlockKind;

typedef struct {
  JpBlockKind  kind;
  guint        level;
  char        *number;
  char        *text;
  char        *code;
  char        *status;
  JpLang       lang;         /* the language @text is in */
  gboolean     fallback;     /* @text is not translated: in the other language */
  gboolean     in_contents;  /* a heading listed in the contents */
  gboolean     new_page;     /* starts on a new page */
  gint64       item;         /* the item it comes from, or 0 */
  GPtrArray   *cells;        /* a table's cells, row after row (char*) */
  guint        columns;
  char        *date;         /* "Updated 30 June 2013", or NULL */
  gboolean     dim;          /* a text that stands for a missing one */
} JpBlock;

typedef struct {
  JpLang      lang;
  /* The title page and the running header. */
  char       *title;          /* "Jaarplan 2013" */
  char       *year;           /* "2013" */
  char       *reference;      /* "Benelux-Publicatieblad, …", or NULL */
  char       *addressee;      /* "Het Comité van ministers van de Benelux-Unie", or NULL */
  char       *date_line;      /* "December 2012", or NULL */
  char       *header;         /* the running header */
  char       *footer;         /* before each page's number, or NULL */
  char       *fallback_marker;  /* put after a text that is not translated */
  gboolean    has_fallback;   /* some text is not translated */
  GPtrArray  *blocks;         /* JpBlock*, in reading order */
} JpPublication;

/* Reads the plan once and builds its blocks.  Fails with
 * JP_PUBLICATION_ERROR_NOT_FOUND for a chapter or section the plan does
 * not have (a message in the interface's language). */
JpPublication *jp_publication_new  (JpStore                     *store,
                                    const JpPublicationOptions  *options,
                                    GError                     **error);
void           jp_publication_free (JpPublication               *self);

/* "plan,programme,contacts" and the like; FALSE for an unknown name. */
gboolean       jp_publication_parts_from_string (const char         *text,
                                                 JpPublicationParts *parts);

/* The block's text with the marker of an untranslated text after it. */
char          *jp_publication_block_text (JpPublication *self,
                                          const JpBlock *block);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpPublication, jp_publication_free)

G_END_DECLS
