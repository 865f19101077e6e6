import AccordPostgres
import AccordSQLite
import AccordStore
import AccordTestEngine
import Foundation
import Testing

/// One bad command line and what Accord must answer: the exit status, and words that the one
/// line on stderr must contain.
struct BadInput: Sendable, CustomTestStringConvertible {
  /// What the database holds before the command.
  enum Setup: Sendable {
    /// The small record of ``BadInputFixture``.
    case seeded
    /// A database whose schema version is newer than this Accord's.
    case newerSchema
    /// A text file where the database should be.
    case notADatabase
    /// An SQLite database of another program.
    case otherProgram
  }

  let name: String
  let arguments: [String]
  let status: Int32
  let mentions: [String]
  var setup: Setup = .seeded

  init(
    _ name: String, _ arguments: [String], exit status: Int32, mentions: [String],
    setup: Setup = .seeded
  ) {
    self.name = name
    self.arguments = arguments
    self.status = status
    self.mentions = mentions
    self.setup = setup
  }

  var testDescription: String { name }

  /// Whether the test engine can set this case up: a team's server has no file to be a text file
  /// or another program's database (TeamCommandTests has a server's foreign database).
  var runsOnThisEngine: Bool {
    switch setup {
    case .seeded, .newerSchema: true
    case .notADatabase, .otherProgram: !TestEngine.isPostgres
    }
  }
}

/// The record that bad commands run against: a few actors, a negotiation with a proposal and a
/// condition, and a source. Entered through the store, which is quicker than many processes.
enum BadInputFixture {
  static let negotiation = "minerals-deal"
  static let proposal = "us-proposal"

  static func prepare(_ setup: BadInput.Setup, at path: String) throws {
    switch setup {
    case .seeded: try seed(path)
    case .newerSchema:
      try seed(path)
      if ServerDatabases.name(in: path) != nil {
        try PostgresConnection(url: path).execute("UPDATE accord_schema SET version = 999")
      } else {
        try Connection(path: path, create: false).execute("PRAGMA user_version = 999")
      }
    case .notADatabase:
      try Data("negotiation notes: Ukraine, United States\n".utf8).write(
        to: URL(fileURLWithPath: path))
    case .otherProgram:
      let connection = try Connection(path: path)
      try connection.execute(
        "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO note (text) VALUES ('x')"
      )
    }
  }

  static func seed(_ path: String) throws {
    // Made once for all the cases (a migration and a seeding cost as much as a case), then copied.
    if let name = ServerDatabases.name(in: path) {
      ServerDatabases.drop(name)
      try ServerDatabases.create(name, template: try seededOnTheServer.get())
      return
    }
    let template = try seeded.get()
    try FileManager.default.copyItem(atPath: template, toPath: path)
  }

  /// The seeded record in a database of its own on the test server (its connection closed, so
  /// that it can be copied).
  static let seededOnTheServer: Result<String, any Error> = Result {
    let name = TestEngine.uniqueName("accord_cli_seeded")
    try ServerDatabases.create(name, template: try TestEngine.initialized.get())
    ServerDatabases.keepUntilExit(name)
    try make(
      AccordStore(
        database: PostgresDatabase(try PostgresConnection(url: TeamServer.url(database: name))),
        configuration: StoreConfiguration(today: Day(year: 2025, month: 3, day: 1)!)))
    return name
  }

  /// The seeded record in a file of its own (closed, so its log is checkpointed into it: one file
  /// to copy, in WAL mode as Accord leaves it).
  static let seeded: Result<String, any Error> = Result {
    let folder = FileManager.default.temporaryDirectory.path + "/accord-bad-input-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/seeded.sqlite"
    try make(path)
    return path
  }

  private static func make(_ path: String) throws {
    try make(try AccordStore(path: path, today: Day(year: 2025, month: 3, day: 1)!))
  }

