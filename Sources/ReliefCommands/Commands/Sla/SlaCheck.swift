import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.SlaGroup {
  /// `relief sla check`: exits 3 when any case is red.
  struct Check: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "List red and yellow cases; exit 0 when none is red, 3 when some are.",
      discussion: """
        A summary line comes first, then the cases, most overdue first. Red is overdue and \
        yellow due soon, by the one definition every list and report uses; re-review reminders \
        of recognitions are not deadlines: they are listed apart and never change the exit code.
        """)

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    @Option(help: "Region prefix of the enterprises: 2, 4 or 6 digits.")
    var region: String?

    func run(_ context: CommandContext) throws {
      let region = try region.map(Parse.regionPrefix)
      let (counts, red, yellow, reReviews) = try context.store.read { session in
        (
          try session.alertCounts(today: context.today, region: region),
          try session.cases(
            matching: CaseFilter(region: region, alert: .red, limit: 0), today: context.today),
          try session.cases(
            matching: CaseFilter(region: region, alert: .yellow, limit: 0), today: context.today),
          try session.cases(
            matching: CaseFilter(region: region, reReviewDue: true, limit: 0),
            today: context.today)
        )
      }
      let cases = red.items + yellow.items
      let rendering = CaseRendering(context)
      if context.json {
        context.print(
          json: .object([
            ("date", .string(context.today.description)),
            ("red", .int(Int64(red.total))), ("yellow", .int(Int64(yellow.total))),
            ("blue", .int(Int64(counts.blue))), ("running", .int(Int64(counts.running))),
            ("cases", .array(cases.map { rendering.json($0) })),
            ("reReviewDue", .int(Int64(reReviews.total))),
            ("reReviews", .array(reReviews.items.map { rendering.json($0) })),
          ]))
      } else {
        let summary = context.t(
          "sla.summary",
          [
            "date": context.today.description, "red": String(red.total),
            "yellow": String(yellow.total), "blue": String(counts.blue),
            "running": String(counts.running),
          ])
        context.print(context.styled(summary, red.total > 0 ? .red : .bold))
        if cases.isEmpty {
          context.print(context.t("sla.all-clear"))
        } else {
          context.print(rendering.deadlineTable(cases))
        }
        if !reReviews.items.isEmpty {
          context.print("")
          context.print(
            context.styled(
              context.t("sla.re-reviews", ["count": String(reReviews.total)]), .bold))
          context.print(rendering.deadlineTable(reReviews.items))
        }
      }
      if red.total > 0 { throw ExitCode(3) }
    }
  }
}
