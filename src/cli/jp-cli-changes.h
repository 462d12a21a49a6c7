/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-differences.h"
#include "model/store/jp-database.h"
#include "model/store/jp-history.h"

G_BEGIN_DECLS

/* --changes-since: what changed in the open year's plan since @since, a
 * version's number (as --list-versions shows it) or a day (YYYY-MM-DD,
 * from its start, local time), until now.  The version, when @since
 * is one, in @version. */
JpDifferences *jp_cli_changes_since (JpDatabase  *db,
                                     const char  *since,
                                     JpVersion  **version,
                                     GError     **error);

G_END_DECLS
