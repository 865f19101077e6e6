import AccordStore
import FoundationEssentials

/// Prints records in the chosen format: an aligned table, JSON (stable, documented in the
/// README) or CSV (RFC 4180).
struct Render {
  let format: OutputFormat
  var output = FileOutput.standardOutput

  /// Prints `value` as JSON, or `rows` under `headers` as a table or CSV.
  func records<T: Encodable>(_ value: T, headers: [String], rows: [[String]]) throws {
    switch format {
    case .json: try json(value)
    case .csv: output.write(Self.csv(headers: headers, rows: rows))
    case .table: output.write(Self.table(headers: headers, rows: rows))
    }
  }

  func json<T: Encodable>(_ value: T) throws {
    output.write(try Self.jsonText(value) + "\n")
  }

  static func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  static let maximumCellWidth = 60

  static func table(headers: [String], rows: [[String]]) -> String {
    let cells = rows.map { row in row.map { clip(oneLine($0)) } }
    var widths = headers.map(\.count)
    for row in cells {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    func line(_ row: [String]) -> String {
      var text = ""
      for (index, cell) in row.enumerated() {
        let last = index == row.count - 1
        text += last ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
      }
      return text + "\n"
    }
    var text = line(headers.map { $0.uppercased() })
    for row in cells { text += line(row) }
    return text
  }

  static func csv(headers: [String], rows: [[String]]) -> String {
    func field(_ text: String) -> String {
      guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
      return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
    return ([headers] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
  }

  static func oneLine(_ text: String) -> String {
    text.contains(where: \.isNewline) ? text.split(whereSeparator: \.isNewline).joined(separator: " ") : text
  }

  static func clip(_ text: String) -> String {
    text.count <= maximumCellWidth ? text : String(text.prefix(maximumCellWidth - 1)) + "…"
  }
}

/// What an adding command prints: the new record's id.
func printID(_ id: Int64) {
  FileOutput.standardOutput.write("\(id)\n")
}

extension Array where Element == String {
  var listed: String { joined(separator: "; ") }
}
