-- The record as the command line reads it, for sqlite3 and Datasette users (issue 12, item 11).
--
-- * Views named in the analyst's words, over the current record: `quote`, `condition`,
--   `condition_answer`, `step` and `negotiation_meeting`. Each leaves out a retracted row and, as
--   the command line's listings and search do, whatever belongs to a retracted negotiation (or,
--   for a step, to a retracted proposal). `answer` and `meeting` are tables, and a view cannot
--   share a table's name (renaming the tables would change every query and the export format):
--   an answer is a condition's, a meeting a negotiation's, as `accord condition update` and
--   `accord meeting add NEGOTIATION` say.
-- * One naming rule in every view: a reference to another record is its number, `X_id`, and next
--   to it what the command line shows for it, `X`: the short id of a negotiation or a proposal
--   (`negotiation`, `proposal`), the name of an actor (`speaker`, `held_by`, `answered_by`,
--   `party`, `actor`, `bloc`, `member`). The views of earlier migrations that had only one of the
--   two get the other; their other columns stay as they were.
-- * A meeting has a title, as the timeline writes it: "Meeting at Munich Security Conference".
-- * `sources` lists the short ids of the sources that report a fact ("; " between them), in the
--   order they were cited, leaving out retracted sources, as the command line does.
--
-- `accord datasette-metadata` describes every table and view, and each view's columns
-- (Sources/AccordStore/Store/SchemaGuide.swift).

CREATE VIEW quote AS
SELECT q.id, q.negotiation_id, n.slug AS negotiation, q.date, q.date_first, q.date_last,
  q.actor_id AS speaker_id, a.name AS speaker, q.text, q.context, q.language,
  (SELECT group_concat(z.slug, '; ') FROM (
    SELECT s.slug FROM citation c JOIN source s ON s.id = c.source_id
    WHERE c.statement_id = q.id
      AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'source' AND r.record_id = s.id)
    ORDER BY c.id) z) AS sources
FROM statement q
JOIN actor a ON a.id = q.actor_id
LEFT JOIN negotiation n ON n.id = q.negotiation_id
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'statement' AND r.record_id = q.id)
  AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'negotiation' AND r.record_id = q.negotiation_id);

CREATE VIEW condition AS
SELECT c.id, c.negotiation_id, n.slug AS negotiation, c.date, c.date_first, c.date_last,
  c.actor_id AS held_by_id, a.name AS held_by, c.stance, c.term_id, t.text AS term,
  (SELECT group_concat(o.text, '; ') FROM term_link l JOIN term o ON o.id = l.other_term_id
    WHERE l.position_id = c.id AND l.link = 'in_exchange_for') AS in_exchange_for,
  (SELECT group_concat(o.text, '; ') FROM term_link l JOIN term o ON o.id = l.other_term_id
    WHERE l.position_id = c.id AND l.link = 'conditional_on') AS conditional_on,
  c.revises_id, c.note,
  (SELECT group_concat(z.slug, '; ') FROM (
    SELECT s.slug FROM citation x JOIN source s ON s.id = x.source_id
    WHERE x.position_id = c.id
      AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'source' AND r.record_id = s.id)
    ORDER BY x.id) z) AS sources
FROM position c
JOIN negotiation n ON n.id = c.negotiation_id
JOIN actor a ON a.id = c.actor_id
JOIN term t ON t.id = c.term_id
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'position' AND r.record_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'negotiation' AND r.record_id = c.negotiation_id);

CREATE VIEW condition_answer AS
SELECT x.id, x.condition_id, c.negotiation_id, n.slug AS negotiation, x.date, x.date_first, x.date_last,
  x.actor_id AS answered_by_id, a.name AS answered_by, x.outcome, t.text AS term, x.note,
  (SELECT group_concat(z.slug, '; ') FROM (
    SELECT s.slug FROM citation y JOIN source s ON s.id = y.source_id
    WHERE y.answer_id = x.id
      AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'source' AND r.record_id = s.id)
    ORDER BY y.id) z) AS sources
FROM answer x
JOIN position c ON c.id = x.condition_id
JOIN negotiation n ON n.id = c.negotiation_id
JOIN term t ON t.id = c.term_id
LEFT JOIN actor a ON a.id = x.actor_id
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'answer' AND r.record_id = x.id)
  AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'position' AND r.record_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'negotiation' AND r.record_id = c.negotiation_id);

