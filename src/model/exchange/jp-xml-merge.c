/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/store/jp-connection-exchange.h"
#include "model/exchange/jp-xml-merge.h"

/* The three-way merge of a chapter or section that comes back with a
 * record of this database (see jp-xml-sent.c), and the conflicts it
 * lists in words. */

/* ---------------------------------------------------------------- describing */

#define SHOWN_CHARS 120

static char *
shorten (const char *value)
{
  g_autofree char *flat = NULL;

  if (value == NULL || *value == '\0')
    return g_strdup ("—");
  flat = g_strdup (value);
  g_strdelimit (flat, "\n\t\r", ' ');
  if (g_utf8_strlen (flat, -1) <= SHOWN_CHARS)
    return g_strdup_printf ("“%s”", flat);
  {
    g_autofree char *start = g_utf8_substring (flat, 0, SHOWN_CHARS);
    return g_strdup_printf ("“%s…”", start);
  }
}

static char *
view_label (const JpExchangeView *v,
            const char *uid)
{
  const char *number = v->fields[JP_FIELD_NUMBER];
  const char *code = v->fields[JP_FIELD_CODE];
  const char *person = v->fields[JP_FIELD_PERSON];
  const char *title = v->texts[JP_TEXT_TITLE][JP_LANG_NL] ? v->texts[JP_TEXT_TITLE][JP_LANG_NL]
                                                          : v->texts[JP_TEXT_TITLE][JP_LANG_FR];
  const char *text = v->texts[JP_TEXT_BODY][JP_LANG_NL] ? v->texts[JP_TEXT_BODY][JP_LANG_NL]
                                                        : v->texts[JP_TEXT_BODY][JP_LANG_FR];
  const char *what = title ? title : text ? text : code ? code : person;
  g_autofree char *shown = what ? shorten (what) : NULL;

  if (number && shown)
    return g_strdup_printf ("%s %s (%s)", number, shown, uid);
  if (shown)
    return g_strdup_printf ("%s (%s)", shown, uid);
  return g_strdup (uid);
}

static void
add_part (GString    *s,
          const char *name,
          const char *value)
{
  g_autofree char *shown = shorten (value);

  if (s->len)
    g_string_append (s, "; ");
  g_string_append_printf (s, "%s %s", name, shown);
}

/* Both versions of an item, as the parts in which they differ. */
static void
describe_difference (const JpExchangeView *a,
                     const JpExchangeView *b,
                     char      **a_text,
                     char      **b_text)
{
  GString *sa = g_string_new (NULL);
  GString *sb = g_string_new (NULL);
  g_autofree char *aa = _jp_exchange_areas_string (a->areas, a->n_areas);
  g_autofree char *ab = _jp_exchange_areas_string (b->areas, b->n_areas);
  JpPhase pa = _jp_exchange_view_phase (a), pb = _jp_exchange_view_phase (b);
  JpStatus ta = _jp_exchange_view_status (a), tb = _jp_exchange_view_status (b);

  if (g_strcmp0 (a->parent, b->parent) != 0)
    {
      /* Translators: where an item hangs, followed by its parent's id. */
      add_part (sa, _("under"), a->parent);
      add_part (sb, _("under"), b->parent);
    }
  if (pa != pb)
    {
      add_part (sa, _("phase"), pa ? jp_phase_to_string (pa) : NULL);
      add_part (sb, _("phase"), pb ? jp_phase_to_string (pb) : NULL);
    }
  if (ta != tb)
    {
      add_part (sa, _("status"), ta ? jp_status_to_string (ta) : NULL);
      add_part (sb, _("status"), tb ? jp_status_to_string (tb) : NULL);
    }
  /* The date of the progress follows the status and the progress note,
   * which say what changed. */
  for (guint f = 0; f < JP_N_FIELDS; f++)
    if (f != JP_FIELD_PROGRESS_DATE &&
        g_strcmp0 (a->fields[f] && *a->fields[f] ? a->fields[f] : NULL,
                   b->fields[f] && *b->fields[f] ? b->fields[f] : NULL) != 0)
      {
        add_part (sa, jp_field_to_string (f), a->fields[f]);
        add_part (sb, jp_field_to_string (f), b->fields[f]);
      }
  for (guint t = 0; t < JP_N_TEXTS; t++)
    for (guint l = 0; l < JP_N_LANGS; l++)
      if (g_strcmp0 (a->texts[t][l], b->texts[t][l]) != 0)
        {
          g_autofree char *name = g_strdup_printf ("%s (%s)", jp_text_field_to_string (t), jp_lang_to_string (l));

          add_part (sa, name, a->texts[t][l]);
          add_part (sb, name, b->texts[t][l]);
        }
  if (g_strcmp0 (aa, ab) != 0)
    {
      add_part (sa, _("areas"), aa);
      add_part (sb, _("areas"), ab);
    }
  *a_text = g_string_free (sa, FALSE);
  *b_text = g_string_free (sb, FALSE);
}

