import AccordSQLite

public struct UndoResult: Sendable, Equatable {
  public let command: Int64
  public let arguments: String
  public let changes: Int
  /// When the command undone was itself an undo: the command it had undone, done again now.
  public var redid: (command: Int64, arguments: String)? = nil

  public static func == (a: UndoResult, b: UndoResult) -> Bool {
    a.command == b.command && a.arguments == b.arguments && a.changes == b.changes
      && a.redid?.command == b.redid?.command && a.redid?.arguments == b.redid?.arguments
  }
}

extension AccordStore {
  /// Reverts the analyst's latest command, as one transaction: the inverse of each of its changes,
  /// in reverse order. The undo is itself a command on the log, so undoing it redoes the command.
  /// Refuses when there is nothing to undo, or when a later change (by anyone) touched a row that
  /// the command changed.
  public func undo() throws -> UndoResult {
    guard let result = try undo(steps: 1).first else {
      throw StoreError.conflict("nothing to undo: \(analyst) has no command on the log")
    }
    return result
  }

  /// Reverts the analyst's `steps` latest commands, newest first, all in one transaction (each
  /// undo a command of its own on the log, so that each can be redone). With one step, the latest
  /// command, whatever it was (an undo: then it is redone); with more, the latest commands that
  /// still stand (neither an undo nor undone). Refuses, writing nothing, when there are fewer, or
  /// when a change by a command not undone here touched a row that one of them changed.
  public func undo(steps: Int) throws -> [UndoResult] {
    guard steps >= 1 else { throw StoreError.mistake(.undoOfNoCommand) }
    return try write {
      let analyst = try undoingAnalyst()
      let targets: [(id: Int64, arguments: String, undoes: Int64?)]
      if steps == 1 {
        targets = try connection.all(
          """
          SELECT c.id, c.arguments, c.undoes FROM command c
          WHERE c.analyst = ? AND c.open = 0
            AND EXISTS (SELECT 1 FROM change_log l WHERE l.command_id = c.id)
          ORDER BY c.id DESC LIMIT 1
          """, [.text(analyst)],
          { row throws(DatabaseError) in
            (try row.integer("id"), try row.text("arguments"), try row.optionalInteger("undoes"))
          })
      } else {
        // A command stands when the chain of undos of it (undo, redo, undo, …) is of even length.
        let undone = try undoneCommands()
        var standing: [(id: Int64, arguments: String, undoes: Int64?)] = []
        var before = Int64.max
        while standing.count < steps {
          let page = try connection.all(
            """
            SELECT c.id, c.arguments FROM command c
            WHERE c.analyst = ?1 AND c.open = 0 AND c.undoes IS NULL AND c.id < ?2
              AND EXISTS (SELECT 1 FROM change_log l WHERE l.command_id = c.id)
            ORDER BY c.id DESC LIMIT 100
            """, [.text(analyst), .integer(before)],
            { row throws(DatabaseError) in (try row.integer("id"), try row.text("arguments")) })
          guard let last = page.last else { break }
          before = last.0
          for (id, arguments) in page where !undone.contains(id) && standing.count < steps {
            standing.append((id, arguments, nil))
          }
        }
        targets = standing
      }
      guard !targets.isEmpty else {
        throw StoreError.conflict("nothing to undo: \(analyst) has no command on the log")
      }
      guard targets.count == steps else {
        throw StoreError.conflict(
          "cannot undo \(steps) commands: \(analyst) has \(targets.count) on the log that can be undone; nothing was written"
        )
      }
      // What does not stand in the way of this undo: the changes of the commands it undoes, of
      // every undo and redo (in a chain of them, they cancel out in pairs, or cancel the command
      // they start from, which then counts as undone too), and of this undo's own commands.
      var ignored = targets.map(\.id) + Array(try undoneCommands())
      ignored += try connection.all("SELECT id FROM command WHERE undoes IS NOT NULL") { $0.integer(0) }
      var results: [UndoResult] = []
      for (index, target) in targets.enumerated() {
        if index > 0, let previous = commandLog.openID {
          // Each undo is a command of its own: the one before is closed, and another opened.
          try connection.run("UPDATE command SET open = 0 WHERE id = ?", [.integer(previous)])
          try commandLog.open(on: connection)
        }
        if let open = commandLog.openID { ignored.append(open) }
        results.append(try revert(command: target.id, arguments: target.arguments, ignoring: ignored))
        if let redone = target.undoes {
          let arguments = try connection.first(
            "SELECT arguments FROM command WHERE id = ?", [.integer(redone)], { $0.text(0) })
          results[index].redid = (redone, arguments ?? "")
        }
      }
      return results
    }
  }

  /// Whose commands `undo` takes back: this store's analyst; on a team's server, the login that
  /// signed in, which the log names there (``EngineWords/analystIsTheLogin``), whatever
  /// `$ACCORD_ANALYST` says.
  func undoingAnalyst() throws -> String {
    guard words.analystIsTheLogin else { return analyst }
    return try connection.first("SELECT CAST(session_user AS text)", [], { $0.text(0) }) ?? analyst
  }

