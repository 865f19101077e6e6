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
///
/// Or the result of a statement on another engine (PostgreSQL's), read through a ``RowReader``:
/// its rows are ``Row``s all the same, read by the same names, and a row of SQLite's pays one test
/// for it (a row that held either of two kinds of reference would copy the one it reads, a retain
/// and a release on every column: +5 % instructions for a listing).
public final class Statement {
  /// SQLite's statement; nil for another engine's result.
  let handle: OpaquePointer?
  unowned let connection: Connection?
  /// Another engine's result; nil for SQLite's statement.
  let reader: (any RowReader)?
  public let sql: String

  /// Another engine's result, whose rows `reader` reads.
  package init(reader: any RowReader) {
    handle = nil
    connection = nil
    self.reader = reader
    sql = reader.sql
    (columnNames, startsSpan) = Self.layout(reader.columnNames)
  }

  init(connection: Connection, sql: String) throws(DatabaseError) {
    var handle: OpaquePointer?
    let code = sqlite3_prepare_v3(
      connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
    guard code == SQLITE_OK, let handle else {
      throw connection.error(code: code, sql: sql)
    }
    self.handle = handle
    self.connection = connection
    reader = nil
    self.sql = sql
    (columnNames, startsSpan) = Self.layout(
      (0..<sqlite3_column_count(handle)).map { column in
        sqlite3_column_name(handle, column).map { String(cString: $0) } ?? ""
      })
  }

  /// The column names as ``columnNames`` keeps them (a repeated name as ""), and which columns
  /// start a span (``startsSpan``).
  private static func layout(_ columns: [String]) -> (names: [String], startsSpan: [Bool]) {
    var names: [String] = []
    for name in columns { names.append(names.contains(name) ? "" : name) }
    let startsSpan = names.indices.map { index in
      index + 2 < names.count && !names[index].isEmpty && names[index + 1] == names[index] + "_first"
        && names[index + 2] == names[index] + "_last"
    }
    return (names, startsSpan)
  }

  deinit { sqlite3_finalize(handle) }

  /// The result's column names, in order, read once (a statement's columns never change). A name
  /// that an earlier column has already is kept as "", so that a read by name finds the first.
  let columnNames: [String]
  /// For each column, whether the two after it are its `_first` and `_last` (``Row/span(_:)``):
  /// checked once here, so that each row reads the three by index.
  let startsSpan: [Bool]
  /// Where the next read by name most likely is: after the column read last, since rows are read
  /// mostly in SELECT order (one comparison of names instead of a search). Not checked for
  /// exclusive access, which would cost more than the read: a row is read on one thread, and the
  /// hint is only ever a guess that ``Row/column(_:)`` checks.
  @exclusivity(unchecked) var nextColumn = 0

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
      guard code == SQLITE_OK else { throw error(code: code) }
    }
    if let handle, connection?.tracesSQL == true { SQLTrace.write(statement: handle) }
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
      throw error(code: code)
    }
  }

  /// The error of the latest call on this statement, which returned `code`.
  private func error(code: Int32) -> DatabaseError {
    connection?.error(code: code, sql: sql)
      ?? .misuse("internal: a statement of another engine was stepped as SQLite's: \(sql.prefix(80))…")
  }

  /// Runs the statement to completion.
  public func run() throws(DatabaseError) {
    while try step() {}
  }

  @usableFromInline package func reset() { sqlite3_reset(handle) }
}

/// The current row of a stepping statement (or of another engine's result, whose ``Statement``
/// holds its ``RowReader``). Columns are read by index, in SELECT order, or by name.
public struct Row {
  let statement: Statement

  @usableFromInline package init(statement: Statement) { self.statement = statement }

  var handle: OpaquePointer? { statement.handle }

  public func isNull(_ column: Int32) -> Bool {
    if let reader = statement.reader { return reader.isNull(column) }
    return sqlite3_column_type(handle, column) == SQLITE_NULL
  }

  public func integer(_ column: Int32) -> Int64 {
    if let reader = statement.reader { return reader.integer(column) }
    return sqlite3_column_int64(handle, column)
  }

  public func optionalInteger(_ column: Int32) -> Int64? {
    isNull(column) ? nil : integer(column)
  }

  public func bool(_ column: Int32) -> Bool { integer(column) != 0 }

  public func text(_ column: Int32) -> String { present(column) ?? "" }

  /// The column's text, nil for NULL: one call to SQLite, which gives no text for NULL (and ""
  /// for an empty text), where `isNull` then `text` would make two.
  func present(_ column: Int32) -> String? {
    if let reader = statement.reader { return reader.text(column) }
    guard let pointer = sqlite3_column_text(handle, column) else { return nil }
    let count = Int(sqlite3_column_bytes(handle, column))
    return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
  }

  public func optionalText(_ column: Int32) -> String? {
    isNull(column) ? nil : text(column)
  }

  /// How many columns the row has.
  public var columnCount: Int32 { Int32(truncatingIfNeeded: statement.columnNames.count) }

