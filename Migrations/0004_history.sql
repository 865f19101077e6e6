-- History and corrections: an append-only change log kept by triggers, and retractions.
--
-- * `command`: one row per write transaction that Accord runs (when, which analyst —
--   $ACCORD_ANALYST, else the login name — and the command line). Accord inserts it open at the
--   start of the transaction and closes it before the commit, so at most one is open at a time.
--   `undoes` names the command that an `accord undo` reverted.
-- * `change_log`: one row per inserted, updated or deleted row of every table below, written by
--   triggers, so that an edit made with the sqlite3 shell is logged too (its `command_id` is NULL:
--   no Accord command was open). `row_key` is the JSON array of the row's primary key; `before`
--   and `after` are the whole row as a JSON object of all its columns. The log is append-only:
--   triggers refuse to update or delete it. Try:
--
--     SELECT l.id, l.changed_at, coalesce(c.analyst, 'sqlite3 shell'), l.operation, l.table_name,
--       l.row_key FROM change_log l LEFT JOIN command c ON c.id = l.command_id ORDER BY l.id DESC;
--
-- * `retraction`: a record withdrawn from the record (a mistake, a duplicate, a false report),
--   with the reason, who and when. Nothing is deleted: a retracted record is hidden from
--   listings, status, searches, timelines and reports, and shown with --include-retracted.
--   `record_table` and `record_id` name the record: an actor, negotiation, proposal,
--   proposal_step, position (a condition), meeting, statement (a quote), source or development.
--
-- Every ordinary table has three history triggers, <table>_history_insert, _update and _delete
-- (a test fails for a table that lacks them): a migration that adds a table adds them too.

CREATE TABLE command (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  analyst TEXT NOT NULL,
  arguments TEXT NOT NULL,
  undoes INTEGER REFERENCES command (id),
  open INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX command_open ON command (open) WHERE open = 1;
CREATE INDEX command_by_analyst ON command (analyst, id);

-- A command is closed once (`accord undo` sets `undoes` while it is open), and never changed or
-- deleted after.
CREATE TRIGGER command_close_only BEFORE UPDATE ON command
WHEN old.open = 0 OR new.id <> old.id OR new.started_at <> old.started_at
  OR new.analyst <> old.analyst OR new.arguments <> old.arguments
BEGIN
  SELECT RAISE(ABORT, 'the command log is append-only');
END;
CREATE TRIGGER command_no_delete BEFORE DELETE ON command BEGIN
  SELECT RAISE(ABORT, 'the command log is append-only');
END;

CREATE TABLE change_log (
  id INTEGER PRIMARY KEY,
  command_id INTEGER REFERENCES command (id),
  changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  table_name TEXT NOT NULL,
  row_key TEXT NOT NULL,
  operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
  before TEXT,
  after TEXT,
  CHECK ((before IS NULL) = (operation = 'insert')),
  CHECK ((after IS NULL) = (operation = 'delete'))
) STRICT;
CREATE INDEX change_log_by_command ON change_log (command_id);
CREATE INDEX change_log_by_row ON change_log (table_name, row_key);

CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log BEGIN
  SELECT RAISE(ABORT, 'the change log is append-only');
END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log BEGIN
  SELECT RAISE(ABORT, 'the change log is append-only');
END;

CREATE TABLE retraction (
  id INTEGER PRIMARY KEY,
  record_table TEXT NOT NULL CHECK (record_table IN ('actor', 'negotiation', 'proposal',
    'proposal_step', 'position', 'meeting', 'statement', 'source', 'development')),
  record_id INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason <> ''),
  analyst TEXT NOT NULL,
  retracted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (record_table, record_id)
) STRICT;

-- The views of 0001, redefined to leave out retracted proposals, steps and conditions (and the
-- proposals and conditions of a retracted negotiation).
DROP VIEW unsigned_deal;
DROP VIEW proposal_status;
CREATE VIEW proposal_status AS
SELECT
  p.id AS proposal_id,
  p.slug,
  p.title,
  p.negotiation_id,
  s.step AS status,
  s.date AS status_date,
  EXISTS (
    SELECT 1 FROM proposal_step x
    WHERE x.proposal_id = p.id AND x.step IN ('signed', 'ratified', 'in_force')
      AND x.date_first <= date('now')
      AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'proposal_step' AND r.record_id = x.id)
  ) AS signed,
  s.step NOT IN ('rejected', 'withdrawn', 'superseded', 'lapsed', 'terminated') AS live
