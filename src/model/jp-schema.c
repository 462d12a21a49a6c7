/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "jp-schema"

#include "config.h"

#include "jp-schema.h"

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

const char * const jp_schema_migrations[] = {
  migration_1,
  migration_2,
  migration_3,
};

const guint jp_schema_n_migrations = G_N_ELEMENTS (jp_schema_migrations);
