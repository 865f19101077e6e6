import AccordStore

/// Imports a multilateral treaty's status table, one row per participant, as the UN Treaty
/// Collection publishes them: the participant (a name, or an ISO 3166-1 alpha-3 code, `EUU` for
/// the European Union), the date it signed, the date it consented to be bound (ratification, or
/// acceptance, approval, accession, succession: the `kind`), the date the treaty took effect for
/// it, and a withdrawal (notified, effective). Each becomes a step of that party on the proposal;
/// each participant joins the negotiation as a party from its first date.
///
/// Dates are EDTF (`2016-04-22`) or as the UN writes them (`22 Apr 2016`), and a UN consent date may
/// carry its kind after it (`3 Sep 2016 A`: A acceptance, AA approval, a accession, d succession).
/// Re-importing the same or a newer table adds only what is new; the import is all or nothing.
public final class TreatyStatusImport {
  /// The fields a row may have, and the column each is read from by default.
  public enum Field: String, CaseIterable, Sendable {
    case participant, signature, ratification, kind, effect, withdrawal
    case withdrawalEffective = "withdrawal_effective"

    /// The column names that mean this field without --columns, as keys (lower case): its own
    /// name, and the UN Treaty Collection's.
    var names: [String] {
      switch self {
      case .effect: ["effect", "date of effect", "entry into force"]
      case .withdrawalEffective: ["withdrawal_effective", "withdrawal effective", "effective"]
      default: [rawValue]
      }
    }

    /// True when `column` (a key) is this field's column: one of its names, or its name followed
    /// by more words ("Ratification, Acceptance(A), Approval(AA), Accession(a)").
    func isNamed(_ column: String) -> Bool {
      names.contains(column) || column.hasPrefix(rawValue + ",") || column.hasPrefix(rawValue + " (")
    }
  }

  public struct Summary: Sendable, CustomStringConvertible {
    /// The file's columns, as read: `participant=Participant`.
    public var columns: [String] = []
    public var participants = 0
    public var newActors = 0
    public var joined = 0
    public var steps = 0
    public var present = 0

    public var description: String {
      "Treaty status: \(participants) participants (\(newActors) new actors, \(joined) joined the negotiation); "
        + "added \(steps) steps, \(present) there already; read \(columns.joined(separator: ", "))"
    }
  }

  let store: AccordStore
  let proposal: String
  let columns: [Field: String]
  let source: String?
  var summary = Summary()

  /// `columns` maps fields to the file's column names (default: the field's own name, in any case).
  public init(store: AccordStore, proposal: String, columns: [Field: String] = [:], source: String? = nil) {
    self.store = store
    self.proposal = proposal
    self.columns = columns
    self.source = source
  }

