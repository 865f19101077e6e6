-- The lean write path (issue "A lean write path, and a test suite that is fast and never flaky").
--
-- Every row written was written three times: the row, a JSON copy of it in change_log.after, and
-- a copy of its text in the full-text index's own content. Now:
--
-- * An insert is logged by its key alone: the row is its own "after" (updates and deletes keep
--   their before and after, as undo needs them). The inserts of the log made before this
--   migration drop their copies.
-- * A large write (an import, `accord generate`) runs in bulk: while `bulk_write` holds a row
--   (inside the write's transaction), the insert triggers neither log nor index, and Accord logs
--   each table's new rows in one change_log row of operation 'inserts', whose row_key lists them
--   (ranges [[first, last], …] of the id for a table keyed by id, the keys themselves otherwise),
--   and indexes them in one statement from `search_source`. Undo and history read both forms. A
--   bulk write only inserts: the search triggers refuse a change or removal during one. An edit
--   made with the sqlite3 shell is logged and indexed row by row as before.
-- * The full-text index keeps no copy of the text (FTS5 contentless): the view `search_source`
--   gives each indexed fact's text by the index's rowid (id x 16 + kind number), and the
--   triggers give FTS5 the old text when a fact changes or goes. Its first column is the body,
--   the column most facts fill, which keeps the index a third smaller; the ranking weighs the
--   columns as before (title 4, body 1, context 0.5).

CREATE TABLE bulk_write (
  id INTEGER PRIMARY KEY CHECK (id = 1)
) STRICT;

-- change_log, with 'inserts' and without the copies of inserted rows. Every history trigger
-- writes to it: they go while it is rebuilt, and come back after (the update and delete triggers
-- as they were).
DROP TRIGGER actor_history_insert;
DROP TRIGGER actor_history_update;
DROP TRIGGER actor_history_delete;
DROP TRIGGER actor_alias_history_insert;
DROP TRIGGER actor_alias_history_update;
DROP TRIGGER actor_alias_history_delete;
DROP TRIGGER affiliation_history_insert;
DROP TRIGGER affiliation_history_update;
DROP TRIGGER affiliation_history_delete;
DROP TRIGGER answer_history_insert;
DROP TRIGGER answer_history_update;
DROP TRIGGER answer_history_delete;
DROP TRIGGER citation_history_insert;
DROP TRIGGER citation_history_update;
DROP TRIGGER citation_history_delete;
DROP TRIGGER dataset_record_history_insert;
DROP TRIGGER dataset_record_history_update;
DROP TRIGGER dataset_record_history_delete;
DROP TRIGGER deadline_history_insert;
DROP TRIGGER deadline_history_update;
DROP TRIGGER deadline_history_delete;
DROP TRIGGER development_history_insert;
DROP TRIGGER development_history_update;
DROP TRIGGER development_history_delete;
DROP TRIGGER development_actor_history_insert;
DROP TRIGGER development_actor_history_update;
DROP TRIGGER development_actor_history_delete;
DROP TRIGGER meeting_history_insert;
DROP TRIGGER meeting_history_update;
DROP TRIGGER meeting_history_delete;
DROP TRIGGER meeting_participant_history_insert;
DROP TRIGGER meeting_participant_history_update;
DROP TRIGGER meeting_participant_history_delete;
DROP TRIGGER membership_history_insert;
DROP TRIGGER membership_history_update;
DROP TRIGGER membership_history_delete;
DROP TRIGGER negotiation_history_insert;
DROP TRIGGER negotiation_history_update;
DROP TRIGGER negotiation_history_delete;
DROP TRIGGER negotiation_tag_history_insert;
DROP TRIGGER negotiation_tag_history_update;
DROP TRIGGER negotiation_tag_history_delete;
DROP TRIGGER participant_history_insert;
DROP TRIGGER participant_history_update;
DROP TRIGGER participant_history_delete;
DROP TRIGGER position_history_insert;
DROP TRIGGER position_history_update;
DROP TRIGGER position_history_delete;
DROP TRIGGER proposal_history_insert;
DROP TRIGGER proposal_history_update;
DROP TRIGGER proposal_history_delete;
DROP TRIGGER proposal_link_history_insert;
DROP TRIGGER proposal_link_history_update;
DROP TRIGGER proposal_link_history_delete;
DROP TRIGGER proposal_signatory_history_insert;
DROP TRIGGER proposal_signatory_history_update;
DROP TRIGGER proposal_signatory_history_delete;
DROP TRIGGER proposal_stage_history_insert;
DROP TRIGGER proposal_stage_history_update;
DROP TRIGGER proposal_stage_history_delete;
DROP TRIGGER proposal_step_history_insert;
DROP TRIGGER proposal_step_history_update;
DROP TRIGGER proposal_step_history_delete;
DROP TRIGGER retraction_history_insert;
DROP TRIGGER retraction_history_update;
DROP TRIGGER retraction_history_delete;
DROP TRIGGER source_history_insert;
DROP TRIGGER source_history_update;
DROP TRIGGER source_history_delete;
DROP TRIGGER statement_history_insert;
DROP TRIGGER statement_history_update;
DROP TRIGGER statement_history_delete;
DROP TRIGGER term_history_insert;
DROP TRIGGER term_history_update;
DROP TRIGGER term_history_delete;
DROP TRIGGER term_link_history_insert;
DROP TRIGGER term_link_history_update;
DROP TRIGGER term_link_history_delete;
DROP TRIGGER change_log_no_update;
DROP TRIGGER change_log_no_delete;
CREATE TABLE change_log_new (
  id INTEGER PRIMARY KEY,
  command_id INTEGER REFERENCES command (id),
  changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  table_name TEXT NOT NULL,
  row_key TEXT NOT NULL,
  operation TEXT NOT NULL CHECK (operation IN ('insert', 'inserts', 'update', 'delete')),
  before TEXT,
  after TEXT,
  CHECK ((before IS NULL) = (operation IN ('insert', 'inserts'))),
  CHECK ((after IS NULL) = (operation <> 'update'))
) STRICT;
INSERT INTO change_log_new (id, command_id, changed_at, table_name, row_key, operation, before, after)
SELECT id, command_id, changed_at, table_name, row_key, operation, before,
  CASE WHEN operation = 'update' THEN after END
FROM change_log ORDER BY id;
DROP TABLE change_log;
ALTER TABLE change_log_new RENAME TO change_log;
CREATE INDEX change_log_by_command ON change_log (command_id);
CREATE INDEX change_log_by_row ON change_log (table_name, row_key);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log BEGIN
  SELECT RAISE(ABORT, 'the change log is append-only');
END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log BEGIN
  SELECT RAISE(ABORT, 'the change log is append-only');
END;

-- Inserts: logged by key, and not at all during a bulk write (which logs its rows itself).
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
CREATE TRIGGER actor_history_insert AFTER INSERT ON actor WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'actor', json_array(new.id), 'insert');
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
CREATE TRIGGER actor_alias_history_insert AFTER INSERT ON actor_alias WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'actor_alias', json_array(new.id), 'insert');
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
CREATE TRIGGER affiliation_history_insert AFTER INSERT ON affiliation WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'affiliation', json_array(new.id), 'insert');
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
CREATE TRIGGER answer_history_insert AFTER INSERT ON answer WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'answer', json_array(new.id), 'insert');
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
CREATE TRIGGER citation_history_insert AFTER INSERT ON citation WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'citation', json_array(new.id), 'insert');
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
CREATE TRIGGER dataset_record_history_insert AFTER INSERT ON dataset_record WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'dataset_record', json_array(new.id), 'insert');
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
CREATE TRIGGER deadline_history_insert AFTER INSERT ON deadline WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'deadline', json_array(new.id), 'insert');
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
CREATE TRIGGER development_history_insert AFTER INSERT ON development WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'development', json_array(new.id), 'insert');
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
CREATE TRIGGER development_actor_history_insert AFTER INSERT ON development_actor WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'development_actor', json_array(new.development_id, new.actor_id), 'insert');
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
CREATE TRIGGER meeting_history_insert AFTER INSERT ON meeting WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'meeting', json_array(new.id), 'insert');
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
CREATE TRIGGER meeting_participant_history_insert AFTER INSERT ON meeting_participant WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'meeting_participant', json_array(new.meeting_id, new.actor_id), 'insert');
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
CREATE TRIGGER membership_history_insert AFTER INSERT ON membership WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'membership', json_array(new.id), 'insert');
END;
CREATE TRIGGER negotiation_history_update AFTER UPDATE ON negotiation BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'negotiation', json_array(new.id), 'update',
    json_object('id', old.id, 'slug', old.slug, 'title', old.title, 'title_key', old.title_key, 'summary', old.summary, 'recorded_at', old.recorded_at, 'dormant_after', old.dormant_after),
    json_object('id', new.id, 'slug', new.slug, 'title', new.title, 'title_key', new.title_key, 'summary', new.summary, 'recorded_at', new.recorded_at, 'dormant_after', new.dormant_after));