FROM proposal p
JOIN proposal_step s ON s.id = (
  SELECT y.id FROM proposal_step y
  WHERE y.proposal_id = p.id AND y.party_id IS NULL AND y.date_first <= date('now')
    AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'proposal_step' AND r.record_id = y.id)
  ORDER BY y.date_first DESC, y.id DESC LIMIT 1
)
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'proposal' AND r.record_id = p.id)
  AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'negotiation' AND r.record_id = p.negotiation_id);

CREATE VIEW unsigned_deal AS
SELECT ps.proposal_id, ps.slug, ps.title, n.slug AS negotiation, ps.status, ps.status_date
FROM proposal_status ps JOIN negotiation n ON n.id = ps.negotiation_id
WHERE ps.live AND NOT ps.signed;

DROP VIEW condition_status;
CREATE VIEW condition_status AS
SELECT
  c.id AS condition_id,
  c.negotiation_id,
  a.name AS held_by,
  c.stance,
  t.text AS term,
  (SELECT group_concat(o.text, '; ') FROM term_link l JOIN term o ON o.id = l.other_term_id
    WHERE l.position_id = c.id AND l.link = 'in_exchange_for') AS in_exchange_for,
  c.date AS since,
  coalesce((
    SELECT CASE r.stance WHEN 'accepts' THEN 'accepted' WHEN 'rejects' THEN 'rejected'
      WHEN 'drops' THEN 'dropped' ELSE 'met' END
    FROM position r
    WHERE r.answers_id = c.id AND r.date_first <= date('now')
      AND NOT EXISTS (SELECT 1 FROM retraction x WHERE x.record_table = 'position' AND x.record_id = r.id)
    ORDER BY r.date_first DESC, r.id DESC LIMIT 1), 'open') AS state
FROM position c
JOIN term t ON t.id = c.term_id
LEFT JOIN actor a ON a.id = c.actor_id
WHERE c.stance IN ('demands', 'offers', 'precondition', 'red_line') AND c.date_first <= date('now')
  AND NOT EXISTS (SELECT 1 FROM retraction x WHERE x.record_table = 'position' AND x.record_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM retraction x WHERE x.record_table = 'negotiation' AND x.record_id = c.negotiation_id);

-- The history triggers, one set per table.

-- actor
CREATE TRIGGER actor_history_insert AFTER INSERT ON actor BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'actor', json_array(new.id), 'insert',
    json_object('id', new.id, 'slug', new.slug, 'name', new.name, 'kind', new.kind, 'code', new.code, 'wikidata', new.wikidata, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER actor_history_update AFTER UPDATE ON actor BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'actor', json_array(new.id), 'update',
    json_object('id', old.id, 'slug', old.slug, 'name', old.name, 'kind', old.kind, 'code', old.code, 'wikidata', old.wikidata, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'slug', new.slug, 'name', new.name, 'kind', new.kind, 'code', new.code, 'wikidata', new.wikidata, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER actor_history_delete AFTER DELETE ON actor BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'actor', json_array(old.id), 'delete',
    json_object('id', old.id, 'slug', old.slug, 'name', old.name, 'kind', old.kind, 'code', old.code, 'wikidata', old.wikidata, 'recorded_at', old.recorded_at));
END;

-- actor_alias
CREATE TRIGGER actor_alias_history_insert AFTER INSERT ON actor_alias BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'actor_alias', json_array(new.id), 'insert',
    json_object('id', new.id, 'actor_id', new.actor_id, 'alias', new.alias, 'alias_key', new.alias_key));
END;
CREATE TRIGGER actor_alias_history_update AFTER UPDATE ON actor_alias BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'actor_alias', json_array(new.id), 'update',
    json_object('id', old.id, 'actor_id', old.actor_id, 'alias', old.alias, 'alias_key', old.alias_key),
    json_object('id', new.id, 'actor_id', new.actor_id, 'alias', new.alias, 'alias_key', new.alias_key));
END;
CREATE TRIGGER actor_alias_history_delete AFTER DELETE ON actor_alias BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'actor_alias', json_array(old.id), 'delete',
    json_object('id', old.id, 'actor_id', old.actor_id, 'alias', old.alias, 'alias_key', old.alias_key));
