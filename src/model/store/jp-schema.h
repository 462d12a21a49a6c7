/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Migration N (1-based) takes a database from user_version N-1 to N. */
extern const char * const jp_schema_migrations[];
extern const guint jp_schema_n_migrations;
/* Makes the schemas a file is checked against (every migration run on
 * an empty database in memory, tens of milliseconds) in a thread, so
 * that the first open does not wait for them as long. */
void jp_schema_prepare_in_background (void);
extern const char * const jp_schema_bulk_end[];
extern const guint jp_schema_n_bulk_end;

/* Written into PRAGMA application_id so other SQLite files are told apart. */
#define JP_SCHEMA_APPLICATION_ID 0x4a504c4e /* "JPLN" */

/* Compares the tables, indexes and triggers of @db with what the
 * migrations make at @version.  When they differ, *@problem says the first
 * difference in words for a message ("the trigger “x” is missing").
 * Returns an SQLite result code. */
int jp_schema_compare (sqlite3  *db,
                       guint     version,
                       char    **problem);

G_END_DECLS
