-- 0014: nothing changes on SQLite. On PostgreSQL (Migrations/postgres/0014_long_row_keys.sql),
-- the index change_log_by_row becomes a hash index of row_key: a bulk write logs each table's new
-- rows in one 'inserts' row whose row_key lists their keys, tens of kilobytes for a large import,
-- which a PostgreSQL b-tree cannot hold (its entries stop at about 2.7 KB); SQLite's can. This
-- migration keeps the two engines' schema versions in step, so that a record can be copied from
-- one to the other (`accord copy`), which needs both at the same version.
SELECT 1;