END;

-- affiliation
CREATE TRIGGER affiliation_history_insert AFTER INSERT ON affiliation BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'affiliation', json_array(new.id), 'insert',
    json_object('id', new.id, 'person_id', new.person_id, 'organization_id', new.organization_id, 'role', new.role, 'since', new.since, 'since_first', new.since_first, 'until', new.until, 'until_last', new.until_last, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER affiliation_history_update AFTER UPDATE ON affiliation BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'affiliation', json_array(new.id), 'update',
    json_object('id', old.id, 'person_id', old.person_id, 'organization_id', old.organization_id, 'role', old.role, 'since', old.since, 'since_first', old.since_first, 'until', old.until, 'until_last', old.until_last, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'person_id', new.person_id, 'organization_id', new.organization_id, 'role', new.role, 'since', new.since, 'since_first', new.since_first, 'until', new.until, 'until_last', new.until_last, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER affiliation_history_delete AFTER DELETE ON affiliation BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'affiliation', json_array(old.id), 'delete',
    json_object('id', old.id, 'person_id', old.person_id, 'organization_id', old.organization_id, 'role', old.role, 'since', old.since, 'since_first', old.since_first, 'until', old.until, 'until_last', old.until_last, 'recorded_at', old.recorded_at));
END;

-- negotiation
CREATE TRIGGER negotiation_history_insert AFTER INSERT ON negotiation BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'negotiation', json_array(new.id), 'insert',
    json_object('id', new.id, 'slug', new.slug, 'title', new.title, 'title_key', new.title_key, 'summary', new.summary, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER negotiation_history_update AFTER UPDATE ON negotiation BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'negotiation', json_array(new.id), 'update',
    json_object('id', old.id, 'slug', old.slug, 'title', old.title, 'title_key', old.title_key, 'summary', old.summary, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'slug', new.slug, 'title', new.title, 'title_key', new.title_key, 'summary', new.summary, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER negotiation_history_delete AFTER DELETE ON negotiation BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'negotiation', json_array(old.id), 'delete',
    json_object('id', old.id, 'slug', old.slug, 'title', old.title, 'title_key', old.title_key, 'summary', old.summary, 'recorded_at', old.recorded_at));
END;

-- negotiation_tag
CREATE TRIGGER negotiation_tag_history_insert AFTER INSERT ON negotiation_tag BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'negotiation_tag', json_array(new.negotiation_id, new.tag), 'insert',
    json_object('negotiation_id', new.negotiation_id, 'tag', new.tag));
END;
CREATE TRIGGER negotiation_tag_history_update AFTER UPDATE ON negotiation_tag BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'negotiation_tag', json_array(new.negotiation_id, new.tag), 'update',
    json_object('negotiation_id', old.negotiation_id, 'tag', old.tag),
    json_object('negotiation_id', new.negotiation_id, 'tag', new.tag));
END;
CREATE TRIGGER negotiation_tag_history_delete AFTER DELETE ON negotiation_tag BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'negotiation_tag', json_array(old.negotiation_id, old.tag), 'delete',
    json_object('negotiation_id', old.negotiation_id, 'tag', old.tag));
END;

-- participant
CREATE TRIGGER participant_history_insert AFTER INSERT ON participant BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'participant', json_array(new.negotiation_id, new.actor_id, new.role), 'insert',
    json_object('negotiation_id', new.negotiation_id, 'actor_id', new.actor_id, 'role', new.role));
END;
CREATE TRIGGER participant_history_update AFTER UPDATE ON participant BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'participant', json_array(new.negotiation_id, new.actor_id, new.role), 'update',
    json_object('negotiation_id', old.negotiation_id, 'actor_id', old.actor_id, 'role', old.role),
    json_object('negotiation_id', new.negotiation_id, 'actor_id', new.actor_id, 'role', new.role));
END;
CREATE TRIGGER participant_history_delete AFTER DELETE ON participant BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'participant', json_array(old.negotiation_id, old.actor_id, old.role), 'delete',
    json_object('negotiation_id', old.negotiation_id, 'actor_id', old.actor_id, 'role', old.role));
END;

