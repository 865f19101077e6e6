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
    // One snapshot for the whole search, whose joins (``searchSQL(_:listed:)``: a lookup by the
    // row before each) are made in the order written.
    return try connection.readJoiningAsWritten {
      try search(fts: fts, query: query, filter: filter, limit: limit, offset: offset, marks: marks)
    }
  }

  private func search(
    fts: String, query: String, filter: SearchFilter, limit: Int, offset: Int,
    marks: (open: String, close: String)
  ) throws -> [SearchHit] {
    // What the index is asked: the FTS5 query on a file, a tsquery's text on a team's server.
    guard let match = try indexQuery(fts, query: query) else { return [] }
    // No page beyond what SQLite's integers and this process's memory can hold.
    let limit = min(limit, 1 << 20)
    let offset = min(max(0, offset), 1 << 40)
    do {
      // A query that names an actor (any of their names, their short id or code)
      // finds what mentions them, then what they did: their quotes, meetings, steps, conditions,
      // answers and developments, newest first, after the texts.
      guard let actor = try actorNamed(by: query) else {
        return try matches(match, fts: fts, filter: filter, limit: limit, offset: offset, marks: marks)
      }
      let texts = try matches(match, fts: fts, filter: filter, limit: limit + offset, offset: 0, marks: marks)
      let found = Set(texts.map { "\($0.kind) \($0.id)" })
      let own = try connection.all(
        Self.actorFactsSQL,
        [
          .integer(actor), .integer(Int64(limit + offset + found.count)), .optional(filter.negotiation),
          .optional(filter.from?.description), .optional(filter.to?.description),
        ]
      ) { $0.integer(0) }
      let theirs = try hits(
        Self.searchSQL(words, listed: true), first: .text(Self.jsonList(own)), fts: fts,
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
    // Operators by Unicode scalars, as FTS5 reads them: a combining mark after a star makes one
    // Swift character of the two, and the star is still FTS5's (found by FuzzSearch).
    guard !name.isEmpty, words.count <= 4,
      !words.contains(where: { ["AND", "OR", "NOT", "NEAR"].contains($0) }),
      !name.unicodeScalars.contains(where: { "*():^{}\"".unicodeScalars.contains($0) })
    else { return nil }
    return try actorNamedExactly(name)
  }

  /// What the index is asked for the FTS5 query `fts`: the query itself on a file; on a team's
  /// server, the text of a `tsquery` (``TextSearchQuery``, FTS5 judging the query first in the
  /// search page), its words folded as the index folds them (`accord_search_fold`, one round
  /// trip), or nil when it has no word to look for.
  func indexQuery(_ fts: String, query: String) throws -> String? {
    guard connection.engine == .postgresql else { return fts }
    let parsed = try TextSearchQuery.judged(
      fts: fts, query: query, in: try StoreError.catching(searchPage()))
    let texts = Array(Set(parsed.texts))
    var words: [String: [String]] = [:]
    if !texts.isEmpty {
      let folded =
        try connection.first(
          "SELECT " + texts.indices.map { "accord_search_fold(?\($0 + 1))" }.joined(separator: ", "),
          texts.map { .text($0) }
        ) { row in texts.indices.map { row.text(Int32($0)) } } ?? []
      for (text, fold) in zip(texts, folded) {
        words[text] = fold.split(separator: " ").map(String.init)
      }
    }
    return try parsed.tsquery(words: words, query: query)
  }

  /// The index's matches for `match`, best first, narrowed by `filter`: `limit` of them after
  /// skipping `offset`. On a file, one statement: FTS5 yields its matches in rank order, and the
  /// joins and filters are made for the rows returned alone. On a team's server, the matches are
  /// ranked in the index alone (``rankedSQL``), and joined and filtered a window of the best at a
  /// time, the window growing fourfold until the page is full or the matches run out: in one
  /// statement PostgreSQL joins every match before it sorts (a common word in the bench corpus:
  /// 133,128 matches, 2.4 s).
  private func matches(
    _ match: String, fts: String, filter: SearchFilter, limit: Int, offset: Int,
    marks: (open: String, close: String)
  ) throws -> [SearchHit] {
    guard words.engine == .postgresql else {
      return try hits(
        Self.searchSQL(words, listed: false), first: .text(match), fts: fts, filter: filter, limit: limit,
        offset: offset, marks: marks)
    }
    let wanted = limit + offset
    var found: [SearchHit] = []
    // The best matches, twice as many as the page needs; when filters leave too few of them, the
    // rest of the ranking, at once (ranking is the dear part: it reads every match's document).
    let first = max(64, 2 * wanted)
    var ranked = try connection.all(Self.rankedSQL, [.text(match), .integer(Int64(first)), .integer(0)]) {
      $0.integer(0)
    }
    var all = ranked.count < first
    var start = 0
    var window = first
    while found.count < wanted {
      if start + window > ranked.count && !all {
        ranked += try connection.all(
          Self.rankedSQL, [.text(match), .integer(Int64.max), .integer(Int64(first))]
        ) { $0.integer(0) }
        all = true
      }
      guard start < ranked.count else { break }
      found += try hits(
        Self.searchSQL(words, listed: true),
        first: .text(Self.jsonList(Array(ranked[start..<min(start + window, ranked.count)]))),
        fts: fts, filter: filter, limit: wanted - found.count, offset: 0, marks: marks)
      start += window
      window *= 4
    }
    for index in found.indices { found[index].rank = index + 1 }
    return Array(found.dropFirst(offset).prefix(limit))
  }

  /// Runs one of the search statements (``searchSQL(_:listed:)``): `first` is what the index is
  /// asked (``indexQuery(_:query:)``) or the JSON array of the rowids to list.
  private func hits(
    _ sql: String, first: SQLValue, fts: String, filter: SearchFilter, limit: Int, offset: Int,
    marks: (open: String, close: String)
  ) throws -> [SearchHit] {
    let arguments: [SQLValue] = [
      first, .optional(filter.negotiation),
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

  /// How the search index splits and folds words (Migrations/0009_search_stemming.sql): a page's
  /// snippets are cut by the same rule, so that what matched is what is marked.
  static let searchTokenizer = "porter unicode61 remove_diacritics 2"

  /// The connection that holds `temp.search_page`, a small FTS5 index with the search index's
  /// tokenizer, where a page's snippets are cut (``snippets(of:matching:marks:)``) and, on a team's
  /// server, a query is judged (``TextSearchQuery/judged(fts:query:in:)``): the file's own
  /// connection, or on a team's server a private SQLite database in memory, so that a snippet is
  /// cut and marked alike on both engines. Made once a store.
  func searchPage() throws(DatabaseError) -> Connection {
    if let searchPageConnection { return searchPageConnection }
    let page: Connection
    if let file { page = file } else { page = try Connection(path: ":memory:") }
    try Self.makeSearchPage(in: page)
    searchPageConnection = page
    return page
  }

  /// Makes `temp.search_page` in `connection` unless it is there.
  static func makeSearchPage(in connection: Connection) throws(DatabaseError) {
    try connection.execute(
      """
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_page USING fts5 (
        title, body, context, tokenize = '\(Self.searchTokenizer)')
      """)
  }

  /// The snippet of each of `rowids` (the index's rowids) that matches `fts`, the FTS5 query: the
  /// index keeps no copy of the text (Migrations/0008_lean_writes.sql), so the page's few texts,
  /// read from the facts through `search_source`, go into the search page (``searchPage()``), where
  /// FTS5 cuts the snippet from them as it would have from its copy.
  func snippets(of rowids: [Int64], matching fts: String, marks: (open: String, close: String))
    throws(StoreError) -> [Int64: String]
  {
    guard !rowids.isEmpty else { return [:] }
    do {
      let cutter = try searchPage()
      try cutter.execute("DELETE FROM temp.search_page")
      if file != nil {
        for rowid in rowids {
          try cutter.run(
            """
            INSERT INTO temp.search_page (rowid, title, body, context)
            SELECT rowid, title, body, context FROM search_source WHERE kind_number = ?1 AND ref = ?2
            """, [.integer(rowid & 15), .integer(rowid >> 4)])
        }
      } else {
        // OFFSET 0 keeps the lateral subquery whole, run once a hit with its row's key in every
        // branch of the view: pulled up into a join, PostgreSQL hashed the hits against every text
        // of the view (0.19 s for a page of 20 on the bench corpus; 0.6 ms so).
        let texts = try connection.all(
          """
          SELECT r.rowid, x.title, x.body, x.context
          FROM (\(words.numbers(in: "?1"))) AS r (rowid)
          CROSS JOIN LATERAL (SELECT title, body, context FROM search_source
            WHERE kind_number = r.rowid & 15 AND ref = r.rowid >> 4 OFFSET 0) AS x
          """, [.text(Self.jsonList(rowids))]
        ) { row throws(DatabaseError) in
          [
            SQLValue.integer(try row.integer("rowid")), .optional(try row.optionalText("title")),
            .optional(try row.optionalText("body")), .optional(try row.optionalText("context")),
          ]
        }
        for values in texts {
          try cutter.run(
            "INSERT INTO temp.search_page (rowid, title, body, context) VALUES (?, ?, ?, ?)", values)
        }
      }
      return Dictionary(
        try cutter.all(
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
}
