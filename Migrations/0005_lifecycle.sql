-- A deal's whole life, per party; dated participation; the current record.
--
-- * `proposal_step` learns the steps of a whole life: adopted (agreed without signature),
--   extended (with the new deadline in `until`), milestone (its name in `label`: "Implementation
--   Day"), withdrawal_notified (per party, in effect from `effective`), rejoined, resumed, expired,
--   declared (a unilateral document, in effect from its date) and unclear (a dataset cannot say
--   what became of it). A step that names several parties is one row per party. The state these
--   steps add up to is derived by the rule in the README ("How status is derived"); the view
--   `proposal_status` applies it as of today.
-- * `participant` is dated: who joined a negotiation, as what (party, mediator, guarantor,
--   observer, coordinator) and on which side, and who left it when. A row is an event, `joined` or
--   `left`; nothing is overwritten. A `joined` row without a date means from the start.
--   `participant_today` lists who takes part today.
-- * `current_<table>` views leave out retracted records (and the proposals, steps and conditions
--   of a retracted negotiation): the record as it stands, for sqlite3 and Datasette users, and for
--   Accord's own queries.
--
-- Rebuilding a table follows SQLite's procedure (https://sqlite.org/lang_altertable.html#otheralter):
-- Accord runs every migration with foreign keys off and checks them before it commits.

DROP VIEW unsigned_deal;
DROP VIEW proposal_status;

-- proposal_step, with the new kinds and their dates.
CREATE TABLE proposal_step_new (
  id INTEGER PRIMARY KEY,
  proposal_id INTEGER NOT NULL REFERENCES proposal (id),
  step TEXT NOT NULL CHECK (step IN (
    'floated', 'tabled', 'countered', 'agreed_in_principle', 'initialled', 'adopted', 'signed',
    'ratified', 'in_force', 'extended', 'milestone', 'suspended', 'resumed', 'withdrawal_notified',
    'rejoined', 'withdrawn', 'rejected', 'superseded', 'lapsed', 'terminated', 'expired',
    'declared', 'unclear')),
  party_id INTEGER REFERENCES actor (id),
  date TEXT NOT NULL,
  date_first TEXT NOT NULL,
  date_last TEXT NOT NULL,
  label TEXT CHECK (label <> ''), -- a milestone's name
  until TEXT, -- extended: the new deadline, as typed
  until_first TEXT,
  until_last TEXT,
  effective TEXT, -- withdrawal_notified: when the withdrawal takes effect, as typed
  effective_first TEXT,
  effective_last TEXT,
  note TEXT,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (date_first <= date_last),
  CHECK ((step = 'milestone') = (label IS NOT NULL)),
  CHECK ((step = 'extended') = (until IS NOT NULL)),
  CHECK ((step = 'withdrawal_notified') = (effective IS NOT NULL)),
  CHECK ((until IS NULL) = (until_first IS NULL) AND (until IS NULL) = (until_last IS NULL)),
  CHECK ((effective IS NULL) = (effective_first IS NULL) AND (effective IS NULL) = (effective_last IS NULL)),
  CHECK (until_first IS NULL OR (until_first <= until_last AND until_last >= date_first)),
  CHECK (effective_first IS NULL OR (effective_first <= effective_last AND effective_last >= date_first)),
  CHECK (party_id IS NOT NULL OR step NOT IN ('withdrawal_notified', 'rejoined')),
  CHECK (party_id IS NULL OR step NOT IN (
    'floated', 'tabled', 'countered', 'agreed_in_principle', 'initialled', 'adopted', 'extended',
    'milestone', 'superseded', 'declared', 'unclear'))
) STRICT;
INSERT INTO proposal_step_new (id, proposal_id, step, party_id, date, date_first, date_last, note, recorded_at)
SELECT id, proposal_id, step, party_id, date, date_first, date_last, note, recorded_at FROM proposal_step;
DROP TABLE proposal_step;
ALTER TABLE proposal_step_new RENAME TO proposal_step;
CREATE INDEX proposal_step_by_proposal ON proposal_step (proposal_id, date_first, id);
CREATE INDEX proposal_step_by_party ON proposal_step (party_id) WHERE party_id IS NOT NULL;

-- Steps are found by their notes and a milestone by its name (see 0003_search.sql).
CREATE TRIGGER proposal_step_search_insert AFTER INSERT ON proposal_step
WHEN new.note IS NOT NULL OR new.label IS NOT NULL BEGIN
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 3, new.label, new.note, NULL, 'step', new.id);
END;
CREATE TRIGGER proposal_step_search_update AFTER UPDATE ON proposal_step BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 3;
  INSERT INTO search (rowid, title, body, context, kind, ref)
  SELECT new.id * 16 + 3, new.label, new.note, NULL, 'step', new.id
  WHERE new.note IS NOT NULL OR new.label IS NOT NULL;
