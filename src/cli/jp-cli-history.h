/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The history on the command line: --save-version NAME,
 * --list-versions, --export-version ID FILE and --history UID. */
typedef struct {
  char     *save_version;
  gboolean  list_versions;
  char     *export_version;
  char     *history;
} JpCliHistory;

void      jp_cli_history_read    (JpCliHistory  *self,
                                  GVariantDict  *options);
void      jp_cli_history_clear   (JpCliHistory  *self);
/* Whether any of the options was given. */
gboolean  jp_cli_history_wanted  (JpCliHistory  *self);
/* Runs them on the database at @database (NULL: the user's own), in
 * the plan of @year (0: the latest); @argument is the first argument
 * that is no option (the file of --export-version).  Returns the exit
 * status. */
int       jp_cli_history_run     (JpCliHistory  *self,
                                  const char    *database,
                                  int            year,
                                  const char    *argument);

G_END_DECLS