END;
CREATE TRIGGER negotiation_history_delete AFTER DELETE ON negotiation BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, before)
  VALUES ((SELECT id FROM command WHERE open = 1), 'negotiation', json_array(old.id), 'delete',
    json_object('id', old.id, 'slug', old.slug, 'title', old.title, 'title_key', old.title_key, 'summary', old.summary, 'recorded_at', old.recorded_at, 'dormant_after', old.dormant_after));
END;
CREATE TRIGGER negotiation_history_insert AFTER INSERT ON negotiation WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'negotiation', json_array(new.id), 'insert');
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
CREATE TRIGGER negotiation_tag_history_insert AFTER INSERT ON negotiation_tag WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'negotiation_tag', json_array(new.negotiation_id, new.tag), 'insert');
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
CREATE TRIGGER participant_history_insert AFTER INSERT ON participant WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'participant', json_array(new.id), 'insert');
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
CREATE TRIGGER position_history_insert AFTER INSERT ON position WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'position', json_array(new.id), 'insert');
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
CREATE TRIGGER proposal_history_insert AFTER INSERT ON proposal WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal', json_array(new.id), 'insert');
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
CREATE TRIGGER proposal_link_history_insert AFTER INSERT ON proposal_link WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_link', json_array(new.id), 'insert');
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
CREATE TRIGGER proposal_signatory_history_insert AFTER INSERT ON proposal_signatory WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_signatory', json_array(new.id), 'insert');
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
CREATE TRIGGER proposal_stage_history_insert AFTER INSERT ON proposal_stage WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_stage', json_array(new.id), 'insert');
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
CREATE TRIGGER proposal_step_history_insert AFTER INSERT ON proposal_step WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'proposal_step', json_array(new.id), 'insert');
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
CREATE TRIGGER retraction_history_insert AFTER INSERT ON retraction WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'retraction', json_array(new.id), 'insert');
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
CREATE TRIGGER source_history_insert AFTER INSERT ON source WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'source', json_array(new.id), 'insert');
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
CREATE TRIGGER statement_history_insert AFTER INSERT ON statement WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'statement', json_array(new.id), 'insert');
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
CREATE TRIGGER term_history_insert AFTER INSERT ON term WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'term', json_array(new.id), 'insert');
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
CREATE TRIGGER term_link_history_insert AFTER INSERT ON term_link WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation)
  VALUES ((SELECT id FROM command WHERE open = 1), 'term_link', json_array(new.id), 'insert');