  /// The commands that are undone (not counting undos themselves): those whose chain of undos
  /// (undo, redo, undo, …) is of odd length. Read from the undos alone, which are few.
  private func undoneCommands() throws -> Set<Int64> {
    let undoes = Dictionary(
      try connection.all("SELECT undoes, id FROM command WHERE undoes IS NOT NULL") {
        row throws(DatabaseError) in
        (try row.integer("undoes"), try row.integer("id"))
      }, uniquingKeysWith: { first, _ in first })
    let undos = Set(undoes.values)
    var undone = Set<Int64>()
    // Walk the chain from each undone command that is not itself an undo.
    for root in undoes.keys where !undos.contains(root) {
      var depth = 0
      var current = root
      while let next = undoes[current] {
        depth += 1
        current = next
      }
      if depth % 2 == 1 { undone.insert(root) }
    }
    return undone
  }

  /// Reverts one command's changes, newest first, attributing the undo to the open command.
  private func revert(command target: Int64, arguments: String, ignoring undone: [Int64]) throws -> UndoResult
  {
    if let (table, key, who) = try laterChange(to: target, ignoring: undone) {
      throw StoreError.conflict(
        "cannot undo command \(target) (\(arguments)): a later change by \(who) touched the same record (\(table) \(key)); nothing was written"
      )
    }
    if let id = commandLog.openID {
      try connection.run("UPDATE command SET undoes = ? WHERE id = ?", [.integer(target), .integer(id)])
    }
    // Row by row, newest first; then the bulk inserts, newest first (a bulk write logs its rows
    // when it ends, after the changes it made to them on the way).
    let changes = try connection.all(
      """
      SELECT table_name, operation, row_key, before, after FROM change_log WHERE command_id = ?
      ORDER BY operation = 'inserts', id DESC
      """, [.integer(target)]
    ) { row throws(DatabaseError) in
      (
        try row.text("table_name"), try row.text("operation"), try row.text("row_key"),
        try row.optionalText("before"), try row.optionalText("after")
      )
    }
    do {
      for (table, operation, key, before, after) in changes {
        try revert(table: table, operation: operation, key: key, before: before, after: after)
      }
    } catch {
      if case .database(.sqlite(_, let extended, _, _))? = StoreError(error),
        extended == ExtendedCode.constraintForeignKey || extended == ExtendedCode.constraintUnique
          || extended == ExtendedCode.constraintPrimaryKey
      {
        throw StoreError.conflict(
          "cannot undo command \(target) (\(arguments)): later records depend on what it changed; nothing was written"
        )
      }
      throw error
    }
    return UndoResult(command: target, arguments: arguments, changes: changes.count)
  }

  /// The first change after `target`'s, by another command or the shell, to a row it changed:
  /// not counting the commands `undone` in the same undo, nor the undo itself.
  private func laterChange(to target: Int64, ignoring undone: [Int64]) throws -> (String, String, String)? {
    let ignored = "[" + undone.map(String.init).joined(separator: ",") + "]"
    if let found = try connection.first(
      """
      SELECT l.table_name, l.row_key, coalesce(c.analyst, 'the sqlite3 shell') AS analyst
      FROM change_log t
      JOIN change_log l ON l.table_name = t.table_name AND l.row_key = t.row_key AND l.id > t.id
      LEFT JOIN command c ON c.id = l.command_id
      WHERE t.command_id = ?1 AND l.command_id IS DISTINCT FROM ?1
        AND (l.command_id IS NULL OR l.command_id NOT IN (\(words.numbers(in: "?2"))))
      ORDER BY l.id LIMIT 1
      """, [.integer(target), .text(ignored)],
      { row throws(DatabaseError) in
        (try row.text("table_name"), try row.text("row_key"), try row.text("analyst"))
      })
    {
      return found
    }
    // A row of a bulk insert changed since.
    let bulk = try connection.all(
      "SELECT id, table_name, row_key FROM change_log WHERE command_id = ? AND operation = 'inserts'",
      [.integer(target)]
    ) { row throws(DatabaseError) in
      (try row.integer("id"), try row.text("table_name"), try row.text("row_key"))
    }
    for (id, table, rows) in bulk {
      let single = try tableColumns(table).key.count == 1
      let later = try connection.all(
        """
        SELECT l.row_key, coalesce(c.analyst, 'the sqlite3 shell') AS analyst FROM change_log l
        LEFT JOIN command c ON c.id = l.command_id
        WHERE l.table_name = ? AND l.id > ? AND l.command_id IS DISTINCT FROM ? AND l.operation <> 'inserts'
          AND (l.command_id IS NULL OR l.command_id NOT IN (\(words.numbers(in: "?"))))
        ORDER BY l.id
        """, [.text(table), .integer(id), .integer(target), .text(ignored)]
      ) { row throws(DatabaseError) in (try row.text("row_key"), try row.text("analyst")) }
      for (key, who) in later where try bulkInsert(rows, holds: key, singleKey: single) {
        return (table, key, who)
      }
    }
    return nil
  }