/* ---------------------------------------------------------------- merging */

typedef enum {
  SRC_GONE,
  SRC_FILE,
  SRC_DB,
} Source;

typedef struct Node Node;
struct Node {
  const char    *uid;
  int            fi;            /* the file's record, or -1 */
  JpSnapshotItem *d;             /* the database's item, or NULL */
  int            bi;            /* the base's line, or -1 */
  Node          *fparent;
  Node          *dparent;
  GPtrArray     *fkids;         /* Node*, in file order */
  GPtrArray     *dkids;         /* Node*, in the database's order */
  char           ffp[JP_FINGERPRINT_LEN + 1];
  char           dfp[JP_FINGERPRINT_LEN + 1];
  guint          fchg : 1;      /* changed or added in the file */
  guint          dchg : 1;      /* changed or added in the database */
  guint          fdirty : 1;    /* itself or something under it, in the file */
  guint          ddirty : 1;    /* the same in the database */
  guint          placed : 1;
  guint          mark : 1;
  guint          ambiguous : 1; /* the versions it may derive from differ here */
  Source         src;
  int            out;           /* index among the merged records */
  GPtrArray     *followers;     /* scratch for ordering */
};

typedef struct {
  JpConnection   *connection;
  JpXmlReader    *reader;
  JpSnapshot     *existing;     /* the scope in the database */
  GHashTable     *choices;
  JpImportReport *report;
  GArray         *base;         /* JpXmlSent, as sent */
  GPtrArray      *others;       /* GArray of JpXmlSent: versions that came back */
  GHashTable     *nodes;        /* uid → Node */
  GPtrArray      *order;        /* Node*, file order, then the database's */
  Node           *root;
  GArray         *merged;       /* JpRecord */
  GHashTable     *merged_uids;
} Merge;

static void
node_free (gpointer data)
{
  Node *n = data;

  g_clear_pointer (&n->fkids, g_ptr_array_unref);
  g_clear_pointer (&n->dkids, g_ptr_array_unref);
  g_clear_pointer (&n->followers, g_ptr_array_unref);
  g_free (n);
}

static Node *
node_get (Merge      *m,
          const char *uid)
{
  Node *n = g_hash_table_lookup (m->nodes, uid);

  if (n == NULL)
    {
      n = g_new0 (Node, 1);
      n->uid = uid;
      n->fi = -1;
      n->bi = -1;
      g_hash_table_insert (m->nodes, (gpointer) uid, n);
      g_ptr_array_add (m->order, n);
    }
  return n;
}

static void
add_kid (GPtrArray **kids,
         Node       *kid)
{
  if (*kids == NULL)
    *kids = g_ptr_array_new ();
  g_ptr_array_add (*kids, kid);
}

static JpRecord *
file_record (Merge *m,
             Node  *n)
{
  return &g_array_index (m->reader->records, JpRecord, n->fi);
}

static const JpXmlSent *
base_of (Merge *m,
         Node  *n)
{
  return n->bi >= 0 ? &g_array_index (m->base, JpXmlSent, n->bi) : NULL;
}

static int
compare_node_ids (gconstpointer a,
                  gconstpointer b)
{
  gint64 ia = (*(Node * const *) a)->d->data.id;
  gint64 ib = (*(Node * const *) b)->d->data.id;

  return ia < ib ? -1 : ia > ib;
}

/* An item on which the versions a file may derive from differ: which
 * side changed it cannot be told, so both count as changed. */
