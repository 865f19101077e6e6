-- Records imported from the field's datasets (PA-X, UCDP): which Accord record stands for which
-- dataset record, the stage PA-X gives an agreement, and signatories and third parties as the
-- dataset writes them. Same conventions as 0001_core.sql: STRICT tables, foreign keys, dated and
-- append-only (a re-import that finds a changed stage or signatory list adds a row; the latest row
-- is the current one, the earlier ones stay as history).

-- Which negotiation, proposal or actor stands for a dataset's record, so that a re-import of a
-- newer export finds it again instead of adding a duplicate. `key` is the dataset's own id as
-- written: PA-X `PP` (a peace process) and `AgtId` (an agreement); UCDP `conflict_id`, `paid`
-- and `actor_id`.
CREATE TABLE dataset_record (
  id INTEGER PRIMARY KEY,
  dataset TEXT NOT NULL CHECK (dataset IN ('pax', 'ucdp')),
  kind TEXT NOT NULL CHECK (kind IN ('process', 'conflict', 'agreement', 'actor')),
  key TEXT NOT NULL CHECK (key <> '' AND key NOT GLOB '*[^0-9A-Za-z_.-]*'),
  negotiation_id INTEGER REFERENCES negotiation (id),
  proposal_id INTEGER REFERENCES proposal (id),
  actor_id INTEGER REFERENCES actor (id),
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (dataset, kind, key),
  CHECK ((negotiation_id IS NOT NULL) + (proposal_id IS NOT NULL) + (actor_id IS NOT NULL) = 1),
  CHECK (negotiation_id IS NULL OR kind IN ('process', 'conflict')),
  CHECK (proposal_id IS NULL OR kind = 'agreement'),
  CHECK (actor_id IS NULL OR kind = 'actor')
) STRICT;
CREATE INDEX dataset_record_by_negotiation ON dataset_record (negotiation_id) WHERE negotiation_id IS NOT NULL;
CREATE INDEX dataset_record_by_proposal ON dataset_record (proposal_id) WHERE proposal_id IS NOT NULL;
CREATE INDEX dataset_record_by_actor ON dataset_record (actor_id) WHERE actor_id IS NOT NULL;

-- The stage of an agreement in its peace process, in PA-X's codes: Pre (pre-negotiation or
-- process), SubPar (framework, partial), SubComp (framework, comprehensive), Cea (ceasefire), Imp
-- (implementation), Ren (renewal), Oth (other); `stage_sub` refines it (PA-X `StageSub`, as
-- written). Stages recur and imply no order. The latest row of a proposal is its stage now.
CREATE TABLE proposal_stage (
  id INTEGER PRIMARY KEY,
  proposal_id INTEGER NOT NULL REFERENCES proposal (id),
  stage TEXT NOT NULL CHECK (stage IN ('Pre', 'SubPar', 'SubComp', 'Cea', 'Imp', 'Ren', 'Oth')),
  stage_sub TEXT CHECK (stage_sub <> ''),
  record_id INTEGER REFERENCES dataset_record (id), -- the dataset record it was read from
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX proposal_stage_by_proposal ON proposal_stage (proposal_id, id);
CREATE INDEX proposal_stage_by_record ON proposal_stage (record_id) WHERE record_id IS NOT NULL;

-- Who signed an agreement, and its third parties (mediators, guarantors, witnesses), as the
-- dataset writes them (PA-X `Part` and `ThrdPart`, UCDP `pa_sign` and `pa_3rd`): free text, often
-- on several lines, never split or corrected. The latest row of each role is the current one.
CREATE TABLE proposal_signatory (
  id INTEGER PRIMARY KEY,
  proposal_id INTEGER NOT NULL REFERENCES proposal (id),
  role TEXT NOT NULL CHECK (role IN ('signatory', 'third_party')),
  text TEXT NOT NULL CHECK (text <> ''),
  record_id INTEGER REFERENCES dataset_record (id),
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX proposal_signatory_by_proposal ON proposal_signatory (proposal_id, role, id);
CREATE INDEX proposal_signatory_by_record ON proposal_signatory (record_id) WHERE record_id IS NOT NULL;

-- Each proposal's current stage and signatories, for sqlite3 and Datasette users.
CREATE VIEW proposal_dataset AS
SELECT
  p.id AS proposal_id,
  p.slug,
  r.dataset,
  r.key,
  (SELECT s.stage FROM proposal_stage s WHERE s.proposal_id = p.id ORDER BY s.id DESC LIMIT 1) AS stage,
  (SELECT s.stage_sub FROM proposal_stage s WHERE s.proposal_id = p.id ORDER BY s.id DESC LIMIT 1) AS stage_sub,
  (SELECT g.text FROM proposal_signatory g WHERE g.proposal_id = p.id AND g.role = 'signatory'
    ORDER BY g.id DESC LIMIT 1) AS signatories,
  (SELECT g.text FROM proposal_signatory g WHERE g.proposal_id = p.id AND g.role = 'third_party'
    ORDER BY g.id DESC LIMIT 1) AS third_parties
FROM proposal p JOIN dataset_record r ON r.proposal_id = p.id;
