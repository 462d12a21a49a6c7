/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/jp-store.h"

G_BEGIN_DECLS

/* What the annual report reports, read once from one snapshot of the
 * open year's plan: every project, chapter by chapter and section by
 * section, and how many projects each policy area has of each status.
 * The CSV and the printed report both read it.
 *
 * A project counts under each policy area its section serves, and under
 * "no policy area" when its section serves none; the total counts each
 * project once, so the areas can add up to more than the total. */

/* The columns of the counts: JP_STATUS_NONE (no status) to
 * JP_STATUS_DROPPED. */
#define JP_REPORT_N_STATUSES (JP_STATUS_DROPPED + 1)

typedef struct {
  JpSnapshotItem *chapter;
  JpSnapshotItem *section;
  JpSnapshotItem *project;
} JpReportEntry;

typedef struct {
  JpSnapshot *snapshot;
  char       *year;      /* the plan's number */
  GPtrArray  *areas;     /* JpSnapshotItem*: the policy areas, in order */
  GArray     *entries;   /* JpReportEntry, in the plan's order */
  guint      *counts;    /* (areas->len + 2) rows of JP_REPORT_N_STATUSES */
} JpReport;

/* The rows of the counts after the areas'. */
#define JP_REPORT_ROW_NO_AREA(report) ((report)->areas->len)
#define JP_REPORT_ROW_TOTAL(report)   ((report)->areas->len + 1)

JpReport   *jp_report_new         (JpStore   *store,
                                   GError   **error);
void        jp_report_free        (JpReport  *self);

/* The projects of @status (JP_REPORT_N_STATUSES: of any) in @row: an
 * area's index, JP_REPORT_ROW_NO_AREA or JP_REPORT_ROW_TOTAL. */
guint       jp_report_get_count   (JpReport  *self,
                                   guint      row,
                                   guint      status);

/* The report's words, in @lang whatever the interface's language:
 * "In Progress", "No Status"; "Ongoing", "New" (NULL for no phase). */
const char *jp_report_status_name (JpStatus   status,
                                   JpLang     lang);
const char *jp_report_phase_name  (JpPhase    phase,
                                   JpLang     lang);
/* A text of @item in @lang, else in the other language (@fallback set),
 * else NULL. */
const char *jp_report_pick_text   (JpSnapshotItem *item,
                                   JpTextField     field,
                                   JpLang          lang,
                                   gboolean       *fallback);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpReport, jp_report_free)

G_END_DECLS
