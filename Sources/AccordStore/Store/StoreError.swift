import AccordSQLite

/// Everything that can go wrong in the store, in words an analyst can act on. The store knows
/// nothing of the command line: where the remedy is an option of a command, the error is a typed
/// value (``Mistake``, ``Taken``, ``UnusableFile``, ``notTakingPart(actor:shortID:negotiation:on:)``,
/// ``noRecord(path:)``) that the command words with its own options; `description` says it
/// without them.
///
/// What the database refuses (AccordSQLite's `DatabaseError`) is said as the store says it by
/// ``init(_:)``: as ``database(_:)``, or as the error it means here. Every write of the store, and
/// every function whose errors are typed `StoreError`, throws it so; a function that only reads
/// may let the `DatabaseError` itself through: `StoreError(error)` says any error as the store
/// does.
public enum StoreError: DatabaseErrorConvertible, CustomStringConvertible, Equatable {
  /// The user's input is malformed: a usage error (exit 64).
  case invalid(String)
  /// What the analyst gave leaves out something a record needs, or gives something it does not
  /// take: a usage error (exit 64).
  case mistake(Mistake)
  /// A name that matches nothing; `candidates` are the closest existing names.
  case notFound(kind: String, name: String, candidates: [String])
  /// A name that matches several records.
  case ambiguous(kind: String, name: String, matches: [String])
  /// The record contradicts what is there already (a duplicate, a broken reference).
  case conflict(String)
  /// A name, short id or file that is taken already.
  case taken(Taken)
  /// A step or an answer by an actor (its name, and its short id) that takes no part in the
  /// negotiation (its short id) on that date.
  case notTakingPart(actor: String, shortID: String, negotiation: String, on: AccordDate)
  /// The database file cannot be opened or is not one Accord can use.
  case cannotOpen(path: String, reason: String)
  /// The file is not one that Accord can keep its record in: another file is needed.
  case unusableFile(path: String, UnusableFile)
  /// A command that only reads was given a database that does not exist.
  case noRecord(path: String)
  /// Any other failure of the database: a statement that SQLite refused.
  case database(DatabaseError)

  /// A database error as the store says it: a file that cannot be opened or migrated is
  /// ``cannotOpen(path:reason:)`` or ``unusableFile(path:_:)``, a statement used in a way that it
  /// does not take is ``invalid(_:)``, and what SQLite refused is ``database(_:)``.
  public init(_ error: DatabaseError) {
    switch error {
    case .sqlite, .server: self = .database(error)
    case .misuse(let message): self = .invalid(message)
    case .cannotOpen(let path, let code, let message):
      self = .cannotOpen(path: path, reason: Self.describe(DatabaseError.Kind(code: code), message: message))
    case .newerSchema(let path, let version, let latest):
      self = .cannotOpen(
        path: path,
        reason:
          "it was made by a newer Accord (schema version \(version); this one knows up to \(latest)); upgrade Accord"
      )
    case .anotherApplication(let path): self = .unusableFile(path: path, .anotherProgramsDatabase)
    case .danglingReference(let path, let version, let name, let table):
      self = .cannotOpen(
        path: path,
        reason: "migration \(version) (\(name)) would leave a row of \(table) "
          + "referring to nothing; nothing was changed")
    case .unknownValue(let table, let id, let column, let value):
      self = .conflict("\(table) row \(id) has a \(column) Accord does not know: '\(value)'")
    }
  }

  /// `error` as the store says it: a ``StoreError`` as it is, a ``DatabaseError`` as ``init(_:)``
  /// says it; nil for any other error.
  public init?(_ error: any Error) {
    switch error {
    case let error as StoreError: self = error
    case let error as DatabaseError: self.init(error)
    default: return nil
    }
  }

  /// True for errors in what the user typed, which exit with status 64.
  public var isUsageError: Bool {
    switch self {
    case .invalid, .mistake: return true
    case .database(.sqlite(_, let extended, let message, _))
    where extended == ExtendedCode.constraintTrigger || extended == ExtendedCode.constraintCheck:
      // The schema's rules for values (0010 dates, 0012 sizes) refuse what was typed wrong: on a
      // file by a trigger's RAISE, on a team's server by a check_violation that a trigger raises.
      return Self.isValueRule(message)
    case .database(.server(.constraint, _, let message)):
      return Self.isValueRule(message)
    default: return false
    }
  }