-- meeting
CREATE TRIGGER meeting_history_insert AFTER INSERT ON meeting BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'meeting', json_array(new.id), 'insert',
    json_object('id', new.id, 'negotiation_id', new.negotiation_id, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'place', new.place, 'summary', new.summary, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER meeting_history_update AFTER UPDATE ON meeting BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'meeting', json_array(new.id), 'update',
    json_object('id', old.id, 'negotiation_id', old.negotiation_id, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'place', old.place, 'summary', old.summary, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'negotiation_id', new.negotiation_id, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'place', new.place, 'summary', new.summary, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER meeting_history_delete AFTER DELETE ON meeting BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'meeting', json_array(old.id), 'delete',
    json_object('id', old.id, 'negotiation_id', old.negotiation_id, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'place', old.place, 'summary', old.summary, 'recorded_at', old.recorded_at));
END;

-- meeting_participant
CREATE TRIGGER meeting_participant_history_insert AFTER INSERT ON meeting_participant BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'meeting_participant', json_array(new.meeting_id, new.actor_id), 'insert',
    json_object('meeting_id', new.meeting_id, 'actor_id', new.actor_id));
END;
CREATE TRIGGER meeting_participant_history_update AFTER UPDATE ON meeting_participant BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'meeting_participant', json_array(new.meeting_id, new.actor_id), 'update',
    json_object('meeting_id', old.meeting_id, 'actor_id', old.actor_id),
    json_object('meeting_id', new.meeting_id, 'actor_id', new.actor_id));
END;
CREATE TRIGGER meeting_participant_history_delete AFTER DELETE ON meeting_participant BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'meeting_participant', json_array(old.meeting_id, old.actor_id), 'delete',
    json_object('meeting_id', old.meeting_id, 'actor_id', old.actor_id));
END;

