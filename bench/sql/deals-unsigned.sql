-- What `accord deals --unsigned --as-of :as_of` asks SQLite (Sources/AccordStore/Store/Deals.swift).
SELECT p.id, p.slug, p.title, n.slug, n.title,
  (SELECT group_concat(a.name, char(31)) FROM participant r JOIN actor a ON a.id = r.actor_id
    WHERE r.negotiation_id = n.id AND r.role = 'party'),
  tb.name, p.value, s.step, s.date, s.date_first, s.date_last,
  EXISTS (SELECT 1 FROM proposal_step x WHERE x.proposal_id = p.id
    AND x.step IN ('signed', 'ratified', 'in_force') AND x.date_first <= :as_of) AS signed,
  l.step, l.date, l.date_first, l.date_last, la.name, f.date, f.date_first, f.date_last
FROM proposal p
JOIN negotiation n ON n.id = p.negotiation_id
JOIN proposal_step s ON s.id = (SELECT y.id FROM proposal_step y WHERE y.proposal_id = p.id
  AND y.party_id IS NULL AND y.date_first <= :as_of ORDER BY y.date_first DESC, y.id DESC LIMIT 1)
JOIN proposal_step l ON l.id = (SELECT z.id FROM proposal_step z WHERE z.proposal_id = p.id
  AND z.date_first <= :as_of ORDER BY z.date_first DESC, z.id DESC LIMIT 1)
JOIN proposal_step f ON f.id = (SELECT w.id FROM proposal_step w WHERE w.proposal_id = p.id
  ORDER BY w.date_first, w.id LIMIT 1)
LEFT JOIN actor tb ON tb.id = p.tabled_by
LEFT JOIN actor la ON la.id = l.party_id
WHERE s.step NOT IN ('rejected', 'withdrawn', 'superseded', 'lapsed', 'terminated') AND NOT signed
ORDER BY f.date_first, p.id;
