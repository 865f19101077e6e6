-- 0014: change_log_by_row, a hash index of row_key. A bulk write logs each table's new rows in
-- one 'inserts' row whose row_key lists their keys: tens of kilobytes for a large import (52 KB
-- for the meeting participants of `accord generate --negotiations 10000`), more than a b-tree
-- entry holds (about 2.7 KB), so that the baseline's (table_name, row_key) b-tree refused such a
-- write and `accord copy --to` of such a record. A hash index keeps 4 bytes a row whatever the
-- key's length, and finds a row's history by `row_key = ?` as the b-tree did (the table's name is
-- then checked on the few rows found). Nothing changes on SQLite (Migrations/0014_long_row_keys.sql).
DROP INDEX change_log_by_row;
CREATE INDEX change_log_by_row ON change_log USING hash (row_key);