END;
CREATE TRIGGER proposal_step_search_delete AFTER DELETE ON proposal_step BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 3;
END;

-- participant, dated: one row per joining or leaving.
CREATE TABLE participant_new (
  id INTEGER PRIMARY KEY,
  negotiation_id INTEGER NOT NULL REFERENCES negotiation (id),
  actor_id INTEGER NOT NULL REFERENCES actor (id),
  role TEXT NOT NULL CHECK (role IN ('party', 'mediator', 'guarantor', 'observer', 'coordinator')),
  side TEXT CHECK (side <> ''), -- a named side of the table ("P5+1"), for a party that joined
  event TEXT NOT NULL DEFAULT 'joined' CHECK (event IN ('joined', 'left')),
  date TEXT, -- as typed; a joining without a date is from the start
  date_first TEXT,
  date_last TEXT,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((date IS NULL) = (date_first IS NULL) AND (date IS NULL) = (date_last IS NULL)),
  CHECK (date_first IS NULL OR date_first <= date_last),
  CHECK (event = 'joined' OR (date IS NOT NULL AND side IS NULL))
) STRICT;
INSERT INTO participant_new (negotiation_id, actor_id, role)
SELECT negotiation_id, actor_id, role FROM participant ORDER BY negotiation_id, actor_id, role;
DROP TABLE participant;
ALTER TABLE participant_new RENAME TO participant;
CREATE UNIQUE INDEX participant_once ON participant (negotiation_id, actor_id, role, event, coalesce(date, ''));
CREATE INDEX participant_by_actor ON participant (actor_id);

-- The history triggers of the two rebuilt tables (see 0004_history.sql).
CREATE TRIGGER proposal_step_history_insert AFTER INSERT ON proposal_step BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_step', json_array(new.id), 'insert',
    json_object('id', new.id, 'proposal_id', new.proposal_id, 'step', new.step, 'party_id', new.party_id, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'label', new.label, 'until', new.until, 'until_first', new.until_first, 'until_last', new.until_last, 'effective', new.effective, 'effective_first', new.effective_first, 'effective_last', new.effective_last, 'note', new.note, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER proposal_step_history_update AFTER UPDATE ON proposal_step BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_step', json_array(new.id), 'update',
    json_object('id', old.id, 'proposal_id', old.proposal_id, 'step', old.step, 'party_id', old.party_id, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'label', old.label, 'until', old.until, 'until_first', old.until_first, 'until_last', old.until_last, 'effective', old.effective, 'effective_first', old.effective_first, 'effective_last', old.effective_last, 'note', old.note, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'proposal_id', new.proposal_id, 'step', new.step, 'party_id', new.party_id, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'label', new.label, 'until', new.until, 'until_first', new.until_first, 'until_last', new.until_last, 'effective', new.effective, 'effective_first', new.effective_first, 'effective_last', new.effective_last, 'note', new.note, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER proposal_step_history_delete AFTER DELETE ON proposal_step BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_step', json_array(old.id), 'delete',
    json_object('id', old.id, 'proposal_id', old.proposal_id, 'step', old.step, 'party_id', old.party_id, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'label', old.label, 'until', old.until, 'until_first', old.until_first, 'until_last', old.until_last, 'effective', old.effective, 'effective_first', old.effective_first, 'effective_last', old.effective_last, 'note', old.note, 'recorded_at', old.recorded_at));
END;
CREATE TRIGGER participant_history_insert AFTER INSERT ON participant BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'participant', json_array(new.id), 'insert',
    json_object('id', new.id, 'negotiation_id', new.negotiation_id, 'actor_id', new.actor_id, 'role', new.role, 'side', new.side, 'event', new.event, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER participant_history_update AFTER UPDATE ON participant BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'participant', json_array(new.id), 'update',
    json_object('id', old.id, 'negotiation_id', old.negotiation_id, 'actor_id', old.actor_id, 'role', old.role, 'side', old.side, 'event', old.event, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'negotiation_id', new.negotiation_id, 'actor_id', new.actor_id, 'role', new.role, 'side', new.side, 'event', new.event, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER participant_history_delete AFTER DELETE ON participant BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'participant', json_array(old.id), 'delete',
    json_object('id', old.id, 'negotiation_id', old.negotiation_id, 'actor_id', old.actor_id, 'role', old.role, 'side', old.side, 'event', old.event, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'recorded_at', old.recorded_at));
END;

-- The current record: what is not retracted.
CREATE VIEW current_actor AS
SELECT a.* FROM actor a
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'actor' AND r.record_id = a.id);

CREATE VIEW current_negotiation AS
SELECT n.* FROM negotiation n
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'negotiation' AND r.record_id = n.id);

