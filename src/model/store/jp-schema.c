/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-schema"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "model/store/jp-schema.h"

/* Every table change is logged by triggers as the statement that reverts
 * it, while undo_state.active is set; replaying a step's statements in
 * reverse order undoes it (and logs the redo).  Foreign keys are deferred
 * so that replay order never trips them. */
#define UNDO_TARGET "INSERT INTO undo_log (stack, step, sql) SELECT stack, step, "

static const char migration_1[] =
  "CREATE TABLE item ("
  "  id          INTEGER PRIMARY KEY,"
  "  uid         TEXT NOT NULL UNIQUE,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('plan','programme','part','area','chapter','section',"
  "                                  'objective','project','item','group','contacts','team','subject','contact')),"
  "  parent      INTEGER REFERENCES item (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,"
  "  position    INTEGER NOT NULL DEFAULT 0,"
  "  phase       TEXT CHECK (phase IN ('ongoing','new')),"
  "  status      TEXT CHECK (status IN ('planned','in-progress','done','postponed','dropped')),"
  "  number      TEXT,"
  "  code        TEXT,"
  "  person      TEXT,"
  "  email       TEXT,"
  "  phone       TEXT,"
  "  valid_from  TEXT CHECK (valid_from IS NULL OR date (valid_from) = valid_from),"
  "  valid_until TEXT CHECK (valid_until IS NULL OR date (valid_until) = valid_until),"
  "  team        TEXT,"
  "  revision    INTEGER NOT NULL DEFAULT 1,"
  "  CHECK ((kind = 'plan') = (parent IS NULL))"
  ");"
  "CREATE INDEX item_by_parent ON item (parent, position);"
  "CREATE TABLE text ("
  "  id    INTEGER PRIMARY KEY,"
  "  item  INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,"
  "  field TEXT NOT NULL CHECK (field IN ('title','text','note','ambition','legitimation','reference')),"
  "  lang  TEXT NOT NULL CHECK (lang IN ('nl','fr')),"
  "  value TEXT NOT NULL,"
  "  UNIQUE (item, field, lang)"
  ");"
  "CREATE TABLE link ("
  "  section INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,"
  "  area    INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,"
  "  PRIMARY KEY (section, area)"
  ") WITHOUT ROWID;"
  "CREATE INDEX link_by_area ON link (area, section);"

  /* Full-text search, kept in step with the tables by triggers. */
  "CREATE VIRTUAL TABLE text_fts USING fts5 (value, content='text', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');"
  "CREATE VIRTUAL TABLE item_fts USING fts5 (code, person, email, content='item', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER text_fts_i AFTER INSERT ON text BEGIN"
  "  INSERT INTO text_fts (rowid, value) VALUES (new.id, new.value); END;"
  "CREATE TRIGGER text_fts_d AFTER DELETE ON text BEGIN"
  "  INSERT INTO text_fts (text_fts, rowid, value) VALUES ('delete', old.id, old.value); END;"
  "CREATE TRIGGER text_fts_u AFTER UPDATE ON text BEGIN"
  "  INSERT INTO text_fts (text_fts, rowid, value) VALUES ('delete', old.id, old.value);"
  "  INSERT INTO text_fts (rowid, value) VALUES (new.id, new.value); END;"
  "CREATE TRIGGER item_fts_i AFTER INSERT ON item BEGIN"
  "  INSERT INTO item_fts (rowid, code, person, email) VALUES (new.id, new.code, new.person, new.email); END;"
  "CREATE TRIGGER item_fts_d AFTER DELETE ON item BEGIN"
  "  INSERT INTO item_fts (item_fts, rowid, code, person, email)"
  "    VALUES ('delete', old.id, old.code, old.person, old.email); END;"
  "CREATE TRIGGER item_fts_u AFTER UPDATE OF code, person, email ON item BEGIN"
  "  INSERT INTO item_fts (item_fts, rowid, code, person, email)"
  "    VALUES ('delete', old.id, old.code, old.person, old.email);"
  "  INSERT INTO item_fts (rowid, code, person, email) VALUES (new.id, new.code, new.person, new.email); END;"

  /* Undo and redo. stack: 0 undo, 1 redo. */
  "CREATE TABLE undo_log ("
  "  seq   INTEGER PRIMARY KEY,"
  "  stack INTEGER NOT NULL,"
  "  step  INTEGER NOT NULL,"
  "  sql   TEXT NOT NULL"
  ");"
  "CREATE INDEX undo_log_by_step ON undo_log (stack, step);"
  "CREATE TABLE undo_state ("
  "  id     INTEGER PRIMARY KEY CHECK (id = 1),"
  "  active INTEGER NOT NULL,"
  "  stack  INTEGER NOT NULL,"
  "  step   INTEGER NOT NULL"
  ");"
  "INSERT INTO undo_state VALUES (1, 0, 0, 0);"

  "CREATE TRIGGER item_undo_i AFTER INSERT ON item WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'DELETE FROM item WHERE id=' || new.id FROM undo_state; END;"
  "CREATE TRIGGER item_undo_d BEFORE DELETE ON item WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'INSERT INTO item (id,uid,kind,parent,position,phase,status,number,code,person,email,"
  "phone,valid_from,valid_until,team,revision) VALUES (' || old.id || ',' || quote (old.uid) || ',' ||"
  " quote (old.kind) || ',' || quote (old.parent) || ',' || old.position || ',' || quote (old.phase) || ',' ||"
  " quote (old.status) || ',' || quote (old.number) || ',' || quote (old.code) || ',' || quote (old.person) ||"
  " ',' || quote (old.email) || ',' || quote (old.phone) || ',' || quote (old.valid_from) || ',' ||"
  " quote (old.valid_until) || ',' || quote (old.team) || ',' || old.revision || ')' FROM undo_state; END;"
  "CREATE TRIGGER item_undo_u AFTER UPDATE ON item WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'UPDATE item SET uid=' || quote (old.uid) || ',parent=' || quote (old.parent) ||"
  " ',position=' || old.position || ',phase=' || quote (old.phase) || ',status=' || quote (old.status) ||"
  " ',number=' || quote (old.number) || ',code=' || quote (old.code) || ',person=' || quote (old.person) ||"
  " ',email=' || quote (old.email) || ',phone=' || quote (old.phone) || ',valid_from=' || quote (old.valid_from) ||"
  " ',valid_until=' || quote (old.valid_until) || ',team=' || quote (old.team) ||"
  " ',revision=' || old.revision || ' WHERE id=' || old.id FROM undo_state; END;"

  "CREATE TRIGGER text_undo_i AFTER INSERT ON text WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'DELETE FROM text WHERE id=' || new.id FROM undo_state; END;"
  "CREATE TRIGGER text_undo_d BEFORE DELETE ON text WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'INSERT INTO text (id,item,field,lang,value) VALUES (' || old.id || ',' || old.item || ',' ||"
  " quote (old.field) || ',' || quote (old.lang) || ',' || quote (old.value) || ')' FROM undo_state; END;"
  "CREATE TRIGGER text_undo_u AFTER UPDATE ON text WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'UPDATE text SET value=' || quote (old.value) || ' WHERE id=' || old.id FROM undo_state; END;"

  "CREATE TRIGGER link_undo_i AFTER INSERT ON link WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'DELETE FROM link WHERE section=' || new.section || ' AND area=' || new.area FROM undo_state; END;"
  "CREATE TRIGGER link_undo_d BEFORE DELETE ON link WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'INSERT INTO link (section,area) VALUES (' || old.section || ',' || old.area || ')'"
  " FROM undo_state; END;";

