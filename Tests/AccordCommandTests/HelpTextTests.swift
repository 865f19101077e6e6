import Foundation
import Testing

/// Every help screen as it prints in an 80-column terminal: prose wrapped by the parser alone (no
/// hard line breaks inside a paragraph), examples whole, placeholders that say what they are.
@Suite struct HelpTextTests {
  static let width = 80

  /// Every command path: `["actor", "add"]`, …, from the parser's own description of the tree.
  static func commandPaths(_ sandbox: Sandbox) throws -> [[String]] {
    let dump = try sandbox.run("--experimental-dump-help")
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
    var paths: [[String]] = []
    func walk(_ command: [String: Any], _ path: [String]) {
      paths.append(path)
      for sub in command["subcommands"] as? [[String: Any]] ?? [] {
        guard let name = sub["commandName"] as? String, name != "help" else { continue }
        walk(sub, path + [name])
      }
    }
    walk(try #require(root["command"] as? [String: Any]), [])
    return paths
  }

  @Test func everyHelpScreenReadsWell() throws {
    let sandbox = try Sandbox()
    let paths = try Self.commandPaths(sandbox)
    #expect(paths.count > 40)
    for path in paths {
      let result = try sandbox.run(path + ["--help"], environment: ["COLUMNS": "\(Self.width)"])
      let name = (["accord"] + path).joined(separator: " ")
      #expect(result.status == 0, "\(result)")
      let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      for problem in Self.problems(lines) {
        Issue.record("\(name) --help: \(problem)")
      }
    }
  }

  /// What is wrong with a help screen's lines, one message each.
  static func problems(_ lines: [String]) -> [String] {
    var problems: [String] = []
    let usage = lines.firstIndex { $0.hasPrefix("USAGE:") } ?? lines.count
    for (index, line) in lines.enumerated() {
      if index != usage && line.count > width { problems.append("longer than \(width): \(line)") }
    }
    // The overview and discussion, before USAGE: each paragraph of prose is as the parser
    // wraps one line, so a line ends early only where the next word would not fit.
    for index in 0..<max(0, usage - 1) {
      let line = lines[index]
      let next = lines[index + 1]
      guard !line.isEmpty, !next.isEmpty, !line.hasPrefix(" "), !next.hasPrefix(" "),
        !line.hasSuffix(":")
      else { continue }
      let word = next.split(separator: " ").first.map(String.init) ?? next
      if line.count + 1 + word.count + 1 <= width {
        problems.append("a line broken early: '\(line)' before '\(word)'")
      }
    }
    // Examples: an example line is whole, or continued by a shell line continuation.
    for (index, line) in lines.enumerated() where line.hasPrefix("  accord ") || line.hasPrefix("    ") {
      guard index < usage else { break }
      let next = index + 1 < lines.count ? lines[index + 1] : ""
      if line.hasSuffix(" \\") {
        if !next.hasPrefix("    ") { problems.append("an example continued by nothing: \(line)") }
      } else if !next.isEmpty && !next.hasPrefix("  accord ") {
        problems.append("an example split across lines: '\(line)' / '\(next)'")
      }
    }
    // Placeholders say what the value is, not the option's name again.
    let vague = [
      "on", "as-of", "from", "to", "since", "until", "published", "by", "with", "party", "limit", "page",
    ]
    for line in lines {
      for placeholder in vague where line.contains("--\(placeholder) <\(placeholder)>") {
        problems.append("placeholder <\(placeholder)> says nothing: \(line)")
      }
    }
    // A default stated once.
    for (index, line) in lines.enumerated() where line.hasPrefix("  -") {
      var text = line
      var next = index + 1
      while next < lines.count, lines[next].hasPrefix("                        ") {
        text += " " + lines[next].trimmingCharacters(in: .whitespaces)
        next += 1
      }
      if text.components(separatedBy: "(default").count > 2 {
        problems.append("a default given twice: \(text)")
      }
      if text.contains("(values:"), text.components(separatedBy: ", ").count > 6,
        let values = text.range(of: "(values:")
      {
        // The choices listed once: not also in the option's own words.
        let own = text[..<values.lowerBound]
        let list = text[values.upperBound...].split(separator: ",").prefix(3)
        if list.allSatisfy({ own.contains($0.trimmingCharacters(in: .whitespaces)) }) {
          problems.append("the choices listed twice: \(text)")
        }
      }
    }
    return problems
  }

  /// An option shared by several commands (AsOfOptions, RetractedOptions, DateRangeOptions) says
  /// the same on each; the commands for which it means something else without it have their own.
  @Test func aSharedOptionReadsTheSameEverywhere() throws {
    let sandbox = try Sandbox()
    // Without --as-of, all dates (actor show) or the example's day (example); with
    // --include-retracted, one record shown that is otherwise refused (the show commands).
    let own: Set = [
      "actor show --as-of", "example --as-of", "source show --include-retracted",
      "meeting show --include-retracted",
    ]
    // For each option, its help texts, each with the commands that print it.
    var texts: [String: [String: [String]]] = [:]
    for path in try Self.commandPaths(sandbox) {
      let command = path.joined(separator: " ")
      // Wide enough that every option's help is one line.
      let result = try sandbox.run(path + ["--help"], environment: ["COLUMNS": "250"])
      for line in result.stdout.split(separator: "\n").map(String.init) {
        for option in ["--as-of <date>", "--include-retracted", "--from <date>", "--to <date>"]
        where line.hasPrefix("  \(option) ") {
          let name = String(option.prefix { $0 != " " })
          guard !own.contains(command + " " + name) else { continue }
          let text = line.dropFirst(2 + option.count).trimmingCharacters(in: .whitespaces)
          texts[name, default: [:]][text, default: []].append(command)
        }
      }
    }
    let asOf = "The answer as it stood on this day (default: today)."
    #expect(texts["--as-of"]?.keys.sorted() == [asOf])
    #expect(texts["--as-of"]?[asOf]?.count ?? 0 >= 10, "\(texts)")
    let retracted = "Show retracted records too, marked (retracted)."
    #expect(texts["--include-retracted"]?.keys.sorted() == [retracted])
    #expect(texts["--include-retracted"]?[retracted]?.count ?? 0 >= 9, "\(texts)")
    #expect(texts["--from"]?.values.first?.sorted() == ["search", "timeline"], "\(texts)")
    #expect(texts["--to"]?.keys.count == 1, "\(texts)")
  }

  /// The checks themselves catch what they are for.
  @Test func theChecksCatchRaggedText() {
    let ragged = [
      "OVERVIEW: Copy the database.", "", "The copy is the record as it stood when the backup began,",
      "private to you.", "", "Examples:", "  accord proposal step paris-agreement withdrawal-notified --on",
      "2019-11-04", "", "USAGE: accord backup", "", "OPTIONS:", "  --on <on>               When.",
      "  --limit <n>             At most this many (default 100). (default: 100)",
    ]
    let found = Self.problems(ragged)
    #expect(found.contains { $0.hasPrefix("a line broken early") })
    #expect(found.contains { $0.hasPrefix("an example split") })
    #expect(found.contains { $0.hasPrefix("placeholder <on>") })
    #expect(found.contains { $0.hasPrefix("a default given twice") })
  }

  /// The help screens that the README shows are what the binary prints in 80 columns.
  @Test func theReadmeShowsHelpAsItPrints() throws {
    let readme = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "README.md"), encoding: .utf8)
    let sandbox = try Sandbox()
    var shown = 0
    for block in readme.components(separatedBy: "```\n").dropFirst().enumerated().filter({
      $0.offset % 2 == 0
    }) {
      let lines = block.element.split(separator: "\n", omittingEmptySubsequences: false)
      guard let first = lines.first, first.hasPrefix("$ accord "), first.hasSuffix(" --help") else {
        continue
      }
      let arguments = first.dropFirst("$ accord ".count).split(separator: " ").map(String.init)
      let result = try sandbox.run(arguments, environment: ["COLUMNS": "\(Self.width)"])
      let printed = result.stdout.trimmingCharacters(in: .newlines)
      #expect(
        lines.dropFirst().joined(separator: "\n").trimmingCharacters(in: .newlines) == printed, "\(first)")
      shown += 1
    }
    #expect(shown >= 4)
  }
}
