import AccordSQLite
import AccordStore
import ArgumentParser

struct Backup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Copy the database to a new file, whole and consistent, even while others write to it.",
    discussion: """
      The copy is the record as it stood when the backup began (SQLite's online backup), private to \
      you (mode 0600), and is put in place only once complete. An existing FILE is replaced only \
      with --force. On a team's PostgreSQL database (--db postgresql://…), it runs pg_dump, whose \
      file pg_restore reads back.

      Example:
        accord backup ~/backups/accord-2025-03-01.sqlite
      """
  ).asLeaf

  @Argument(help: "The file to write.") var file: String
  @Flag(help: "Replace FILE if it exists.") var force = false
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if file.isEmpty || file.hasSuffix("/") { throw ValidationError("name the file to write the backup to") }
  }

  func run() throws {
    if let url = database.postgresURL {
      try TeamDatabase.backup(url, to: file, replace: force)
      FileOutput.standardOutput.write(file + "\n")
      return
    }
    guard DatabaseAccess.isRegularFile(database.path) else {
      throw StoreError.cannotOpen(path: database.path, reason: "there is no such file to back up")
    }
    try database.openExisting().backup(to: file, replace: force)
    FileOutput.standardOutput.write(file + "\n")
  }
}
