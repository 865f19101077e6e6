import AccordStore

/// A deterministic, realistic synthetic record for benchmarks and scale tests: actors with
/// aliases and affiliations, negotiations with parties and mediators, chains of proposals whose
/// steps run across the whole lifecycle, terms and conditions that change over time, quotes,
/// sources and developments spread over years with every date precision. It writes through the
/// same insert paths as the commands, in large transactions.
public struct SyntheticCorpus {
  public var negotiations: Int
  public var developments: Int
  public var seed: UInt64

  public init(negotiations: Int = 10_000, developments: Int = 1_000_000, seed: UInt64 = 1) {
    self.negotiations = negotiations
    self.developments = developments
    self.seed = seed
  }

  /// Records written, by kind.
  public struct Counts: Sendable, Equatable {
    public var actors = 0, negotiations = 0, proposals = 0, steps = 0, conditions = 0
    public var meetings = 0, quotes = 0, sources = 0, developments = 0
  }

  /// The first and last day of the synthetic record.
  static let firstDay = Day(year: 2015, month: 1, day: 1) ?? .epoch
  static let lastDay = Day(year: 2025, month: 6, day: 30) ?? .epoch

  public func generate(into store: AccordStore, progress: ((Int, Int) -> Void)? = nil) throws -> Counts {
    var random = SplitMix64(seed: seed)
    var counts = Counts()
    let batch = 20_000

    // Actors: states, organizations, companies, groups and persons who serve them.
    let stateCount = max(4, min(200, negotiations / 10 + 4))
    var states: [String] = []
    var organizations: [String] = []
    try store.bulk {
      for index in 0..<stateCount {
        let name = Self.placeName(&random, index: index)
        let id = try store.addActor(
          NewActor(name: name, kind: .state, slug: "state-\(index + 1)", aliases: ["Republic of \(name)"]))
        states.append(String(id))
      }
      for index in 0..<max(2, stateCount / 4) {
        let name = "\(Self.placeName(&random, index: index + 1000)) \(random.pick(Self.organizationKinds))"
        organizations.append(
          String(
            try store.addActor(NewActor(name: name, kind: .organization, slug: "organization-\(index + 1)"))))
      }
      for index in 0..<stateCount * 5 {
        let state = random.pick(states)
        let given = random.pick(Self.givenNames)
        let family =
          Self.placeName(&random, index: index + 5000) + random.pick(["ov", "ez", "son", "i", "enko", ""])
        try store.addActor(
          NewActor(
            name: "\(given) \(family)", kind: .person, slug: "person-\(index + 1)", aliases: [family],
            affiliation: NewAffiliation(
              organization: state, role: random.pick(Self.roles),
              since: AccordDate(day: Self.day(&random)))))
      }
      counts.actors = states.count + organizations.count + stateCount * 5
    }

    // Negotiations with their proposals, conditions, meetings and quotes.
    var negotiationIDs: [Int64] = []
    negotiationIDs.reserveCapacity(negotiations)
    var start = 0
    while start < negotiations {
      let end = min(negotiations, start + batch / 10)
      try store.bulk {
        for index in start..<end {
          try addNegotiation(
            index, store: store, states: states, organizations: organizations, random: &random,
            counts: &counts, ids: &negotiationIDs)
        }
      }
      progress?(end, negotiations)
      start = end
    }

    // Developments, spread over the negotiations and the years.
    var written = 0
    while written < developments, !negotiationIDs.isEmpty {
      let end = min(developments, written + batch)
      try store.bulk {
        for _ in written..<end {
          let negotiation = random.pick(negotiationIDs)
          try store.insertDevelopment(
            negotiation: negotiation, text: Self.sentence(&random), date: Self.date(&random), actors: [])
        }
      }
      written = end
      counts.developments = written
    }
    return counts
  }

