/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/store/jp-database.h"

G_BEGIN_DECLS

#define JP_TYPE_CONTACTS_TEAM (jp_contacts_team_get_type ())
G_DECLARE_FINAL_TYPE (JpContactsTeam, jp_contacts_team, JP, CONTACTS_TEAM, AdwPreferencesGroup)

/* A team of the Secretariat-General: its name and its subject lines. */
GtkWidget *jp_contacts_team_new              (JpDatabase     *db,
                                              JpItem         *team);
JpItem    *jp_contacts_team_get_item         (JpContactsTeam *self);
void       jp_contacts_team_set_hide_expired (JpContactsTeam *self,
                                              gboolean        hide);
void       jp_contacts_team_refresh          (JpContactsTeam *self);

G_END_DECLS
