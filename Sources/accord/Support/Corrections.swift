import AccordStore
import ArgumentParser

/// What every `edit` command shares: it names one record, corrects the fields given, and says
/// so in one line when the record already said so.
enum Corrections {
  static func run(_ kind: RecordKind, _ name: String, _ correction: Correction, _ database: DatabaseOptions)
    throws
  {
    let store = try database.open(team: true)
    let id = try store.resolveRecord(kind, name)
    if try store.correct(kind, id, correction) == 0 {
      FileOutput.standardError.write("\(kind.rawValue) \(id) says so already: nothing was written\n")
    }
  }

  /// An `edit` command's configuration: what it corrects, the shared discussion, and examples.
  static func configuration(abstract: String, examples: String...) -> CommandConfiguration {
    CommandConfiguration(
      commandName: "edit", abstract: abstract,
      discussion: discussion + "\n\n" + (examples.count == 1 ? "Example:" : "Examples:")
        + examples.map { "\n  " + $0 }.joined()
    ).asLeaf
  }

  static let discussion = """
    A correction changes the record in place, and is on the change log with what it replaced \
    ('accord history', 'accord changes'); 'accord undo' reverts it. To take back a whole record, \
    retract it.
    """
}
