import AccordStore
import Foundation
import Testing

/// `accord export` and `accord import`, run as the real binary.
@Suite struct ImportCommandTests {
  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  static let fixtures =
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path
    + "/AccordTransferTests/Fixtures"

  @Test func exportThenImportGivesTheSameFile() throws {
    let example = sandbox.folder + "/example.sqlite"
    _ = try sandbox.output("example", "--db", example)
    for format in ["json", "ndjson"] {
      let first = try sandbox.output("export", "--db", example, "--format", format)
      let file = sandbox.folder + "/record.\(format)"
      #expect(try sandbox.output("export", "--db", example, "--format", format, "-o", file) == "")
      #expect(try String(contentsOfFile: file, encoding: .utf8) == first)
      let copy = sandbox.folder + "/copy-\(format).sqlite"
      let imported = try sandbox.output("import", file, "--db", copy)
      #expect(imported.hasPrefix("Added 35 records ("))
      #expect(try sandbox.output("export", "--db", copy, "--format", format) == first)
      // Again: nothing is added.
      #expect(
        try sandbox.output("import", file, "--db", copy).hasPrefix("Added 0 records; 35 were there already"))
    }
  }

  @Test func importReadsStandardInput() throws {
    let example = sandbox.folder + "/example.sqlite"
    _ = try sandbox.output("example", "--db", example)
    let file = sandbox.folder + "/record.ndjson"
    _ = try sandbox.output("export", "--db", example, "--format", "ndjson", "-o", file)
    // The sandbox gives the binary no standard input; a shell pipes the file in.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c", "\"$0\" import - --db \"$1\" < \"$2\"", try AccordBinary.path(), sandbox.db, file,
    ]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(text.hasPrefix("Added 35 records"))
  }

  @Test func aBrokenFileIsOneLineOnStderrAndChangesNothing() throws {
    try sandbox.initialize()
    try sandbox.add("actor", "add", "Ukraine", "--kind", "state", "--code", "UKR")
    let before = DatabaseSnapshot.of(sandbox.db)
    let file = sandbox.folder + "/bad.ndjson"
    try Data(
      (#"{"format":"accord-export","version":1}"# + "\n"
        + #"{"type":"negotiation","id":1,"slug":"talks","title":"Talks"}"# + "\n"
        + #"{"type":"development","id":1,"negotiation":"talks","date":"2025-02-30","text":"Met."}"# + "\n")
        .utf8
    ).write(to: URL(fileURLWithPath: file))
    let result = try sandbox.run("import", file)
    #expect(result.status == 64, "\(result)")
    #expect(result.stdout == "")
    #expect(
      result.stderr
        == "Error: line 3, record 2 (development 1): field 'date': '2025-02-30' is not a date: 2025-02 has 28 days\n"
    )
    #expect(DatabaseSnapshot.of(sandbox.db) == before)

    let missing = try sandbox.run("import", sandbox.folder + "/nothing.json")
    #expect(missing.status == 64)
    #expect(
      missing.stderr.hasPrefix("Error: cannot read \(sandbox.folder)/nothing.json: No such file or directory")
    )
  }

  @Test func aConflictExitsWithOne() throws {
    try sandbox.add("actor", "add", "Ukraine", "--kind", "state", "--code", "UKR")
    let file = sandbox.folder + "/conflict.ndjson"
    try Data(
      (#"{"format":"accord-export","version":1}"# + "\n"
        + #"{"type":"actor","id":1,"slug":"ukraine","name":"Ukraine","kind":"organization"}"# + "\n").utf8
    ).write(to: URL(fileURLWithPath: file))
    let before = DatabaseSnapshot.of(sandbox.db)
    let result = try sandbox.run("import", file)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == #"Error: line 2, record 1 (actor 1): actor 'ukraine' conflicts with the one in the database: field 'kind' is "state" there, "organization" in the file; records are never overwritten, so nothing was imported"#
        + "\n")
    #expect(DatabaseSnapshot.of(sandbox.db) == before)
  }

  @Test func paxAndUcdpImportAndShowTheirFacts() throws {
    let pax = try sandbox.output("import", "--from", "pax", Self.fixtures + "/pax-excerpt.csv")
    #expect(
      pax
        == "PA-X: 15 agreements (15 new, 0 there already); added 6 negotiations, 11 actors, 5 participants, "
        + "30 steps, 38 stage and signatory records\n"
        + "signatories: 26 matched to actors in 23 lists; 8 lists matched none (kept as written)\n")
    let ucdp = try sandbox.output("import", "--from", "ucdp", Self.fixtures + "/ucdp-excerpt.csv")
    #expect(ucdp.hasPrefix("UCDP: 11 agreements (11 new, 0 there already)"))
    // Again: nothing new, but the OSCE (named by UCDP) is now matched among Minsk's third parties.
    #expect(
      try sandbox.output("import", "--from", "pax", Self.fixtures + "/pax-excerpt.csv").hasPrefix(
        "PA-X: 15 agreements (0 new, 15 there already); added 0 negotiations, 0 actors, 1 participants, 0 steps, "
      ))
    #expect(
      try sandbox.output("import", "--from", "pax", Self.fixtures + "/pax-excerpt.csv").hasPrefix(
        "PA-X: 15 agreements (0 new, 15 there already); added 0 negotiations, 0 actors, 0 participants, 0 steps, "
          + "0 stage and signatory records\n"))
    let shown = try sandbox.output("negotiation", "show", "ukraine-peace-process")
    #expect(shown.contains("    from PA-X 1364; stage: implementation (Imp, ImpMod)\n"))
    #expect(shown.contains("    third parties: Ambassador Heidi Tagliavini\n"))
    #expect(shown.contains("    2015-02-12  signed [pax-1364]\n"))
    #expect(shown.contains("    2015-02-12  signed (Russia) [pax-1364]\n"))
    #expect(shown.contains("\nDeclarations (issued by one side alone)\n  On Peaceful Settlement"))
    // No unsigned deal: the unilateral documents are declarations, the 1992 draft is dormant.
    let unsigned = try sandbox.run("deals", "--unsigned", "--format", "json")
    #expect(unsigned.status == 0)
    #expect(unsigned.stdout == "[\n\n]\n" || unsigned.stdout == "[]\n")
    #expect(
      unsigned.stderr
        == "and 1 dormant draft left out (nothing on it for 365 days or more): --dormant to show it\n")
    let slugs = { (filter: String) throws -> Set<String> in
      let list = try #require(try self.sandbox.json("deals", filter) as? [[String: Any]])
      return Set(list.compactMap { $0["slug"] as? String })
    }
    #expect(try slugs("--dormant") == ["pax-1476"])
    #expect(try slugs("--declarations") == ["pax-930", "pax-1595", "pax-1732"])
    #expect(
      try sandbox.run("negotiation", "edit", "bosnia-peace-process", "--dormant-after", "20000").status == 0)
    #expect(try slugs("--unsigned") == ["pax-1476"])
    #expect(try sandbox.output("history").contains("dormant_after: null → 20000"))
    // The report says the same.
    #expect(
      try sandbox.run("negotiation", "edit", "bosnia-peace-process", "--dormant-after", "default").status == 0
    )
    let report = try sandbox.output("report", "bosnia-peace-process", "algeria-bouteflika-process")
    #expect(report.contains("None: no live draft awaits signature."))
    #expect(report.contains("- Bosnia peace process: 1 dormant draft, last active 1992-07-08\n"))
    #expect(report.contains("### Declarations\n\n- **Project de charte pour la paix"))
  }

  @Test func aFileThatIsNotTheDatasetIsAUsageError() throws {
    let result = try sandbox.run("import", "--from", "ucdp", Self.fixtures + "/pax-excerpt.csv")
    #expect(result.status == 64)
    #expect(result.stderr.hasSuffix("has no column 'paid': is it a UCDP Peace Agreement Dataset CSV file?\n"))
  }
}
