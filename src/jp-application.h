/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/store/jp-database.h"

G_BEGIN_DECLS

#define JP_TYPE_APPLICATION (jp_application_get_type ())
G_DECLARE_FINAL_TYPE (JpApplication, jp_application, JP, APPLICATION, AdwApplication)

/* The application on the plan database at @database_path; NULL for the
 * one the command line names (--database), or else the user's own. */
JpApplication *jp_application_new          (const char    *database_path);
/* The open plan database, or NULL when it could not be opened. */
JpDatabase    *jp_application_get_database (JpApplication *self);
/* Why the database could not be opened, or NULL. */
const GError  *jp_application_get_error    (JpApplication *self);
GSettings     *jp_application_get_settings (JpApplication *self);

G_END_DECLS
