import AccordSQLite

/// The rows of one statement, freed (PQclear) when the last row that reads them is gone.
final class PostgresResult {
  let library: LibPQ
  let handle: OpaquePointer
  let rowCount: Int32
  let columnCount: Int32

  init(library: LibPQ, handle: OpaquePointer) {
    self.library = library
    self.handle = handle
    rowCount = library.ntuples(handle)
    columnCount = library.nfields(handle)
  }

  deinit { library.clear(handle) }

  /// The result's columns by name (the first of two of the same name).
  private(set) lazy var columnIndex: [String: Int32] = {
    var index: [String: Int32] = [:]
    for column in 0..<columnCount {
      let name = string(library.fname(handle, column))
      if index[name] == nil { index[name] = column }
    }
    return index
  }()
}

/// One row of a result, read by position (in SELECT order) or by a column's name. Every value comes
/// as PostgreSQL's text: a number that does not read as one, a NULL where a value must be, a column
/// that the result lacks are errors that name the column, never a silent "" or 0.
public struct PostgresRow {
  let result: PostgresResult
  let row: Int32

  private var library: LibPQ { result.library }

  /// How many columns the row has.
  public var columnCount: Int32 { result.columnCount }

  /// A column's name: its alias (`AS name`), else its own.
  public func name(_ column: Int32) -> String { string(library.fname(result.handle, column)) }

  public func isNull(_ column: Int32) -> Bool {
    column < 0 || column >= columnCount || library.getisnull(result.handle, row, column) != 0
  }

  /// The column's text ("" for NULL: see ``optionalText(_:)-(Int32)``).
  public func text(_ column: Int32) -> String {
    guard !isNull(column), let pointer = library.getvalue(result.handle, row, column) else { return "" }
    let count = Int(library.getlength(result.handle, row, column))
    return pointer.withMemoryRebound(to: UInt8.self, capacity: count) {
      String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
    }
  }

  public func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

  /// A whole number that must be there.
  public func integer(_ column: Int32) throws(PostgresError) -> Int64 {
    guard let value = try optionalInteger(column) else { throw empty(name(column)) }
    return value
  }

  public func optionalInteger(_ column: Int32) throws(PostgresError) -> Int64? {
    guard !isNull(column) else { return nil }
    let text = text(column)
    if let value = Int64(text) { return value }
    // A boolean column, read as SQLite's 0 or 1.
    if text == "t" { return 1 }
    if text == "f" { return 0 }
    throw PostgresError.misuse("column '\(name(column))' holds '\(text.prefix(40))', not a whole number")
  }

  /// A yes or no: PostgreSQL's boolean, or a whole number (0 is no), that must be there.
  public func bool(_ column: Int32) throws(PostgresError) -> Bool { try integer(column) != 0 }

  /// A number that must be there.
  public func real(_ column: Int32) throws(PostgresError) -> Double {
    guard !isNull(column) else { throw empty(name(column)) }
    let text = text(column)
    switch text {
    case "NaN": return .nan
    case "Infinity": return .infinity
    case "-Infinity": return -.infinity
    default:
      guard let value = Double(text) else {
        throw PostgresError.misuse("column '\(name(column))' holds '\(text.prefix(40))', not a number")
      }
      return value
    }
  }

  /// A column's value as the kind SQLite would give it, by the column's type: whole numbers and
  /// booleans as integers, floating-point and numeric as reals, the rest as text.
  public func value(_ column: Int32) -> SQLValue {
    guard !isNull(column) else { return .null }
    switch library.ftype(result.handle, column) {
    case 20, 21, 23, 16:  // int8, int2, int4, bool
      return (try? optionalInteger(column)).flatMap { $0 }.map(SQLValue.integer) ?? .text(text(column))
    case 700, 701, 1700:  // float4, float8, numeric
      return (try? real(column)).map(SQLValue.real) ?? .text(text(column))
    default:
      return .text(text(column))
    }
  }

  private func empty(_ name: String) -> PostgresError {
    PostgresError.misuse("column '\(name)' is empty where it cannot be")
  }
}

/// Reading a row by its columns' names.
extension PostgresRow {
  /// The column called `name`.
  public func column(_ name: String) throws(PostgresError) -> Int32 {
    guard let column = result.columnIndex[name] else {
      throw PostgresError.misuse("the query has no column '\(name)'")
    }
    return column
  }

  /// Text that must be there.
  public func text(_ name: String) throws(PostgresError) -> String {
    let column = try column(name)
    guard !isNull(column) else { throw empty(name) }
    return text(column)
  }

  public func optionalText(_ name: String) throws(PostgresError) -> String? { optionalText(try column(name)) }

  public func integer(_ name: String) throws(PostgresError) -> Int64 { try integer(try column(name)) }

  public func optionalInteger(_ name: String) throws(PostgresError) -> Int64? {
    try optionalInteger(try column(name))
  }

  public func bool(_ name: String) throws(PostgresError) -> Bool { try bool(try column(name)) }

  public func real(_ name: String) throws(PostgresError) -> Double { try real(try column(name)) }
}
