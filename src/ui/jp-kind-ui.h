/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "model/jp-types.h"

G_BEGIN_DECLS

/* How the interface shows the kinds of item, and the statuses, phases and
 * languages: one row per kind in jp-kind-ui.c. */
typedef struct {
  const char *icon_name;
  const char *title;       /* untranslated: see jp_kind_get_title() */
} JpKindUi;

const JpKindUi *jp_kind_ui_get          (JpKind    kind);
const char     *jp_kind_get_icon_name   (JpKind    kind);
/* Translated, as a pane's subtitle and a row's title. */
const char     *jp_kind_get_title       (JpKind    kind);
const char     *jp_status_get_title     (JpStatus  status);
const char     *jp_phase_get_title      (JpPhase   phase);
const char     *jp_lang_get_title       (JpLang    lang);

G_END_DECLS
