/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jp-i18n.h"
#include "model/jp-file.h"
#include "model/print/jp-report-csv.h"
#include "model/print/jp-report.h"

/* The words of the report: in its language, not the interface's. */
#define T(lang, msgid) jp_i18n_translate ((lang), "report", (msgid))

static const char * const headers[] = {
  NC_("report", "Chapter"), NC_("report", "Section"), NC_("report", "Project"),
  NC_("report", "Phase"), NC_("report", "Status"), NC_("report", "Progress"),
  NC_("report", "Progress Updated"),
};

/* One field: quoted when it holds a comma, a quote or a line end. */
static void
add_field (GString    *out,
           const char *value,
           gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* "5.7 Title", as the report names a chapter or section. */
static char *
heading (JpSnapshotItem *item,
         JpLang          lang)
{
  const char *number = item->data.fields[JP_FIELD_NUMBER];
  const char *title = jp_report_pick_text (item, JP_TEXT_TITLE, lang, NULL);

  return g_strjoin (" ", number ? number : "", title ? title : "", NULL);
}

static void
add_entry (GString             *out,
           const JpReportEntry *entry,
           JpLang               lang)
{
  JpSnapshotItem *project = entry->project;
  g_autofree char *chapter_name = heading (entry->chapter, lang);
  g_autofree char *section_name = heading (entry->section, lang);

  add_field (out, chapter_name, TRUE);
  add_field (out, section_name, FALSE);
  add_field (out, jp_report_pick_text (project, JP_TEXT_BODY, lang, NULL), FALSE);
  add_field (out, jp_report_phase_name (project->data.phase, lang), FALSE);
  add_field (out, project->data.status != JP_STATUS_NONE
                  ? jp_report_status_name (project->data.status, lang) : NULL, FALSE);
  add_field (out, jp_report_pick_text (project, JP_TEXT_PROGRESS, lang, NULL), FALSE);
  add_field (out, project->data.fields[JP_FIELD_PROGRESS_DATE], FALSE);
  g_string_append (out, "\r\n");
}

GBytes *
jp_report_csv_render_report (JpReport *report,
                             JpLang    lang)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    add_field (out, T (lang, headers[i]), i == 0);
  g_string_append (out, "\r\n");
  for (guint i = 0; i < report->entries->len; i++)
    add_entry (out, &g_array_index (report->entries, JpReportEntry, i), lang);
  return g_string_free_to_bytes (out);
}

GBytes *
jp_report_csv_render (JpStore  *store,
                      JpLang    lang,
                      GError  **error)
{
  g_autoptr(JpReport) report = NULL;

  g_return_val_if_fail (JP_IS_STORE (store), NULL);

  report = jp_report_new (store, error);
  if (report == NULL)
    return NULL;
  return jp_report_csv_render_report (report, lang);
}

gboolean
jp_report_csv_export (JpStore  *store,
                      JpLang    lang,
                      GFile    *file,
                      GError  **error)
{
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (JP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  csv = jp_report_csv_render (store, lang, error);
  if (csv == NULL)
    {
      g_prefix_error (error, _("Could not write “%s”: "), name);
      return FALSE;
    }
  if (!jp_file_write_atomically (file, csv, NULL, error))
    {
      g_prefix_error (error, _("Could not write “%s”: "), name);
      return FALSE;
    }
  return TRUE;
}
