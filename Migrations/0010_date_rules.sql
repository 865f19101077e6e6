-- Dates typed in the sqlite3 shell are held to the rules Accord's own commands keep. Each
-- stored day (`date_first`, `date_last`, and the like) is a day that exists, written YYYY-MM-DD
-- (SQLite's date() takes 2025-02-31 as it is; adding no days to it gives 2025-03-03, which is how
-- an impossible day shows), and each date as typed (`date`) begins with its year. A row that
-- breaks them is refused with one line naming the table and the column. `accord check` goes
-- further and reads every date as Accord does: the text must be one Accord can read, and the
-- stored days must be the ones it covers.
--
-- The table's own CHECK constraints would say the same, but SQLite adds a CHECK only by making
-- the table again; these triggers do it in place. Accord's imports (a bulk write, see
-- 0008_lean_writes.sql) check every date as they read it, and skip the triggers.

CREATE TRIGGER affiliation_dates_insert BEFORE INSERT ON affiliation WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'affiliation: a date is not a day that exists, written YYYY-MM-DD (columns since_first, since, until_last, until)')
  WHERE (new.since_first IS NOT NULL AND date(new.since_first, '+0 days') IS NOT new.since_first)
    OR (new.since IS NOT NULL AND new.since NOT GLOB '[0-9][0-9][0-9][0-9]*')
    OR (new.until_last IS NOT NULL AND date(new.until_last, '+0 days') IS NOT new.until_last)
    OR (new.until IS NOT NULL AND new.until NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;
CREATE TRIGGER affiliation_dates_update BEFORE UPDATE OF since_first, since, until_last, until ON affiliation BEGIN
  SELECT RAISE(ABORT, 'affiliation: a date is not a day that exists, written YYYY-MM-DD (columns since_first, since, until_last, until)')
  WHERE (new.since_first IS NOT NULL AND date(new.since_first, '+0 days') IS NOT new.since_first)
    OR (new.since IS NOT NULL AND new.since NOT GLOB '[0-9][0-9][0-9][0-9]*')
    OR (new.until_last IS NOT NULL AND date(new.until_last, '+0 days') IS NOT new.until_last)
    OR (new.until IS NOT NULL AND new.until NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;

CREATE TRIGGER answer_dates_insert BEFORE INSERT ON answer WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'answer: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;
CREATE TRIGGER answer_dates_update BEFORE UPDATE OF date_first, date_last, date ON answer BEGIN
  SELECT RAISE(ABORT, 'answer: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;

CREATE TRIGGER deadline_dates_insert BEFORE INSERT ON deadline WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'deadline: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;
CREATE TRIGGER deadline_dates_update BEFORE UPDATE OF date_first, date_last, date ON deadline BEGIN
  SELECT RAISE(ABORT, 'deadline: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;

CREATE TRIGGER development_dates_insert BEFORE INSERT ON development WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'development: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;
CREATE TRIGGER development_dates_update BEFORE UPDATE OF date_first, date_last, date ON development BEGIN
  SELECT RAISE(ABORT, 'development: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;

CREATE TRIGGER meeting_dates_insert BEFORE INSERT ON meeting WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'meeting: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;
CREATE TRIGGER meeting_dates_update BEFORE UPDATE OF date_first, date_last, date ON meeting BEGIN
  SELECT RAISE(ABORT, 'meeting: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;

CREATE TRIGGER membership_dates_insert BEFORE INSERT ON membership WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'membership: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;
CREATE TRIGGER membership_dates_update BEFORE UPDATE OF date_first, date_last, date ON membership BEGIN
  SELECT RAISE(ABORT, 'membership: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;

CREATE TRIGGER participant_dates_insert BEFORE INSERT ON participant WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'participant: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;
CREATE TRIGGER participant_dates_update BEFORE UPDATE OF date_first, date_last, date ON participant BEGIN
  SELECT RAISE(ABORT, 'participant: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;

CREATE TRIGGER position_dates_insert BEFORE INSERT ON position WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'position: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;
CREATE TRIGGER position_dates_update BEFORE UPDATE OF date_first, date_last, date ON position BEGIN
  SELECT RAISE(ABORT, 'position: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;

CREATE TRIGGER proposal_step_dates_insert BEFORE INSERT ON proposal_step WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'proposal_step: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date, until_first, until_last, until, effective_first, effective_last, effective)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*')
    OR (new.until_first IS NOT NULL AND date(new.until_first, '+0 days') IS NOT new.until_first)
    OR (new.until_last IS NOT NULL AND date(new.until_last, '+0 days') IS NOT new.until_last)
    OR (new.until IS NOT NULL AND new.until NOT GLOB '[0-9][0-9][0-9][0-9]*')
    OR (new.effective_first IS NOT NULL AND date(new.effective_first, '+0 days') IS NOT new.effective_first)
    OR (new.effective_last IS NOT NULL AND date(new.effective_last, '+0 days') IS NOT new.effective_last)
    OR (new.effective IS NOT NULL AND new.effective NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;
CREATE TRIGGER proposal_step_dates_update BEFORE UPDATE OF date_first, date_last, date, until_first, until_last, until, effective_first, effective_last, effective ON proposal_step BEGIN
  SELECT RAISE(ABORT, 'proposal_step: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date, until_first, until_last, until, effective_first, effective_last, effective)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*')
    OR (new.until_first IS NOT NULL AND date(new.until_first, '+0 days') IS NOT new.until_first)
    OR (new.until_last IS NOT NULL AND date(new.until_last, '+0 days') IS NOT new.until_last)
    OR (new.until IS NOT NULL AND new.until NOT GLOB '[0-9][0-9][0-9][0-9]*')
    OR (new.effective_first IS NOT NULL AND date(new.effective_first, '+0 days') IS NOT new.effective_first)
    OR (new.effective_last IS NOT NULL AND date(new.effective_last, '+0 days') IS NOT new.effective_last)
    OR (new.effective IS NOT NULL AND new.effective NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;

CREATE TRIGGER source_dates_insert BEFORE INSERT ON source WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'source: a date is not a day that exists, written YYYY-MM-DD (columns published_first, published_last, published)')
  WHERE (new.published_first IS NOT NULL AND date(new.published_first, '+0 days') IS NOT new.published_first)
    OR (new.published_last IS NOT NULL AND date(new.published_last, '+0 days') IS NOT new.published_last)
    OR (new.published IS NOT NULL AND new.published NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;
CREATE TRIGGER source_dates_update BEFORE UPDATE OF published_first, published_last, published ON source BEGIN
  SELECT RAISE(ABORT, 'source: a date is not a day that exists, written YYYY-MM-DD (columns published_first, published_last, published)')
  WHERE (new.published_first IS NOT NULL AND date(new.published_first, '+0 days') IS NOT new.published_first)
    OR (new.published_last IS NOT NULL AND date(new.published_last, '+0 days') IS NOT new.published_last)
    OR (new.published IS NOT NULL AND new.published NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;

CREATE TRIGGER statement_dates_insert BEFORE INSERT ON statement WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  SELECT RAISE(ABORT, 'statement: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;
CREATE TRIGGER statement_dates_update BEFORE UPDATE OF date_first, date_last, date ON statement BEGIN
  SELECT RAISE(ABORT, 'statement: a date is not a day that exists, written YYYY-MM-DD (columns date_first, date_last, date)')
  WHERE (new.date_first IS NOT NULL AND date(new.date_first, '+0 days') IS NOT new.date_first)
    OR (new.date_last IS NOT NULL AND date(new.date_last, '+0 days') IS NOT new.date_last)
    OR (new.date IS NOT NULL AND new.date NOT GLOB '[0-9][0-9][0-9][0-9]*');
END;
