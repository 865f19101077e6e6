import ArgumentParser

struct ProposalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "proposal", abstract: "Proposals, drafts and agreements, and the dated steps of each.",
    subcommands: [
      ProposalAdd.self, ProposalList.self, ProposalStepCommand.self, ProposalShow.self,
      ProposalLinkCommand.self,
      ProposalEdit.self,
    ])
}
