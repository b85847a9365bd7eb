import ArgumentParser
import ReliefPresentation

extension Relief {
  /// `relief db`: looking after the database file. Each subcommand is its own file in this
  /// folder; add one by adding it to `subcommands`.
  struct DbGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "db",
      abstract: "Back up, check and verify the database; print the history's anchor.",
      subcommands: [Anchor.self, Backup.self, Check.self, Verify.self])
  }
}
