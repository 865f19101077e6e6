import ArgumentParser

struct ActorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "actor",
    abstract: "States, organizations, companies, groups and persons, with their aliases.",
    subcommands: [
      ActorAdd.self, ActorList.self, ActorShow.self, ActorAlias.self, ActorOffice.self, ActorMember.self,
      ActorMerge.self,
    ])
}
