import ArgumentParser
import ReliefPresentation

extension Relief {
  /// `relief sla`: deadline supervision.
  struct SlaGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sla",
      abstract: "Check deadlines: the red and yellow cases, for a daily cron job.",
      subcommands: [Check.self])
  }
}
