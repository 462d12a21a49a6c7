/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-publication-changes"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-i18n.h"
#include "model/jp-file.h"
#include "model/print/jp-pdf.h"
#include "model/jp-field-titles.h"
#include "model/print/jp-publication-changes.h"
#include "model/print/jp-report.h"

/* The list of changes on paper: the published plan's fonts, a running
 * header after the first page, the title and the page's number in each
 * page's foot.  Rows of Pango markup flow down the pages; a heading
 * stays with the row after it. */

#define FONT_TITLE     "Sans Bold 20"
#define FONT_TITLE_SUB "Sans 12"
#define FONT_H2        "Sans Bold 12"
#define FONT_BODY      "Sans 9.5"
#define FONT_DETAIL    "Sans 8.5"
#define FONT_HEADER    "Sans Italic 8"
#define FONT_FOOTER    "Sans 8"

#define DEPTH_W     16.0
#define HEADER_GAP  14.0
#define FOOTER_GAP  12.0
/* What of a long text stays around its changes, in characters. */
#define CONTEXT    240

/* Dark enough to print, told apart by their lines as much as their colour. */
#define REMOVED_SPAN "<span foreground=\"#a51d2d\" strikethrough=\"true\">"
#define ADDED_SPAN   "<span foreground=\"#1a7f37\" underline=\"single\">"

#define T(lang, msgid) jp_i18n_translate ((lang), NULL, (msgid))

typedef struct {
  PangoLayout *layout;
  double       x;
  double       space;       /* above it, unless it starts a page */
  gboolean     heading;     /* kept with the row after it (a section, an item) */
  gboolean     rule;        /* a line under it, across the page */
  guint        page;
  double       y;
} Row;

typedef struct {
  const JpDifferences *differences;
  const char          *title;
  const char          *subtitle;
  JpLang               lang;
} Source;

struct _JpChangesLayout {
  GPtrArray    *rows;       /* Row* */
  PangoLayout  *header;
  PangoLayout  *footer;
  GPtrArray    *numbers;    /* PangoLayout*, a page's number */
  double        width;
  double        height;
  double        header_height;
  double        footer_height;
  guint         n_pages;
};

typedef JpChangesLayout Changes;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->layout);
  g_free (row);
}

