import ArgumentParser
import ReliefPresentation

extension Relief {
  /// `relief calendar`: the working-day calendar deadlines count in.
  struct CalendarGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "calendar",
      abstract: "Show the working-day calendar, or import a year's official arrangement.",
      subcommands: [Show.self, Import.self])
  }
}
