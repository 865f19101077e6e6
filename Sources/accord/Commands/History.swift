import AccordPresentation
import AccordStore
import ArgumentParser

struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "The change log: every insert, update and delete, newest first, by whom and with what command.",
    discussion: """
      Without arguments, the whole log. With KIND and NAME, what concerns one record: its own row, \
      the rows that refer to it (a proposal's steps and citations, an actor's aliases) and its \
      retraction. KIND is one of \(RecordKind.listed) (named as everywhere else), or a table name \
      with a row number. Changes made outside Accord (the sqlite3 shell) show as by "sqlite3 shell".

      Examples:
        accord history actor zelenskyy
        accord history proposal 3
        accord history term 4
      """
  ).asLeaf

  @Argument(help: "The kind of record, or a table name.") var kind: String?
  @Argument(help: "Its short id, name or number.") var name: String?
  @Option(help: ArgumentHelp("At most this many changes.", valueName: "n")) var limit = 100
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if limit < 1 { throw ValidationError("--limit takes a number, 1 or more") }
    if kind != nil && name == nil {
      throw ValidationError("name the record after its kind: history actor zelenskyy")
    }
  }

  func run() throws {
    let store = try database.openExisting(team: true)
    let record = try kind.map { try store.historyRecord(kind: $0, name: name ?? "") }
    let entries = try store.history(of: record, limit: limit)
    try Render(output).records(
      entries, headers: ["id", "when", "analyst", "command", "change", "record", "what"],
      rows: entries.map { entry in
        let what = entry.changedFields.map { field in
          switch entry.operation {
          case "update": "\(field.column): \(field.before ?? "null") → \(field.after ?? "null")"
          default: "\(field.column)=\(field.after ?? field.before ?? "null")"
          }
        }.joined(separator: ", ")
        return [
          String(entry.id), entry.changedAt, entry.analyst, entry.arguments ?? "",
          entry.operation, "\(entry.table) \(entry.key)", what,
        ]
      })
  }
}