  /// Reads `--columns participant=Name,signature=Signature,…`.
  public static func columns(_ text: String) throws(StoreError) -> [Field: String] {
    var result: [Field: String] = [:]
    for pair in text.split(separator: ",", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmedOfSpace }
      guard parts.count == 2, !parts[1].isEmpty, let field = Field(rawValue: parts[0].lowercased()) else {
        throw .invalid(
          "--columns takes FIELD=COLUMN pairs joined by commas, FIELD one of "
            + Field.allCases.map(\.rawValue).joined(separator: ", ") + "; '\(pair)' is not one")
      }
      guard result[field] == nil else { throw .invalid("--columns names \(field.rawValue) twice") }
      result[field] = parts[1]
    }
    return result
  }

  public func run(_ file: ByteSource, progress: ((TransferProgress) -> Void)? = nil) throws -> Summary {
    try store.bulk {
      let reader = try CSVReader(source: file)
      var names: [Field: String] = [:]
      for field in Field.allCases {
        let found =
          if let wanted = columns[field] {
            reader.header.first { Names.key($0) == Names.key(wanted) }
          } else {
            reader.header.first { field.isNamed(Names.key($0)) }
          }
        if let found {
          names[field] = found
        } else if columns[field] != nil || field == .participant {
          throw StoreError.invalid(
            "\(file.name) has no column '\(columns[field] ?? field.rawValue)' for the \(field.rawValue): name its column with --columns \(field.rawValue)=COLUMN"
          )
        }
      }
      guard [.signature, .ratification, .effect, .withdrawal].contains(where: { names[$0] != nil }) else {
        throw StoreError.invalid(
          "\(file.name) has no column of dates: name them with --columns signature=COLUMN,ratification=COLUMN,effect=COLUMN"
        )
      }
      summary.columns = Field.allCases.compactMap { field in names[field].map { "\(field.rawValue)=\($0)" } }
      let proposal = try store.resolveProposal(proposal)
      let source = try self.source.map { try store.resolveSource($0) }
      var unknown: [String] = []
      var rows: [(line: Int, actor: Int64?, name: String, steps: [PartyStep])] = []
      while let row = try reader.next() {
        func value(_ field: Field) throws -> String? { try names[field].flatMap { try row.value($0) } }
        guard let participant = try value(.participant) else {
          throw StoreError.invalid("line \(row.line), column '\(names[.participant] ?? "")': it is empty")
        }
        let steps = try Self.steps(row: row, value: value, names: names, today: store.today)
        let actor = try self.actor(participant)
        if actor == nil { unknown.append("'\(participant)' (line \(row.line))") }
        rows.append((row.line, actor, participant, steps))
        if rows.count % 64 == 0 {
          progress?(TransferProgress(records: rows.count, bytes: file.bytesRead, totalBytes: file.size))
        }
      }
      guard unknown.isEmpty else {
        throw StoreError.conflict(
          "\(unknown.count) participant\(unknown.count == 1 ? " is" : "s are") not an actor Accord knows: "
            + unknown.prefix(10).joined(separator: ", ") + (unknown.count > 10 ? ", …" : "")
            + "; add them with 'accord actor add' (or an alias with 'accord actor alias'), then import again; nothing was imported"
        )
      }
      let negotiation = try store.negotiationID(ofProposal: proposal)
      for (_, actor, _, steps) in rows {
        guard let actor, let first = steps.map(\.date).min(by: { $0.first < $1.first }) else { continue }
        summary.participants += 1
        if try store.ensureParty(actor, of: negotiation, from: first) { summary.joined += 1 }
        for step in steps {
          if try store.addImportedPartyStep(
            proposal: proposal, step.kind, party: actor, date: step.date, effective: step.effective,
            note: step.note, source: source)
          {
            summary.steps += 1
          } else {
            summary.present += 1
          }
        }
      }
      return summary
    }
  }

  struct PartyStep {
    let kind: ProposalStep.Kind
    let date: AccordDate
    var effective: AccordDate? = nil
    var note: String? = nil
  }

  /// The row's steps, in the order they happen (`today`: the day that `today` means in a date).
  static func steps(row: CSVRow, value: (Field) throws -> String?, names: [Field: String], today: Day) throws
    -> [PartyStep]
  {
    func date(_ field: Field) throws -> (AccordDate, String?)? {
      guard let text = try value(field) else { return nil }
      switch Result(catching: { () throws(StoreError) in try TreatyDate.parse(text, today: today) }) {
      case .success(let date): return date
      case .failure(let error):
        throw StoreError.invalid(
          "line \(row.line), column '\(names[field] ?? field.rawValue)': \(error.description)")
      }
    }
    var steps: [PartyStep] = []
    if let (signed, _) = try date(.signature) { steps.append(PartyStep(kind: .signed, date: signed)) }
    if let (consent, marker) = try date(.ratification) {
      let kind =
        try value(.kind).map { text throws -> String in
          guard let kind = TreatyDate.kind(text) else {
            throw StoreError.invalid(
              "line \(row.line), column '\(names[.kind] ?? "kind")': expected ratification, acceptance, approval, accession or succession (or A, AA, a, d), found \"\(text)\""
            )
          }
          return kind
        } ?? marker.flatMap(TreatyDate.kind)
      steps.append(
        PartyStep(kind: .ratified, date: consent, note: kind.flatMap { $0 == "ratification" ? nil : $0 }))
    }
    if let (effect, _) = try date(.effect) { steps.append(PartyStep(kind: .inForce, date: effect)) }
    if let (notified, _) = try date(.withdrawal) {
      guard let (effective, _) = try date(.withdrawalEffective) else {
        throw StoreError.invalid(
          "line \(row.line): a withdrawal needs the day it takes effect too (column '\(names[.withdrawalEffective] ?? Field.withdrawalEffective.rawValue)')"
        )
      }
      steps.append(PartyStep(kind: .withdrawalNotified, date: notified, effective: effective))
    }
    return steps
  }

  /// The actor a participant names: by code, by name or alias, by the ISO 3166 name; a state made
  /// for an ISO code Accord has not met yet (`EUU`: the European Union, an organization). Nil when
  /// it names none.
  func actor(_ participant: String) throws -> Int64? {
    let text = participant.trimmedOfSpace
    if text.count == 3, text.allSatisfy({ $0.isASCII && $0.isUppercase }) {
      if let id = try store.actorID(code: text) { return id }
      if text == "EUU" {
        let named = try store.actorIDs(named: "European Union")
        if named.count == 1 { return named[0] }
        summary.newActors += 1
        return try store.addImportedActor(
          name: "European Union", kind: .organization, code: "EUU", aliases: ["EU"])
      }
      guard let (id, made) = try DatasetImport.country(code: text, in: store) else { return nil }
      if made { summary.newActors += 1 }
      return id
    }
    let named = try store.actorIDs(named: text)
    if named.count == 1 { return named[0] }
    guard named.isEmpty else { return nil }
    if let code = DatasetImport.codeByName[Names.key(text)]
      ?? DatasetImport.codeByName[Names.key(Self.unInverted(text))]
    {
      return try actor(code)
    }
    return nil
  }
}

