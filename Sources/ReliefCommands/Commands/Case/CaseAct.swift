import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.CaseGroup {
  /// `relief case act ID... EVENT`: performs a workflow event on one case or several.
  struct Act: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "act",
      abstract: "Perform an event on cases (see `relief workflow show KIND` for the events).",
      discussion: """
        An event not allowed in the case's state is refused with the events that are. Several \
        ids (or --ids-from FILE) are acted on in one transaction: all of them, or none when any \
        is refused, and then every refusal is listed.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(
      help: ArgumentHelp(
        "The case ids, such as AR-2026-000001, then the event, such as accept or pay.",
        valueName: "id... event"), completion: Completions.caseIDsThenEvent)
    var words: [String] = []

    @Option(help: "A file of case ids, one a line (with or instead of ids given).")
    var idsFrom: String?

    @Option(help: "Why (reject, request-documents, withdraw, extend, reopen, ...).")
    var reason: String?

    @Option(help: "The handling department (transfer) or the tax authority (review).")
    var to: String?

    @Option(parsing: .unconditional, help: "An amount (pay, approve, disburse).")
    var amount: String?

    @Option(help: "The outcome (resolve).")
    var outcome: ArrearsOutcome?

    @Option(parsing: .unconditional, help: "Days to add to the result period (extend).")
    var days: Int?

    @Option(parsing: .unconditional, help: "The evaluation score, 0-100 (evaluate).")
    var score: Int?

    @Option(help: "A province recognising a white-list listing (recognize), such as 44 or 440000.")
    var region: String?

    @Option(help: "The complainant's satisfaction (close).")
    var satisfaction: Satisfaction?

    @Option(help: "Why a recognition goes ahead below the score threshold (recognize).")
    var fastTrack: String?

    @Option(
      parsing: .unconditional,
      help:
        "Years a revocation bars a new cultivation case (revoke; default 0, 3 on serious grounds)."
    )
    var banYears: Int?

    @Option(help: "A note to record with the event.")
    var note: String?

    @Option(help: "The officer who will handle the case (assign; or `relief case assign`).")
    var assignee: String?

    @Option(help: "When it happened, if earlier: 2026-04-28 or 2026-04-28T09:30.")
    var at: String?

    func validate() throws {
      guard words.count >= (idsFrom == nil ? 2 : 1) else {
        throw ValidationError("Give the case ids (or --ids-from FILE), then the event.")
      }
    }

    func run(_ context: CommandContext) throws {
      let inputs = EventInputs(
        reason: reason, to: to, amount: try amount.map { try Parse.money($0) }, outcome: outcome,
        days: days, score: score, region: try region.map(Parse.province),
        satisfaction: satisfaction, note: note, fastTrack: fastTrack, assignee: assignee,
        banYears: banYears)
      let event = words.last ?? ""
      let ids = try CaseEvents.ids(Array(words.dropLast()), from: idsFrom)
      let name = EventName(rawValue: event.trimmingCharacters(in: .whitespaces).lowercased())
      try CaseEvents.perform(name, inputs: inputs, at: at, on: ids, context: context) { record in
        context.t(
          "msg.case-acted",
          [
            "id": record.reliefCase.id.description,
            "command": name.rawValue,
            "state": context.t.stateWithIdentifier(record.reliefCase.state),
          ])
      }
    }
  }
}
