import Foundation
import Testing

@testable import AccordSQLite
@testable import AccordStore

/// Opening a database: when another process keeps the file busy, and when a file may only be read.
@Suite struct OpeningTests {
  /// Switching to WAL needs the file alone for a moment. When another connection holds it past
  /// the busy timeout, opening still succeeds, in the rollback journal, and a later opening
  /// switches.
  @Test func aBusyFileIsOpenedWithoutWAL() throws {
    try withTemporaryFolder { folder in
      let path = folder.appending(path: "accord.sqlite").path
      _ = try AccordStore(connection: Connection(path: path), today: fixedToday, wal: false)
      let reader = try Connection(path: path)
      try reader.execute("BEGIN")
      #expect(try reader.integer("SELECT count(*) FROM actor") == 0)  // holds a shared lock

      let busy = try Connection(path: path)
      try busy.execute("PRAGMA busy_timeout = 100")
      let store = try AccordStore(connection: busy, today: fixedToday, wal: true)
      #expect(try store.connection.first("PRAGMA journal_mode") { $0.text(0) } == "delete")
      #expect(try store.actors().isEmpty)

      try reader.execute("COMMIT")
      let later = try AccordStore(path: path, today: fixedToday)
      #expect(try later.connection.first("PRAGMA journal_mode") { $0.text(0) } == "wal")
    }
  }

  /// A file opened immutable (one this process may not write) is found by its path, whatever
  /// characters the path holds.
  @Test func immutableOpeningTakesAnyPath() throws {
    #expect(
      DatabaseAccess.immutableURI("/data/a?b#c%d.sqlite") == "file:///data/a%3Fb%23c%25d.sqlite?immutable=1")
    #expect(DatabaseAccess.immutableURI("records/accord.sqlite") == "file:records/accord.sqlite?immutable=1")
    try withTemporaryFolder { folder in
      let path = folder.appending(path: "talks ?#% 2025 — Київ.sqlite").path
      do {
        let store = try AccordStore(path: path, today: fixedToday)
        try store.addActor(NewActor(name: "Україна", kind: .state))
      }
      let connection = try Connection(path: path, create: false, immutable: true)
      #expect(try connection.integer("SELECT count(*) FROM actor") == 1)
      #expect(throws: DatabaseError.self) { try connection.execute("DELETE FROM actor") }
      #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
      #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
    }
  }

  /// A database that is behind this Accord's schema cannot be brought up to date when it may
  /// only be read: refused, in words that say what to do.
  @Test func aReadOnlyDatabaseBehindTheSchemaIsRefused() throws {
    try withTemporaryFolder { folder in
      let path = folder.appending(path: "accord.sqlite").path
      do {
        let store = try AccordStore(path: path, today: fixedToday)
        try store.connection.execute("PRAGMA user_version = 1")
      }
      let connection = try Connection(path: path, create: false, immutable: true)
      let latest = Migrator().latestVersion
      if latest > 1 {
        let error = #expect(throws: StoreError.self) {
          try AccordStore(connection: connection, today: fixedToday, wal: false, readOnly: true)
        }
        #expect(
          error?.description
            == "cannot open database \(path): it is read-only, and its schema (version 1) must be brought up to version \(latest) by writing to it; make it writable and run 'accord init'"
        )
      } else {
        _ = try AccordStore(connection: connection, today: fixedToday, wal: false, readOnly: true)
      }
    }
  }
}