/* Prefix indexes for the full-text search: a search as you type asks
 * for prefixes of one to three letters, which otherwise scan every
 * token of the index. */
static const char migration_2[] =
  "DROP TABLE text_fts;"
  "CREATE VIRTUAL TABLE text_fts USING fts5 (value, content='text', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');"
  "INSERT INTO text_fts (text_fts) VALUES ('rebuild');"
  "DROP TABLE item_fts;"
  "CREATE VIRTUAL TABLE item_fts USING fts5 (code, person, email, content='item', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');"
  "INSERT INTO item_fts (item_fts) VALUES ('rebuild');";

/* The exchange of chapters and sections (see jp-xml-merge.c).  The
 * database's identity is drawn once.  exchange_record holds every record
 * of what was sent that this database wrote or received, as the files
 * carry it (never changed afterwards).  For this database's own exports,
 * exchange_base holds the other versions a file carrying the record may
 * derive from: each version that came back with it.  Items are one line
 * each: uid, parent uid (empty for the chapter or section itself) and
 * fingerprint, separated by tabs.  exchange_scope says which record the
 * exports of a chapter or section carry again and, for another
 * database's record, the versions its content derives from (hashes of
 * items, newest first).  Bases and scopes follow
 * undo and redo with the import that changed them. */
static const char migration_3[] =
  "CREATE TABLE exchange_self ("
  "  id     INTEGER PRIMARY KEY CHECK (id = 1),"
  "  origin TEXT NOT NULL"
  ");"
  "INSERT INTO exchange_self VALUES (1, lower (hex (randomblob (16))));"
  "CREATE TABLE exchange_record ("
  "  export TEXT PRIMARY KEY,"
  "  origin TEXT NOT NULL,"
  "  scope  TEXT NOT NULL,"
  "  items  TEXT NOT NULL"
  ");"
  "CREATE TABLE exchange_base ("
  "  export TEXT NOT NULL REFERENCES exchange_record (export),"
  "  seq    INTEGER NOT NULL,"
  "  items  TEXT NOT NULL,"
  "  PRIMARY KEY (export, seq)"
  ");"
  "CREATE TABLE exchange_scope ("
  "  scope  TEXT PRIMARY KEY,"
  "  export TEXT NOT NULL REFERENCES exchange_record (export),"
  "  since  TEXT NOT NULL DEFAULT ''"
  ");"

  "CREATE TRIGGER exchange_base_undo_i AFTER INSERT ON exchange_base WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'DELETE FROM exchange_base WHERE export=' || quote (new.export) || ' AND seq=' || new.seq"
  " FROM undo_state; END;"
  "CREATE TRIGGER exchange_base_undo_d BEFORE DELETE ON exchange_base WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'INSERT INTO exchange_base (export,seq,items) VALUES (' || quote (old.export) || ',' ||"
  " old.seq || ',' || quote (old.items) || ')' FROM undo_state; END;"
  "CREATE TRIGGER exchange_scope_undo_i AFTER INSERT ON exchange_scope WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'DELETE FROM exchange_scope WHERE scope=' || quote (new.scope) FROM undo_state; END;"
  "CREATE TRIGGER exchange_scope_undo_d BEFORE DELETE ON exchange_scope WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'INSERT INTO exchange_scope (scope,export,since) VALUES (' || quote (old.scope) || ',' ||"
  " quote (old.export) || ',' || quote (old.since) || ')' FROM undo_state; END;"
  "CREATE TRIGGER exchange_scope_undo_u AFTER UPDATE ON exchange_scope WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'UPDATE exchange_scope SET export=' || quote (old.export) || ',since=' || quote (old.since) ||"
  " ' WHERE scope=' || quote (old.scope) FROM undo_state; END;";

