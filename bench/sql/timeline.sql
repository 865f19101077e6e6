-- What `accord timeline negotiation-42` asks SQLite (Sources/AccordStore/Store/Timeline.swift),
-- as one statement: every meeting, step, position, quote and development of the negotiation with
-- who took part and the sources cited, in date order.
WITH n AS (SELECT id FROM negotiation WHERE slug = 'negotiation-42')
SELECT * FROM (
  SELECT 'meeting' AS kind, m.id, m.date, m.date_first, m.date_last, m.place || ': ' || coalesce(m.summary, '') AS what,
    (SELECT group_concat(a.name, char(31)) FROM meeting_participant x JOIN actor a ON a.id = x.actor_id
      WHERE x.meeting_id = m.id) AS who,
    (SELECT group_concat(s.slug) FROM citation c JOIN source s ON s.id = c.source_id WHERE c.meeting_id = m.id) AS sources
  FROM meeting m WHERE m.negotiation_id = (SELECT id FROM n)
  UNION ALL
  SELECT 'step', s.id, s.date, s.date_first, s.date_last, p.title || ': ' || s.step || coalesce(' (' || s.note || ')', ''),
    coalesce(pa.name, tb.name),
    (SELECT group_concat(o.slug) FROM citation c JOIN source o ON o.id = c.source_id WHERE c.step_id = s.id)
  FROM proposal p JOIN proposal_step s ON s.proposal_id = p.id
  LEFT JOIN actor pa ON pa.id = s.party_id LEFT JOIN actor tb ON tb.id = p.tabled_by
  WHERE p.negotiation_id = (SELECT id FROM n)
  UNION ALL
  SELECT 'position', c.id, c.date, c.date_first, c.date_last, c.stance || ' ' || t.text ||
    coalesce(' in exchange for ' || (SELECT group_concat(o.text, ' and ') FROM term_link l JOIN term o
      ON o.id = l.other_term_id WHERE l.position_id = c.id AND l.link = 'in_exchange_for'), ''),
    a.name,
    (SELECT group_concat(o.slug) FROM citation x JOIN source o ON o.id = x.source_id WHERE x.position_id = c.id)
  FROM position c JOIN term t ON t.id = c.term_id LEFT JOIN actor a ON a.id = c.actor_id
  WHERE c.negotiation_id = (SELECT id FROM n)
  UNION ALL
  SELECT 'quote', q.id, q.date, q.date_first, q.date_last, q.text || coalesce(' (' || q.context || ')', ''), a.name,
    (SELECT group_concat(o.slug) FROM citation x JOIN source o ON o.id = x.source_id WHERE x.statement_id = q.id)
  FROM statement q JOIN actor a ON a.id = q.actor_id WHERE q.negotiation_id = (SELECT id FROM n)
  UNION ALL
  SELECT 'development', d.id, d.date, d.date_first, d.date_last, d.text,
    (SELECT group_concat(a.name, char(31)) FROM development_actor x JOIN actor a ON a.id = x.actor_id
      WHERE x.development_id = d.id),
    (SELECT group_concat(o.slug) FROM citation x JOIN source o ON o.id = x.source_id WHERE x.development_id = d.id)
  FROM development d WHERE d.negotiation_id = (SELECT id FROM n)
) ORDER BY date_first, date_last, kind, id;
