/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The application's settings, or NULL (and a warning) when the schema is
 * nowhere: installed, or compiled in the build tree for a run from there. */
GSettings *jp_settings_new (void);

G_END_DECLS
