import AccordPresentation
import AccordStore
import ArgumentParser
import FoundationEssentials

struct DatasetteMetadata: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "datasette-metadata",
    abstract: "Print Datasette's metadata for the database: what each table, view and column holds.",
    discussion: """
      The JSON names the database as Datasette does, by its file's name without the extension \
      (accord.sqlite: accord), and gives each table and view its description, the columns' \
      descriptions, the facets to count by and the order to sort in. Serve it with 'datasette serve \
      accord.sqlite --metadata metadata.json -h 127.0.0.1'.

      Examples:
        accord datasette-metadata > metadata.json
        accord datasette-metadata --db team.sqlite > metadata.json
      """
  ).asLeaf

  @OptionGroup var database: DatabaseOptions

  func run() throws {
    // Opened so that the file is an Accord database at the latest schema, whose views these are.
    _ = try database.openExisting()
    let metadata = Metadata(databaseName: Self.databaseName(of: database.path))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    FileOutput.standardOutput.write(String(decoding: try encoder.encode(metadata), as: UTF8.self) + "\n")
  }

  /// The name Datasette gives a database file: its name without the last extension.
  static func databaseName(of path: String) -> String {
    let file = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
    return String(file[..<dot])
  }

  /// Datasette's metadata.json (https://docs.datasette.io/en/stable/metadata.html).
  struct Metadata: Encodable {
    let title = SchemaGuide.title
    let description = SchemaGuide.description
    let databases: [String: Database]

    init(databaseName: String) {
      let tables = SchemaGuide.entries.map { entry in
        (
          entry.name,
          Table(
            description: entry.description,
            columns: entry.columns.isEmpty
              ? nil : Dictionary(uniqueKeysWithValues: entry.columns.map { ($0.name, $0.description) }),
            facets: entry.facets.isEmpty ? nil : entry.facets, sortDesc: entry.sortDescending,
            labelColumn: entry.labelColumn)
        )
      }
      databases = [
        databaseName: Database(
          description: SchemaGuide.description, tables: Dictionary(uniqueKeysWithValues: tables))
      ]
    }

    enum CodingKeys: String, CodingKey { case title, description, databases }
  }

  struct Database: Encodable {
    let description: String
    let tables: [String: Table]
  }

  struct Table: Encodable {
    let description: String
    let columns: [String: String]?
    let facets: [String]?
    let sortDesc: String?
    let labelColumn: String?

    enum CodingKeys: String, CodingKey {
      case description, columns, facets
      case sortDesc = "sort_desc"
      case labelColumn = "label_column"
    }
  }
}
