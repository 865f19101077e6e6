-- Full-text search over everything an analyst wrote or quoted: negotiation titles and summaries,
-- proposal titles, terms and values, step notes, terms, condition notes, quotes and their context,
-- meeting places and summaries, developments, source titles and outlets.
--
-- `search` is one SQLite FTS5 table. Its rowid names the fact it indexes: the fact's id times 16
-- plus the number of its kind (1 negotiation, 2 proposal, 3 step, 4 term, 5 condition or answer
-- (a position), 6 quote, 7 meeting, 8 development, 9 source); `kind` and `ref` say the same in
-- words. Triggers on the tables keep it in step, so that a row inserted, updated or deleted with
-- the sqlite3 shell is indexed too. Try:
--
--   SELECT kind, ref, snippet(search, -1, '[', ']', '…', 12) FROM search
--   WHERE search MATCH 'munchen' ORDER BY rank LIMIT 20;
--
-- The tokenizer folds case and removes diacritics in any script ("Munchen" finds "München").
-- Ranking is bm25, a match in a title weighing four times one in the text and eight times one in
-- a context (where a quote was said, which outlet a source is).

CREATE VIRTUAL TABLE search USING fts5 (
  title, body, context, kind UNINDEXED, ref UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search (search, rank) VALUES ('rank', 'bm25(4.0, 1.0, 0.5)');

-- Negotiations: title and summary.
INSERT INTO search (rowid, title, body, context, kind, ref)
SELECT id * 16 + 1, title, summary, NULL, 'negotiation', id FROM negotiation;
CREATE TRIGGER negotiation_search_insert AFTER INSERT ON negotiation BEGIN
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 1, new.title, new.summary, NULL, 'negotiation', new.id);
END;
CREATE TRIGGER negotiation_search_update AFTER UPDATE ON negotiation BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 1;
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 1, new.title, new.summary, NULL, 'negotiation', new.id);
END;
CREATE TRIGGER negotiation_search_delete AFTER DELETE ON negotiation BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 1;
END;

-- Proposals: title, terms and value as typed.
INSERT INTO search (rowid, title, body, context, kind, ref)
SELECT id * 16 + 2, title, terms, value, 'proposal', id FROM proposal;
CREATE TRIGGER proposal_search_insert AFTER INSERT ON proposal BEGIN
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 2, new.title, new.terms, new.value, 'proposal', new.id);
END;
CREATE TRIGGER proposal_search_update AFTER UPDATE ON proposal BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 2;
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 2, new.title, new.terms, new.value, 'proposal', new.id);
END;
CREATE TRIGGER proposal_search_delete AFTER DELETE ON proposal BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 2;
END;

-- Proposal steps: their notes, where they have one.
INSERT INTO search (rowid, title, body, context, kind, ref)
SELECT id * 16 + 3, NULL, note, NULL, 'step', id FROM proposal_step WHERE note IS NOT NULL;
CREATE TRIGGER proposal_step_search_insert AFTER INSERT ON proposal_step
WHEN new.note IS NOT NULL BEGIN
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 3, NULL, new.note, NULL, 'step', new.id);
END;
CREATE TRIGGER proposal_step_search_update AFTER UPDATE ON proposal_step BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 3;
  INSERT INTO search (rowid, title, body, context, kind, ref)
  SELECT new.id * 16 + 3, NULL, new.note, NULL, 'step', new.id WHERE new.note IS NOT NULL;
END;
CREATE TRIGGER proposal_step_search_delete AFTER DELETE ON proposal_step BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 3;
END;

-- Terms: what one side would give or get.
INSERT INTO search (rowid, title, body, context, kind, ref)
SELECT id * 16 + 4, NULL, text, NULL, 'term', id FROM term;
CREATE TRIGGER term_search_insert AFTER INSERT ON term BEGIN
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 4, NULL, new.text, NULL, 'term', new.id);
END;
CREATE TRIGGER term_search_update AFTER UPDATE ON term BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 4;
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 4, NULL, new.text, NULL, 'term', new.id);
END;
CREATE TRIGGER term_search_delete AFTER DELETE ON term BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 4;
END;