/* What each step of undo did, noted when it is made so that taking it
 * back can say what it takes back: one row per step of either stack,
 * moved with the step from one stack to the other (see JpChangeKind). */
static const char migration_4[] =
  "CREATE TABLE undo_note ("
  "  stack  INTEGER NOT NULL,"
  "  step   INTEGER NOT NULL,"
  "  change INTEGER NOT NULL,"
  "  item   INTEGER NOT NULL DEFAULT 0,"
  "  parent INTEGER NOT NULL DEFAULT 0,"
  "  detail INTEGER NOT NULL DEFAULT 0,"
  "  label  TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (stack, step)"
  ");";

/* ------------------------------------------------ search inside words */

/* Matches inside words: Dutch writes compounds ("carrouselfraude"), so
 * a search of three letters or more also looks for the letters anywhere
 * in a word of a title, code or contact, through trigram indexes beside
 * the word indexes.  The word
 * index of the items now holds the phone of a contact too, so that
 * every field of the contacts is searched (the titles of teams and
 * subject lines are texts). */
#define SEARCH_ITEM_COLUMNS "code, person, email, phone"
#define SEARCH_ITEM_NEW "new.code, new.person, new.email, new.phone"
#define SEARCH_ITEM_OLD "old.code, old.person, old.email, old.phone"

static const char migration_5[] =
  "DROP TRIGGER item_fts_i;"
  "DROP TRIGGER item_fts_d;"
  "DROP TRIGGER item_fts_u;"
  "DROP TABLE item_fts;"
  "CREATE VIRTUAL TABLE item_fts USING fts5 (" SEARCH_ITEM_COLUMNS ", content='item', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');"
  "INSERT INTO item_fts (item_fts) VALUES ('rebuild');"
  "CREATE TRIGGER item_fts_i AFTER INSERT ON item BEGIN"
  "  INSERT INTO item_fts (rowid, " SEARCH_ITEM_COLUMNS ") VALUES (new.id, " SEARCH_ITEM_NEW "); END;"
  "CREATE TRIGGER item_fts_d AFTER DELETE ON item BEGIN"
  "  INSERT INTO item_fts (item_fts, rowid, " SEARCH_ITEM_COLUMNS ")"
  "    VALUES ('delete', old.id, " SEARCH_ITEM_OLD "); END;"
  "CREATE TRIGGER item_fts_u AFTER UPDATE OF " SEARCH_ITEM_COLUMNS " ON item BEGIN"
  "  INSERT INTO item_fts (item_fts, rowid, " SEARCH_ITEM_COLUMNS ")"
  "    VALUES ('delete', old.id, " SEARCH_ITEM_OLD ");"
  "  INSERT INTO item_fts (rowid, " SEARCH_ITEM_COLUMNS ") VALUES (new.id, " SEARCH_ITEM_NEW "); END;"

  /* Titles only: they are what the tree shows, and an index of every
   * text would make a search of common letters read too much. */
  "CREATE VIRTUAL TABLE text_tri USING fts5 (value, content='', tokenize='trigram');"
  "INSERT INTO text_tri (rowid, value) SELECT id, value FROM text WHERE field = 'title';"
  "CREATE TRIGGER text_tri_i AFTER INSERT ON text WHEN new.field = 'title' BEGIN"
  "  INSERT INTO text_tri (rowid, value) VALUES (new.id, new.value); END;"
  "CREATE TRIGGER text_tri_d AFTER DELETE ON text WHEN old.field = 'title' BEGIN"
  "  INSERT INTO text_tri (text_tri, rowid, value) VALUES ('delete', old.id, old.value); END;"
  "CREATE TRIGGER text_tri_u AFTER UPDATE OF value ON text WHEN old.field = 'title' BEGIN"
  "  INSERT INTO text_tri (text_tri, rowid, value) VALUES ('delete', old.id, old.value);"
  "  INSERT INTO text_tri (rowid, value) VALUES (new.id, new.value); END;"

  "CREATE VIRTUAL TABLE item_tri USING fts5 (" SEARCH_ITEM_COLUMNS ", content='item', content_rowid='id',"
  "  tokenize='trigram');"
  "INSERT INTO item_tri (item_tri) VALUES ('rebuild');"
  "CREATE TRIGGER item_tri_i AFTER INSERT ON item BEGIN"
  "  INSERT INTO item_tri (rowid, " SEARCH_ITEM_COLUMNS ") VALUES (new.id, " SEARCH_ITEM_NEW "); END;"
  "CREATE TRIGGER item_tri_d AFTER DELETE ON item BEGIN"
  "  INSERT INTO item_tri (item_tri, rowid, " SEARCH_ITEM_COLUMNS ")"
  "    VALUES ('delete', old.id, " SEARCH_ITEM_OLD "); END;"
  "CREATE TRIGGER item_tri_u AFTER UPDATE OF " SEARCH_ITEM_COLUMNS " ON item BEGIN"
  "  INSERT INTO item_tri (item_tri, rowid, " SEARCH_ITEM_COLUMNS ")"
  "    VALUES ('delete', old.id, " SEARCH_ITEM_OLD ");"
  "  INSERT INTO item_tri (rowid, " SEARCH_ITEM_COLUMNS ") VALUES (new.id, " SEARCH_ITEM_NEW "); END;";