-- proposal
CREATE TRIGGER proposal_history_insert AFTER INSERT ON proposal BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal', json_array(new.id), 'insert',
    json_object('id', new.id, 'slug', new.slug, 'negotiation_id', new.negotiation_id, 'title', new.title, 'title_key', new.title_key, 'tabled_by', new.tabled_by, 'terms', new.terms, 'value', new.value, 'value_amount', new.value_amount, 'value_currency', new.value_currency, 'counters_id', new.counters_id, 'supersedes_id', new.supersedes_id, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER proposal_history_update AFTER UPDATE ON proposal BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal', json_array(new.id), 'update',
    json_object('id', old.id, 'slug', old.slug, 'negotiation_id', old.negotiation_id, 'title', old.title, 'title_key', old.title_key, 'tabled_by', old.tabled_by, 'terms', old.terms, 'value', old.value, 'value_amount', old.value_amount, 'value_currency', old.value_currency, 'counters_id', old.counters_id, 'supersedes_id', old.supersedes_id, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'slug', new.slug, 'negotiation_id', new.negotiation_id, 'title', new.title, 'title_key', new.title_key, 'tabled_by', new.tabled_by, 'terms', new.terms, 'value', new.value, 'value_amount', new.value_amount, 'value_currency', new.value_currency, 'counters_id', new.counters_id, 'supersedes_id', new.supersedes_id, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER proposal_history_delete AFTER DELETE ON proposal BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal', json_array(old.id), 'delete',
    json_object('id', old.id, 'slug', old.slug, 'negotiation_id', old.negotiation_id, 'title', old.title, 'title_key', old.title_key, 'tabled_by', old.tabled_by, 'terms', old.terms, 'value', old.value, 'value_amount', old.value_amount, 'value_currency', old.value_currency, 'counters_id', old.counters_id, 'supersedes_id', old.supersedes_id, 'recorded_at', old.recorded_at));
END;

-- proposal_step
CREATE TRIGGER proposal_step_history_insert AFTER INSERT ON proposal_step BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_step', json_array(new.id), 'insert',
    json_object('id', new.id, 'proposal_id', new.proposal_id, 'step', new.step, 'party_id', new.party_id, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'note', new.note, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER proposal_step_history_update AFTER UPDATE ON proposal_step BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_step', json_array(new.id), 'update',
    json_object('id', old.id, 'proposal_id', old.proposal_id, 'step', old.step, 'party_id', old.party_id, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'note', old.note, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'proposal_id', new.proposal_id, 'step', new.step, 'party_id', new.party_id, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'note', new.note, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER proposal_step_history_delete AFTER DELETE ON proposal_step BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_step', json_array(old.id), 'delete',
    json_object('id', old.id, 'proposal_id', old.proposal_id, 'step', old.step, 'party_id', old.party_id, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'note', old.note, 'recorded_at', old.recorded_at));
END;

-- term
CREATE TRIGGER term_history_insert AFTER INSERT ON term BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'term', json_array(new.id), 'insert',
    json_object('id', new.id, 'negotiation_id', new.negotiation_id, 'text', new.text, 'text_key', new.text_key, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER term_history_update AFTER UPDATE ON term BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'term', json_array(new.id), 'update',
    json_object('id', old.id, 'negotiation_id', old.negotiation_id, 'text', old.text, 'text_key', old.text_key, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'negotiation_id', new.negotiation_id, 'text', new.text, 'text_key', new.text_key, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER term_history_delete AFTER DELETE ON term BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'term', json_array(old.id), 'delete',
    json_object('id', old.id, 'negotiation_id', old.negotiation_id, 'text', old.text, 'text_key', old.text_key, 'recorded_at', old.recorded_at));
END;

-- position
CREATE TRIGGER position_history_insert AFTER INSERT ON position BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'position', json_array(new.id), 'insert',
    json_object('id', new.id, 'negotiation_id', new.negotiation_id, 'actor_id', new.actor_id, 'term_id', new.term_id, 'stance', new.stance, 'answers_id', new.answers_id, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'note', new.note, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER position_history_update AFTER UPDATE ON position BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'position', json_array(new.id), 'update',
    json_object('id', old.id, 'negotiation_id', old.negotiation_id, 'actor_id', old.actor_id, 'term_id', old.term_id, 'stance', old.stance, 'answers_id', old.answers_id, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'note', old.note, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'negotiation_id', new.negotiation_id, 'actor_id', new.actor_id, 'term_id', new.term_id, 'stance', new.stance, 'answers_id', new.answers_id, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'note', new.note, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER position_history_delete AFTER DELETE ON position BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'position', json_array(old.id), 'delete',
    json_object('id', old.id, 'negotiation_id', old.negotiation_id, 'actor_id', old.actor_id, 'term_id', old.term_id, 'stance', old.stance, 'answers_id', old.answers_id, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'note', old.note, 'recorded_at', old.recorded_at));
END;

-- term_link
CREATE TRIGGER term_link_history_insert AFTER INSERT ON term_link BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'term_link', json_array(new.id), 'insert',
    json_object('id', new.id, 'term_id', new.term_id, 'link', new.link, 'other_term_id', new.other_term_id, 'position_id', new.position_id));
END;
CREATE TRIGGER term_link_history_update AFTER UPDATE ON term_link BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'term_link', json_array(new.id), 'update',
    json_object('id', old.id, 'term_id', old.term_id, 'link', old.link, 'other_term_id', old.other_term_id, 'position_id', old.position_id),
    json_object('id', new.id, 'term_id', new.term_id, 'link', new.link, 'other_term_id', new.other_term_id, 'position_id', new.position_id));
END;
CREATE TRIGGER term_link_history_delete AFTER DELETE ON term_link BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'term_link', json_array(old.id), 'delete',
    json_object('id', old.id, 'term_id', old.term_id, 'link', old.link, 'other_term_id', old.other_term_id, 'position_id', old.position_id));
END;

-- statement
CREATE TRIGGER statement_history_insert AFTER INSERT ON statement BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'statement', json_array(new.id), 'insert',
    json_object('id', new.id, 'actor_id', new.actor_id, 'negotiation_id', new.negotiation_id, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'text', new.text, 'language', new.language, 'context', new.context, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER statement_history_update AFTER UPDATE ON statement BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'statement', json_array(new.id), 'update',
    json_object('id', old.id, 'actor_id', old.actor_id, 'negotiation_id', old.negotiation_id, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'text', old.text, 'language', old.language, 'context', old.context, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'actor_id', new.actor_id, 'negotiation_id', new.negotiation_id, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'text', new.text, 'language', new.language, 'context', new.context, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER statement_history_delete AFTER DELETE ON statement BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'statement', json_array(old.id), 'delete',
    json_object('id', old.id, 'actor_id', old.actor_id, 'negotiation_id', old.negotiation_id, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'text', old.text, 'language', old.language, 'context', old.context, 'recorded_at', old.recorded_at));
END;

-- source
CREATE TRIGGER source_history_insert AFTER INSERT ON source BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'source', json_array(new.id), 'insert',
    json_object('id', new.id, 'slug', new.slug, 'url', new.url, 'outlet', new.outlet, 'title', new.title, 'published', new.published, 'published_first', new.published_first, 'published_last', new.published_last, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER source_history_update AFTER UPDATE ON source BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'source', json_array(new.id), 'update',
    json_object('id', old.id, 'slug', old.slug, 'url', old.url, 'outlet', old.outlet, 'title', old.title, 'published', old.published, 'published_first', old.published_first, 'published_last', old.published_last, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'slug', new.slug, 'url', new.url, 'outlet', new.outlet, 'title', new.title, 'published', new.published, 'published_first', new.published_first, 'published_last', new.published_last, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER source_history_delete AFTER DELETE ON source BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'source', json_array(old.id), 'delete',
    json_object('id', old.id, 'slug', old.slug, 'url', old.url, 'outlet', old.outlet, 'title', old.title, 'published', old.published, 'published_first', old.published_first, 'published_last', old.published_last, 'recorded_at', old.recorded_at));
END;

-- development
CREATE TRIGGER development_history_insert AFTER INSERT ON development BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'development', json_array(new.id), 'insert',
    json_object('id', new.id, 'negotiation_id', new.negotiation_id, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'text', new.text, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER development_history_update AFTER UPDATE ON development BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'development', json_array(new.id), 'update',
    json_object('id', old.id, 'negotiation_id', old.negotiation_id, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'text', old.text, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'negotiation_id', new.negotiation_id, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'text', new.text, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER development_history_delete AFTER DELETE ON development BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'development', json_array(old.id), 'delete',
    json_object('id', old.id, 'negotiation_id', old.negotiation_id, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'text', old.text, 'recorded_at', old.recorded_at));
END;

-- development_actor
CREATE TRIGGER development_actor_history_insert AFTER INSERT ON development_actor BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'development_actor', json_array(new.development_id, new.actor_id), 'insert',
    json_object('development_id', new.development_id, 'actor_id', new.actor_id));
END;
CREATE TRIGGER development_actor_history_update AFTER UPDATE ON development_actor BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'development_actor', json_array(new.development_id, new.actor_id), 'update',
    json_object('development_id', old.development_id, 'actor_id', old.actor_id),
    json_object('development_id', new.development_id, 'actor_id', new.actor_id));
END;
CREATE TRIGGER development_actor_history_delete AFTER DELETE ON development_actor BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'development_actor', json_array(old.development_id, old.actor_id), 'delete',
    json_object('development_id', old.development_id, 'actor_id', old.actor_id));
END;

-- citation
CREATE TRIGGER citation_history_insert AFTER INSERT ON citation BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'citation', json_array(new.id), 'insert',
    json_object('id', new.id, 'source_id', new.source_id, 'meeting_id', new.meeting_id, 'proposal_id', new.proposal_id, 'step_id', new.step_id, 'position_id', new.position_id, 'statement_id', new.statement_id, 'development_id', new.development_id));
