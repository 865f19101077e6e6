import AccordTestEngine
import Foundation
import Testing

/// One malformed command line, as the bytes the system passes (so that it can hold bytes that are
/// not UTF-8), and what Accord must answer. It runs against ``BadInputFixture``'s record.
struct HostileInput: Sendable, CustomTestStringConvertible {
  let name: String
  /// The arguments; one that begins with `@/` names a file in the sandbox's folder.
  let arguments: [[UInt8]]
  /// The exit status; nil for any failure (the importer's, whose statuses are its own).
  let status: Int32?
  /// Words that the one line on stderr must contain.
  let mentions: [String]
  /// Files laid in the sandbox's folder before the command (name and bytes); each must be
  /// unchanged after it.
  var files: [String: [UInt8]] = [:]
  /// Whether the case is about the database's file (a team's server has none).
  var aboutTheFile = false

  init(_ name: String, _ arguments: [String], exit status: Int32?, mentions: [String] = []) {
    self.init(name, bytes: arguments.map { Array($0.utf8) }, exit: status, mentions: mentions)
  }

  init(_ name: String, bytes arguments: [[UInt8]], exit status: Int32?, mentions: [String] = []) {
    self.name = name
    self.arguments = arguments
    self.status = status
    self.mentions = mentions
  }

  func with(files: [String: [UInt8]]) -> HostileInput {
    var copy = self
    copy.files = files
    return copy
  }

  /// The case, about the database's file: skipped when the tests run on a team's server.
  func aboutTheDatabaseFile() -> HostileInput {
    var copy = self
    copy.aboutTheFile = true
    return copy
  }

  var runsOnThisEngine: Bool { !(aboutTheFile && TestEngine.isPostgres) }

  var testDescription: String { name }
}

extension HostileInput {
  static let n = BadInputFixture.negotiation
  static let p = BadInputFixture.proposal

  /// 131,000 bytes: close to the longest single argument Linux passes (128 KiB, MAX_ARG_STRLEN);
  /// a 1 MB argument cannot reach a program at all (exec fails with E2BIG).
  static let huge = String(repeating: "x", count: 131_000)
  static let hugeText = String(repeating: "Delegates met in Geneva. ", count: 5_000)
  static let hugeNumber = String(repeating: "9", count: 131_000)
  static let drop = "'; DROP TABLE actor; --"

  /// Unknown flags, missing and extra arguments, bad option values: exit 64.
  static let structure: [HostileInput] = [
    HostileInput("unknown flag at the root", ["--frobnicate"], exit: 64, mentions: ["--frobnicate"]),
    HostileInput(
      "unknown flag after valid ones", ["log", n, "Talks resumed", "--on", "2025-02-14", "--colour", "red"],
      exit: 64, mentions: ["--colour"]),
    HostileInput("unknown short flag", ["actor", "list", "-x"], exit: 64, mentions: ["-x"]),
    HostileInput("value given to a flag", ["deals", "--unsigned=yes"], exit: 64, mentions: ["--unsigned"]),
    HostileInput("option value missing at the end", ["actor", "add", "Moldova", "--kind"], exit: 64),
    HostileInput(
      "unknown subcommand of a group", ["actor", "frobnicate"], exit: 64, mentions: ["frobnicate"]),
    HostileInput("log without arguments", ["log"], exit: 64),
    HostileInput("log without its text", ["log", n], exit: 64),
    HostileInput("log with an extra argument", ["log", n, "one", "two"], exit: 64, mentions: ["two"]),
    HostileInput("condition update without outcome", ["condition", "update", "1"], exit: 64),
    HostileInput(
      "source with two URLs", ["source", "add", "https://a.example/1", "https://b.example/2"], exit: 64),
    HostileInput("generate no negotiations", ["generate", "--negotiations", "0"], exit: 64),
    HostileInput("generate negative developments", ["generate", "--developments", "-1"], exit: 64),
    HostileInput(
      "generate an overflowing count", ["generate", "--negotiations", "99999999999999999999999"], exit: 64),
    HostileInput("empty format", ["deals", "--format", ""], exit: 64),
    HostileInput("empty kind filter", ["actor", "list", "--kind", ""], exit: 64),
    HostileInput("backup without a file", ["backup"], exit: 64),
    HostileInput("backup to an empty name", ["backup", ""], exit: 64),
    HostileInput("backup to a folder name", ["backup", "@/folder/"], exit: 64),
    HostileInput("check with an argument", ["check", "extra"], exit: 64, mentions: ["extra"]),
    HostileInput(
      "a missing database named before the subcommand", ["--db", "x.sqlite", "actor", "list"], exit: 1,
      mentions: ["no Accord record at x.sqlite"]),
    HostileInput(
      "one stance too many",
      ["condition", "add", n, "--by", "Ukraine", "--offers", "a", "--red-line", "b"], exit: 64),
  ]