static void
mark_ambiguous (Merge *m)
{
  for (guint k = 0; m->others && k < m->others->len; k++)
    {
      GArray *other = m->others->pdata[k];
      g_autoptr(GHashTable) in_other = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < other->len; i++)
        {
          JpXmlSent *s = &g_array_index (other, JpXmlSent, i);
          Node *n = g_hash_table_lookup (m->nodes, s->uid);
          const JpXmlSent *b;

          g_hash_table_add (in_other, s->uid);
          if (n == NULL)
            continue;
          b = base_of (m, n);
          if (b == NULL || strcmp (b->fp, s->fp) != 0)
            n->ambiguous = TRUE;
        }
      for (guint i = 0; i < m->base->len; i++)
        {
          JpXmlSent *s = &g_array_index (m->base, JpXmlSent, i);
          Node *n = g_hash_table_lookup (m->nodes, s->uid);

          if (n && !g_hash_table_contains (in_other, s->uid))
            n->ambiguous = TRUE;
        }
    }
}

/* Builds the nodes, their two trees and their fingerprints. */
static void
merge_build (Merge *m)
{
  GArray *records = m->reader->records;
  g_autoptr(GPtrArray) db_only = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < records->len; i++)
    {
      JpRecord *r = &g_array_index (records, JpRecord, i);
      Node *n = node_get (m, r->uid);
      JpExchangeView v = _jp_exchange_record_view (m->reader, i);

      n->fi = i;
      _jp_exchange_view_fingerprint (&v, n->ffp);
      if (r->parent >= 0)
        {
          n->fparent = g_hash_table_lookup (m->nodes, g_array_index (records, JpRecord, r->parent).uid);
          add_kid (&n->fparent->fkids, n);
        }
    }
  m->root = g_hash_table_lookup (m->nodes, g_array_index (records, JpRecord, 0).uid);

  g_hash_table_iter_init (&iter, m->existing->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JpSnapshotItem *e = value;
      Node *n = g_hash_table_lookup (m->nodes, e->data.uid);

      if (n == NULL)
        {
          n = g_new0 (Node, 1);
          n->uid = e->data.uid;
          n->fi = -1;
          n->bi = -1;
          g_hash_table_insert (m->nodes, (gpointer) n->uid, n);
          g_ptr_array_add (db_only, n);
        }
      n->d = e;
    }
  /* The database's own items in a stable order (as they were added). */
  g_ptr_array_sort (db_only, compare_node_ids);
  for (guint i = 0; i < db_only->len; i++)
    g_ptr_array_add (m->order, db_only->pdata[i]);

  for (guint i = 0; i < m->order->len; i++)
    {
      Node *n = m->order->pdata[i];
      JpSnapshotItem *pe;
      JpExchangeView v;

      if (n->d == NULL)
        continue;
      pe = n == m->root ? NULL : n->d->parent;
      if (pe)
        n->dparent = g_hash_table_lookup (m->nodes, pe->data.uid);
      v = _jp_exchange_existing_view (n->d, pe ? pe->data.uid : NULL);
      _jp_exchange_view_fingerprint (&v, n->dfp);
    }
  /* The database's children in the snapshot's (the export's) order. */
  for (guint i = 0; i < m->order->len; i++)
    {
      Node *n = m->order->pdata[i];

      for (guint k = 0; n->d && k < n->d->children->len; k++)
        {
          JpSnapshotItem *c = n->d->children->pdata[k];
          Node *kid = g_hash_table_lookup (m->nodes, c->data.uid);

          if (kid != m->root)
            add_kid (&n->dkids, kid);
        }
    }

  for (guint i = 0; i < m->base->len; i++)
    {
      JpXmlSent *s = &g_array_index (m->base, JpXmlSent, i);
      Node *n = g_hash_table_lookup (m->nodes, s->uid);

      /* Only what one side still has matters. */
      if (n)
        n->bi = i;
    }

  mark_ambiguous (m);
  for (guint i = 0; i < m->order->len; i++)
    {
      Node *n = m->order->pdata[i];
      const JpXmlSent *b = base_of (m, n);

      n->fchg = n->fi >= 0 && (b == NULL || n->ambiguous || strcmp (b->fp, n->ffp) != 0);
      n->dchg = n->d != NULL && (b == NULL || n->ambiguous || strcmp (b->fp, n->dfp) != 0);
      n->fdirty = n->fchg;
    }
  /* Something changed under an item makes its removal a change too. */
  for (guint i = records->len; i-- > 1; )
    {
      Node *n = g_hash_table_lookup (m->nodes, g_array_index (records, JpRecord, i).uid);
      if (n->fdirty && n->fparent)
        n->fparent->fdirty = TRUE;
    }
  for (guint i = 0; i < m->order->len; i++)
    {
      Node *n = m->order->pdata[i];

      if (!n->dchg)
        continue;
      for (Node *up = n; up && !up->ddirty; up = up->dparent)
        up->ddirty = TRUE;
    }
}

