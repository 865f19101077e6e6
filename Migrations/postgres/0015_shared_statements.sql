-- 0015: two of SQLite's functions, so that the store's statements run as written on both engines.
-- * group_concat(value [, separator]), the aggregate that lists a record's names, aliases and ids
--   in one column. As on SQLite: NULL values are left out, the separator is ',' when none is
--   given, no rows give NULL, and a value of any type is joined as its text. (string_agg takes
--   only text, and is not SQLite's.)
-- * instr(text, part): where part first begins in text, from 1; 0 when it does not; NULL for a
--   NULL (the name resolver's word match). PostgreSQL calls it strpos.
-- Nothing changes on SQLite (Migrations/0015_shared_statements.sql).
CREATE FUNCTION accord_concat_step(joined text, value anyelement, separator text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN value IS NULL THEN joined WHEN joined IS NULL THEN value::text
    ELSE joined || coalesce(separator, '') || value::text END $$;
CREATE FUNCTION accord_concat_step(joined text, value anyelement) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT accord_concat_step(joined, value, ',') $$;
CREATE AGGREGATE group_concat(anyelement, text) (SFUNC = accord_concat_step, STYPE = text);
CREATE AGGREGATE group_concat(anyelement) (SFUNC = accord_concat_step, STYPE = text);
CREATE FUNCTION instr(haystack text, needle text) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT strpos(haystack, needle) $$;
