/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/exchange/jp-xml.h"

G_BEGIN_DECLS

/* The review of an import on the command line: --dry-run's lines and
 * the choices --only and --except make. */

/* One line per value of each difference a dry run found (see
 * jp_difference_to_lines()), but those @choices leaves out. */
void        jp_cli_import_print  (const JpImportReport *report,
                                  GHashTable           *choices);
/* The choices of --only (@only) or --except (@except), ids separated
 * by commas, from a dry run of @file: NULL with @error when the dry run
 * failed otherwise, or without when an id is none of the file's changes
 * (said on standard error). */
GHashTable *jp_cli_import_choose (JpDatabase           *db,
                                  GFile                *file,
                                  const char           *only,
                                  const char           *except,
                                  gboolean              force,
                                  GError              **error);

G_END_DECLS