/* Was the item sent, in some version a file may derive from? */
static gboolean
known (Node *n)
{
  return n->bi >= 0 || n->ambiguous;
}

static JpImportChoice
choice_for (Merge      *m,
            const char *uid)
{
  JpImportChoice choice;

  if (m->choices == NULL)
    return JP_CHOICE_NONE;
  choice = GPOINTER_TO_INT (g_hash_table_lookup (m->choices, uid));
  /* Leaving the file's change out keeps this database's version. */
  return choice == JP_CHOICE_LEAVE_OUT ? JP_CHOICE_MINE : choice;
}

static JpExchangeView
node_file_view (Merge *m,
                Node  *n)
{
  return _jp_exchange_record_view (m->reader, n->fi);
}

static JpExchangeView
node_db_view (Node *n)
{
  return _jp_exchange_existing_view (n->d, n->dparent ? n->dparent->uid : NULL);
}

static void
add_conflict (Merge          *m,
              Node           *n,
              JpConflictKind  kind,
              char           *theirs,
              char           *mine)
{
  JpImportConflict *c = g_new0 (JpImportConflict, 1);
  JpExchangeView v = n->fi >= 0 ? node_file_view (m, n) : node_db_view (n);

  c->kind = kind;
  c->item_kind = v.kind;
  c->uid = g_strdup (n->uid);
  c->label = view_label (&v, n->uid);
  c->theirs = theirs;
  c->mine = mine;
  c->line = n->fi >= 0 ? file_record (m, n)->line : 0;
  g_ptr_array_add (m->report->conflicts, c);
}

/* Decides between the two sides: the choice made for the item, or a
 * conflict that the report lists.  Returns the source. */
static Source
resolve (Merge          *m,
         Node           *n,
         JpConflictKind  kind,
         Source          theirs_src,
         Source          mine_src)
{
  JpImportChoice choice = choice_for (m, n->uid);
  char *theirs = NULL, *mine = NULL;

  if (choice == JP_CHOICE_THEIRS)
    return theirs_src;
  if (choice == JP_CHOICE_MINE)
    return mine_src;

  switch (kind)
    {
    case JP_CONFLICT_CHANGED:
    case JP_CONFLICT_ADDED:
      {
        JpExchangeView f = node_file_view (m, n);
        JpExchangeView d = node_db_view (n);
        describe_difference (&f, &d, &theirs, &mine);
      }
      break;
    case JP_CONFLICT_REMOVED_IN_FILE:
      {
        theirs = g_strdup (_("removed"));
        if (n->dchg)
          {
            /* The sent version is only a fingerprint: say what is here. */
            JpExchangeView d = node_db_view (n);
            g_autofree char *label = view_label (&d, n->uid);
            mine = g_strdup_printf (_("changed since it was sent: %s"), label);
          }
        else
          mine = g_strdup (_("unchanged, but something under it was changed or added since it was sent"));
      }
      break;
    case JP_CONFLICT_REMOVED_IN_DATABASE:
      {
        JpExchangeView f = node_file_view (m, n);
        g_autofree char *label = view_label (&f, n->uid);
        if (n->fchg)
          theirs = g_strdup_printf (_("changed since it was sent: %s"), label);
        else
          theirs = g_strdup (_("unchanged, but something under it was changed or added"));
        mine = g_strdup (_("removed"));
      }
      break;
    case JP_CONFLICT_ORDER:
    default:
      g_assert_not_reached ();
    }
  add_conflict (m, n, kind, theirs, mine);
  return mine_src;
}

