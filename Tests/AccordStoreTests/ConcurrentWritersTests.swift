import Foundation
import Testing

@testable import AccordStore

/// Threads of one process, each with its own connection to one database file, writing at once:
/// every write succeeds (the busy timeout and `BEGIN IMMEDIATE` serialize them) and none is lost.
/// Bounded work, no deadline; the binary's side is ManyWritersTests.
@Suite struct ConcurrentWritersTests {
  final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [Int64] = []
    private var errors: [String] = []

    func add(_ id: Int64) { lock.withLock { ids.append(id) } }
    func fail(_ error: any Error) { lock.withLock { errors.append("\(error)") } }
    var all: (ids: [Int64], errors: [String]) { lock.withLock { (ids, errors) } }
  }

  @Test func fourThreadsLoseNothing() throws {
    let folder = FileManager.default.temporaryDirectory.path + "/accord-threads-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/accord.sqlite"
    do {
      let store = try AccordStore(path: path, today: fixedToday)
      try store.addActor(NewActor(name: "Ukraine", kind: .state, code: "UKR"))
      try store.addActor(NewActor(name: "United States", kind: .state, code: "USA", aliases: ["US"]))
      try store.addNegotiation(
        NewNegotiation(
          title: "Minerals deal", slug: "minerals", participants: [("Ukraine", .party), ("US", .party)]))
    }
    let threads = 4
    let each = 100
    let collected = Collected()
    DispatchQueue.concurrentPerform(iterations: threads) { thread in
      do {
        let store = try AccordStore(path: path, today: fixedToday)
        for entry in 0..<each {
          collected.add(
            try store.log(
              negotiation: "minerals", text: "thread \(thread) entry \(entry)",
              date: AccordDate(day: fixedToday),
              actors: ["US"]))
        }
      } catch {
        collected.fail(error)
      }
    }
    let (ids, errors) = collected.all
    #expect(errors.isEmpty, "\(errors)")
    #expect(ids.count == threads * each)
    #expect(Set(ids).count == ids.count, "an id was given twice")
    let store = try AccordStore(path: path, today: fixedToday)
    #expect(try count("development", in: store) == Int64(threads * each))
    #expect(try count("development_actor", in: store) == Int64(threads * each))
    #expect(
      try store.connection.integer("SELECT count(DISTINCT text) FROM development") == Int64(threads * each))
    // Every write is on the change log, under a command of its own.
    #expect(
      try store.connection.integer("SELECT count(*) FROM change_log WHERE table_name = 'development'")
        == Int64(threads * each))
  }
}
