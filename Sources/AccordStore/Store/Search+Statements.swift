import AccordSQLite

/// The statements of `accord search` (Search.swift): the ranking on a team's server, what an actor
/// did, and the one statement that finds the fact behind each match, by engine.
extension AccordStore {
  /// A team's server's matches of the tsquery `?1`, best first, by `ts_rank` with FTS5's weights
  /// (a title 1, a body 0.25, a context 0.125: Migrations/postgres/0013_baseline.sql), normalised
  /// by the document's length as bm25 favours short texts, then by rowid: `?2` of them after `?3`.
  static let rankedSQL = """
    SELECT search.rowid FROM search CROSS JOIN to_tsquery('accord', ?1) q
    WHERE search.document @@ q
    ORDER BY ts_rank(CAST('{0, 0.125, 0.25, 1}' AS real[]), search.document, q, 1) DESC, search.rowid
    LIMIT ?2 OFFSET ?3
    """

  /// The index rowids (id × 16 + kind) of what an actor did, newest first: quotes, meetings,
  /// steps of a party, conditions, answers, developments; in one negotiation (?3) and between two
  /// days (?4, ?5) when the search is narrowed so.
  static let actorFactsSQL = """
    SELECT rowid FROM (
      SELECT id * 16 + 6 AS rowid, date_first, negotiation_id FROM statement WHERE actor_id = ?1
      UNION ALL SELECT m.id * 16 + 7, m.date_first, m.negotiation_id FROM meeting_participant y
        JOIN meeting m ON m.id = y.meeting_id WHERE y.actor_id = ?1
      UNION ALL SELECT s.id * 16 + 3, s.date_first, p.negotiation_id FROM proposal_step s
        JOIN proposal p ON p.id = s.proposal_id WHERE s.party_id = ?1
      UNION ALL SELECT id * 16 + 5, date_first, negotiation_id FROM position WHERE actor_id = ?1
      UNION ALL SELECT a.id * 16 + 10, a.date_first, o.negotiation_id FROM answer a
        JOIN position o ON o.id = a.condition_id WHERE a.actor_id = ?1
      UNION ALL SELECT d.id * 16 + 8, d.date_first, d.negotiation_id FROM development_actor y
        JOIN development d ON d.id = y.development_id WHERE y.actor_id = ?1) AS done
    WHERE (CAST(?3 AS INTEGER) IS NULL OR negotiation_id = ?3) AND (CAST(?4 AS TEXT) IS NULL OR date_first >= ?4)
      AND (CAST(?5 AS TEXT) IS NULL OR date_first <= ?5)
    ORDER BY date_first DESC, rowid DESC LIMIT ?2
    """

