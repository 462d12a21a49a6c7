/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jp-i18n.h"
#include "model/print/jp-publication.h"
#include "model/print/jp-report.h"

static const char * const phase_names[] = {
  [JP_PHASE_NONE]    = NULL,
  [JP_PHASE_ONGOING] = NC_("report", "Ongoing"),
  [JP_PHASE_NEW]     = NC_("report", "New"),
};

static const char * const status_names[] = {
  /* Translators: a project of the annual report that has no status. */
  [JP_STATUS_NONE]        = NC_("report", "No Status"),
  [JP_STATUS_PLANNED]     = NC_("report", "Planned"),
  [JP_STATUS_IN_PROGRESS] = NC_("report", "In Progress"),
  [JP_STATUS_DONE]        = NC_("report", "Done"),
  [JP_STATUS_POSTPONED]   = NC_("report", "Postponed"),
  [JP_STATUS_DROPPED]     = NC_("report", "Dropped"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (status_names) == JP_REPORT_N_STATUSES);

const char *
jp_report_status_name (JpStatus status,
                       JpLang   lang)
{
  if ((guint) status >= G_N_ELEMENTS (status_names))
    return NULL;
  return jp_i18n_translate (lang, "report", status_names[status]);
}

const char *
jp_report_phase_name (JpPhase phase,
                      JpLang  lang)
{
  if ((guint) phase >= G_N_ELEMENTS (phase_names) || phase_names[phase] == NULL)
    return NULL;
  return jp_i18n_translate (lang, "report", phase_names[phase]);
}

const char *
jp_report_pick_text (JpSnapshotItem *item,
                     JpTextField     field,
                     JpLang          lang,
                     gboolean       *fallback)
{
  JpLang other = lang == JP_LANG_NL ? JP_LANG_FR : JP_LANG_NL;
  const char *text = item->data.texts[field][lang];

  if (fallback)
    *fallback = FALSE;
  if (text && *text)
    return text;
  text = item->data.texts[field][other];
  if (text && *text)
    {
      if (fallback)
        *fallback = TRUE;
      return text;
    }
  return NULL;
}

void
jp_report_free (JpReport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->snapshot, _jp_snapshot_free);
  g_free (self->year);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_free (self->counts);
  g_free (self);
}

static guint *
cell (JpReport *self,
      guint     row,
      JpStatus  status)
{
  return &self->counts[row * JP_REPORT_N_STATUSES + MIN ((guint) status, JP_REPORT_N_STATUSES - 1)];
}

guint
jp_report_get_count (JpReport *self,
                     guint     row,
                     guint     status)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row <= JP_REPORT_ROW_TOTAL (self), 0);

  if (status < JP_REPORT_N_STATUSES)
    return *cell (self, row, status);
  for (guint s = 0; s < JP_REPORT_N_STATUSES; s++)
    n += *cell (self, row, s);
  return n;
}

/* The policy areas of the programme, in the plan's order. */
static void
find_areas (JpReport *self)
{
  for (guint i = 0; i < self->snapshot->root->children->len; i++)
    {
      JpSnapshotItem *programme = self->snapshot->root->children->pdata[i];

      if (programme->data.kind != JP_KIND_PROGRAMME)
        continue;
      for (guint j = 0; j < programme->children->len; j++)
        {
          JpSnapshotItem *area = programme->children->pdata[j];

          if (area->data.kind == JP_KIND_AREA)
            g_ptr_array_add (self->areas, area);
        }
    }
  g_ptr_array_sort (self->areas, _jp_snapshot_compare_positions);
}

/* Counts @project under the areas @section serves, or under none. */
static void
count (JpReport       *self,
       JpSnapshotItem *section,
       JpSnapshotItem *project)
{
  JpStatus status = project->data.status;
  gboolean any = FALSE;

  for (guint a = 0; a < self->areas->len; a++)
    {
      JpSnapshotItem *area = self->areas->pdata[a];

      if (section->areas && g_ptr_array_find_with_equal_func (section->areas, area->data.uid, g_str_equal, NULL))
        {
          (*cell (self, a, status))++;
          any = TRUE;
        }
    }
  if (!any)
    (*cell (self, JP_REPORT_ROW_NO_AREA (self), status))++;
  (*cell (self, JP_REPORT_ROW_TOTAL (self), status))++;
}

JpReport *
jp_report_new (JpStore  *store,
               GError  **error)
{
  g_autoptr(JpReport) self = NULL;
  g_autoptr(JpItem) root = NULL;
  const char *number;

  g_return_val_if_fail (JP_IS_STORE (store), NULL);

  root = jp_store_get_root (store);
  if (root == NULL)
    {
      g_set_error_literal (error, JP_PUBLICATION_ERROR, JP_PUBLICATION_ERROR_EMPTY, _("The plan is empty."));
      return NULL;
    }
  self = g_new0 (JpReport, 1);
  self->snapshot = jp_store_load_snapshot (store, jp_item_get_id (root), error);
  if (self->snapshot == NULL)
    return NULL;
  if (self->snapshot->root == NULL)
    {
      g_set_error_literal (error, JP_PUBLICATION_ERROR, JP_PUBLICATION_ERROR_EMPTY, _("The plan is empty."));
      return NULL;
    }
  number = self->snapshot->root->data.fields[JP_FIELD_NUMBER];
  self->year = g_strdup (number ? number : "");
  self->areas = g_ptr_array_new ();
  self->entries = g_array_new (FALSE, FALSE, sizeof (JpReportEntry));
  find_areas (self);
  self->counts = g_new0 (guint, (self->areas->len + 2) * JP_REPORT_N_STATUSES);

  for (guint c = 0; c < self->snapshot->root->children->len; c++)
    {
      JpSnapshotItem *chapter = self->snapshot->root->children->pdata[c];

      if (chapter->data.kind != JP_KIND_CHAPTER)
        continue;
      for (guint s = 0; s < chapter->children->len; s++)
        {
          JpSnapshotItem *section = chapter->children->pdata[s];

          if (section->data.kind != JP_KIND_SECTION)
            continue;
          for (guint p = 0; p < section->children->len; p++)
            {
              JpReportEntry entry = { chapter, section, section->children->pdata[p] };

              if (entry.project->data.kind != JP_KIND_PROJECT)
                continue;
              g_array_append_val (self->entries, entry);
              count (self, section, entry.project);
            }
        }
    }
  return g_steal_pointer (&self);
}