CREATE VIEW step AS
SELECT s.id, s.proposal_id, p.slug AS proposal, p.title AS proposal_title, p.negotiation_id,
  n.slug AS negotiation, s.date, s.date_first, s.date_last, s.step, s.party_id, a.name AS party,
  s.label, s.until, s.effective, s.note,
  (SELECT group_concat(z.slug, '; ') FROM (
    SELECT o.slug FROM citation c JOIN source o ON o.id = c.source_id
    WHERE c.step_id = s.id
      AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'source' AND r.record_id = o.id)
    ORDER BY c.id) z) AS sources
FROM proposal_step s
JOIN proposal p ON p.id = s.proposal_id
JOIN negotiation n ON n.id = p.negotiation_id
LEFT JOIN actor a ON a.id = s.party_id
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'proposal_step' AND r.record_id = s.id)
  AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'proposal' AND r.record_id = p.id)
  AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'negotiation' AND r.record_id = p.negotiation_id);

CREATE VIEW negotiation_meeting AS
SELECT m.id, m.negotiation_id, n.slug AS negotiation,
  'Meeting' || coalesce(' at ' || m.place, '') AS title,
  m.date, m.date_first, m.date_last, m.place,
  (SELECT group_concat(a.name, '; ') FROM meeting_participant x JOIN actor a ON a.id = x.actor_id
    WHERE x.meeting_id = m.id) AS participants,
  m.summary,
  (SELECT group_concat(z.slug, '; ') FROM (
    SELECT s.slug FROM citation c JOIN source s ON s.id = c.source_id
    WHERE c.meeting_id = m.id
      AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'source' AND r.record_id = s.id)
    ORDER BY c.id) z) AS sources
FROM meeting m
JOIN negotiation n ON n.id = m.negotiation_id
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'meeting' AND r.record_id = m.id)
  AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'negotiation' AND r.record_id = m.negotiation_id);

-- The views of earlier migrations, with both `negotiation_id` and `negotiation` (and the names of
-- the actors whose numbers they give). Those built on `proposal_status` go first and come back after it.
DROP VIEW dormant_draft;
DROP VIEW unsigned_deal;
DROP VIEW live_draft;
DROP VIEW proposal_status;
DROP VIEW condition_status;
DROP VIEW participant_today;
DROP VIEW member_today;
DROP VIEW proposal_dataset;

-- Each proposal's state today, by the rule in the README ("How status is derived"), as in
-- 0006_blocs.sql; Accord applies the same rule as of any day (Sources/AccordStore/Store/StatusRule.swift),
-- and a test checks that the two agree. A step counts once the whole range of its date has passed;
-- the first step counts as soon as any does.
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
SELECT d.proposal_id, d.slug, d.title, d.negotiation_id, n.slug AS negotiation, d.status, x.date AS status_date,
  d.status IN ('signed', 'ratified', 'in_force')
    OR EXISTS (SELECT 1 FROM counted c WHERE c.proposal_id = d.proposal_id AND c.step IN ('signed', 'ratified', 'in_force'))
    AS signed,
  d.status NOT IN ('countered', 'rejected', 'withdrawn', 'superseded', 'lapsed', 'terminated', 'expired') AS live
FROM decided d JOIN negotiation n ON n.id = d.negotiation_id
LEFT JOIN proposal_step x ON x.id = d.status_step_id;

-- Live drafts as of today, with the day each was last active and whether it is dormant, as in
-- 0007_dormancy.sql.
CREATE VIEW live_draft AS
SELECT d.proposal_id, d.slug, d.title, d.negotiation_id, d.negotiation, d.status, d.status_date,
  d.last_active,
  julianday(date('now', 'localtime')) - julianday(d.last_active) >= coalesce(n.dormant_after, 365) AS dormant
