import CSQLite

/// A value bound to a statement's `?` placeholder, or read from a row.
public enum SQLValue: Sendable, Equatable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)

  public static func optional(_ text: String?) -> SQLValue { text.map(SQLValue.text) ?? .null }
  public static func optional(_ value: Int64?) -> SQLValue { value.map(SQLValue.integer) ?? .null }
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
  public init(stringLiteral value: String) { self = .text(value) }
  public init(integerLiteral value: Int64) { self = .integer(value) }
  public init(nilLiteral: ()) { self = .null }
}

/// A compiled statement. Obtain one from ``Connection/statement(_:)``, which caches it.
public final class Statement {
  let handle: OpaquePointer
  unowned let connection: Connection
  public let sql: String

  init(connection: Connection, sql: String) throws(DatabaseError) {
    var handle: OpaquePointer?
    let code = sqlite3_prepare_v3(
      connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
    guard code == SQLITE_OK, let handle else {
      throw connection.error(code: code, sql: sql)
    }
    self.handle = handle
    self.connection = connection
    self.sql = sql
  }

  deinit { sqlite3_finalize(handle) }

  /// The result's columns by name, read once (a statement's columns never change).
  private(set) lazy var columnIndex: [String: Int32] = {
    var index: [String: Int32] = [:]
    for column in 0..<sqlite3_column_count(handle) {
      let name = sqlite3_column_name(handle, column).map { String(cString: $0) } ?? ""
      if index[name] == nil { index[name] = column }
    }
    return index
  }()

  /// Binds `values` to the placeholders, in order. Text is copied (`SQLITE_TRANSIENT`).
  public func bind(_ values: [SQLValue]) throws(DatabaseError) {
    let expected = Int(sqlite3_bind_parameter_count(handle))
    guard values.count == expected else {
      throw DatabaseError.misuse(
        "internal: statement takes \(expected) arguments, got \(values.count): \(sql)")
    }
    sqlite3_clear_bindings(handle)
    for (offset, value) in values.enumerated() {
      let index = Int32(offset + 1)
      let code: Int32
      switch value {
      case .null: code = sqlite3_bind_null(handle, index)
      case .integer(let int): code = sqlite3_bind_int64(handle, index, int)
      case .real(let double): code = sqlite3_bind_double(handle, index, double)
      case .text(let string):
        code =
          string.utf8.withContiguousStorageIfAvailable { buffer in
            sqlite3_bind_text(
              handle, index,
              buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
              Int32(buffer.count), CSQLITE_TRANSIENT)
          } ?? sqlite3_bind_text(handle, index, string, -1, CSQLITE_TRANSIENT)
      }
      guard code == SQLITE_OK else { throw connection.error(code: code, sql: sql) }
    }
    if connection.tracesSQL { SQLTrace.write(statement: handle) }
  }

  /// Advances to the next row; false when there are no more.
  public func step() throws(DatabaseError) -> Bool {
    let code = sqlite3_step(handle)
    switch code {
    case SQLITE_ROW: return true
    case SQLITE_DONE:
      sqlite3_reset(handle)
      return false
    default:
      sqlite3_reset(handle)
      throw connection.error(code: code, sql: sql)
    }
  }

  /// Runs the statement to completion.
  public func run() throws(DatabaseError) {
    while try step() {}
  }

  package func reset() { sqlite3_reset(handle) }
}

/// The current row of a stepping statement. Columns are read by index, in SELECT order.
public struct Row {
  let statement: Statement

  package init(statement: Statement) { self.statement = statement }

  var handle: OpaquePointer { statement.handle }

  public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

  public func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

  public func optionalInteger(_ column: Int32) -> Int64? {
    isNull(column) ? nil : integer(column)
  }

  public func bool(_ column: Int32) -> Bool { integer(column) != 0 }

  public func text(_ column: Int32) -> String {
    guard let pointer = sqlite3_column_text(handle, column) else { return "" }
    let count = Int(sqlite3_column_bytes(handle, column))
    return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
  }

  public func optionalText(_ column: Int32) -> String? {
    isNull(column) ? nil : text(column)
  }

  /// How many columns the row has.
  public var columnCount: Int32 { sqlite3_column_count(handle) }

  /// A column's name: its alias (`AS name`), else its own.
  public func name(_ column: Int32) -> String {
    sqlite3_column_name(handle, column).map { String(cString: $0) } ?? ""
  }

  /// A column's value as SQLite holds it (a blob, which SQLValue cannot hold, reads as text).
  public func value(_ column: Int32) -> SQLValue {
    switch sqlite3_column_type(handle, column) {
    case SQLITE_NULL: .null
    case SQLITE_INTEGER: .integer(integer(column))
    case SQLITE_FLOAT: .real(sqlite3_column_double(handle, column))
    default: .text(text(column))
    }
  }
}

/// Reading a row by its columns' names, after GRDB's `Row` subscripts: a missing column or a NULL
/// where a value must be is an error that names the column and the statement, never a silent ""
/// or 0.
extension Row {
  /// The column called `name`.
  public func column(_ name: String) throws(DatabaseError) -> Int32 {
    guard let column = statement.columnIndex[name] else {
      throw DatabaseError.misuse("the query has no column '\(name)': \(statement.sql.prefix(80))…")
    }
    return column
  }

  /// Text that must be there.
  public func text(_ name: String) throws(DatabaseError) -> String {
    let column = try column(name)
    guard !isNull(column) else {
      throw DatabaseError.misuse("column '\(name)' is empty where it cannot be: \(statement.sql.prefix(80))…")
    }
    return text(column)
  }

  public func optionalText(_ name: String) throws(DatabaseError) -> String? { optionalText(try column(name)) }

  /// A whole number that must be there.
  public func integer(_ name: String) throws(DatabaseError) -> Int64 {
    let column = try column(name)
    guard !isNull(column) else {
      throw DatabaseError.misuse("column '\(name)' is empty where it cannot be: \(statement.sql.prefix(80))…")
    }
    return integer(column)
  }

  public func optionalInteger(_ name: String) throws(DatabaseError) -> Int64? {
    optionalInteger(try column(name))
  }

  public func bool(_ name: String) throws(DatabaseError) -> Bool { try integer(name) != 0 }
}
