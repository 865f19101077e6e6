-- Blocs with dated membership; answers apart from conditions, and revised conditions; deadlines;
-- links between agreements.
--
-- * `membership`: which actor belongs to which bloc (a state in P5+1, a bloc in a bloc), each
--   joining and leaving a dated row, as `participant` is. What a bloc does, its members on that
--   day do through it: a member's queries find it, marked "via" the bloc.
-- * `answer`: a counterpart's answer to a condition (accepted, rejected, dropped, met, reneged), one
--   row per counterpart, numbered apart from conditions. The answers that 0001 kept in `position`
--   (`answers_id`) move here, in their order, with their citations, retractions and search entries.
-- * `position` keeps the conditions alone: a demand, an offer, a precondition or a red line, and
--   `revises_id` when it softens or hardens an earlier one, which it then replaces.
-- * `deadline`: a date a negotiation (or one of its proposals) runs against. An `extended --until`
--   step moves its proposal's deadline; the earlier ones stay on the record.
-- * `proposal_link`: one agreement implements, builds on, endorses or replaces another, in any
--   negotiation.
-- * `citation` cites answers and deadlines too; `retraction` can hide answers, deadlines, links,
--   memberships and participations.

CREATE TABLE membership (
  id INTEGER PRIMARY KEY,
  bloc_id INTEGER NOT NULL REFERENCES actor (id),
  member_id INTEGER NOT NULL REFERENCES actor (id),
  event TEXT NOT NULL DEFAULT 'joined' CHECK (event IN ('joined', 'left')),
  date TEXT, -- as typed; a joining without a date is from the start
  date_first TEXT,
  date_last TEXT,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (bloc_id <> member_id),
  CHECK ((date IS NULL) = (date_first IS NULL) AND (date IS NULL) = (date_last IS NULL)),
  CHECK (date_first IS NULL OR date_first <= date_last),
  CHECK (event = 'joined' OR date IS NOT NULL)
) STRICT;
CREATE INDEX membership_by_bloc ON membership (bloc_id, member_id);
CREATE INDEX membership_by_member ON membership (member_id);

-- Answers, apart from conditions: the old answer positions, numbered from 1 in their order.
CREATE TABLE answer (
  id INTEGER PRIMARY KEY,
  condition_id INTEGER NOT NULL REFERENCES position (id),
  actor_id INTEGER REFERENCES actor (id), -- who answers; none for a condition met
  outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'rejected', 'dropped', 'met', 'reneged')),
  date TEXT NOT NULL,
  date_first TEXT NOT NULL,
  date_last TEXT NOT NULL,
  note TEXT,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (date_first <= date_last),
  CHECK (actor_id IS NOT NULL OR outcome = 'met')
) STRICT;
CREATE INDEX answer_by_condition ON answer (condition_id, date_first, id);
CREATE INDEX answer_by_actor ON answer (actor_id) WHERE actor_id IS NOT NULL;

CREATE TEMP TABLE answer_number AS
SELECT id AS position_id, row_number() OVER (ORDER BY id) AS answer_id FROM position WHERE answers_id IS NOT NULL;
INSERT INTO answer (id, condition_id, actor_id, outcome, date, date_first, date_last, note, recorded_at)
SELECT m.answer_id, p.answers_id, p.actor_id,
  CASE p.stance WHEN 'accepts' THEN 'accepted' WHEN 'rejects' THEN 'rejected' WHEN 'drops' THEN 'dropped'
    ELSE 'met' END,
  p.date, p.date_first, p.date_last, p.note, p.recorded_at
FROM position p JOIN answer_number m ON m.position_id = p.id ORDER BY m.answer_id;