  /// A column's name: its alias (`AS name`), else its own.
  public func name(_ column: Int32) -> String {
    if let reader = statement.reader {
      return reader.columnNames.indices.contains(Int(column)) ? reader.columnNames[Int(column)] : ""
    }
    return sqlite3_column_name(handle, column).map { String(cString: $0) } ?? ""
  }

  /// A column's value as SQLite holds it (a blob, which SQLValue cannot hold, reads as text).
  public func value(_ column: Int32) -> SQLValue {
    if let reader = statement.reader { return reader.value(column) }
    switch sqlite3_column_type(handle, column) {
    case SQLITE_NULL: return .null
    case SQLITE_INTEGER: return .integer(integer(column))
    case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
    default: return .text(text(column))
    }
  }
}

/// A row of a result of another engine than SQLite (AccordPostgres's), as ``Row`` reads it: values
/// as SQLite would give them (a whole number that does not read as one is 0, as in SQLite).
public protocol RowReader: AnyObject {
  /// The statement, for messages.
  var sql: String { get }
  /// The result's column names, in order.
  var columnNames: [String] { get }
  func isNull(_ column: Int32) -> Bool
  /// The column's text; nil for NULL.
  func text(_ column: Int32) -> String?
  func integer(_ column: Int32) -> Int64
  func value(_ column: Int32) -> SQLValue
}

/// Reading a row by its columns' names, after GRDB's `Row` subscripts: a missing column or a NULL
/// where a value must be is an error that names the column and the statement, never a silent ""
/// or 0.
extension Row {
  /// The column called `name` (the first, if several are). Inlined, as the check of the guess is
  /// a few instructions where a call costs as many again; the search is not.
  @inline(__always)
  public func column(_ name: String) throws(DatabaseError) -> Int32 {
    let names = statement.columnNames
    // Where the read after the last one would be (the first column again after the last).
    let guess = statement.nextColumn < names.count ? statement.nextColumn : 0
    if guess < names.count && names[guess] == name {
      statement.nextColumn = guess + 1
      return Int32(truncatingIfNeeded: guess)
    }
    return try search(name)
  }

  @inline(never)
  private func search(_ name: String) throws(DatabaseError) -> Int32 {
    guard let found = statement.columnNames.firstIndex(of: name) else { throw missing(name) }
    statement.nextColumn = found + 1
    return Int32(truncatingIfNeeded: found)
  }

  private func missing(_ name: String) -> DatabaseError {
    DatabaseError.misuse("the query has no column '\(name)': \(statement.sql.prefix(80))…")
  }

  private func empty(_ name: String) -> DatabaseError {
    DatabaseError.misuse("column '\(name)' is empty where it cannot be: \(statement.sql.prefix(80))…")
  }

  /// Text that must be there.
  public func text(_ name: String) throws(DatabaseError) -> String {
    guard let text = present(try column(name)) else { throw empty(name) }
    return text
  }

  public func optionalText(_ name: String) throws(DatabaseError) -> String? { present(try column(name)) }

  /// A whole number that must be there.
  public func integer(_ name: String) throws(DatabaseError) -> Int64 {
    let column = try column(name)
    let value = integer(column)
    // NULL reads as 0: only a 0 needs a second look.
    if value == 0 && isNull(column) { throw empty(name) }
    return value
  }

  public func optionalInteger(_ name: String) throws(DatabaseError) -> Int64? {
    optionalInteger(try column(name))
  }

  public func bool(_ name: String) throws(DatabaseError) -> Bool { try integer(name) != 0 }

  /// A value kept in three columns, as Accord keeps a date (as typed, its first and its last
  /// day): the texts of `name`, `name_first` and `name_last`, all of which must be there.
  public func span(_ name: String) throws(DatabaseError) -> (text: String, first: String, last: String) {
    guard let span = try optionalSpan(name) else { throw empty(name) }
    return span
  }

  /// ``span(_:)``, or nil when `name` is NULL. (Inlined into its few callers, the date readers.)
  @inline(__always)
  public func optionalSpan(_ name: String) throws(DatabaseError) -> (
    text: String, first: String, last: String
  )? {
    let column = try column(name)
    let together = statement.startsSpan[Int(column)]
    if together { statement.nextColumn = Int(column) + 3 }
    guard let text = present(column) else { return nil }
    guard together else { return (text, try self.text(name + "_first"), try self.text(name + "_last")) }
    guard let first = present(column + 1) else { throw empty(name + "_first") }
    guard let last = present(column + 2) else { throw empty(name + "_last") }
    return (text, first, last)
  }

  /// A value of an enumeration stored as its raw text, in row `id` of `table`. Text that names
  /// none of its values (written by a later version, or by hand) is ``DatabaseError/unknownValue``.
  @inlinable public func decode<Value: RawRepresentable>(
    _ type: Value.Type, _ name: String, table: String, id: Int64
  ) throws(DatabaseError) -> Value where Value.RawValue == String {
    let text = try text(name)
    guard let value = Value(rawValue: text) else {
      throw .unknownValue(table: table, id: id, column: name, value: text)
    }
    return value
  }
}
