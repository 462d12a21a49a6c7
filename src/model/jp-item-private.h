/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/jp-item.h"

G_BEGIN_DECLS

/* The values of one row, as the database reads them. */
typedef struct {
  gint64    id;
  gint64    parent_id;
  gint64    revision;
  guint     position;
  JpKind    kind;
  JpPhase   phase;
  JpStatus  status;
  char     *uid;
  char     *fields[JP_N_FIELDS];
  char     *texts[JP_N_TEXTS][JP_N_LANGS];
} JpItemData;

void        _jp_item_data_clear     (JpItemData  *data);

JpItem     *_jp_item_new            (JpItemData  *data,
                                     JpLang       lang);
/* Takes the values of @data (which is cleared) and notifies what changed. */
void        _jp_item_update         (JpItem      *self,
                                     JpItemData  *data);
void        _jp_item_set_text       (JpItem      *self,
                                     JpTextField  field,
                                     JpLang       lang,
                                     const char  *value,
                                     gint64       revision);
void        _jp_item_set_lang       (JpItem      *self,
                                     JpLang       lang);
void        _jp_item_set_removed    (JpItem      *self);

G_END_DECLS