-- citation, citing answers and deadlines too.
CREATE TABLE citation_new (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES source (id),
  meeting_id INTEGER REFERENCES meeting (id),
  proposal_id INTEGER REFERENCES proposal (id),
  step_id INTEGER REFERENCES proposal_step (id),
  position_id INTEGER REFERENCES position (id),
  answer_id INTEGER REFERENCES answer (id),
  statement_id INTEGER REFERENCES statement (id),
  development_id INTEGER REFERENCES development (id),
  deadline_id INTEGER REFERENCES deadline (id),
  CHECK ((meeting_id IS NOT NULL) + (proposal_id IS NOT NULL) + (step_id IS NOT NULL)
    + (position_id IS NOT NULL) + (answer_id IS NOT NULL) + (statement_id IS NOT NULL)
    + (development_id IS NOT NULL) + (deadline_id IS NOT NULL) = 1)
) STRICT;
INSERT INTO citation_new (id, source_id, meeting_id, proposal_id, step_id, position_id, answer_id, statement_id, development_id)
SELECT c.id, c.source_id, c.meeting_id, c.proposal_id, c.step_id,
  CASE WHEN m.answer_id IS NULL THEN c.position_id END, m.answer_id, c.statement_id, c.development_id
FROM citation c LEFT JOIN answer_number m ON m.position_id = c.position_id ORDER BY c.id;
DROP TABLE citation;
ALTER TABLE citation_new RENAME TO citation;
CREATE INDEX citation_by_source ON citation (source_id);
CREATE INDEX citation_by_meeting ON citation (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX citation_by_proposal ON citation (proposal_id) WHERE proposal_id IS NOT NULL;
CREATE INDEX citation_by_step ON citation (step_id) WHERE step_id IS NOT NULL;
CREATE INDEX citation_by_position ON citation (position_id) WHERE position_id IS NOT NULL;
CREATE INDEX citation_by_answer ON citation (answer_id) WHERE answer_id IS NOT NULL;
CREATE INDEX citation_by_statement ON citation (statement_id) WHERE statement_id IS NOT NULL;
CREATE INDEX citation_by_development ON citation (development_id) WHERE development_id IS NOT NULL;
CREATE INDEX citation_by_deadline ON citation (deadline_id) WHERE deadline_id IS NOT NULL;

-- retraction, of the new kinds of record too; a retracted answer keeps its retraction.
CREATE TABLE retraction_new (
  id INTEGER PRIMARY KEY,
  record_table TEXT NOT NULL CHECK (record_table IN ('actor', 'negotiation', 'participant', 'membership',
    'proposal', 'proposal_step', 'proposal_link', 'position', 'answer', 'meeting', 'statement', 'source',
    'development', 'deadline')),
  record_id INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason <> ''),
  analyst TEXT NOT NULL,
  retracted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (record_table, record_id)
) STRICT;
INSERT INTO retraction_new (id, record_table, record_id, reason, analyst, retracted_at)
SELECT r.id, CASE WHEN m.answer_id IS NULL THEN r.record_table ELSE 'answer' END, coalesce(m.answer_id, r.record_id),
  r.reason, r.analyst, r.retracted_at
FROM retraction r LEFT JOIN answer_number m ON r.record_table = 'position' AND m.position_id = r.record_id
ORDER BY r.id;

-- The views over position and retraction go before their tables are rebuilt.
DROP VIEW condition_status;
DROP VIEW current_position;
DROP VIEW current_actor;
DROP VIEW current_negotiation;
DROP VIEW current_source;
DROP VIEW current_proposal;
DROP VIEW current_proposal_step;
DROP VIEW current_meeting;
DROP VIEW current_statement;
DROP VIEW current_development;
DROP VIEW unsigned_deal;
DROP VIEW proposal_status;
DROP TABLE retraction;
ALTER TABLE retraction_new RENAME TO retraction;