  /// Dates that do not exist or are not dates: exit 64.
  static let dates: [HostileInput] = [
    HostileInput("29 February of a common year", ["log", n, "x", "--on", "2025-02-29"], exit: 64),
    HostileInput("30 February of a leap year", ["log", n, "x", "--on", "2024-02-30"], exit: 64),
    HostileInput("31 April", ["log", n, "x", "--on", "2025-04-31"], exit: 64),
    HostileInput("month zero", ["log", n, "x", "--on", "2025-00-10"], exit: 64),
    HostileInput("day 32", ["log", n, "x", "--on", "2025-12-32"], exit: 64),
    HostileInput("year zero", ["log", n, "x", "--on", "0000"], exit: 64),
    HostileInput("five-digit year", ["log", n, "x", "--on", "10000-01-01"], exit: 64),
    HostileInput("negative year", ["log", n, "x", "--on", "-2025"], exit: 64),
    HostileInput("two qualifiers", ["log", n, "x", "--on", "2025-02-14~?"], exit: 64),
    HostileInput("unpadded month", ["log", n, "x", "--on", "2025-2-14"], exit: 64),
    HostileInput("date and time", ["log", n, "x", "--on", "2025-02-14T10:00"], exit: 64),
    HostileInput("European order", ["log", n, "x", "--on", "14.02.2025"], exit: 64),
    HostileInput("tomorrow", ["log", n, "x", "--on", "tomorrow"], exit: 64),
    HostileInput("full-width digits", ["log", n, "x", "--on", "２０２５"], exit: 64),
    HostileInput("Arabic-Indic digits", ["log", n, "x", "--on", "٢٠٢٥"], exit: 64),
    HostileInput("empty as-of", ["deals", "--as-of", ""], exit: 64),
    HostileInput(
      "impossible meeting day", ["meeting", "add", n, "--on", "2025-02-30", "--with", "US"], exit: 64),
    HostileInput(
      "impossible start of office",
      ["actor", "add", "Maia Sandu", "--kind", "person", "--of", "Ukraine", "--since", "2025-13-01"], exit: 64
    ),
    HostileInput(
      "office that ends before it starts",
      [
        "actor", "add", "Maia Sandu", "--kind", "person", "--of", "Ukraine", "--since", "2025-03", "--until",
        "2025-01",
      ],
      exit: 64),
    HostileInput(
      "impossible publication day", ["source", "add", "https://x.example/a", "--published", "2025-02-31"],
      exit: 64),
    HostileInput(
      "impossible quote day", ["quote", "add", "--by", "Ukraine", "--on", "2025-02-29", "Words."], exit: 64),
    HostileInput(
      "line break inside a date", ["log", n, "x", "--on", "2025-02-\n14"], exit: 64, mentions: ["\\n"]),
    HostileInput("right-to-left override in a date", ["deals", "--as-of", "\u{202E}2025"], exit: 64),
  ]

