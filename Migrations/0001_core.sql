-- Accord's core record: actors, negotiations, meetings, proposals and their steps, terms and
-- positions, statements, sources and developments.
--
-- Conventions, so that the file reads well in the sqlite3 shell or Datasette:
-- * Every table is STRICT; ids are INTEGER PRIMARY KEY; references are foreign keys.
-- * A dated fact keeps its date as typed, in the ISO 8601-2 (EDTF) forms 2025, 2025-02,
--   2025-02-14, each optionally ending in ~ (approximate) or ? (uncertain), in `date`, and the
--   first and last day it covers in `date_first` and `date_last` (YYYY-MM-DD), which sort and filter.
-- * `recorded_at` is when the fact was entered (UTC), not when it happened.
-- * Nothing here holds a status to overwrite: statuses are derived from dated steps and positions
--   (see the views at the end, and the README's "How status is derived").
-- * `*_key` columns hold a name folded to lower case by Accord, for case-insensitive look-up in
--   any script; whoever inserts a row by hand fills them with the lower-cased name.

PRAGMA application_id = 1094927172; -- 'ACCD': marks the file as an Accord database

-- Actors: states, organizations and alliances, companies, armed or political groups, persons.
CREATE TABLE actor (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE
    CHECK (slug GLOB '*[a-z]*' AND slug NOT GLOB '*[^a-z0-9-]*'),
  name TEXT NOT NULL CHECK (name <> ''),
  kind TEXT NOT NULL
    CHECK (kind IN ('state', 'organization', 'company', 'group', 'person')),
  code TEXT UNIQUE -- ISO 3166-1 alpha-3, for states
    CHECK (code IS NULL OR (length(code) = 3 AND code NOT GLOB '*[^A-Z]*')),
  wikidata TEXT UNIQUE -- a Wikidata item id such as Q212
    CHECK (wikidata IS NULL OR (wikidata GLOB 'Q[1-9]*' AND substr(wikidata, 2) NOT GLOB '*[^0-9]*')),
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Every name an actor goes by, its own name included, in any script.
CREATE TABLE actor_alias (
  id INTEGER PRIMARY KEY,
  actor_id INTEGER NOT NULL REFERENCES actor (id),
  alias TEXT NOT NULL CHECK (alias <> ''),
  alias_key TEXT NOT NULL CHECK (alias_key <> ''),
  UNIQUE (actor_id, alias_key)
) STRICT;
CREATE INDEX actor_alias_by_key ON actor_alias (alias_key);

-- A person's office or membership: "Secretary of the Treasury, United States, from 2025-01-28".
CREATE TABLE affiliation (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES actor (id),
  organization_id INTEGER NOT NULL REFERENCES actor (id),
  role TEXT CHECK (role <> ''),
  since TEXT,
  since_first TEXT,
  until TEXT,
  until_last TEXT,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (person_id <> organization_id),
  CHECK ((since IS NULL) = (since_first IS NULL)),
  CHECK ((until IS NULL) = (until_last IS NULL)),
  CHECK (since_first IS NULL OR until_last IS NULL OR since_first <= until_last)
) STRICT;
CREATE INDEX affiliation_by_person ON affiliation (person_id);
CREATE INDEX affiliation_by_organization ON affiliation (organization_id);

-- A negotiation track: "US–Ukraine minerals deal".
CREATE TABLE negotiation (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE
    CHECK (slug GLOB '*[a-z]*' AND slug NOT GLOB '*[^a-z0-9-]*'),
  title TEXT NOT NULL CHECK (title <> ''),
  title_key TEXT NOT NULL,
  summary TEXT,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX negotiation_by_title_key ON negotiation (title_key);

CREATE TABLE negotiation_tag (
  negotiation_id INTEGER NOT NULL REFERENCES negotiation (id),
  tag TEXT NOT NULL CHECK (tag <> ''),
  PRIMARY KEY (negotiation_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX negotiation_tag_by_tag ON negotiation_tag (tag);

-- Who takes part in a negotiation, and as what.
CREATE TABLE participant (
  negotiation_id INTEGER NOT NULL REFERENCES negotiation (id),
  actor_id INTEGER NOT NULL REFERENCES actor (id),
  role TEXT NOT NULL CHECK (role IN ('party', 'mediator', 'guarantor', 'observer')),
  PRIMARY KEY (negotiation_id, actor_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX participant_by_actor ON participant (actor_id);

CREATE TABLE meeting (
  id INTEGER PRIMARY KEY,
  negotiation_id INTEGER NOT NULL REFERENCES negotiation (id),
  date TEXT NOT NULL,
  date_first TEXT NOT NULL,
  date_last TEXT NOT NULL,
  place TEXT CHECK (place <> ''),
  summary TEXT,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (date_first <= date_last)
) STRICT;
CREATE INDEX meeting_by_negotiation ON meeting (negotiation_id, date_first);

CREATE TABLE meeting_participant (
  meeting_id INTEGER NOT NULL REFERENCES meeting (id),
  actor_id INTEGER NOT NULL REFERENCES actor (id),
  PRIMARY KEY (meeting_id, actor_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX meeting_participant_by_actor ON meeting_participant (actor_id);

-- A proposal, draft or agreement. It may counter or supersede an earlier one (a chain of drafts).
-- Its status is not stored: it follows from its steps.
CREATE TABLE proposal (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE
    CHECK (slug GLOB '*[a-z]*' AND slug NOT GLOB '*[^a-z0-9-]*'),
  negotiation_id INTEGER NOT NULL REFERENCES negotiation (id),
  title TEXT NOT NULL CHECK (title <> ''),
  title_key TEXT NOT NULL,
  tabled_by INTEGER REFERENCES actor (id),
  terms TEXT,
  value TEXT, -- as typed: "500 billion USD"
  value_amount INTEGER CHECK (value_amount >= 0), -- in whole units of value_currency
  value_currency TEXT CHECK (length(value_currency) = 3 AND value_currency NOT GLOB '*[^A-Z]*'),
  counters_id INTEGER REFERENCES proposal (id),
  supersedes_id INTEGER REFERENCES proposal (id),
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((value_amount IS NULL) = (value_currency IS NULL))
) STRICT;
CREATE INDEX proposal_by_negotiation ON proposal (negotiation_id);
CREATE INDEX proposal_by_title_key ON proposal (title_key);
CREATE INDEX proposal_by_counters ON proposal (counters_id) WHERE counters_id IS NOT NULL;
CREATE INDEX proposal_by_supersedes ON proposal (supersedes_id) WHERE supersedes_id IS NOT NULL;

-- The dated log from which a proposal's status is derived. A step with a party concerns that
-- party alone (Ukraine ratifies; the United States need not).
CREATE TABLE proposal_step (
  id INTEGER PRIMARY KEY,
  proposal_id INTEGER NOT NULL REFERENCES proposal (id),
  step TEXT NOT NULL CHECK (step IN (
    'floated', 'tabled', 'countered', 'agreed_in_principle', 'initialled', 'signed', 'ratified',
    'in_force', 'suspended', 'terminated', 'rejected', 'withdrawn', 'superseded', 'lapsed')),
  party_id INTEGER REFERENCES actor (id),
  date TEXT NOT NULL,
  date_first TEXT NOT NULL,
  date_last TEXT NOT NULL,
  note TEXT,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (date_first <= date_last)
) STRICT;
CREATE INDEX proposal_step_by_proposal ON proposal_step (proposal_id, date_first, id);
CREATE INDEX proposal_step_by_party ON proposal_step (party_id) WHERE party_id IS NOT NULL;

-- Something one side would give or get: "US security guarantees for Ukraine".
CREATE TABLE term (
  id INTEGER PRIMARY KEY,
  negotiation_id INTEGER NOT NULL REFERENCES negotiation (id),
  text TEXT NOT NULL CHECK (text <> ''),
  text_key TEXT NOT NULL,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (negotiation_id, text_key)
) STRICT;

-- An actor's stance on a term on a date. Positions are never overwritten: a change of stance is
-- a new row. A *condition* is a position that demands, offers, sets a precondition or draws a red
-- line; later positions answer it (accepts, rejects, drops, met) through answers_id.
CREATE TABLE position (
  id INTEGER PRIMARY KEY,
  negotiation_id INTEGER NOT NULL REFERENCES negotiation (id),
  actor_id INTEGER REFERENCES actor (id),
  term_id INTEGER NOT NULL REFERENCES term (id),
  stance TEXT NOT NULL CHECK (stance IN (
    'demands', 'offers', 'precondition', 'red_line', 'accepts', 'rejects', 'drops', 'met')),
  answers_id INTEGER REFERENCES position (id),
  date TEXT NOT NULL,
  date_first TEXT NOT NULL,
  date_last TEXT NOT NULL,
  note TEXT,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (date_first <= date_last),
  CHECK (answers_id IS NULL OR stance IN ('accepts', 'rejects', 'drops', 'met')),
  CHECK (stance <> 'met' OR answers_id IS NOT NULL),
  CHECK (actor_id IS NOT NULL OR stance = 'met')
) STRICT;
CREATE INDEX position_by_negotiation ON position (negotiation_id, date_first);
CREATE INDEX position_by_term ON position (term_id);
CREATE INDEX position_by_actor ON position (actor_id);
CREATE INDEX position_by_answers ON position (answers_id, date_first, id) WHERE answers_id IS NOT NULL;

-- Terms linked to terms: A in_exchange_for B; A conditional_on B. position_id is the stated
-- position that made the link, if any.
CREATE TABLE term_link (
  id INTEGER PRIMARY KEY,
  term_id INTEGER NOT NULL REFERENCES term (id),
  link TEXT NOT NULL CHECK (link IN ('in_exchange_for', 'conditional_on')),
  other_term_id INTEGER NOT NULL REFERENCES term (id),
  position_id INTEGER REFERENCES position (id),
  CHECK (term_id <> other_term_id)
) STRICT;
CREATE INDEX term_link_by_term ON term_link (term_id);
CREATE INDEX term_link_by_other_term ON term_link (other_term_id);
CREATE INDEX term_link_by_position ON term_link (position_id) WHERE position_id IS NOT NULL;

-- Who said what, verbatim.
CREATE TABLE statement (
  id INTEGER PRIMARY KEY,
  actor_id INTEGER NOT NULL REFERENCES actor (id),
  negotiation_id INTEGER REFERENCES negotiation (id),
  date TEXT NOT NULL,
  date_first TEXT NOT NULL,
  date_last TEXT NOT NULL,
  text TEXT NOT NULL CHECK (text <> ''),
  language TEXT CHECK (language GLOB '[a-z][a-z]*' AND language NOT GLOB '*[^a-z-]*'),
  context TEXT,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (date_first <= date_last)
) STRICT;
CREATE INDEX statement_by_negotiation ON statement (negotiation_id, date_first);
CREATE INDEX statement_by_actor ON statement (actor_id);

-- Where something was reported: a URL, or an outlet and title where there is none (an interview).
CREATE TABLE source (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE
    CHECK (slug GLOB '*[a-z]*' AND slug NOT GLOB '*[^a-z0-9-]*'),
  url TEXT UNIQUE CHECK (url GLOB '[a-zA-Z]*:?*'),
  outlet TEXT,
  title TEXT,
  published TEXT,
  published_first TEXT,
  published_last TEXT,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (url IS NOT NULL OR title IS NOT NULL),
  CHECK ((published IS NULL) = (published_first IS NULL)),
  CHECK ((published IS NULL) = (published_last IS NULL))
) STRICT;

-- A free, dated log entry on a negotiation: what an analyst types when nothing else fits.
CREATE TABLE development (
  id INTEGER PRIMARY KEY,
  negotiation_id INTEGER NOT NULL REFERENCES negotiation (id),
  date TEXT NOT NULL,
  date_first TEXT NOT NULL,
  date_last TEXT NOT NULL,
  text TEXT NOT NULL CHECK (text <> ''),
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (date_first <= date_last)
) STRICT;
CREATE INDEX development_by_negotiation ON development (negotiation_id, date_first);

CREATE TABLE development_actor (
  development_id INTEGER NOT NULL REFERENCES development (id),
  actor_id INTEGER NOT NULL REFERENCES actor (id),
  PRIMARY KEY (development_id, actor_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX development_actor_by_actor ON development_actor (actor_id);

-- A source cited by exactly one fact.
CREATE TABLE citation (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES source (id),
  meeting_id INTEGER REFERENCES meeting (id),
  proposal_id INTEGER REFERENCES proposal (id),
  step_id INTEGER REFERENCES proposal_step (id),
  position_id INTEGER REFERENCES position (id),
  statement_id INTEGER REFERENCES statement (id),
  development_id INTEGER REFERENCES development (id),
  CHECK ((meeting_id IS NOT NULL) + (proposal_id IS NOT NULL) + (step_id IS NOT NULL)
    + (position_id IS NOT NULL) + (statement_id IS NOT NULL) + (development_id IS NOT NULL) = 1)
) STRICT;
CREATE INDEX citation_by_source ON citation (source_id);
CREATE INDEX citation_by_meeting ON citation (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX citation_by_proposal ON citation (proposal_id) WHERE proposal_id IS NOT NULL;
CREATE INDEX citation_by_step ON citation (step_id) WHERE step_id IS NOT NULL;
CREATE INDEX citation_by_position ON citation (position_id) WHERE position_id IS NOT NULL;
CREATE INDEX citation_by_statement ON citation (statement_id) WHERE statement_id IS NOT NULL;
CREATE INDEX citation_by_development ON citation (development_id) WHERE development_id IS NOT NULL;

-- Views for people with the sqlite3 shell or Datasette: the answers as of today (UTC).
-- Accord's own queries apply the same rule as of any day (Sources/AccordStore/StatusRule.swift;
-- a test checks that the two agree).

-- Each proposal's derived status: its latest whole-proposal step; signed once any step, for the
-- whole proposal or one party, is signed, ratified or in force; live unless closed.
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
  ) AS signed,
  s.step NOT IN ('rejected', 'withdrawn', 'superseded', 'lapsed', 'terminated') AS live
FROM proposal p
JOIN proposal_step s ON s.id = (
  SELECT y.id FROM proposal_step y
  WHERE y.proposal_id = p.id AND y.party_id IS NULL AND y.date_first <= date('now')
  ORDER BY y.date_first DESC, y.id DESC LIMIT 1
);

-- Live proposals with no signed step: the analysts' first question.
CREATE VIEW unsigned_deal AS
SELECT ps.proposal_id, ps.slug, ps.title, n.slug AS negotiation, ps.status, ps.status_date
FROM proposal_status ps JOIN negotiation n ON n.id = ps.negotiation_id
WHERE ps.live AND NOT ps.signed;

-- Each condition with the latest answer to it, as of today.
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
    ORDER BY r.date_first DESC, r.id DESC LIMIT 1), 'open') AS state
FROM position c
JOIN term t ON t.id = c.term_id
LEFT JOIN actor a ON a.id = c.actor_id
WHERE c.stance IN ('demands', 'offers', 'precondition', 'red_line') AND c.date_first <= date('now');
