import Foundation
import Testing

/// The README's tour runs as written: every command of its first block, in order, on a new
/// record, succeeds. (A command that a newcomer copies from the README and that fails is a bug of
/// the README or of Accord.)
@Suite struct ReadmeTourTests {
  /// The tour's commands: the first code block after "## A tour", lines joined where they end in
  /// a backslash, comments and blank lines left out, each split into words as a shell would.
  static func tourCommands() throws -> [[String]] {
    let readme = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "README.md"), encoding: .utf8)
    let tour = try #require(readme.firstRange(of: "## A tour"))
    let rest = readme[tour.upperBound...]
    let open = try #require(rest.firstRange(of: "```\n"))
    let body = rest[open.upperBound...]
    let close = try #require(body.firstRange(of: "\n```"))
    var commands: [[String]] = []
    var pending = ""
    for line in body[..<close.lowerBound].split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasSuffix("\\") {
        pending += line.dropLast() + " "
        continue
      }
      let whole = pending + line
      pending = ""
      let words = try shellWords(whole)
      if !words.isEmpty { commands.append(words) }
    }
    return commands
  }

  /// A line split into words as a POSIX shell splits a simple command: single and double quotes,
  /// backslash escapes outside single quotes, `#` starting a comment at the start of a word.
  static func shellWords(_ line: String) throws -> [String] {
    var words: [String] = []
    var word = ""
    var inWord = false
    var quote: Character?
    var escaped = false
    for character in line {
      if escaped {
        word.append(character)
        escaped = false
        continue
      }
      if let open = quote {
        if character == open {
          quote = nil
        } else if character == "\\" && open == "\"" {
          escaped = true
        } else {
          word.append(character)
        }
        continue
      }
      switch character {
      case "'", "\"":
        quote = character
        inWord = true
      case "\\":
        escaped = true
        inWord = true
      case " ", "\t":
        if inWord { words.append(word) }
        word = ""
        inWord = false
      case "#" where !inWord:
        return words
      default:
        word.append(character)
        inWord = true
      }
    }
    if quote != nil { throw TourLineError(line: line) }
    if inWord { words.append(word) }
    return words
  }

  struct TourLineError: Error, CustomStringConvertible {
    let line: String
    var description: String { "a quote is not closed in the README tour: \(line)" }
  }

  @Test func theTourRunsAsWritten() throws {
    let commands = try Self.tourCommands()
    #expect(commands.count > 60)
    let sandbox = try Sandbox()
    for command in commands {
      #expect(command.first == "accord", "a tour line that is not an accord command: \(command)")
      guard command.first == "accord" else { continue }
      // A day after the tour's last event, so that every date in it is in the past.
      let result = try sandbox.run(Array(command.dropFirst()), environment: ["ACCORD_TODAY": "2025-05-15"])
      #expect(result.status == 0, "\(result)")
    }
    // What the tour built: the counter-draft signed by both parties, the report written.
    let signed = try sandbox.run(
      ["deals", "--signed", "--format", "json"], environment: ["ACCORD_TODAY": "2025-05-15"])
    let deals = try #require(try signed.json() as? [[String: Any]])
    #expect(deals.map { $0["title"] as? String } == ["Ukraine counter-draft"], "\(deals)")
    #expect(FileManager.default.fileExists(atPath: sandbox.folder + "/brief.html"))
    #expect(FileManager.default.fileExists(atPath: sandbox.folder + "/accord-2025-03-01.sqlite"))
  }

  @Test func shellWordsSplitAsAShellDoes() throws {
    #expect(
      try Self.shellWords(#"accord log minerals "White House \"did\" not" --on 2025-02-15   # a comment"#)
        == ["accord", "log", "minerals", #"White House "did" not"#, "--on", "2025-02-15"])
    #expect(
      try Self.shellWords("accord quote add 'We’re #1' x#y") == ["accord", "quote", "add", "We’re #1", "x#y"])
    #expect(throws: TourLineError.self) { try Self.shellWords("accord log \"open") }
  }
}
