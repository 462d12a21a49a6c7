/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-types.h"

G_BEGIN_DECLS

/* The names of an item's values and texts, as the panes, the lists of
 * changes and the printed list show them: in @lang, or in the
 * interface's language for JP_N_LANGS. */
const char *jp_field_title      (JpField      field,
                                 JpLang       lang);
/* A text's name, by the kind of its item (a chapter's text is its
 * introduction, a team's title its name). */
const char *jp_text_field_title (JpTextField  field,
                                 JpKind       kind,
                                 JpLang       lang);

G_END_DECLS
