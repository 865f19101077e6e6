import ArgumentParser

struct NegotiationCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "negotiation", abstract: "Negotiation tracks, their parties and their status.",
    subcommands: [
      NegotiationAdd.self, NegotiationList.self, NegotiationShow.self, NegotiationEdit.self,
      NegotiationJoin.self,
      NegotiationLeave.self,
    ])
}