  /// Applies the inverse of one logged change.
  private func revert(table: String, operation: String, key rowKey: String, before: String?, after: String?)
    throws
  {
    let (columns, key) = try tableColumns(table)
    let names = columns.map(quote).joined(separator: ", ")
    let byKey = words.keyMatch(key, "?1")
    switch (operation, before, after) {
    case ("insert", nil, _):
      try connection.run("DELETE FROM \(quote(table)) WHERE \(byKey)", [.text(rowKey)])
    case ("inserts", nil, nil):
      // Every row the bulk write inserted (by ranges of the id, or by key), newest first and one
      // by one: so that the log of this undo, undone in turn, puts each row back after those it
      // refers to (a proposal after the one it counters).
      var rows: [String] = []
      if key.count == 1 {
        guard let ranges = Self.idRanges(rowKey) else {
          throw StoreError.conflict("the change log has a bulk insert that Accord cannot read: \(rowKey)")
        }
        for (first, last) in ranges.sorted(by: { $0.first > $1.first }) {
          let found = try connection.all(
            """
            SELECT \(words.jsonKey([quote(key[0])])) FROM \(quote(table)) WHERE \(quote(key[0])) BETWEEN ? AND ?
            ORDER BY \(quote(key[0])) DESC
            """, [.integer(first), .integer(last)]
          ) { $0.text(0) }
          guard Int64(found.count) == last - first + 1 else {
            throw StoreError.conflict("cannot undo: rows of \(table) changed since; nothing was written")
          }
          rows += found
        }
      } else {
        rows = try connection.all(
          words.engine == .sqlite
            ? "SELECT json(value) FROM json_each(?) ORDER BY key DESC"
            : "SELECT CAST(value AS text) FROM json_array_elements(CAST(? AS json)) WITH ORDINALITY AS e (value, n) ORDER BY n DESC",
          [.text(rowKey)]
        ) { $0.text(0) }
      }
      for row in rows {
        try connection.run("DELETE FROM \(quote(table)) WHERE \(byKey)", [.text(row)])
        guard connection.changes == 1 else {
          throw StoreError.conflict("cannot undo: rows of \(table) changed since; nothing was written")
        }
      }
      return
    case ("delete", let before?, nil):
      try connection.run(
        "INSERT INTO \(quote(table)) (\(names)) SELECT \(values(of: columns, table: table, in: "?1"))",
        [.text(before)])
    case ("update", let before?, let after?):
      // The row as the update left it (by its key in `after`) takes its values from `before`.
      let match =
        switch words.engine {
        case .sqlite: key.map { "\(quote($0)) IS json_extract(?2, '$.\($0)')" }.joined(separator: " AND ")
        case .postgresql:
          key.map { "\(quote($0)) IS NOT DISTINCT FROM (\(record(table, "?2"))).\(quote($0))" }
            .joined(separator: " AND ")
        }
      try connection.run(
        "UPDATE \(quote(table)) SET (\(names)) = (SELECT \(values(of: columns, table: table, in: "?1"))) WHERE \(match)",
        [.text(before), .text(after)])
    default:
      throw StoreError.conflict("the change log has a change of \(table) that cannot be undone")
    }
    guard connection.changes == 1 else {
      throw StoreError.conflict("cannot undo: the \(table) row changed since; nothing was written")
    }
  }

  /// The values of `columns` in a logged row (`parameter`: a JSON object of the table's columns),
  /// as SQL expressions: read from the JSON on SQLite; on PostgreSQL, the row made from it with
  /// each column's own type (`json_populate_record`).
  private func values(of columns: [String], table: String, in parameter: String) -> String {
    switch words.engine {
    case .sqlite: columns.map { "json_extract(\(parameter), '$.\($0)')" }.joined(separator: ", ")
    case .postgresql: columns.map { "(\(record(table, parameter))).\(quote($0))" }.joined(separator: ", ")
    }
  }

  /// A row of `table` made from the JSON object in `parameter` (PostgreSQL).
  private func record(_ table: String, _ parameter: String) -> String {
    "json_populate_record(CAST(NULL AS \(quote(table))), CAST(\(parameter) AS json))"
  }

  /// A table's columns and primary key columns, from the schema (``historyTables()``).
  func tableColumns(_ table: String) throws -> (columns: [String], key: [String]) {
    if let known = schemaNames.columns[table] { return known }
    guard try historyTables().contains(table), Self.isPlainName(table) else {
      throw StoreError.conflict("the change log names a table Accord does not know: \(table)")
    }
    guard let names = schemaNames.columns[table] else {
      throw StoreError.conflict("table \(table) has a column Accord cannot name")
    }
    return names
  }

  static func isPlainName(_ name: String) -> Bool {
    !name.isEmpty && name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
  }

  func quote(_ name: String) -> String { "\"" + name + "\"" }
}