extension TreatyStatusImport {
  /// The UN's inverted names the right way round: "Iran (Islamic Republic of)" → "Islamic Republic
  /// of Iran", "Bolivia (Plurinational State of)" → "Plurinational State of Bolivia".
  static func unInverted(_ name: String) -> String {
    guard name.hasSuffix(" of)"), let open = name.firstIndex(of: "(") else { return name }
    let inner = name[name.index(after: open)..<name.index(before: name.endIndex)]
    return inner.trimmedOfSpace + " " + name[..<open].trimmedOfSpace
  }
}

/// Dates as treaty status tables write them.
enum TreatyDate {
  static let months = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ]

  /// `2016-04-22` (any EDTF date), or `22 Apr 2016` with an optional kind marker after it
  /// (`3 Sep 2016 A`); the marker is returned beside the date.
  static func parse(_ text: String, today: Day) throws(StoreError) -> (AccordDate, String?) {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).map(String.init)
    if words.count >= 3, let day = Int(words[0]),
      let month = months.firstIndex(of: String(words[1].lowercased().prefix(3))), let year = Int(words[2])
    {
      guard let date = Day(year: year, month: month + 1, day: day) else {
        throw .invalid("'\(text)' is not a date: \(words[1]) \(year) has no day \(day)")
      }
      guard words.count <= 4 else {
        throw .invalid("'\(text)' is not a date followed by at most a kind (A, AA, a, d)")
      }
      return (AccordDate(day: date), words.count == 4 ? words[3] : nil)
    }
    return (try AccordDate.parse(text, today: today), nil)
  }

  /// `acceptance` for A or Acceptance; nil for anything else.
  static func kind(_ text: String) -> String? {
    switch text.trimmedOfSpace {
    case "A": return "acceptance"
    case "AA": return "approval"
    case "a": return "accession"
    case "d": return "succession"
    case "r", "R": return "ratification"
    default:
      let word = Names.key(text)
      return ["ratification", "acceptance", "approval", "accession", "succession"].contains(word) ? word : nil
    }
  }
}