-- position: the conditions alone, and what each revises.
CREATE TABLE position_new (
  id INTEGER PRIMARY KEY,
  negotiation_id INTEGER NOT NULL REFERENCES negotiation (id),
  actor_id INTEGER NOT NULL REFERENCES actor (id),
  term_id INTEGER NOT NULL REFERENCES term (id),
  stance TEXT NOT NULL CHECK (stance IN ('demands', 'offers', 'precondition', 'red_line')),
  revises_id INTEGER REFERENCES position (id), -- the earlier condition this one replaces
  date TEXT NOT NULL,
  date_first TEXT NOT NULL,
  date_last TEXT NOT NULL,
  note TEXT,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (date_first <= date_last),
  CHECK (revises_id IS NULL OR revises_id < id)
) STRICT;
INSERT INTO position_new (id, negotiation_id, actor_id, term_id, stance, date, date_first, date_last, note, recorded_at)
SELECT id, negotiation_id, actor_id, term_id, stance, date, date_first, date_last, note, recorded_at
FROM position WHERE answers_id IS NULL ORDER BY id;
DROP TABLE position;
ALTER TABLE position_new RENAME TO position;
CREATE INDEX position_by_negotiation ON position (negotiation_id, date_first);
CREATE INDEX position_by_term ON position (term_id);
CREATE INDEX position_by_actor ON position (actor_id);
CREATE INDEX position_by_revises ON position (revises_id) WHERE revises_id IS NOT NULL;

-- The search index: answers' notes under their new numbers (kind 10), conditions as before.
DELETE FROM search WHERE rowid IN (SELECT position_id * 16 + 5 FROM answer_number);
INSERT INTO search (rowid, title, body, context, kind, ref)
SELECT id * 16 + 10, NULL, note, NULL, 'answer', id FROM answer WHERE note IS NOT NULL;
CREATE TRIGGER position_search_insert AFTER INSERT ON position WHEN new.note IS NOT NULL BEGIN
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 5, NULL, new.note, NULL, 'condition', new.id);
END;
CREATE TRIGGER position_search_update AFTER UPDATE ON position BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 5;
  INSERT INTO search (rowid, title, body, context, kind, ref)
  SELECT new.id * 16 + 5, NULL, new.note, NULL, 'condition', new.id WHERE new.note IS NOT NULL;
END;
CREATE TRIGGER position_search_delete AFTER DELETE ON position BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 5;
END;
CREATE TRIGGER answer_search_insert AFTER INSERT ON answer WHEN new.note IS NOT NULL BEGIN
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 10, NULL, new.note, NULL, 'answer', new.id);
END;
CREATE TRIGGER answer_search_update AFTER UPDATE ON answer BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 10;
  INSERT INTO search (rowid, title, body, context, kind, ref)
  SELECT new.id * 16 + 10, NULL, new.note, NULL, 'answer', new.id WHERE new.note IS NOT NULL;
END;
CREATE TRIGGER answer_search_delete AFTER DELETE ON answer BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 10;
END;

DROP TABLE temp.answer_number;

-- A date the talks run against.
CREATE TABLE deadline (
  id INTEGER PRIMARY KEY,
  negotiation_id INTEGER NOT NULL REFERENCES negotiation (id),
  proposal_id INTEGER REFERENCES proposal (id),
  title TEXT NOT NULL CHECK (title <> ''),
  date TEXT NOT NULL,
  date_first TEXT NOT NULL,
  date_last TEXT NOT NULL,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (date_first <= date_last)
) STRICT;
CREATE INDEX deadline_by_negotiation ON deadline (negotiation_id, date_first);
CREATE INDEX deadline_by_proposal ON deadline (proposal_id) WHERE proposal_id IS NOT NULL;
CREATE TRIGGER deadline_search_insert AFTER INSERT ON deadline BEGIN
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 11, new.title, NULL, NULL, 'deadline', new.id);
END;
CREATE TRIGGER deadline_search_update AFTER UPDATE ON deadline BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 11;
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 11, new.title, NULL, NULL, 'deadline', new.id);
END;
CREATE TRIGGER deadline_search_delete AFTER DELETE ON deadline BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 11;
END;

