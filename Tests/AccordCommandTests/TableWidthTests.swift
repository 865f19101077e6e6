import Foundation
import Testing

/// Tables fit the terminal: columns aligned by display width (CJK and emoji take two columns), the
/// widest columns cut first with `…`, whole text with `--wide`, and nothing cut when standard
/// output is not a terminal. A terminal is a real pseudo-terminal in one test, and the binary's
/// `ACCORD_TEST_TERMINAL_WIDTH` switch elsewhere (standard output counts as a terminal that
/// reports that many columns).
@Suite struct TableWidthTests {
  let sandbox: Sandbox
  static let longName = "中华人民共和国全国人民代表大会常务委员会"
  static let development =
    "The ministers met in Riyadh and, after a long night, said they were still talking about the minerals "
    + "and the security guarantees that Ukraine wants"

  init() throws {
    sandbox = try Sandbox()
    try sandbox.add(
      "actor", "add", "日本国", "--id", "japan", "--kind", "state", "--code", "JPN", "--alias", "Nippon")
    try sandbox.add(
      "actor", "add", "대한민국", "--id", "korea", "--kind", "state", "--code", "KOR", "--alias", "Hanguk")
    try sandbox.add(
      "actor", "add", "Ukraine 🇺🇦", "--id", "ukraine", "--kind", "state", "--code", "UKR", "--alias", "Україна"
    )
    try sandbox.add("actor", "add", "Cafe\u{301} group", "--id", "cafe", "--kind", "group")
  }

  /// Columns a line takes by the rules, for the characters these tests use: a character with a
  /// CJK, Hangul or emoji scalar takes 2, any other (a letter with a combining accent too) 1.
  static func columns(_ text: some StringProtocol) -> Int {
    text.reduce(0) { total, character in
      let wide = character.unicodeScalars.contains { scalar in
        [0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xFF00...0xFF60, 0x1F1E6...0x1FAFF].contains {
          $0.contains(scalar.value)
        }
      }
      return total + (wide ? 2 : 1)
    }
  }

  /// The display column at which `cell` starts in `line`, the first at or after `from`; and where
  /// it ends.
  static func column(of cell: String, in line: Substring, from: Substring.Index? = nil) throws -> (
    column: Int, end: Substring.Index
  ) {
    let found = try #require(line[(from ?? line.startIndex)...].range(of: cell), "\(cell) in \(line)")
    return (columns(line[..<found.lowerBound]), found.upperBound)
  }

  /// Runs `accord` on a terminal that reports `width` columns (the binary's test switch).
  func onTerminal(_ width: Int, _ arguments: String..., columns: String? = nil) throws -> [Substring] {
    let result = try sandbox.run(
      arguments, environment: ["ACCORD_TEST_TERMINAL_WIDTH": String(width), "COLUMNS": columns])
    #expect(result.status == 0, "\(result)")
    return result.stdout.split(separator: "\n")
  }

