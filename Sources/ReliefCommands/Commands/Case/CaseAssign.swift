import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief.CaseGroup {
  /// `relief case assign ID... OFFICER` (or `ID... --to OFFICER`): hands cases to an officer.
  struct Assign: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "assign", abstract: "Hand cases to an officer.",
      discussion: """
        `case assign AR-2026-000001 li.wei`, or several ids with --to: `case assign \
        AR-2026-000001 AR-2026-000007 --to li.wei` (or --ids-from FILE), all in one \
        transaction, or none.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(
      help: ArgumentHelp(
        "The case ids, then the officer unless --to names them.", valueName: "id... officer"),
      completion: Completions.caseIDs)
    var words: [String] = []

    @Option(help: "The officer who will handle the cases.")
    var to: String?

    @Option(help: "A file of case ids, one a line (with or instead of ids given).")
    var idsFrom: String?

    @Option(help: "A note to record with the assignment.")
    var note: String?

    @Option(help: "When it happened, if earlier.")
    var at: String?

    func validate() throws {
      let ids = words.count - (to == nil ? 1 : 0) + (idsFrom == nil ? 0 : 1)
      guard ids >= 1, to != nil || !words.isEmpty else {
        throw ValidationError("Give the case ids (or --ids-from FILE), then the officer or --to.")
      }
    }

    func run(_ context: CommandContext) throws {
      var idTexts = words
      let assignee = to ?? idTexts.popLast() ?? ""
      let ids = try CaseEvents.ids(idTexts, from: idsFrom)
      try CaseEvents.perform(
        .assign, inputs: EventInputs(note: note, assignee: assignee), at: at, on: ids,
        context: context
      ) { record in
        context.t(
          "msg.case-assigned",
          ["id": record.reliefCase.id.description, "officer": record.reliefCase.assignee ?? ""])
      }
    }
  }
}