/* The file's items first, parents before children. */
static void
classify_file_side (Merge *m)
{
  GArray *records = m->reader->records;

  for (guint i = 0; i < records->len; i++)
    {
      Node *n = g_hash_table_lookup (m->nodes, g_array_index (records, JpRecord, i).uid);
      Node *p = n->fparent;

      if (n->d)
        {
          if (!known (n))
            n->src = strcmp (n->ffp, n->dfp) == 0 ? SRC_FILE
                     : resolve (m, n, JP_CONFLICT_ADDED, SRC_FILE, SRC_DB);
          else if (!n->fchg)
            n->src = n->dchg ? SRC_DB : SRC_FILE;
          else if (!n->dchg || strcmp (n->ffp, n->dfp) == 0)
            n->src = SRC_FILE;
          else
            n->src = resolve (m, n, JP_CONFLICT_CHANGED, SRC_FILE, SRC_DB);
          if (n->src == SRC_DB && !n->fchg)
            m->report->kept++;
        }
      else if (!known (n))
        n->src = SRC_FILE;   /* added in the file */
      else if (p && p->d == NULL && known (p))
        n->src = p->src;     /* decided with the item removed above it */
      else if (!n->fdirty)
        {
          n->src = SRC_GONE;   /* removed here since, and not changed there */
          m->report->kept++;
        }
      else
        n->src = resolve (m, n, JP_CONFLICT_REMOVED_IN_DATABASE, SRC_FILE, SRC_GONE);
    }
}

/* Then the database's items the file does not have, parents first. */
static void
classify_db_side (Merge *m,
                  Node  *n)
{
  if (n->fi < 0)
    {
      Node *p = n->dparent;

      if (!known (n))
        {
          n->src = SRC_DB;   /* added in the database since */
          m->report->kept++;
        }
      else if (p && p->fi < 0 && known (p))
        n->src = p->src;
      else if (!n->ddirty)
        n->src = SRC_GONE;   /* removed in the file, not changed here */
      else
        n->src = resolve (m, n, JP_CONFLICT_REMOVED_IN_FILE, SRC_GONE, SRC_DB);
    }
  for (guint i = 0; n->dkids && i < n->dkids->len; i++)
    classify_db_side (m, n->dkids->pdata[i]);
}

static Node *
winner_parent (Node *n)
{
  return n->src == SRC_FILE ? n->fparent : n->src == SRC_DB ? n->dparent : NULL;
}

static gboolean
in_merged (Node *kid,
           Node *parent)
{
  return kid->src != SRC_GONE && winner_parent (kid) == parent;
}

/* Is the order of the items both sides and the base share under @p
 * still the base's, on the side @kids lists? */
static gboolean
kept_order (Merge     *m,
            Node      *p,
            GPtrArray *kids,
            gboolean   file_side,
            GArray    *seq)
{
  gboolean kept = TRUE;
  int last = -1;

  for (guint i = 0; kids && i < kids->len; i++)
    {
      Node *k = kids->pdata[i];
      const JpXmlSent *b = base_of (m, k);
      Node *other = file_side ? k->dparent : k->fparent;

      if (b == NULL || other != p || (file_side ? k->d == NULL : k->fi < 0) ||
          g_strcmp0 (b->parent, p->uid) != 0)
        continue;
      g_array_append_val (seq, k->bi);
      if (k->bi < last)
        kept = FALSE;
      last = k->bi;
    }
  return kept;
}

static char *
describe_order (Merge     *m,
                GPtrArray *kids)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; kids && i < kids->len; i++)
    {
      Node *k = kids->pdata[i];
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", k->uid);
    }
  return g_string_free (s, FALSE);
}

/* The merged order of @p's items: one side's order, the other side's
 * own items each after the item it follows there. */
