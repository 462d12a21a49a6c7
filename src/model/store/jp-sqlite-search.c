/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-database"

#include "config.h"

#include "model/store/jp-database-private.h"

/* ----------------------------------------------------------------- search */

/* Turns what the user typed into an FTS5 query: every word must occur;
 * each word is a quoted string, so that FTS5's operators and punctuation
 * (as in "SENN/POL") are taken literally.  For the word indexes (@infix
 * FALSE) each word is a prefix.  For the trigram indexes (@infix TRUE)
 * each word may occur anywhere inside a text ("fraude" in
 * "carrouselfraude"); a trigram index finds nothing for fewer than three
 * characters, so a query with a shorter word gives NULL there and keeps
 * to the word index alone. */
static char *
build_match (const char *query,
             gboolean    infix)
{
  g_auto(GStrv) words = g_strsplit_set (query, " \t\n", -1);
  g_autoptr(GString) match = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      gboolean has_word_char = FALSE;

      for (const char *p = words[i]; *p; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          has_word_char = TRUE;
      if (!has_word_char)
        continue;
      if (infix && g_utf8_strlen (words[i], -1) < 3)
        return NULL;

      if (match->len)
        g_string_append_c (match, ' ');
      g_string_append_c (match, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *p);
        }
      g_string_append (match, infix ? "\"" : "\"*");
    }
  return match->len ? g_string_free (g_steal_pointer (&match), FALSE) : NULL;
}

/* Steps @stmt, adding the ids of its first column that @seen does not
 * hold yet, until @ids has @limit (0: none). */
static gboolean
collect (JpDatabase    *self,
         sqlite3_stmt  *stmt,
         GHashTable    *seen,
         GArray        *ids,
         guint          limit,
         GError       **error)
{
  gboolean ok = TRUE;

  while (limit == 0 || ids->len < limit)
    {
      int rc = sqlite3_step (stmt);
      gint64 id;

      if (rc == SQLITE_DONE)
        break;
      if (rc != SQLITE_ROW)
        {
          _jp_database_set_error (self, rc, error);
          ok = FALSE;
          break;
        }
      id = sqlite3_column_int64 (stmt, 0);
      /* Row ids start at 1: none is NULL. */
      if (g_hash_table_add (seen, (gpointer) (gintptr) id))
        g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ok;
}

/* Only what the open year holds, when the file holds several. */
static GArray *
only_open_year (JpDatabase *self,
                GArray     *ids)
{
  gint64 root;

  if (_jp_sqlite_count_plans (self->db, self->statements) < 2)
    return ids;
  root = _jp_sqlite_plan_root (self->db, self->statements, self->connection.plan);
  for (guint i = ids->len; i > 0; i--)
    if (_jp_sqlite_root_of (self->db, self->statements, g_array_index (ids, gint64, i - 1)) != root)
      g_array_remove_index (ids, i - 1);
  return ids;
}

/* Runs @sql with @match as its parameter and collects (see collect()). */
static gboolean
collect_matches (JpDatabase  *self,
                 const char  *sql,
                 const char  *match,
                 GHashTable  *seen,
                 GArray      *ids,
                 guint        limit,
                 GError     **error)
{
  sqlite3_stmt *stmt = _jp_database_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  return collect (self, stmt, seen, ids, limit, error);
}

static GArray *
search_all (JpDatabase  *self,
            const char  *query,
            guint        limit,
            GError     **error)
{
  g_autofree char *match = NULL;
  g_autofree char *infix = NULL;
  g_autoptr(GHashTable) seen = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (JP_IS_DATABASE (self), ids);
  g_return_val_if_fail (query != NULL, ids);

  match = build_match (query, FALSE);
  if (match == NULL)
    return ids;
  infix = build_match (query, TRUE);
  seen = g_hash_table_new (g_direct_hash, g_direct_equal);

  if (limit == 0)
    {
      /* All matches, best first. */
      if (!collect_matches (self,
                            "SELECT id FROM ("
                            "  SELECT text.item AS id, text_fts.rank AS rank FROM text_fts"
                            "    JOIN text ON text.id = text_fts.rowid WHERE text_fts MATCH ?1"
                            "  UNION ALL"
                            "  SELECT rowid AS id, rank FROM item_fts WHERE item_fts MATCH ?1)"
                            " GROUP BY id ORDER BY min (rank), id", match, seen, ids, 0, error))
        return ids;
    }
  else
    {
      /* The first @limit matches, as the plan orders its items: ranking
       * costs more than finding (bm25 for each of them, 30 of 47 ms for
       * a word found 60,000 times), and a list that shows them in the
       * plan's order has no use for it.  Codes, people and addresses
       * first: few match, and one typed is what is looked for.  Each
       * statement is stepped only until @limit items are found. */
      if (!collect_matches (self, "SELECT rowid FROM item_fts WHERE item_fts MATCH ?1",
                            match, seen, ids, limit, error) ||
          !collect_matches (self,
                            "SELECT text.item FROM text_fts JOIN text ON text.id = text_fts.rowid"
                            " WHERE text_fts MATCH ?1", match, seen, ids, limit, error))
        return ids;
    }
  if (infix == NULL)
    return ids;

  /* Then the words that hold the query inside them, in the order of the
   * items: ranking them would read them all. */
  if (collect_matches (self,
                       "SELECT text.item FROM text_tri JOIN text ON text.id = text_tri.rowid"
                       " WHERE text_tri MATCH ?1", infix, seen, ids, limit, error))
    collect_matches (self, "SELECT rowid FROM item_tri WHERE item_tri MATCH ?1", infix, seen, ids, limit, error);
  return ids;
}

GArray *
jp_database_search (JpDatabase  *self,
                    const char  *query,
                    guint        limit,
                    GError     **error)
{
  GArray *ids;

  g_return_val_if_fail (JP_IS_DATABASE (self), g_array_new (FALSE, FALSE, sizeof (gint64)));
  g_return_val_if_fail (query != NULL, g_array_new (FALSE, FALSE, sizeof (gint64)));

  ids = search_all (self, query, limit, error);
  return only_open_year (self, ids);
}