/* ------------------------------------------------------------ the years */

/* Several yearly plans in one file: each year is a root of kind 'plan'
 * whose number is its year, holding its own tree (programme, chapters,
 * contacts).  A file of one plan made before holds the plan of 2013.
 * continuation links an item of a year made from the last one to the
 * item it continues (see jp_database_new_plan()). */
static const char migration_6[] =
  "UPDATE item SET number = '2013' WHERE kind = 'plan' AND (number IS NULL OR trim (number) = '');"
  "CREATE TABLE continuation ("
  "  item     INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,"
  "  previous INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED"
  ");"
  "CREATE TRIGGER continuation_undo_i AFTER INSERT ON continuation WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'DELETE FROM continuation WHERE item=' || new.item FROM undo_state; END;"
  "CREATE TRIGGER continuation_undo_d BEFORE DELETE ON continuation WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'INSERT INTO continuation (item,previous) VALUES (' || old.item || ',' || old.previous || ')'"
  " FROM undo_state; END;";

/* ------------------------------------------------ progress through the year */

/* A project's progress: a bilingual text "progress" and the date it was
 * last brought up to date (progress_date, set by the store when the
 * progress or the status changes).  The text table takes the new field
 * in its CHECK, which SQLite can only change by making the table anew:
 * the rows keep their ids, so the full-text indexes stay as they are,
 * and the triggers that went with the old table are made again.  The
 * undo triggers of the item table carry the new column.  (Numbered 7:
 * 6 is the plans of several years.) */
static const char migration_7[] =
  "CREATE TABLE text_new ("
  "  id    INTEGER PRIMARY KEY,"
  "  item  INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,"
  "  field TEXT NOT NULL CHECK (field IN ('title','text','note','ambition','legitimation','reference',"
  "                                      'progress')),"
  "  lang  TEXT NOT NULL CHECK (lang IN ('nl','fr')),"
  "  value TEXT NOT NULL,"
  "  UNIQUE (item, field, lang)"
  ");"
  "INSERT INTO text_new (id, item, field, lang, value) SELECT id, item, field, lang, value FROM text;"
  "DROP TABLE text;"
  "ALTER TABLE text_new RENAME TO text;"
  "CREATE TRIGGER text_fts_i AFTER INSERT ON text BEGIN"
  "  INSERT INTO text_fts (rowid, value) VALUES (new.id, new.value); END;"
  "CREATE TRIGGER text_fts_d AFTER DELETE ON text BEGIN"
  "  INSERT INTO text_fts (text_fts, rowid, value) VALUES ('delete', old.id, old.value); END;"
  "CREATE TRIGGER text_fts_u AFTER UPDATE ON text BEGIN"
  "  INSERT INTO text_fts (text_fts, rowid, value) VALUES ('delete', old.id, old.value);"
  "  INSERT INTO text_fts (rowid, value) VALUES (new.id, new.value); END;"
  "CREATE TRIGGER text_tri_i AFTER INSERT ON text WHEN new.field = 'title' BEGIN"
  "  INSERT INTO text_tri (rowid, value) VALUES (new.id, new.value); END;"
  "CREATE TRIGGER text_tri_d AFTER DELETE ON text WHEN old.field = 'title' BEGIN"
  "  INSERT INTO text_tri (text_tri, rowid, value) VALUES ('delete', old.id, old.value); END;"
  "CREATE TRIGGER text_tri_u AFTER UPDATE OF value ON text WHEN old.field = 'title' BEGIN"
  "  INSERT INTO text_tri (text_tri, rowid, value) VALUES ('delete', old.id, old.value);"
  "  INSERT INTO text_tri (rowid, value) VALUES (new.id, new.value); END;"
  "CREATE TRIGGER text_undo_i AFTER INSERT ON text WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'DELETE FROM text WHERE id=' || new.id FROM undo_state; END;"
  "CREATE TRIGGER text_undo_d BEFORE DELETE ON text WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'INSERT INTO text (id,item,field,lang,value) VALUES (' || old.id || ',' || old.item || ',' ||"
  " quote (old.field) || ',' || quote (old.lang) || ',' || quote (old.value) || ')' FROM undo_state; END;"
  "CREATE TRIGGER text_undo_u AFTER UPDATE ON text WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'UPDATE text SET value=' || quote (old.value) || ' WHERE id=' || old.id FROM undo_state; END;"

  "ALTER TABLE item ADD COLUMN progress_date TEXT"
  "  CHECK (progress_date IS NULL OR date (progress_date) = progress_date);"
  "DROP TRIGGER item_undo_d;"
  "DROP TRIGGER item_undo_u;"
  "CREATE TRIGGER item_undo_d BEFORE DELETE ON item WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'INSERT INTO item (id,uid,kind,parent,position,phase,status,number,code,person,email,"
  "phone,valid_from,valid_until,team,progress_date,revision) VALUES (' || old.id || ',' || quote (old.uid) ||"
  " ',' || quote (old.kind) || ',' || quote (old.parent) || ',' || old.position || ',' || quote (old.phase) ||"
  " ',' || quote (old.status) || ',' || quote (old.number) || ',' || quote (old.code) || ',' ||"
  " quote (old.person) || ',' || quote (old.email) || ',' || quote (old.phone) || ',' ||"
  " quote (old.valid_from) || ',' || quote (old.valid_until) || ',' || quote (old.team) || ',' ||"
  " quote (old.progress_date) || ',' || old.revision || ')' FROM undo_state; END;"
  "CREATE TRIGGER item_undo_u AFTER UPDATE ON item WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'UPDATE item SET uid=' || quote (old.uid) || ',parent=' || quote (old.parent) ||"
  " ',position=' || old.position || ',phase=' || quote (old.phase) || ',status=' || quote (old.status) ||"
  " ',number=' || quote (old.number) || ',code=' || quote (old.code) || ',person=' || quote (old.person) ||"
  " ',email=' || quote (old.email) || ',phone=' || quote (old.phone) || ',valid_from=' || quote (old.valid_from) ||"
  " ',valid_until=' || quote (old.valid_until) || ',team=' || quote (old.team) ||"
  " ',progress_date=' || quote (old.progress_date) ||"
  " ',revision=' || old.revision || ' WHERE id=' || old.id FROM undo_state; END;";

