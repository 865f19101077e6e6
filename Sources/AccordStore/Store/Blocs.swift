import AccordSQLite

/// Blocs and coalitions (P5+1, E3, the EU, the African Union): which actors belong to which bloc,
/// and when. Each joining and leaving is a dated row of `membership` (Migrations/0006_blocs.sql);
/// any actor can be a bloc, and a bloc can belong to a bloc, but never to itself.
public struct Membership: Sendable, Codable, Equatable {
  public let bloc: String
  public let member: String
  /// When it joined; nil: from the start.
  public let since: AccordDate?
  /// When it left, if it has.
  public let until: AccordDate?
}

/// One actor's time in one bloc.
struct MembershipSpan: Sendable {
  let bloc: Int64
  let member: Int64
  let since: AccordDate?
  var until: AccordDate?

  /// True when the span holds at some time within `date`'s range.
  func overlaps(_ date: AccordDate) -> Bool {
    (since.map { $0.first <= date.last } ?? true) && (until.map { date.first < $0.first } ?? true)
  }

  /// True when the span certainly holds on `day` (a date counts once it has wholly passed).
  func holds(on day: Day) -> Bool {
    (since.map { $0.last <= day } ?? true) && (until.map { day < $0.last } ?? true)
  }
}

/// Who belongs to which bloc over time, read once for a command.
struct Blocs: Sendable {
  let spans: [MembershipSpan]

  /// The blocs `actor` belonged to at some time within `date`'s range, and the blocs those belonged
  /// to, nearest first.
  func blocs(of actor: Int64, on date: AccordDate) -> [Int64] {
    var result: [Int64] = []
    var frontier = [actor]
    while let next = frontier.popLast() {
      for span in spans where span.member == next && span.overlaps(date) && !result.contains(span.bloc) {
        result.append(span.bloc)
        frontier.insert(span.bloc, at: 0)
      }
    }
    return result
  }

  /// The members of `bloc` (and of its member blocs) at some time within `date`'s range.
  func members(of bloc: Int64, on date: AccordDate) -> [Int64] {
    var result: [Int64] = []
    var frontier = [bloc]
    while let next = frontier.popLast() {
      for span in spans where span.bloc == next && span.overlaps(date) && !result.contains(span.member) {
        result.append(span.member)
        frontier.insert(span.member, at: 0)
      }
    }
    return result
  }

  /// True when `member` belongs to `bloc` at any time, directly or through other blocs: adding
  /// `bloc` to `member` would make a cycle.
  func contains(_ bloc: Int64, _ member: Int64) -> Bool {
    var seen: Set<Int64> = []
    var frontier = [bloc]
    while let next = frontier.popLast() {
      if next == member { return true }
      guard seen.insert(next).inserted else { continue }
      frontier += spans.filter { $0.bloc == next }.map(\.member)
    }
    return false
  }
}

extension AccordStore {
  /// Every membership span of every bloc, from the current record.
  func blocs() throws -> Blocs {
    try memoized("blocs") { try readBlocs() }
  }

  /// The statement of ``blocs()``: every membership's joining and leaving.
  static let membershipStatement = ReadStatement(
    """
    SELECT bloc_id, member_id, event, date, date_first, date_last FROM current_membership
    ORDER BY bloc_id, member_id, coalesce(date_first, ''), id
    """)

  private func readBlocs() throws -> Blocs {
    let events = try connection.all(Self.membershipStatement) {
      row throws(DatabaseError) in
      (
        bloc: try row.integer("bloc_id"), member: try row.integer("member_id"),
        joined: try row.text("event") == "joined", date: try row.optionalDate("date")
      )
    }
    var spans: [MembershipSpan] = []
    var open: [String: Int] = [:]
    for event in events {
      let key = "\(event.bloc) \(event.member)"
      if event.joined {
        if open[key] != nil { continue }
        open[key] = spans.count
        spans.append(MembershipSpan(bloc: event.bloc, member: event.member, since: event.date, until: nil))
      } else if let index = open.removeValue(forKey: key) {
        spans[index].until = event.date
      }
    }
    return Blocs(spans: spans)
  }