-- One agreement implements, builds on, endorses or replaces another, in any negotiation.
CREATE TABLE proposal_link (
  id INTEGER PRIMARY KEY,
  proposal_id INTEGER NOT NULL REFERENCES proposal (id),
  link TEXT NOT NULL CHECK (link IN ('implements', 'builds_on', 'endorses', 'replaces')),
  other_id INTEGER NOT NULL REFERENCES proposal (id),
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (proposal_id <> other_id),
  UNIQUE (proposal_id, link, other_id)
) STRICT;
CREATE INDEX proposal_link_by_other ON proposal_link (other_id);

-- History triggers of the new and rebuilt tables (see 0004_history.sql).
CREATE TRIGGER membership_history_insert AFTER INSERT ON membership BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'membership', json_array(new.id), 'insert',
    json_object('id', new.id, 'bloc_id', new.bloc_id, 'member_id', new.member_id, 'event', new.event, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER membership_history_update AFTER UPDATE ON membership BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'membership', json_array(new.id), 'update',
    json_object('id', old.id, 'bloc_id', old.bloc_id, 'member_id', old.member_id, 'event', old.event, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'bloc_id', new.bloc_id, 'member_id', new.member_id, 'event', new.event, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER membership_history_delete AFTER DELETE ON membership BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'membership', json_array(old.id), 'delete',
    json_object('id', old.id, 'bloc_id', old.bloc_id, 'member_id', old.member_id, 'event', old.event, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'recorded_at', old.recorded_at));
END;
CREATE TRIGGER position_history_insert AFTER INSERT ON position BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'position', json_array(new.id), 'insert',
    json_object('id', new.id, 'negotiation_id', new.negotiation_id, 'actor_id', new.actor_id, 'term_id', new.term_id, 'stance', new.stance, 'revises_id', new.revises_id, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'note', new.note, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER position_history_update AFTER UPDATE ON position BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'position', json_array(new.id), 'update',
    json_object('id', old.id, 'negotiation_id', old.negotiation_id, 'actor_id', old.actor_id, 'term_id', old.term_id, 'stance', old.stance, 'revises_id', old.revises_id, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'note', old.note, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'negotiation_id', new.negotiation_id, 'actor_id', new.actor_id, 'term_id', new.term_id, 'stance', new.stance, 'revises_id', new.revises_id, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'note', new.note, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER position_history_delete AFTER DELETE ON position BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'position', json_array(old.id), 'delete',
    json_object('id', old.id, 'negotiation_id', old.negotiation_id, 'actor_id', old.actor_id, 'term_id', old.term_id, 'stance', old.stance, 'revises_id', old.revises_id, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'note', old.note, 'recorded_at', old.recorded_at));
END;
CREATE TRIGGER answer_history_insert AFTER INSERT ON answer BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'answer', json_array(new.id), 'insert',
    json_object('id', new.id, 'condition_id', new.condition_id, 'actor_id', new.actor_id, 'outcome', new.outcome, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'note', new.note, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER answer_history_update AFTER UPDATE ON answer BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'answer', json_array(new.id), 'update',
    json_object('id', old.id, 'condition_id', old.condition_id, 'actor_id', old.actor_id, 'outcome', old.outcome, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'note', old.note, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'condition_id', new.condition_id, 'actor_id', new.actor_id, 'outcome', new.outcome, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'note', new.note, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER answer_history_delete AFTER DELETE ON answer BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'answer', json_array(old.id), 'delete',
    json_object('id', old.id, 'condition_id', old.condition_id, 'actor_id', old.actor_id, 'outcome', old.outcome, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'note', old.note, 'recorded_at', old.recorded_at));
END;
CREATE TRIGGER deadline_history_insert AFTER INSERT ON deadline BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'deadline', json_array(new.id), 'insert',
    json_object('id', new.id, 'negotiation_id', new.negotiation_id, 'proposal_id', new.proposal_id, 'title', new.title, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER deadline_history_update AFTER UPDATE ON deadline BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'deadline', json_array(new.id), 'update',
    json_object('id', old.id, 'negotiation_id', old.negotiation_id, 'proposal_id', old.proposal_id, 'title', old.title, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'negotiation_id', new.negotiation_id, 'proposal_id', new.proposal_id, 'title', new.title, 'date', new.date, 'date_first', new.date_first, 'date_last', new.date_last, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER deadline_history_delete AFTER DELETE ON deadline BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'deadline', json_array(old.id), 'delete',
    json_object('id', old.id, 'negotiation_id', old.negotiation_id, 'proposal_id', old.proposal_id, 'title', old.title, 'date', old.date, 'date_first', old.date_first, 'date_last', old.date_last, 'recorded_at', old.recorded_at));
END;
CREATE TRIGGER proposal_link_history_insert AFTER INSERT ON proposal_link BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_link', json_array(new.id), 'insert',
    json_object('id', new.id, 'proposal_id', new.proposal_id, 'link', new.link, 'other_id', new.other_id, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER proposal_link_history_update AFTER UPDATE ON proposal_link BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_link', json_array(new.id), 'update',
    json_object('id', old.id, 'proposal_id', old.proposal_id, 'link', old.link, 'other_id', old.other_id, 'recorded_at', old.recorded_at),
    json_object('id', new.id, 'proposal_id', new.proposal_id, 'link', new.link, 'other_id', new.other_id, 'recorded_at', new.recorded_at));
END;
CREATE TRIGGER proposal_link_history_delete AFTER DELETE ON proposal_link BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_link', json_array(old.id), 'delete',
    json_object('id', old.id, 'proposal_id', old.proposal_id, 'link', old.link, 'other_id', old.other_id, 'recorded_at', old.recorded_at));
END;
CREATE TRIGGER citation_history_insert AFTER INSERT ON citation BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'citation', json_array(new.id), 'insert',
    json_object('id', new.id, 'source_id', new.source_id, 'meeting_id', new.meeting_id, 'proposal_id', new.proposal_id, 'step_id', new.step_id, 'position_id', new.position_id, 'answer_id', new.answer_id, 'statement_id', new.statement_id, 'development_id', new.development_id, 'deadline_id', new.deadline_id));
END;
CREATE TRIGGER citation_history_update AFTER UPDATE ON citation BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'citation', json_array(new.id), 'update',
    json_object('id', old.id, 'source_id', old.source_id, 'meeting_id', old.meeting_id, 'proposal_id', old.proposal_id, 'step_id', old.step_id, 'position_id', old.position_id, 'answer_id', old.answer_id, 'statement_id', old.statement_id, 'development_id', old.development_id, 'deadline_id', old.deadline_id),
    json_object('id', new.id, 'source_id', new.source_id, 'meeting_id', new.meeting_id, 'proposal_id', new.proposal_id, 'step_id', new.step_id, 'position_id', new.position_id, 'answer_id', new.answer_id, 'statement_id', new.statement_id, 'development_id', new.development_id, 'deadline_id', new.deadline_id));
END;
CREATE TRIGGER citation_history_delete AFTER DELETE ON citation BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'citation', json_array(old.id), 'delete',
    json_object('id', old.id, 'source_id', old.source_id, 'meeting_id', old.meeting_id, 'proposal_id', old.proposal_id, 'step_id', old.step_id, 'position_id', old.position_id, 'answer_id', old.answer_id, 'statement_id', old.statement_id, 'development_id', old.development_id, 'deadline_id', old.deadline_id));
