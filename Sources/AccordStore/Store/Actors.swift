import AccordSQLite

/// The kinds of actor Accord knows.
public enum ActorKind: String, Sendable, Codable, CaseIterable {
  case state, organization, company, group, person
}

/// A new actor as an analyst enters it.
public struct NewActor: Sendable {
  public var name: String
  public var kind: ActorKind
  public var slug: String?
  public var code: String?
  public var wikidata: String?
  public var aliases: [String]
  /// The organisation or state a person belongs to, with the role and dates.
  public var affiliation: NewAffiliation?

  public init(
    name: String, kind: ActorKind, slug: String? = nil, code: String? = nil, wikidata: String? = nil,
    aliases: [String] = [], affiliation: NewAffiliation? = nil
  ) {
    self.name = name
    self.kind = kind
    self.slug = slug
    self.code = code
    self.wikidata = wikidata
    self.aliases = aliases
    self.affiliation = affiliation
  }
}

public struct NewAffiliation: Sendable {
  public var organization: String
  public var role: String?
  public var since: AccordDate?
  public var until: AccordDate?

  public init(organization: String, role: String? = nil, since: AccordDate? = nil, until: AccordDate? = nil) {
    self.organization = organization
    self.role = role
    self.since = since
    self.until = until
  }
}

/// An actor as listed.
public struct ActorSummary: Sendable, Codable, Equatable {
  public let id: Int64
  public let slug: String
  public let name: String
  public let kind: ActorKind
  public let code: String?
  public let wikidata: String?
  public let aliases: [String]
  /// True for a retracted actor (or one merged into another), listed with
  /// `--include-retracted`; absent otherwise.
  public var retracted: Bool? = nil
}

/// A person's office or membership.
public struct Affiliation: Sendable, Codable, Equatable {
  public let person: String
  public let organization: String
  public let role: String?
  public let since: String?
  public let until: String?
}

/// An actor with everything recorded about who it is and where it takes part.
public struct ActorDetail: Sendable, Codable {
  public struct Participation: Sendable, Codable, Equatable {
    public let negotiation: String
    public let title: String
    public let role: String
  }
  public let actor: ActorSummary
  public let affiliations: [Affiliation]
  public let members: [Affiliation]
  public let negotiations: [Participation]
  /// For a bloc: its members (as of the day asked, or ever).
  public var blocMembers: [Membership] = []
  /// The blocs it belongs to (as of the day asked, or ever).
  public var blocs: [Membership] = []
}

extension AccordStore {
  @discardableResult
  public func addActor(_ new: NewActor) throws -> Int64 {
    let name = new.name.trimmingSpaces
    guard !name.isEmpty else { throw StoreError.invalid("an actor needs a name") }
    let code = try new.code.map { code throws(StoreError) -> String in
      let upper = code.uppercased()
      guard upper.count == 3, upper.allSatisfy({ $0.isASCII && $0.isLetter }) else {
        throw .invalid("'\(code)' is not an ISO 3166-1 alpha-3 code: use three letters, such as UKR")
      }
      return upper
    }
    if let wikidata = new.wikidata {
      guard wikidata.first == "Q", wikidata.count > 1, wikidata.dropFirst().allSatisfy(\.isASCIIDigit),
        wikidata.dropFirst().first != "0"
      else {
        throw StoreError.invalid("'\(wikidata)' is not a Wikidata id: use Q followed by digits, such as Q212")
      }
    }
    return try write {
      if let code,
        let existing = try connection.first(
          "SELECT name FROM actor WHERE code = ?", [.text(code)], { $0.text(0) })
      {
        throw StoreError.conflict("the code \(code) belongs to \(existing) already")
      }
      if let wikidata = new.wikidata,
        let existing = try connection.first(
          "SELECT name FROM actor WHERE wikidata = ?", [.text(wikidata)], { $0.text(0) })
      {
        throw StoreError.conflict("the Wikidata id \(wikidata) belongs to \(existing) already")
      }
      if new.slug == nil,
        let existing = try connection.first(
          """
          SELECT a.slug FROM actor_alias x JOIN actor a ON a.id = x.actor_id
          WHERE x.alias_key = ? AND a.kind = ? LIMIT 1
          """, [.text(Names.key(name)), .text(new.kind.rawValue)], { $0.text(0) })
      {
        throw StoreError.taken(.actorName(new.kind, name: name, shortID: existing))
      }
      let slug = try newSlug(new.slug, from: name, fallback: new.kind.rawValue, table: "actor")
      let id = try connection.insert(
        "INSERT INTO actor (slug, name, kind, code, wikidata) VALUES (?, ?, ?, ?, ?)",
        [.text(slug), .text(name), .text(new.kind.rawValue), .optional(code), .optional(new.wikidata)])
      for alias in [name] + new.aliases { try addAlias(alias, to: id) }
      if let affiliation = new.affiliation { try addAffiliation(person: id, affiliation) }
      return id
    }
  }

