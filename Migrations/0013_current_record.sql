-- The current record, whole (issue "The house re-cut", item 3).
--
-- * `current_meeting`, `current_statement` and `current_development` left out retracted rows but
--   kept those of a retracted negotiation, where `current_proposal`, `current_position`,
--   `current_deadline` and the analyst views of 0011 leave them out, as the command line does.
--   Now all of them do: a retracted negotiation takes everything of it out of the current record.
-- * `negotiation_development`: developments (accord log) in the analyst's words, as
--   `negotiation_meeting` gives meetings: the negotiation's short id beside its number, the
--   actors named and the sources that report it. Named so because `development` is the table.

DROP VIEW current_meeting;
DROP VIEW current_statement;
DROP VIEW current_development;

CREATE VIEW current_meeting AS
SELECT m.* FROM meeting m
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'meeting' AND r.record_id = m.id)
  AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'negotiation' AND r.record_id = m.negotiation_id);

CREATE VIEW current_statement AS
SELECT q.* FROM statement q
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'statement' AND r.record_id = q.id)
  AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'negotiation' AND r.record_id = q.negotiation_id);

CREATE VIEW current_development AS
SELECT d.* FROM development d
WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'development' AND r.record_id = d.id)
  AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'negotiation' AND r.record_id = d.negotiation_id);

CREATE VIEW negotiation_development AS
SELECT d.id, d.negotiation_id, n.slug AS negotiation, d.date, d.date_first, d.date_last, d.text,
  (SELECT group_concat(a.name, '; ') FROM development_actor x JOIN actor a ON a.id = x.actor_id
    WHERE x.development_id = d.id) AS actors,
  (SELECT group_concat(z.slug, '; ') FROM (
    SELECT s.slug FROM citation c JOIN source s ON s.id = c.source_id
    WHERE c.development_id = d.id
      AND NOT EXISTS (SELECT 1 FROM retraction r WHERE r.record_table = 'source' AND r.record_id = s.id)
    ORDER BY c.id) z) AS sources,
  d.recorded_at
FROM current_development d
JOIN negotiation n ON n.id = d.negotiation_id;
