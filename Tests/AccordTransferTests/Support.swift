import AccordStore
import AccordTestEngine
import AccordTransfer
import Foundation
import Testing

/// A fixed day for stores under test.
let testToday = Day(year: 2025, month: 3, day: 1)!

/// A folder of its own, removed when the value goes away.
final class TemporaryFolder {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory.path + "/accord-import-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// A new database file in the folder: a copy of one migrated once for all the tests, so that
  /// each does not pay for the migrations.
  func store(_ name: String = "accord.sqlite") throws -> AccordStore {
    // On a team's server (ACCORD_TEST_ENGINE=postgresql), a database of its own there.
    if TestEngine.isPostgres { return try TestEngine.store(today: testToday) }
    let file = path + "/" + name
    if !FileManager.default.fileExists(atPath: file), let template = try Self.template.get() {
      try FileManager.default.copyItem(atPath: template, toPath: file)
    }
    return try AccordStore(path: file, today: testToday)
  }

  /// A migrated, empty database file (in rollback-journal mode, one file), made on first use.
  static let template: Result<String?, any Error> = Result {
    let folder = FileManager.default.temporaryDirectory.path + "/accord-import-template-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let file = folder + "/template.sqlite"
    let store = try AccordStore(path: file, today: testToday)
    try store.connection.execute("PRAGMA journal_mode = DELETE")
    return file
  }

  func file(_ name: String, _ text: String) throws -> String {
    let file = path + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    return file
  }
}

/// The export of `store` as text.
func exported(_ store: AccordStore, _ layout: ExportLayout = .json, types: Set<String>? = nil) throws
  -> String
{
  let folder = try TemporaryFolder()
  let path = folder.path + "/export"
  try AccordFile.export(store, layout: layout, types: types, to: path)
  return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
}

/// Imports `text` (an Accord export) into `store`.
@discardableResult
func importText(_ text: String, into store: AccordStore) throws -> ImportSummary {
  try AccordFile.importRecords(from: ByteSource(bytes: Array(text.utf8)), into: store)
}

@discardableResult
func importBytes(_ bytes: [UInt8], into store: AccordStore) throws -> ImportSummary {
  try AccordFile.importRecords(from: ByteSource(bytes: bytes), into: store)
}

/// Every row of every table, as text: a failed import must leave this exactly as it was. Without
/// `index`, the full-text index's own tables are left out (an undo gives the same answers from an
/// index laid out differently).
func dump(_ store: AccordStore, index: Bool = true) throws -> [String] {
  let connection = store.connection
  if connection.engine == .postgresql {
    // A team's server: every row as PostgreSQL writes a row as text.
    let tables = try connection.all(
      """
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        AND table_name NOT IN ('schema_migration', 'command', 'change_log', 'bulk_write')
        AND (?1 OR table_name NOT LIKE 'search%') ORDER BY table_name
      """, [.integer(index ? 1 : 0)]
    ) { $0.text(0) }
    var lines: [String] = []
    for table in tables {
      lines += try connection.all("SELECT t::text FROM \"\(table)\" AS t ORDER BY 1", []) {
        "\(table): " + $0.text(0)
      }
    }
    return lines
  }
  let tables = try connection.all(
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT IN ('schema_migration', 'command', 'change_log') AND (?1 OR name NOT LIKE 'search%') ORDER BY name",
    [.integer(index ? 1 : 0)]
  ) { $0.text(0) }
  var lines: [String] = []
  for table in tables {
    let columns = try connection.all("SELECT name FROM pragma_table_info(?)", [.text(table)]) { $0.text(0) }
    guard !columns.isEmpty else { continue }
    let row = columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
    lines += try connection.all("SELECT \(row) FROM \"\(table)\" ORDER BY 1") { "\(table): " + $0.text(0) }
  }
  return lines
}

/// The folder of the dataset fixtures (copies of the PA-X and UCDP excerpts, see Fixtures/README.md).
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Fixtures"

/// The text of the StoreError that `body` throws, or nil.
func errorText(_ body: () throws -> Void) -> String? {
  do {
    try body()
    return nil
  } catch let error as StoreError {
    return error.description
  } catch {
    return "\(error)"
  }
}