END;
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

-- The current record, over the rebuilt tables, and of the new ones (see 0005_lifecycle.sql).
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
  AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'negotiation' AND r.record_id = c.negotiation_id);

CREATE VIEW current_answer AS
SELECT a.* FROM answer a
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'answer' AND r.record_id = a.id)
  AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'position' AND r.record_id = a.condition_id)
  AND NOT EXISTS (SELECT 1 FROM position c JOIN retraction r ON r.record_table = 'negotiation'
    AND r.record_id = c.negotiation_id WHERE c.id = a.condition_id);

CREATE VIEW current_participant AS
SELECT p.* FROM participant p
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'participant' AND r.record_id = p.id);

CREATE VIEW current_membership AS
SELECT m.* FROM membership m
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'membership' AND r.record_id = m.id);

CREATE VIEW current_deadline AS
SELECT d.* FROM deadline d
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'deadline' AND r.record_id = d.id)
  AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'negotiation' AND r.record_id = d.negotiation_id);

CREATE VIEW current_proposal_link AS
SELECT l.* FROM proposal_link l
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'proposal_link' AND r.record_id = l.id);

CREATE VIEW current_meeting AS
SELECT m.* FROM meeting m
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'meeting' AND r.record_id = m.id);

CREATE VIEW current_statement AS
SELECT q.* FROM statement q
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'statement' AND r.record_id = q.id);

