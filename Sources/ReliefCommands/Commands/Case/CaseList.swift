import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.CaseGroup {
  /// `relief case list`: cases, filtered.
  struct List: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract:
        "List cases: most recently opened first, or most urgent first with deadline filters.")

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    @Option(help: "Only this kind.")
    var kind: CaseKind?

    @Option(help: "Only this state (needs --kind).", completion: Completions.states)
    var state: String?

    @Flag(help: "Only open cases.")
    var open = false

    @Flag(help: "Only closed cases.")
    var closed = false

    @Option(help: "Only cases handled by this officer.")
    var assignee: String?

    @Option(help: "Region prefix of the enterprise: 2, 4 or 6 digits.")
    var region: String?

    @Option(help: "Only cases of this enterprise (USCC).")
    var enterprise: String?

    @Flag(help: "Only cases past their deadline (red). Re-review reminders are never overdue.")
    var overdue = false

    @Option(help: "Only cases whose deadline falls within this many working days.")
    var dueWithin: Int?

    @Option(help: "Only cases whose deadline is at this alert level (yellow: due soon).")
    var alert: Alert?

    @Flag(help: "Only recognitions whose re-review is due (a reminder, not a deadline).")
    var reReview = false

    @Option(help: "How many to show (0 for all).")
    var limit = 100

    func validate() throws {
      if open && closed { throw ValidationError("--open and --closed exclude each other") }
      if let dueWithin, dueWithin < 0 { throw ValidationError("--due-within takes 0 or more") }
    }

    func run(_ context: CommandContext) throws {
      var filter = CaseFilter(
        kind: kind, assignee: assignee, region: try region.map(Parse.regionPrefix),
        enterprise: try enterprise.map { try Parse.uscc($0, allowBadChecksum: true) },
        overdue: overdue, alert: alert, reReviewDue: reReview, limit: try Parse.limit(limit))
      if open { filter.openness = .open }
      if closed { filter.openness = .closed }
      if let state {
        guard let kind else { throw Refusal("error.state-needs-kind") }
        let name = CaseState(rawValue: state)
        guard kind.workflow.state(name) != nil else {
          let states = kind.workflow.states.map(\.name.rawValue)
          throw ReliefFailure(
            message: context.t(
              "error.unknown-state",
              ["kind": context.t.kind(kind), "state": state, "states": context.t.list(states)])
              + ErrorText.didYouMean(state, among: states, context.t))
        }
        filter.state = name
      }
      if let dueWithin {
        filter.dueBy =
          context.agency.calendar.adding(workingDays: dueWithin, after: context.today)
          .date
      }
      let rendering = CaseRendering(context)
      try ListOutput.list(
        limit: filter.limit, context: context, table: rendering.table,
        json: { rendering.json($0) },
        page: { try $0.cases(matching: filter, today: context.today) },
        stream: { try $0.cases(matching: filter, today: context.today, into: $1) })
    }
  }
}