  /// Values outside an enumeration, and empty values: exit 64.
  static let values: [HostileInput] = [
    HostileInput(
      "kind in capitals", ["actor", "add", "Mars", "--kind", "State"], exit: 64, mentions: ["State"]),
    HostileInput("kind in the plural", ["actor", "add", "Mars", "--kind", "states"], exit: 64),
    HostileInput(
      "misspelt step", ["proposal", "step", p, "sigend", "--on", "2025-02-16"], exit: 64, mentions: ["sigend"]
    ),
    HostileInput("unknown step", ["proposal", "step", p, "approved-ish", "--on", "2025-02-16"], exit: 64),
    HostileInput(
      "unknown outcome", ["condition", "update", "1", "approved", "--on", "2025-02-16"], exit: 64),
    HostileInput("format in capitals", ["negotiation", "list", "--format", "JSON"], exit: 64),
    HostileInput("unknown format", ["deals", "--format", "yaml"], exit: 64),
    HostileInput("empty actor name", ["actor", "add", "", "--kind", "state"], exit: 64),
    HostileInput("blank actor name", ["actor", "add", "   ", "--kind", "state"], exit: 64),
    HostileInput("empty development", ["log", n, "", "--on", "2025-02-14"], exit: 64),
    HostileInput("empty alias", ["actor", "alias", "Ukraine", ""], exit: 64),
    HostileInput("empty negotiation title", ["negotiation", "add", "", "--party", "Ukraine"], exit: 64),
    HostileInput("empty tag", ["negotiation", "add", "Talks", "--party", "Ukraine", "--tag", ""], exit: 64),
    HostileInput("empty quote", ["quote", "add", "--by", "Ukraine", "--on", "2025-02-15", ""], exit: 64),
    HostileInput("empty proposal title", ["proposal", "add", n, "", "--by", "US"], exit: 64),
    HostileInput("empty term", ["condition", "add", n, "--by", "Ukraine", "--demands", ""], exit: 64),
    HostileInput("empty code", ["actor", "add", "Moldova", "--kind", "state", "--code", ""], exit: 64),
    HostileInput("empty short id", ["actor", "add", "Moldova", "--kind", "state", "--id", ""], exit: 64),
    HostileInput("empty URL", ["source", "add", ""], exit: 64),
    HostileInput(
      "Wikidata Q0", ["actor", "add", "Moldova", "--kind", "state", "--wikidata", "Q0"], exit: 64),
    HostileInput(
      "condition number zero", ["condition", "update", "0", "met", "--on", "2025-02-16"], exit: 64),
    HostileInput("kind with a line break", ["actor", "add", "X", "--kind", "state\n"], exit: 64),
  ]

  /// Arguments as long as Linux passes, where they cannot be right; and a megabyte of them.
  static let sizes: [HostileInput] = [
    HostileInput("huge unknown actor", ["actor", "show", huge], exit: 1),
    HostileInput("huge date", ["log", n, "x", "--on", huge], exit: 64),
    HostileInput("huge kind", ["actor", "add", "Y", "--kind", huge], exit: 64),
    HostileInput("huge name and code", ["actor", "add", huge, "--kind", "state", "--code", huge], exit: 64),
    HostileInput("huge short id", ["actor", "add", "Foo", "--kind", "state", "--id", huge], exit: 64),
    HostileInput("huge unknown negotiation", ["log", huge, "x", "--on", "2025-02-14"], exit: 1),
    HostileInput(
      "huge unknown party", ["proposal", "step", p, "signed", "--on", "2025-02-16", "--party", huge], exit: 1),
    HostileInput(
      "huge text with an unknown source",
      ["log", n, hugeText, "--on", "2025-02-14", "--source", "no-such-" + huge],
      exit: 1),
    HostileInput(
      "huge condition number", ["condition", "update", hugeNumber, "met", "--on", "2025-02-16"], exit: 64),
    HostileInput(
      "a megabyte of aliases and a bad kind",
      ["actor", "add", "Moldova", "--kind", "planet"] + (0..<8).flatMap { ["--alias", "\($0)" + huge] },
      exit: 64,
      mentions: ["planet"]),
  ]

