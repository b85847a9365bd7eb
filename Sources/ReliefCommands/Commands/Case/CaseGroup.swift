import ArgumentParser
import ReliefPresentation

extension Relief {
  /// `relief case`: opening cases, performing their events, and finding them.
  struct CaseGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "case",
      abstract: "Open cases, move them through their workflow, and find them.",
      subcommands: [
        Open.self, Act.self, List.self, Show.self, History.self, Note.self, Assign.self,
        Supervise.self,
      ])
  }
}
