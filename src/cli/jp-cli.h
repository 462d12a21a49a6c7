/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The command line: import, export and the like, without a window.
 *
 * The options, for g_application_add_main_option_entries(): their values
 * land in the dictionary that "handle-local-options" receives. */
const GOptionEntry *jp_cli_get_option_entries (void);
/* What --help says first. */
const char         *jp_cli_get_summary        (void);
/* Runs what @options ask for.  Returns the exit status, or -1 when the
 * window is to be opened: then @database receives the file to open (NULL
 * for the default). */
int                 jp_cli_handle_options     (GVariantDict  *options,
                                               char         **database);

G_END_DECLS
