-- Search finds a word's other English forms: `withdraw` finds "withdrawal" and "withdrew" does
-- not (Porter stemming is by suffix), `guarantee` finds "guarantees" and "guaranteed". The index
-- is made again with the Porter stemmer in front of the same tokenizer (case and diacritics still
-- do not matter, in any script; words of other languages pass through unstemmed), from the same
-- texts (`search_source`), with the same ranking. The triggers that keep it in step name the
-- table, not its tokenizer, and stay as they are.
DROP TABLE search;
CREATE VIRTUAL TABLE search USING fts5 (
  body, title, context,
  content = '',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO search (search, rank) VALUES ('rank', 'bm25(1.0, 4.0, 0.5)');
INSERT INTO search (rowid, title, body, context) SELECT rowid, title, body, context FROM search_source;
