import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief.CaseGroup {
  /// `relief case note ID... TEXT`: adds a note to the history of one case or several.
  struct Note: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "note", abstract: "Add a note to the history of cases.",
      discussion: "Several ids (or --ids-from FILE): all in one transaction, or none.")

    @OptionGroup var global: GlobalOptions

    @Argument(
      help: ArgumentHelp("The case ids, then the note.", valueName: "id... text"),
      completion: Completions.caseIDs)
    var words: [String] = []

    @Option(help: "A file of case ids, one a line (with or instead of ids given).")
    var idsFrom: String?

    @Option(help: "When it happened, if earlier.")
    var at: String?

    func validate() throws {
      guard words.count >= (idsFrom == nil ? 2 : 1) else {
        throw ValidationError("Give the case ids (or --ids-from FILE), then the note.")
      }
    }

    func run(_ context: CommandContext) throws {
      let text = words.last ?? ""
      let ids = try CaseEvents.ids(Array(words.dropLast()), from: idsFrom)
      try CaseEvents.perform(
        .note, inputs: EventInputs(note: text), at: at, on: ids, context: context
      ) { record in
        context.t("msg.case-noted", ["id": record.reliefCase.id.description])
      }
    }
  }
}
