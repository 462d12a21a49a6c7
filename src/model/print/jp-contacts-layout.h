/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "model/print/jp-contacts-dates.h"
#include "model/store/jp-database.h"

G_BEGIN_DECLS

/* The printed contacts page (chapter 8 of the plan), laid out once for a
 * printable area and drawn page by page.  Printing and the PDF export
 * share it: it needs a PangoContext and a cairo_t, never a display.
 *
 * Every page: the title and date at the top of the first page, a footer
 * "Page n of N" at the bottom.  A team is a block that is kept on one
 * page; only a team longer than a page is split (between people), and its
 * heading is repeated on the next page. */

typedef struct _JpContactsLayout JpContactsLayout;

typedef enum {
  JP_CONTACTS_LAYOUT_DEFAULT    = 0,
  /* Leave out the people whose validity does not include the date. */
  JP_CONTACTS_LAYOUT_VALID_ONLY = 1 << 0,
  /* Leave out the title, the date and the footers: a document that
   * holds the page puts its own header and footer.  The title's room on
   * the first page stays free (jp_contacts_layout_get_body_height() of
   * page 0 is that much smaller) for the document's heading. */
  JP_CONTACTS_LAYOUT_NO_TITLE   = 1 << 1,
} JpContactsLayoutFlags;

/* Something drawn on a page, in the printable area's coordinates
 * (points, origin at its top left). */
typedef struct {
  guint  page;
  double x;
  double y;
  double width;
  double height;
} JpContactsBox;

/* @width and @height: the printable area, in the units of @context (points
 * at a resolution of 72).  @date: the date printed and used to check
 * validity; NULL for today. */
JpContactsLayout *jp_contacts_layout_new        (JpDatabase            *db,
                                                 PangoContext          *context,
                                                 double                 width,
                                                 double                 height,
                                                 JpContactsLayoutFlags  flags,
                                                 GDateTime             *date);
/* The same in @lang, whatever the database's language: the words, the
 * dates and the teams' and subjects' titles (a French publication printed
 * from a Dutch window).  jp_contacts_layout_new() prints in the
 * database's language. */
JpContactsLayout *jp_contacts_layout_new_in     (JpDatabase            *db,
                                                 PangoContext          *context,
                                                 double                 width,
                                                 double                 height,
                                                 JpContactsLayoutFlags  flags,
                                                 GDateTime             *date,
                                                 JpLang                 lang);
void              jp_contacts_layout_free       (JpContactsLayout      *self);

guint             jp_contacts_layout_get_n_pages (JpContactsLayout     *self);
/* Draws page @page (from 0) with the printable area's top left at the
 * current origin of @cr. */
void              jp_contacts_layout_draw_page  (JpContactsLayout      *self,
                                                 cairo_t               *cr,
                                                 guint                  page);

/* For checks: the team blocks (in order), where they went and how tall
 * they are, the tallest block that fits on a page, the boxes of all that
 * is drawn, and the footer text of a page. */
guint             jp_contacts_layout_get_n_blocks (JpContactsLayout    *self);
void              jp_contacts_layout_get_block  (JpContactsLayout      *self,
                                                 guint                  block,
                                                 guint                 *first_page,
                                                 guint                 *last_page,
                                                 double                *height);
double            jp_contacts_layout_get_body_height (JpContactsLayout *self,
                                                 guint                  page);
const JpContactsBox *jp_contacts_layout_get_boxes (JpContactsLayout    *self,
                                                 guint                 *n_boxes);
char             *jp_contacts_layout_get_footer (JpContactsLayout      *self,
                                                 guint                  page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpContactsLayout, jp_contacts_layout_free)

G_END_DECLS
