import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief.CaseGroup {
  /// `relief case assign ID OFFICER`: hands a case to an officer.
  struct Assign: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "assign", abstract: "Hand a case to an officer.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The case id.")
    var id: String

    @Argument(help: "The officer who will handle it.")
    var assignee: String

    @Option(help: "A note to record with the assignment.")
    var note: String?

    @Option(help: "When it happened, if earlier.")
    var at: String?

    func run(_ context: CommandContext) throws {
      try CaseEvents.perform(
        .assign, inputs: EventInputs(note: note, assignee: assignee), at: at, on: id,
        context: context
      ) { record in
        context.t(
          "msg.case-assigned",
          ["id": record.reliefCase.id.description, "officer": record.reliefCase.assignee ?? ""])
      }
    }
  }
}
