import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief.CaseGroup {
  /// `relief case note ID TEXT`: adds a note to the history.
  struct Note: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "note", abstract: "Add a note to a case's history.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The case id.")
    var id: String

    @Argument(help: "The note.")
    var text: String

    @Option(help: "When it happened, if earlier.")
    var at: String?

    func run(_ context: CommandContext) throws {
      try CaseEvents.perform(
        .note, inputs: EventInputs(note: text), at: at, on: id, context: context
      ) { record in
        context.t("msg.case-noted", ["id": record.reliefCase.id.description])
      }
    }
  }
}
