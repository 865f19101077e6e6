import AccordStore
import ArgumentParser
import FoundationEssentials

/// Nothing typed is silently dropped: an option that can meaningfully repeat (`--party`, `--by`,
/// `--with`, `--alias`, `--tag`, `--source`, `--actor`) records every value given, and the parser
/// keeps all of them; an option that takes one value, given twice, is refused here, where the
/// parser would keep the last value and drop the first without a word.
enum RepeatedOptions {
  /// The subcommand of `root` that `arguments` name (`actor member …`), and how many of the
  /// arguments name it.
  static func command(_ root: ParsableCommand.Type, arguments: [String]) -> (ParsableCommand.Type, Int) {
    var command = root
    var depth = 0
    for argument in arguments {
      guard let sub = command.configuration.subcommands.first(where: { $0._commandName == argument }) else {
        break
      }
      command = sub
      depth += 1
    }
    return (command, depth)
  }

  /// A usage error naming the first option of `command` given more than once that takes one value.
  /// (The command is found only when an option is repeated, and before the parser validates
  /// anything, so that a repeated option is what is refused first.)
  static func check(_ command: @autoclosure () -> ParsableCommand.Type, arguments: [String]) throws {
    var seen: [String: [String]] = [:]
    var duplicated: [String] = []
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--" { break }
      guard argument.hasPrefix("-"), argument.count > 1,
        !argument.dropFirst().allSatisfy({ $0.isNumber || $0 == "." })
      else { continue }
      var name = argument
      var value: String?
      if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
        name = String(argument[..<equals])
        value = String(argument[argument.index(after: equals)...])
      } else if index < arguments.count, !arguments[index].hasPrefix("-") {
        value = arguments[index]
      }
      // The same value twice drops nothing; a second, different value would be dropped.
      if let earlier = seen[name], !earlier.contains(value ?? ""), !duplicated.contains(name) {
        duplicated.append(name)
      }
      seen[name, default: []].append(value ?? "")
    }
    guard !duplicated.isEmpty else { return }
    // Only now, with an option given twice, read which options take one value.
    let info = try JSONDecoder().decode(Dump.self, from: Data(command()._dumpHelp().utf8))
    for name in duplicated {
      guard
        let argument = info.command.arguments?.first(where: { argument in
          argument.kind == "option" && (argument.names ?? []).contains { $0.spelled == name }
        }), !argument.isRepeating
      else { continue }
      var values: [String] = []
      for value in seen[name] ?? [] where !values.contains(value) { values.append(value) }
      throw StoreError.invalid(
        "\(name) takes one value, and was given \(values.count) ("
          + values.map { "'\($0)'" }.joined(separator: ", ") + "): give it once")
    }
  }

  /// The parts of swift-argument-parser's `--experimental-dump-help` JSON that say which options repeat.
  private struct Dump: Decodable {
    struct Command: Decodable { let arguments: [Argument]? }
    struct Argument: Decodable {
      let kind: String
      let isRepeating: Bool
      let names: [Name]?
    }
    struct Name: Decodable {
      let kind: String
      let name: String
      var spelled: String { kind == "short" ? "-" + name : "--" + name }
    }
    let command: Command
  }
}
