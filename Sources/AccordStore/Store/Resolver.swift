import AccordSQLite

/// Finds the record a user names: by number, short id (slug), alias or title, case-insensitively.
/// An unknown name lists the closest candidates; an ambiguous one lists its matches.
extension AccordStore {
  public func resolveActor(_ name: String) throws(StoreError) -> Int64 {
    if let id = try byNumber(name, table: "actor") { return id }
    let key = Names.key(name)
    guard !key.isEmpty else { throw .invalid("an actor's name cannot be empty") }
    if let id = try StoreError.catching(
      connection.integer("SELECT id FROM actor WHERE slug = ?", [.text(key)]))
    {
      return id
    }
    if key.count == 3,
      let id = try StoreError.catching(
        connection.integer("SELECT id FROM actor WHERE code = ?", [.text(key.uppercased())]))
    {
      return id
    }
    let matches = try StoreError.catching(
      connection.all(
        """
        SELECT DISTINCT a.id, a.slug, a.name FROM actor_alias x JOIN actor a ON a.id = x.actor_id
        WHERE x.alias_key = ? ORDER BY a.id
        """, [.text(key)], Self.actorMatch))
    if matches.count == 1 { return matches[0].0 }
    if matches.count > 1 { throw .ambiguous(kind: "actor", name: name, matches: matches.map(\.1)) }
    // A whole word or words of one actor's name: "Bessent" finds "Scott Bessent".
    let wordMatches = try StoreError.catching(
      connection.all(
        """
        SELECT DISTINCT a.id, a.slug, a.name FROM actor_alias x JOIN actor a ON a.id = x.actor_id
        WHERE instr(' ' || x.alias_key || ' ', ' ' || ? || ' ') > 0 ORDER BY a.id LIMIT 6
        """, [.text(key)], Self.actorMatch))
    if wordMatches.count == 1 { return wordMatches[0].0 }
    if wordMatches.count > 1 {
      throw .ambiguous(kind: "actor", name: name, matches: wordMatches.map(\.1))
    }
    let names = try StoreError.catching(
      connection.all("SELECT alias FROM actor_alias UNION SELECT slug FROM actor") {
        $0.text(0)
      })
    throw .notFound(kind: "actor", name: name, candidates: Names.closest(to: name, among: names))
  }

  /// An actor that a name matches, from a row of `actor`: its number, and "slug (name)" to list it.
  private static func actorMatch(_ row: Row) throws(DatabaseError) -> (Int64, String) {
    (try row.integer("id"), "\(try row.text("slug")) (\(try row.text("name")))")
  }

  /// The one actor whose short id, code or one of whose names is `name` exactly (any case), or
  /// nil: the resolver's lookups by index alone, without its looser matches (a word of a name)
  /// or its list of the closest names. For a search, which asks this of every query.
  func actorNamedExactly(_ name: String) throws(StoreError) -> Int64? {
    let key = Names.key(name)
    guard !key.isEmpty else { return nil }
    if let id = try StoreError.catching(
      connection.integer("SELECT id FROM actor WHERE slug = ?", [.text(key)]))
    {
      return id
    }
    // A code as codes are written (TUR), not a word that happens to be one ("can").
    if key.count == 3, name == name.uppercased(),
      let id = try StoreError.catching(
        connection.integer("SELECT id FROM actor WHERE code = ?", [.text(key.uppercased())]))
    {
      return id
    }
    let matches = try StoreError.catching(
      connection.all(
        "SELECT DISTINCT actor_id FROM actor_alias WHERE alias_key = ? LIMIT 2", [.text(key)]
      ) { $0.integer(0) })
    return matches.count == 1 ? matches[0] : nil
  }

  public func resolveNegotiation(_ name: String) throws(StoreError) -> Int64 {
    try resolveTitled(name, table: "negotiation", kind: "negotiation")
  }

  public func resolveProposal(_ name: String) throws(StoreError) -> Int64 {
    try resolveTitled(name, table: "proposal", kind: "proposal")
  }