CREATE VIEW current_development AS
SELECT d.* FROM development d
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'development' AND r.record_id = d.id);


-- Who takes part in each negotiation today (retracted joinings and leavings left out).
DROP VIEW participant_today;
CREATE VIEW participant_today AS
SELECT p.negotiation_id, p.actor_id, p.role, p.side, p.date AS since
FROM current_participant p
WHERE p.event = 'joined' AND (p.date_last IS NULL OR p.date_last <= date('now', 'localtime'))
  AND NOT EXISTS (
    SELECT 1 FROM current_participant q
    WHERE q.negotiation_id = p.negotiation_id AND q.actor_id = p.actor_id AND q.role = p.role
      AND q.id <> p.id AND q.date_last IS NOT NULL AND q.date_last <= date('now', 'localtime')
      AND (p.date_first IS NULL OR q.date_first > p.date_first OR (q.date_first = p.date_first AND q.id > p.id)));

-- Who belongs to each bloc today.
CREATE VIEW member_today AS
SELECT m.bloc_id, m.member_id, m.date AS since
FROM current_membership m
WHERE m.event = 'joined' AND (m.date_last IS NULL OR m.date_last <= date('now', 'localtime'))
  AND NOT EXISTS (
    SELECT 1 FROM current_membership q
    WHERE q.bloc_id = m.bloc_id AND q.member_id = m.member_id AND q.id <> m.id
      AND q.date_last IS NOT NULL AND q.date_last <= date('now', 'localtime')
      AND (m.date_first IS NULL OR q.date_first > m.date_first OR (q.date_first = m.date_first AND q.id > m.id)));

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


-- Each condition, its latest answer from each counterpart that has happened (its whole date
-- passed), and where it stands today, by the rule in the README (Conditions): `answers` lists them
-- ("accepted by P5+1 2015-07-14; reneged by United States 2018-05-08").
DROP VIEW IF EXISTS condition_status;
CREATE VIEW condition_status AS
SELECT
  c.id AS condition_id,
  c.negotiation_id,
  h.name AS held_by,
  c.stance,
  t.text AS term,
  (SELECT group_concat(o.text, '; ') FROM term_link l JOIN term o ON o.id = l.other_term_id
    WHERE l.position_id = c.id AND l.link = 'in_exchange_for') AS in_exchange_for,
  c.date AS since,
  (SELECT group_concat(x.outcome || coalesce(' by ' || xa.name, '') || ' ' || x.date, '; ')
    FROM current_answer x LEFT JOIN actor xa ON xa.id = x.actor_id
    WHERE x.condition_id = c.id AND x.date_last <= date('now', 'localtime')
      AND NOT EXISTS (SELECT 1 FROM current_answer y WHERE y.condition_id = c.id
        AND y.actor_id IS x.actor_id AND y.date_last <= date('now', 'localtime')
        AND (y.date_first > x.date_first OR (y.date_first = x.date_first AND y.id > x.id)))) AS answers,
  (SELECT r.id FROM current_position r WHERE r.revises_id = c.id AND r.date_last <= date('now', 'localtime')
    ORDER BY r.date_first, r.id LIMIT 1) AS revised_by
FROM current_position c
JOIN term t ON t.id = c.term_id
JOIN actor h ON h.id = c.actor_id
WHERE c.date_first <= date('now', 'localtime');