  @Test func wideCharactersKeepColumnsInLine() throws {
    let lines = try sandbox.output("actor", "list").split(separator: "\n")
    #expect(
      lines == [
        "ID  SHORT ID  NAME        KIND   CODE  ALIASES",
        "4   cafe      Cafe\u{301} group  group",
        "3   ukraine   Ukraine 🇺🇦  state  UKR   Україна",
        "1   japan     日本国      state  JPN   Nippon",
        "2   korea     대한민국    state  KOR   Hanguk",
      ])
    // Every row's cells start at the display column of their header.
    let header = try #require(lines.first)
    let starts = try ["NAME", "KIND", "CODE", "ALIASES"].map { try Self.column(of: $0, in: header).column }
    for (line, cells) in zip(
      lines.dropFirst(),
      [
        ["Cafe\u{301} group", "group"], ["Ukraine 🇺🇦", "state", "UKR", "Україна"],
        ["日本国", "state", "JPN", "Nippon"], ["대한민국", "state", "KOR", "Hanguk"],
      ])
    {
      var from = line.index(line.startIndex, offsetBy: "ID  SHORT ID  ".count)
      for (cell, start) in zip(cells, starts) {
        let found = try Self.column(of: cell, in: line, from: from)
        #expect(found.column == start, "\(cell) in \(line)")
        from = found.end
      }
    }
  }

  @Test func aNarrowTerminalCutsTheWidestColumnsFirst() throws {
    try sandbox.add("actor", "add", Self.longName, "--id", "npc", "--kind", "organization")
    let lines = try onTerminal(50, "actor", "list")
    #expect(
      lines == [
        "ID  SHORT ID  NAME        KIND       CODE  ALIASES",
        "4   cafe      Cafe\u{301} group  group",
        "3   ukraine   Ukraine 🇺🇦  state      UKR   Україна",
        "5   npc       中华人民…   organiza…",
        "1   japan     日本国      state      JPN   Nippon",
        "2   korea     대한민국    state      KOR   Hanguk",
      ])
    for line in lines { #expect(Self.columns(line) <= 50, "\(line)") }
    let kind = try Self.column(of: "KIND", in: try #require(lines.first)).column
    #expect(try Self.column(of: "organiza…", in: lines[3]).column == kind)
  }

  @Test func columnsComesFirstAndEightyIsTheDefault() throws {
    try sandbox.add("negotiation", "add", "Talks", "--id", "talks", "--party", "japan", "--party", "korea")
    try sandbox.add("log", "talks", Self.development, "--on", "2025-02-15")
    // $COLUMNS, when a positive number, over what the terminal reports.
    let fifty = try onTerminal(50, "timeline", "talks")
    #expect(try onTerminal(120, "timeline", "talks", columns: "50") == fifty)
    #expect(fifty.last == "2025-02-15  development  The minist…")
    for columns in ["0", "-3", "wide", ""] {
      #expect(try onTerminal(50, "timeline", "talks", columns: columns) == fifty, "COLUMNS=\(columns)")
    }
    // A terminal that reports no width: 80 columns.
    let eighty = try onTerminal(0, "timeline", "talks")
    #expect(eighty.map { Self.columns($0) }.max() == 80)
    #expect(eighty.last == "2025-02-15  development  The ministers met in Riyadh and, after a…")
  }

  @Test func wideAndPipedOutputShowWholeText() throws {
    try sandbox.add("actor", "add", Self.longName, "--id", "npc", "--kind", "organization")
    try sandbox.add("negotiation", "add", "Talks", "--id", "talks", "--party", "japan", "--party", "npc")
    try sandbox.add("log", "talks", Self.development, "--on", "2025-02-15")
    let snippet = try #require(
      (try sandbox.json("search", "ministers") as? [[String: Any]])?.first?["snippet"] as? String)
    for command in [["actor", "list"], ["timeline", "talks"], ["search", "ministers"]] {
      // Piped: nothing cut, whatever $COLUMNS says (a search snippet's own `…` aside).
      let piped = try sandbox.run(command, environment: ["COLUMNS": "30"])
      #expect(piped.status == 0, "\(piped)")
      #expect(!piped.stdout.replacing(snippet, with: "").contains("…"), "\(piped)")
      // --wide on a terminal: the same whole text.
      let wide = try sandbox.run(
        command + ["--wide"], environment: ["ACCORD_TEST_TERMINAL_WIDTH": "30", "COLUMNS": nil])
      #expect(wide.stdout == piped.stdout, "\(wide)")
    }
    #expect(try sandbox.output("search", "ministers").hasSuffix("  \(snippet)\n"))
    let piped = try sandbox.output("actor", "list")
    #expect(piped.contains("5   npc       \(Self.longName)  organization"))
    // Text longer than the 60 characters a cell once was cut to.
    let timeline = try sandbox.output("timeline", "talks")
    #expect(timeline.contains(Self.development))
  }

  @Test func aCutSnippetKeepsItsHighlightWhole() throws {
    try sandbox.add("negotiation", "add", "Talks", "--id", "talks", "--party", "japan", "--party", "korea")
    try sandbox.add("log", "talks", Self.development, "--on", "2025-02-15")
    let lines = try onTerminal(70, "search", "guarantees")
    #expect(
      lines == [
        "KIND         ID  DATE        NEGOTIATION  WHO  MATCH",
        "development  1   2025-02-15  talks             …ity **guarantees** th…",
      ])
    // Two highlights, the second cut through: it loses its marks, the first stays whole.
    for width in 60...90 {
      let match = try #require(try onTerminal(width, "search", "still OR guarantees").last)
      #expect(Self.columns(match) <= width, "\(match)")
      #expect(match.contains("**still**"), "\(width): \(match)")
      let marks = match.components(separatedBy: "**").count - 1
      #expect(marks == 2 || marks == 4, "\(width): \(match)")
      #expect(!match.replacing("**", with: "").contains("*"), "\(width): \(match)")
    }
    // Too narrow for the highlight with its marks: cut inside them.
    try sandbox.add("log", "talks", "Talks on supercalifragilisticexpialidocious terms", "--on", "2025-02-16")
    let narrow = try #require(try onTerminal(60, "search", "supercalifragilisticexpialidocious").last)
    #expect(narrow.hasSuffix("  …**superca…**"), "\(narrow)")
  }

  /// On a real terminal (a pseudo-terminal 50 columns wide, made by util-linux `script`), without
  /// the test switch: the width it reports, and $COLUMNS over it.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func aRealTerminalIsMeasured() throws {
    try sandbox.add("negotiation", "add", "Talks", "--id", "talks", "--party", "japan", "--party", "korea")
    try sandbox.add("log", "talks", Self.development, "--on", "2025-02-15")
    let reported = try onPseudoTerminal(columns: 50, ["timeline", "talks"])
    #expect(reported == (try onTerminal(50, "timeline", "talks")))
    #expect(reported.last == "2025-02-15  development  The minist…")
    let columns = try onPseudoTerminal(columns: 50, ["timeline", "talks"], environment: ["COLUMNS": "70"])
    #expect(columns == (try onTerminal(70, "timeline", "talks")))
  }

  /// The lines `accord` prints with its standard output on a pseudo-terminal `columns` wide.
  func onPseudoTerminal(columns: Int, _ arguments: [String], environment extra: [String: String] = [:]) throws
    -> [Substring]
  {
    var environment = sandbox.environment
    environment["ACCORD"] = try AccordBinary.path()
    // Through env(1): the shell between may have set COLUMNS to the terminal's width.
    let columnsVariable = extra["COLUMNS"].map { "COLUMNS=\($0)" } ?? "-u COLUMNS"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = [
      "--quiet", "--return", "--command",
      "stty cols \(columns) rows 24; exec env \(columnsVariable) \"$ACCORD\" "
        + arguments.map { "'\($0)'" }.joined(separator: " "),
      "/dev/null",
    ]
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    // The terminal writes each line end as "\r\n".
    return String(decoding: data, as: UTF8.self).replacing("\r\n", with: "\n").split(separator: "\n")
  }
}
