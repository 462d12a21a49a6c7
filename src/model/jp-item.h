/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "model/jp-types.h"

G_BEGIN_DECLS

#define JP_TYPE_ITEM (jp_item_get_type ())
G_DECLARE_FINAL_TYPE (JpItem, jp_item, JP, ITEM, GObject)

/* A JpItem is the live, shared view of one row of the plan: the database
 * hands out one object per row and keeps it current (properties notify on
 * every change, whoever made it).  Change it through JpDatabase. */

gint64       jp_item_get_id          (JpItem      *self);
const char  *jp_item_get_uid         (JpItem      *self);
JpKind       jp_item_get_kind        (JpItem      *self);
gint64       jp_item_get_parent_id   (JpItem      *self);
guint        jp_item_get_position    (JpItem      *self);
gint64       jp_item_get_revision    (JpItem      *self);
gboolean     jp_item_get_removed     (JpItem      *self);
JpPhase      jp_item_get_phase       (JpItem      *self);
JpStatus     jp_item_get_status      (JpItem      *self);
const char  *jp_item_get_field       (JpItem      *self,
                                      JpField      field);
const char  *jp_item_get_text        (JpItem      *self,
                                      JpTextField  field,
                                      JpLang       lang);
/* The text in @lang, or else in the other language (then *fallback is
 * set to TRUE), or else "". */
const char  *jp_item_get_display_text (JpItem     *self,
                                      JpTextField  field,
                                      JpLang       lang,
                                      gboolean    *fallback);
/* Number and title (or the body's first line, or the person) in the
 * database's display language: what a tree row or a heading shows. */
const char  *jp_item_get_label       (JpItem      *self);
/* How many texts the item holds in one language, and in both. */
void         jp_item_count_texts     (JpItem      *self,
                                      guint       *n_texts,
                                      guint       *n_translated);

G_END_DECLS