  /// Words of the messages of the schema's triggers that refuse a value (a date that does not
  /// exist, a text too long): a usage error, as the same value typed on the command line is.
  static let valueRules = ["a date is not a day that exists", "is longer than Accord keeps"]

  static func isValueRule(_ message: String) -> Bool { valueRules.contains { message.contains($0) } }

  public var description: String {
    switch self {
    case .invalid(let message): return message
    case .mistake(let mistake): return mistake.description
    case .notFound(let kind, let name, let candidates):
      let hint =
        candidates.isEmpty
        ? "see \(Self.listing(kind))"
        : "did you mean " + candidates.map { "'\($0)'" }.joined(separator: ", ") + "?"
      return "no \(kind) named '\(name)': \(hint)"
    case .ambiguous(let kind, let name, let matches):
      return "'\(name)' names more than one \(kind): "
        + matches.joined(separator: ", ") + "; use the id or number instead"
    case .conflict(let message): return message
    case .taken(let taken): return taken.description
    case .notTakingPart(let actor, _, let negotiation, let date):
      return "\(actor) takes no part in \(negotiation) on \(date)"
    case .cannotOpen(let path, let reason): return "cannot open database \(path): \(reason)"
    case .unusableFile(let path, let why): return "cannot open database \(path): \(why)"
    case .noRecord(let path): return "no Accord record at \(path)"
    case .database(.sqlite(let code, let extended, let message, _)):
      switch extended {
      case ExtendedCode.constraintUnique, ExtendedCode.constraintPrimaryKey:
        return "that record exists already (\(message))"
      case ExtendedCode.constraintForeignKey:
        return "that refers to a record that does not exist"
      case ExtendedCode.constraintCheck where Self.isValueRule(message):
        // A value rule's own words, as a file's trigger gives them (a team's server raises them as
        // a check_violation).
        return message
      case ExtendedCode.constraintCheck, ExtendedCode.constraintNotNull:
        return "a value is out of range (\(message))"
      default:
        return Self.describe(DatabaseError.Kind(code: code), message: message)
      }
    case .database(.server(_, _, let message)): return message
    case .database(let error): return StoreError(error).description
    }
  }

  /// The command that lists the records of a kind, for a "no such name" hint.
  static func listing(_ kind: String) -> String {
    switch kind {
    case "actor", "negotiation", "condition", "source": "'accord \(kind) list'"
    case "proposal": "'accord deals'"
    default: "'accord timeline NEGOTIATION'"
    }
  }

  /// A failure of SQLite, of its `kind`, in the store's words.
  static func describe(_ kind: DatabaseError.Kind, message: String) -> String {
    switch kind {
    case .busy: return "the database is busy with another command; try again"
    case .readOnly: return "the database is read-only (\(message))"
    case .diskFull: return "the disk is full; nothing was written"
    case .notADatabase: return "the file is not an SQLite database"
    case .corrupt: return "the database file is damaged (\(message)); see 'accord check'"
    case .cannotOpen: return "the file or its folder cannot be opened (\(message))"
    case .permission: return "permission denied (\(message))"
    case .ioError: return "input/output error (\(message))"
    case .constraint, .other: return message
    }
  }
}

