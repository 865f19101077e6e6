import CSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every statement a connection runs (one whose ``Connection/tracesSQL`` is on, as a store's is when
/// its ``StoreConfiguration/tracesSQL`` is), with its values filled in, on standard error, each
/// ending in `;` — SQL that the `sqlite3` shell can run as it is. The benchmark harness uses it
/// (`ACCORD_TRACE_SQL=1`) to make the shell do exactly the work a command did.
enum SQLTrace {
  static func write(statement: OpaquePointer) {
    guard let expanded = sqlite3_expanded_sql(statement) else { return }
    write(String(cString: expanded))
    sqlite3_free(expanded)
  }

  static func write(_ sql: String) {
    var text = sql
    while let last = text.last, last.isWhitespace || last == ";" { text.removeLast() }
    text += ";\n"
    text.withUTF8 { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(2, base + offset, buffer.count - offset)
        if written <= 0 { return }
        offset += written
      }
    }
  }
}