  /// One statement: the index ranks the matches, and the fact behind each is found by its rowid
  /// (id × 16 + kind number, see Migrations/0008_lean_writes.sql); `listed`: the rowids in the
  /// JSON array `?1`, in its order, rather than the index's matches (what an actor did), with the
  /// same joins, filters and retractions. `?3` is the actor filter's windows
  /// (``ActorScope/windowsJSON``): a fact matches when one of its actors is one of them on the
  /// fact's date.
  ///
  /// On a file, FTS5 matches `?1` and ranks by bm25 (ORDER BY rank, which it consumes itself, so
  /// that the joins are made only for the rows returned; the score itself is not selected: reading
  /// it outside FTS5's sort makes FTS5 gather the query's statistics a second time). On a team's
  /// server the statement is always `listed`: the matches are ranked first (``rankedSQL``).
  static func searchSQL(_ words: EngineWords, listed: Bool) -> String {
    let from: String
    let order: String
    switch (words.engine, listed) {
    case (.sqlite, false):
      (from, order) = ("search s", "s.rank")
    case (.sqlite, true):
      (from, order) = ("(SELECT value AS rowid, key AS rank FROM json_each(?1)) s", "s.rank")
    case (.postgresql, _):
      // Always a list: the server ranks its matches first (rankedSQL).
      (from, order) = (
        """
        (SELECT CAST(value AS bigint) AS rowid, rank
          FROM json_array_elements_text(CAST(?1 AS json)) WITH ORDINALITY AS j(value, rank)) s
        """, "s.rank"
      )
    }
    let match = words.engine == .sqlite && !listed ? "search MATCH ?1" : "s.rowid IS NOT NULL"
    let windows =
      switch words.engine {
      case .sqlite: "json_each(?3) w"
      case .postgresql: "json_array_elements(CAST(?3 AS json)) w"
      }
    return """
      SELECT CASE s.rowid & 15
          WHEN 1 THEN 'negotiation' WHEN 2 THEN 'proposal' WHEN 3 THEN 'step' WHEN 4 THEN 'term'
          WHEN 5 THEN 'condition' WHEN 6 THEN 'quote' WHEN 7 THEN 'meeting' WHEN 8 THEN 'development'
          WHEN 9 THEN 'source' WHEN 10 THEN 'answer' WHEN 11 THEN 'deadline' END AS kind,
        s.rowid >> 4 AS id, s.rowid AS rowid,
        n.slug AS negotiation, n.title AS negotiation_title,
        coalesce(pf.date, xs.date, tf.date, xo.date, xq.date, xm.date, xd.date, xr.published, xa.date, xl.date) AS hit,
        \(hitFirst) AS hit_first,
        \(hitLast) AS hit_last,
        CASE s.rowid & 15
          WHEN 2 THEN (SELECT a.name FROM actor a WHERE a.id = xp.tabled_by)
          WHEN 3 THEN (SELECT a.name FROM actor a WHERE a.id = xs.party_id)
          WHEN 5 THEN (SELECT a.name FROM actor a WHERE a.id = xo.actor_id)
          WHEN 6 THEN (SELECT a.name FROM actor a WHERE a.id = xq.actor_id)
          WHEN 7 THEN (SELECT group_concat(a.name, ', ') FROM meeting_participant y
            JOIN actor a ON a.id = y.actor_id WHERE y.meeting_id = xm.id)
          WHEN 8 THEN (SELECT group_concat(a.name, ', ') FROM development_actor y
            JOIN actor a ON a.id = y.actor_id WHERE y.development_id = xd.id)
          WHEN 9 THEN xr.outlet
          WHEN 10 THEN (SELECT a.name FROM actor a WHERE a.id = xa.actor_id)
        END AS who,
        CASE s.rowid & 15
          WHEN 3 THEN sp.title
          WHEN 5 THEN (SELECT t.text FROM term t WHERE t.id = xo.term_id)
          WHEN 10 THEN (SELECT t.text FROM term t WHERE t.id = xac.term_id)
          WHEN 11 THEN (SELECT p.title FROM proposal p WHERE p.id = xl.proposal_id)
        END AS about,
        CASE WHEN CAST(?3 AS TEXT) IS NULL THEN NULL ELSE CASE s.rowid & 15
          WHEN 1 THEN (SELECT group_concat(y.actor_id, '\u{1F}') FROM participant y WHERE y.negotiation_id = xn.id)
          WHEN 2 THEN CAST(xp.tabled_by AS TEXT)
          WHEN 3 THEN CAST(xs.party_id AS TEXT)
          WHEN 4 THEN (SELECT group_concat(y.actor_id, '\u{1F}') FROM position y WHERE y.term_id = xt.id)
          WHEN 5 THEN CAST(xo.actor_id AS TEXT)
          WHEN 6 THEN CAST(xq.actor_id AS TEXT)
          WHEN 7 THEN (SELECT group_concat(y.actor_id, '\u{1F}') FROM meeting_participant y WHERE y.meeting_id = xm.id)
          WHEN 8 THEN (SELECT group_concat(y.actor_id, '\u{1F}') FROM development_actor y WHERE y.development_id = xd.id)
          WHEN 10 THEN CAST(xa.actor_id AS TEXT)
        END END AS actors
      FROM \(from)
      LEFT JOIN negotiation xn ON s.rowid & 15 = 1 AND xn.id = s.rowid >> 4
      LEFT JOIN proposal xp ON s.rowid & 15 = 2 AND xp.id = s.rowid >> 4
      LEFT JOIN proposal_step pf ON pf.id = (
        SELECT f.id FROM proposal_step f WHERE f.proposal_id = xp.id ORDER BY f.date_first, f.id LIMIT 1)
      LEFT JOIN proposal_step xs ON s.rowid & 15 = 3 AND xs.id = s.rowid >> 4
      LEFT JOIN proposal sp ON sp.id = xs.proposal_id
      LEFT JOIN term xt ON s.rowid & 15 = 4 AND xt.id = s.rowid >> 4
      LEFT JOIN position tf ON tf.id = (
        SELECT f.id FROM position f WHERE f.term_id = xt.id ORDER BY f.date_first, f.id LIMIT 1)
      LEFT JOIN position xo ON s.rowid & 15 = 5 AND xo.id = s.rowid >> 4
      LEFT JOIN statement xq ON s.rowid & 15 = 6 AND xq.id = s.rowid >> 4
      LEFT JOIN meeting xm ON s.rowid & 15 = 7 AND xm.id = s.rowid >> 4
      LEFT JOIN development xd ON s.rowid & 15 = 8 AND xd.id = s.rowid >> 4
      LEFT JOIN source xr ON s.rowid & 15 = 9 AND xr.id = s.rowid >> 4
      LEFT JOIN answer xa ON s.rowid & 15 = 10 AND xa.id = s.rowid >> 4
      LEFT JOIN position xac ON xac.id = xa.condition_id
      LEFT JOIN deadline xl ON s.rowid & 15 = 11 AND xl.id = s.rowid >> 4
      LEFT JOIN negotiation n ON n.id = coalesce(
        xn.id, xp.negotiation_id, sp.negotiation_id, xt.negotiation_id, xo.negotiation_id,
        xq.negotiation_id, xm.negotiation_id, xd.negotiation_id, xac.negotiation_id, xl.negotiation_id)
      WHERE \(match)
        AND (CAST(?2 AS INTEGER) IS NULL OR n.id = ?2)
        AND (CAST(?3 AS TEXT) IS NULL OR EXISTS (
          SELECT 1 FROM \(windows)
          WHERE (w.value ->> 'f' IS NULL OR w.value ->> 'f' <= coalesce(\(hitLast), '9999-12-31'))
            AND (w.value ->> 't' IS NULL OR coalesce(\(hitFirst), '0000-01-01') < w.value ->> 't')
            AND CAST(w.value ->> 'a' AS INTEGER) IN (
              SELECT y.actor_id FROM participant y WHERE s.rowid & 15 = 1 AND y.negotiation_id = xn.id
              UNION ALL SELECT xp.tabled_by WHERE s.rowid & 15 = 2
              UNION ALL SELECT xs.party_id WHERE s.rowid & 15 = 3
              UNION ALL SELECT y.actor_id FROM position y WHERE s.rowid & 15 = 4 AND y.term_id = xt.id
              UNION ALL SELECT xo.actor_id WHERE s.rowid & 15 = 5
              UNION ALL SELECT xq.actor_id WHERE s.rowid & 15 = 6
              UNION ALL SELECT y.actor_id FROM meeting_participant y WHERE s.rowid & 15 = 7 AND y.meeting_id = xm.id
              UNION ALL SELECT y.actor_id FROM development_actor y WHERE s.rowid & 15 = 8 AND y.development_id = xd.id
              UNION ALL SELECT xa.actor_id WHERE s.rowid & 15 = 10)))
        AND NOT \(AccordStore.retracted(anyOf: [
        ("'negotiation'", "n.id, xn.id"), ("'proposal'", "xp.id, sp.id"), ("'proposal_step'", "xs.id"),
        ("'position'", "xo.id, xac.id"), ("'answer'", "xa.id"), ("'statement'", "xq.id"), ("'meeting'", "xm.id"),
        ("'development'", "xd.id"), ("'source'", "xr.id"), ("'deadline'", "xl.id"),
      ]))
        AND (CAST(?4 AS TEXT) IS NULL OR \(hitFirst) >= ?4)
        AND (CAST(?5 AS TEXT) IS NULL OR \(hitFirst) <= ?5)
      ORDER BY \(order)
      LIMIT ?6 OFFSET ?7
      """
  }

  /// The first and the last day of a hit's date.
  private static let hitFirst = """
    coalesce(pf.date_first, xs.date_first, tf.date_first, xo.date_first, xq.date_first,
      xm.date_first, xd.date_first, xr.published_first, xa.date_first, xl.date_first)
    """
  private static let hitLast = """
    coalesce(pf.date_last, xs.date_last, tf.date_last, xo.date_last, xq.date_last, xm.date_last,
      xd.date_last, xr.published_last, xa.date_last, xl.date_last)
    """
}