  private static func make(_ store: AccordStore) throws {
    try store.addActor(NewActor(name: "Ukraine", kind: .state, code: "UKR", aliases: ["Україна"]))
    try store.addActor(NewActor(name: "United States", kind: .state, code: "USA", aliases: ["US"]))
    try store.addActor(
      NewActor(name: "Republic of Georgia", kind: .state, code: "GEO", aliases: ["Georgia"]))
    try store.addActor(
      NewActor(name: "State of Georgia", kind: .group, slug: "georgia-us", aliases: ["Georgia"]))
    try store.addSource(
      url: nil, outlet: "The Epoch Times", title: "Minerals deal", slug: "epoch-times")
    try store.addNegotiation(
      NewNegotiation(
        title: "US–Ukraine minerals deal", slug: negotiation,
        participants: [("Ukraine", .party), ("United States", .party)]))
    try store.addProposal(
      NewProposal(
        negotiation: negotiation, title: "US proposal", by: "US",
        date: try AccordDate.parse("2025-02-14"),
        slug: proposal, value: "500 billion USD"))
    try store.addCondition(
      NewCondition(
        negotiation: negotiation, by: "Ukraine", stance: .precondition, term: "security guarantees",
        inExchangeFor: ["mineral access"], date: try AccordDate.parse("2025-02-15")))
  }
}

extension BadInput {
  static let n = BadInputFixture.negotiation
  static let p = BadInputFixture.proposal

  /// Usage errors: exit 64.
  static let usage: [BadInput] = [
    BadInput(
      "unknown flag", ["actor", "list", "--colour", "red"], exit: 64, mentions: ["--colour"]),
    BadInput("unknown subcommand", ["frobnicate"], exit: 64, mentions: ["frobnicate"]),
    BadInput(
      "missing argument", ["actor", "add", "--kind", "state"], exit: 64, mentions: ["<name>"]),
    BadInput("missing option", ["actor", "add", "Moldova"], exit: 64, mentions: ["--kind"]),
    BadInput(
      "missing option value", ["actor", "add", "Moldova", "--kind"], exit: 64, mentions: ["--kind"]),
    BadInput(
      "invalid kind", ["actor", "add", "Mars", "--kind", "planet"], exit: 64,
      mentions: ["planet", "person"]),
    BadInput(
      "invalid step", ["proposal", "step", p, "approved", "--on", "2025-02-16"], exit: 64,
      mentions: ["approved"]),
    BadInput("invalid format", ["actor", "list", "--format", "xml"], exit: 64, mentions: ["xml"]),
    BadInput(
      "impossible date", ["proposal", "step", p, "rejected", "--on", "2025-02-30"], exit: 64,
      mentions: ["2025-02-30", "28 days"]),
    BadInput(
      "malformed date", ["deals", "--as-of", "14/02/2025"], exit: 64, mentions: ["14/02/2025"]),
    BadInput(
      "month 13", ["condition", "list", "--as-of", "2025-13"], exit: 64, mentions: ["2025-13"]),
    BadInput(
      "both --unsigned and --signed", ["negotiation", "list", "--unsigned", "--signed"], exit: 64,
      mentions: ["--signed"]),
    BadInput(
      "condition with two stances",
      ["condition", "add", n, "--by", "Ukraine", "--demands", "a", "--offers", "b"],
      exit: 64, mentions: ["exactly one"]),
    BadInput(
      "condition with no stance", ["condition", "add", n, "--by", "Ukraine"], exit: 64,
      mentions: ["exactly one"]),
    BadInput(
      "bad money value",
      ["proposal", "add", n, "Counter-offer", "--by", "Ukraine", "--value", "lots of money"],
      exit: 64, mentions: ["lots of money"]),
    BadInput(
      "misspelt scale",
      ["proposal", "add", n, "Counter-offer", "--by", "Ukraine", "--value", "500 bilion USD"],
      exit: 64, mentions: ["500 bilion USD"]),
    BadInput(
      "two-letter ISO code", ["actor", "add", "Britain", "--kind", "state", "--code", "UK"],
      exit: 64, mentions: ["'UK'"]),
    BadInput(
      "ISO code with a digit", ["actor", "add", "Britain", "--kind", "state", "--code", "G8R"],
      exit: 64, mentions: ["G8R"]),
    BadInput(
      "bad Wikidata id", ["actor", "add", "Moldova", "--kind", "state", "--wikidata", "217"],
      exit: 64, mentions: ["217"]),
    BadInput(
      "bad short id", ["actor", "add", "Moldova", "--kind", "state", "--id", "Mol dova!"], exit: 64,
      mentions: ["Mol dova!"]),
    BadInput(
      "role without --of",
      ["actor", "add", "Maia Sandu", "--kind", "person", "--role", "President"], exit: 64,
      mentions: ["--of"]),
    BadInput(
      "meeting without participants", ["meeting", "add", n, "--on", "2025-02-14"], exit: 64,
      mentions: ["--with"]),
    BadInput(
      "negotiation without a party", ["negotiation", "add", "Lonely talks"], exit: 64,
      mentions: ["--party"]),
    BadInput(
      "source without URL or title", ["source", "add", "--outlet", "Reuters"], exit: 64,
      mentions: ["--title"]),
    BadInput(
      "source with a bad URL", ["source", "add", "reuters dot com"], exit: 64,
      mentions: ["reuters dot com"]),
    BadInput(
      "quote in no language",
      ["quote", "add", "--by", "Ukraine", "--on", "2025-02-15", "No.", "--language", "ukrainian"],
      exit: 64, mentions: ["ukrainian"]),
    BadInput(
      "answer before the condition",
      ["condition", "update", "1", "accepted", "--on", "2025-02-01"], exit: 64,
      mentions: ["2025-02-15"]),
    BadInput(
      "condition that is not a number",
      ["condition", "update", "first", "met", "--on", "2025-02-16"], exit: 64, mentions: ["first"]),
  ]

