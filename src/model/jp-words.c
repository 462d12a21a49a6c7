/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-differences"

#include "config.h"

#include <string.h>

#include "model/jp-differences.h"

/* The words that differ between two texts.  A text is cut into tokens
 * (a run of spaces, a run of letters and digits, or one other character)
 * and the tokens are compared with Myers's O(ND) difference, after the
 * common start and end are set aside.  Past MAX_EDITS edits the texts
 * have little in common and the middle is given as removed and added:
 * the work stays bounded whatever the size of the text. */

#define MAX_EDITS 1000

typedef struct {
  const char *start;
  gsize       len;
} Token;

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '_';
}

static GArray *
tokenize (const char *text)
{
  /* Room for one token at least: an empty text's array still has data,
   * so that pointers into it (at offset 0) are never made from NULL. */
  GArray *tokens = g_array_sized_new (FALSE, FALSE, sizeof (Token), 1);
  const char *p = text ? text : "";

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      const char *end = g_utf8_next_char (p);
      Token token = { p, 0 };

      if (g_unichar_isspace (c))
        while (*end && g_unichar_isspace (g_utf8_get_char (end)))
          end = g_utf8_next_char (end);
      else if (is_word_char (c))
        while (*end && is_word_char (g_utf8_get_char (end)))
          end = g_utf8_next_char (end);
      token.len = end - p;
      g_array_append_val (tokens, token);
      p = end;
    }
  return tokens;
}

static gboolean
same_token (const Token *a,
            const Token *b)
{
  return a->len == b->len && memcmp (a->start, b->start, a->len) == 0;
}

static void
words_free (gpointer data)
{
  JpWords *words = data;

  g_free (words->text);
  g_free (words);
}

/* Appends @len bytes at @start to the runs, joining a run of the same op. */
static void
add_run (GPtrArray  *runs,
         JpWordsOp   op,
         const char *start,
         gsize       len)
{
  JpWords *last = runs->len ? g_ptr_array_index (runs, runs->len - 1) : NULL;

  if (len == 0)
    return;
  if (last && last->op == op)
    {
      char *joined = g_strdup_printf ("%s%.*s", last->text, (int) len, start);

      g_free (last->text);
      last->text = joined;
      return;
    }
  last = g_new0 (JpWords, 1);
  last->op = op;
  last->text = g_strndup (start, len);
  g_ptr_array_add (runs, last);
}

static void
add_tokens (GPtrArray    *runs,
            JpWordsOp     op,
            const Token  *tokens,
            guint         n)
{
  if (n == 0)
    return;
  add_run (runs, op, tokens[0].start,
           tokens[n - 1].start + tokens[n - 1].len - tokens[0].start);
}

/* The edit script between @a and @b as one op per step, or NULL past
 * MAX_EDITS edits. */