static GPtrArray *
merged_kids (Merge *m,
             Node  *p)
{
  g_autoptr(GArray) fseq = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) dseq = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean file_kept = kept_order (m, p, p->fkids, TRUE, fseq);
  gboolean db_kept = kept_order (m, p, p->dkids, FALSE, dseq);
  gboolean file_first = !file_kept;
  GPtrArray *primary, *secondary;
  GPtrArray *out = g_ptr_array_new ();
  g_autoptr(GPtrArray) head = g_ptr_array_new ();
  GPtrArray *anchor;

  if (!file_kept && !db_kept &&
      (fseq->len != dseq->len || memcmp (fseq->data, dseq->data, fseq->len * sizeof (int)) != 0))
    {
      JpImportChoice choice = choice_for (m, p->uid);

      if (choice == JP_CHOICE_NONE)
        add_conflict (m, p, JP_CONFLICT_ORDER, describe_order (m, p->fkids), describe_order (m, p->dkids));
      file_first = choice != JP_CHOICE_MINE;
    }
  primary = file_first ? p->fkids : p->dkids;
  secondary = file_first ? p->dkids : p->fkids;

  for (guint i = 0; primary && i < primary->len; i++)
    ((Node *) primary->pdata[i])->mark = TRUE;
  anchor = head;
  for (guint i = 0; secondary && i < secondary->len; i++)
    {
      Node *k = secondary->pdata[i];

      if (k->mark)
        {
          if (k->followers == NULL)
            k->followers = g_ptr_array_new ();
          anchor = k->followers;
        }
      else if (in_merged (k, p))
        g_ptr_array_add (anchor, k);
    }

  for (guint i = 0; i < head->len; i++)
    g_ptr_array_add (out, head->pdata[i]);
  for (guint i = 0; primary && i < primary->len; i++)
    {
      Node *k = primary->pdata[i];

      k->mark = FALSE;
      if (in_merged (k, p))
        g_ptr_array_add (out, k);
      for (guint j = 0; k->followers && j < k->followers->len; j++)
        g_ptr_array_add (out, k->followers->pdata[j]);
      g_clear_pointer (&k->followers, g_ptr_array_unref);
    }
  return out;
}

static char **
copy_areas (Node *n,
            Merge *m)
{
  if (n->src == SRC_FILE)
    return g_strdupv (file_record (m, n)->areas);
  if (n->d->areas == NULL)
    return NULL;
  {
    char **areas = g_new0 (char *, n->d->areas->len + 1);
    for (guint i = 0; i < n->d->areas->len; i++)
      areas[i] = g_strdup (n->d->areas->pdata[i]);
    return areas;
  }
}

static void
emit (Merge *m,
      Node  *n,
      int    parent,
      guint  position)
{
  JpRecord r = { 0, };
  g_autoptr(GPtrArray) kids = NULL;

  r.parent = parent;
  r.position = position;
  r.uid = g_strdup (n->uid);
  r.areas = copy_areas (n, m);
  if (n->src == SRC_FILE)
    {
      JpRecord *f = file_record (m, n);

      r.kind = f->kind;
      r.line = f->line;
      r.phase = f->phase;
      r.status = f->status;
      for (guint i = 0; i < JP_N_FIELDS; i++)
        r.fields[i] = g_strdup (f->fields[i]);
      for (guint t = 0; t < JP_N_TEXTS; t++)
        for (guint l = 0; l < JP_N_LANGS; l++)
          r.texts[t][l] = g_strdup (f->texts[t][l]);
    }
  else
    {
      JpItemData *d = &n->d->data;

      r.kind = d->kind;
      r.line = n->fi >= 0 ? file_record (m, n)->line : 0;
      r.phase = d->phase;
      r.status = d->status;
      for (guint i = 0; i < JP_N_FIELDS; i++)
        r.fields[i] = g_strdup (d->fields[i]);
      for (guint t = 0; t < JP_N_TEXTS; t++)
        for (guint l = 0; l < JP_N_LANGS; l++)
          r.texts[t][l] = g_strdup (d->texts[t][l]);
    }
  g_array_append_val (m->merged, r);
  n->out = m->merged->len - 1;
  n->placed = TRUE;
  g_hash_table_insert (m->merged_uids, g_array_index (m->merged, JpRecord, n->out).uid,
                       GINT_TO_POINTER (n->out));

  kids = merged_kids (m, n);
  for (guint i = 0; i < kids->len; i++)
    emit (m, kids->pdata[i], n->out, i);
}

