import AccordPresentation
import AccordStore
import AccordSystem
import ArgumentParser

struct Changes: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "changes",
    abstract: "What was recorded lately, oldest first, in words: by recording time, not by when it happened.",
    discussion: """
      One line a fact: "added quote #7 by Volodymyr Zelenskyy", "recorded step #12: “Minerals \
      deal” signed (Ukraine)", "retracted step #2: misreported", "edited proposal #3: title …", \
      "undid '…'". Times are UTC, as the change log keeps them. 'accord history' has the rows \
      themselves.

      Examples:
        accord changes --since 2d
        accord changes --since 2025-03-01 --by alice
      """
  ).asLeaf

  @Option(
    help: ArgumentHelp(
      "From when: a day (2025-03-01, today, yesterday), a UTC time, or a span back from now (12h, 2d, 1w).",
      valueName: "when"))
  var since = "1w"
  @Option(help: ArgumentHelp("Only what this analyst recorded.", valueName: "analyst")) var by: String?
  @Option(help: ArgumentHelp("At most this many lines.", valueName: "n")) var limit = 500
  @OptionGroup var output: FormatOptions
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if limit < 1 { throw ValidationError("--limit takes a number, 1 or more") }
    _ = try Self.time(since)
  }

  func run() throws {
    let store = try database.openExisting(team: true)
    let changes = try store.recordedChanges(since: try Self.time(since), analyst: by, limit: limit)
    try Render(output).records(
      changes.map(RecordedChangeJSON.init), headers: ["recorded", "analyst", "what", "command"],
      rows: changes.map { change in
        [Self.shown(change.recordedAt), change.analyst, change.what, change.command ?? ""]
      })
  }

  /// `2025-03-01T09:30:12.345Z` as `2025-03-01 09:30`.
  static func shown(_ time: String) -> String {
    String(time.prefix(16)).replacing("T", with: " ")
  }

  /// The UTC time that `text` means, as the change log writes times: a span back from now
  /// (`30m`, `12h`, `2d`, `1w`), a day (its start), or a time as the log writes it.
  static func time(_ text: String) throws -> String {
    let units: [Character: Int] = ["m": 60, "h": 3600, "d": 86_400, "w": 604_800]
    if let unit = text.last, let seconds = units[unit], let count = Int(text.dropLast()), count >= 0 {
      // Further back than 1970 is as far back as the log can go.
      let (back, overflow) = count.multipliedReportingOverflow(by: seconds)
      let current = System.secondsSince1970()
      if overflow || back > current { return "0000-01-01T00:00:00" }
      let then = System.utc(current - back)
      func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
      return "\(then.year)-\(two(then.month))-\(two(then.day))T"
        + "\(two(then.hour)):\(two(then.minute)):\(two(then.second))"
    }
    if text.count > 10, text.dropFirst(10).first == "T",
      (try? parseDate(String(text.prefix(10)))) != nil
    {
      return text
    }
    guard let date = try? parseDate(text) else {
      throw ValidationError(
        "--since '\(text)' is not a time: give a day (2025-03-01, today, yesterday) or a span back from now (12h, 2d, 1w)"
      )
    }
    return date.first.description
  }
}