  private func addNegotiation(
    _ index: Int, store: AccordStore, states: [String], organizations: [String], random: inout SplitMix64,
    counts: inout Counts, ids: inout [Int64]
  ) throws {
    let parties = random.sample(states, count: random.next(in: 2...3))
    var participants = parties.map { ($0, ParticipantRole.party) }
    if random.chance(0.4) { participants.append((random.pick(organizations), .mediator)) }
    let topic = random.pick(Self.topics)
    let id = try store.addNegotiation(
      NewNegotiation(
        title: "\(topic) talks \(index + 1)", slug: "negotiation-\(index + 1)",
        summary: "Talks on \(topic.lowercased()) between the parties.", tags: [topic.lowercased()],
        participants: participants))
    ids.append(id)
    counts.negotiations += 1
    let negotiation = String(id)

    // A chain of drafts: each counters or supersedes the one before. `clock` is the day the story
    // has reached: every fact of the chain is dated on or after it (whatever its precision, its
    // last day is), so that no step comes before the proposal it concerns, no counter before what
    // it counters: the rules the store enforces, which a corpus must keep at every size and seed.
    var clock = Self.day(&random, latest: Self.lastStart)
    var previous: String?
    for draft in 0..<random.next(in: 1...3) {
      let slug = "n\(index + 1)-draft-\(draft + 1)"
      let by = random.pick(parties)
      let revises = random.chance(0.5)
      // The first draft may be dated by its month or year alone; the story goes on from its first day.
      let date = Self.date(&random, onOrAfter: draft == 0 ? nil : clock, near: clock)
      try store.addProposal(
        NewProposal(
          negotiation: negotiation, title: "\(topic) draft \(draft + 1) of talks \(index + 1)", by: by,
          date: date, slug: slug, terms: Self.sentence(&random),
          value: random.chance(0.2) ? "\(random.next(in: 1...900)) million USD" : nil,
          counters: revises ? nil : previous, supersedes: revises ? previous : nil))
      counts.proposals += 1
      counts.steps += 1 + (previous == nil ? 0 : 1)
      clock = Self.later(draft == 0 ? date.first : max(clock, date.first), by: random.next(in: 10...200))
      previous = slug
    }
    // The last draft's fate.
    if let last = previous {
      let fate = random.next(in: 0..<10)
      let path: [ProposalStep.Kind] =
        switch fate {
        case 0...2: [.agreedInPrinciple, .signed, .inForce]
        case 3: [.signed]
        case 4: [.rejected]
        case 5: [.withdrawn]
        case 6: [.agreedInPrinciple, .lapsed]
        case 7: [.initialled]
        default: []
        }
      for step in path {
        clock = Self.later(clock, by: random.next(in: 5...120))
        let date = Self.date(&random, onOrAfter: clock)
        try store.addStep(proposal: last, step, date: date)
        clock = max(clock, date.first)
        counts.steps += 1
      }
      if path.contains(.signed), random.chance(0.5) {
        clock = Self.later(clock, by: 30)
        try store.addStep(proposal: last, .ratified, date: AccordDate(day: clock), party: parties[0])
        counts.steps += 1
      }
    }

    // Conditions, some answered later (an answer never before what it answers).
    for _ in 0..<random.next(in: 1...3) {
      let by = random.pick(parties)
      let stated = Self.date(&random, onOrAfter: clock)
      let condition = try store.addCondition(
        NewCondition(
          negotiation: negotiation, by: by, stance: random.pick(Stance.opening),
          term: random.pick(Self.terms),
          inExchangeFor: random.chance(0.5) ? [random.pick(Self.terms) + " (return)"] : [],
          date: stated))
      counts.conditions += 1
      if random.chance(0.4) {
        // A counterpart accepts or rejects it, its holder drops it, or it is met.
        let outcome = random.pick([ConditionOutcome.accepted, .rejected, .dropped, .met])
        let answerer: String? =
          switch outcome {
          case .dropped: by
          case .met: nil
          default: parties.first { $0 != by } ?? by
          }
        try store.updateCondition(
          String(condition), outcome, date: AccordDate(day: Self.later(stated.last, by: 60)), by: answerer)
      }
    }
    for _ in 0..<random.next(in: 0...2) {
      try store.addMeeting(
        negotiation: negotiation, date: Self.date(&random, onOrAfter: clock), place: random.pick(Self.places),
        with: parties)
      counts.meetings += 1
    }
    if random.chance(0.6) {
      let source = try store.addSource(
        url: "https://news.example/\(index + 1)", outlet: random.pick(Self.outlets),
        published: AccordDate(day: clock))
      counts.sources += 1
      try store.addQuote(
        by: random.pick(parties), date: AccordDate(day: clock), text: Self.sentence(&random),
        negotiation: negotiation, context: "press conference", language: "en", sources: [String(source)])
      counts.quotes += 1
    }
  }

  // MARK: Vocabulary