  /// Records another name for an actor; a name it has already is no error. With `unique`, a name
  /// that another actor goes by is refused, since it would make that name ambiguous.
  public func addAlias(_ alias: String, to actor: Int64, unique: Bool = false) throws {
    let alias = alias.trimmingSpaces
    guard !alias.isEmpty else { throw StoreError.invalid("an alias cannot be empty") }
    if unique,
      let other = try connection.first(
        """
        SELECT a.slug FROM actor_alias x JOIN actor a ON a.id = x.actor_id
        WHERE x.alias_key = ? AND x.actor_id <> ? LIMIT 1
        """, [.text(Names.key(alias)), .integer(actor)], { $0.text(0) })
    {
      throw StoreError.conflict(
        "'\(alias)' is a name of \(other) already; giving it to a second actor would make it ambiguous "
          + "(to join two actors, use 'accord actor merge')")
    }
    try connection.run(
      "INSERT INTO actor_alias (actor_id, alias, alias_key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
      [.integer(actor), .text(alias), .text(Names.key(alias))])
  }

  /// `accord actor office`: another office of a person already recorded.
  @discardableResult
  public func addOffice(person: String, _ affiliation: NewAffiliation) throws -> Int64 {
    try write {
      let id = try resolveActor(person)
      let kind = try connection.first("SELECT kind, name FROM actor WHERE id = ?", [.integer(id)]) {
        row throws(DatabaseError) in (try row.text("kind"), try row.text("name"))
      }
      guard let kind, kind.0 == ActorKind.person.rawValue else {
        throw StoreError.invalid(
          "\(kind?.1 ?? person) is not a person: only a person holds an office"
        )
      }
      return try addAffiliation(person: id, affiliation)
    }
  }

