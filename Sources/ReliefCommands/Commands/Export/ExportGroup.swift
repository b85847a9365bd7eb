import ArgumentParser
import ReliefPresentation

extension Relief {
  /// `relief export`: enterprises, cases, events and services as CSV or JSON.
  struct ExportGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Export enterprises, cases, events or services as CSV or JSON.",
      discussion: """
        CSV columns and JSON keys are those of the --json output (see Docs/data.md). A JSON \
        export of enterprises and cases imports back into an empty database without loss: \
        `relief import enterprises` then `relief import cases`.
        """,
      subcommands: [Enterprises.self, Cases.self, Events.self, Services.self])
  }
}