/* ------------------------------------------------------- a closed year */

/* A year whose plan is closed (its plan's root in year_closed) is read
 * only: the store refuses every edit and import of its items until it
 * is reopened.  A table of its own, as continuation, so that item and
 * its undo triggers stay as they are; closing and reopening are steps
 * of undo like any change. */
static const char migration_8[] =
  "CREATE TABLE year_closed ("
  "  plan INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED"
  ");"
  "CREATE TRIGGER year_closed_undo_i AFTER INSERT ON year_closed WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'DELETE FROM year_closed WHERE plan=' || new.plan FROM undo_state; END;"
  "CREATE TRIGGER year_closed_undo_d BEFORE DELETE ON year_closed WHEN (SELECT active FROM undo_state) BEGIN "
  UNDO_TARGET "'INSERT INTO year_closed (plan) VALUES (' || old.plan || ')' FROM undo_state; END;";

/* ------------------------------------------------------------ the history */

/* Every change to an item's values, texts, place and areas, with when
 * and by whom (see jp-history.h), written by triggers while a step of
 * undo is being made (so not the first import of the bundled plan,
 * which is the start).  A row per change: item, kind (a JpChangeKind),
 * detail (as JpChange: a text's field × 2 + language, a JpField, an
 * added or removed item's JpKind, a link's area id), the values before
 * and after; an added or removed item's values are a JSON object, a
 * move's the parent and position.  step is the undo step that made the
 * change while it can be undone or redone (on the undo stack while
 * undone is 0, on the redo stack while it is 1; NULL once the step has
 * gone); undo and redo mark their step's rows and move them along.
 * What undo and redo write themselves is kept with replay set (and no
 * step): the plan at any point is the plan now with every later row
 * taken back.  history_state holds who the changes are made by and the
 * file they came from, written at the start of each step; the versions
 * are named points (seq) of the history. */
#define HISTORY_ROW \
  "INSERT INTO history (step, time, who, source, item, kind, detail, old_value, new_value, replay)" \
  " SELECT CASE WHEN h.replay THEN NULL ELSE u.step END, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')," \
  " h.author, h.source, "
#define HISTORY_FROM " FROM undo_state u, history_state h"
#define HISTORY_WHEN " WHEN (SELECT active FROM undo_state) BEGIN "
#define KIND_NUMBER(x) \
  "CASE " x " WHEN 'plan' THEN 0 WHEN 'programme' THEN 1 WHEN 'part' THEN 2 WHEN 'area' THEN 3" \
  " WHEN 'chapter' THEN 4 WHEN 'section' THEN 5 WHEN 'objective' THEN 6 WHEN 'project' THEN 7" \
  " WHEN 'item' THEN 8 WHEN 'group' THEN 9 WHEN 'contacts' THEN 10 WHEN 'team' THEN 11" \
  " WHEN 'subject' THEN 12 ELSE 13 END"
#define ITEM_JSON(r) \
  "json_object ('uid', " r ".uid, 'kind', " r ".kind, 'parent', " r ".parent, 'position', " r ".position," \
  " 'phase', " r ".phase, 'status', " r ".status, 'number', " r ".number, 'code', " r ".code," \
  " 'person', " r ".person, 'email', " r ".email, 'phone', " r ".phone, 'valid_from', " r ".valid_from," \
  " 'valid_until', " r ".valid_until, 'team', " r ".team, 'progress_date', " r ".progress_date," \
  " 'revision', " r ".revision)"
#define TEXT_DETAIL(r) \
  "(CASE " r ".field WHEN 'title' THEN 0 WHEN 'text' THEN 1 WHEN 'note' THEN 2 WHEN 'ambition' THEN 3" \
  " WHEN 'legitimation' THEN 4 WHEN 'reference' THEN 5 ELSE 6 END) * 2 + (" r ".lang = 'fr')"
/* A removed area's uid is gone from item by the time its links go. */
#define AREA_UID(x) \
  "coalesce ((SELECT uid FROM item WHERE id = " x "), (SELECT json_extract (old_value, '$.uid') FROM history" \
  " WHERE item = " x " AND kind = 6 ORDER BY seq DESC LIMIT 1))"