  /// Other errors: exit 1.
  static let other: [BadInput] = [
    BadInput(
      "unknown actor", ["actor", "show", "Ukrane"], exit: 1,
      mentions: ["Ukrane", "did you mean", "Ukraine"]),
    BadInput(
      "unknown actor without a close name", ["actor", "show", "Atlantis"], exit: 1,
      mentions: ["Atlantis"]),
    BadInput(
      "unknown negotiation", ["negotiation", "show", "minerals-dael"], exit: 1,
      mentions: ["minerals-dael", "did you mean", n]),
    BadInput(
      "unknown proposal", ["proposal", "step", "us-propsal", "rejected", "--on", "2025-02-16"],
      exit: 1,
      mentions: ["us-propsal", "did you mean", p]),
    BadInput(
      "unknown party of a step",
      ["proposal", "step", p, "rejected", "--on", "2025-02-16", "--party", "Ukriane"],
      exit: 1, mentions: ["Ukriane", "Ukraine"]),
    BadInput(
      "unknown source",
      ["log", n, "Talks resumed", "--on", "2025-02-16", "--source", "epoch-tims"], exit: 1,
      mentions: ["epoch-tims", "epoch-times"]),
    BadInput(
      "unknown condition", ["condition", "update", "99", "met", "--on", "2025-02-16"], exit: 1,
      mentions: ["99"]),
    BadInput(
      "ambiguous alias", ["actor", "show", "georgia"], exit: 1,
      mentions: ["georgia", "more than one", "georgia-us"]),
    BadInput(
      "ambiguous alias as a participant",
      ["meeting", "add", n, "--on", "2025-02-16", "--with", "US", "--with", "Georgia"],
      exit: 1, mentions: ["Georgia", "more than one"]),
    BadInput(
      "duplicate short id", ["actor", "add", "Ukraine SSR", "--kind", "state", "--id", "ukraine"],
      exit: 1, mentions: ["'ukraine'"]),
    BadInput(
      "duplicate ISO code", ["actor", "add", "Ukrainian SSR", "--kind", "state", "--code", "ukr"],
      exit: 1, mentions: ["UKR", "Ukraine"]),
    BadInput(
      "second party unknown",
      ["negotiation", "add", "Half-made talks", "--party", "Ukraine", "--party", "Atlantis"],
      exit: 1, mentions: ["Atlantis"]),
    BadInput(
      "database of a newer Accord", ["actor", "add", "Moldova", "--kind", "state"], exit: 1,
      mentions: ["newer Accord"],
      setup: .newerSchema),
    BadInput(
      "file that is not a database", ["actor", "list"], exit: 1,
      mentions: ["not an SQLite database"], setup: .notADatabase),
    BadInput(
      "file that is not a database, on writing", ["actor", "add", "Moldova", "--kind", "state"],
      exit: 1,
      mentions: ["not an SQLite database"], setup: .notADatabase),
    BadInput(
      "database of another program", ["actor", "add", "Moldova", "--kind", "state"], exit: 1,
      mentions: ["another program"],
      setup: .otherProgram),
  ]
}
