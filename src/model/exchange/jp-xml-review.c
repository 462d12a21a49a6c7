/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-xml"

#include "config.h"

#include <string.h>

#include "model/exchange/jp-xml-private.h"
#include "model/exchange/jp-xml-merge.h"

/* The review of an import: what the records would make of the scope, as
 * a snapshot to compare with the database's, and the differences the
 * person left out, taken back out of the records before they are
 * written. */

/* ---------------------------------------------------------------- snapshot */

static GHashTable *
items_by_uid (JpSnapshot *snapshot)
{
  GHashTable *by_uid = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, snapshot->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JpSnapshotItem *item = value;

      if (item->data.uid)
        g_hash_table_insert (by_uid, item->data.uid, item);
    }
  return by_uid;
}

JpSnapshot *
_jp_xml_records_snapshot (GArray     *records,
                          JpSnapshot *existing)
{
  g_autoptr(GHashTable) by_uid = items_by_uid (existing);
  g_autofree gint64 *ids = g_new0 (gint64, records->len);
  JpSnapshot *snapshot = _jp_snapshot_new ();
  gint64 next_id = 1;
  GHashTableIter iter;
  gpointer value;

  /* An item keeps the database's id; a new one gets an id no item has. */
  g_hash_table_iter_init (&iter, existing->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    next_id = MAX (next_id, ((JpSnapshotItem *) value)->data.id + 1);

  for (guint i = 0; i < records->len; i++)
    {
      JpRecord *r = &g_array_index (records, JpRecord, i);
      JpSnapshotItem *old = g_hash_table_lookup (by_uid, r->uid);
      JpItemData data = { 0, };
      JpSnapshotItem *item;

      ids[i] = old ? old->data.id : next_id++;
      data.id = ids[i];
      data.position = r->position;
      if (r->parent >= 0)
        data.parent_id = ids[r->parent];
      else if (existing->root)
        {
          /* The scope stays where it hangs. */
          data.parent_id = existing->root->data.parent_id;
          data.position = existing->root->data.position;
        }
      data.kind = r->kind;
      data.phase = r->phase;
      data.status = r->status;
      data.uid = g_strdup (r->uid);
      for (guint f = 0; f < JP_N_FIELDS; f++)
        data.fields[f] = g_strdup (r->fields[f]);
      for (guint t = 0; t < JP_N_TEXTS; t++)
        for (guint l = 0; l < JP_N_LANGS; l++)
          data.texts[t][l] = g_strdup (r->texts[t][l]);
      item = _jp_snapshot_add (snapshot, &data);
      for (guint a = 0; r->areas && r->areas[a]; a++)
        {
          if (item->areas == NULL)
            item->areas = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (item->areas, g_strdup (r->areas[a]));
        }
    }
  _jp_snapshot_build_tree (snapshot, records->len > 0 ? ids[0] : 0);
  return snapshot;
}

/* ---------------------------------------------------------------- leaving out */

/* One item of the scope as it will be written: a record of the file (or
 * of the merge), or an item of the database that stays. */
typedef struct Entry Entry;
struct Entry {
  const char     *uid;
  int             record;     /* index in the records, or -1 */
  JpSnapshotItem *item;       /* the database's item, or NULL */
  gboolean        keep_db;    /* written with the database's values */
  Entry          *parent;
  GPtrArray      *kids;       /* Entry*, in order */
};

typedef struct {
  JpXmlReader *reader;
  GHashTable  *choices;
  GHashTable  *by_uid;        /* uid → JpSnapshotItem, the database's */
  GHashTable  *entries;       /* uid → Entry, those written */
  GPtrArray   *all;           /* Entry*, owned */
  Entry       *root;
} LeaveOut;

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_clear_pointer (&e->kids, g_ptr_array_unref);
  g_free (e);
}

static void
free_entries (LeaveOut *lo)
{
  g_clear_pointer (&lo->entries, g_hash_table_unref);
  g_clear_pointer (&lo->all, g_ptr_array_unref);
}

static Entry *
entry_new (LeaveOut       *lo,
           const char     *uid,
           int             record,
           JpSnapshotItem *item)
{
  Entry *e = g_new0 (Entry, 1);

  e->uid = uid;
  e->record = record;
  e->item = item;
  e->kids = g_ptr_array_new ();
  g_ptr_array_add (lo->all, e);
  g_hash_table_insert (lo->entries, (gpointer) uid, e);
  return e;
}

