/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jp-test-exchange.h"
#include "jp-test-util.h"

#include <string.h>

#include "model/store/jp-sqlite-private.h"
#include "model/exchange/jp-xml-merge.h"

/* ---------------------------------------------------------------- helpers */

char *
jp_test_export_numbered (JpDatabase *db,
                         JpKind      kind,
                         const char *number)
{
  g_autoptr(JpItem) item = number ? jp_database_find_numbered (db, kind, number) : jp_database_get_root (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_nonnull (item);
  bytes = jp_xml_export_bytes (db, item, &error);
  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

char *
jp_test_export_section (JpDatabase *db)
{
  return jp_test_export_numbered (db, JP_KIND_SECTION, "5.7");
}

/* Cuts from the line starting with @start through @end. */
char *
jp_test_cut (const char *haystack,
             const char *start,
             const char *end)
{
  const char *from = strstr (haystack, start);
  const char *to;
  GString *s;

  g_assert_nonnull (from);
  while (from > haystack && from[-1] == ' ')
    from--;
  to = strstr (from, end);
  g_assert_nonnull (to);
  to += strlen (end);
  if (*to == '\n')
    to++;
  s = g_string_new_len (haystack, from - haystack);
  g_string_append (s, to);
  return g_string_free (s, FALSE);
}

/* Everything the plan, undo and the exchange records hold, as one string. */
char *
jp_test_dump_full (JpDatabase *db,
                   gboolean    with_undo)
{
  static const char *const queries[] = {
    "SELECT * FROM item ORDER BY id",
    "SELECT * FROM text ORDER BY id",
    "SELECT * FROM link ORDER BY section, area",
    "SELECT * FROM undo_log ORDER BY seq",
    "SELECT * FROM undo_state",
    "SELECT * FROM exchange_record ORDER BY export",
    "SELECT * FROM exchange_base ORDER BY export",
    "SELECT * FROM exchange_scope ORDER BY scope",
  };
  sqlite3 *handle = _jp_database_get_handle (db);
  GString *s = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      if (!with_undo && strstr (queries[q], "undo_"))
        continue;
      g_assert_cmpint (sqlite3_prepare_v2 (handle, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (s, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (s, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (s, FALSE);
}

char *
jp_test_dump (JpDatabase *db)
{
  return jp_test_dump_full (db, TRUE);
}

JpImportReport *
jp_test_import_ok (JpDatabase    *db,
                   const char    *text,
                   JpImportFlags  flags,
                   GHashTable    *choices)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  JpImportReport *report = NULL;

  jp_xml_import_bytes_full (db, bytes, "s57.xml", flags, choices, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* Imports and expects a refusal with @code; returns its report. */
JpImportReport *
jp_test_import_refused (JpDatabase    *db,
                        const char    *text,
                        JpImportFlags  flags,
                        int            code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  JpImportReport *report = NULL;

  g_assert_false (jp_xml_import_bytes_full (db, bytes, "s57.xml", flags, NULL, &report, &error));
  g_assert_error (error, JP_XML_ERROR, code);
  g_test_message ("refused: %s", error->message);
  return report;
}

/* The Dutch text of @uid, a copy: the item may go once unreferenced. */
char *
jp_test_text_of (JpDatabase *db,
                 const char *uid)
{
  g_autoptr(JpItem) item = jp_database_lookup_uid (db, uid);

  g_assert_nonnull (item);
  return g_strdup (jp_item_get_text (item, JP_TEXT_BODY, JP_LANG_NL));
}

JpStatus
jp_test_status_of (JpDatabase *db,
                   const char *uid)
{
  g_autoptr(JpItem) item = jp_database_lookup_uid (db, uid);

  g_assert_nonnull (item);
  return jp_item_get_status (item);
}

void
jp_test_set_text (JpDatabase *db,
                  const char *uid,
                  const char *value)
{
  g_autoptr(JpItem) item = jp_database_lookup_uid (db, uid);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (item);
  g_assert_true (jp_database_set_text (db, item, JP_TEXT_BODY, JP_LANG_NL, value, &error));
  g_assert_no_error (error);
}

void
jp_test_set_status (JpDatabase *db,
                    const char *uid,
                    JpStatus    status)
{
  g_autoptr(JpItem) item = jp_database_lookup_uid (db, uid);
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_database_set_status (db, item, status, &error));
  g_assert_no_error (error);
}

char *
jp_test_sent_export_id (const char *text)
{
  const char *at = strstr (text, "<sent export=\"");

  g_assert_nonnull (at);
  return g_strndup (at + strlen ("<sent export=\""), JP_FINGERPRINT_LEN);
}

/* ---------------------------------------------------------------- the record */