END;
CREATE TRIGGER citation_history_update AFTER UPDATE ON citation BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'citation', json_array(new.id), 'update',
    json_object('id', old.id, 'source_id', old.source_id, 'meeting_id', old.meeting_id, 'proposal_id', old.proposal_id, 'step_id', old.step_id, 'position_id', old.position_id, 'statement_id', old.statement_id, 'development_id', old.development_id),
    json_object('id', new.id, 'source_id', new.source_id, 'meeting_id', new.meeting_id, 'proposal_id', new.proposal_id, 'step_id', new.step_id, 'position_id', new.position_id, 'statement_id', new.statement_id, 'development_id', new.development_id));
END;
CREATE TRIGGER citation_history_delete AFTER DELETE ON citation BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'citation', json_array(old.id), 'delete',
    json_object('id', old.id, 'source_id', old.source_id, 'meeting_id', old.meeting_id, 'proposal_id', old.proposal_id, 'step_id', old.step_id, 'position_id', old.position_id, 'statement_id', old.statement_id, 'development_id', old.development_id));
END;

-- dataset_record
CREATE TRIGGER dataset_record_history_insert AFTER INSERT ON dataset_record BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'dataset_record', json_array(new.id), 'insert',
    json_object('id', new.id, 'dataset', new.dataset, 'kind', new.kind, 'key', new.key, 'negotiation_id', new.negotiation_id, 'proposal_id', new.proposal_id, 'actor_id', new.actor_id, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER dataset_record_history_update AFTER UPDATE ON dataset_record BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'dataset_record', json_array(new.id), 'update',
    json_object('id', old.id, 'dataset', old.dataset, 'kind', old.kind, 'key', old.key, 'negotiation_id', old.negotiation_id, 'proposal_id', old.proposal_id, 'actor_id', old.actor_id, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'dataset', new.dataset, 'kind', new.kind, 'key', new.key, 'negotiation_id', new.negotiation_id, 'proposal_id', new.proposal_id, 'actor_id', new.actor_id, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER dataset_record_history_delete AFTER DELETE ON dataset_record BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'dataset_record', json_array(old.id), 'delete',
    json_object('id', old.id, 'dataset', old.dataset, 'kind', old.kind, 'key', old.key, 'negotiation_id', old.negotiation_id, 'proposal_id', old.proposal_id, 'actor_id', old.actor_id, 'recorded_at', old.recorded_at));
END;

-- proposal_stage
CREATE TRIGGER proposal_stage_history_insert AFTER INSERT ON proposal_stage BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_stage', json_array(new.id), 'insert',
    json_object('id', new.id, 'proposal_id', new.proposal_id, 'stage', new.stage, 'stage_sub', new.stage_sub, 'record_id', new.record_id, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER proposal_stage_history_update AFTER UPDATE ON proposal_stage BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_stage', json_array(new.id), 'update',
    json_object('id', old.id, 'proposal_id', old.proposal_id, 'stage', old.stage, 'stage_sub', old.stage_sub, 'record_id', old.record_id, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'proposal_id', new.proposal_id, 'stage', new.stage, 'stage_sub', new.stage_sub, 'record_id', new.record_id, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER proposal_stage_history_delete AFTER DELETE ON proposal_stage BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_stage', json_array(old.id), 'delete',
    json_object('id', old.id, 'proposal_id', old.proposal_id, 'stage', old.stage, 'stage_sub', old.stage_sub, 'record_id', old.record_id, 'recorded_at', old.recorded_at));
END;

-- proposal_signatory
CREATE TRIGGER proposal_signatory_history_insert AFTER INSERT ON proposal_signatory BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_signatory', json_array(new.id), 'insert',
    json_object('id', new.id, 'proposal_id', new.proposal_id, 'role', new.role, 'text', new.text, 'record_id', new.record_id, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER proposal_signatory_history_update AFTER UPDATE ON proposal_signatory BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_signatory', json_array(new.id), 'update',
    json_object('id', old.id, 'proposal_id', old.proposal_id, 'role', old.role, 'text', old.text, 'record_id', old.record_id, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'proposal_id', new.proposal_id, 'role', new.role, 'text', new.text, 'record_id', new.record_id, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER proposal_signatory_history_delete AFTER DELETE ON proposal_signatory BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_signatory', json_array(old.id), 'delete',
    json_object('id', old.id, 'proposal_id', old.proposal_id, 'role', old.role, 'text', old.text, 'record_id', old.record_id, 'recorded_at', old.recorded_at));
END;

-- retraction
CREATE TRIGGER retraction_history_insert AFTER INSERT ON retraction BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'retraction', json_array(new.id), 'insert',
    json_object('id', new.id, 'record_table', new.record_table, 'record_id', new.record_id, 'reason', new.reason, 'analyst', new.analyst, 'retracted_at', new.retracted_at));
END;
CREATE TRIGGER retraction_history_update AFTER UPDATE ON retraction BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'retraction', json_array(new.id), 'update',
    json_object('id', old.id, 'record_table', old.record_table, 'record_id', old.record_id, 'reason', old.reason, 'analyst', old.analyst, 'retracted_at', old.retracted_at),
    json_object('id', new.id, 'record_table', new.record_table, 'record_id', new.record_id, 'reason', new.reason, 'analyst', new.analyst, 'retracted_at', new.retracted_at));
END;
CREATE TRIGGER retraction_history_delete AFTER DELETE ON retraction BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'retraction', json_array(old.id), 'delete',
    json_object('id', old.id, 'record_table', old.record_table, 'record_id', old.record_id, 'reason', old.reason, 'analyst', old.analyst, 'retracted_at', old.retracted_at));
END;
