-- SPDX-License-Identifier: GPL-3.0-or-later
-- Takes a database of schema 10 back to what schema 9 made: the insert
-- triggers of items and texts without the bulk flag (for the migration
-- tests; schema-undo-9.sql goes on to 8).
DROP TRIGGER text_fts_i;
CREATE TRIGGER text_fts_i AFTER INSERT ON text BEGIN  INSERT INTO text_fts (rowid, value) VALUES (new.id, new.value); END;
DROP TRIGGER text_tri_i;
CREATE TRIGGER text_tri_i AFTER INSERT ON text WHEN new.field = 'title' BEGIN  INSERT INTO text_tri (rowid, value) VALUES (new.id, new.value); END;
DROP TRIGGER item_fts_i;
CREATE TRIGGER item_fts_i AFTER INSERT ON item BEGIN  INSERT INTO item_fts (rowid, code, person, email, phone) VALUES (new.id, new.code, new.person, new.email, new.phone); END;
DROP TRIGGER item_tri_i;
CREATE TRIGGER item_tri_i AFTER INSERT ON item BEGIN  INSERT INTO item_tri (rowid, code, person, email, phone) VALUES (new.id, new.code, new.person, new.email, new.phone); END;
DROP TRIGGER item_undo_i;
CREATE TRIGGER item_undo_i AFTER INSERT ON item WHEN (SELECT active FROM undo_state) BEGIN INSERT INTO undo_log (stack, step, sql) SELECT stack, step, 'DELETE FROM item WHERE id=' || new.id FROM undo_state; END;
DROP TRIGGER text_undo_i;
CREATE TRIGGER text_undo_i AFTER INSERT ON text WHEN (SELECT active FROM undo_state) BEGIN INSERT INTO undo_log (stack, step, sql) SELECT stack, step, 'DELETE FROM text WHERE id=' || new.id FROM undo_state; END;
DROP TRIGGER item_history_i;
CREATE TRIGGER item_history_i AFTER INSERT ON item WHEN (SELECT active FROM undo_state) BEGIN INSERT INTO history (step, time, who, source, item, kind, detail, old_value, new_value, replay) SELECT CASE WHEN h.replay THEN NULL ELSE u.step END, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), h.author, h.source, new.id, 5, CASE new.kind WHEN 'plan' THEN 0 WHEN 'programme' THEN 1 WHEN 'part' THEN 2 WHEN 'area' THEN 3 WHEN 'chapter' THEN 4 WHEN 'section' THEN 5 WHEN 'objective' THEN 6 WHEN 'project' THEN 7 WHEN 'item' THEN 8 WHEN 'group' THEN 9 WHEN 'contacts' THEN 10 WHEN 'team' THEN 11 WHEN 'subject' THEN 12 ELSE 13 END, NULL, json_object ('uid', new.uid, 'kind', new.kind, 'parent', new.parent, 'position', new.position, 'phase', new.phase, 'status', new.status, 'number', new.number, 'code', new.code, 'person', new.person, 'email', new.email, 'phone', new.phone, 'valid_from', new.valid_from, 'valid_until', new.valid_until, 'team', new.team, 'progress_date', new.progress_date, 'revision', new.revision), h.replay FROM undo_state u, history_state h; END;
DROP TRIGGER text_history_i;
CREATE TRIGGER text_history_i AFTER INSERT ON text WHEN (SELECT active FROM undo_state) BEGIN INSERT INTO history (step, time, who, source, item, kind, detail, old_value, new_value, replay) SELECT CASE WHEN h.replay THEN NULL ELSE u.step END, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), h.author, h.source, new.item, 1, (CASE new.field WHEN 'title' THEN 0 WHEN 'text' THEN 1 WHEN 'note' THEN 2 WHEN 'ambition' THEN 3 WHEN 'legitimation' THEN 4 WHEN 'reference' THEN 5 ELSE 6 END) * 2 + (new.lang = 'fr'), NULL, new.value, h.replay FROM undo_state u, history_state h; END;
ALTER TABLE undo_state DROP COLUMN bulk;
PRAGMA user_version = 9;
