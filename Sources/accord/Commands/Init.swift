import AccordStore
import ArgumentParser

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create the database (or bring an existing one up to date) and print its path."
  ).asLeaf

  @OptionGroup var database: DatabaseOptions

  func run() throws {
    _ = try database.open()
    FileOutput.standardOutput.write(database.path + "\n")
  }
}
