-- SPDX-License-Identifier: GPL-3.0-or-later
-- Takes a database of schema 8 back to what schema 7 made: no closed
-- years (for the migration tests; schema-undo-7.sql goes on to 6).
DROP TABLE year_closed;
PRAGMA user_version = 7;
