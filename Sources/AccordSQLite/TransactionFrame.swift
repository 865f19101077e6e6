/// How a connection nests its transactions, the same on SQLite and on PostgreSQL (AccordPostgres
/// uses it too): a write inside a write is a savepoint of it, released when its body returns and
/// rolled back to when it throws (the outer write goes on, or throws in turn); a read inside a read
/// or a write joins it; a write inside a read is refused by the connection, in its own error type.
/// Each connection says how it begins, ends and undoes a transaction; the frame does the rest.
package protocol TransactionFrame: AnyObject {
  /// The transaction the connection is in.
  var transactionState: TransactionState { get set }
  /// How many savepoints deep its write is.
  var savepointDepth: Int { get set }
  /// Runs one statement of the frame: BEGIN, COMMIT, SAVEPOINT, RELEASE.
  func executeFrame(_ sql: String) throws
  /// Runs `undo` if a transaction is still open (after a failure, which may have ended it).
  func undoIfOpen(_ undo: String)
}

package enum TransactionState { case none, read, write }

extension TransactionFrame {
  /// Runs `body` as the outermost write: `begin`, then `body`, then `COMMIT` (or `ROLLBACK`).
  package func outermostWrite<T>(begin: String, _ body: () throws -> T) throws -> T {
    transactionState = .write
    defer { transactionState = .none }
    return try enclosed(begin: begin, end: "COMMIT", undo: "ROLLBACK", body)
  }

  /// A nested write: `SAVEPOINT`, released when `body` returns, rolled back to when it throws.
  /// (Both engines take `RELEASE name` and `ROLLBACK TO name`.)
  package func savepoint<T>(_ body: () throws -> T) throws -> T {
    savepointDepth += 1
    defer { savepointDepth -= 1 }
    let name = "accord_write_\(savepointDepth)"
    return try enclosed(
      begin: "SAVEPOINT \(name)", end: "RELEASE \(name)", undo: "ROLLBACK TO \(name); RELEASE \(name)", body)
  }

  /// Runs `body` in one read transaction begun by `begin`, so that every query in it sees the
  /// same snapshot; inside a read or a write, `body` joins it.
  package func readTransaction<T>(begin: String, _ body: () throws -> T) throws -> T {
    if transactionState != .none { return try body() }
    transactionState = .read
    defer { transactionState = .none }
    return try enclosed(begin: begin, end: "COMMIT", undo: "ROLLBACK", body)
  }

  /// Runs `begin`, then `body`, then `end`; when `body` or `end` throws, `undo` (if a transaction
  /// is still open), and the error goes on.
  package func enclosed<T>(begin: String, end: String, undo: String, _ body: () throws -> T) throws -> T {
    try executeFrame(begin)
    do {
      let result = try body()
      try executeFrame(end)
      return result
    } catch {
      undoIfOpen(undo)
      throw error
    }
  }
}
