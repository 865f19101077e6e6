import AccordSQLite
import AccordTestEngine
import Testing

@testable import AccordPresentation
@testable import AccordStore

/// The descriptions `accord datasette-metadata` prints are of the schema as it is: every table and
/// view has one, and every column they name exists.
@Suite(.fileOnly) struct SchemaGuideTests {
  static func columns(of table: String, in connection: any Database) throws -> [String] {
    try connection.all("SELECT name FROM pragma_table_info(?)", [.text(table)]) { $0.text(0) }
  }

  @Test func everyTableAndViewIsDescribedOnce() throws {
    let store = try makeStore()
    let all = try store.connection.all(
      "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    ) { $0.text(0) }
    // The full-text index's own tables are there, and need no description.
    #expect(SchemaGuide.internalTables.isSubset(of: all))
    let names = all.filter { !SchemaGuide.internalTables.contains($0) }
    let described = SchemaGuide.entries.map(\.name)
    #expect(Set(described).count == described.count, "a table is described twice")
    #expect(Set(names) == Set(described))
    #expect(SchemaGuide.entries.allSatisfy { !$0.description.isEmpty })
  }

  @Test func everyColumnNamedExists() throws {
    let store = try makeStore()
    for entry in SchemaGuide.entries {
      let columns = try Self.columns(of: entry.name, in: store.connection)
      #expect(!columns.isEmpty, "\(entry.name) has no columns")
      let named =
        entry.columns.map(\.name) + entry.facets
        + [entry.sortDescending, entry.labelColumn].compactMap { $0 }
      for column in named {
        #expect(columns.contains(column), "\(entry.name).\(column) is described but is not a column")
      }
      #expect(Set(entry.columns.map(\.name)).count == entry.columns.count, "\(entry.name): a column twice")
    }
  }

  /// The views named for analysts are read column by column: each has its description.
  @Test func everyColumnOfTheAnalystViewsIsDescribed() throws {
    let store = try makeStore()
    for entry in SchemaGuide.views {
      #expect(
        try Self.columns(of: entry.name, in: store.connection) == entry.columns.map(\.name), "\(entry.name)")
    }
  }
}