static PangoLayout *
new_markup (PangoContext *context,
            const char   *font,
            const char   *markup,
            double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static Row *
add_row (Changes      *self,
         PangoContext *context,
         const char   *font,
         const char   *markup,
         double        x,
         double        space)
{
  Row *row = g_new0 (Row, 1);

  row->layout = new_markup (context, font, markup, self->width - x);
  row->x = x;
  row->space = space;
  g_ptr_array_add (self->rows, row);
  return row;
}

static char *
escape_or_dash (const char *text)
{
  return g_markup_escape_text (text ? text : "—", -1);
}

/* The runs of a text, the same words around a change cut to CONTEXT. */
static void
append_words (GString   *markup,
              GPtrArray *words)
{
  for (guint i = 0; i < words->len; i++)
    {
      const JpWords *run = g_ptr_array_index (words, i);
      g_autofree char *escaped = NULL;
      glong len = g_utf8_strlen (run->text, -1);

      if (run->op != JP_WORDS_SAME)
        {
          escaped = g_markup_escape_text (run->text, -1);
          /* A space between the struck words and those that replace them. */
          if (run->op == JP_WORDS_ADDED && i > 0
              && ((JpWords *) g_ptr_array_index (words, i - 1))->op == JP_WORDS_REMOVED)
            g_string_append_c (markup, ' ');
          g_string_append_printf (markup, "%s%s</span>",
                                  run->op == JP_WORDS_REMOVED ? REMOVED_SPAN : ADDED_SPAN, escaped);
          continue;
        }
      if (len > 2 * CONTEXT && i > 0 && i + 1 < words->len)
        {
          g_autofree char *start = g_utf8_substring (run->text, 0, CONTEXT);
          g_autofree char *end = g_utf8_substring (run->text, len - CONTEXT, len);
          g_autofree char *a = g_markup_escape_text (start, -1);
          g_autofree char *b = g_markup_escape_text (end, -1);

          g_string_append_printf (markup, "%s … %s", a, b);
        }
      else if (len > CONTEXT && (i == 0 || i + 1 == words->len) && words->len > 1)
        {
          g_autofree char *part = i == 0 ? g_utf8_substring (run->text, len - CONTEXT, len)
                                         : g_utf8_substring (run->text, 0, CONTEXT);

          escaped = g_markup_escape_text (part, -1);
          g_string_append_printf (markup, i == 0 ? "…%s" : "%s…", escaped);
        }
      else
        {
          escaped = g_markup_escape_text (run->text, -1);
          g_string_append (markup, escaped);
        }
    }
}

static char *
value_markup (const JpValueChange *value,
              JpKind               kind,
              JpLang               lang)
{
  GString *markup = g_string_new (NULL);
  g_autofree char *name = NULL, *old_value = NULL, *new_value = NULL;
  JpStatus old_status = JP_STATUS_NONE, new_status = JP_STATUS_NONE;
  JpPhase old_phase = JP_PHASE_NONE, new_phase = JP_PHASE_NONE;

  switch (value->kind)
    {
    case JP_VALUE_STATUS:
      name = g_strdup (T (lang, "Status"));
      if (value->old_value)
        jp_status_from_string (value->old_value, &old_status);
      if (value->new_value)
        jp_status_from_string (value->new_value, &new_status);
      old_value = g_strdup (jp_report_status_name (old_status, lang));
      new_value = g_strdup (jp_report_status_name (new_status, lang));
      break;
    case JP_VALUE_PHASE:
      name = g_strdup (T (lang, "Phase"));
      if (value->old_value)
        jp_phase_from_string (value->old_value, &old_phase);
      if (value->new_value)
        jp_phase_from_string (value->new_value, &new_phase);
      old_value = g_strdup (jp_report_phase_name (old_phase, lang));
      new_value = g_strdup (jp_report_phase_name (new_phase, lang));
      break;
    case JP_VALUE_FIELD:
      name = g_strdup (jp_field_title (value->field, lang));
      break;
    case JP_VALUE_TEXT:
      name = g_strdup_printf (T (lang, "%s (%s)"), jp_text_field_title (value->field, kind, lang),
                              T (lang, value->lang == JP_LANG_FR ? "French" : "Dutch"));
      break;
    case JP_VALUE_AREAS:
      name = g_strdup (T (lang, "Policy Areas"));
      break;
    case JP_VALUE_PLACE:
    default:
      name = g_strdup (T (lang, "Moved"));
      break;
    }
  {
    g_autofree char *escaped = g_markup_escape_text (name, -1);
    g_autofree char *bold = g_strdup_printf ("<b>%s</b>", escaped);

    if (value->words)
      {
        g_string_append_printf (markup, "%s\n", bold);
        append_words (markup, value->words);
      }
    else
      {
        g_autofree char *a = escape_or_dash (old_value ? old_value : value->old_value);
        g_autofree char *b = escape_or_dash (new_value ? new_value : value->new_value);
        g_autofree char *old_span = g_strdup_printf (REMOVED_SPAN "%s</span>", a);
        g_autofree char *new_span = g_strdup_printf (ADDED_SPAN "%s</span>", b);

        g_string_append_printf (markup, jp_i18n_translate (lang, "value change",
                                                           NC_("value change", "%s: %s → %s")),
                                bold, old_span, new_span);
      }
  }
  return g_string_free (markup, FALSE);
}

/* "5.7 Title" in @lang, else in the other language, else nothing. */
static char *
item_name (const char  *number,
           char * const titles[JP_N_LANGS],
           JpLang       lang)
{
  const char *title = titles[lang] ? titles[lang] : titles[lang == JP_LANG_NL ? JP_LANG_FR : JP_LANG_NL];

  return g_strstrip (g_strjoin (" ", number ? number : "", title ? title : "", NULL));
}

static void
add_difference (Changes            *self,
                PangoContext       *context,
                const JpDifference *difference,
                JpLang              lang)
{
  g_autofree char *name = item_name (difference->number, difference->titles, lang);
  g_autofree char *escaped = NULL, *markup = NULL;
  const char *badge, *span;

  switch (difference->kind)
    {
    case JP_DIFFERENCE_ADDED:
      badge = jp_i18n_translate (lang, "difference", "Added");
      span = ADDED_SPAN;
      break;
    case JP_DIFFERENCE_REMOVED:
      badge = jp_i18n_translate (lang, "difference", "Removed");
      span = REMOVED_SPAN;
      break;
    case JP_DIFFERENCE_CHANGED:
    default:
      badge = jp_i18n_translate (lang, "compared years", "Changed");
      span = "<span>";
      break;
    }
  if (*name == '\0')
    {
      g_free (name);
      name = g_strdup (difference->uid ? difference->uid : "");
    }
  escaped = g_markup_escape_text (name, -1);
  markup = g_strdup_printf ("<b>%s</b>  —  %s%s</span>", escaped, span, badge);
  /* The item goes with its first value, not alone at a page's foot. */
  add_row (self, context, FONT_BODY, markup, 0, 7)->heading = difference->values && difference->values->len > 0;

  for (guint i = 0; difference->values && i < difference->values->len; i++)
    {
      g_autofree char *line = value_markup (g_ptr_array_index (difference->values, i),
                                            difference->item_kind, lang);

      add_row (self, context, FONT_DETAIL, line, DEPTH_W, 2.5);
    }
}

static void
build_rows (Changes      *self,
            PangoContext *context,
            Source       *source)
{
  const char *group = NULL;
  g_autofree char *title = g_markup_escape_text (source->title ? source->title : "", -1);
  Row *row;

  add_row (self, context, FONT_TITLE, title, 0, 0);
  if (source->subtitle)
    {
      g_autofree char *subtitle = g_markup_escape_text (source->subtitle, -1);

      add_row (self, context, FONT_TITLE_SUB, subtitle, 0, 6);
    }
  ((Row *) g_ptr_array_index (self->rows, self->rows->len - 1))->rule = TRUE;
  if (source->differences->differences->len == 0)
    add_row (self, context, FONT_BODY, T (source->lang, "No Differences"), 0, 18);

  for (guint i = 0; i < source->differences->differences->len; i++)
    {
      const JpDifference *difference = g_ptr_array_index (source->differences->differences, i);

      if (group == NULL || g_strcmp0 (group, difference->group) != 0)
        {
          g_autofree char *name = NULL, *escaped = NULL;

          name = *difference->group ? item_name (difference->group_number, difference->group_titles, source->lang)
                                    : g_strdup (T (source->lang, "Work Programme and Contacts"));
          escaped = g_markup_escape_text (name, -1);
          row = add_row (self, context, FONT_H2, escaped, 0, 16);
          row->heading = TRUE;
          group = difference->group;
        }
      add_difference (self, context, difference, source->lang);
    }
}

static double
row_height (Row *row)
{
  int h;

  pango_layout_get_size (row->layout, NULL, &h);
  return (double) h / PANGO_SCALE + (row->rule ? 8 : 0);
}

/* Places each row on a page; a heading goes with the row after it. */
static void
paginate (Changes *self)
{
  double bottom = self->height - self->footer_height;
  double y = 0;
  guint page = 0;
  gboolean empty = TRUE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      double h = row_height (row);
      double need = h;

      if (row->heading && i + 1 < self->rows->len)
        need += ((Row *) g_ptr_array_index (self->rows, i + 1))->space
                + row_height (g_ptr_array_index (self->rows, i + 1));
      if (!empty && y + row->space + need > bottom)
        {
          page++;
          y = self->header_height;
          empty = TRUE;
        }
      if (!empty)
        y += row->space;
      row->page = page;
      row->y = y;
      y += h;
      empty = FALSE;
    }
  self->n_pages = page + 1;
}

