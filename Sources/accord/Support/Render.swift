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
    let cells = ([headers.map { $0.uppercased() }] + rows).map { row in
      row.map { cell -> (text: String, width: Int) in
        let text = clip(oneLine(cell))
        return (text, width(text))
      }
    }
    var widths = Array(repeating: 0, count: headers.count)
    for row in cells {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.width)
      }
    }
    var text = ""
    text.reserveCapacity(cells.count * (widths.reduce(0, +) + 2 * widths.count + 1))
    for row in cells {
      for (index, cell) in row.enumerated() {
        text += cell.text
        if index < row.count - 1 && index < widths.count {
          text += String(repeating: " ", count: widths[index] - cell.width + 2)
        }
      }
      while text.utf8.last == UInt8(ascii: " ") { text.removeLast() }
      text += "\n"
    }
    return text
  }

  static func csv(headers: [String], rows: [[String]]) -> String {
    func field(_ text: String) -> String {
      let special = text.utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }  // , " LF CR
      guard special else { return text }
      return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
    return ([headers] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
  }

  static func oneLine(_ text: String) -> String {
    let breaks = text.utf8.contains { $0 == 10 || $0 == 13 || $0 >= 0x80 }
    return breaks && text.contains(where: \.isNewline)
      ? text.split(whereSeparator: \.isNewline).joined(separator: " ") : text
  }

  static func clip(_ text: String) -> String {
    width(text) <= maximumCellWidth ? text : String(text.prefix(maximumCellWidth - 1)) + "…"
  }

  /// Characters, counted fast for ASCII text.
  static func width(_ text: String) -> Int {
    let bytes = text.utf8
    return bytes.contains { $0 >= 0x80 } ? text.count : bytes.count
  }
}

/// What an adding command prints: the new record's id.
func printID(_ id: Int64) {
  FileOutput.standardOutput.write("\(id)\n")
}

extension Array where Element == String {
  var listed: String { joined(separator: "; ") }
}

/// What a listing with `--include-retracted` adds to a retracted record's name.
func retractedMark(_ retracted: Bool?) -> String {
  retracted == true ? " (retracted)" : ""
}
