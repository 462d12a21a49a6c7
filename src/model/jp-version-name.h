/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/store/jp-history.h"

G_BEGIN_DECLS

/* A version as a person names it: "“Sent to the Committee”" for one
 * saved by name, "Export of 5.7" or "Import of 5.7" for one noted by
 * the exchange; in @lang, or in the interface's language for
 * JP_N_LANGS. */
char *jp_version_name (JpDatabase      *db,
                       const JpVersion *version,
                       JpLang           lang);

G_END_DECLS
