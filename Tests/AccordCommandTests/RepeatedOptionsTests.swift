import AccordStore
import Foundation
import Testing

/// Nothing typed is silently dropped. This walks every command's options, as the binary itself
/// describes them (`--experimental-dump-help`): an option that can repeat records every value given
/// (a scenario below proves it, and a new repeatable option without one fails here), and an option
/// that takes one value refuses a second, different one in one line, exit 64, writing nothing.
@Suite struct RepeatedOptionsTests {
  /// Every leaf command's path and its options: (long name, repeats).
  static func options() throws -> [(command: [String], options: [(name: String, repeats: Bool)])] {
    let sandbox = try Sandbox()
    let dump = try sandbox.run("--experimental-dump-help")
    let json = try #require(try dump.json() as? [String: Any])
    var result: [(command: [String], options: [(name: String, repeats: Bool)])] = []
    func walk(_ command: [String: Any], _ path: [String]) {
      let subcommands = command["subcommands"] as? [[String: Any]] ?? []
      if subcommands.isEmpty, path != ["help"] {
        let arguments = command["arguments"] as? [[String: Any]] ?? []
        let options = arguments.filter { $0["kind"] as? String == "option" }.compactMap {
          argument -> (String, Bool)? in
          guard let names = argument["names"] as? [[String: Any]],
            let long = names.first(where: { $0["kind"] as? String == "long" })?["name"] as? String
          else { return nil }
          return ("--" + long, argument["isRepeating"] as? Bool ?? false)
        }
        result.append((path, options))
      }
      for sub in subcommands { walk(sub, path + [sub["commandName"] as? String ?? "?"]) }
    }
    walk(try #require(json["command"] as? [String: Any]), [])
    return result
  }

  /// A valid command line for each command, so that the parser accepts it and the rule is what
  /// answers.
  static let bases: [String: [String]] = [
    "init": [], "example": [], "actor add": ["X", "--kind", "state", "--of", "y"], "actor list": [],
    "actor show": ["x"], "actor alias": ["x", "y"], "actor office": ["x", "--of", "y"],
    "actor merge": ["x", "y"], "negotiation add": ["T", "--party", "p"], "negotiation list": [],
    "negotiation show": ["n"], "negotiation join": ["n", "a", "--as", "party"],
    "negotiation leave": ["n", "a", "--on", "2025-01-01"],
    "meeting add": ["n", "--on", "2025-01-01", "--with", "a"],
    "proposal add": ["n", "T", "--by", "a", "--on", "2025-01-01"],
    "proposal step": ["p", "signed", "--on", "2025-01-01"], "proposal show": ["p"],
    "condition add": ["n", "--by", "a", "--on", "2025-01-01"], "condition list": [],
    "condition update": ["1", "accepted", "--on", "2025-01-01"],
    "quote add": ["words", "--by", "a", "--on", "2025-01-01"], "source add": ["https://x.example"],
    "source list": [], "log": ["n", "t"], "deals": [], "export": [],
    "import": ["f", "--from", "treaty-status", "--proposal", "p"],
    "timeline": ["n"], "search": ["w"], "report": [], "generate": [], "backup": ["f"], "check": [],
    "team init": ["postgresql://127.0.0.1:1/accord"], "copy": ["--to", "postgresql://127.0.0.1:1/accord"],
    "datasette-metadata": [],
    "history": [], "undo": [], "retract": ["step", "1", "--reason", "r"],
    "actor member": ["b", "--add", "x"], "condition show": ["1"],
    "condition revise": ["1", "text", "--on", "2025-01-01"], "positions": ["n"],
    "deadline add": ["n", "T", "--on", "2025-01-01"], "deadlines": [],
    "proposal link": ["p", "--implements", "q"], "proposal edit": ["p", "--counters", "none"],
    "negotiation edit": ["n", "--dormant-after", "30"], "changes": [], "proposal list": [],
    "meeting list": [], "meeting show": ["1"], "meeting edit": ["1", "--at", "x"], "quote list": [],
    "quote edit": ["1", "--text", "x"], "source show": ["s"], "source edit": ["s", "--title", "x"],
    "development list": [], "development edit": ["1", "--text", "x"], "step edit": ["1", "--note", "x"],
    "condition edit": ["1", "--note", "x"],
  ]

  /// `arguments` without `option` and its value.
  static func without(_ option: String, _ arguments: [String]) -> [String] {
    var result: [String] = []
    var skip = false
    for argument in arguments {
      if skip {
        skip = false
      } else if argument == option {
        skip = true
      } else {
        result.append(argument)
      }
    }
    return result
  }

  /// Two different values that the parser takes for `option` of `command`.
  static func values(_ command: String, _ option: String) -> (String, String) {
    switch option {
    case "--on", "--as-of", "--since", "--until", "--published", "--effective", "--to":
      return ("2025-03-01", "2025-03-02")
    case "--from" where command != "import": return ("2025-03-01", "2025-03-02")
    case "--from": return ("pax", "ucdp")
    case "--format" where command == "report": return ("html", "json")
    case "--format" where command == "export": return ("json", "ndjson")
    case "--format": return ("json", "csv")
    case "--kind": return ("state", "group")
    case "--as": return ("party", "observer")
    case "--limit", "--page", "--stale", "--developments", "--quotes", "--negotiations", "--seed",
      "--upcoming":
      return ("1", "2")
    default: return ("first", "second")
    }
  }

  @Test func anOptionThatTakesOneValueRefusesASecondOne() throws {
    let sandbox = try Sandbox()
    try sandbox.add("actor", "add", "Ukraine", "--kind", "state")
    let before = DatabaseSnapshot.of(sandbox.db)
    var checked = 0
    for (command, options) in try Self.options() {
      let key = command.joined(separator: " ")
      let base = try #require(
        Self.bases[key], "no valid command line for '\(key)' in RepeatedOptionsTests.bases")
      for (option, repeats) in options where !repeats {
        // The option under test is given twice, and nowhere else.
        var line = command + Self.without(option, base)
        // `import --from` other than treaty-status takes no --proposal.
        if key == "import" && option == "--from" { line = command + ["f"] }
        // A stance of `condition add` is given once, as the option under test.
        if key == "condition add"
          && !["--demands", "--offers", "--precondition", "--red-line"].contains(option)
        {
          line += ["--demands", "a term"]
        }
        let (first, second) = Self.values(key, option)
        let result = try sandbox.run(line + [option, first, option, second])
        #expect(result.status == 64, "\(key) \(option): \(result)")
        #expect(
          result.stderr
            == "Error: \(option) takes one value, and was given 2 ('\(first)', '\(second)'): give it once\n",
          "\(key) \(option): \(result)")
        // The same value twice drops nothing: it is not refused for that (run on a scratch
        // database, since such a command may well write).
        let scratch = option == "--db" ? [] : ["--db", sandbox.folder + "/scratch.sqlite"]
        let twice = try sandbox.run(line + [option, first, option, first] + scratch)
        #expect(!twice.stderr.contains("takes one value"), "\(key) \(option): \(twice)")
        checked += 1
      }
    }
    #expect(checked > 80, "checked only \(checked) options")
    #expect(DatabaseSnapshot.of(sandbox.db) == before)
  }

  /// How each repeatable option is shown to record every value, by "command --option".
  static let scenarios: [String: @Sendable (Sandbox) throws -> Void] = [
    "actor add --alias": { s in
      try s.add(
        "actor", "add", "Türkiye", "--kind", "state", "--alias", "Turkey", "--alias", "Türkiye Cumhuriyeti")
      let actor = try #require(try s.json("actor", "show", "Turkey") as? [String: Any])
      #expect(
        ((actor["actor"] as? [String: Any])?["aliases"] as? [String]) == ["Turkey", "Türkiye Cumhuriyeti"])
    },
    "negotiation add --party": { s in try expectParticipants(s, "--party", "party") },
    "negotiation add --mediator": { s in try expectParticipants(s, "--mediator", "mediator") },
    "negotiation add --guarantor": { s in try expectParticipants(s, "--guarantor", "guarantor") },
    "negotiation add --observer": { s in try expectParticipants(s, "--observer", "observer") },
    "negotiation add --tag": { s in
      try s.add(
        "negotiation", "add", "Talks", "--id", "talks", "--party", "Ukraine", "--tag", "a", "--tag", "b")
      #expect(
        (try s.json("negotiation", "show", "talks") as? [String: Any])?["tags"] as? [String] == ["a", "b"])
    },
    "meeting add --with": { s in
      try s.add("meeting", "add", "minerals", "--on", "2025-02-14", "--with", "Ukraine", "--with", "US")
      let detail = try #require(try s.json("negotiation", "show", "minerals") as? [String: Any])
      let meeting = try #require((detail["meetings"] as? [[String: Any]])?.first)
      #expect(meeting["participants"] as? [String] == ["Ukraine", "United States"])
    },
    "meeting add --source": { s in
      try s.add(
        "meeting", "add", "minerals", "--on", "2025-02-14", "--with", "Ukraine", "--source", "one",
        "--source", "two")
      let detail = try #require(try s.json("negotiation", "show", "minerals") as? [String: Any])
      #expect((detail["meetings"] as? [[String: Any]])?.first?["sources"] as? [String] == ["one", "two"])
    },
    "proposal add --source": { s in
      try s.add(
        "proposal", "add", "minerals", "Offer", "--id", "offer", "--by", "US", "--on", "2025-02-12",
        "--source",
        "one", "--source", "two")
      let shown = try #require(try s.json("proposal", "show", "offer") as? [String: Any])
      #expect((shown["proposal"] as? [String: Any])?["sources"] as? [String] == ["one", "two"])
    },
    "proposal step --party": { s in
      try s.add("proposal", "add", "minerals", "Offer", "--id", "offer", "--by", "US", "--on", "2025-02-12")
      let result = try s.run(
        "proposal", "step", "offer", "signed", "--on", "2025-02-20", "--party", "Ukraine", "--party", "US")
      #expect(result.status == 0, "\(result)")
      #expect(result.stdout.split(separator: "\n").count == 2, "one number a party: \(result)")
      let shown = try #require(try s.json("proposal", "show", "offer") as? [String: Any])
      let parties = (shown["parties"] as? [[String: Any]] ?? []).map {
        "\($0["party"] ?? "") \($0["state"] ?? "")"
      }
      #expect(parties == ["Ukraine signed", "United States signed"])
    },
    "proposal step --source": { s in
      try s.add("proposal", "add", "minerals", "Offer", "--id", "offer", "--by", "US", "--on", "2025-02-12")
      try s.add(
        "proposal", "step", "offer", "rejected", "--on", "2025-02-15", "--source", "one", "--source", "two")
      let shown = try #require(try s.json("proposal", "show", "offer") as? [String: Any])
      let steps = (shown["proposal"] as? [String: Any])?["steps"] as? [[String: Any]]
      #expect(steps?.last?["sources"] as? [String] == ["one", "two"])
    },
    "condition add --in-exchange-for": { s in
      try s.add(
        "condition", "add", "minerals", "--by", "Ukraine", "--demands", "guarantees", "--on", "2025-02-15",
        "--in-exchange-for", "minerals", "--in-exchange-for", "ports")
      let list = try #require(try s.json("condition", "list") as? [[String: Any]])
      #expect(list.first?["in_exchange_for"] as? [String] == ["minerals", "ports"])
    },
    "condition add --conditional-on": { s in
      try s.add(
        "condition", "add", "minerals", "--by", "Ukraine", "--demands", "guarantees", "--on", "2025-02-15",
        "--conditional-on", "ceasefire", "--conditional-on", "elections")
      let list = try #require(try s.json("condition", "list") as? [[String: Any]])
      #expect(list.first?["conditional_on"] as? [String] == ["ceasefire", "elections"])
    },
    "condition add --source": { s in
      try s.add(
        "condition", "add", "minerals", "--by", "Ukraine", "--demands", "guarantees", "--on", "2025-02-15",
        "--source", "one", "--source", "two")
      let list = try #require(try s.json("condition", "list") as? [[String: Any]])
      #expect(list.first?["sources"] as? [String] == ["one", "two"])
    },
    "condition update --by": { s in
      try s.add("actor", "add", "United Kingdom", "--kind", "state", "--alias", "UK")
      try s.run("negotiation", "join", "minerals", "UK", "--as", "party")
      try s.add(
        "condition", "add", "minerals", "--by", "Ukraine", "--demands", "guarantees", "--on", "2025-02-15")
      let result = try s.run(
        "condition", "update", "1", "accepted", "--on", "2025-04-30", "--by", "US", "--by", "UK")
      #expect(result.status == 0, "\(result)")
      #expect(result.stdout.split(separator: "\n").count == 2, "one number an answer: \(result)")
      let timeline = try #require(try s.json("timeline", "minerals") as? [[String: Any]])
      let answers = timeline.filter { $0["kind"] as? String == "answer" }.compactMap {
        $0["who"] as? [String]
      }
      #expect(answers == [["United States"], ["United Kingdom"]])
    },
    "condition update --source": { s in
      try s.add(
        "condition", "add", "minerals", "--by", "Ukraine", "--demands", "guarantees", "--on", "2025-02-15")
      try s.add(
        "condition", "update", "1", "dropped", "--on", "2025-03-01", "--source", "one", "--source", "two")
      let timeline = try #require(try s.json("timeline", "minerals") as? [[String: Any]])
      #expect(timeline.last?["sources"] as? [String] == ["one", "two"])
    },
    "quote add --source": { s in
      try s.add(
        "quote", "add", "We are still talking.", "--by", "Ukraine", "--on", "2025-02-15", "--negotiation",
        "minerals", "--source", "one", "--source", "two")
      let timeline = try #require(try s.json("timeline", "minerals") as? [[String: Any]])
      #expect(timeline.last?["sources"] as? [String] == ["one", "two"])
    },
    "log --actor": { s in
      try s.add("log", "minerals", "A call", "--on", "2025-02-16", "--actor", "Ukraine", "--actor", "US")
      let timeline = try #require(try s.json("timeline", "minerals") as? [[String: Any]])
      #expect(timeline.last?["who"] as? [String] == ["Ukraine", "United States"])
    },
    "log --source": { s in
      try s.add("log", "minerals", "A call", "--on", "2025-02-16", "--source", "one", "--source", "two")
      let timeline = try #require(try s.json("timeline", "minerals") as? [[String: Any]])
      #expect(timeline.last?["sources"] as? [String] == ["one", "two"])
    },
    "actor member --add": { s in
      try s.add("actor", "add", "Contact group", "--kind", "group", "--id", "contact")
      let result = try s.run(
        "actor", "member", "contact", "--add", "Ukraine", "--add", "US", "--since", "2025-01-01")
      #expect(result.stdout.split(separator: "\n").count == 2, "one number a member: \(result)")
      let shown = try #require(try s.json("actor", "show", "contact") as? [String: Any])
      let members = (shown["bloc_members"] as? [[String: Any]] ?? []).compactMap { $0["member"] as? String }
      #expect(members == ["Ukraine", "United States"])
    },
    "condition revise --source": { s in
      try s.add(
        "condition", "add", "minerals", "--by", "Ukraine", "--demands", "guarantees", "--on", "2025-02-15")
      try s.add(
        "condition", "revise", "1", "guarantees by treaty", "--on", "2025-03-01", "--source", "one",
        "--source",
        "two")
      let list = try #require(try s.json("condition", "list") as? [[String: Any]])
      #expect(
        list.map { "\($0["term"] ?? "") \($0["state"] ?? "")" } == [
          "guarantees revised", "guarantees by treaty open",
        ])
      #expect(list.last?["sources"] as? [String] == ["one", "two"])
    },
    "deadline add --source": { s in
      try s.add(
        "deadline", "add", "minerals", "Signing", "--on", "2025-02-28", "--source", "one", "--source", "two")
      let list = try #require(try s.json("deadlines", "minerals") as? [[String: Any]])
      #expect(list.first?["sources"] as? [String] == ["one", "two"])
    },
    "export --only": { s in
      try s.add("log", "minerals", "A call", "--on", "2025-02-16")
      let text = try s.output("export", "--format", "ndjson", "--only", "actor", "--only", "development")
      let types = Set(
        text.split(separator: "\n").dropFirst().compactMap { line in
          (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["type"] as? String
        })
      #expect(types == ["actor", "development"])
    },
  ]

  /// A world for the scenarios: two states, a negotiation between them, two sources.
  static func world() throws -> Sandbox {
    let s = try Sandbox()
    try s.add("actor", "add", "Ukraine", "--kind", "state", "--code", "UKR")
    try s.add("actor", "add", "United States", "--kind", "state", "--code", "USA", "--alias", "US")
    try s.add(
      "negotiation", "add", "Minerals deal", "--id", "minerals", "--party", "Ukraine", "--party", "US")
    try s.add("source", "add", "--title", "First report", "--id", "one")
    try s.add("source", "add", "--title", "Second report", "--id", "two")
    return s
  }

  static func expectParticipants(_ s: Sandbox, _ option: String, _ role: String) throws {
    try s.add(
      "negotiation", "add", "Talks", "--id", "talks", "--party", "Ukraine", option, "Ukraine", option, "US")
    let detail = try #require(try s.json("negotiation", "show", "talks") as? [String: Any])
    let named = (detail["participants"] as? [[String: Any]] ?? []).filter { $0["role"] as? String == role }
      .compactMap { $0["actor"] as? String }
    #expect(named == ["Ukraine", "United States"])
  }

  @Test func anOptionThatRepeatsRecordsEveryValue() throws {
    var covered: Set<String> = []
    for (command, options) in try Self.options() {
      for (option, repeats) in options where repeats {
        let key = command.joined(separator: " ") + " " + option
        let scenario = try #require(
          Self.scenarios[key], "no scenario proves that '\(key)' records every value")
        try scenario(try Self.world())
        covered.insert(key)
      }
    }
    #expect(
      covered == Set(Self.scenarios.keys),
      "scenarios for options that do not repeat: \(Set(Self.scenarios.keys).subtracting(covered))")
  }
}
