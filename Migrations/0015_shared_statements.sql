-- 0015: nothing changes on SQLite. On PostgreSQL (Migrations/postgres/0015_shared_statements.sql),
-- SQLite's group_concat aggregate (a record's names, aliases and ids in one column) and instr
-- function (the name resolver's word match), so that one statement serves both engines. This
-- migration keeps the two engines' schema versions in step (`accord copy` needs both at the same
-- version).
SELECT 1;