  /// Bytes that are not UTF-8, anywhere on the command line: exit 64, and nothing stored with
  /// replacement characters.
  static let encodings: [HostileInput] = [
    HostileInput(
      "name that is Latin-1",
      bytes: [
        Array("actor".utf8), Array("add".utf8), [0x4B, 0xF6, 0x6C, 0x6E], Array("--kind".utf8),
        Array("state".utf8),
      ],
      exit: 64, mentions: ["argument 3", "\\xF6"]),
    HostileInput(
      "bytes FF FE",
      bytes: [
        Array("actor".utf8), Array("add".utf8), [0xFF, 0xFE], Array("--kind".utf8), Array("state".utf8),
      ],
      exit: 64, mentions: ["UTF-8"]),
    HostileInput(
      "text cut inside a character",
      bytes: [
        Array("log".utf8), Array(n.utf8), Array("caf".utf8) + [0xC3], Array("--on".utf8),
        Array("2025-02-14".utf8),
      ],
      exit: 64),
    HostileInput(
      "an encoded surrogate",
      bytes: [Array("actor".utf8), Array("alias".utf8), Array("Ukraine".utf8), [0xED, 0xA0, 0x80]],
      exit: 64),
    HostileInput(
      "an overlong slash", bytes: [Array("actor".utf8), Array("show".utf8), [0xC0, 0xAF]], exit: 64),
    HostileInput(
      "a stray continuation byte",
      bytes: [
        Array("negotiation".utf8), Array("add".utf8), Array("Talks ".utf8) + [0x80], Array("--party".utf8),
        Array("Ukraine".utf8),
      ],
      exit: 64),
    HostileInput(
      "a date with a bad byte",
      bytes: [
        Array("log".utf8), Array(n.utf8), Array("x".utf8), Array("--on".utf8),
        Array("2025-02-1".utf8) + [0xFF],
      ],
      exit: 64),
    HostileInput("a subcommand that is one bad byte", bytes: [[0xFF]], exit: 64),
    HostileInput(
      "a database path with a bad byte",
      bytes: [
        Array("actor".utf8), Array("list".utf8), Array("--db".utf8),
        Array("@/".utf8) + [0xFF] + Array(".sqlite".utf8),
      ],
      exit: 64),
  ]

  /// Files where a database should be: exit 1, and the file as it was. (Arguments cannot hold a
  /// NUL byte; files can.)
  static let files: [HostileInput] = [
    HostileInput("a file of NUL bytes", ["actor", "list", "--db", "@/zeros.sqlite"], exit: 1)
      .with(files: ["zeros.sqlite": [UInt8](repeating: 0, count: 65_536)]),
    HostileInput(
      "an SQLite header and then NUL bytes",
      ["actor", "add", "X", "--kind", "state", "--db", "@/fake.sqlite"], exit: 1
    )
    .with(files: ["fake.sqlite": Array("SQLite format 3\0".utf8) + [UInt8](repeating: 0, count: 8_176)]),
    HostileInput("a text file with NUL bytes", ["log", n, "x", "--db", "@/notes.sqlite"], exit: 1)
      .with(files: ["notes.sqlite": Array("minerals\0deal\0notes\n".utf8)]),
    HostileInput("a folder", ["actor", "list", "--db", "@/"], exit: 1, mentions: ["not a file"]),
    HostileInput(
      "a device", ["actor", "add", "X", "--kind", "state", "--db", "/dev/null"], exit: 1,
      mentions: ["/dev/null"]),
    HostileInput(
      "a folder named like a file", ["init", "--db", "@/folder.sqlite"], exit: 1, mentions: ["not a file"]
    )
    .with(files: ["folder.sqlite/note": Array("not a database".utf8)]),
    HostileInput(
      "backup of a missing database", ["backup", "@/copy.sqlite", "--db", "@/missing.sqlite"], exit: 1),
    HostileInput("backup into a missing folder", ["backup", "@/no/such/folder/copy.sqlite"], exit: 1),
    HostileInput(
      "backup onto the database itself", ["backup", "@/accord.sqlite", "--force"], exit: 1,
      mentions: ["itself"]
    ).aboutTheDatabaseFile(),
    HostileInput("backup over an existing file", ["backup", "@/kept.sqlite"], exit: 1, mentions: ["--force"])
      .with(files: ["kept.sqlite": Array("an older copy".utf8)]),
  ]

