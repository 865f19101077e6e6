import AccordSystem
import CSQLite

/// Every statement a connection runs (one whose ``Connection/tracesSQL`` is on), with its values
/// filled in, on standard error, each ending in `;` — SQL that the `sqlite3` shell can run as it
/// is, to make the shell do exactly the work a program did (Accord's benchmark harness does, with
/// `ACCORD_TRACE_SQL=1`). A team's database traces its statements the same way (AccordPostgres).
package enum SQLTrace {
  static func write(statement: OpaquePointer) {
    guard let expanded = sqlite3_expanded_sql(statement) else { return }
    write(String(cString: expanded))
    sqlite3_free(expanded)
  }

  package static func write(_ sql: String) {
    var text = sql
    while let last = text.last, last.isWhitespace || last == ";" { text.removeLast() }
    text += ";\n"
    // A trace that cannot be written is given up: it must never stop the command it follows.
    try? System.writeAll(2, text)
  }
}
