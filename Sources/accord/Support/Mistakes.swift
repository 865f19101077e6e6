import AccordStore
import ArgumentParser

/// What a user most likely meant by a word that Accord does not know: the nearest of `choices`
/// by edit distance (a swap of two neighbours counts as one edit), if it is near enough to be a
/// typo rather than another word.
enum Suggestion {
  static func nearest(to word: String, in choices: [String]) -> String? {
    let typed = Array(word.lowercased())
    guard !typed.isEmpty else { return nil }
    var best: (choice: String, distance: Int)?
    for choice in choices {
      let candidate = Array(choice.lowercased())
      // A word the choice begins with (`deal` for `deals`, `neg` for `negotiation`) is near.
      let distance =
        candidate.starts(with: typed) && typed.count >= 3 ? 1 : editDistance(typed, candidate)
      let allowed = min(3, max(2, candidate.count / 3))
      if distance <= allowed, distance < (best?.distance ?? Int.max) {
        best = (choice, distance)
      }
    }
    return best?.choice
  }

  /// Optimal string alignment distance: insertions, deletions, substitutions and transpositions.
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        let deletion = previous[j] + 1
        let insertion = current[j - 1] + 1
        let substitution = previous[j - 1] + cost
        current[j] = min(deletion, insertion, substitution)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}

/// The command line as the user typed it, made ready for the parser: the options every command
/// shares may come before the command (`accord --db team.sqlite deals`, as `git -C` and `gh -R`
/// take theirs), and a word that names no command is refused with the nearest command's name.
enum CommandLineWords {
  /// Options that every command reading or writing the record takes.
  static let shared: Set<String> = ["--db", "--format"]

  /// `arguments` with the shared options that were typed before (or between the words of) the
  /// command moved to just after it, where the command's own parser reads them.
  static func arranged(_ arguments: [String], root: ParsableCommand.Type) -> [String] {
    var path: [String] = []
    var moved: [String] = []
    var command = root
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if let sub = command.configuration.subcommands.first(where: { $0._commandName == argument }) {
        command = sub
        path.append(argument)
        index += 1
      } else if shared.contains(argument), index + 1 < arguments.count {
        moved += [argument, arguments[index + 1]]
        index += 2
      } else if let equals = argument.firstIndex(of: "="), shared.contains(String(argument[..<equals])) {
        moved.append(argument)
        index += 1
      } else {
        break
      }
    }
    guard !moved.isEmpty else { return arguments }
    return path + moved + arguments[index...]
  }

  /// A usage error when the word after a command that has subcommands names none of them
  /// (`accord dael`, `accord actor ad`), naming the nearest.
  static func checkCommandWord(_ arguments: [String], root: ParsableCommand.Type) throws {
    let (command, depth) = RepeatedOptions.command(root, arguments: arguments)
    let subcommands = command.configuration.subcommands
    guard !subcommands.isEmpty, depth < arguments.count else { return }
    let word = arguments[depth]
    guard !word.hasPrefix("-"), word != "help" else { return }
    let names = subcommands.compactMap { $0.configuration.commandName }
    let parent = (["accord"] + arguments.prefix(depth)).joined(separator: " ")
    let known = "see '\(parent) --help' for its commands"
    if let nearest = Suggestion.nearest(to: word, in: names) {
      throw StoreError.invalid(
        "'\(word)' is not a command of '\(parent)': did you mean '\(parent) \(nearest)'? (\(known))")
    }
    throw StoreError.invalid("'\(word)' is not a command of '\(parent)' (\(known))")
  }

  /// The parser's message for a value outside a fixed list, on one line with the nearest choice:
  /// "'sign' is not a valid <step>: did you mean 'signed'? It is one of floated, tabled, …".
  static func valueChoice(_ message: String) -> String? {
    guard message.hasPrefix("The value '"),
      let invalid = message.firstRange(of: "' is invalid for '"),
      let provide = message.firstRange(of: "'. Please provide one of "),
      message.index(message.startIndex, offsetBy: 11) <= invalid.lowerBound,
      invalid.upperBound <= provide.lowerBound
    else { return nil }
    let value = String(message[message.index(message.startIndex, offsetBy: 11)..<invalid.lowerBound])
    let what = String(message[invalid.upperBound..<provide.lowerBound])
    let given = message[provide.upperBound...]
    var choices: [String]
    if given.hasPrefix("the following:") {
      choices = given.split(separator: "\n").dropFirst().map {
        String($0.drop { $0 == " " || $0 == "-" })
      }
    } else {
      // 'table', 'json' or 'csv'.
      choices = given.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter {
        $0.offset % 2 == 1
      }.map { String($0.element) }
    }
    choices = choices.filter { !$0.isEmpty }
    guard !choices.isEmpty else { return nil }
    let list = choices.joined(separator: ", ")
    if let nearest = Suggestion.nearest(to: value, in: choices) {
      return "'\(value)' is not a valid \(what): did you mean '\(nearest)'? It is one of \(list)"
    }
    return "'\(value)' is not a valid \(what): it is one of \(list)"
  }
}