extension StoreError {
  /// Something that the analyst gave, or left out, that a record does not take: said in the
  /// record's terms, for the command that took it to word with its own options.
  public enum Mistake: Sendable, Equatable, CustomStringConvertible {
    /// A negotiation with no party.
    case negotiationWithoutParty
    /// A number of quiet days after which a draft is dormant that is not above 0.
    case dormancyNotAboveZero
    /// A meeting with no participants.
    case meetingWithoutParticipants
    /// A condition met, said to be met by someone: it is met by no one in particular.
    case metConditionWithActor
    /// An answer to a condition whose actor cannot be told (not one counterpart alone).
    case answerWithoutActor(ConditionOutcome, condition: Int64)
    /// A retraction with no reason.
    case retractionWithoutReason
    /// An undo of fewer than one command.
    case undoOfNoCommand
    /// A report whose "since" day comes after its as-of day.
    case reportSinceAfterAsOf(since: Day, asOf: Day)
    /// A report whose number of quiet days before a negotiation is stale is below 0.
    case staleDaysBelowZero
    /// A step of a kind that concerns one party, for no party.
    case stepWithoutParty(ProposalStep.Kind)
    /// A step of a kind that concerns the whole proposal, for a party.
    case stepWithParty(ProposalStep.Kind)
    /// A step date of ``StepDate``'s kind of step given for a step of another kind.
    case stepDateNotTaken(StepDate)
    /// A step of ``StepDate``'s kind without that date.
    case stepDateMissing(StepDate)
    /// A step date before the step itself.
    case stepDateBeforeStep(StepDate, date: AccordDate, step: AccordDate)
    /// Members to add to a bloc, but no actor.
    case noMembersToAdd
    /// A source with neither a URL nor a title.
    case sourceWithoutURLOrTitle

    public var description: String {
      switch self {
      case .negotiationWithoutParty: "a negotiation needs at least one party"
      case .dormancyNotAboveZero: "the days after which a draft is dormant must be a number above 0"
      case .meetingWithoutParticipants: "a meeting needs its participants"
      case .metConditionWithActor: "a condition is met, by no one in particular"
      case .answerWithoutActor(let outcome, let condition):
        "whoever \(outcome.rawValue) condition \(condition) must be named"
      case .retractionWithoutReason: "a retraction needs a reason"
      case .undoOfNoCommand: "an undo takes a number of commands, 1 or more"
      case .reportSinceAfterAsOf(let since, let asOf): "\(since) is after the as-of day \(asOf)"
      case .staleDaysBelowZero: "the days after which a negotiation is stale must be 0 or more"
      case .stepWithoutParty(let kind): "a \(kind.argument) step concerns one party"
      case .stepWithParty(let kind): "a \(kind.argument) step concerns the whole proposal, not a party"
      case .stepDateNotTaken(let date): "the \(date) date goes with a \(date.step.argument) step only"
      case .stepDateMissing(let date): "a \(date.step.argument) step needs its \(date) date"
      case .stepDateBeforeStep(let field, let date, let step):
        "the \(field) date \(date) is before the step itself (\(step))"
      case .noMembersToAdd: "no actors to add to the bloc"
      case .sourceWithoutURLOrTitle: "a source needs a URL, or a title where it has none"
      }
    }
  }

  /// The second date that one kind of step carries.
  public enum StepDate: String, Sendable, Equatable, CustomStringConvertible {
    /// The deadline an extension moves to.
    case until
    /// The day a withdrawal notified takes effect.
    case effective

    /// The kind of step that carries it.
    public var step: ProposalStep.Kind {
      switch self {
      case .until: .extended
      case .effective: .withdrawalNotified
      }
    }

    public var description: String { rawValue }
  }

  /// What is taken already.
  public enum Taken: Sendable, Equatable, CustomStringConvertible {
    /// An actor of that kind goes by that name already (`shortID` the actor's).
    case actorName(ActorKind, name: String, shortID: String)
    /// A short id that another record of the kind has.
    case shortID(String, kind: String)
    /// A file that a backup would replace.
    case file(String)

    public var description: String {
      switch self {
      case .actorName(let kind, let name, let shortID):
        "a \(kind.rawValue) named '\(name)' exists already ('\(shortID)')"
      case .shortID(let slug, let kind): "the short id '\(slug)' belongs to another \(kind) already"
      case .file(let path): "\(path) exists already"
      }
    }
  }

  /// Why a file cannot hold Accord's record.
  public enum UnusableFile: Sendable, Equatable, CustomStringConvertible {
    /// A folder or a device.
    case notAFile
    /// Another program's SQLite database.
    case anotherProgramsDatabase

    public var description: String {
      switch self {
      case .notAFile: "it is not a file but a folder or a device"
      case .anotherProgramsDatabase: "it is an SQLite database of another program, not Accord's"
      }
    }
  }
}
