-- SPDX-License-Identifier: GPL-3.0-or-later
-- Takes a database of schema 9 back to what schema 8 made: no history
-- and no versions (for the migration tests; schema-undo-8.sql goes on
-- to 7).
DROP TRIGGER item_history_i;
DROP TRIGGER item_history_d;
DROP TRIGGER item_history_u;
DROP TRIGGER text_history_i;
DROP TRIGGER text_history_d;
DROP TRIGGER text_history_u;
DROP TRIGGER link_history_i;
DROP TRIGGER link_history_d;
DROP TABLE history;
DROP TABLE history_state;
DROP TABLE version;
PRAGMA user_version = 8;
