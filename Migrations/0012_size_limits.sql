-- How long a text may be: 4 KB (4,096 bytes of UTF-8) for a name, title, place, label, URL or
-- other short field; 1 MB (1,048,576 bytes) for a text, note, summary, quote or term. A value
-- longer than that is refused, with one line naming the table and the column, whether it comes
-- from a command, an import or the sqlite3 shell: a 50 MB "text" would otherwise be taken whole
-- (and shown, searched and exported whole). The rule's numbers live in Swift too
-- (`FieldLimit`), which checks an import's fields as it reads them, naming the line; these
-- triggers hold everything else to it. Like the date rules (0010), an import's bulk write skips
-- them, having checked every field itself.

CREATE TRIGGER actor_sizes_insert BEFORE INSERT ON actor WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'actor.name is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.name AS BLOB)) > 4096;
END;
CREATE TRIGGER actor_sizes_update BEFORE UPDATE OF name ON actor BEGIN
  SELECT RAISE(ABORT, 'actor.name is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.name AS BLOB)) > 4096;
END;

CREATE TRIGGER actor_alias_sizes_insert BEFORE INSERT ON actor_alias WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'actor_alias.alias is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.alias AS BLOB)) > 4096;
END;
CREATE TRIGGER actor_alias_sizes_update BEFORE UPDATE OF alias ON actor_alias BEGIN
  SELECT RAISE(ABORT, 'actor_alias.alias is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.alias AS BLOB)) > 4096;
END;

CREATE TRIGGER affiliation_sizes_insert BEFORE INSERT ON affiliation WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'affiliation.role is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.role AS BLOB)) > 4096;
END;
CREATE TRIGGER affiliation_sizes_update BEFORE UPDATE OF role ON affiliation BEGIN
  SELECT RAISE(ABORT, 'affiliation.role is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.role AS BLOB)) > 4096;
END;

CREATE TRIGGER answer_sizes_insert BEFORE INSERT ON answer WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'answer.note is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.note AS BLOB)) > 1048576;
END;
CREATE TRIGGER answer_sizes_update BEFORE UPDATE OF note ON answer BEGIN
  SELECT RAISE(ABORT, 'answer.note is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.note AS BLOB)) > 1048576;
END;

CREATE TRIGGER deadline_sizes_insert BEFORE INSERT ON deadline WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'deadline.title is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.title AS BLOB)) > 4096;
END;
CREATE TRIGGER deadline_sizes_update BEFORE UPDATE OF title ON deadline BEGIN
  SELECT RAISE(ABORT, 'deadline.title is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.title AS BLOB)) > 4096;
END;

CREATE TRIGGER development_sizes_insert BEFORE INSERT ON development WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'development.text is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.text AS BLOB)) > 1048576;
END;
CREATE TRIGGER development_sizes_update BEFORE UPDATE OF text ON development BEGIN
  SELECT RAISE(ABORT, 'development.text is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.text AS BLOB)) > 1048576;
END;

CREATE TRIGGER meeting_sizes_insert BEFORE INSERT ON meeting WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'meeting.place is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.place AS BLOB)) > 4096;
  SELECT RAISE(ABORT, 'meeting.summary is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.summary AS BLOB)) > 1048576;
END;
CREATE TRIGGER meeting_sizes_update BEFORE UPDATE OF place, summary ON meeting BEGIN
  SELECT RAISE(ABORT, 'meeting.place is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.place AS BLOB)) > 4096;
  SELECT RAISE(ABORT, 'meeting.summary is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.summary AS BLOB)) > 1048576;
END;

CREATE TRIGGER negotiation_sizes_insert BEFORE INSERT ON negotiation WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'negotiation.title is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.title AS BLOB)) > 4096;
  SELECT RAISE(ABORT, 'negotiation.summary is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.summary AS BLOB)) > 1048576;
END;
CREATE TRIGGER negotiation_sizes_update BEFORE UPDATE OF title, summary ON negotiation BEGIN
  SELECT RAISE(ABORT, 'negotiation.title is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.title AS BLOB)) > 4096;
  SELECT RAISE(ABORT, 'negotiation.summary is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.summary AS BLOB)) > 1048576;
END;

CREATE TRIGGER negotiation_tag_sizes_insert BEFORE INSERT ON negotiation_tag WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'negotiation_tag.tag is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.tag AS BLOB)) > 4096;
END;
CREATE TRIGGER negotiation_tag_sizes_update BEFORE UPDATE OF tag ON negotiation_tag BEGIN
  SELECT RAISE(ABORT, 'negotiation_tag.tag is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.tag AS BLOB)) > 4096;
END;

CREATE TRIGGER participant_sizes_insert BEFORE INSERT ON participant WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'participant.side is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.side AS BLOB)) > 4096;
END;
CREATE TRIGGER participant_sizes_update BEFORE UPDATE OF side ON participant BEGIN
  SELECT RAISE(ABORT, 'participant.side is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.side AS BLOB)) > 4096;
END;

CREATE TRIGGER position_sizes_insert BEFORE INSERT ON position WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'position.note is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.note AS BLOB)) > 1048576;
END;
CREATE TRIGGER position_sizes_update BEFORE UPDATE OF note ON position BEGIN
  SELECT RAISE(ABORT, 'position.note is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.note AS BLOB)) > 1048576;
END;

CREATE TRIGGER proposal_sizes_insert BEFORE INSERT ON proposal WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'proposal.title is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.title AS BLOB)) > 4096;
  SELECT RAISE(ABORT, 'proposal.value is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.value AS BLOB)) > 4096;
  SELECT RAISE(ABORT, 'proposal.terms is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.terms AS BLOB)) > 1048576;
END;
CREATE TRIGGER proposal_sizes_update BEFORE UPDATE OF title, value, terms ON proposal BEGIN
  SELECT RAISE(ABORT, 'proposal.title is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.title AS BLOB)) > 4096;
  SELECT RAISE(ABORT, 'proposal.value is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.value AS BLOB)) > 4096;
  SELECT RAISE(ABORT, 'proposal.terms is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.terms AS BLOB)) > 1048576;
END;

CREATE TRIGGER proposal_signatory_sizes_insert BEFORE INSERT ON proposal_signatory WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'proposal_signatory.text is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.text AS BLOB)) > 1048576;
END;
CREATE TRIGGER proposal_signatory_sizes_update BEFORE UPDATE OF text ON proposal_signatory BEGIN
  SELECT RAISE(ABORT, 'proposal_signatory.text is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.text AS BLOB)) > 1048576;
END;

CREATE TRIGGER proposal_step_sizes_insert BEFORE INSERT ON proposal_step WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'proposal_step.label is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.label AS BLOB)) > 4096;
  SELECT RAISE(ABORT, 'proposal_step.note is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.note AS BLOB)) > 1048576;
END;
CREATE TRIGGER proposal_step_sizes_update BEFORE UPDATE OF label, note ON proposal_step BEGIN
  SELECT RAISE(ABORT, 'proposal_step.label is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.label AS BLOB)) > 4096;
  SELECT RAISE(ABORT, 'proposal_step.note is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.note AS BLOB)) > 1048576;
END;

CREATE TRIGGER retraction_sizes_insert BEFORE INSERT ON retraction WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'retraction.reason is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.reason AS BLOB)) > 1048576;
END;
CREATE TRIGGER retraction_sizes_update BEFORE UPDATE OF reason ON retraction BEGIN
  SELECT RAISE(ABORT, 'retraction.reason is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.reason AS BLOB)) > 1048576;
END;

CREATE TRIGGER source_sizes_insert BEFORE INSERT ON source WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'source.url is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.url AS BLOB)) > 4096;
  SELECT RAISE(ABORT, 'source.outlet is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.outlet AS BLOB)) > 4096;
  SELECT RAISE(ABORT, 'source.title is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.title AS BLOB)) > 4096;
END;
CREATE TRIGGER source_sizes_update BEFORE UPDATE OF url, outlet, title ON source BEGIN
  SELECT RAISE(ABORT, 'source.url is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.url AS BLOB)) > 4096;
  SELECT RAISE(ABORT, 'source.outlet is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.outlet AS BLOB)) > 4096;
  SELECT RAISE(ABORT, 'source.title is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.title AS BLOB)) > 4096;
END;

CREATE TRIGGER statement_sizes_insert BEFORE INSERT ON statement WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'statement.language is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.language AS BLOB)) > 4096;
  SELECT RAISE(ABORT, 'statement.text is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.text AS BLOB)) > 1048576;
  SELECT RAISE(ABORT, 'statement.context is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.context AS BLOB)) > 1048576;
END;
CREATE TRIGGER statement_sizes_update BEFORE UPDATE OF language, text, context ON statement BEGIN
  SELECT RAISE(ABORT, 'statement.language is longer than Accord keeps (4 KB, 4096 bytes): shorten it') WHERE length(CAST(new.language AS BLOB)) > 4096;
  SELECT RAISE(ABORT, 'statement.text is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.text AS BLOB)) > 1048576;
  SELECT RAISE(ABORT, 'statement.context is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.context AS BLOB)) > 1048576;
END;

CREATE TRIGGER term_sizes_insert BEFORE INSERT ON term WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'term.text is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.text AS BLOB)) > 1048576;
END;
CREATE TRIGGER term_sizes_update BEFORE UPDATE OF text ON term BEGIN
  SELECT RAISE(ABORT, 'term.text is longer than Accord keeps (1 MB, 1048576 bytes): shorten it') WHERE length(CAST(new.text AS BLOB)) > 1048576;
END;
