-- accord search's first page, as the sqlite3 shell runs it: the same FTS5 query, ranked by bm25
-- (the table's default rank), with the same snippets. bench/run fills in the query.
SELECT kind, ref, snippet(search, -1, '**', '**', '…', 12)
FROM search WHERE search MATCH :query ORDER BY rank LIMIT 20;