static const char migration_9[] =
  "CREATE TABLE history ("
  "  seq       INTEGER PRIMARY KEY,"
  "  step      INTEGER,"
  "  time      TEXT NOT NULL,"
  "  who       TEXT NOT NULL,"
  "  source    TEXT,"
  "  item      INTEGER NOT NULL,"
  "  kind      INTEGER NOT NULL,"
  "  detail    INTEGER NOT NULL,"
  "  old_value TEXT,"
  "  new_value TEXT,"
  "  undone    INTEGER NOT NULL DEFAULT 0,"
  "  replay    INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX history_by_item ON history (item, seq);"
  "CREATE INDEX history_by_step ON history (undone, step) WHERE step IS NOT NULL;"
  "CREATE INDEX history_by_time ON history (time);"
  "CREATE TABLE history_state ("
  "  id     INTEGER PRIMARY KEY CHECK (id = 1),"
  "  author TEXT NOT NULL,"
  "  source TEXT,"
  "  replay INTEGER NOT NULL"
  ");"
  "INSERT INTO history_state VALUES (1, '', NULL, 0);"
  "CREATE TABLE version ("
  "  id    INTEGER PRIMARY KEY,"
  "  kind  INTEGER NOT NULL,"
  "  name  TEXT NOT NULL,"
  "  seq   INTEGER NOT NULL,"
  "  time  TEXT NOT NULL,"
  "  who   TEXT NOT NULL,"
  "  scope TEXT,"
  "  year  INTEGER NOT NULL"
  ");"

  "CREATE TRIGGER item_history_i AFTER INSERT ON item" HISTORY_WHEN
  HISTORY_ROW "new.id, 5, " KIND_NUMBER ("new.kind") ", NULL, " ITEM_JSON ("new") ", h.replay" HISTORY_FROM "; END;"
  "CREATE TRIGGER item_history_d BEFORE DELETE ON item" HISTORY_WHEN
  HISTORY_ROW "old.id, 6, " KIND_NUMBER ("old.kind") ", " ITEM_JSON ("old") ", NULL, h.replay" HISTORY_FROM "; END;"
  "CREATE TRIGGER item_history_u AFTER UPDATE OF parent, position, phase, status, number, code, person, email,"
  " phone, valid_from, valid_until, team, progress_date ON item" HISTORY_WHEN
  HISTORY_ROW "new.id, c.column1, c.column2, c.column3, c.column4, h.replay" HISTORY_FROM ", (VALUES"
  " (7, 0, json_object ('parent', old.parent, 'position', old.position),"
  "  json_object ('parent', new.parent, 'position', new.position)),"
  " (3, 0, old.phase, new.phase), (4, 0, old.status, new.status),"
  " (2, 0, old.number, new.number), (2, 1, old.code, new.code), (2, 2, old.person, new.person),"
  " (2, 3, old.email, new.email), (2, 4, old.phone, new.phone), (2, 5, old.valid_from, new.valid_from),"
  " (2, 6, old.valid_until, new.valid_until), (2, 7, old.team, new.team),"
  " (2, 8, old.progress_date, new.progress_date)) c"
  " WHERE c.column3 IS NOT c.column4; END;"

  "CREATE TRIGGER text_history_i AFTER INSERT ON text" HISTORY_WHEN
  HISTORY_ROW "new.item, 1, " TEXT_DETAIL ("new") ", NULL, new.value, h.replay" HISTORY_FROM "; END;"
  "CREATE TRIGGER text_history_d BEFORE DELETE ON text" HISTORY_WHEN
  HISTORY_ROW "old.item, 1, " TEXT_DETAIL ("old") ", old.value, NULL, h.replay" HISTORY_FROM "; END;"
  "CREATE TRIGGER text_history_u AFTER UPDATE OF value ON text"
  " WHEN old.value IS NOT new.value AND (SELECT active FROM undo_state) BEGIN "
  HISTORY_ROW "new.item, 1, " TEXT_DETAIL ("new") ", old.value, new.value, h.replay" HISTORY_FROM "; END;"

  "CREATE TRIGGER link_history_i AFTER INSERT ON link" HISTORY_WHEN
  HISTORY_ROW "new.section, 8, new.area, NULL, " AREA_UID ("new.area") ", h.replay" HISTORY_FROM "; END;"
  "CREATE TRIGGER link_history_d BEFORE DELETE ON link" HISTORY_WHEN
  HISTORY_ROW "old.section, 8, old.area, " AREA_UID ("old.area") ", NULL, h.replay" HISTORY_FROM "; END;";

/* ------------------------------------------------------ imports in bulk */

/* An import writes its new rows without the per-row work of the insert
 * triggers: while undo_state.bulk is set (inside the import's
 * transaction only), the full-text, undo and history triggers on
 * inserts of items and texts stand aside, and the import then indexes,
 * logs and records every row it added in one statement each
 * (jp_schema_bulk_end).  FTS5 flushes its pending terms at every
 * statement, so a row at a time wrote and merged away a segment per
 * text.  Updates and removals keep their triggers: an import only adds
 * rows while bulk is set. */
#define BULK_OFF "NOT (SELECT bulk FROM undo_state)"
#define BULK_UNDO_WHEN " WHEN (SELECT active AND NOT bulk FROM undo_state) BEGIN "

