import ArgumentParser

struct ConditionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "condition",
    abstract: "What each side demands, offers, sets as a precondition or a red line, in exchange for what.",
    subcommands: [
      ConditionAdd.self, ConditionList.self, ConditionShow.self, ConditionUpdate.self, ConditionRevise.self,
      ConditionEdit.self,
    ])
}