static gboolean
left_out (LeaveOut   *lo,
          const char *uid)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (lo->choices, uid)) == JP_CHOICE_LEAVE_OUT;
}

static void
detach (Entry *e)
{
  if (e->parent)
    g_ptr_array_remove (e->parent->kids, e);
  e->parent = NULL;
}

static gboolean
is_kid (Entry *parent,
        Entry *e,
        guint *index)
{
  return e != NULL && e->parent == parent && g_ptr_array_find (parent->kids, e, index);
}

static Entry *
sibling_entry (LeaveOut  *lo,
               GPtrArray *siblings,
               guint      i)
{
  return g_hash_table_lookup (lo->entries, ((JpSnapshotItem *) siblings->pdata[i])->data.uid);
}

/* Where @item goes among @parent's entries: after the nearest of its
 * siblings in the database before it that is there, else before the
 * nearest after it, else last. */
static guint
index_as_in_database (LeaveOut       *lo,
                      Entry          *parent,
                      JpSnapshotItem *item)
{
  GPtrArray *siblings = item->parent->children;
  guint at = 0, index = 0;

  g_ptr_array_find (siblings, item, &at);
  for (guint i = at; i > 0; i--)
    if (is_kid (parent, sibling_entry (lo, siblings, i - 1), &index))
      return index + 1;
  for (guint i = at + 1; i < siblings->len; i++)
    if (is_kid (parent, sibling_entry (lo, siblings, i), &index))
      return index;
  return parent->kids->len;
}

/* Puts @e back under its parent in the database, where it was among its
 * siblings; FALSE when that parent is not in the scope any more. */
static gboolean
place_as_in_database (LeaveOut *lo,
                      Entry    *e)
{
  JpSnapshotItem *item = e->item;
  Entry *parent;

  if (item->parent == NULL)
    return FALSE;
  parent = g_hash_table_lookup (lo->entries, item->parent->data.uid);
  if (parent == NULL)
    return FALSE;
  detach (e);
  g_ptr_array_insert (parent->kids, index_as_in_database (lo, parent, item), e);
  e->parent = parent;
  return TRUE;
}

/* Has @e another parent, or another item before it among the items both
 * sides share, than in the database? */
static gboolean
placed_otherwise (LeaveOut *lo,
                  Entry    *e)
{
  JpSnapshotItem *item = e->item;
  JpSnapshotItem *before = NULL;
  Entry *file_before = NULL;
  guint at;

  if (item->parent == NULL || e->parent == NULL)
    return FALSE;
  if (g_strcmp0 (item->parent->data.uid, e->parent->uid) != 0)
    return TRUE;
  g_ptr_array_find (item->parent->children, item, &at);
  for (guint i = at; i > 0 && before == NULL; i--)
    {
      JpSnapshotItem *s = item->parent->children->pdata[i - 1];
      Entry *se = g_hash_table_lookup (lo->entries, s->data.uid);

      if (se && se->parent == e->parent)
        before = s;
    }
  g_ptr_array_find (e->parent->kids, e, &at);
  for (guint i = at; i > 0 && file_before == NULL; i--)
    {
      Entry *s = e->parent->kids->pdata[i - 1];

      if (s->item && s->item->parent == item->parent)
        file_before = s;
    }
  return (file_before ? file_before->item : NULL) != before;
}

/* The items of the database under @item that the records do not hold
 * stay with it. */
static void
restore_under (LeaveOut *lo,
               Entry    *e)
{
  for (guint i = 0; i < e->item->children->len; i++)
    {
      JpSnapshotItem *kid = e->item->children->pdata[i];
      Entry *k;

      if (g_hash_table_contains (lo->entries, kid->data.uid))
        continue;
      k = entry_new (lo, kid->data.uid, -1, kid);
      k->keep_db = TRUE;
      k->parent = e;
      g_ptr_array_add (e->kids, k);
      restore_under (lo, k);
    }
}

/* An item of the file the database does not have, left out: it goes, and
 * what is under it with it; an item of the database moved under it goes
 * back where it was. */