static const char migration_10[] =
  "ALTER TABLE undo_state ADD COLUMN bulk INTEGER NOT NULL DEFAULT 0;"
  "DROP TRIGGER text_fts_i;"
  "CREATE TRIGGER text_fts_i AFTER INSERT ON text WHEN " BULK_OFF " BEGIN"
  "  INSERT INTO text_fts (rowid, value) VALUES (new.id, new.value); END;"
  "DROP TRIGGER text_tri_i;"
  "CREATE TRIGGER text_tri_i AFTER INSERT ON text WHEN new.field = 'title' AND " BULK_OFF " BEGIN"
  "  INSERT INTO text_tri (rowid, value) VALUES (new.id, new.value); END;"
  "DROP TRIGGER item_fts_i;"
  "CREATE TRIGGER item_fts_i AFTER INSERT ON item WHEN " BULK_OFF " BEGIN"
  "  INSERT INTO item_fts (rowid, " SEARCH_ITEM_COLUMNS ") VALUES (new.id, " SEARCH_ITEM_NEW "); END;"
  "DROP TRIGGER item_tri_i;"
  "CREATE TRIGGER item_tri_i AFTER INSERT ON item WHEN " BULK_OFF " BEGIN"
  "  INSERT INTO item_tri (rowid, " SEARCH_ITEM_COLUMNS ") VALUES (new.id, " SEARCH_ITEM_NEW "); END;"
  "DROP TRIGGER item_undo_i;"
  "CREATE TRIGGER item_undo_i AFTER INSERT ON item" BULK_UNDO_WHEN
  UNDO_TARGET "'DELETE FROM item WHERE id=' || new.id FROM undo_state; END;"
  "DROP TRIGGER text_undo_i;"
  "CREATE TRIGGER text_undo_i AFTER INSERT ON text" BULK_UNDO_WHEN
  UNDO_TARGET "'DELETE FROM text WHERE id=' || new.id FROM undo_state; END;"
  "DROP TRIGGER item_history_i;"
  "CREATE TRIGGER item_history_i AFTER INSERT ON item" BULK_UNDO_WHEN
  HISTORY_ROW "new.id, 5, " KIND_NUMBER ("new.kind") ", NULL, " ITEM_JSON ("new") ", h.replay" HISTORY_FROM "; END;"
  "DROP TRIGGER text_history_i;"
  "CREATE TRIGGER text_history_i AFTER INSERT ON text" BULK_UNDO_WHEN
  HISTORY_ROW "new.item, 1, " TEXT_DETAIL ("new") ", NULL, new.value, h.replay" HISTORY_FROM "; END;";

/* What the insert triggers stood aside for, done for every row above
 * ?1 (items) and ?2 (texts), the highest ids before the import.  The
 * history rows only while undo is logged, as the triggers do. */
const char * const jp_schema_bulk_end[] = {
  "INSERT INTO text_fts (rowid, value) SELECT id, value FROM text WHERE id > ?2",
  "INSERT INTO text_tri (rowid, value) SELECT id, value FROM text WHERE id > ?2 AND field = 'title'",
  "INSERT INTO item_fts (rowid, " SEARCH_ITEM_COLUMNS ") SELECT id, " SEARCH_ITEM_COLUMNS " FROM item WHERE id > ?1",
  "INSERT INTO item_tri (rowid, " SEARCH_ITEM_COLUMNS ") SELECT id, " SEARCH_ITEM_COLUMNS " FROM item WHERE id > ?1",
  HISTORY_ROW "r.id, 5, " KIND_NUMBER ("r.kind") ", NULL, " ITEM_JSON ("r") ", h.replay" HISTORY_FROM ", item r"
  " WHERE u.active AND r.id > ?1 ORDER BY r.id",
  HISTORY_ROW "r.item, 1, " TEXT_DETAIL ("r") ", NULL, r.value, h.replay" HISTORY_FROM ", text r"
  " WHERE u.active AND r.id > ?2 ORDER BY r.id",
};
const guint jp_schema_n_bulk_end = G_N_ELEMENTS (jp_schema_bulk_end);

/* ------------------------------------------------------------------------ */

const char * const jp_schema_migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,

  migration_7,
  migration_8,
  migration_9,
  migration_10,
};

const guint jp_schema_n_migrations = G_N_ELEMENTS (jp_schema_migrations);

/* ------------------------------------------------------ the expected schema */

typedef struct {
  char *type;
  char *name;
  char *sql;    /* whitespace collapsed; NULL for automatic indexes */
  gboolean shadow;
} SchemaEntry;

typedef struct {
  GPtrArray  *entries;   /* SchemaEntry*, in the order they were made */
  GHashTable *by_name;   /* name → SchemaEntry* */
} Schema;

static void
schema_entry_free (gpointer data)
{
  SchemaEntry *entry = data;

  g_free (entry->type);
  g_free (entry->name);
  g_free (entry->sql);
  g_free (entry);
}

/* The text SQLite keeps is the statement as written; only the spacing of
 * a statement spread over lines may differ between equal schemas. */
