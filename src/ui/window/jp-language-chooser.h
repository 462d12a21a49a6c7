/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JP_TYPE_LANGUAGE_CHOOSER (jp_language_chooser_get_type ())
G_DECLARE_FINAL_TYPE (JpLanguageChooser, jp_language_chooser, JP, LANGUAGE_CHOOSER, AdwWindow)

/* Asks, in Dutch and in French at once, which of the two the interface
 * speaks: before the first window, when the system's language is
 * neither.  Its "chosen" signal gives "nl" or "fr"; Escape or closing it
 * chooses nothing. */
GtkWidget *jp_language_chooser_new (GtkApplication *app);

G_END_DECLS
