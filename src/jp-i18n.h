/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/jp-types.h"

G_BEGIN_DECLS

/* Sets up gettext: the locale, and where the translations are
 * ($JAARPLAN_LOCALEDIR when run from the build folder, see meson devenv). */
void        jp_i18n_init              (void);

/* The interface speaks Dutch or French, never the English of the
 * sources.  Its effective language is, in this order: the one chosen in
 * the menu ("nl" or "fr"); the system's, when Dutch or French; the one
 * asked at the first start when the system's is neither; Dutch. */

/* "nl" or "fr" when the system's language (LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG, as gettext reads them) is Dutch or French, else
 * NULL.  Read from the environment as it was at jp_i18n_init(). */
const char *jp_i18n_get_system_language (void);
/* The effective language for the menu's @chosen ("nl", "fr", or "" for
 * the system's) and the @asked one ("nl", "fr", or "" when not asked):
 * "nl" or "fr", or NULL when neither settles it (the system's is
 * neither and nothing was asked). */
const char *jp_i18n_resolve           (const char *chosen,
                                       const char *asked);
/* Whether the window must ask the language first: nothing chosen, the
 * system's is neither Dutch nor French, and it was never asked. */
gboolean    jp_i18n_must_ask          (GSettings  *settings);
/* Switches the messages to the effective language of @chosen and
 * @asked (Dutch when unresolved).  Main thread only. */
void        jp_i18n_set_language      (const char *chosen,
                                       const char *asked);
/* The same, from the "language" and "asked-language" of @settings. */
void        jp_i18n_apply_settings    (GSettings  *settings);
/* Switches to the language of the application's settings, for the
 * command line, which never asks: Dutch when nothing settles it. */
void        jp_i18n_apply_saved_language (void);
/* The language the messages are in now: "nl" or "fr". */
const char *jp_i18n_get_language      (void);
/* The language of the interface's messages, for the plan's texts. */
JpLang      jp_i18n_get_plan_language (void);
/* The translation of @msgid (in @context, or NULL) into @lang, whatever
 * the interface's language: for what is printed in a language of its
 * own.  Read from that language's catalogue, not through gettext;
 * @msgid itself when the catalogue lacks it.  Any thread.  With @lang
 * JP_N_LANGS, through gettext in the interface's language. */
const char *jp_i18n_translate         (JpLang      lang,
                                       const char *context,
                                       const char *msgid) G_GNUC_FORMAT (3);

G_END_DECLS
