/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-kind-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/jp-kind-ui.h"

/* Translators: the kinds of item of the plan, shown as a pane's
 * subtitle and a row's title.  "Part" is a part (chapter) of the work
 * programme, "Item" a point of a list (e.g. under a project), "Subject"
 * a subject line of the contacts page (a role under a team). */
static const JpKindUi kinds[JP_N_KINDS] = {
  [JP_KIND_PLAN]      = { "text-x-generic-symbolic",        N_("Plan") },
  [JP_KIND_PROGRAMME] = { "view-paged-symbolic",            N_("Work Programme"), .ask_remove = TRUE },
  [JP_KIND_PART]      = { "view-paged-symbolic",            N_("Part"),           .ask_remove = TRUE },
  [JP_KIND_AREA]      = { "view-grid-symbolic",             N_("Policy Area"),    .ask_remove = TRUE },
  [JP_KIND_CHAPTER]   = { "folder-documents-symbolic",      N_("Chapter"),        .ask_remove = TRUE },
  [JP_KIND_SECTION]   = { "x-office-document-symbolic",     N_("Section"),        .ask_remove = TRUE,
                          .detail = JP_KIND_DETAIL_COUNTS },
  [JP_KIND_OBJECTIVE] = { "find-location-symbolic",         N_("Objective") },
  [JP_KIND_PROJECT]   = { "emblem-documents-symbolic",      N_("Project"), .detail = JP_KIND_DETAIL_STATUS },
  [JP_KIND_ITEM]      = { "view-list-bullet-symbolic",      N_("Item") },
  [JP_KIND_GROUP]     = { "system-users-symbolic",          N_("Working Group or Committee"), .detail = JP_KIND_DETAIL_CODE },
  [JP_KIND_CONTACTS]  = { "x-office-address-book-symbolic", N_("Contacts") },
  [JP_KIND_TEAM]      = { "x-office-address-book-symbolic", N_("Team") },
  [JP_KIND_SUBJECT]   = { "x-office-address-book-symbolic", N_("Subject") },
  [JP_KIND_CONTACT]   = { "x-office-address-book-symbolic", N_("Contact") },
};

static const JpKindUi unknown_kind = { "text-x-generic-symbolic", "" };

const JpKindUi *
jp_kind_ui_get (JpKind kind)
{
  if ((guint) kind >= JP_N_KINDS)
    return &unknown_kind;
  return &kinds[kind];
}

const char *
jp_kind_get_icon_name (JpKind kind)
{
  return jp_kind_ui_get (kind)->icon_name;
}

const char *
jp_kind_get_title (JpKind kind)
{
  const char *title = jp_kind_ui_get (kind)->title;

  return *title ? _(title) : "";
}

/* Translators: the status of a project of the plan. */
static const char * const status_titles[] = {
  [JP_STATUS_NONE]        = N_("No Status"),
  [JP_STATUS_PLANNED]     = N_("Planned"),
  [JP_STATUS_IN_PROGRESS] = N_("In Progress"),
  [JP_STATUS_DONE]        = N_("Done"),
  [JP_STATUS_POSTPONED]   = N_("Postponed"),
  [JP_STATUS_DROPPED]     = N_("Dropped"),
};

/* Translators: the phase of a project: an ongoing project
 * (voortgangsproject, projet en cours) or a new project of the year. */
static const char * const phase_titles[] = {
  [JP_PHASE_NONE]    = "",
  [JP_PHASE_ONGOING] = N_("Ongoing Project"),
  [JP_PHASE_NEW]     = N_("New Project"),
};

const char *
jp_status_get_title (JpStatus status)
{
  if ((guint) status >= G_N_ELEMENTS (status_titles))
    status = JP_STATUS_NONE;
  return _(status_titles[status]);
}

const char *
jp_phase_get_title (JpPhase phase)
{
  if ((guint) phase >= G_N_ELEMENTS (phase_titles) || phase == JP_PHASE_NONE)
    return "";
  return _(phase_titles[phase]);
}

const char *
jp_lang_get_title (JpLang lang)
{
  return lang == JP_LANG_FR ? _("French") : _("Dutch");
}
