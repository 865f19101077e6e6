import AccordSQLite

/// Who is writing, and with what command: the open `command` row to which the history triggers
/// attribute every change (Migrations/0004_history.sql). The store opens it right after each
/// `BEGIN IMMEDIATE` and closes it right before the `COMMIT`.
final class CommandLog {
  var analyst: String
  var arguments: String = "accord"
  var openID: Int64?

  init(analyst: String) { self.analyst = analyst }

  /// Opens a command on the log, to which the history triggers attribute what follows.
  func open(on connection: any Database) throws {
    openID =
      EngineWords(engine: connection.engine).analystIsTheLogin
      ? try connection.insert("INSERT INTO command (arguments) VALUES (?)", [.text(arguments)])
      : try connection.insert(
        "INSERT INTO command (analyst, arguments) VALUES (?, ?)", [.text(analyst), .text(arguments)])
  }

  var hooks: WriteHooks {
    WriteHooks(
      begin: { [self] connection in try open(on: connection) },
      end: { [self] connection in
        if let id = openID {
          try connection.run("UPDATE command SET open = 0 WHERE id = ?", [.integer(id)])
        }
        openID = nil
      })
  }
}

extension AccordStore {
  /// The analyst to whom this store's writes are attributed (at first, its configuration's).
  public var analyst: String {
    get { commandLog.analyst }
    set { commandLog.analyst = newValue }
  }

  /// The command line recorded with this store's writes.
  public var commandArguments: String {
    get { commandLog.arguments }
    set { commandLog.arguments = newValue }
  }
}
