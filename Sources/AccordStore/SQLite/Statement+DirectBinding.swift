import CSQLite

extension Statement {
  /// Binds `values` to the placeholders in order, like ``bind(_:)`` but without building an array:
  /// for the few statements that run a million times in one import.
  func bindDirectly(_ values: SQLValue...) throws(StoreError) {
    guard values.count == Int(sqlite3_bind_parameter_count(handle)) else {
      throw StoreError.invalid("internal: statement takes other arguments: \(sql)")
    }
    var index: Int32 = 1
    for value in values {
      let code: Int32
      switch value {
      case .null: code = sqlite3_bind_null(handle, index)
      case .integer(let int): code = sqlite3_bind_int64(handle, index, int)
      case .real(let double): code = sqlite3_bind_double(handle, index, double)
      case .text(var string):
        code = string.withUTF8 { buffer in
          sqlite3_bind_text(
            handle, index,
            buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
            Int32(buffer.count), CSQLITE_TRANSIENT)
        }
      }
      guard code == SQLITE_OK else { throw connection.error(code: code, sql: sql) }
      index += 1
    }
  }
}