END;

-- The full-text index, contentless. Its rowid is the fact's id x 16 + its kind's number:
-- 1 negotiation, 2 proposal, 3 step, 4 term, 5 condition, 6 quote, 7 meeting, 8 development,
-- 9 source, 10 answer, 11 deadline. `search_source` is the text each row indexes.
DROP TRIGGER negotiation_search_insert;
DROP TRIGGER negotiation_search_update;
DROP TRIGGER negotiation_search_delete;
DROP TRIGGER proposal_search_insert;
DROP TRIGGER proposal_search_update;
DROP TRIGGER proposal_search_delete;
DROP TRIGGER proposal_step_search_insert;
DROP TRIGGER proposal_step_search_update;
DROP TRIGGER proposal_step_search_delete;
DROP TRIGGER term_search_insert;
DROP TRIGGER term_search_update;
DROP TRIGGER term_search_delete;
DROP TRIGGER position_search_insert;
DROP TRIGGER position_search_update;
DROP TRIGGER position_search_delete;
DROP TRIGGER statement_search_insert;
DROP TRIGGER statement_search_update;
DROP TRIGGER statement_search_delete;
DROP TRIGGER meeting_search_insert;
DROP TRIGGER meeting_search_update;
DROP TRIGGER meeting_search_delete;
DROP TRIGGER development_search_insert;
DROP TRIGGER development_search_update;
DROP TRIGGER development_search_delete;
DROP TRIGGER source_search_insert;
DROP TRIGGER source_search_update;
DROP TRIGGER source_search_delete;
DROP TRIGGER answer_search_insert;
DROP TRIGGER answer_search_update;
DROP TRIGGER answer_search_delete;
DROP TRIGGER deadline_search_insert;
DROP TRIGGER deadline_search_update;
DROP TRIGGER deadline_search_delete;
DROP TABLE search;
CREATE VIRTUAL TABLE search USING fts5 (
  body, title, context,
  content = '',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search (search, rank) VALUES ('rank', 'bm25(1.0, 4.0, 0.5)');

CREATE VIEW search_source AS
SELECT negotiation.id * 16 + 1 AS rowid, 1 AS kind_number, 'negotiation' AS kind, 'negotiation' AS source_table,
  negotiation.id AS ref, negotiation.title AS title, negotiation.summary AS body, NULL AS context
FROM negotiation
UNION ALL
SELECT proposal.id * 16 + 2 AS rowid, 2 AS kind_number, 'proposal' AS kind, 'proposal' AS source_table,
  proposal.id AS ref, proposal.title AS title, proposal.terms AS body, proposal.value AS context
FROM proposal
UNION ALL
SELECT proposal_step.id * 16 + 3 AS rowid, 3 AS kind_number, 'step' AS kind, 'proposal_step' AS source_table,
  proposal_step.id AS ref, proposal_step.label AS title, proposal_step.note AS body, NULL AS context
FROM proposal_step
  WHERE proposal_step.note IS NOT NULL OR proposal_step.label IS NOT NULL
UNION ALL
SELECT term.id * 16 + 4 AS rowid, 4 AS kind_number, 'term' AS kind, 'term' AS source_table,
  term.id AS ref, NULL AS title, term.text AS body, NULL AS context
FROM term
UNION ALL
SELECT position.id * 16 + 5 AS rowid, 5 AS kind_number, 'condition' AS kind, 'position' AS source_table,
  position.id AS ref, NULL AS title, position.note AS body, NULL AS context
FROM position
  WHERE position.note IS NOT NULL
UNION ALL
SELECT statement.id * 16 + 6 AS rowid, 6 AS kind_number, 'quote' AS kind, 'statement' AS source_table,
  statement.id AS ref, NULL AS title, statement.text AS body, statement.context AS context
FROM statement
UNION ALL
SELECT meeting.id * 16 + 7 AS rowid, 7 AS kind_number, 'meeting' AS kind, 'meeting' AS source_table,
  meeting.id AS ref, meeting.place AS title, meeting.summary AS body, NULL AS context
FROM meeting
  WHERE meeting.place IS NOT NULL OR meeting.summary IS NOT NULL
UNION ALL
SELECT development.id * 16 + 8 AS rowid, 8 AS kind_number, 'development' AS kind, 'development' AS source_table,
  development.id AS ref, NULL AS title, development.text AS body, NULL AS context
FROM development
UNION ALL
SELECT source.id * 16 + 9 AS rowid, 9 AS kind_number, 'source' AS kind, 'source' AS source_table,
  source.id AS ref, source.title AS title, NULL AS body, source.outlet AS context
FROM source
UNION ALL
SELECT answer.id * 16 + 10 AS rowid, 10 AS kind_number, 'answer' AS kind, 'answer' AS source_table,
  answer.id AS ref, NULL AS title, answer.note AS body, NULL AS context
FROM answer
  WHERE answer.note IS NOT NULL
UNION ALL
SELECT deadline.id * 16 + 11 AS rowid, 11 AS kind_number, 'deadline' AS kind, 'deadline' AS source_table,
  deadline.id AS ref, deadline.title AS title, NULL AS body, NULL AS context
FROM deadline;

INSERT INTO search (rowid, title, body, context) SELECT rowid, title, body, context FROM search_source;

CREATE TRIGGER negotiation_search_insert AFTER INSERT ON negotiation WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO search (rowid, title, body, context) VALUES (new.id * 16 + 1, new.title, new.summary, NULL);
END;
CREATE TRIGGER negotiation_search_update AFTER UPDATE ON negotiation BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot change a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 1, old.title, old.summary, NULL;
  INSERT INTO search (rowid, title, body, context) SELECT new.id * 16 + 1, new.title, new.summary, NULL;
END;
CREATE TRIGGER negotiation_search_delete AFTER DELETE ON negotiation BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot remove a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 1, old.title, old.summary, NULL;
END;
CREATE TRIGGER proposal_search_insert AFTER INSERT ON proposal WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO search (rowid, title, body, context) VALUES (new.id * 16 + 2, new.title, new.terms, new.value);
END;
CREATE TRIGGER proposal_search_update AFTER UPDATE ON proposal BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot change a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 2, old.title, old.terms, old.value;
  INSERT INTO search (rowid, title, body, context) SELECT new.id * 16 + 2, new.title, new.terms, new.value;
END;
CREATE TRIGGER proposal_search_delete AFTER DELETE ON proposal BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot remove a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 2, old.title, old.terms, old.value;
END;
CREATE TRIGGER proposal_step_search_insert AFTER INSERT ON proposal_step WHEN NOT EXISTS (SELECT 1 FROM bulk_write) AND (new.note IS NOT NULL OR new.label IS NOT NULL) BEGIN
  INSERT INTO search (rowid, title, body, context) VALUES (new.id * 16 + 3, new.label, new.note, NULL);
END;
CREATE TRIGGER proposal_step_search_update AFTER UPDATE ON proposal_step BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot change a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 3, old.label, old.note, NULL WHERE old.note IS NOT NULL OR old.label IS NOT NULL;
  INSERT INTO search (rowid, title, body, context) SELECT new.id * 16 + 3, new.label, new.note, NULL WHERE new.note IS NOT NULL OR new.label IS NOT NULL;
END;
CREATE TRIGGER proposal_step_search_delete AFTER DELETE ON proposal_step BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot remove a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 3, old.label, old.note, NULL WHERE old.note IS NOT NULL OR old.label IS NOT NULL;
END;
CREATE TRIGGER term_search_insert AFTER INSERT ON term WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO search (rowid, title, body, context) VALUES (new.id * 16 + 4, NULL, new.text, NULL);
END;
CREATE TRIGGER term_search_update AFTER UPDATE ON term BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot change a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 4, NULL, old.text, NULL;
  INSERT INTO search (rowid, title, body, context) SELECT new.id * 16 + 4, NULL, new.text, NULL;
END;
CREATE TRIGGER term_search_delete AFTER DELETE ON term BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot remove a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 4, NULL, old.text, NULL;
END;
CREATE TRIGGER position_search_insert AFTER INSERT ON position WHEN NOT EXISTS (SELECT 1 FROM bulk_write) AND (new.note IS NOT NULL) BEGIN
  INSERT INTO search (rowid, title, body, context) VALUES (new.id * 16 + 5, NULL, new.note, NULL);
END;
CREATE TRIGGER position_search_update AFTER UPDATE ON position BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot change a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 5, NULL, old.note, NULL WHERE old.note IS NOT NULL;
  INSERT INTO search (rowid, title, body, context) SELECT new.id * 16 + 5, NULL, new.note, NULL WHERE new.note IS NOT NULL;
END;
CREATE TRIGGER position_search_delete AFTER DELETE ON position BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot remove a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 5, NULL, old.note, NULL WHERE old.note IS NOT NULL;
END;
CREATE TRIGGER statement_search_insert AFTER INSERT ON statement WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO search (rowid, title, body, context) VALUES (new.id * 16 + 6, NULL, new.text, new.context);
END;
CREATE TRIGGER statement_search_update AFTER UPDATE ON statement BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot change a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 6, NULL, old.text, old.context;
  INSERT INTO search (rowid, title, body, context) SELECT new.id * 16 + 6, NULL, new.text, new.context;
END;
CREATE TRIGGER statement_search_delete AFTER DELETE ON statement BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot remove a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 6, NULL, old.text, old.context;
END;
CREATE TRIGGER meeting_search_insert AFTER INSERT ON meeting WHEN NOT EXISTS (SELECT 1 FROM bulk_write) AND (new.place IS NOT NULL OR new.summary IS NOT NULL) BEGIN
  INSERT INTO search (rowid, title, body, context) VALUES (new.id * 16 + 7, new.place, new.summary, NULL);
END;
CREATE TRIGGER meeting_search_update AFTER UPDATE ON meeting BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot change a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 7, old.place, old.summary, NULL WHERE old.place IS NOT NULL OR old.summary IS NOT NULL;
  INSERT INTO search (rowid, title, body, context) SELECT new.id * 16 + 7, new.place, new.summary, NULL WHERE new.place IS NOT NULL OR new.summary IS NOT NULL;
END;
CREATE TRIGGER meeting_search_delete AFTER DELETE ON meeting BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot remove a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 7, old.place, old.summary, NULL WHERE old.place IS NOT NULL OR old.summary IS NOT NULL;
END;
CREATE TRIGGER development_search_insert AFTER INSERT ON development WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO search (rowid, title, body, context) VALUES (new.id * 16 + 8, NULL, new.text, NULL);
END;
CREATE TRIGGER development_search_update AFTER UPDATE ON development BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot change a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 8, NULL, old.text, NULL;
  INSERT INTO search (rowid, title, body, context) SELECT new.id * 16 + 8, NULL, new.text, NULL;
END;
CREATE TRIGGER development_search_delete AFTER DELETE ON development BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot remove a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 8, NULL, old.text, NULL;
END;
CREATE TRIGGER source_search_insert AFTER INSERT ON source WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO search (rowid, title, body, context) VALUES (new.id * 16 + 9, new.title, NULL, new.outlet);
END;
CREATE TRIGGER source_search_update AFTER UPDATE ON source BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot change a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 9, old.title, NULL, old.outlet;
  INSERT INTO search (rowid, title, body, context) SELECT new.id * 16 + 9, new.title, NULL, new.outlet;
END;
CREATE TRIGGER source_search_delete AFTER DELETE ON source BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot remove a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 9, old.title, NULL, old.outlet;
END;
CREATE TRIGGER answer_search_insert AFTER INSERT ON answer WHEN NOT EXISTS (SELECT 1 FROM bulk_write) AND (new.note IS NOT NULL) BEGIN
  INSERT INTO search (rowid, title, body, context) VALUES (new.id * 16 + 10, NULL, new.note, NULL);
END;
CREATE TRIGGER answer_search_update AFTER UPDATE ON answer BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot change a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 10, NULL, old.note, NULL WHERE old.note IS NOT NULL;
  INSERT INTO search (rowid, title, body, context) SELECT new.id * 16 + 10, NULL, new.note, NULL WHERE new.note IS NOT NULL;
END;
CREATE TRIGGER answer_search_delete AFTER DELETE ON answer BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot remove a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 10, NULL, old.note, NULL WHERE old.note IS NOT NULL;
END;
CREATE TRIGGER deadline_search_insert AFTER INSERT ON deadline WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO search (rowid, title, body, context) VALUES (new.id * 16 + 11, new.title, NULL, NULL);
END;
CREATE TRIGGER deadline_search_update AFTER UPDATE ON deadline BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot change a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 11, old.title, NULL, NULL;
  INSERT INTO search (rowid, title, body, context) SELECT new.id * 16 + 11, new.title, NULL, NULL;
END;
CREATE TRIGGER deadline_search_delete AFTER DELETE ON deadline BEGIN
  SELECT RAISE(ABORT, 'a bulk write cannot remove a fact the search indexes') WHERE EXISTS (SELECT 1 FROM bulk_write);
  INSERT INTO search (search, rowid, title, body, context) SELECT 'delete', old.id * 16 + 11, old.title, NULL, NULL;
END;
