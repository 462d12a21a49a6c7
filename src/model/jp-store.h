/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/jp-item.h"
#include "model/jp-snapshot.h"

G_BEGIN_DECLS

/* What the program needs from where the plan is kept.  The SQLite file
 * (JpDatabase) is one store; docs/STORAGE.md says how another maps onto
 * these calls.
 *
 * Signals: ::reloaded after undo, redo, an import or a reload (every
 * live item and list has been re-read); ::structure-changed after items
 * were added, removed or moved anywhere.  Properties: :can-undo and
 * :can-redo. */

/* What the next undo (or redo) takes back: the kind of change, the
 * item it was made to and that item's parent then, a detail by kind
 * (see JpChangeKind) and the item's label then, or the file's name. */
typedef struct {
  JpChangeKind  kind;
  gint64        item;
  gint64        parent;
  int           detail;
  char         *label;
} JpChange;

void        jp_change_clear         (JpChange    *change);

#define JP_TYPE_STORE (jp_store_get_type ())
G_DECLARE_INTERFACE (JpStore, jp_store, JP, STORE, GObject)

struct _JpStoreInterface
{
  GTypeInterface parent_iface;

  JpItem     *(*lookup)          (JpStore     *self,
                                  gint64       id);
  JpItem     *(*lookup_uid)      (JpStore     *self,
                                  const char  *uid);
  JpItem     *(*get_root)        (JpStore     *self);
  GListModel *(*get_children)    (JpStore     *self,
                                  JpItem      *parent,
                                  guint        kinds);
  JpSnapshot *(*load_snapshot)   (JpStore     *self,
                                  gint64       root_id,
                                  GError     **error);

  gboolean    (*begin_step)      (JpStore     *self,
                                  gboolean     log_undo,
                                  GError     **error);
  gboolean    (*commit_step)     (JpStore     *self,
                                  GError     **error);
  void        (*rollback)        (JpStore     *self);
  gboolean    (*claim_revision)  (JpStore     *self,
                                  JpItem      *item,
                                  GError     **error);

  gboolean    (*can_undo)        (JpStore     *self);
  gboolean    (*can_redo)        (JpStore     *self);
  gboolean    (*undo)            (JpStore     *self,
                                  GError     **error);
  gboolean    (*redo)            (JpStore     *self,
                                  GError     **error);
  gboolean    (*get_history)     (JpStore     *self,
                                  gboolean     redo,
                                  JpChange    *change);

  GArray     *(*search)          (JpStore     *self,
                                  const char  *query,
                                  guint        limit,
                                  GError     **error);

  JpLang      (*get_language)   (JpStore     *self);
  JpItem     *(*find_child)     (JpStore     *self,
                                 JpItem      *parent,
                                 JpKind       kind);
  JpItem     *(*find_numbered)  (JpStore     *self,
                                 JpKind       kind,
                                 const char  *number);
  GListModel *(*get_area_sections) (JpStore     *self,
                                    JpItem      *area);
  GListModel *(*get_section_areas) (JpStore     *self,
                                    JpItem      *section);
  gboolean    (*has_children)      (JpStore     *self,
                                    JpItem      *parent,
                                    guint        kinds);
  gboolean    (*has_area_sections) (JpStore     *self,
                                    JpItem      *area);
  guint       (*count_descendants) (JpStore     *self,
                                    JpItem      *item,
                                    guint        kinds);
  guint      *(*count_kinds)       (JpStore      *self,
                                    const gint64 *ids,
                                    guint         n_ids);
  JpItem     *(*add_item)       (JpStore      *self,
                                 JpItem       *parent,
                                 JpKind        kind,
                                 JpItem       *before,
                                 JpPhase       phase,
                                 JpStatus      status,
                                 GError      **error);
  gboolean    (*remove_item)    (JpStore      *self,
                                 JpItem       *item,
                                 GError      **error);
  gboolean    (*move_item)      (JpStore      *self,
                                 JpItem       *item,
                                 JpItem       *parent,
                                 JpItem       *before,
                                 GError      **error);
  gboolean    (*set_text)       (JpStore      *self,
                                 JpItem       *item,
                                 JpTextField   field,
                                 JpLang        lang,
                                 const char   *value,
                                 GError      **error);
  gboolean    (*set_field)      (JpStore      *self,
                                 JpItem       *item,
                                 JpField       field,
                                 const char   *value,
                                 GError      **error);
  gboolean    (*set_status)     (JpStore      *self,
                                 JpItem       *item,
                                 JpStatus      status,
                                 GError      **error);
  gboolean    (*set_phase)      (JpStore      *self,
                                 JpItem       *item,
                                 JpPhase       phase,
                                 GError      **error);
  gboolean    (*set_section_area) (JpStore      *self,
                                   JpItem       *section,
                                   JpItem       *area,
                                   gboolean      linked,
                                   GError      **error);
};

/* The one live JpItem of an item, with its values and texts (a new
 * reference), or NULL. */
JpItem     *jp_store_lookup         (JpStore     *self,
                                     gint64       id);
JpItem     *jp_store_lookup_uid     (JpStore     *self,
                                     const char  *uid);
JpItem     *jp_store_get_root       (JpStore     *self);
/* @item's parent, or NULL for the root. */
JpItem     *jp_store_get_parent     (JpStore     *self,
                                     JpItem      *item);
/* The live list of @parent's children of @kinds (a JP_KIND_MASK() mask;
 * 0: all). */
GListModel *jp_store_get_children   (JpStore     *self,
                                     JpItem      *parent,
                                     guint        kinds);
/* The subtree under @root_id read at once, as plain values. */
JpSnapshot *jp_store_load_snapshot  (JpStore     *self,
                                     gint64       root_id,
                                     GError     **error);

