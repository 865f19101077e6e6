import AccordPresentation

extension Render {
  /// As `--format`, `--wide` and `--raw-csv` ask, a table as wide as the terminal allows.
  init(_ options: FormatOptions) {
    self.init(format: options.format, width: options.tableWidth, rawCSV: options.rawCsv)
  }

  /// Prints `value` as JSON, or `rows` under `headers` as a table or CSV (``Render/text(_:headers:rows:cuts:)``).
  func records<T: Encodable>(
    _ value: T, headers: [String], rows: [[String]], cuts: [Int: CellCut] = [:]
  ) throws {
    FileOutput.standardOutput.write(try text(value, headers: headers, rows: rows, cuts: cuts))
  }

  /// Prints `value` as JSON.
  func json<T: Encodable>(_ value: T) throws {
    FileOutput.standardOutput.write(try Self.jsonText(value) + "\n")
  }
}

/// What an adding command prints: the new record's id.
func printID(_ id: Int64) {
  FileOutput.standardOutput.write("\(id)\n")
}
