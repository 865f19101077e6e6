import FoundationEssentials

/// How a command prints records (`--format`).
public enum OutputFormat: String, Sendable, CaseIterable {
  case table, json, csv
}

/// Records as text in the chosen format: an aligned table, JSON (stable, documented in the
/// README) or CSV (RFC 4180).
public struct Render: Sendable {
  public let format: OutputFormat
  /// How many columns a table may take: nil for no limit (cut nothing).
  public var width: Int?
  /// CSV cells exactly as recorded, formulas and all (`--raw-csv`).
  public var rawCSV = false

  public init(format: OutputFormat, width: Int? = nil, rawCSV: Bool = false) {
    self.format = format
    self.width = width
    self.rawCSV = rawCSV
  }

  /// `value` as JSON, or `rows` under `headers` as a table or CSV; in a table, a cell too wide is
  /// cut as `cuts` says for its column (at its end when it does not).
  public func text<T: Encodable>(
    _ value: T, headers: [String], rows: [[String]], cuts: [Int: CellCut] = [:]
  ) throws -> String {
    switch format {
    case .json: try Self.jsonText(value) + "\n"
    case .csv: Self.csv(headers: headers, rows: rows, raw: rawCSV)
    case .table: Self.table(headers: headers, rows: rows, width: width, cuts: cuts)
    }
  }

  /// `value` as every JSON output of Accord is: pretty-printed, sorted snake_case keys, slashes
  /// as they are.
  public static func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  /// How a cell wider than its column is cut.
  public enum CellCut: Sendable {
    /// At its end.
    case end
    /// Around its first highlight between two of these marks (a search snippet's `**match**`),
    /// which stays whole and visible.
    case keeping(mark: String)
  }

  /// No column is cut narrower than this or its header (a column already narrower is not cut).
  public static let minimumColumnWidth = 8

  /// `rows` under `headers` in columns aligned by display width (wide characters take two
  /// columns), each cell on one line. With a `width`, the widest columns are cut first, each no
  /// narrower than ``minimumColumnWidth`` or its header, until every line fits in it.
  public static func table(headers: [String], rows: [[String]], width: Int?, cuts: [Int: CellCut] = [:])
    -> String
  {
    var cells = ([headers.map { $0.uppercased() }] + rows).map { row in
      row.map { cell -> (text: String, width: Int) in
        let text = oneLine(cell)
        return (text, TerminalText.width(text))
      }
    }
    var widths = Array(repeating: 0, count: headers.count)
    for row in cells {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.width)
      }
    }
    if let width {
      let minimums = widths.indices.map { index in
        min(widths[index], max(minimumColumnWidth, cells[0][index].width))
      }
      let fitted = fit(widths, minimums: minimums, into: width - 2 * max(widths.count - 1, 0))
      if fitted != widths {
        widths = fitted
        for row in cells.indices {
          for (index, cell) in cells[row].enumerated()
          where index < widths.count && cell.width > widths[index] {
            let text: String
            switch cuts[index] ?? .end {
            case .end: text = TerminalText.cut(cell.text, to: widths[index])
            case .keeping(let mark): text = TerminalText.cut(cell.text, to: widths[index], keeping: mark)
            }
            cells[row][index] = (text, TerminalText.width(text))
          }
        }
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

  /// Column widths that sum to at most `room`: the widest columns cut first, to one common
  /// width, none below its minimum. When even the minimums do not fit, the minimums.
  static func fit(_ widths: [Int], minimums: [Int], into room: Int) -> [Int] {
    guard widths.reduce(0, +) > room else { return widths }
    func capped(_ cap: Int) -> [Int] {
      widths.indices.map { max(minimums[$0], min(widths[$0], cap)) }
    }
    // The widest common cap that fits.
    var low = 0
    var high = widths.max() ?? 0
    while low < high {
      let middle = (low + high + 1) / 2
      if capped(middle).reduce(0, +) <= room { low = middle } else { high = middle - 1 }
    }
    var fitted = capped(low)
    // What the cap leaves over goes, a column each, to the first columns it cut.
    var left = room - fitted.reduce(0, +)
    for index in fitted.indices where left > 0 && fitted[index] < widths[index] && fitted[index] == low {
      fitted[index] += 1
      left -= 1
    }
    return fitted
  }

  /// CSV by RFC 4180. A cell that a spreadsheet would run as a formula (it begins with `=`, `+`,
  /// `-`, `@`, a tab or a carriage return) is written with a `'` before it, as OWASP advises, so
  /// that opening the file runs nothing; `raw` writes every cell exactly as recorded.
  public static func csv(headers: [String], rows: [[String]], raw: Bool = false) -> String {
    func field(_ text: String) -> String {
      let text = raw ? text : neutralised(text)
      let special = text.utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }  // , " LF CR
      guard special else { return text }
      return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
    return ([headers] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
  }

  /// `text`, with a `'` before it if a spreadsheet would take it for a formula.
  public static func neutralised(_ text: String) -> String {
    guard let first = text.utf8.first else { return text }
    // = + - @ tab CR
    return [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) ? "'" + text : text
  }

  public static func oneLine(_ text: String) -> String {
    let breaks = text.utf8.contains { $0 == 10 || $0 == 13 || $0 >= 0x80 }
    return breaks && text.contains(where: \.isNewline)
      ? text.split(whereSeparator: \.isNewline).joined(separator: " ") : text
  }
}
