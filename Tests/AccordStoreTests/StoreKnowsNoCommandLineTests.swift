import Foundation
import Testing

/// The storage modules know nothing of the command line: they read no environment (the command
/// that opens a store gives it a `StoreConfiguration`), and no text of them names an option of a
/// command (what the analyst gave or left out is a typed `StoreError` that the command words).
/// This reads every Swift file in Sources/AccordStore and Sources/AccordSQLite. Text for people
/// that describes the schema or the steps (a view's description, the README's step table) may name
/// the commands that answer the same: each such literal is listed below, with why.
@Suite struct StoreKnowsNoCommandLineTests {
  static let modules = ["AccordStore", "AccordSQLite"]

  /// Reviewed literals that name an option, by file (under Sources/): none. (The descriptions of
  /// the views for Datasette and the status rule's words, which name the commands that list the
  /// same rows, are AccordPresentation's.)
  static let reviewed: [String: Set<String>] = [:]

  /// Swift files of the store and of its SQLite layer: name under Sources/, and text.
  static func storeFiles() throws -> [(name: String, source: String)] {
    var found: [(name: String, source: String)] = []
    for module in modules {
      let folder = SQLTextTests.sources.appending(path: module, directoryHint: .isDirectory)
      let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
      for case let url as URL in files where url.pathExtension == "swift" {
        let name = module + "/" + String(url.path.dropFirst(folder.path.count + 1))
        found.append((name: name, source: try String(contentsOf: url, encoding: .utf8)))
      }
    }
    return found
  }

  /// The options (`--party`) that `text` names.
  static func optionNames(in text: String) -> [String] {
    text.matches(of: #/(?:^|[^\w-])(--[a-z][a-z-]*)/#).map { String($0.output.1) }
  }

  /// Code that reads the environment, outside comments.
  static func environmentReads(in source: String) -> [String] {
    source.split(separator: "\n").filter { line in
      !line.trimmingCharacters(in: .whitespaces).hasPrefix("//")
        && line.contains(#/\bgetenv\s*\(|\benviron\b|\bProcessInfo\b|\bsetenv\s*\(/#)
    }.map { $0.trimmingCharacters(in: .whitespaces) }
  }

  @Test func theStoreReadsNoEnvironment() throws {
    let files = try Self.storeFiles()
    #expect(files.count > 50, "found only \(files.count) files: is the path right?")
    var reads: [String] = []
    for (name, source) in files {
      reads += Self.environmentReads(in: source).map { "\(name): \($0)" }
    }
    #expect(reads.isEmpty, "the store reads the environment:\n\(reads.joined(separator: "\n"))")
  }

  @Test func noTextOfTheStoreNamesAnOption() throws {
    var checked = 0
    var named: [String] = []
    for (name, source) in try Self.storeFiles() {
      for literal in SQLTextTests.stringLiterals(in: source) {
        checked += 1
        let options = Self.optionNames(in: literal.text)
        if !options.isEmpty && !(Self.reviewed[name]?.contains(literal.text) ?? false) {
          named.append("\(name): \(options.joined(separator: ", ")) in \"\(literal.text.prefix(100))\"")
        }
      }
    }
    #expect(checked > 500, "found only \(checked) literals: is the scanner broken?")
    let found = named.joined(separator: "\n")
    #expect(named.isEmpty, "store text that names options of a command (throw a typed StoreError):\n\(found)")
  }

  /// Each reviewed literal is still there: a list of exceptions does not outlive them.
  @Test func everyReviewedLiteralIsThere() throws {
    let files = Dictionary(uniqueKeysWithValues: try Self.storeFiles().map { ($0.name, $0.source) })
    for (name, texts) in Self.reviewed {
      let literals = Set(SQLTextTests.stringLiterals(in: files[name] ?? "").map(\.text))
      for text in texts { #expect(literals.contains(text), "\(name) no longer has \"\(text)\"") }
    }
  }

  /// The scanner sees an option in a message and an environment read, and not an SQL comment,
  /// a negative number or a comment.
  @Test func theScannerSeesOptionsAndEnvironmentReads() {
    #expect(Self.optionNames(in: "a negotiation needs at least one --party") == ["--party"])
    #expect(Self.optionNames(in: "--dormant-after takes a number") == ["--dormant-after"])
    #expect(Self.optionNames(in: "SELECT 1 -- a comment; x--y; -1 --2").isEmpty)
    #expect(
      Self.environmentReads(in: "  // getenv(\"X\")\n  let x = getenv(\"ACCORD_TODAY\")\n")
        == ["let x = getenv(\"ACCORD_TODAY\")"])
  }
}
