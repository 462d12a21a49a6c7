/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "model/jp-store.h"
#include "model/store/jp-database.h"

G_BEGIN_DECLS

/* Removes a temporary folder made by a test, and the files in it. */
void  jp_test_remove_dir (const char *dir);
/* @haystack with the first @needle (which must be there) replaced. */
char *jp_test_replace    (const char *haystack,
                          const char *needle,
                          const char *replacement);
/* Runs the main context until nothing is pending. */
void  jp_test_iterate    (void);
/* The text of the PDF @pdf, as pdftotext reads it (UTF-8, pages
 * separated by form feeds). */
char *jp_test_pdf_to_text (const char *pdf);
/* The same twenty times over: long enough for a window to lay out and
 * draw what changed. */
void  jp_test_wait_a_moment (void);
/* Opens the database at @path as the application does: a new one holds
 * the bundled plan (not a step of undo). */
JpDatabase *jp_test_open_seeded (const char           *path,
                                 JpDatabaseOpenFlags   flags);
/* A private in-memory database: a bare plan, or with @seeded the
 * bundled one. */
JpDatabase *jp_test_open_memory (gboolean              seeded);

/* A new database, a bare plan, in a temporary folder of its own: the
 * fixture of g_test_add(). */
typedef struct {
  char       *dir;
  char       *path;
  JpDatabase *db;
} JpTestPlan;

void  jp_test_plan_set_up    (JpTestPlan    *f,
                              gconstpointer  data);
void  jp_test_plan_tear_down (JpTestPlan    *f,
                              gconstpointer  data);

/* Adds an item of @kind at the end of @parent's, asserting it worked. */
JpItem  *jp_test_add_item      (JpStore       *store,
                                JpItem        *parent,
                                JpKind         kind);
/* Whether a search for @query finds @item. */
gboolean jp_test_search_finds  (JpStore       *store,
                                const char    *query,
                                JpItem        *item);
/* Today, local time, YYYY-MM-DD, as the store dates progress. */
char    *jp_test_today         (void);

/* Copies the plan file @path, closed cleanly, to @image as a program
 * that ended without closing it leaves it: a change written to its -wal,
 * the -wal still there. */
void     jp_test_unclean_image (const char    *path,
                                const char    *image);
/* Damage only a full check finds: one more page at the end of the
 * closed file @path, which nothing uses. */
void     jp_test_add_unused_page (const char  *path);

G_END_DECLS
