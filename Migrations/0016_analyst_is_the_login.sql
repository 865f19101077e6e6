-- 0016: nothing changes on SQLite. On PostgreSQL (Migrations/postgres/0016_analyst_is_the_login.sql),
-- the command and retraction logs refuse a row that names another analyst than the login that
-- signed in, and the change log a change under another's command, but from the database's owner
-- (who copies a file's log). A file has one writer, whoever holds it. This migration keeps the two
-- engines' schema versions in step (`accord copy` needs both at the same version).
SELECT 1;
