-- 0016: on a team's server, the logs name who signed in, and nobody else. The command log's and
-- the retraction log's `analyst` default to `session_user` (0013); here a row that names another
-- analyst is refused, and so is a change logged under another analyst's command: a writer with
-- psql can no longer put their work in a colleague's name. The database's owner (and a superuser)
-- may: `accord copy --to`, run by the owner, copies a file's log with the analysts it names.
-- Nothing changes on SQLite (Migrations/0016_analyst_is_the_login.sql): a file has one writer.

-- True when the session may write history in another's name: the database's owner, a member of
-- its role, or a superuser.
CREATE FUNCTION accord_writes_for_others() RETURNS boolean
LANGUAGE sql STABLE
RETURN pg_has_role(session_user,
  (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER');

CREATE FUNCTION accord_analyst_is_the_login() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.analyst IS DISTINCT FROM session_user AND NOT accord_writes_for_others() THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = format(
      '%s.analyst is who signed in (%s), not %s', TG_TABLE_NAME, session_user, NEW.analyst);
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER command_analyst_is_the_login BEFORE INSERT OR UPDATE OF analyst ON command
FOR EACH ROW EXECUTE FUNCTION accord_analyst_is_the_login();
CREATE TRIGGER retraction_analyst_is_the_login BEFORE INSERT OR UPDATE OF analyst ON retraction
FOR EACH ROW EXECUTE FUNCTION accord_analyst_is_the_login();

-- A change is logged under the command the session has open (as the history triggers log it), or
-- under none (a change made with psql outside a command).
CREATE FUNCTION accord_change_is_the_logins() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.command_id IS NOT NULL AND NOT accord_writes_for_others() AND NOT EXISTS (
      SELECT 1 FROM command WHERE id = NEW.command_id AND open = 1 AND analyst = session_user) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = format(
      'change_log.command_id is the command %s has open, not %s', session_user, NEW.command_id);
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER change_log_is_the_logins BEFORE INSERT ON change_log
FOR EACH ROW EXECUTE FUNCTION accord_change_is_the_logins();
