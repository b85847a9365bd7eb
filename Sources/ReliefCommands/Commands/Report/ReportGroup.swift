import ArgumentParser
import ReliefPresentation

extension Relief {
  /// `relief report`: the monthly service summary and the working reports.
  struct ReportGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract: "The monthly service summary, and reports on overdue cases, workload and debtors.",
      subcommands: [Monthly.self, Overdue.self, Workload.self, Debtors.self])
  }
}

/// The formats of the monthly summary.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
  case text, markdown, csv, json, html

  /// The format a file name's extension suggests, if any.
  init?(fileName: String) {
    let lowered = fileName.lowercased()
    let byExtension: [(String, ReportFormat)] = [
      (".md", .markdown), (".markdown", .markdown), (".csv", .csv), (".json", .json),
      (".html", .html), (".htm", .html), (".txt", .text),
    ]
    guard let match = byExtension.first(where: { lowered.hasSuffix($0.0) }) else { return nil }
    self = match.1
  }
}