static gpointer
changes_layout (gpointer      data,
                PangoContext *context,
                double        width,
                double        height)
{
  Source *source = data;
  Changes *self = g_new0 (Changes, 1);
  int h;

  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->numbers = g_ptr_array_new_with_free_func (g_object_unref);
  self->width = width;
  self->height = height;
  {
    g_autofree char *header = g_markup_escape_text (source->title ? source->title : "", -1);

    self->header = new_markup (context, FONT_HEADER, header, width);
    self->footer = new_markup (context, FONT_FOOTER, header, width - 40);
  }
  pango_layout_get_size (self->header, NULL, &h);
  self->header_height = (double) h / PANGO_SCALE + HEADER_GAP;
  pango_layout_get_size (self->footer, NULL, &h);
  self->footer_height = (double) h / PANGO_SCALE + FOOTER_GAP;

  build_rows (self, context, source);
  paginate (self);
  for (guint p = 0; p < self->n_pages; p++)
    {
      g_autofree char *number = g_strdup_printf ("%u", p + 1);
      PangoLayout *layout = new_markup (context, FONT_FOOTER, number, 0);

      g_ptr_array_add (self->numbers, layout);
    }
  return self;
}

static guint
changes_n_pages (gpointer layout)
{
  return ((Changes *) layout)->n_pages;
}

