/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/jp-store.h"
#include "model/print/jp-report.h"

G_BEGIN_DECLS

/* The annual report as a table for spreadsheets: one row per project of
 * the plan, chapter by chapter and section by section, with its phase,
 * status, progress note and the date of that note.  RFC 4180: UTF-8, a
 * header row in @lang, CRLF line ends, fields with a comma, a quote or a
 * line end quoted and their quotes doubled. */
GBytes   *jp_report_csv_render (JpStore  *store,
                                JpLang    lang,
                                GError  **error);
/* The same, from a report already read. */
GBytes   *jp_report_csv_render_report (JpReport *report,
                                       JpLang    lang);
/* The same, written atomically to @file. */
gboolean  jp_report_csv_export (JpStore  *store,
                                JpLang    lang,
                                GFile    *file,
                                GError  **error);

G_END_DECLS
