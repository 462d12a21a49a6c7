/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jp-i18n.h"
#include "model/jp-file.h"
#include "model/print/jp-report-csv.h"

/* The words of the report: in its language, not the interface's. */
#define T(lang, msgid) jp_i18n_translate ((lang), "report", (msgid))

static const char * const headers[] = {
  NC_("report", "Chapter"), NC_("report", "Section"), NC_("report", "Project"),
  NC_("report", "Phase"), NC_("report", "Status"), NC_("report", "Progress"),
  NC_("report", "Progress Updated"),
};

static const char * const phase_names[] = {
  [JP_PHASE_NONE]    = NULL,
  [JP_PHASE_ONGOING] = NC_("report", "Ongoing"),
  [JP_PHASE_NEW]     = NC_("report", "New"),
};

static const char * const status_names[] = {
  [JP_STATUS_NONE]        = NULL,
  [JP_STATUS_PLANNED]     = NC_("report", "Planned"),
  [JP_STATUS_IN_PROGRESS] = NC_("report", "In Progress"),
  [JP_STATUS_DONE]        = NC_("report", "Done"),
  [JP_STATUS_POSTPONED]   = NC_("report", "Postponed"),
  [JP_STATUS_DROPPED]     = NC_("report", "Dropped"),
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
heading (JpItem *item,
         JpLang  lang)
{
  const char *number = jp_item_get_field (item, JP_FIELD_NUMBER);
  const char *title = jp_item_get_display_text (item, JP_TEXT_TITLE, lang, NULL);

  return g_strjoin (" ", number ? number : "", title ? title : "", NULL);
}

static void
add_projects (GString    *out,
              JpStore    *store,
              JpItem     *section,
              const char *chapter_name,
              JpLang      lang)
{
  g_autoptr(GListModel) projects = jp_store_get_children (store, section, JP_KIND_MASK (JP_KIND_PROJECT));
  g_autofree char *section_name = heading (section, lang);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(JpItem) project = g_list_model_get_item (projects, i);
      JpPhase phase = jp_item_get_phase (project);
      JpStatus status = jp_item_get_status (project);

      add_field (out, chapter_name, TRUE);
      add_field (out, section_name, FALSE);
      add_field (out, jp_item_get_display_text (project, JP_TEXT_BODY, lang, NULL), FALSE);
      add_field (out, phase_names[phase] ? T (lang, phase_names[phase]) : NULL, FALSE);
      add_field (out, status_names[status] ? T (lang, status_names[status]) : NULL, FALSE);
      add_field (out, jp_item_get_display_text (project, JP_TEXT_PROGRESS, lang, NULL), FALSE);
      add_field (out, jp_item_get_field (project, JP_FIELD_PROGRESS_DATE), FALSE);
      g_string_append (out, "\r\n");
    }
}

GBytes *
jp_report_csv_render (JpStore *store,
                      JpLang   lang)
{
  g_autoptr(JpItem) root = NULL;
  g_autoptr(GListModel) chapters = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (JP_IS_STORE (store), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    add_field (out, T (lang, headers[i]), i == 0);
  g_string_append (out, "\r\n");

  root = jp_store_get_root (store);
  chapters = jp_store_get_children (store, root, JP_KIND_MASK (JP_KIND_CHAPTER));
  for (guint c = 0; c < g_list_model_get_n_items (chapters); c++)
    {
      g_autoptr(JpItem) chapter = g_list_model_get_item (chapters, c);
      g_autoptr(GListModel) sections = jp_store_get_children (store, chapter, JP_KIND_MASK (JP_KIND_SECTION));
      g_autofree char *chapter_name = heading (chapter, lang);

      for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
        {
          g_autoptr(JpItem) section = g_list_model_get_item (sections, s);

          add_projects (out, store, section, chapter_name, lang);
        }
    }
  return g_string_free_to_bytes (out);
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
  csv = jp_report_csv_render (store, lang);
  if (!jp_file_write_atomically (file, csv, NULL, error))
    {
      g_prefix_error (error, _("Could not write “%s”: "), name);
      return FALSE;
    }
  return TRUE;
}