FROM (
  SELECT ps.proposal_id, ps.negotiation_id, ps.negotiation, ps.slug, ps.title, ps.status, ps.status_date,
    max(
      coalesce((SELECT max(s.date_first) FROM current_proposal_step s
        WHERE s.proposal_id = ps.proposal_id AND s.date_first <= date('now', 'localtime')), ''),
      coalesce((SELECT max(m.date_first) FROM current_meeting m
        WHERE m.negotiation_id = ps.negotiation_id AND m.date_first <= date('now', 'localtime')), ''),
      coalesce((SELECT max(v.date_first) FROM current_development v
        WHERE v.negotiation_id = ps.negotiation_id AND v.date_first <= date('now', 'localtime')), '')
    ) AS last_active
  FROM proposal_status ps
  WHERE ps.status IN ('drafted', 'agreed')
) d JOIN negotiation n ON n.id = d.negotiation_id;

CREATE VIEW unsigned_deal AS
SELECT proposal_id, slug, title, negotiation_id, negotiation, status, status_date, last_active
FROM live_draft WHERE NOT dormant;

CREATE VIEW dormant_draft AS
SELECT proposal_id, slug, title, negotiation_id, negotiation, status, status_date, last_active
FROM live_draft WHERE dormant;

-- Each condition and where it stands today, as in 0006_blocs.sql.
CREATE VIEW condition_status AS
SELECT
  c.id AS condition_id,
  c.negotiation_id,
  n.slug AS negotiation,
  c.actor_id AS held_by_id,
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
JOIN negotiation n ON n.id = c.negotiation_id
WHERE c.date_first <= date('now', 'localtime');

-- Who takes part in each negotiation today, as in 0006_blocs.sql.
CREATE VIEW participant_today AS
SELECT p.negotiation_id, n.slug AS negotiation, p.actor_id, a.name AS actor, p.role, p.side, p.date AS since
FROM current_participant p
JOIN negotiation n ON n.id = p.negotiation_id
JOIN actor a ON a.id = p.actor_id
WHERE p.event = 'joined' AND (p.date_last IS NULL OR p.date_last <= date('now', 'localtime'))
  AND NOT EXISTS (
    SELECT 1 FROM current_participant q
    WHERE q.negotiation_id = p.negotiation_id AND q.actor_id = p.actor_id AND q.role = p.role
      AND q.id <> p.id AND q.date_last IS NOT NULL AND q.date_last <= date('now', 'localtime')
      AND (p.date_first IS NULL OR q.date_first > p.date_first OR (q.date_first = p.date_first AND q.id > p.id)));

-- Who belongs to each bloc today, as in 0006_blocs.sql.
CREATE VIEW member_today AS
SELECT m.bloc_id, b.name AS bloc, m.member_id, a.name AS member, m.date AS since
FROM current_membership m
JOIN actor b ON b.id = m.bloc_id
JOIN actor a ON a.id = m.member_id
WHERE m.event = 'joined' AND (m.date_last IS NULL OR m.date_last <= date('now', 'localtime'))
  AND NOT EXISTS (
    SELECT 1 FROM current_membership q
    WHERE q.bloc_id = m.bloc_id AND q.member_id = m.member_id AND q.id <> m.id
      AND q.date_last IS NOT NULL AND q.date_last <= date('now', 'localtime')
      AND (m.date_first IS NULL OR q.date_first > m.date_first OR (q.date_first = m.date_first AND q.id > m.id)));

-- Each imported proposal's current stage and signatories, as in 0002_datasets.sql.
CREATE VIEW proposal_dataset AS
SELECT
  p.id AS proposal_id,
  p.slug,
  p.negotiation_id,
  n.slug AS negotiation,
  r.dataset,
  r.key,
  (SELECT s.stage FROM proposal_stage s WHERE s.proposal_id = p.id ORDER BY s.id DESC LIMIT 1) AS stage,
  (SELECT s.stage_sub FROM proposal_stage s WHERE s.proposal_id = p.id ORDER BY s.id DESC LIMIT 1) AS stage_sub,
  (SELECT g.text FROM proposal_signatory g WHERE g.proposal_id = p.id AND g.role = 'signatory'
    ORDER BY g.id DESC LIMIT 1) AS signatories,
  (SELECT g.text FROM proposal_signatory g WHERE g.proposal_id = p.id AND g.role = 'third_party'
    ORDER BY g.id DESC LIMIT 1) AS third_parties
FROM proposal p JOIN negotiation n ON n.id = p.negotiation_id JOIN dataset_record r ON r.proposal_id = p.id;
