-- 0017: a negotiation's developments by day, then by number. `negotiation show` and a report show
-- the latest twenty (ORDER BY date_first DESC, id DESC LIMIT 20). On a team's server the index of
-- 0001 gave them by day only, and every development of the latest day was read and sorted to find
-- twenty (834 of one day on the bench corpus: 1.4 ms); with the number in the index, twenty are
-- read. SQLite's index held the rowid after its columns already; the same index on both engines
-- keeps their schemas alike (scripts/schema-parity).
DROP INDEX development_by_negotiation;
CREATE INDEX development_by_negotiation ON development (negotiation_id, date_first, id);
