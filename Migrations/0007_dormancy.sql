-- Dormant drafts (issue "Imported history answers the analysts' question truthfully").
--
-- A live draft with no step, meeting or development for a while is dormant: `deals --unsigned`
-- leaves it out and says how many it left out. The while is a year unless the command says
-- otherwise; a negotiation can set its own, here (days; NULL: the default).

ALTER TABLE negotiation ADD COLUMN dormant_after INTEGER CHECK (dormant_after IS NULL OR dormant_after > 0);

-- The change log records the new column too.
DROP TRIGGER negotiation_history_insert;
DROP TRIGGER negotiation_history_update;
DROP TRIGGER negotiation_history_delete;
CREATE TRIGGER negotiation_history_insert AFTER INSERT ON negotiation BEGIN
  INSERT INTO change_log (command_id, table_name, row_key, operation, after)
  VALUES ((SELECT id FROM command WHERE open = 1), 'negotiation', json_array(new.id), 'insert',
    json_object('id', new.id, 'slug', new.slug, 'title', new.title, 'title_key', new.title_key, 'summary', new.summary, 'recorded_at', new.recorded_at, 'dormant_after', new.dormant_after));
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

-- Live drafts as of today, with the day each was last active (its latest step, or its
-- negotiation's latest meeting or development, dated on or before today) and whether it is
-- dormant by the rule in the README (How status is derived, 8). `unsigned_deal` leaves the dormant
-- ones out, as `accord deals --unsigned` does; `dormant_draft` lists them.
CREATE VIEW live_draft AS
SELECT d.*, n.slug AS negotiation,
  julianday(date('now', 'localtime')) - julianday(d.last_active) >= coalesce(n.dormant_after, 365) AS dormant
FROM (
  SELECT ps.proposal_id, ps.negotiation_id, ps.slug, ps.title, ps.status, ps.status_date,
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

DROP VIEW unsigned_deal;
CREATE VIEW unsigned_deal AS
SELECT proposal_id, slug, title, negotiation, status, status_date, last_active
FROM live_draft WHERE NOT dormant;

CREATE VIEW dormant_draft AS
SELECT proposal_id, slug, title, negotiation, status, status_date, last_active
FROM live_draft WHERE dormant;
