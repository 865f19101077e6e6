import AccordSQLite

/// One thing `accord search` found: a fact of some kind, where it belongs, and the words around
/// the match.
public struct SearchHit: Sendable, Codable, Equatable {
  /// `negotiation`, `proposal`, `step`, `term`, `condition`, `answer`, `quote`, `meeting`,
  /// `development` or `source`.
  public let kind: String
  /// The fact's number in its own table.
  public let id: Int64
  /// When it happened: a proposal's first step, a term's first position, a source's publication.
  public let date: AccordDate?
  /// The negotiation's short id and title (a source belongs to none).
  public let negotiation: String?
  public let negotiationTitle: String?
  /// Who: the speaker, the holder, the party, the participants, the outlet.
  public let who: String?
  /// What it is about: a step's proposal, a condition's term.
  public let about: String?
  /// The text around the best match, the matching words between the marks.
  public var snippet: String
  /// Its place in the ranking by bm25, from 1 (the best match), counted across pages.
  public var rank: Int
  /// The bloc through which the actor a search was narrowed to did it (`--actor`).
  public var via: String? = nil
}

/// What narrows a search down.
public struct SearchFilter: Sendable {
  public var negotiation: Int64?
  /// The actor, and the blocs it acted through (see ``ActorScope``).
  public var actor: ActorScope?
  /// Facts whose date starts on or after `from` and on or before `to` (a fact dated `2025-02`
  /// starts on 1 February); undated facts (negotiations, sources with no date) drop out.
  public var from: Day?
  public var to: Day?

  public init(negotiation: Int64? = nil, actor: ActorScope? = nil, from: Day? = nil, to: Day? = nil) {
    self.negotiation = negotiation
    self.actor = actor
    self.from = from
    self.to = to
  }
}

extension AccordStore {
  /// Facts matching `query` (see ``SearchQuery``), best first by bm25, `limit` of them after
  /// skipping `offset`. The matching words in `snippet` are put between `marks`.
  public func search(
    _ query: String, filter: SearchFilter = SearchFilter(), limit: Int = 20, offset: Int = 0,
    marks: (open: String, close: String) = ("[", "]")
  ) throws -> [SearchHit] {
    let fts = try SearchQuery.fts(query)
    guard limit > 0 else { return [] }
    // No page beyond what SQLite's integers and this process's memory can hold.
    let limit = min(limit, 1 << 20)
    let offset = min(max(0, offset), 1 << 40)
    do {
      // A query that names an actor (any of their names, their short id or code)
      // finds what mentions them, then what they did: their quotes, meetings, steps, conditions,
      // answers and developments, newest first, after the texts.
      guard let actor = try actorNamed(by: query) else {
        return try hits(
          Self.searchSQL, first: .text(fts), fts: fts, filter: filter, limit: limit, offset: offset,
          marks: marks)
      }
      let texts = try hits(
        Self.searchSQL, first: .text(fts), fts: fts, filter: filter, limit: limit + offset, offset: 0,
        marks: marks)
      let found = Set(texts.map { "\($0.kind) \($0.id)" })
      let own = try connection.all(
        Self.actorFactsSQL,
        [
          .integer(actor), .integer(Int64(limit + offset + found.count)), .optional(filter.negotiation),
          .optional(filter.from?.description), .optional(filter.to?.description),
        ]
      ) { $0.integer(0) }
      let theirs = try hits(
        Self.listedSQL, first: .text("[" + own.map(String.init).joined(separator: ",") + "]"), fts: fts,
        filter: filter, limit: limit + offset, offset: 0, marks: marks
      ).filter { !found.contains("\($0.kind) \($0.id)") }
      var all = texts + theirs
      for index in all.indices { all[index].rank = index + 1 }
      return Array(all.dropFirst(offset).prefix(limit))
    } catch {
      // FTS5 refusing the query is an error in what the analyst typed: say so in one line.
      if case .database(.sqlite(_, _, let message, _))? = StoreError(error),
        let explained = SearchQuery.explain(message, query: query)
      {
        throw explained
      }
      throw error
    }
  }

  /// The actor a whole query names, when it is a name and nothing else (no operators, no
  /// field filters): the one actor whose short id, code or name it is.
  func actorNamed(by query: String) throws -> Int64? {
    var name = query.trimmingSpaces
    if name.count > 2, name.hasPrefix("\""), name.hasSuffix("\"") {
      name = String(name.dropFirst().dropLast())
    }
    let words = name.split(separator: " ")
    guard !name.isEmpty, words.count <= 4,
      !words.contains(where: { ["AND", "OR", "NOT", "NEAR"].contains($0) }),
      !name.contains(where: { "*():^{}\"".contains($0) })
    else { return nil }
    return try actorNamedExactly(name)
  }