static void
draw_rule (cairo_t *cr,
           double   y,
           double   width)
{
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, y);
  cairo_line_to (cr, width, y);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

static void
changes_draw_page (gpointer  layout,
                   cairo_t  *cr,
                   guint     page)
{
  Changes *self = layout;
  PangoLayout *number = g_ptr_array_index (self->numbers, page);
  int w, h;

  cairo_set_source_rgb (cr, 0, 0, 0);
  if (page > 0)
    {
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, self->header);
      draw_rule (cr, self->header_height - HEADER_GAP / 2, self->width);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->page != page)
        continue;
      cairo_move_to (cr, row->x, row->y);
      pango_cairo_show_layout (cr, row->layout);
      if (row->rule)
        draw_rule (cr, row->y + row_height (row) - 3, self->width);
    }
  pango_layout_get_size (self->footer, NULL, &h);
  cairo_move_to (cr, 0, self->height - (double) h / PANGO_SCALE);
  pango_cairo_show_layout (cr, self->footer);
  pango_layout_get_size (number, &w, &h);
  cairo_move_to (cr, self->width - (double) w / PANGO_SCALE, self->height - (double) h / PANGO_SCALE);
  pango_cairo_show_layout (cr, number);
}

static void
changes_free (gpointer layout)
{
  Changes *self = layout;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->numbers, g_ptr_array_unref);
  g_clear_object (&self->header);
  g_clear_object (&self->footer);
  g_free (self);
}

JpChangesLayout *
jp_changes_layout_new (const JpDifferences *differences,
                       const char          *title,
                       const char          *subtitle,
                       JpLang               lang,
                       PangoContext        *context,
                       double               width,
                       double               height)
{
  Source source = { differences, title, subtitle, lang };

  g_return_val_if_fail (differences != NULL, NULL);
  return changes_layout (&source, context, width, height);
}

guint
jp_changes_layout_get_n_pages (JpChangesLayout *self)
{
  return changes_n_pages (self);
}

void
jp_changes_layout_draw_page (JpChangesLayout *self,
                             cairo_t         *cr,
                             guint            page)
{
  g_return_if_fail (page < self->n_pages);
  changes_draw_page (self, cr, page);
}

void
jp_changes_layout_free (JpChangesLayout *self)
{
  if (self != NULL)
    changes_free (self);
}

static const JpPdfDocument changes_document = {
  changes_layout, changes_n_pages, changes_draw_page, changes_free,
};

GBytes *
jp_publication_changes_render (const JpDifferences  *differences,
                               const char           *title,
                               const char           *subtitle,
                               JpLang                lang,
                               guint                *n_pages,
                               GError              **error)
{
  Source source = { differences, title, subtitle, lang };

  g_return_val_if_fail (differences != NULL, NULL);

  return jp_pdf_render (&changes_document, &source, title, n_pages, error);
}

gboolean
jp_publication_changes_export (const JpDifferences  *differences,
                               const char           *title,
                               const char           *subtitle,
                               JpLang                lang,
                               GFile                *file,
                               guint                *n_pages,
                               GError              **error)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (differences != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  pdf = jp_publication_changes_render (differences, title, subtitle, lang, n_pages, error);
  if (pdf == NULL)
    {
      g_prefix_error (error, _("Could not make the PDF “%s”: "), name);
      return FALSE;
    }
  if (!jp_file_write_atomically (file, pdf, NULL, error))
    {
      g_prefix_error (error, _("Could not write “%s”: "), name);
      return FALSE;
    }
  return TRUE;
}