static GArray *
load_base (Merge       *m,
           const char  *scope_uid,
           char       **why)
{
  g_autofree char *self = _jp_connection_exchange_origin (m->connection);
  JpXmlReader *reader = m->reader;
  g_autoptr(GPtrArray) texts = NULL;

  if (reader->sent == NULL)
    {
      *why = g_strdup (_("The file does not record what was sent (it was made by hand or by an older version): "
                         "no check for changes made here since was possible."));
      return NULL;
    }
  if (self == NULL || g_strcmp0 (reader->sent_origin, self) != 0)
    {
      *why = g_strdup (_("The file was sent by another plan database: no check for changes made here since "
                         "was possible."));
      return NULL;
    }
  if (!_jp_connection_exchange_is_known (m->connection, reader->sent_export, self, scope_uid))
    {
      *why = g_strdup (_("This database has no record of sending the file: no check for changes made here "
                         "since was possible."));
      return NULL;
    }

  /* What was sent, and the versions that came back with the record
   * since.  When the file names the version it derives from (the newest
   * it lists that is known here), that one is the base; otherwise it
   * could be any of them. */
  texts = _jp_connection_exchange_versions (m->connection, reader->sent_export);

  for (guint i = 0; reader->sent_since && reader->sent_since[i]; i++)
    for (guint k = 0; k < texts->len; k++)
      {
        g_autofree char *hash = texts->pdata[k] ? _jp_exchange_state_hash (texts->pdata[k]) : NULL;

        if (g_strcmp0 (hash, reader->sent_since[i]) == 0)
          return _jp_exchange_sent_from_text (texts->pdata[k]);
      }

  m->others = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint k = 1; k < texts->len; k++)
    g_ptr_array_add (m->others, _jp_exchange_sent_from_text (texts->pdata[k]));
  return _jp_exchange_sent_from_text (texts->pdata[0]);
}

gboolean
_jp_exchange_merge (JpConnection    *connection,
                    JpXmlReader     *reader,
                    JpSnapshot      *existing,
                    GHashTable      *choices,
                    JpImportReport  *report,
                    GError         **error)
{
  JpRecord *top = &g_array_index (reader->records, JpRecord, 0);
  Merge m = { connection, reader, existing, choices, report, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  gboolean ok = FALSE;

  if (!_jp_exchange_kind_has_record (top->kind))
    return TRUE;
  m.base = load_base (&m, top->uid, &report->unchecked);
  if (m.base == NULL)
    return TRUE;
  report->checked = TRUE;

  m.nodes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, node_free);
  m.order = g_ptr_array_new ();
  merge_build (&m);
  classify_file_side (&m);
  if (m.root->d)
    classify_db_side (&m, m.root);

  m.merged = g_array_new (FALSE, TRUE, sizeof (JpRecord));
  g_array_set_clear_func (m.merged, _jp_xml_record_clear);
  m.merged_uids = g_hash_table_new (g_str_hash, g_str_equal);
  if (m.root->src == SRC_GONE)
    m.root->src = SRC_FILE;
  emit (&m, m.root, -1, 0);

  if (report->conflicts->len > 0)
    {
      guint n = report->conflicts->len;

      g_set_error (error, JP_XML_ERROR, JP_XML_ERROR_EDIT_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %u item was changed both in the file and in this database since it was "
                                "sent; nothing was imported. Choose which version to keep.",
                                "%s: %u items were changed both in the file and in this database since they "
                                "were sent; nothing was imported. Choose which version to keep.", n),
                   reader->name, n);
      goto out;
    }

  /* Items both sides moved, each under the other, hang nowhere. */
  for (guint i = 0; i < m.order->len; i++)
    {
      Node *n = m.order->pdata[i];

      Node *up = n;
      guint steps = 0;

      if (n->src == SRC_GONE || n->placed)
        continue;
      /* Under an item a choice removed, it goes with it; else it is in a
       * loop. */
      while (up && up->src != SRC_GONE && !up->placed && steps++ <= m.order->len)
        up = winner_parent (up);
      if (up == NULL || up->src != SRC_GONE)
        {
          _jp_xml_fail_at (reader, error, JP_XML_ERROR_EDIT_CONFLICT, n->fi >= 0 ? file_record (&m, n)->line : 0,
                           _("the item “%s” was moved in the file and items around it were moved in this "
                             "database so that they would hang under each other; nothing was imported."),
                           n->uid);
          goto out;
        }
    }

  g_array_unref (reader->records);
  g_hash_table_unref (reader->uids);
  reader->records = g_steal_pointer (&m.merged);
  reader->uids = g_steal_pointer (&m.merged_uids);
  ok = TRUE;

out:
  g_clear_pointer (&m.merged, g_array_unref);
  g_clear_pointer (&m.merged_uids, g_hash_table_unref);
  g_clear_pointer (&m.order, g_ptr_array_unref);
  g_clear_pointer (&m.nodes, g_hash_table_unref);
  g_clear_pointer (&m.base, g_array_unref);
  g_clear_pointer (&m.others, g_ptr_array_unref);
  return ok;
}