  /// SQL where a name, number, date or value goes: never run, exit non-zero.
  static let sql: [HostileInput] = [
    HostileInput("SQL as an actor", ["actor", "show", drop], exit: 1),
    HostileInput(
      "SQL after a negotiation's id",
      ["log", n + "'; DROP TABLE development; --", "x", "--on", "2025-02-14"], exit: 1),
    HostileInput("SQL as a kind", ["actor", "add", "X", "--kind", "state" + drop], exit: 64),
    HostileInput(
      "SQL as a short id", ["actor", "add", "X", "--kind", "state", "--id", "x" + drop], exit: 64),
    HostileInput("SQL as a code", ["actor", "add", "X", "--kind", "state", "--code", "';--"], exit: 64),
    HostileInput("SQL in a date", ["deals", "--as-of", "2025-02-14' OR '1'='1"], exit: 64),
    HostileInput("SQL as a party filter", ["negotiation", "list", "--party", "US' OR 1=1 --"], exit: 1),
    HostileInput(
      "SQL after a condition number", ["condition", "update", "1 OR 1=1", "met", "--on", "2025-02-16"],
      exit: 64),
    HostileInput(
      "SQL after a proposal's id",
      ["proposal", "step", p + "\"; DELETE FROM proposal_step; --", "signed", "--on", "2025-02-16"], exit: 1),
    HostileInput("SQL after a number", ["actor", "show", "1; DROP TABLE actor"], exit: 1),
    HostileInput(
      "SQL as an actor of a log", ["log", n, "x", "--on", "2025-02-14", "--actor", "US'--"], exit: 1),
    HostileInput(
      "a LIKE wildcard as a participant", ["meeting", "add", n, "--on", "2025-02-14", "--with", "%"], exit: 1),
    HostileInput("a LIKE wildcard as an actor", ["actor", "show", "_"], exit: 1),
    HostileInput("a GLOB wildcard as an actor", ["actor", "show", "*"], exit: 1),
    HostileInput(
      "SQL as a source", ["log", n, "x", "--on", "2025-02-14", "--source", "x' OR slug IS NOT NULL --"],
      exit: 1),
    HostileInput("SQL as a negotiation filter", ["deals", "--negotiation", "' OR 1=1 --"], exit: 1),
  ]

  /// Names that match nothing, or more than one record: exit 1.
  static let references: [HostileInput] = [
    HostileInput("actor number zero", ["actor", "show", "0"], exit: 1),
    HostileInput("actor number past Int64", ["actor", "show", "99999999999999999999"], exit: 1),
    HostileInput("actor number Int64.max", ["actor", "show", "9223372036854775807"], exit: 1),
    HostileInput("unknown negotiation number", ["negotiation", "show", "999"], exit: 1),
    HostileInput(
      "ambiguous actor of a log", ["log", n, "x", "--on", "2025-02-14", "--actor", "Georgia"], exit: 1,
      mentions: ["more than one"]),
    HostileInput(
      "ambiguous party", ["negotiation", "add", "Black Sea talks", "--party", "Georgia"], exit: 1),
    HostileInput(
      "countering an unknown proposal",
      ["proposal", "add", n, "Counter", "--by", "Ukraine", "--counters", "no-such-proposal"], exit: 1),
    HostileInput(
      "proposal by an unknown actor", ["proposal", "add", n, "Counter", "--by", "Atlantis"], exit: 1),
    HostileInput(
      "unknown condition with a hash", ["condition", "update", "#99", "met", "--on", "2025-02-16"], exit: 1),
    HostileInput("conditions of an unknown negotiation", ["condition", "list", "no-such-talks"], exit: 1),
    HostileInput("deals of an unknown negotiation", ["deals", "--negotiation", "nowhere"], exit: 1),
    HostileInput("alias for an unknown actor", ["actor", "alias", "Atlantis", "Atlantida"], exit: 1),
    HostileInput(
      "quote by an unknown speaker", ["quote", "add", "--by", "Nobody", "--on", "2025-02-15", "Words."],
      exit: 1),
    HostileInput(
      "meeting of an unknown negotiation number",
      ["meeting", "add", "999", "--on", "2025-02-14", "--with", "US"], exit: 1),
    HostileInput("empty negotiation name", ["log", "", "x", "--on", "2025-02-14"], exit: 1),
    HostileInput(
      "a line break in a name", ["actor", "show", "Ukr\naine"], exit: 1, mentions: ["Ukr\\naine"]),
    HostileInput(
      "terminal escapes in a name", ["actor", "show", "\u{1B}[2J\u{1B}[HUkraine"], exit: 1,
      mentions: ["\\u{1B}"]),
    HostileInput("a duplicate actor", ["actor", "add", "Ukraine", "--kind", "state"], exit: 1),
    HostileInput(
      "a duplicate source id", ["source", "add", "--title", "Minerals deal", "--id", "epoch-times"], exit: 1),
    HostileInput(
      "a duplicate negotiation id", ["negotiation", "add", "Other talks", "--id", n, "--party", "Ukraine"],
      exit: 1),
  ]

