/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/store/jp-connection.h"
#include "model/store/jp-database.h"

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

typedef enum {
  JP_LIST_CHILDREN,
  JP_LIST_AREA_SECTIONS,
  JP_LIST_UNLINKED_SECTIONS,
  JP_LIST_SECTION_AREAS,
} JpListQuery;

JpItemList *_jp_item_list_new       (JpDatabase  *db,
                                     JpListQuery  query,
                                     JpItem      *parent,
                                     guint        kinds);
JpListQuery _jp_item_list_get_query (JpItemList  *self);
gint64      _jp_item_list_get_parent_id (JpItemList *self);
/* Re-reads the list and emits items-changed for the part that differs. */
void        _jp_item_list_refresh   (JpItemList  *self);

/* The database's own connection, for work on the main thread. */
JpConnection *_jp_database_get_connection (JpDatabase *self);

/* Reads the ids of a list's items. */
GArray     *_jp_database_list_ids   (JpDatabase  *self,
                                     JpListQuery  query,
                                     gint64       parent_id,
                                     guint        kinds);


/* Fills a new database: an import that is not a step of undo. */
gboolean    _jp_xml_import_seed     (JpDatabase  *db,
                                     GBytes      *bytes,
                                     const char  *name,
                                     GError     **error);

G_END_DECLS