static char *
normalise_sql (const char *sql)
{
  GString *out;
  gboolean space = FALSE;

  if (sql == NULL)
    return NULL;
  out = g_string_sized_new (strlen (sql));
  for (const char *p = sql; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static int
schema_read (sqlite3 *db,
             Schema  *schema)
{
  sqlite3_stmt *stmt;
  int rc;

  schema->entries = g_ptr_array_new_with_free_func (schema_entry_free);
  schema->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  /* sqlite_stat tables are made by ANALYZE or PRAGMA optimize and are
   * harmless. */
  rc = sqlite3_prepare_v2 (db,
                           "SELECT type, name, sql FROM sqlite_schema"
                           " WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' ORDER BY rowid",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SchemaEntry *entry = g_new0 (SchemaEntry, 1);

      entry->type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->sql = normalise_sql ((const char *) sqlite3_column_text (stmt, 2));
      if (entry->type == NULL || entry->name == NULL)
        {
          schema_entry_free (entry);
          continue;
        }
      g_ptr_array_add (schema->entries, entry);
      g_hash_table_insert (schema->by_name, entry->name, entry);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void
schema_clear (Schema *schema)
{
  g_clear_pointer (&schema->by_name, g_hash_table_unref);
  g_clear_pointer (&schema->entries, g_ptr_array_unref);
}

/* The full-text tables keep their data in shadow tables that SQLite
 * defines itself: another SQLite may word them differently, so only their
 * presence counts. */
static int
mark_shadows (sqlite3 *db,
              Schema  *schema)
{
  sqlite3_stmt *stmt;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SchemaEntry *entry = g_hash_table_lookup (schema->by_name, sqlite3_column_text (stmt, 0));

      if (entry)
        entry->shadow = TRUE;
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The schema of every version, made once per process by running the
 * migrations on an in-memory database: what a file of that version must
 * hold, no more and no less. */
static Schema *
expected_schemas (void)
{
  static gsize schemas = 0;

  if (g_once_init_enter (&schemas))
    {
      Schema *made = g_new0 (Schema, jp_schema_n_migrations + 1);
      sqlite3 *db = NULL;

      if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
        g_error ("An in-memory database cannot be opened: %s", sqlite3_errmsg (db));
      /* One transaction: each statement of schema otherwise commits. */
      sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
      for (guint v = 0; v <= jp_schema_n_migrations; v++)
        {
          if (v > 0 && sqlite3_exec (db, jp_schema_migrations[v - 1], NULL, NULL, NULL) != SQLITE_OK)
            g_error ("Migration %u fails on an empty database: %s", v, sqlite3_errmsg (db));
          if (schema_read (db, &made[v]) != SQLITE_OK || mark_shadows (db, &made[v]) != SQLITE_OK)
            g_error ("The schema of migration %u cannot be read: %s", v, sqlite3_errmsg (db));
        }
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (db);
      g_once_init_leave (&schemas, (gsize) made);
    }
  return (Schema *) schemas;
}

static gpointer
prepare_in_thread (gpointer data)
{
  expected_schemas ();
  return NULL;
}

void
jp_schema_prepare_in_background (void)
{
  g_thread_unref (g_thread_new ("jp-schema", prepare_in_thread, NULL));
}

typedef enum {
  MISSING,
  DIFFERENT,
  UNEXPECTED,
} Problem;

/* Whole phrases, so that each can be translated with its own grammar. */
static char *
describe (Problem            problem,
          const SchemaEntry *entry)
{
  const char *name = entry->name;
  enum { TABLE, INDEX, TRIGGER, OTHER } type;

  type = g_str_equal (entry->type, "table") ? TABLE :
         g_str_equal (entry->type, "index") ? INDEX :
         g_str_equal (entry->type, "trigger") ? TRIGGER : OTHER;
  switch (problem)
    {
    case MISSING:
      switch (type)
        {
        case TABLE:   return g_strdup_printf (_("the table “%s” is missing"), name);
        case INDEX:   return g_strdup_printf (_("the index “%s” is missing"), name);
        case TRIGGER: return g_strdup_printf (_("the trigger “%s” is missing"), name);
        default:      return g_strdup_printf (_("the part “%s” is missing"), name);
        }
    case DIFFERENT:
      switch (type)
        {
        case TABLE:   return g_strdup_printf (_("the table “%s” is not as this version made it"), name);
        case INDEX:   return g_strdup_printf (_("the index “%s” is not as this version made it"), name);
        case TRIGGER: return g_strdup_printf (_("the trigger “%s” is not as this version made it"), name);
        default:      return g_strdup_printf (_("the part “%s” is not as this version made it"), name);
        }
    default:
      switch (type)
        {
        case TABLE:   return g_strdup_printf (_("it holds a table “%s” that this version did not make"), name);
        case INDEX:   return g_strdup_printf (_("it holds an index “%s” that this version did not make"), name);
        case TRIGGER: return g_strdup_printf (_("it holds a trigger “%s” that this version did not make"), name);
        default:      return g_strdup_printf (_("it holds a part “%s” that this version did not make"), name);
        }
    }
}

/* @a is the expected entry. */
static gboolean
same_entry (const SchemaEntry *a,
            const SchemaEntry *b)
{
  return g_strcmp0 (a->type, b->type) == 0 && (a->shadow || g_strcmp0 (a->sql, b->sql) == 0);
}

int
jp_schema_compare (sqlite3  *db,
                   guint     version,
                   char    **problem)
{
  const Schema *expected;
  Schema found = { 0, };
  int rc;

  g_return_val_if_fail (version <= jp_schema_n_migrations, SQLITE_MISUSE);
  g_return_val_if_fail (problem != NULL && *problem == NULL, SQLITE_MISUSE);

  expected = &expected_schemas ()[version];
  rc = schema_read (db, &found);
  if (rc != SQLITE_OK)
    {
      schema_clear (&found);
      return rc;
    }

  /* What is missing is named first: it says best what went wrong. */
  for (guint i = 0; i < expected->entries->len && *problem == NULL; i++)
    {
      const SchemaEntry *want = expected->entries->pdata[i];
      const SchemaEntry *have = g_hash_table_lookup (found.by_name, want->name);

      if (have == NULL)
        *problem = describe (MISSING, want);
    }
  for (guint i = 0; i < found.entries->len && *problem == NULL; i++)
    {
      const SchemaEntry *have = found.entries->pdata[i];
      const SchemaEntry *want = g_hash_table_lookup (expected->by_name, have->name);

      if (want == NULL)
        *problem = describe (UNEXPECTED, have);
      else if (!same_entry (want, have))
        *problem = describe (DIFFERENT, want);
    }
  schema_clear (&found);
  return SQLITE_OK;
}