-- Positions (conditions and the answers to them): their notes, where they have one.
INSERT INTO search (rowid, title, body, context, kind, ref)
SELECT id * 16 + 5, NULL, note, NULL,
  CASE WHEN answers_id IS NULL THEN 'condition' ELSE 'answer' END, id
FROM position WHERE note IS NOT NULL;
CREATE TRIGGER position_search_insert AFTER INSERT ON position
WHEN new.note IS NOT NULL BEGIN
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 5, NULL, new.note, NULL,
    CASE WHEN new.answers_id IS NULL THEN 'condition' ELSE 'answer' END, new.id);
END;
CREATE TRIGGER position_search_update AFTER UPDATE ON position BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 5;
  INSERT INTO search (rowid, title, body, context, kind, ref)
  SELECT new.id * 16 + 5, NULL, new.note, NULL,
    CASE WHEN new.answers_id IS NULL THEN 'condition' ELSE 'answer' END, new.id
  WHERE new.note IS NOT NULL;
END;
CREATE TRIGGER position_search_delete AFTER DELETE ON position BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 5;
END;

-- Quotes: the words, verbatim, and where they were said.
INSERT INTO search (rowid, title, body, context, kind, ref)
SELECT id * 16 + 6, NULL, text, context, 'quote', id FROM statement;
CREATE TRIGGER statement_search_insert AFTER INSERT ON statement BEGIN
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 6, NULL, new.text, new.context, 'quote', new.id);
END;
CREATE TRIGGER statement_search_update AFTER UPDATE ON statement BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 6;
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 6, NULL, new.text, new.context, 'quote', new.id);
END;
CREATE TRIGGER statement_search_delete AFTER DELETE ON statement BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 6;
END;

-- Meetings: place and summary, where there is either.
INSERT INTO search (rowid, title, body, context, kind, ref)
SELECT id * 16 + 7, place, summary, NULL, 'meeting', id FROM meeting
WHERE place IS NOT NULL OR summary IS NOT NULL;
CREATE TRIGGER meeting_search_insert AFTER INSERT ON meeting
WHEN new.place IS NOT NULL OR new.summary IS NOT NULL BEGIN
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 7, new.place, new.summary, NULL, 'meeting', new.id);
END;
CREATE TRIGGER meeting_search_update AFTER UPDATE ON meeting BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 7;
  INSERT INTO search (rowid, title, body, context, kind, ref)
  SELECT new.id * 16 + 7, new.place, new.summary, NULL, 'meeting', new.id
  WHERE new.place IS NOT NULL OR new.summary IS NOT NULL;
END;
CREATE TRIGGER meeting_search_delete AFTER DELETE ON meeting BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 7;
END;

-- Developments: the free log.
INSERT INTO search (rowid, title, body, context, kind, ref)
SELECT id * 16 + 8, NULL, text, NULL, 'development', id FROM development;
CREATE TRIGGER development_search_insert AFTER INSERT ON development BEGIN
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 8, NULL, new.text, NULL, 'development', new.id);
END;
CREATE TRIGGER development_search_update AFTER UPDATE ON development BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 8;
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 8, NULL, new.text, NULL, 'development', new.id);
END;
CREATE TRIGGER development_search_delete AFTER DELETE ON development BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 8;
END;

-- Sources: title and outlet.
INSERT INTO search (rowid, title, body, context, kind, ref)
SELECT id * 16 + 9, title, NULL, outlet, 'source', id FROM source;
CREATE TRIGGER source_search_insert AFTER INSERT ON source BEGIN
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 9, new.title, NULL, new.outlet, 'source', new.id);
END;
CREATE TRIGGER source_search_update AFTER UPDATE ON source BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 9;
  INSERT INTO search (rowid, title, body, context, kind, ref)
  VALUES (new.id * 16 + 9, new.title, NULL, new.outlet, 'source', new.id);
END;
CREATE TRIGGER source_search_delete AFTER DELETE ON source BEGIN
  DELETE FROM search WHERE rowid = old.id * 16 + 9;
END;
