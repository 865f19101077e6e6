import AccordStore

/// A streaming CSV reader (RFC 4180) for the real files of the field's datasets: a UTF-8 byte-order
/// mark, CRLF or LF line ends, quoted fields with commas, doubled quotes and line breaks, column
/// names with spaces around them (UCDP's `ref `), an unnamed last column (UCDP's trailing comma).
/// Text that is not valid UTF-8 is an error that names the line and the column.
public final class CSVReader {
  let source: ByteSource
  /// The column names, trimmed; an unnamed column is "".
  public private(set) var header: [String] = []
  private var index: [String: Int] = [:]
  /// The line on which the current row starts (1-based), and the next line.
  public private(set) var rowLine = 0
  private var line = 1
  private var fields: [[UInt8]] = []
  private var field: [UInt8] = []

  public init(source: ByteSource) throws {
    self.source = source
    // A byte-order mark.
    if try source.peek() == 0xEF {
      if source.end - source.position < 3 { _ = try source.refill() }
      if source.end - source.position >= 3, source.buffer[source.position + 1] == 0xBB,
        source.buffer[source.position + 2] == 0xBF
      {
        source.position += 3
      }
    }
    guard try readRow() else {
      throw StoreError.invalid("\(source.name) is empty: expected a CSV file with a header line")
    }
    header = try fields.enumerated().map { column, bytes in
      guard let name = String(validating: bytes, as: UTF8.self) else {
        throw StoreError.invalid(
          "line 1, column \(column + 1): the header is not valid UTF-8: save the file as UTF-8")
      }
      return name.trimmedOfSpace
    }
    for (column, name) in header.enumerated() where !name.isEmpty && index[name] == nil {
      index[name] = column
    }
  }

  /// True when the file has a column so named.
  public func has(_ column: String) -> Bool { index[column] != nil }

  /// Reads the next row; nil at the end of the file. Blank lines are skipped.
  public func next() throws -> CSVRow? {
    while try readRow() {
      if fields.count == 1 && fields[0].isEmpty { continue }
      guard fields.count == header.count else {
        throw StoreError.invalid(
          "line \(rowLine): expected \(header.count) fields as in the header, found \(fields.count)")
      }
      return CSVRow(reader: self)
    }
    return nil
  }

  func text(_ column: String) throws -> String {
    guard let position = index[column] else {
      throw StoreError.invalid("\(source.name) has no column '\(column)': is it the right file?")
    }
    guard let text = String(validating: fields[position], as: UTF8.self) else {
      throw StoreError.invalid(
        "line \(rowLine), column '\(column)': the text is not valid UTF-8: save the file as UTF-8")
    }
    return text
  }

  /// Reads one row's fields into `fields`; false at the end of the file.
  private func readRow() throws -> Bool {
    fields.removeAll(keepingCapacity: true)
    guard try source.peek() != nil else { return false }
    rowLine = line
    field.removeAll(keepingCapacity: true)
    var quoted = false
    var afterQuote = false
    var atFieldStart = true
    var rowBytes = 0
    while let byte = try source.peek() {
      source.position += 1
      rowBytes += 1
      // No cell longer than the longest text Accord keeps, no row longer than an import's line:
      // a huge cell is refused before it fills memory.
      if field.count > FieldLimit.text || rowBytes > FieldLimit.importLine {
        let column =
          fields.count < header.count && !header[fields.count].isEmpty ? " ('\(header[fields.count])')" : ""
        throw StoreError.invalid(
          rowBytes > FieldLimit.importLine
            ? "line \(rowLine): a row is longer than Accord reads (more than \(FieldLimit.words(FieldLimit.importLine))): split it"
            : "line \(rowLine), column \(fields.count + 1)\(column): a cell is longer than Accord keeps (more than \(FieldLimit.words(FieldLimit.text))): shorten it"
        )
      }
      if quoted {
        if byte == UInt8(ascii: "\"") {
          if try source.peek() == UInt8(ascii: "\"") {
            source.position += 1
            field.append(byte)
          } else {
            quoted = false
            afterQuote = true
          }
        } else {
          if byte == 0x0A { line += 1 }
          field.append(byte)
        }
        continue
      }
      switch byte {
      case UInt8(ascii: ","):
        fields.append(field)
        field.removeAll(keepingCapacity: true)
        atFieldStart = true
        afterQuote = false
      case 0x0A:
        line += 1
        fields.append(field)
        return true
      case 0x0D:
        if try source.peek() == 0x0A { continue }
        line += 1
        fields.append(field)
        return true
      case UInt8(ascii: "\"") where atFieldStart:
        quoted = true
        atFieldStart = false
      default:
        if afterQuote {
          throw StoreError.invalid(
            "line \(line): a quoted field must end at a comma or the end of the line, found \(JSONReader.describe(byte))"
          )
        }
        atFieldStart = false
        field.append(byte)
      }
    }
    if quoted { throw StoreError.invalid("line \(rowLine): the file ends inside a quoted field") }
    fields.append(field)
    return true
  }
}

/// The current row of a ``CSVReader``, read by column name.
public struct CSVRow {
  let reader: CSVReader

  public var line: Int { reader.rowLine }

  /// The field of `column`, as written.
  public func text(_ column: String) throws -> String { try reader.text(column) }

  /// The field trimmed of white space; nil when empty (or when the column does not exist).
  public func value(_ column: String) throws -> String? {
    guard reader.has(column) else { return nil }
    let text = try reader.text(column)
    let trimmed = text.trimmedOfSpace
    return trimmed.isEmpty ? nil : trimmed
  }

  /// A required field.
  public func required(_ column: String) throws -> String {
    guard reader.has(column) else {
      throw StoreError.invalid("\(reader.source.name) has no column '\(column)': is it the right file?")
    }
    guard let value = try value(column) else {
      throw StoreError.invalid("line \(line), column '\(column)': it is empty, and every row needs it")
    }
    return value
  }
}

extension StringProtocol {
  /// Without white space (line breaks included) at either end.
  var trimmedOfSpace: String {
    let scalars = unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(String.UnicodeScalarView(scalars[start...end]))
  }
}
