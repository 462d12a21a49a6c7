-- SPDX-License-Identifier: GPL-3.0-or-later
-- Takes a database of schema 7 back to what schema 6 made: no progress
-- text, no progress_date column (for the migration tests).
PRAGMA foreign_keys = OFF;
DROP TRIGGER item_undo_d;
DROP TRIGGER item_undo_u;
ALTER TABLE item DROP COLUMN progress_date;
CREATE TRIGGER item_undo_d BEFORE DELETE ON item WHEN (SELECT active FROM undo_state) BEGIN INSERT INTO undo_log (stack, step, sql) SELECT stack, step, 'INSERT INTO item (id,uid,kind,parent,position,phase,status,number,code,person,email,phone,valid_from,valid_until,team,revision) VALUES (' || old.id || ',' || quote (old.uid) || ',' || quote (old.kind) || ',' || quote (old.parent) || ',' || old.position || ',' || quote (old.phase) || ',' || quote (old.status) || ',' || quote (old.number) || ',' || quote (old.code) || ',' || quote (old.person) || ',' || quote (old.email) || ',' || quote (old.phone) || ',' || quote (old.valid_from) || ',' || quote (old.valid_until) || ',' || quote (old.team) || ',' || old.revision || ')' FROM undo_state;
END;
CREATE TRIGGER item_undo_u AFTER UPDATE ON item WHEN (SELECT active FROM undo_state) BEGIN INSERT INTO undo_log (stack, step, sql) SELECT stack, step, 'UPDATE item SET uid=' || quote (old.uid) || ',parent=' || quote (old.parent) || ',position=' || old.position || ',phase=' || quote (old.phase) || ',status=' || quote (old.status) || ',number=' || quote (old.number) || ',code=' || quote (old.code) || ',person=' || quote (old.person) || ',email=' || quote (old.email) || ',phone=' || quote (old.phone) || ',valid_from=' || quote (old.valid_from) || ',valid_until=' || quote (old.valid_until) || ',team=' || quote (old.team) || ',revision=' || old.revision || ' WHERE id=' || old.id FROM undo_state;
END;
ALTER TABLE text RENAME TO text_x;
CREATE TABLE text ( id INTEGER PRIMARY KEY, item INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, field TEXT NOT NULL CHECK (field IN ('title','text','note','ambition','legitimation','reference')), lang TEXT NOT NULL CHECK (lang IN ('nl','fr')), value TEXT NOT NULL, UNIQUE (item, field, lang));
INSERT INTO text SELECT * FROM text_x;
DROP TABLE text_x;
CREATE TRIGGER text_fts_i AFTER INSERT ON text BEGIN INSERT INTO text_fts (rowid, value) VALUES (new.id, new.value);
END;
CREATE TRIGGER text_fts_d AFTER DELETE ON text BEGIN INSERT INTO text_fts (text_fts, rowid, value) VALUES ('delete', old.id, old.value);
END;
CREATE TRIGGER text_fts_u AFTER UPDATE ON text BEGIN INSERT INTO text_fts (text_fts, rowid, value) VALUES ('delete', old.id, old.value);
INSERT INTO text_fts (rowid, value) VALUES (new.id, new.value);
END;
CREATE TRIGGER text_undo_i AFTER INSERT ON text WHEN (SELECT active FROM undo_state) BEGIN INSERT INTO undo_log (stack, step, sql) SELECT stack, step, 'DELETE FROM text WHERE id=' || new.id FROM undo_state;
END;
CREATE TRIGGER text_undo_d BEFORE DELETE ON text WHEN (SELECT active FROM undo_state) BEGIN INSERT INTO undo_log (stack, step, sql) SELECT stack, step, 'INSERT INTO text (id,item,field,lang,value) VALUES (' || old.id || ',' || old.item || ',' || quote (old.field) || ',' || quote (old.lang) || ',' || quote (old.value) || ')' FROM undo_state;
END;
CREATE TRIGGER text_undo_u AFTER UPDATE ON text WHEN (SELECT active FROM undo_state) BEGIN INSERT INTO undo_log (stack, step, sql) SELECT stack, step, 'UPDATE text SET value=' || quote (old.value) || ' WHERE id=' || old.id FROM undo_state;
END;
CREATE TRIGGER text_tri_i AFTER INSERT ON text WHEN new.field = 'title' BEGIN INSERT INTO text_tri (rowid, value) VALUES (new.id, new.value); END;
CREATE TRIGGER text_tri_d AFTER DELETE ON text WHEN old.field = 'title' BEGIN INSERT INTO text_tri (text_tri, rowid, value) VALUES ('delete', old.id, old.value); END;
CREATE TRIGGER text_tri_u AFTER UPDATE OF value ON text WHEN old.field = 'title' BEGIN INSERT INTO text_tri (text_tri, rowid, value) VALUES ('delete', old.id, old.value); INSERT INTO text_tri (rowid, value) VALUES (new.id, new.value); END;
PRAGMA user_version = 6;
