/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/store/jp-database.h"
#include "model/exchange/jp-xml.h"

G_BEGIN_DECLS

/* What the tests of the exchange format share: a temporary folder, small
 * plans to vary, and helpers that export, import and compare. */

/* The temporary folder of the test program, made by jp_test_xml_init(). */
extern char *tmp_dir;

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define PLAN_OPEN "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"plan\" year=\"2013\">\n"
#define SECTION_OPEN "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"section\">\n"
#define CHAPTER_OPEN "<plan xmlns=\"urn:x-benelux:jaarplan:1\" version=\"1\" scope=\"chapter\">\n"
/* A small whole plan: bad inputs are variations of it. */
#define PLAN_BODY \
  "  <title xml:lang=\"nl\">Proef</title>\n" \
  "  <chapter id=\"c1\" number=\"1\">\n" \
  "    <title xml:lang=\"nl\">Hoofdstuk</title>\n" \
  "    <section id=\"s1\" number=\"1.1\">\n" \
  "      <title xml:lang=\"nl\">Sectie</title>\n" \
  "    </section>\n" \
  "  </chapter>\n"

/* g_test_init() and the temporary folder; jp_test_xml_run() runs the
 * tests and removes the folder. */
void  jp_test_xml_init (int    *argc,
                        char ***argv);
int   jp_test_xml_run  (void);

GBytes *export_item (JpDatabase *db,
                     JpItem     *item);

GBytes *export_all (JpDatabase *db);

GBytes *export_numbered (JpDatabase *db,
                         JpKind      kind,
                         const char *number);

void assert_same_bytes (GBytes *a,
                        GBytes *b);

GBytes *bytes_from_string (const char *s);

GBytes *load_file (const char *path);

char *write_temp (const char *name,
                  GBytes     *bytes);

gboolean import_as_file (JpDatabase      *db,
                         const char      *name,
                         GBytes          *bytes,
                         gboolean         dry_run,
                         JpImportReport **report,
                         GError         **error);

JpImportReport *import_ok (JpDatabase *db,
                           GBytes     *bytes,
                           gboolean    dry_run);

char *undo_state (JpDatabase *db);

char *cut_element (const char *haystack,
                   const char *start,
                   const char *end);

char *bytes_to_string (GBytes *bytes);

void validate_in_process (GBytes *bytes);

void validate_with_xmllint (GBytes     *bytes,
                            const char *name);

/* 5.7's Dutch title in the bundled plan. */
#define TITLE_57 "<title xml:lang=\"nl\">Fiscale samenwerking en strijd tegen de fraude</title>"

/* One database for all refused inputs, with something to undo and to
 * redo, which a refused import must keep: made by shared_init(), closed
 * by jp_test_xml_run(). */
typedef struct {
  JpDatabase *db;
  GBytes     *export;
  char       *undo;
} Shared;

extern Shared shared;

void     shared_init          (void);
/* The shared database holds what it held, and its undo history too. */
void     assert_unchanged     (void);
/* The export of 5.7 @section, all in Latin-1, as it declares. */
GBytes  *make_latin1_declared (const char *section);
/* The small whole plan in UTF-16 (@charset), after @bom. */
GBytes  *to_utf16             (const char *charset,
                               const char *bom,
                               gsize       bom_len);

G_END_DECLS
