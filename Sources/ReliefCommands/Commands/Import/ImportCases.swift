import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief.ImportGroup {
  /// `relief import cases FILE`.
  struct Cases: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "cases",
      abstract: "Open the cases of a CSV file, or restore exported cases with their history.",
      discussion: """
        A CSV record (or a JSON object without a history) opens a new case at its openedAt, as \
        `relief case open` would. Columns: required kind, enterprise and the opening facts of \
        the kind (\(Columns.openingDetails.map { "\($0.kind): \($0.required.joined(separator: ", "))" }.joined(separator: "; "))); \
        optional title, assignee, openedAt, officer and \
        \(Columns.openingDetails.flatMap(\.optional).joined(separator: ", ")). A JSON object \
        with a history (what `relief export cases --format json` writes) is restored with its \
        id and every event, decided again with its own times.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ImportOptions

    func run(_ context: CommandContext) throws {
      try ImportRunner.run(
        CaseImporter(settings: try ImportSettings(context)), noun: "cases", options: options,
        context: context)
    }
  }
}