  static let topics = [
    "Ceasefire", "Border", "Trade", "Minerals", "Security guarantees", "Prisoner exchange", "Grain corridor",
    "Energy transit", "Water sharing", "Fisheries", "Nuclear", "Debt relief",
  ]
  static let organizationKinds = ["Union", "Council", "Organization", "Commission", "Forum"]
  static let roles = ["President", "Foreign Minister", "Prime Minister", "Envoy", "Defence Minister"]
  static let givenNames = ["Anna", "Ivan", "Maria", "Omar", "Li", "Sofia", "Jon", "Amara", "Pedro", "Yuki"]
  static let places = ["Geneva", "Istanbul", "Doha", "Vienna", "Riyadh", "Oslo", "Nairobi", "Helsinki"]
  static let outlets = ["Reuters", "AP", "AFP", "BBC", "Al Jazeera", "Kyiv Independent", "Le Monde"]
  static let terms = [
    "withdrawal of forces", "sanctions relief", "security guarantees", "access to mineral resources",
    "prisoner exchange", "ceasefire monitoring", "reconstruction funds", "elections", "border demarcation",
    "amnesty", "transit fees", "port access",
  ]
  static let verbs = ["met", "proposed", "rejected", "welcomed", "criticised", "discussed", "postponed"]
  static let objects = [
    "the draft text", "a new round of talks", "the ceasefire terms", "sanctions relief",
    "a prisoner exchange",
    "the monitoring mission", "the reconstruction fund", "the transit agreement",
  ]
  static let syllables = [
    "ka", "ro", "vi", "ta", "mon", "sel", "dra", "nu", "bel", "or", "is", "lan", "gor", "ve",
  ]

  static func placeName(_ random: inout SplitMix64, index: Int) -> String {
    var name = ""
    for _ in 0..<random.next(in: 2...3) { name += random.pick(syllables) }
    return name.prefix(1).uppercased() + name.dropFirst()
  }

  static func sentence(_ random: inout SplitMix64) -> String {
    "Delegates \(random.pick(verbs)) \(random.pick(objects)) in \(random.pick(places))."
  }

  /// The last day on which a negotiation's story may start: early enough that its chain of drafts,
  /// steps and answers (up to about three years) ends within the record's span.
  static let lastStart = Day(year: 2022, month: 6, day: 30) ?? .epoch

  /// A day between the record's first day and `latest` (default: its last day).
  static func day(_ random: inout SplitMix64, latest: Day = lastDay) -> Day {
    Day(ordinal: random.next(in: firstDay.ordinal...latest.ordinal)) ?? firstDay
  }

  /// `days` after `day`.
  static func later(_ day: Day, by days: Int) -> Day { day.adding(days: days) ?? day }

  /// A date with a realistic mix of precisions and qualifiers, on a day up to 20 days after `floor`
  /// (or `near`, or anywhere in the record's span without either). Its first day is never before
  /// `floor`.
  static func date(_ random: inout SplitMix64, onOrAfter floor: Day? = nil, near: Day? = nil) -> AccordDate {
    let day = (floor ?? near).map { later($0, by: random.next(in: 0...20)) } ?? Self.day(&random)
    let roll = random.next(in: 0..<100)
    let qualifier: AccordDate.Qualifier? = roll < 4 ? .approximate : (roll < 6 ? .uncertain : nil)
    // An imprecise date covers a whole month or year: where that would start before the floor,
    // the next month or year is taken, so that the date still sorts after what came before.
    switch random.next(in: 0..<100) {
    case 0..<3:
      var year = day.year
      if let floor, floor > Day(year: year, month: 1, day: 1) ?? floor { year += 1 }
      return AccordDate.year(year, qualifier: qualifier) ?? AccordDate(day: day, qualifier: qualifier)
    case 3..<15:
      var (year, month) = (day.year, day.month)
      if let floor, floor > Day(year: year, month: month, day: 1) ?? floor {
        (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
      }
      return AccordDate.month(year, month, qualifier: qualifier) ?? AccordDate(day: day, qualifier: qualifier)
    default:
      return AccordDate(day: day, qualifier: qualifier)
    }
  }
}

/// A small, fast, deterministic random number generator (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func next(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
  mutating func next(in range: Range<Int>) -> Int { Int.random(in: range, using: &self) }
  mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
  mutating func pick<T>(_ items: [T]) -> T { items[next(in: 0..<items.count)] }
  mutating func sample<T>(_ items: [T], count: Int) -> [T] {
    var pool = items
    var result: [T] = []
    for _ in 0..<min(count, pool.count) { result.append(pool.remove(at: next(in: 0..<pool.count))) }
    return result
  }
}
