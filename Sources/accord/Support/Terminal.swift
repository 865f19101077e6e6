import AccordSystem

/// The terminal standard output goes to, if it goes to one.
enum Terminal {
  /// How many columns a table may take on standard output: `$COLUMNS` when it is a positive
  /// number, else the width the terminal reports, else 80. Nil when standard output is not a
  /// terminal (piped or redirected): there nothing is cut, whatever `$COLUMNS` says.
  static let tableWidth: Int? = {
    let reported: Int?
    if let forced = TestHooks.terminalWidth {
      reported = forced > 0 ? forced : nil
    } else {
      guard System.isTerminal(System.standardOutput) else { return nil }
      reported = System.terminalColumns(System.standardOutput)
    }
    if let columns = System.environment("COLUMNS").flatMap({ Int($0) }), columns > 0 {
      return columns
    }
    return reported ?? 80
  }()
}
