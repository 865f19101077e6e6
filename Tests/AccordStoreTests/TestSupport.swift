import AccordSQLite
import AccordTestEngine
import Foundation
import Testing

@testable import AccordStore

/// A fixed day for stores under test, so that `today`, `yesterday` and default as-of answers never
/// depend on the machine's clock.
let fixedToday = Day(year: 2025, month: 6, day: 1)!

/// A day from `YYYY-MM-DD`, failing the test when the text is not one.
func day(_ text: String) throws -> Day {
  try #require(Day(iso: text), "not a day: \(text)")
}

/// A date as an analyst types it, relative to `fixedToday`.
func date(_ text: String) throws -> AccordDate {
  try AccordDate.parse(text, today: fixedToday)
}

/// A fresh store whose today is `fixedToday`: in memory, or on the test server's PostgreSQL
/// (``TestEngine``).
func makeStore(today: Day = fixedToday) throws -> AccordStore {
  try TestEngine.store(today: today)
}

/// Runs `body` in a write of `store` that is then rolled back: what it wrote is gone after.
func takenBack(_ store: AccordStore, _ body: () throws -> Void) throws {
  struct TakenBack: Error {}
  do {
    try store.write {
      try body()
      throw TakenBack()
    }
  } catch is TakenBack {}
}

/// The number of rows of `table`.
func count(_ table: String, in connection: any Database) throws -> Int64 {
  try #require(try connection.integer("SELECT count(*) FROM \(table)"))
}

func count(_ table: String, in store: AccordStore) throws -> Int64 {
  try count(table, in: store.connection)
}

/// Row counts of every table of Accord's schema, to show that a failed command wrote nothing.
func rowCounts(_ store: AccordStore) throws -> [String: Int64] {
  let tables = try store.connection.all(
    store.words.engine == .sqlite
      ? "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"
      : """
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1
      """
  ) { $0.text(0) }
  var counts: [String: Int64] = [:]
  for table in tables { counts[table] = try count(table, in: store) }
  return counts
}

/// A store holding one negotiation between Ukraine and the United States, with a few people.
///
/// Actors: Ukraine (UKR), United States (USA), Volodymyr Zelenskyy (with Latin and Cyrillic
/// aliases), Marco Rubio. Negotiation: `minerals`, "US–Ukraine minerals deal", the two states as
/// parties.
func makeMineralsStore(today: Day = fixedToday) throws -> AccordStore {
  let store = try makeStore(today: today)
  try store.addActor(NewActor(name: "Ukraine", kind: .state, code: "UKR", aliases: ["Україна"]))
  try store.addActor(
    NewActor(
      name: "United States", kind: .state, code: "USA", aliases: ["US", "United States of America"])
  )
  try store.addActor(
    NewActor(
      name: "Volodymyr Zelenskyy", kind: .person, slug: "zelenskyy",
      aliases: ["Zelenskyy", "Zelensky", "Зеленський"]))
  try store.addActor(NewActor(name: "Marco Rubio", kind: .person, aliases: ["Rubio"]))
  try store.addNegotiation(
    NewNegotiation(
      title: "US–Ukraine minerals deal", slug: "minerals",
      participants: [("Ukraine", .party), ("United States", .party)]))
  return store
}

/// Tables a proposal of the `minerals` negotiation, by the United States unless told.
@discardableResult
func propose(
  _ store: AccordStore, _ slug: String, on day: String, by actor: String = "United States",
  counters: String? = nil, supersedes: String? = nil
) throws -> Int64 {
  try store.addProposal(
    NewProposal(
      negotiation: "minerals", title: "Proposal \(slug)", by: actor, date: try date(day),
      slug: slug, counters: counters, supersedes: supersedes))
}

/// Records a step of proposal `slug`, for the whole proposal or for one party.
func step(
  _ store: AccordStore, _ slug: String, _ kind: ProposalStep.Kind, on day: String,
  party: String? = nil
) throws {
  try store.addStep(proposal: slug, kind, date: try date(day), party: party)
}

/// A folder of its own under the system's temporary folder, removed by `body`'s end.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
  let folder = FileManager.default.temporaryDirectory
    .appending(path: "accord-store-tests-\(UUID().uuidString)", directoryHint: .isDirectory)
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  return try body(folder)
}