CREATE VIEW current_source AS
SELECT s.* FROM source s
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'source' AND r.record_id = s.id);

CREATE VIEW current_proposal AS
SELECT p.* FROM proposal p
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'proposal' AND r.record_id = p.id)
  AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'negotiation' AND r.record_id = p.negotiation_id);

CREATE VIEW current_proposal_step AS
SELECT s.* FROM proposal_step s
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'proposal_step' AND r.record_id = s.id);

CREATE VIEW current_position AS
SELECT c.* FROM position c
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'position' AND r.record_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'position' AND r.record_id = c.answers_id)
  AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'negotiation' AND r.record_id = c.negotiation_id);

CREATE VIEW current_meeting AS
SELECT m.* FROM meeting m
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'meeting' AND r.record_id = m.id);

CREATE VIEW current_statement AS
SELECT q.* FROM statement q
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'statement' AND r.record_id = q.id);

CREATE VIEW current_development AS
SELECT d.* FROM development d
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'development' AND r.record_id = d.id);

-- Who takes part in each negotiation today: the latest joining or leaving of each actor in each
-- role that has happened (its whole date passed) is a joining.
CREATE VIEW participant_today AS
SELECT p.negotiation_id, p.actor_id, p.role, p.side, p.date AS since
FROM participant p
WHERE p.event = 'joined' AND (p.date_last IS NULL OR p.date_last <= date('now', 'localtime'))
  AND NOT EXISTS (
    SELECT 1 FROM participant q
    WHERE q.negotiation_id = p.negotiation_id AND q.actor_id = p.actor_id AND q.role = p.role
      AND q.id <> p.id AND q.date_last IS NOT NULL AND q.date_last <= date('now', 'localtime')
      AND (p.date_first IS NULL OR q.date_first > p.date_first OR (q.date_first = p.date_first AND q.id > p.id)));