  /// Runs one of the search statements: `first` is the FTS5 query (``searchSQL``) or the JSON
  /// array of the rowids to list (``listedSQL``).
  private func hits(
    _ sql: String, first: SQLValue, fts: String, filter: SearchFilter, limit: Int, offset: Int,
    marks: (open: String, close: String)
  ) throws -> [SearchHit] {
    let arguments: [SQLValue] = [
      first, .text(marks.open), .text(marks.close), .optional(filter.negotiation),
      .optional(filter.actor?.windowsJSON), .optional(filter.from?.description),
      .optional(filter.to?.description),
      .integer(Int64(limit)), .integer(Int64(offset)),
    ]
    var rank = offset
    var rowids: [Int64] = []
    var hits = try connection.all(sql, arguments) { row throws(DatabaseError) in
      rank += 1
      let kind = try row.text("kind")
      let id = try row.integer("id")
      rowids.append(try row.integer("rowid"))
      let negotiation = try row.optionalText("negotiation")
      let negotiationTitle = try row.optionalText("negotiation_title")
      let date = try row.optionalDate("hit")
      var hit = SearchHit(
        kind: kind, id: id, date: date, negotiation: negotiation, negotiationTitle: negotiationTitle,
        who: try row.optionalText("who")?.nonEmpty, about: try row.optionalText("about"), snippet: "",
        rank: rank)
      if let scope = filter.actor {
        let ids = try row.list("actors").compactMap { Int64($0) }
        hit.via = scope.match(any: ids, on: date ?? AccordDate(day: Day.epoch))?.via
      }
      return hit
    }
    let snippets = try self.snippets(of: rowids, matching: fts, marks: marks)
    for index in hits.indices {
      // A fact listed for who did it, whose text does not match, shows its first words.
      hits[index].snippet =
        try snippets[rowids[index]]
        ?? connection.first(
          """
          SELECT substr(coalesce(body, title, context, ''), 1, 80)
            || CASE WHEN length(coalesce(body, title, context, '')) > 80 THEN '…' ELSE '' END
          FROM search_source WHERE kind_number = ?1 AND ref = ?2
          """, [.integer(rowids[index] & 15), .integer(rowids[index] >> 4)], { $0.text(0) }) ?? ""
    }
    return hits
  }

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
        JOIN development d ON d.id = y.development_id WHERE y.actor_id = ?1)
    WHERE (CAST(?3 AS INTEGER) IS NULL OR negotiation_id = ?3) AND (CAST(?4 AS TEXT) IS NULL OR date_first >= ?4)
      AND (CAST(?5 AS TEXT) IS NULL OR date_first <= ?5)
    ORDER BY date_first DESC, rowid DESC LIMIT ?2
    """

  /// ``searchSQL`` over a list of rowids (a JSON array, in the order to keep) rather than FTS5's
  /// matches: the same joins, filters and retractions.
  static let listedSQL =
    searchSQL
    .replacing("FROM search s\n", with: "FROM (SELECT value AS rowid, key AS rank FROM json_each(?1)) s\n")
    .replacing("WHERE search MATCH ?1", with: "WHERE s.rowid IS NOT NULL")

  /// How the search index splits and folds words (Migrations/0009_search_stemming.sql): a page's
  /// snippets are cut by the same rule, so that what matched is what is marked.
  static let searchTokenizer = "porter unicode61 remove_diacritics 2"

  /// The snippet of each of `rowids` (the index's rowids): the index keeps no copy of the text
  /// (Migrations/0008_lean_writes.sql), so the page's few texts, read from the facts through
  /// `search_source`, go into a small index of this connection's own, where FTS5 cuts the snippet
  /// from them as it would have from its copy.
  func snippets(of rowids: [Int64], matching fts: String, marks: (open: String, close: String))
    throws(StoreError) -> [Int64: String]
  {
    guard !rowids.isEmpty else { return [:] }
    do {
      try connection.execute(
        """
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_page USING fts5 (
          title, body, context, tokenize = '\(Self.searchTokenizer)');
        DELETE FROM temp.search_page;
        """)
      for rowid in rowids {
        try connection.run(
          """
          INSERT INTO temp.search_page (rowid, title, body, context)
          SELECT rowid, title, body, context FROM search_source WHERE kind_number = ?1 AND ref = ?2
          """, [.integer(rowid & 15), .integer(rowid >> 4)])
      }
      return Dictionary(
        try connection.all(
          """
          SELECT rowid, snippet(search_page, -1, ?2, ?3, '…', 12) AS snippet FROM temp.search_page
          WHERE search_page MATCH ?1
          """,
          [.text(fts), .text(marks.open), .text(marks.close)]
        ) { row throws(DatabaseError) in (try row.integer("rowid"), try row.text("snippet")) },
        uniquingKeysWith: { a, _ in a })
    } catch {
      throw StoreError(error)
    }
  }

  /// One statement: FTS5 ranks the matches (ORDER BY rank, which it consumes itself, so that
  /// the joins and the snippet are made only for the rows returned); the fact behind each match
  /// is found by its rowid (id × 16 + kind number, see Migrations/0008_lean_writes.sql). The bm25 score itself is not selected: reading it outside FTS5's
  /// sort makes FTS5 gather the query's statistics a second time, which costs as much again as the
  /// search. `?5` is the actor filter's windows (``ActorScope/windowsJSON``): a fact matches when
  /// one of its actors is one of them on the fact's date.
  static let searchSQL = """
    SELECT CASE s.rowid & 15
        WHEN 1 THEN 'negotiation' WHEN 2 THEN 'proposal' WHEN 3 THEN 'step' WHEN 4 THEN 'term'
        WHEN 5 THEN 'condition' WHEN 6 THEN 'quote' WHEN 7 THEN 'meeting' WHEN 8 THEN 'development'
        WHEN 9 THEN 'source' WHEN 10 THEN 'answer' WHEN 11 THEN 'deadline' END AS kind,
      s.rowid >> 4 AS id, s.rowid AS rowid,
      n.slug AS negotiation, n.title AS negotiation_title,
      coalesce(pf.date, xs.date, tf.date, xo.date, xq.date, xm.date, xd.date, xr.published, xa.date, xl.date) AS hit,
      coalesce(pf.date_first, xs.date_first, tf.date_first, xo.date_first, xq.date_first,
        xm.date_first, xd.date_first, xr.published_first, xa.date_first, xl.date_first) AS hit_first,
      coalesce(pf.date_last, xs.date_last, tf.date_last, xo.date_last, xq.date_last, xm.date_last,
        xd.date_last, xr.published_last, xa.date_last, xl.date_last) AS hit_last,
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
      CASE WHEN ?5 IS NULL THEN NULL ELSE CASE s.rowid & 15
        WHEN 1 THEN (SELECT group_concat(y.actor_id, '\u{1F}') FROM participant y WHERE y.negotiation_id = xn.id)
        WHEN 2 THEN xp.tabled_by
        WHEN 3 THEN xs.party_id
        WHEN 4 THEN (SELECT group_concat(y.actor_id, '\u{1F}') FROM position y WHERE y.term_id = xt.id)
        WHEN 5 THEN xo.actor_id
        WHEN 6 THEN xq.actor_id
        WHEN 7 THEN (SELECT group_concat(y.actor_id, '\u{1F}') FROM meeting_participant y WHERE y.meeting_id = xm.id)
        WHEN 8 THEN (SELECT group_concat(y.actor_id, '\u{1F}') FROM development_actor y WHERE y.development_id = xd.id)
        WHEN 10 THEN xa.actor_id
      END END AS actors
    FROM search s
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
    WHERE search MATCH ?1
      AND (CAST(?4 AS INTEGER) IS NULL OR n.id = ?4)
      AND (?5 IS NULL OR EXISTS (
        SELECT 1 FROM json_each(?5) w
        WHERE (w.value ->> 'f' IS NULL OR w.value ->> 'f' <= coalesce(hit_last, '9999-12-31'))
          AND (w.value ->> 't' IS NULL OR coalesce(hit_first, '0000-01-01') < w.value ->> 't')
          AND w.value ->> 'a' IN (
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
      AND (CAST(?6 AS TEXT) IS NULL OR hit_first >= ?6)
      AND (CAST(?7 AS TEXT) IS NULL OR hit_first <= ?7)
    ORDER BY s.rank
    LIMIT ?8 OFFSET ?9
    """
}