  public func resolveSource(_ name: String) throws(StoreError) -> Int64 {
    if let id = try byNumber(name, table: "source") { return id }
    if let id = try StoreError.catching(
      connection.integer(
        "SELECT id FROM source WHERE slug = ? OR url = ?", [.text(Names.key(name)), .text(name)]))
    {
      return id
    }
    let names = try StoreError.catching(connection.all("SELECT slug FROM source") { $0.text(0) })
    throw .notFound(kind: "source", name: name, candidates: Names.closest(to: name, among: names))
  }

  /// A condition is named by its number (`7` or `#7`).
  public func resolveCondition(_ name: String) throws(StoreError) -> Int64 {
    let digits = name.hasPrefix("#") ? String(name.dropFirst()) : name
    guard let number = Int64(digits), number > 0 else {
      throw .invalid("'\(name)' is not a condition number: see 'accord condition list'")
    }
    guard
      let id = try StoreError.catching(
        connection.integer("SELECT id FROM position WHERE id = ?", [.integer(number)]))
    else {
      throw .notFound(kind: "condition", name: name, candidates: [])
    }
    return id
  }

  private func byNumber(_ name: String, table: String) throws(StoreError) -> Int64? {
    guard !name.isEmpty, name.allSatisfy(\.isASCIIDigit) else { return nil }
    guard let number = Int64(name),
      let id = try StoreError.catching(
        connection.integer("SELECT id FROM \(table) WHERE id = ?", [.integer(number)]))
    else {
      throw .notFound(kind: table, name: name, candidates: [])
    }
    return id
  }

  private func resolveTitled(_ name: String, table: String, kind: String) throws(StoreError) -> Int64 {
    if let id = try byNumber(name, table: table) { return id }
    let key = Names.key(name)
    if let id = try StoreError.catching(
      connection.integer("SELECT id FROM \(table) WHERE slug = ?", [.text(key)]))
    {
      return id
    }
    let matches = try StoreError.catching(
      connection.all("SELECT id, slug FROM \(table) WHERE title_key = ? ORDER BY id", [.text(key)]) {
        row throws(DatabaseError) in (try row.integer("id"), try row.text("slug"))
      })
    if matches.count == 1 { return matches[0].0 }
    if matches.count > 1 { throw .ambiguous(kind: kind, name: name, matches: matches.map(\.1)) }
    let names = try StoreError.catching(
      connection.all("SELECT slug FROM \(table) UNION ALL SELECT title FROM \(table)") {
        $0.text(0)
      })
    throw .notFound(kind: kind, name: name, candidates: Names.closest(to: name, among: names))
  }

  /// A slug for a new record of `table`: `wanted` if given (and free), else one made from `name`.
  func newSlug(_ wanted: String?, from name: String, fallback: String, table: String)
    throws(StoreError) -> String
  {
    if let wanted {
      let slug = Names.key(wanted)
      guard slug.count <= 48 else {
        throw .invalid("'\(wanted)' is too long for a short id: use at most 48 characters")
      }
      guard Names.slug(slug) == slug, slug.contains(where: \.isLetter) else {
        throw .invalid(
          "'\(wanted)' cannot be a short id: use lower-case letters, digits and hyphens, with a letter")
      }
      if try StoreError.catching(connection.integer("SELECT 1 FROM \(table) WHERE slug = ?", [.text(slug)]))
        != nil
      {
        throw .taken(.shortID(slug, kind: table))
      }
      return slug
    }
    var base = Names.slug(name)
    var suffix = 2
    if !base.contains(where: \.isLetter) {
      // A name with nothing to spell a short id from gets a numbered one: `state-1`, never a bare
      // word like `state` that a later look-up of that word would find.
      base = base.isEmpty ? fallback : fallback + "-" + base
      suffix = 1
    }
    var candidate = suffix == 1 ? base + "-1" : base
    while try StoreError.catching(
      connection.integer("SELECT 1 FROM \(table) WHERE slug = ?", [.text(candidate)])) != nil
    {
      candidate = base + "-" + String(suffix)
      suffix += 1
    }
    return candidate
  }
}
