/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-snapshot.h"
#include "model/store/jp-database.h"

G_BEGIN_DECLS

/* The history of the plan: every change to an item's values, texts,
 * place and areas, with when and by whom it was made, kept in the
 * database (table history, from migration 9).  It only grows: undo and
 * redo mark the changes of their step undone or done again, and what
 * they write themselves is kept as well (marked as such), so that the
 * plan can be read as it was at any point of its history.
 *
 * A point of the history is the number (seq) of its last change; a
 * version is a point a person named ("sent to the Committee"), or one the
 * program noted at an export or an import of a chapter or section.  A
 * version costs one row: the plan at that point is the plan now with
 * the changes since taken back. */

typedef struct {
  gint64        seq;        /* increases with every change */
  gint64        item;       /* the item's id */
  JpChangeKind  kind;       /* TEXT, FIELD, PHASE, STATUS, ADD, REMOVE, MOVE, LINK */
  int           detail;     /* as JpChange: a text's field × JP_N_LANGS + language, a JpField */
  char         *old_value;  /* as the file writes it; NULL where there was none */
  char         *new_value;
  GDateTime    *time;       /* UTC */
  char         *who;        /* the account's real name, or the file's author */
  char         *source;     /* the file's name when an import made it, else NULL */
  gboolean      undone;     /* its step was undone (and not redone) */
} JpHistoryEntry;

void        jp_history_entry_free        (JpHistoryEntry *entry);

/* The changes made to the item @id, newest first (not those undo and
 * redo wrote themselves: their step's changes carry the mark; nor a
 * move along its siblings, when one above it came or went).  An added
 * or removed item's values are a JSON object of its columns, a move's
 * {"parent": id, "position": n}, a link's the area's uid. */
GPtrArray  *jp_database_get_item_history (JpDatabase     *self,
                                          gint64          id,
                                          GError        **error);

/* Who the changes made from now on are recorded as: by default the
 * account's real name (g_get_real_name(), else the user name).  An
 * import records the file's author instead when the file names one. */
const char *jp_database_get_author       (JpDatabase     *self);
void        jp_database_set_author       (JpDatabase     *self,
                                          const char     *name);

/* The point the plan is at now, and the last point at or before @time. */
gint64      jp_database_history_now      (JpDatabase     *self);
gint64      jp_database_history_at_time  (JpDatabase     *self,
                                          GDateTime      *time);

typedef enum {
  JP_VERSION_SAVED,         /* named by a person */
  JP_VERSION_EXPORT,        /* a chapter or section (or the plan) was exported */
  JP_VERSION_IMPORT,        /* one came in */
} JpVersionKind;

typedef struct {
  gint64         id;
  JpVersionKind  kind;
  char          *name;      /* as given; for exports and imports the file's name */
  gint64         seq;       /* the point of the history */
  GDateTime     *time;
  char          *who;
  char          *scope;     /* the uid of the chapter or section, or NULL for the plan */
  guint          year;      /* the plan's year it was taken in */
} JpVersion;

void        jp_version_free              (JpVersion      *version);

/* Names the point the plan is at now (one row, no copy of the plan);
 * fails with JP_DATABASE_ERROR_INVALID for an empty name.  Exports of a
 * chapter or section (not the same one sent again) and imports are
 * noted by the exchange as versions of their kind. */
JpVersion  *jp_database_save_version     (JpDatabase     *self,
                                          const char     *name,
                                          GError        **error);
/* The versions of the open year, newest first. */
GPtrArray  *jp_database_list_versions    (JpDatabase     *self,
                                          GError        **error);
/* Fails with JP_DATABASE_ERROR_NOT_FOUND for an unknown @id. */
JpVersion  *jp_database_get_version      (JpDatabase     *self,
                                          gint64          id,
                                          GError        **error);

/* The subtree under @root_id as it was at the point @seq: the plan now,
 * with every change after @seq taken back. */
JpSnapshot *jp_database_load_snapshot_at (JpDatabase     *self,
                                          gint64          root_id,
                                          gint64          seq,
                                          GError        **error);
/* The same on a connection of its own in a thread. */
void        jp_database_load_snapshot_at_async  (JpDatabase          *self,
                                                 gint64               root_id,
                                                 gint64               seq,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
JpSnapshot *jp_database_load_snapshot_at_finish (JpDatabase          *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpHistoryEntry, jp_history_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpVersion, jp_version_free)

G_END_DECLS
