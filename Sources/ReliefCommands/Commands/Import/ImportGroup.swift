import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief {
  /// `relief import`: enterprises, cases and services from CSV or JSON, all or nothing.
  struct ImportGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import enterprises, cases or services from CSV or JSON, all or nothing.",
      discussion: """
        A file goes in whole or not at all: one bad record refuses the whole file, and every bad \
        record is listed by the line it starts on. CSV is RFC 4180 with a header row naming the \
        columns (the JSON keys); UTF-8 with or without BOM, or GB18030/GBK as Excel saves it on \
        Chinese Windows, detected or given with --encoding. See Docs/data.md for the columns.
        """,
      subcommands: [Enterprises.self, Cases.self, Services.self])
  }
}

extension ImportSettings {
  /// The settings of an import run from the command line.
  init(_ context: CommandContext, allowBadChecksum: Bool = false, replacing: Bool = false) throws {
    self.init(
      now: context.now, zone: context.zone, officer: try context.officer(), t: context.t,
      allowBadChecksum: allowBadChecksum, replacing: replacing)
  }
}
