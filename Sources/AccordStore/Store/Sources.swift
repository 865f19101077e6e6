import AccordSQLite

/// A source as listed.
public struct SourceSummary: Sendable, Codable, Equatable {
  public let id: Int64
  public let slug: String
  public let url: String?
  public let outlet: String?
  public let title: String?
  public let published: AccordDate?
  /// True for a retracted source, listed with `--include-retracted`; absent otherwise.
  public var retracted: Bool? = nil
}

extension SourceSummary {
  /// A source from a row of `source`, with whether it is retracted.
  init(row: Row) throws(DatabaseError) {
    self.init(
      id: try row.integer("id"), slug: try row.text("slug"), url: try row.optionalText("url"),
      outlet: try row.optionalText("outlet"), title: try row.optionalText("title"),
      published: try row.optionalDate("published"))
    if try row.bool("retracted") { retracted = true }
  }
}

/// What a citation is attached to.
package enum CitedFact: String {
  case meeting = "meeting_id"
  case proposal = "proposal_id"
  case step = "step_id"
  case position = "position_id"
  case answer = "answer_id"
  case statement = "statement_id"
  case development = "development_id"
  case deadline = "deadline_id"
}

extension AccordStore {
  @discardableResult
  public func addSource(
    url: String?, outlet: String? = nil, title: String? = nil, published: AccordDate? = nil,
    slug: String? = nil
  ) throws -> Int64 {
    let url = url?.trimmingSpaces
    let title = title?.trimmingSpaces.nonEmpty
    if let url, let problem = Self.urlProblem(url) {
      throw StoreError.invalid("'\(url)' \(problem)")
    }
    if url == nil && title == nil {
      throw StoreError.mistake(.sourceWithoutURLOrTitle)
    }
    return try write {
      if let url, let existing = try connection.integer("SELECT id FROM source WHERE url = ?", [.text(url)]) {
        throw StoreError.conflict("that URL is source \(existing) already")
      }
      let outlet = outlet?.trimmingSpaces.nonEmpty
      var base = outlet ?? url.map(Self.host(of:)) ?? title ?? "source"
      if let published { base += " " + published.first.description }
      let slug = try newSlug(slug, from: base, fallback: "source", table: "source")
      return try connection.insert(
        """
        INSERT INTO source (slug, url, outlet, title, published, published_first, published_last)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        [
          .text(slug), .optional(url), .optional(outlet), .optional(title),
          .optional(published?.text), .optional(published?.first.description),
          .optional(published?.last.description),
        ])
    }
  }

  public func sources(includeRetracted: Bool = false) throws -> [SourceSummary] {
    try connection.all(
      """
      SELECT s.id, s.slug, s.url, s.outlet, s.title, s.published, s.published_first, s.published_last,
        \(AccordStore.retracted("source", "s.id")) AS retracted
      FROM source s WHERE ? OR NOT \(AccordStore.retracted("source", "s.id")) ORDER BY s.published_first, s.id
      """, [.integer(includeRetracted ? 1 : 0)], SourceSummary.init(row:))
  }

  /// The ids of the named sources; a full URL that Accord does not know yet becomes a new source.
  func resolveSources(_ names: [String]) throws -> [Int64] {
    var ids: [Int64] = []
    for name in names {
      let id = try resolveOrAddSource(name)
      if !ids.contains(id) { ids.append(id) }
    }
    return ids
  }

  private func resolveOrAddSource(_ name: String) throws -> Int64 {
    if name.contains("://"),
      try connection.integer("SELECT id FROM source WHERE url = ?", [.text(name)]) == nil
    {
      return try addSource(url: name)
    }
    return try resolveSource(name)
  }

  func cite(_ sources: [Int64], _ fact: CitedFact, _ id: Int64) throws {
    for source in sources {
      try connection.run(
        "INSERT INTO citation (source_id, \(fact.rawValue)) VALUES (?, ?)", [.integer(source), .integer(id)])
    }
  }

  /// The column of the sources that the fact `id` (an SQL expression: the fact's id in the
  /// statement that reads it) of a kind cites, for ``Row/sources(_:)``: read with the fact, not by
  /// a statement of their own, which was a round trip a kind on a team's server. Each source comes
  /// after its citation's number, because neither engine promises the order `group_concat` gathers
  /// in. (`fact = id` lets each engine use the fact's partial index of citations; the aliases are
  /// long so as not to hide the statement's own, which `id` names.)
  static func citedSources(_ fact: CitedFact, of id: String) -> String {
    """
    (SELECT group_concat(cited.id || ' ' || cited_source.slug, '\u{1F}')
        FROM citation cited JOIN source cited_source ON cited_source.id = cited.source_id
        WHERE cited.\(fact.rawValue) = \(id) AND NOT \(AccordStore.retracted("source", "cited_source.id")))
    """
  }

  /// The schemes a source's URL may have: web pages, DOIs and URNs. Anything else (`javascript:`,
  /// `data:`, `file:`) is refused: a report turns a source's URL into a link for its readers.
  public static let urlSchemes = ["https://", "http://", "doi:", "urn:"]

  /// Why `url` cannot be a source's URL, or nil when it can.
  package static func urlProblem(_ url: String) -> String? {
    guard let scheme = urlSchemes.first(where: { url.lowercased().hasPrefix($0) }) else {
      return "is not a URL Accord keeps: a source's URL begins with "
        + urlSchemes.joined(separator: ", ") + " (write it in full, such as https://example.org/story)"
    }
    let rest = url.dropFirst(scheme.count)
    if rest.isEmpty || rest.hasPrefix("/") || rest.contains(where: { $0.isWhitespace || $0.isNewline }) {
      return "is not a URL: write it in full, such as https://example.org/story, without spaces"
    }
    return nil
  }

  static func host(of url: String) -> String {
    guard let range = url.firstRange(of: "://") else { return "source" }
    let rest = url[range.upperBound...]
    let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    let trimmed = host.hasPrefix("www.") ? host.dropFirst(4) : host
    return String(trimmed.split(separator: ".").dropLast().joined(separator: " ").nonEmptyOr(String(trimmed)))
  }
}

extension Row {
  /// The short ids of the sources in column `name`, an ``AccordStore/citedSources(_:of:)``, in
  /// the order they were cited.
  func sources(_ name: String = "sources") throws(DatabaseError) -> [String] {
    let cited = try list(name).map { entry in
      let parts = entry.split(separator: " ", maxSplits: 1)
      return (order: Int64(parts.first ?? "") ?? 0, slug: String(parts.last ?? ""))
    }
    return cited.sorted { $0.order < $1.order }.map(\.slug)
  }
}

extension String {
  func nonEmptyOr(_ other: String) -> String { isEmpty ? other : self }
}
