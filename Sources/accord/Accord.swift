import AccordPostgres
import AccordSQLite
import AccordStore
import AccordSystem
import ArgumentParser

@main
struct Accord: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "accord",
    abstract: "Track diplomatic negotiations: who met, who proposed and demanded what, what was signed.",
    discussion: """
      Records go to --db PATH, else $ACCORD_DB, else $XDG_DATA_HOME/accord/accord.sqlite \
      (~/.local/share/accord/accord.sqlite). Names of actors, negotiations, proposals and sources \
      take a short id, any alias (any case) or the number. Dates: 2025, 2025-02, 2025-02-14, \
      optionally ending in ~ (approximate) or ? (uncertain); today; yesterday.
      """,
    version: "0.1.0",
    subcommands: [
      Init.self, Example.self, ActorCommand.self, NegotiationCommand.self, MeetingCommand.self,
      ProposalCommand.self, StepCommand.self, ConditionCommand.self, QuoteCommand.self, SourceCommand.self,
      Log.self,
      DevelopmentCommand.self,
      Deals.self, Positions.self, DeadlineCommand.self, Deadlines.self, Export.self, Import.self,
      Timeline.self,
      Search.self, ReportCommand.self, Generate.self,
      Backup.self, Check.self, TeamCommand.self, Copy.self, DatasetteMetadata.self, History.self,
      Changes.self,
      Undo.self, Retract.self,
    ]
  )

  /// Parses and runs one command. Every error is one line on stderr: exit 64 for usage errors,
  /// 1 for the rest.
  static func main() {
    if let problem = RawArguments.invalidUTF8() { fail(problem, hint: nil, code: 64) }
    do {
      let arguments = CommandLineWords.arranged(Array(CommandLine.arguments.dropFirst()), root: Self.self)
      try CommandLineWords.checkCommandWord(arguments, root: Self.self)
      let (leaf, depth) = RepeatedOptions.command(Self.self, arguments: arguments)
      try RepeatedOptions.check(leaf, arguments: arguments)
      // The command's own arguments parsed by it alone: the parser then builds the tree of that
      // command only, not of all fifty (a measurable part of a quick command's time). Anything
      // it does not take (help, a mistake) goes through the whole tree, which says it as usual.
      if depth > 0, leaf.configuration.subcommands.isEmpty,
        var command = try? leaf.parse(Array(arguments.dropFirst(depth)))
      {
        try command.run()
        // Another process made the record this command made anew: run it again, on that one.
        while !NewDatabase.publish() {
          var again = try leaf.parse(Array(arguments.dropFirst(depth)))
          try again.run()
        }
        for _ in 1..<TestHooks.repeatCount {
          var again = try leaf.parse(Array(arguments.dropFirst(depth)))
          try again.run()
        }
        TestHooks.report()
        return
      }
      var command = try parseAsRoot(arguments)
      try command.run()
      while !NewDatabase.publish() {
        command = try parseAsRoot(arguments)
        try command.run()
      }
      TestHooks.report()
    } catch let error as StoreError {
      fail(error.commandLineText, hint: nil, code: error.isUsageError ? 64 : 1)
    } catch let error as DatabaseError {
      let error = StoreError(error)
      fail(error.commandLineText, hint: nil, code: error.isUsageError ? 64 : 1)
    } catch let error as PostgresError {
      fail(error.description, hint: nil, code: 1)
    } catch let error as OutputFile.Failure {
      fail(error.description, hint: nil, code: 1)
    } catch {
      let code = exitCode(for: error)
      if code == .success { exit(withError: error) }  // --help, --version
      let full = fullMessage(for: error)
      let usage = full.split(separator: "\n").first { $0.hasPrefix("Usage: ") }
      let path = usage.map { line in
        line.dropFirst("Usage: ".count).split(separator: " ")
          .prefix { !$0.hasPrefix("<") && !$0.hasPrefix("[") && !$0.hasPrefix("-") }
          .joined(separator: " ")
      }
      // All of it: a value that the user typed may hold a line break, which fail() shows as \n.
      var message = message(for: error)
      while message.hasSuffix("\n") { message.removeLast() }
      if message.isEmpty { message = "\(error)" }
      if let line = CommandLineWords.valueChoice(message) { message = line }
      fail(message, hint: path.map { "see '\($0) --help'" }, code: code.rawValue)
    }
  }

  static func fail(_ message: String, hint: String?, code: Int32) -> Never {
    NewDatabase.removeAfterFailure()
    var line = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
    if let hint { line += " (\(hint))" }
    FileOutput.standardError.write("Error: " + ErrorLine.clean(line) + "\n")
    System.exit(code)
  }
}

extension CommandConfiguration {
  /// A command without subcommands. `Accord.main` parses its arguments with it alone, as the root
  /// of its own tree; so that the parser then spares its check for `--generate-completion-script`
  /// (two extra parses of the arguments, by reflection: an eighth of a quick command's start), the
  /// command names `accord` as the command above it, which the parser reads only of a root. Help,
  /// errors and completion scripts come from the whole tree, whose root is `Accord`.
  var asLeaf: CommandConfiguration {
    var leaf = self
    leaf._superCommandName = "accord"
    return leaf
  }
}
