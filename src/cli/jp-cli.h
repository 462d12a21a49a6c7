/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *database;     /* --database, or NULL for the default */
  int   exit_status;  /* when handled */
} JpCliResult;

/* Runs the command-line actions (import, export, version) without a
 * window.  Returns TRUE when it handled the command line; FALSE when the
 * window is to be opened (then @result->database says which file). */
gboolean jp_cli_run (int          argc,
                     char       **argv,
                     JpCliResult *result);

G_END_DECLS