  /// `accord actor member BLOC --add ACTOR…`: the actors belong to the bloc from `since` (or from
  /// the start), until `until` if given. A bloc never contains itself, however deep. Returns the
  /// numbers of the joinings, one a member (the one recorded already, when the same joining is).
  @discardableResult
  public func addMembers(
    bloc name: String, members: [String], since: AccordDate? = nil, until: AccordDate? = nil
  )
    throws -> [Int64]
  {
    guard !members.isEmpty else { throw StoreError.mistake(.noMembersToAdd) }
    if let since, let until, until.last < since.first {
      throw StoreError.invalid("the membership ends (\(until)) before it starts (\(since))")
    }
    return try write {
      let bloc = try resolveActor(name)
      let blocs = try self.blocs()
      var numbers: [Int64] = []
      for member in members {
        let id = try resolveActor(member)
        guard id != bloc else {
          throw StoreError.invalid("\(try actorName(bloc)) cannot be a member of itself")
        }
        if blocs.contains(id, bloc) {
          throw StoreError.conflict(
            "\(try actorName(bloc)) belongs to \(try actorName(id)) already: making \(try actorName(id)) a member of it would make a circle"
          )
        }
        numbers.append(try recordMembership(bloc: bloc, member: id, event: "joined", date: since))
        if let until { try recordMembership(bloc: bloc, member: id, event: "left", date: until) }
      }
      return numbers
    }
  }

  /// One joining or leaving; the same one recorded (and not retracted) already is not recorded twice.
  @discardableResult
  private func recordMembership(bloc: Int64, member: Int64, event: String, date: AccordDate?) throws -> Int64
  {
    if let same = try connection.first(
      """
      SELECT id FROM current_membership
      WHERE bloc_id = ?1 AND member_id = ?2 AND event = ?3 AND date IS NOT DISTINCT FROM ?4
      """, [.integer(bloc), .integer(member), .text(event), .optional(date?.text)], { $0.integer(0) })
    {
      return same
    }
    return try connection.insert(
      "INSERT INTO membership (bloc_id, member_id, event, date, date_first, date_last) VALUES (?, ?, ?, ?, ?, ?)",
      [.integer(bloc), .integer(member), .text(event)] + AccordDate.optionalColumns(date))
  }

  /// `accord actor member BLOC --remove ACTOR --on DATE`: the actor leaves the bloc on that day.
  /// Returns the leaving's number.
  @discardableResult
  public func removeMember(bloc name: String, member: String, on date: AccordDate) throws -> Int64 {
    try write {
      let bloc = try resolveActor(name)
      let id = try resolveActor(member)
      let spans = try blocs().spans.filter { $0.bloc == bloc && $0.member == id }
      guard spans.contains(where: { $0.holds(on: date.first) || $0.overlaps(date) && $0.until == nil }) else {
        throw StoreError.conflict(
          "\(try actorName(id)) is not a member of \(try actorName(bloc)) on \(date); nothing to remove")
      }
      return try recordMembership(bloc: bloc, member: id, event: "left", date: date)
    }
  }

  /// The members of a bloc on `day` (directly), by name; with `allTime`, every membership ever.
  public func members(of bloc: Int64, asOf day: Day?) throws -> [Membership] {
    let name = try actorName(bloc)
    var names: [Int64: String] = [:]
    var result: [Membership] = []
    for span in try blocs().spans where span.bloc == bloc && (day.map { span.holds(on: $0) } ?? true) {
      if names[span.member] == nil { names[span.member] = try actorName(span.member) }
      result.append(
        Membership(bloc: name, member: names[span.member] ?? "", since: span.since, until: span.until))
    }
    return result.sorted {
      ($0.member, $0.since?.first ?? Day.epoch) < ($1.member, $1.since?.first ?? Day.epoch)
    }
  }

