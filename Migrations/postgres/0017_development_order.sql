-- 0017: a negotiation's developments by day, then by number (Migrations/0017_development_order.sql
-- says why): `negotiation show` and a report read the latest twenty, not every development of the
-- latest day.
DROP INDEX development_by_negotiation;
CREATE INDEX development_by_negotiation ON development (negotiation_id, date_first, id);
