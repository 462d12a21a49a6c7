/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/store/jp-database.h"
#include "model/exchange/jp-xml.h"

G_BEGIN_DECLS

/* What the exchange tests share: exports, imports expected to pass or be
 * refused, a dump of the plan, and reading and changing items. */

#define P1_OPEN "<project id=\"sec-5.7-p1\" phase=\"ongoing\" status=\"in-progress\">"
#define P1_DONE "<project id=\"sec-5.7-p1\" phase=\"ongoing\" status=\"done\">"

char *jp_test_export_numbered (JpDatabase *db, JpKind kind, const char *number);
char *jp_test_export_section (JpDatabase *db);
char *jp_test_cut (const char *haystack, const char *start, const char *end);
char *jp_test_dump_full (JpDatabase *db, gboolean with_undo);
char *jp_test_dump (JpDatabase *db);
JpImportReport *jp_test_import_ok (JpDatabase *db, const char *text, JpImportFlags flags, GHashTable *choices);
JpImportReport *jp_test_import_refused (JpDatabase *db, const char *text, JpImportFlags flags, int code);
char *jp_test_text_of (JpDatabase *db, const char *uid);
JpStatus jp_test_status_of (JpDatabase *db, const char *uid);
void jp_test_set_text (JpDatabase *db, const char *uid, const char *value);
void jp_test_set_status (JpDatabase *db, const char *uid, JpStatus status);
char *jp_test_sent_export_id (const char *text);

/* A whole plan of one chapter and one section. */
#define SMALL_PLAN \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"plan\" year=\"2013\">\n" \
  "  <chapter id=\"c1\" number=\"1\">\n" \
  "    <section id=\"s1\" number=\"1.1\"/>\n" \
  "  </chapter>\n" \
  "</plan>\n"

/* Asserts the Dutch text of the item @uid against @expected. */
#define assert_text(db, uid, op, expected) \
  G_STMT_START { \
    g_autofree char *text_ = jp_test_text_of (db, uid); \
    g_assert_cmpstr (text_, op, expected); \
  } G_STMT_END

G_END_DECLS
