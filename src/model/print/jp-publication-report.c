/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-publication"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-i18n.h"
#include "model/print/jp-contacts-dates.h"
#include "model/print/jp-publication-private.h"
#include "model/print/jp-report.h"

/* The annual report as a publication: the same pages, headers and
 * contents as the printed plan, read from the report's one snapshot.
 * A section without projects has nothing to report and is left out, as
 * is a chapter without any. */

#define T(pub, msgid) jp_i18n_translate ((pub)->lang, "report", (msgid))
#define OTHER(pub) ((pub)->lang == JP_LANG_NL ? JP_LANG_FR : JP_LANG_NL)

static void
add_cell (GPtrArray  *cells,
          const char *text)
{
  g_ptr_array_add (cells, g_strdup (text));
}

static void
add_count_row (GPtrArray  *cells,
               JpReport   *report,
               guint       row,
               const char *label)
{
  add_cell (cells, label);
  for (guint s = 0; s <= JP_REPORT_N_STATUSES; s++)
    g_ptr_array_add (cells, g_strdup_printf ("%u", jp_report_get_count (report, row, s)));
}

/* The projects of each policy area by status; a row for the projects
 * of no area, then the total, which counts each project once. */
static void
add_summary (JpPublication *pub,
             JpReport      *report)
{
  /* Translators: a heading of the annual report, over the table that
   * counts the projects of each policy area by status. */
  JpBlock *heading = _jp_publication_add_block (pub, JP_BLOCK_HEADING, 1, T (pub, NC_("report", "Summary")), NULL);
  JpBlock *table = _jp_publication_add_block (pub, JP_BLOCK_TABLE, 0, NULL, NULL);
  JpBlock *note;

  heading->new_page = TRUE;
  heading->in_contents = TRUE;
  table->cells = g_ptr_array_new_with_free_func (g_free);
  table->columns = JP_REPORT_N_STATUSES + 2;
  add_cell (table->cells, jp_i18n_translate (pub->lang, NULL, "Policy Area"));
  for (guint s = 0; s < JP_REPORT_N_STATUSES; s++)
    add_cell (table->cells, jp_report_status_name (s, pub->lang));
  /* Translators: the last column and the last row of the annual
   * report's summary. */
  add_cell (table->cells, T (pub, NC_("report", "Total")));
  for (guint a = 0; a < report->areas->len; a++)
    {
      JpSnapshotItem *area = report->areas->pdata[a];
      const char *number = area->data.fields[JP_FIELD_NUMBER];
      const char *title = jp_report_pick_text (area, JP_TEXT_TITLE, pub->lang, NULL);
      g_autofree char *label = g_strjoin (" ", number ? number : "", title ? title : "", NULL);

      add_count_row (table->cells, report, a, g_strstrip (label));
    }
  add_count_row (table->cells, report, JP_REPORT_ROW_NO_AREA (report),
                 /* Translators: a row of the annual report's summary. */
                 T (pub, NC_("report", "No Policy Area")));
  add_count_row (table->cells, report, JP_REPORT_ROW_TOTAL (report), T (pub, "Total"));
  note = _jp_publication_add_block (pub, JP_BLOCK_NOTE, 0,
                                    /* Translators: under the annual report's summary. */
                                    T (pub, NC_("report", "A project counts under each policy area its section "
                                                "serves, so the areas can add up to more than the total; "
                                                "“No Policy Area” counts the projects of sections that "
                                                "serve none.")), NULL);
  note->dim = TRUE;
}

static JpBlock *
add_heading (JpPublication  *pub,
             JpSnapshotItem *item,
             guint           level)
{
  gboolean fallback;
  const char *title = jp_report_pick_text (item, JP_TEXT_TITLE, pub->lang, &fallback);
  const char *number = item->data.fields[JP_FIELD_NUMBER];
  JpBlock *block = _jp_publication_add_block (pub, JP_BLOCK_HEADING, level, title ? title : "", item);

  block->number = number && *number ? g_strdup (number) : NULL;
  block->lang = fallback ? OTHER (pub) : pub->lang;
  block->fallback = fallback;
  block->in_contents = TRUE;
  pub->has_fallback |= fallback;
  return block;
}

/* A project: its text and status, then its progress note and the date
 * of that note. */
static void
add_project (JpPublication  *pub,
             JpSnapshotItem *project)
{
  gboolean fallback;
  const char *text = jp_report_pick_text (project, JP_TEXT_BODY, pub->lang, &fallback);
  const char *progress;
  const char *date = project->data.fields[JP_FIELD_PROGRESS_DATE];
  JpBlock *block;

  if (text == NULL)
    text = jp_report_pick_text (project, JP_TEXT_TITLE, pub->lang, &fallback);
  block = _jp_publication_add_block (pub, JP_BLOCK_LIST_ITEM, 0, text ? text : "", project);
  block->lang = fallback ? OTHER (pub) : pub->lang;
  block->fallback = fallback;
  block->status = g_strdup (jp_report_status_name (project->data.status, pub->lang));
  pub->has_fallback |= fallback;

  progress = jp_report_pick_text (project, JP_TEXT_PROGRESS, pub->lang, &fallback);
  /* Translators: in the annual report, for a project without a progress note. */
  block = _jp_publication_add_block (pub, JP_BLOCK_PROGRESS, 0,
                                     progress ? progress : T (pub, NC_("report", "No progress reported")),
                                     project);
  block->dim = progress == NULL;
  block->fallback = progress != NULL && fallback;
  block->lang = block->fallback ? OTHER (pub) : pub->lang;
  pub->has_fallback |= block->fallback;
  if (date && *date)
    {
      g_autofree char *day = jp_contacts_format_date_in (date, pub->lang);

      /* Translators: under a project's progress note in the annual
       * report; %s is a date ("30 June 2013"). */
      block->date = g_strdup_printf (T (pub, NC_("report", "Updated %s")), day ? day : date);
    }
}

gboolean
_jp_publication_build_report (JpPublication  *pub,
                              JpStore        *store,
                              GError        **error)
{
  g_autoptr(JpReport) report = jp_report_new (store, error);
  JpSnapshotItem *chapter = NULL, *section = NULL;

  if (report == NULL)
    return FALSE;
  pub->year = g_strdup (report->year);
  /* Translators: the title of the annual report; %s is the plan's year. */
  pub->title = g_strdup_printf (T (pub, NC_("report", "Annual Report %s")), report->year);
  pub->title = g_strstrip (pub->title);
  pub->header = g_strdup (pub->title);
  pub->footer = g_strdup (pub->title);
  pub->reference = g_strdup (jp_i18n_translate (pub->lang, NULL, "Benelux Secretariat-General"));

  _jp_publication_add_block (pub, JP_BLOCK_TITLE_PAGE, 0, NULL, report->snapshot->root);
  /* Translators: the title of the printed plan's table of contents. */
  _jp_publication_add_block (pub, JP_BLOCK_CONTENTS, 0,
                             jp_i18n_translate (pub->lang, "publication", NC_("publication", "Contents")), NULL);
  add_summary (pub, report);
  for (guint i = 0; i < report->entries->len; i++)
    {
      JpReportEntry *entry = &g_array_index (report->entries, JpReportEntry, i);

      if (entry->chapter != chapter)
        add_heading (pub, entry->chapter, 1)->new_page = TRUE;
      if (entry->section != section)
        add_heading (pub, entry->section, 2);
      chapter = entry->chapter;
      section = entry->section;
      add_project (pub, entry->project);
    }
  if (pub->has_fallback)
    _jp_publication_add_fallback_note (pub);
  return TRUE;
}