  /// The blocs an actor belongs to on `day` (directly), by name.
  public func memberships(of actor: Int64, asOf day: Day?) throws -> [Membership] {
    let name = try actorName(actor)
    var result: [Membership] = []
    for span in try blocs().spans where span.member == actor && (day.map { span.holds(on: $0) } ?? true) {
      result.append(
        Membership(bloc: try actorName(span.bloc), member: name, since: span.since, until: span.until))
    }
    return result.sorted { ($0.bloc, $0.since?.first ?? Day.epoch) < ($1.bloc, $1.since?.first ?? Day.epoch) }
  }
}

/// The actor that a filter asks about (`--party`, `--by`, `--actor`), and the blocs it acts through:
/// a fact by one of those blocs on a day the actor belonged to it is the actor's too, "via" the
/// bloc. With `--direct`, only the actor's own facts match.
public struct ActorScope: Sendable {
  /// How a fact matches: the actor's own, or through a bloc (named).
  public struct Match: Sendable, Equatable {
    public let via: String?
  }

  public let actor: Int64
  let blocs: Blocs?
  let names: [Int64: String]

  /// How the fact of `candidate`, dated `date`, is the actor's; nil when it is not.
  public func match(_ candidate: Int64, on date: AccordDate) -> Match? {
    if candidate == actor { return Match(via: nil) }
    guard let blocs, blocs.blocs(of: actor, on: date).contains(candidate) else { return nil }
    return Match(via: names[candidate] ?? String(candidate))
  }

  /// How any of `candidates` matches: directly if one is the actor, else through the first bloc.
  public func match(any candidates: [Int64], on date: AccordDate) -> Match? {
    let matches = candidates.compactMap { match($0, on: date) }
    return matches.first { $0.via == nil } ?? matches.first
  }

  /// The actor and its blocs as JSON for SQL: `[{"a": id}, {"a": bloc, "f": first day, "t": day it
  /// left}, …]`, a fact of one of them dated within its window being the actor's.
  public var windowsJSON: String {
    var items = ["{\"a\":\(actor)}"]
    for window in windows {
      var item = "{\"a\":\(window.bloc)"
      if let from = window.from { item += ",\"f\":\"\(from)\"" }
      if let to = window.to { item += ",\"t\":\"\(to)\"" }
      items.append(item + "}")
    }
    return "[" + items.joined(separator: ",") + "]"
  }

  /// The blocs the actor belonged to, directly or through other blocs, with the days between which
  /// it did: from its first day in, to the first day it was out (nil: open).
  var windows: [(bloc: Int64, from: Day?, to: Day?)] {
    guard let blocs else { return [] }
    var result: [(bloc: Int64, from: Day?, to: Day?)] = []
    func walk(_ member: Int64, from: Day?, to: Day?, depth: Int) {
      guard depth < 16 else { return }
      for span in blocs.spans where span.member == member {
        let start = [from, span.since?.first].compactMap { $0 }.max()
        let end = [to, span.until?.first].compactMap { $0 }.min()
        if let start, let end, end <= start { continue }
        result.append((span.bloc, start, end))
        walk(span.bloc, from: start, to: end, depth: depth + 1)
      }
    }
    walk(actor, from: nil, to: nil, depth: 0)
    return result
  }

}

extension AccordStore {
  /// The scope of a filter on `actor`: with `direct`, its own facts alone.
  public func actorScope(_ actor: Int64, direct: Bool = false) throws -> ActorScope {
    guard !direct else { return ActorScope(actor: actor, blocs: nil, names: [:]) }
    let blocs = try self.blocs()
    var names: [Int64: String] = [:]
    for bloc in Set(blocs.spans.map(\.bloc)) { names[bloc] = try actorName(bloc) }
    return ActorScope(actor: actor, blocs: blocs, names: names)
  }
}