-- Each proposal's state today, by the rule in the README ("How status is derived"); Accord applies
-- the same rule as of any day (Sources/AccordStore/Store/StatusRule.swift), and a test checks
-- that the two agree. A step counts once the whole range of its date has passed; the first step
-- counts as soon as any does.
CREATE VIEW proposal_status AS
WITH counted AS (
  SELECT s.*, f.first_id
  FROM current_proposal_step s
  JOIN (
    SELECT x.proposal_id, (
        SELECT y.id FROM current_proposal_step y WHERE y.proposal_id = x.proposal_id
        ORDER BY y.date_first, y.id LIMIT 1) AS first_id
    FROM current_proposal_step x
    WHERE x.date_last <= date('now', 'localtime')
    GROUP BY x.proposal_id
  ) f ON f.proposal_id = s.proposal_id
  WHERE s.date_last <= date('now', 'localtime') OR s.id = f.first_id
),
whole AS (
  SELECT p.id AS proposal_id, p.slug, p.title, p.negotiation_id,
    (SELECT c.id FROM counted c WHERE c.proposal_id = p.id AND c.party_id IS NULL
      AND c.step NOT IN ('extended', 'milestone', 'withdrawal_notified', 'rejoined')
      ORDER BY c.date_first DESC, c.id DESC LIMIT 1) AS latest_id,
    (SELECT c.id FROM counted c WHERE c.proposal_id = p.id AND c.party_id IS NULL
      AND c.step IN ('floated', 'tabled', 'agreed_in_principle', 'initialled', 'adopted', 'signed',
        'ratified', 'in_force', 'declared', 'unclear')
      ORDER BY c.date_first DESC, c.id DESC LIMIT 1) AS stage_id,
    (SELECT c.id FROM counted c WHERE c.proposal_id = p.id AND c.party_id IS NOT NULL
      AND c.step = 'in_force' ORDER BY c.date_first, c.id LIMIT 1) AS party_in_force_id,
    (SELECT c.id FROM counted c WHERE c.proposal_id = p.id AND c.party_id IS NOT NULL
      AND c.step IN ('signed', 'ratified') ORDER BY c.date_first, c.id LIMIT 1) AS party_signed_id
  FROM current_proposal p
  WHERE EXISTS (SELECT 1 FROM counted c WHERE c.proposal_id = p.id)
),
staged AS (
  SELECT w.*, l.step AS latest_step,
    CASE coalesce(s.step, 'tabled')
      WHEN 'floated' THEN 'drafted' WHEN 'tabled' THEN 'drafted'
      WHEN 'agreed_in_principle' THEN 'agreed' WHEN 'initialled' THEN 'agreed'
      ELSE s.step END AS stage,
    coalesce(s.id, w.latest_id) AS stage_step_id
  FROM whole w
  LEFT JOIN proposal_step l ON l.id = w.latest_id
  LEFT JOIN proposal_step s ON s.id = w.stage_id
),
decided AS (
  SELECT g.*,
    CASE
      WHEN g.latest_step IN ('countered', 'rejected', 'withdrawn', 'superseded', 'lapsed', 'terminated', 'expired')
        THEN g.latest_step
      WHEN g.latest_step = 'suspended' THEN 'suspended'
      WHEN g.stage IN ('drafted', 'agreed', 'adopted', 'signed', 'ratified') AND g.party_in_force_id IS NOT NULL
        THEN 'in_force'
      WHEN g.stage IN ('drafted', 'agreed', 'adopted') AND g.party_signed_id IS NOT NULL THEN 'signed'
      ELSE g.stage END AS status,
    CASE
      WHEN g.latest_step IN ('countered', 'rejected', 'withdrawn', 'superseded', 'lapsed', 'terminated',
        'expired', 'suspended') THEN g.latest_id
      WHEN g.stage IN ('drafted', 'agreed', 'adopted', 'signed', 'ratified') AND g.party_in_force_id IS NOT NULL
        THEN g.party_in_force_id
      WHEN g.stage IN ('drafted', 'agreed', 'adopted') AND g.party_signed_id IS NOT NULL THEN g.party_signed_id
      ELSE g.stage_step_id END AS status_step_id
  FROM staged g
)
SELECT d.proposal_id, d.slug, d.title, d.negotiation_id, d.status, x.date AS status_date,
  d.status IN ('signed', 'ratified', 'in_force')
    OR EXISTS (SELECT 1 FROM counted c WHERE c.proposal_id = d.proposal_id AND c.step IN ('signed', 'ratified', 'in_force'))
    AS signed,
  d.status NOT IN ('countered', 'rejected', 'withdrawn', 'superseded', 'lapsed', 'terminated', 'expired') AS live
FROM decided d LEFT JOIN proposal_step x ON x.id = d.status_step_id;

-- Live drafts: the analysts' first question. Drafted or agreed, not yet signed, adopted or in force;
-- a countered draft is closed, so only the head of each counter-offer chain is here.
CREATE VIEW unsigned_deal AS
SELECT ps.proposal_id, ps.slug, ps.title, n.slug AS negotiation, ps.status, ps.status_date
FROM proposal_status ps JOIN negotiation n ON n.id = ps.negotiation_id
WHERE ps.status IN ('drafted', 'agreed');

-- Each condition with the latest answer to it that has happened (its whole date passed), as of
-- today; the conditions whose date holds today are there too, as in `accord condition list`.
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
    FROM current_position r
    WHERE r.answers_id = c.id AND r.date_last <= date('now', 'localtime')
    ORDER BY r.date_first DESC, r.id DESC LIMIT 1), 'open') AS state
FROM current_position c
JOIN term t ON t.id = c.term_id
LEFT JOIN actor a ON a.id = c.actor_id
WHERE c.stance IN ('demands', 'offers', 'precondition', 'red_line')
  AND c.date_first <= date('now', 'localtime');
