import AccordPostgres
import Testing

/// libpq is loaded on the first connection, not linked: a missing library is one clear error.
@Suite struct LibraryTests {
  @Test func aMissingLibraryIsOneClearError() {
    guard case .failure(let error) = LibPQ.load("libpq.so.999") else {
      Issue.record("loaded a libpq that is not there")
      return
    }
    #expect(error == .libraryMissing)
    #expect(
      error.description
        == "PostgreSQL's client library (libpq.so.5) is not installed: on Debian, apt-get install libpq5")
  }

  @Test func theInstalledLibraryLoads() throws {
    guard case .success = LibPQ.load(LibPQ.fileName) else {
      Issue.record("libpq.so.5 did not load")
      return
    }
  }
}
