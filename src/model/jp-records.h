/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-types.h"

G_BEGIN_DECLS

/* One item as a plan file gives it: what the reader produces, what the
 * merge rearranges and what the store writes over a scope. */
typedef struct {
  JpKind      kind;
  char       *uid;
  int         parent;       /* index of the parent record, -1 for the top */
  guint       position;
  int         line;
  JpPhase     phase;
  JpStatus    status;
  char       *fields[JP_N_FIELDS];
  char       *texts[JP_N_TEXTS][JP_N_LANGS];
  char      **areas;        /* a section's policy areas (uids) */
  gint64      id;           /* in the database, once known */
  gboolean    moved;        /* changed place among its siblings */
} JpRecord;

G_END_DECLS
