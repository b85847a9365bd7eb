import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief.CaseGroup {
  /// `relief case supervise ID --reason T`: records a supervision (督办).
  struct Supervise: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "supervise",
      abstract: "Record a supervision (督办) of an open case; its level counts up.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The case id.", completion: Completions.caseIDs)
    var id: String

    @Option(help: "Why the case is supervised.")
    var reason: String

    @Option(help: "When it happened, if earlier.")
    var at: String?

    func run(_ context: CommandContext) throws {
      try CaseEvents.perform(
        .supervise, inputs: EventInputs(reason: reason), at: at, on: [try Parse.caseID(id)],
        context: context
      ) { record in
        context.t(
          "msg.case-supervised",
          [
            "id": record.reliefCase.id.description,
            "level": String(record.reliefCase.supervisionLevel),
          ])
      }
    }
  }
}