/* One transaction; with @log_undo also one step of undo.  Every write
 * between begin and commit is taken back by one undo. */
gboolean    jp_store_begin_step     (JpStore     *self,
                                     gboolean     log_undo,
                                     GError     **error);
gboolean    jp_store_commit_step    (JpStore     *self,
                                     GError     **error);
void        jp_store_rollback       (JpStore     *self);
/* Inside a step: takes the next revision of @item if nobody changed it
 * since it was read, else fails with JP_DATABASE_ERROR_CONFLICT (or
 * _NOT_FOUND when it was removed). */
gboolean    jp_store_claim_revision (JpStore     *self,
                                     JpItem      *item,
                                     GError     **error);

gboolean    jp_store_can_undo       (JpStore     *self);
gboolean    jp_store_can_redo       (JpStore     *self);
gboolean    jp_store_undo           (JpStore     *self,
                                     GError     **error);
gboolean    jp_store_redo           (JpStore     *self,
                                     GError     **error);
/* Fills @change with what the next undo (@redo: redo) takes back;
 * FALSE when there is nothing to take back.  A step the store has no
 * note of has the kind JP_CHANGE_NONE.  Free with jp_change_clear(). */
gboolean    jp_store_get_history    (JpStore     *self,
                                     gboolean     redo,
                                     JpChange    *change);

/* Full-text search; the ids (gint64) of the matching items (best first
 * when @limit is 0, else the first @limit found, whole words before
 * words that hold the query): the plan's items and the contacts (teams,
 * subject lines, people).  A
 * query whose words have three characters or more also finds them
 * inside the words of titles, codes and contacts ("fraude" in
 * "carrouselfraude"). */
GArray     *jp_store_search         (JpStore     *self,
                                     const char  *query,
                                     guint        limit,
                                     GError     **error);

/* The language labels are shown in (a property of the store, not of
 * what it keeps). */
JpLang      jp_store_get_language   (JpStore     *self);
/* The first child of @parent of @kind, or NULL (e.g. the programme). */
JpItem     *jp_store_find_child     (JpStore     *self,
                                     JpItem      *parent,
                                     JpKind       kind);
/* The item of a numbered @kind numbered @number ("5", "5.7"), or NULL. */
JpItem     *jp_store_find_numbered  (JpStore     *self,
                                     JpKind       kind,
                                     const char  *number);
/* The live list of the sections that serve a policy area; with @area
 * NULL, of the sections that serve none. */
GListModel *jp_store_get_area_sections (JpStore     *self,
                                        JpItem      *area);
/* The live list of the policy areas a section serves. */
GListModel *jp_store_get_section_areas (JpStore     *self,
                                        JpItem      *section);
/* Whether those lists would hold anything, asked without reading them
 * (the sidebar's expanders, for rows most of which are never opened). */
gboolean    jp_store_has_children      (JpStore     *self,
                                        JpItem      *parent,
                                        guint        kinds);
gboolean    jp_store_has_area_sections (JpStore     *self,
                                        JpItem      *area);
/* Number of descendants of @item of the kinds in @kinds. */
guint       jp_store_count_descendants (JpStore     *self,
                                        JpItem      *item,
                                        guint        kinds);
/* The descendants of each of the items @ids by kind, read at once: an
 * array of @n_ids × JP_N_KINDS counts (free with g_free), the counts of
 * @ids[i] from [i × JP_N_KINDS]. */
guint      *jp_store_count_kinds       (JpStore      *self,
                                        const gint64 *ids,
                                        guint         n_ids);

/* Edits.  Each is one step of undo of its own; each checks the item's
 * revision and fails with JP_DATABASE_ERROR_CONFLICT when somebody else
 * changed the item since it was read. */
JpItem     *jp_store_add_item       (JpStore      *self,
                                     JpItem       *parent,
                                     JpKind        kind,
                                     JpItem       *before,
                                     GError      **error);
/* Adds with its first values in the same step: a phased item's @phase
 * (JP_PHASE_NONE: new) and @status (JP_STATUS_NONE: planned when new, in
 * progress when ongoing).  Other kinds take neither. */
JpItem     *jp_store_add_item_full  (JpStore      *self,
                                     JpItem       *parent,
                                     JpKind        kind,
                                     JpItem       *before,
                                     JpPhase       phase,
                                     JpStatus      status,
                                     GError      **error);
gboolean    jp_store_remove_item    (JpStore      *self,
                                     JpItem       *item,
                                     GError      **error);
/* Moves @item under @parent, before @before (NULL: at the end). */
gboolean    jp_store_move_item      (JpStore      *self,
                                     JpItem       *item,
                                     JpItem       *parent,
                                     JpItem       *before,
                                     GError      **error);
/* Consecutive changes of the same text merge into one undo step. */
gboolean    jp_store_set_text       (JpStore      *self,
                                     JpItem       *item,
                                     JpTextField   field,
                                     JpLang        lang,
                                     const char   *value,
                                     GError      **error);
gboolean    jp_store_set_field      (JpStore      *self,
                                     JpItem       *item,
                                     JpField       field,
                                     const char   *value,
                                     GError      **error);
gboolean    jp_store_set_status     (JpStore      *self,
                                     JpItem       *item,
                                     JpStatus      status,
                                     GError      **error);
gboolean    jp_store_set_phase      (JpStore      *self,
                                     JpItem       *item,
                                     JpPhase       phase,
                                     GError      **error);
gboolean    jp_store_set_section_area (JpStore      *self,
                                       JpItem       *section,
                                       JpItem       *area,
                                       gboolean      linked,
                                       GError      **error);

/* For stores: tell the program what changed. */
void        jp_store_emit_reloaded  (JpStore     *self);
void        jp_store_emit_structure_changed (JpStore *self);

G_END_DECLS