  @discardableResult
  public func addAffiliation(person: Int64, _ affiliation: NewAffiliation) throws -> Int64 {
    let organization = try resolveActor(affiliation.organization)
    guard organization != person else {
      throw StoreError.invalid("an actor cannot be affiliated with itself")
    }
    if let since = affiliation.since, let until = affiliation.until, until.last < since.first {
      throw StoreError.invalid("the affiliation ends (\(until)) before it starts (\(since))")
    }
    return try connection.insert(
      """
      INSERT INTO affiliation (person_id, organization_id, role, since, since_first, until, until_last)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .integer(person), .integer(organization), .optional(affiliation.role?.trimmingSpaces.nonEmpty),
        .optional(affiliation.since?.text), .optional(affiliation.since?.first.description),
        .optional(affiliation.until?.text), .optional(affiliation.until?.last.description),
      ])
  }

  public func actors(kind: ActorKind? = nil, includeRetracted: Bool = false) throws -> [ActorSummary] {
    try connection.all(
      """
      SELECT a.id, a.slug, a.name, a.kind, a.code, a.wikidata,
        (SELECT group_concat(alias, '\u{1F}') FROM (SELECT x.alias FROM actor_alias x
          WHERE x.actor_id = a.id AND x.alias <> a.name ORDER BY \(words.binary("x.alias_key"))) AS ordered) AS aliases,
        \(AccordStore.retracted("actor", "a.id")) AS retracted
      FROM actor a WHERE (CAST(?1 AS TEXT) IS NULL OR a.kind = ?1) AND (?2 OR NOT \(AccordStore.retracted("actor", "a.id")))
      ORDER BY \(words.caseless("a.name")), a.id
      """, [.optional(kind?.rawValue), .integer(includeRetracted ? 1 : 0)], ActorSummary.init(row:))
  }

  /// An actor with its offices, its negotiations, and (as of `asOf`, or ever) its blocs and, for a
  /// bloc, its members.
  public func actor(_ id: Int64, asOf: Day? = nil) throws -> ActorDetail {
    guard
      let actor = try connection.first(
        """
        SELECT a.id, a.slug, a.name, a.kind, a.code, a.wikidata,
          (SELECT group_concat(alias, '\u{1F}') FROM (SELECT x.alias FROM actor_alias x
            WHERE x.actor_id = a.id AND x.alias <> a.name ORDER BY \(words.binary("x.alias_key"))) AS ordered) AS aliases,
          \(AccordStore.retracted("actor", "a.id")) AS retracted
        FROM actor a WHERE a.id = ?
        """, [.integer(id)], ActorSummary.init(row:))
    else { throw StoreError.notFound(kind: "actor", name: String(id), candidates: []) }
    let affiliationSQL = """
      SELECT p.name AS person, o.name AS organization, f.role, f.since, f.until FROM affiliation f
      JOIN actor p ON p.id = f.person_id JOIN actor o ON o.id = f.organization_id
      WHERE f.%@ = ? ORDER BY f.since_first, f.id
      """
    let affiliations = try connection.all(
      affiliationSQL.replacing("%@", with: "person_id"), [.integer(id)], Affiliation.init(row:))
    let members = try connection.all(
      affiliationSQL.replacing("%@", with: "organization_id"), [.integer(id)], Affiliation.init(row:))
    let negotiations = try connection.all(
      """
      SELECT n.slug AS negotiation, n.title, p.role FROM participant p JOIN negotiation n ON n.id = p.negotiation_id
      WHERE p.actor_id = ? ORDER BY n.title, p.role
      """, [.integer(id)]
    ) { row throws(DatabaseError) in
      ActorDetail.Participation(
        negotiation: try row.text("negotiation"), title: try row.text("title"), role: try row.text("role"))
    }
    var detail = ActorDetail(
      actor: actor, affiliations: affiliations, members: members, negotiations: negotiations)
    detail.blocMembers = try self.members(of: id, asOf: asOf)
    detail.blocs = try memberships(of: id, asOf: asOf)
    return detail
  }

}

extension ActorSummary {
  /// An actor from a row of `actor`, with its other names (`aliases`) and whether it is retracted.
  init(row: Row) throws(DatabaseError) {
    let id = try row.integer("id")
    self.init(
      id: id, slug: try row.text("slug"), name: try row.text("name"),
      kind: try row.decode(ActorKind.self, "kind", table: "actor", id: id),
      code: try row.optionalText("code"),
      wikidata: try row.optionalText("wikidata"), aliases: try row.list("aliases"))
    if try row.bool("retracted") { retracted = true }
  }
}

extension Affiliation {
  /// An office from a row of `affiliation`, with the names of its `person` and `organization`.
  init(row: Row) throws(DatabaseError) {
    self.init(
      person: try row.text("person"), organization: try row.text("organization"),
      role: try row.optionalText("role"), since: try row.optionalText("since"),
      until: try row.optionalText("until"))
  }
}

/// Splits a `group_concat(..., '\u{1F}')` list.
package func splitList(_ text: String?) -> [String] {
  guard let text, !text.isEmpty else { return [] }
  return text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
}

extension Row {
  /// A list that `group_concat(…, '\u{1F}')` joined; empty for NULL.
  public func list(_ name: String) throws(DatabaseError) -> [String] { splitList(try optionalText(name)) }
}

extension String {
  var nonEmpty: String? { isEmpty ? nil : self }
}

extension Array {
  /// Nil for an empty array: a JSON field with nothing to say is left out.
  var nonEmpty: [Element]? { isEmpty ? nil : self }
}
