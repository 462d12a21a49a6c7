/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "model/jp-types.h"

G_BEGIN_DECLS

/* Sets up gettext: the locale, and where the translations are
 * ($JAARPLAN_LOCALEDIR when run from the build folder, see meson devenv). */
void        jp_i18n_init              (void);
/* Switches the messages to @language ("nl", "fr", or "" for the system's).
 * Main thread only. */
void        jp_i18n_set_language      (const char *language);
/* Switches to the language chosen in the application's settings, if
 * any: the command line speaks the window's language. */
void        jp_i18n_apply_saved_language (void);
/* The language of the interface's messages, for the plan's texts. */
JpLang      jp_i18n_get_plan_language (void);
/* The translation of @msgid (in @context, or NULL) into @lang, whatever
 * the interface's language: for what is printed in a language of its
 * own.  Read from that language's catalogue, not through gettext;
 * @msgid itself when the catalogue lacks it.  Any thread. */
const char *jp_i18n_translate         (JpLang      lang,
                                       const char *context,
                                       const char *msgid) G_GNUC_FORMAT (3);

G_END_DECLS
