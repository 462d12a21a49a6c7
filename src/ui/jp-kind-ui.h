/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "model/jp-types.h"

G_BEGIN_DECLS

/* What a row (in the sidebar, in a pane's list) shows beside the title. */
typedef enum {
  JP_KIND_DETAIL_NONE,
  JP_KIND_DETAIL_COUNTS,  /* how many projects and groups are under it */
  JP_KIND_DETAIL_CODE,    /* its code */
  JP_KIND_DETAIL_STATUS,  /* its status; "New" beside the title when new */
} JpKindDetail;

/* How the interface shows the kinds of item, and the statuses, phases and
 * languages: one row per kind in jp-kind-ui.c (the pane of a kind that
 * has one: ui/panes/jp-pane-types.c). */
typedef struct {
  const char   *icon_name;
  const char   *title;       /* untranslated: see jp_kind_get_title() */
  JpKindDetail  detail;
  gboolean      ask_remove;  /* removing one takes much with it: ask first */
} JpKindUi;

const JpKindUi *jp_kind_ui_get          (JpKind    kind);
const char     *jp_kind_get_icon_name   (JpKind    kind);
/* Translated, as a pane's subtitle and a row's title. */
const char     *jp_kind_get_title       (JpKind    kind);
const char     *jp_status_get_title     (JpStatus  status);
const char     *jp_phase_get_title      (JpPhase   phase);
const char     *jp_lang_get_title       (JpLang    lang);

G_END_DECLS