  /// An Accord export of one actor (the format of `accord export`, README "Export and import").
  static let export = Array(
    """
    {"format":"accord-export","version":1,"records":[
    {"type":"actor","id":1,"slug":"moldova","name":"Moldova","kind":"state","aliases":["Moldova","Молдова"],"recorded_at":"2025-03-01T09:00:00.000Z"}
    ]}

    """.utf8)

  /// Files to import that are not what they should be: a failure, and nothing written.
  static let imports: [HostileInput] = [
    HostileInput("import of a truncated export", ["import", "@/cut.json"], exit: nil)
      .with(files: ["cut.json": Array(export.prefix(90))]),
    HostileInput("import cut inside a Cyrillic letter", ["import", "@/cut-letter.json"], exit: nil)
      .with(files: ["cut-letter.json": Array(export.prefix(export.firstIndex(of: 0xD0).map { $0 + 1 } ?? 1))]
      ),
    HostileInput("import with NUL bytes", ["import", "@/nul.json"], exit: nil)
      .with(files: ["nul.json": Array(export.prefix(60)) + [0, 0, 0] + Array(export.dropFirst(60))]),
    HostileInput("import of Latin-1 text", ["import", "@/latin1.json"], exit: nil)
      .with(files: ["latin1.json": export.map { $0 == 0xD0 ? 0xF6 : $0 }]),
    HostileInput("import with a string for a number", ["import", "@/types.json"], exit: nil)
      .with(files: [
        "types.json": Array(
          String(decoding: export, as: UTF8.self).replacing(#""id":1"#, with: #""id":"1""#).utf8)
      ]),
    HostileInput("import with an unknown kind", ["import", "@/kind.json"], exit: nil)
      .with(files: [
        "kind.json": Array(
          String(decoding: export, as: UTF8.self).replacing(#""state""#, with: #""planet""#).utf8)
      ]),
    HostileInput("import of an empty file", ["import", "@/empty.json"], exit: nil).with(files: [
      "empty.json": []
    ]),
    HostileInput("import of a folder", ["import", "@/"], exit: nil),
    HostileInput("import of a missing file", ["import", "@/no-such-export.json"], exit: nil),
    HostileInput("import of random bytes", ["import", "@/random.bin"], exit: nil)
      .with(files: ["random.bin": (0..<2_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }]),
    HostileInput("PA-X import of random bytes", ["import", "--from", "pax", "@/random.bin"], exit: nil)
      .with(files: ["random.bin": (0..<2_000).map { UInt8(truncatingIfNeeded: $0 &* 40_503 >> 3) }]),
    HostileInput("UCDP import of an Accord export", ["import", "--from", "ucdp", "@/export.json"], exit: nil)
      .with(files: ["export.json": export]),
    HostileInput("import of a newer export", ["import", "@/newer.json"], exit: nil)
      .with(files: [
        "newer.json": Array(
          String(decoding: export, as: UTF8.self).replacing(#""version":1"#, with: #""version":99"#).utf8)
      ]),
    HostileInput(
      "import from an unknown dataset", ["import", "--from", "correlates-of-war", "@/export.json"], exit: 64
    )
    .with(files: ["export.json": export]),
    HostileInput("import of an actor whose code is taken", ["import", "@/taken.json"], exit: nil)
      .with(files: [
        "taken.json": Array(
          String(decoding: export, as: UTF8.self).replacing(
            #""kind":"state","#, with: #""kind":"state","code":"UKR","#
          ).utf8)
      ]),
  ]

  static let all = structure + dates + values + sizes + encodings + files + sql + references + imports
}
