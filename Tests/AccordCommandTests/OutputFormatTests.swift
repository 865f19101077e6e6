import Foundation
import Testing

/// The three output formats: CSV by RFC 4180, JSON with snake_case keys, aligned tables.
@Suite struct OutputFormatTests {
  let sandbox: Sandbox
  static let awkwardName = #"Korea, Republic of "South""#

  init() throws {
    sandbox = try Sandbox()
    try sandbox.add(
      "actor", "add", Self.awkwardName, "--kind", "state", "--code", "KOR", "--id", "south-korea")
    try sandbox.add(
      "actor", "add", "Ukraine", "--kind", "state", "--code", "UKR", "--alias", "Україна")
    try sandbox.add(
      "actor", "add", "United States", "--kind", "state", "--code", "USA", "--alias", "US")
  }

  @Test func csvHasAHeaderAndQuotesByRFC4180() throws {
    let csv = try sandbox.output("actor", "list", "--format", "csv")
    #expect(csv.hasSuffix("\r\n"))
    let lines = csv.components(separatedBy: "\r\n").dropLast()
    #expect(
      Array(lines) == [
        "id,short id,name,kind,code,aliases",
        #"1,south-korea,"Korea, Republic of ""South""",state,KOR,"#,
        "2,ukraine,Ukraine,state,UKR,Україна",
        "3,united-states,United States,state,USA,US",
      ])
    // Parsed back, the awkward name is whole again.
    let fields = try #require(Self.parseCSV(csv).dropFirst().first)
    #expect(fields == ["1", "south-korea", Self.awkwardName, "state", "KOR", ""])
  }

  @Test func csvQuotesLineBreaks() throws {
    try sandbox.add(
      "negotiation", "add", "Talks", "--party", "Ukraine", "--party", "US", "--id", "talks")
    try sandbox.add("log", "talks", "Line one\nline two, \"quoted\"", "--on", "2025-02-15")
    let csv = try sandbox.output("negotiation", "show", "talks", "--format", "csv")
    let rows = Self.parseCSV(csv)
    #expect(rows.first == ["section", "date", "who", "what", "sources"])
    #expect(
      rows.dropFirst().first == [
        "development", "2025-02-15", "", "Line one\nline two, \"quoted\"", "",
      ])
  }

  @Test func jsonIsValidWithSnakeCaseKeys() throws {
    try sandbox.add(
      "negotiation", "add", "Talks", "--party", "Ukraine", "--party", "US", "--id", "talks")
    try sandbox.add(
      "proposal", "add", "talks", "Draft", "--by", "US", "--on", "2025-02-14", "--value", "$1.5bn")
    try sandbox.add(
      "condition", "add", "talks", "--by", "Ukraine", "--demands", "guarantees",
      "--in-exchange-for", "access",
      "--on", "2025-02-15")
    try sandbox.add("source", "add", "https://example.org/story", "--published", "2025-02-15")

    let list = try #require(try sandbox.json("negotiation", "list") as? [[String: Any]])
    try #require(list.count == 1)
    #expect(list[0].int("live_proposals") == 1)
    #expect(list[0].string("last_activity") == "2025-02-15")
    #expect(list[0].keys.contains("live_proposals"))
    #expect(!list[0].keys.contains("liveProposals"))

    for command in [
      ["negotiation", "list"], ["deals"], ["actor", "list"], ["actor", "show", "ukraine"],
      ["condition", "list"],
      ["source", "list"], ["negotiation", "show", "talks"],
    ] {
      let result = try sandbox.run(command + ["--format", "json"])
      #expect(result.status == 0, "\(result)")
      let value = try result.json()
      for key in Self.keys(of: value, skippingValuesOf: ["party_status"]) {
        #expect(
          key.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") },
          "\(command): \(key)")
      }
    }
  }

  @Test func jsonOfAnEmptyListIsAnEmptyArray() throws {
    let value = try sandbox.json("deals", "--unsigned")
    #expect((value as? [Any])?.isEmpty == true)
  }

  @Test func tableColumnsAreAligned() throws {
    let table = try sandbox.output("actor", "list")
    let lines = table.split(separator: "\n").map { Array($0) }
    try #require(lines.count == 4, "\(table)")
    let header = lines[0]
    #expect(String(header).hasPrefix("ID  SHORT ID"))
    // Where each header column starts.
    var starts: [Int] = []
    for (offset, character) in header.enumerated() where character != " " {
      if offset == 0 || header[offset - 1] == " " && (offset < 2 || header[offset - 2] == " ") {
        starts.append(offset)
      }
    }
    let titles = starts.indices.map { index in
      String(header[starts[index]..<(index + 1 < starts.count ? starts[index + 1] : header.count)])
        .trimmingCharacters(in: .whitespaces)
    }
    #expect(titles == ["ID", "SHORT ID", "NAME", "KIND", "CODE", "ALIASES"])
    let expected = [
      ["1", "south-korea", Self.awkwardName, "state", "KOR", ""],
      ["2", "ukraine", "Ukraine", "state", "UKR", "Україна"],
      ["3", "united-states", "United States", "state", "USA", "US"],
    ]
    for (line, cells) in zip(lines.dropFirst(), expected) {
      for (index, cell) in cells.enumerated() {
        let start = starts[index]
        let end = index + 1 < starts.count ? starts[index + 1] : line.count
        guard start <= line.count else {
          #expect(cell.isEmpty, "\(String(line)): column \(titles[index]) missing")
          continue
        }
        let text = String(line[start..<min(end, line.count)])
        // The cell starts exactly under its header, and runs no further than the next column.
        #expect(
          text.trimmingCharacters(in: .whitespaces) == cell,
          "\(String(line)) at column \(titles[index])")
        #expect(cell.isEmpty || text.hasPrefix(cell), "\(String(line)) at column \(titles[index])")
      }
    }
  }

  /// Every key of every JSON object in `value`, except inside the values of `skipped` keys (maps
  /// keyed by names).
  static func keys(of value: Any, skippingValuesOf skipped: Set<String>) -> [String] {
    if let object = value as? [String: Any] {
      return object.flatMap { key, inner in
        [key] + (skipped.contains(key) ? [] : keys(of: inner, skippingValuesOf: skipped))
      }
    }
    if let array = value as? [Any] {
      return array.flatMap { keys(of: $0, skippingValuesOf: skipped) }
    }
    return []
  }

  /// A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
  static func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
      if quoted {
        if character == "\"" {
          if characters.first == "\"" {
            field.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character == "," {
        row.append(field)
        field = ""
      } else if character == "\r\n" || character == "\n" {
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.append(character)
      }
    }
    if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
    return rows
  }
}
