/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/jp-store.h"

G_BEGIN_DECLS

/* How far the open year's projects have come: every project with its
 * chapter, section, team (its chapter's), policy areas (its section's),
 * status and progress date, read from one snapshot of the plan.  A
 * JpProgress is a GListModel of JpProgressProject, in plan order, that
 * follows the store: an edit of a project or a section, a change of
 * structure, undo, redo, an import or another year opened read it again
 * (once the main loop is idle) and emit ::changed. */

/* A chapter, a section, a policy area or a team, as the filters name
 * them. */
typedef struct {
  JpKind  kind;
  gint64  id;
  char   *uid;
  char   *number;            /* "3", "3.1"; NULL for a team */
  char   *title[JP_N_LANGS];
  gint64  parent;            /* a section's chapter; 0 otherwise */
} JpProgressUnit;

/* What a list of projects is narrowed to; zero for anything. */
typedef struct {
  gint64       scope;        /* a chapter or a section: its id */
  const char  *team;         /* a team's uid */
  gint64       area;         /* a policy area's id */
  JpStatus     status;
  /* Not updated since this day (YYYY-MM-DD): a progress date empty or
   * before it. */
  const char  *since;
} JpProgressFilter;

#define JP_PROGRESS_N_STATUSES (JP_STATUS_DROPPED + 1)

#define JP_TYPE_PROGRESS_PROJECT (jp_progress_project_get_type ())
G_DECLARE_FINAL_TYPE (JpProgressProject, jp_progress_project, JP, PROGRESS_PROJECT, GObject)

gint64       jp_progress_project_get_id       (JpProgressProject *self);
/* The section's number and the project's place in it: "3.1.2". */
const char  *jp_progress_project_get_number   (JpProgressProject *self);
/* The first line of its text in @lang, or of the other language's when
 * @lang's is empty. */
const char  *jp_progress_project_get_title    (JpProgressProject *self,
                                               JpLang             lang);
/* "3.1 Title" in @lang, the same way. */
const char  *jp_progress_project_get_section_label (JpProgressProject *self,
                                               JpLang             lang);
gint64       jp_progress_project_get_section  (JpProgressProject *self);
gint64       jp_progress_project_get_chapter  (JpProgressProject *self);
/* The uid of its chapter's team, or NULL. */
const char  *jp_progress_project_get_team     (JpProgressProject *self);
gboolean     jp_progress_project_serves_area  (JpProgressProject *self,
                                               gint64             area);
JpStatus     jp_progress_project_get_status   (JpProgressProject *self);
JpPhase      jp_progress_project_get_phase    (JpProgressProject *self);
/* YYYY-MM-DD, or NULL when its progress was never updated. */
const char  *jp_progress_project_get_progress_date (JpProgressProject *self);
gboolean     jp_progress_project_matches      (JpProgressProject      *self,
                                               const JpProgressFilter *filter);

#define JP_TYPE_PROGRESS (jp_progress_get_type ())
G_DECLARE_FINAL_TYPE (JpProgress, jp_progress, JP, PROGRESS, GObject)

JpProgress  *jp_progress_new          (JpStore                *store);
JpStore     *jp_progress_get_store    (JpProgress             *self);
/* Reads the open year again now (it does so by itself when idle after
 * a change); emits ::changed. */
gboolean     jp_progress_reload       (JpProgress             *self,
                                       GError                **error);
/* The year read (the plan root's number), 0 when there is none. */
guint        jp_progress_get_year     (JpProgress             *self);
/* The chapters, sections, policy areas or teams (@kind) of the year, in
 * plan order: JpProgressUnit*, owned by @self until it reads again. */
GPtrArray   *jp_progress_get_units    (JpProgress             *self,
                                       JpKind                  kind);
const JpProgressUnit *jp_progress_find_unit (JpProgress       *self,
                                       gint64                  id);
/* Fills @counts (indexed by JpStatus) with the number of projects of
 * each status that match @filter (NULL: all); returns their number. */
guint        jp_progress_count        (JpProgress             *self,
                                       const JpProgressFilter *filter,
                                       guint                   counts[JP_PROGRESS_N_STATUSES]);

G_END_DECLS