static void
drop (LeaveOut  *lo,
      Entry     *e,
      GPtrArray *homeless)
{
  g_hash_table_remove (lo->entries, e->uid);
  while (e->kids->len > 0)
    {
      Entry *k = e->kids->pdata[e->kids->len - 1];

      g_ptr_array_remove_index (e->kids, e->kids->len - 1);
      k->parent = NULL;
      if (k->item)
        g_ptr_array_add (homeless, k);
      else
        drop (lo, k, homeless);
    }
}

/* The database's items, parents first: each one left out keeps its
 * values and its place, or comes back when the file removed it. */
static void
keep_database_side (LeaveOut       *lo,
                    JpSnapshotItem *item)
{
  Entry *e = g_hash_table_lookup (lo->entries, item->data.uid);

  if (left_out (lo, item->data.uid))
    {
      if (e)
        {
          e->keep_db = TRUE;
          if (e != lo->root && placed_otherwise (lo, e))
            place_as_in_database (lo, e);
        }
      else if (item->parent && g_hash_table_contains (lo->entries, item->parent->data.uid))
        {
          e = entry_new (lo, item->data.uid, -1, item);
          e->keep_db = TRUE;
          restore_under (lo, e);
          place_as_in_database (lo, e);
        }
    }
  for (guint i = 0; i < item->children->len; i++)
    keep_database_side (lo, item->children->pdata[i]);
}

static void
copy_item (JpRecord       *r,
           JpSnapshotItem *item)
{
  r->kind = item->data.kind;
  r->phase = item->data.phase;
  r->status = item->data.status;
  for (guint f = 0; f < JP_N_FIELDS; f++)
    {
      g_free (r->fields[f]);
      r->fields[f] = g_strdup (item->data.fields[f]);
    }
  for (guint t = 0; t < JP_N_TEXTS; t++)
    for (guint l = 0; l < JP_N_LANGS; l++)
      {
        g_free (r->texts[t][l]);
        r->texts[t][l] = g_strdup (item->data.texts[t][l]);
      }
  g_clear_pointer (&r->areas, g_strfreev);
  if (item->areas)
    {
      r->areas = g_new0 (char *, item->areas->len + 1);
      for (guint a = 0; a < item->areas->len; a++)
        r->areas[a] = g_strdup (item->areas->pdata[a]);
    }
}

/* Writes the entries under @e as records, parents first. */
static void
emit (LeaveOut *lo,
      Entry    *e,
      GArray   *out,
      int       parent,
      guint     position)
{
  JpRecord r = { 0, };
  int index;

  if (e->record >= 0)
    {
      /* The record's strings move over. */
      JpRecord *old = &g_array_index (lo->reader->records, JpRecord, e->record);

      r = *old;
      memset (old, 0, sizeof *old);
    }
  else
    r.uid = g_strdup (e->item->data.uid);
  if (e->keep_db)
    copy_item (&r, e->item);
  r.parent = parent;
  /* The scope's own place is the caller's. */
  if (parent >= 0)
    r.position = position;
  r.id = 0;
  r.moved = FALSE;
  g_array_append_val (out, r);
  index = out->len - 1;
  for (guint i = 0; i < e->kids->len; i++)
    emit (lo, e->kids->pdata[i], out, index, i);
}

static gboolean
any_left_out (GHashTable *choices)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, choices);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (GPOINTER_TO_INT (value) == JP_CHOICE_LEAVE_OUT)
      return TRUE;
  return FALSE;
}

