import AccordStore

extension StoreError {
  /// The error as `accord` says it: where the store speaks of what the analyst gave or left out,
  /// the options of the command that take it are named; otherwise the store's own words.
  var commandLineText: String {
    switch self {
    case .mistake(let mistake): mistake.commandLineText
    case .taken(let taken): taken.commandLineText
    case .notTakingPart(let actor, let shortID, let negotiation, let date):
      "\(actor) takes no part in \(negotiation) on \(date): "
        + "add it with 'accord negotiation join \(negotiation) \(shortID) --as party --on DATE'"
    case .unusableFile(let path, .notAFile):
      "cannot open database \(path): \(StoreError.UnusableFile.notAFile); name a file with --db"
    case .unusableFile(let path, .anotherProgramsDatabase):
      "cannot open database \(path): \(StoreError.UnusableFile.anotherProgramsDatabase); name another file with --db"
    case .noRecord(let path):
      "no Accord record at \(path) (make one with 'accord init \(path)', or name another with --db)"
    default: description
    }
  }
}

extension StoreError.Mistake {
  /// The mistake as `accord` says it, naming the option that gives what is missing or refused.
  var commandLineText: String {
    switch self {
    case .negotiationWithoutParty: "a negotiation needs at least one --party"
    case .dormancyNotAboveZero: "--dormant-after takes a number of days above 0, such as 365"
    case .meetingWithoutParticipants: "a meeting needs its participants: add --with ACTOR for each"
    case .metConditionWithActor: "a condition is met, by no one in particular: leave out --by"
    case .answerWithoutActor(let outcome, let condition):
      "say who \(outcome.rawValue) condition \(condition) with --by ACTOR"
    case .retractionWithoutReason: "a retraction needs a --reason"
    case .undoOfNoCommand: "--steps takes a number, 1 or more"
    case .reportSinceAfterAsOf(let since, let asOf):
      "--since \(since) is after the as-of day \(asOf): give an earlier day"
    case .staleDaysBelowZero: "--stale takes a number of days, 0 or more"
    case .stepWithoutParty(let kind):
      "a \(kind.argument) step concerns one party: say which with --party ACTOR"
    case .stepWithParty(let kind): "a \(kind.argument) step concerns the whole proposal: leave out --party"
    case .stepDateNotTaken(let field): "\(field.option) goes with a \(field.step.argument) step only"
    case .stepDateMissing(let field): "a \(field.step.argument) step needs \(field.option) DATE"
    case .stepDateBeforeStep(let field, let date, let step):
      "\(field.option) \(date) is before the step itself (\(step))"
    case .noMembersToAdd: "name the actors to add with --add ACTOR"
    case .sourceWithoutURLOrTitle: "a source needs a URL, or a --title where it has none"
    }
  }
}

extension StoreError.StepDate {
  /// The option of `proposal step` that gives it.
  var option: String {
    switch self {
    case .until: "--until"
    case .effective: "--effective"
    }
  }
}

extension StoreError.Taken {
  /// What is taken, as `accord` says it, naming the option that chooses another or replaces it.
  var commandLineText: String {
    switch self {
    case .actorName(let kind, let name, let shortID):
      "a \(kind.rawValue) named '\(name)' exists already ('\(shortID)'); use it, or give --id to add another"
    case .shortID(let slug, let kind):
      "the short id '\(slug)' belongs to another \(kind) already: choose another --id"
    case .file(let path): "\(path) exists already: name a new file, or give --force to replace it"
    }
  }
}
