import ArgumentParser
import ReliefPresentation

extension Relief {
  /// `relief workflow`: the workflow definitions.
  struct WorkflowGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "workflow",
      abstract: "Show the workflow of a kind of case, as text or as a diagram.",
      subcommands: [Show.self])
  }
}
