-- Who may do what in a team's Accord database on PostgreSQL: two roles, and their privileges on
-- the schema that 0013_baseline.sql (and any later migration) made. A future `accord team init`
-- applies it; it runs as the database's owner, and runs again after every migration (it can run
-- any number of times: roles are made only if missing, and GRANT and REVOKE say what holds):
--
--   psql -v ON_ERROR_STOP=1 --single-transaction -d accord -f Migrations/postgres/roles.sql
--
-- * accord_reader: reads everything (the record, the views, the change log), writes nothing.
-- * accord_writer: reads everything; inserts, updates and deletes the record (Accord's commands
--   and undo); opens and closes its commands; inserts into the change log and nothing else (the
--   history triggers run as the writer, and a bulk write logs its rows itself); starts and ends
--   bulk writes; keeps the search index. No TRUNCATE anywhere (it skips the row triggers, and so
--   the log), no schema changes, no change of the schema's version.
--
-- Both are NOLOGIN groups: each analyst signs in as their own role, a member of one of them, and
-- is then the `session_user` that `command.analyst` and `retraction.analyst` default to:
--
--   CREATE ROLE alice LOGIN PASSWORD '…' IN ROLE accord_writer;
--   CREATE ROLE bob LOGIN PASSWORD '…' IN ROLE accord_reader;
--
-- The first run makes the roles, and needs a role with CREATEROLE (or a superuser); a run after
-- that needs only the database's owner. Roles belong to the whole cluster; privileges to one
-- database. The change log is append-only
-- for everyone, its owner included, by its triggers (change_log_no_update, _no_delete,
-- _no_truncate); only the owner or a superuser can drop or disable a trigger, so the database's
-- owner should be a role that no analyst signs in as.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'accord_reader') THEN
    CREATE ROLE accord_reader NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'accord_writer') THEN
    CREATE ROLE accord_writer NOLOGIN;
  END IF;
END $$;

DO $$
DECLARE
  schema_name text := current_schema();
  t record;
BEGIN
  EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC, accord_reader, accord_writer', schema_name);
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO accord_reader, accord_writer', schema_name);

  -- Every table and view: read by both, and nothing else until granted below.
  FOR t IN
    SELECT c.relname AS name, c.relkind AS kind FROM pg_class c
    WHERE c.relnamespace = schema_name::regnamespace AND c.relkind IN ('r', 'v', 'p')
    ORDER BY c.relname
  LOOP
    EXECUTE format('REVOKE ALL ON %I FROM PUBLIC, accord_reader, accord_writer', t.name);
    EXECUTE format('GRANT SELECT ON %I TO accord_reader, accord_writer', t.name);
    IF t.kind <> 'v' AND t.name NOT IN
        ('accord_schema', 'schema_migration', 'command', 'change_log', 'bulk_write', 'search') THEN
      -- The record: every ordinary table, as the history triggers log them.
      EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I TO accord_writer', t.name);
    END IF;
  END LOOP;

  -- The command log: opened and closed (its trigger refuses any other change, and deletes).
  EXECUTE 'GRANT INSERT, UPDATE ON command TO accord_writer';
  -- The change log: insert-only.
  EXECUTE 'GRANT INSERT ON change_log TO accord_writer';
  EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON change_log FROM PUBLIC, accord_reader, accord_writer';
  -- A bulk write's mark, and the search index (kept by triggers, and filled at a bulk write's end).
  EXECUTE 'GRANT INSERT, DELETE ON bulk_write TO accord_writer';
  EXECUTE 'GRANT INSERT, DELETE ON search TO accord_writer';

  -- The identities: numbered by inserts, and moved past ids given explicitly (accord_follow_ids).
  FOR t IN
    SELECT c.relname AS name FROM pg_class c
    WHERE c.relnamespace = schema_name::regnamespace AND c.relkind = 'S'
    ORDER BY c.relname
  LOOP
    EXECUTE format('REVOKE ALL ON SEQUENCE %I FROM PUBLIC, accord_reader, accord_writer', t.name);
    EXECUTE format('GRANT SELECT ON SEQUENCE %I TO accord_reader', t.name);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON SEQUENCE %I TO accord_writer', t.name);
  END LOOP;

  -- Accord's functions (the triggers', the views', the search's): run by both. (PUBLIC may run
  -- functions unless a database says otherwise; this holds if one does.)
  FOR t IN
    SELECT p.oid::regprocedure AS signature FROM pg_proc p
    WHERE p.pronamespace = schema_name::regnamespace AND p.proname LIKE 'accord\_%'
    ORDER BY 1
  LOOP
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO accord_reader, accord_writer', t.signature);
  END LOOP;
END $$;
