import AccordSamples
import AccordStore
import ArgumentParser

struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Fill a new database with a deterministic synthetic record, for benchmarks.",
    shouldDisplay: false
  ).asLeaf

  @Option(help: ArgumentHelp("How many negotiations.", valueName: "n")) var negotiations = 10_000
  @Option(help: ArgumentHelp("How many developments.", valueName: "n")) var developments = 1_000_000
  @Option(help: ArgumentHelp("The random seed: the same seed gives the same record.", valueName: "n"))
  var seed: UInt64 = 1
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    guard negotiations >= 1 else { throw ValidationError("--negotiations must be at least 1") }
    guard developments >= 0 else { throw ValidationError("--developments cannot be negative") }
  }

  func run() throws {
    let store = try database.open()
    guard try store.negotiations().isEmpty else {
      throw StoreError.conflict("\(database.path) holds records already; generate into a new file")
    }
    let counts = try SyntheticCorpus(negotiations: negotiations, developments: developments, seed: seed)
      .generate(into: store)
    FileOutput.standardError.write(
      "Generated \(counts.negotiations) negotiations, \(counts.proposals) proposals, \(counts.steps) steps, "
        + "\(counts.conditions) conditions, \(counts.developments) developments in \(database.path)\n")
  }
}