static GArray *
myers (const Token *a,
       int          n,
       const Token *b,
       int          m)
{
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  int max = MIN (n + m, MAX_EDITS);
  g_autofree int *v = g_new0 (int, 2 * max + 3);
  int *V = v + max + 1;
  GArray *ops;
  int d, x, y;

  for (d = 0; d <= max; d++)
    {
      gboolean done = FALSE;
      int *copy;

      for (int k = -d; k <= d && !done; k += 2)
        {
          if (k == -d || (k != d && V[k - 1] < V[k + 1]))
            x = V[k + 1];
          else
            x = V[k - 1] + 1;
          y = x - k;
          while (x < n && y < m && same_token (&a[x], &b[y]))
            x++, y++;
          V[k] = x;
          done = x >= n && y >= m;
        }
      copy = g_new (int, 2 * d + 1);
      memcpy (copy, V - d, (2 * d + 1) * sizeof (int));
      g_ptr_array_add (trace, copy);
      if (done)
        break;
    }
  if (d > max)
    return NULL;

  /* Back from the end, one edit per round, the snakes between. */
  ops = g_array_new (FALSE, FALSE, sizeof (guint8));
  x = n;
  y = m;
  for (; d > 0; d--)
    {
      const int *prev = (const int *) g_ptr_array_index (trace, d - 1) + (d - 1);
      int k = x - y, prev_k, prev_x, mid_x;
      guint8 op;

      if (k == -d || (k != d && prev[k - 1] < prev[k + 1]))
        prev_k = k + 1;
      else
        prev_k = k - 1;
      prev_x = prev[prev_k];
      mid_x = prev_k == k + 1 ? prev_x : prev_x + 1;
      op = JP_WORDS_SAME;
      for (; x > mid_x; x--, y--)
        g_array_append_val (ops, op);
      op = prev_k == k + 1 ? JP_WORDS_ADDED : JP_WORDS_REMOVED;
      g_array_append_val (ops, op);
      x = prev_x;
      y = prev_x - prev_k;
    }
  for (guint8 op = JP_WORDS_SAME; x > 0 && y > 0; x--, y--)
    g_array_append_val (ops, op);
  return ops;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Joins the changes that only a space keeps apart ("Fiscale samenwerking"
 * → "Andere titel" is one change, not two around a shared space): each
 * stretch of changes reads as the removed words, then the added ones. */
static GPtrArray *
join_changes (GPtrArray *runs)
{
  GPtrArray *joined = g_ptr_array_new_with_free_func (words_free);
  g_autoptr(GString) removed = g_string_new (NULL);
  g_autoptr(GString) added = g_string_new (NULL);

  for (guint i = 0; i <= runs->len; i++)
    {
      JpWords *run = i < runs->len ? g_ptr_array_index (runs, i) : NULL;
      JpWords *next = i + 1 < runs->len ? g_ptr_array_index (runs, i + 1) : NULL;
      gboolean open = removed->len > 0 || added->len > 0;

      if (run && run->op == JP_WORDS_REMOVED)
        g_string_append (removed, run->text);
      else if (run && run->op == JP_WORDS_ADDED)
        g_string_append (added, run->text);
      else if (run && open && next && is_blank (run->text))
        {
          g_string_append (removed, run->text);
          g_string_append (added, run->text);
        }
      else
        {
          add_run (joined, JP_WORDS_REMOVED, removed->str, removed->len);
          add_run (joined, JP_WORDS_ADDED, added->str, added->len);
          g_string_truncate (removed, 0);
          g_string_truncate (added, 0);
          if (run)
            add_run (joined, JP_WORDS_SAME, run->text, strlen (run->text));
        }
    }
  g_ptr_array_unref (runs);
  return joined;
}

GPtrArray *
jp_words_compare (const char *old_text,
                  const char *new_text)
{
  g_autoptr(GArray) a = tokenize (old_text);
  g_autoptr(GArray) b = tokenize (new_text);
  GPtrArray *runs = g_ptr_array_new_with_free_func (words_free);
  const Token *ta = (const Token *) (gpointer) a->data;
  const Token *tb = (const Token *) (gpointer) b->data;
  guint prefix = 0, suffix = 0, n, m;
  g_autoptr(GArray) ops = NULL;

  while (prefix < a->len && prefix < b->len && same_token (&ta[prefix], &tb[prefix]))
    prefix++;
  while (suffix < a->len - prefix && suffix < b->len - prefix
         && same_token (&ta[a->len - 1 - suffix], &tb[b->len - 1 - suffix]))
    suffix++;
  n = a->len - prefix - suffix;
  m = b->len - prefix - suffix;

  add_tokens (runs, JP_WORDS_SAME, ta, prefix);
  ops = myers (ta + prefix, n, tb + prefix, m);
  if (ops == NULL)
    {
      add_tokens (runs, JP_WORDS_REMOVED, ta + prefix, n);
      add_tokens (runs, JP_WORDS_ADDED, tb + prefix, m);
    }
  else
    {
      guint x = prefix, y = prefix;

      /* The ops were found from the end. */
      for (guint i = ops->len; i > 0; i--)
        {
          guint8 op = g_array_index (ops, guint8, i - 1);

          if (op == JP_WORDS_ADDED)
            add_tokens (runs, op, &tb[y++], 1);
          else if (op == JP_WORDS_REMOVED)
            add_tokens (runs, op, &ta[x++], 1);
          else
            {
              add_tokens (runs, op, &ta[x++], 1);
              y++;
            }
        }
    }
  add_tokens (runs, JP_WORDS_SAME, ta + a->len - suffix, suffix);
  return join_changes (runs);
}