void
_jp_xml_leave_out (JpXmlReader *reader,
                   JpSnapshot  *existing,
                   GHashTable  *choices)
{
  GArray *records = reader->records;
  g_autoptr(GPtrArray) homeless = g_ptr_array_new ();
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autofree Entry **of_record = NULL;
  GArray *out;
  LeaveOut lo = { reader, choices, NULL, NULL, NULL, NULL };

  if (choices == NULL || records->len == 0 || !any_left_out (choices))
    return;
  lo.by_uid = items_by_uid (existing);
  lo.entries = g_hash_table_new (g_str_hash, g_str_equal);
  lo.all = g_ptr_array_new_with_free_func (entry_free);

  /* The tree the records make. */
  of_record = g_new0 (Entry *, records->len);
  for (guint i = 0; i < records->len; i++)
    {
      JpRecord *r = &g_array_index (records, JpRecord, i);

      of_record[i] = entry_new (&lo, r->uid, i, g_hash_table_lookup (lo.by_uid, r->uid));
      if (r->parent >= 0)
        {
          of_record[i]->parent = of_record[r->parent];
          g_ptr_array_add (of_record[r->parent]->kids, of_record[i]);
        }
      if (of_record[i]->item == NULL && i > 0 && left_out (&lo, r->uid))
        g_ptr_array_add (added, of_record[i]);
    }
  lo.root = of_record[0];

  /* Added items left out, topmost first (a parent before its items). */
  for (guint i = 0; i < added->len; i++)
    {
      Entry *e = added->pdata[i];

      if (g_hash_table_lookup (lo.entries, e->uid) != e)
        continue;   /* gone with an item above it */
      detach (e);
      drop (&lo, e, homeless);
    }
  if (existing->root)
    keep_database_side (&lo, existing->root);
  for (guint i = 0; i < homeless->len; i++)
    if (!place_as_in_database (&lo, homeless->pdata[i]))
      g_hash_table_remove (lo.entries, ((Entry *) homeless->pdata[i])->uid);

  out = g_array_new (FALSE, TRUE, sizeof (JpRecord));
  g_array_set_clear_func (out, _jp_xml_record_clear);
  emit (&lo, lo.root, out, -1, 0);

  g_hash_table_remove_all (reader->uids);
  g_array_unref (reader->records);
  reader->records = out;
  for (guint i = 0; i < out->len; i++)
    g_hash_table_insert (reader->uids, g_array_index (out, JpRecord, i).uid, GINT_TO_POINTER ((int) i));

  free_entries (&lo);
  g_hash_table_unref (lo.by_uid);
}

/* ---------------------------------------------------------------- the record kept */

static void
sent_set (GArray         *fps,
          GHashTable     *index,
          JpSnapshotItem *item)
{
  JpExchangeView v = _jp_exchange_existing_view (item, item->parent ? item->parent->data.uid : NULL);
  gpointer at;
  JpXmlSent s = { 0, };

  s.uid = g_strdup (item->data.uid);
  s.parent = g_strdup (v.parent);
  s.fp = g_malloc (JP_FINGERPRINT_LEN + 1);
  _jp_exchange_view_fingerprint (&v, s.fp);
  if (g_hash_table_lookup_extended (index, item->data.uid, NULL, &at))
    {
      JpXmlSent *old = &g_array_index (fps, JpXmlSent, GPOINTER_TO_UINT (at));

      _jp_xml_sent_clear (old);
      *old = s;
      return;
    }
  g_array_append_val (fps, s);
  g_hash_table_insert (index, g_array_index (fps, JpXmlSent, fps->len - 1).uid, GUINT_TO_POINTER (fps->len - 1));
  /* What was under a removed item stays with it. */
  for (guint i = 0; i < item->children->len; i++)
    sent_set (fps, index, item->children->pdata[i]);
}

void
_jp_xml_leave_out_fingerprints (GArray      *fps,
                                JpSnapshot  *existing,
                                GHashTable  *choices)
{
  g_autoptr(GHashTable) by_uid = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GHashTable) gone = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (choices == NULL || !any_left_out (choices))
    return;
  by_uid = items_by_uid (existing);
  index = g_hash_table_new (g_str_hash, g_str_equal);
  gone = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < fps->len; i++)
    g_hash_table_insert (index, g_array_index (fps, JpXmlSent, i).uid, GUINT_TO_POINTER (i));

  g_hash_table_iter_init (&iter, choices);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JpSnapshotItem *item;

      if (GPOINTER_TO_INT (value) != JP_CHOICE_LEAVE_OUT)
        continue;
      item = g_hash_table_lookup (by_uid, key);
      if (item)
        sent_set (fps, index, item);
      else if (g_hash_table_contains (index, key))
        g_hash_table_add (gone, key);
    }
  if (g_hash_table_size (gone) == 0)
    return;
  /* An added item left out, and what is under it: parents come first. */
  for (guint i = 0; i < fps->len; i++)
    {
      JpXmlSent *s = &g_array_index (fps, JpXmlSent, i);

      if (s->parent && g_hash_table_contains (gone, s->parent))
        g_hash_table_add (gone, s->uid);
    }
  for (guint i = fps->len; i > 0; i--)
    if (g_hash_table_contains (gone, g_array_index (fps, JpXmlSent, i - 1).uid))
      g_array_remove_index (fps, i - 1);
}
