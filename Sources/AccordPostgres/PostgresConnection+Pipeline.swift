import AccordSQLite
import CPostgres

extension PostgresConnection {
  /// Sends `statements` to the server all at once, in libpq's pipeline mode, and keeps their rows
  /// for the queries of this read that ask for them (``query(_:_:)``): statements that do not wait
  /// on each other's answers cost one round trip together, not one each, which a command of many
  /// short statements pays most of its time for on a server. Only in a read transaction (whose
  /// snapshot they all see, as they would one by one), and only with libpq 14 or later; otherwise
  /// it does nothing, and each statement is sent when it is asked for. A statement that fails
  /// throws here, as it would have when asked for.
  public func prefetch(_ statements: [ReadStatement]) throws(PostgresError) {
    guard transactionState == .read, let pipeline = library.pipeline else { return }
    var wanted: [ReadStatement] = []
    for statement in statements
    where !wanted.contains(statement)
      && !prefetched.contains(where: { $0.sql == statement.sql && $0.arguments == statement.arguments })
    {
      wanted.append(statement)
    }
    guard wanted.count > 1, pipeline.enter(handle) == 1 else { return }
    let (library, handle) = (self.library, self.handle)
    var failure: PostgresError?
    var sent = 0
    for statement in wanted {
      let (sql, arguments) = (statement.sql, statement.arguments)
      onStatement?(sql)
      tracer?(Placeholders(sqlite: sql, filling: arguments).sql)
      do {
        let queued = try withParameters(sql, arguments) { translation, values, types in
          pipeline.sendQueryParams(
            handle, translation.sql, Int32(translation.count), types, values, nil, nil, 0)
        }
        guard queued == 1 else {
          failure = .connectionLost(message: Self.reason(string(library.errorMessage(handle))))
          break
        }
      } catch {
        failure = error
        break
      }
      sent += 1
    }
    var results: [(sql: String, arguments: [SQLValue], rows: PostgresResult)] = []
    if sent > 0, pipeline.sync(handle) == 1 {
      for statement in wanted.prefix(sent) {
        let (sql, arguments) = (statement.sql, statement.arguments)
        guard let result = pipeline.getResult(handle) else {
          failure = failure ?? .connectionLost(message: Self.reason(string(library.errorMessage(handle))))
          break
        }
        // Each statement's results end with a NULL.
        while let extra = pipeline.getResult(handle) { library.clear(extra) }
        switch library.resultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
          results.append((sql, arguments, PostgresResult(library: library, handle: result)))
        case PGRES_PIPELINE_ABORTED:
          library.clear(result)
        default:
          failure = failure ?? error(result, sql: sql)
          library.clear(result)
        }
      }
      // The synchronization point's own result (PGRES_PIPELINE_SYNC).
      while library.status(handle) == CONNECTION_OK, let result = pipeline.getResult(handle) {
        let status = library.resultStatus(result)
        library.clear(result)
        if status == PGRES_PIPELINE_SYNC { break }
      }
    } else if sent > 0 {
      failure = failure ?? .connectionLost(message: Self.reason(string(library.errorMessage(handle))))
    }
    if pipeline.exit(handle) != 1, failure == nil {
      failure = .misuse("internal: the statements sent ahead left results unread")
    }
    if let failure { throw failure }
    prefetched += results
  }
}
