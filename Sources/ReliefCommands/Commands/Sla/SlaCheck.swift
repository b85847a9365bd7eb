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
        First it records `expire` (officer `system`) on every recognition that has lapsed, in \
        the same transaction as the check. A summary line comes next, then the cases, most \
        overdue first. With no lapsed recognition it only reads. Red is overdue and yellow due \
        soon, by the one definition every list and report uses; re-review reminders of \
        recognitions are not deadlines: they are listed apart and never change the exit code.
        """)

    /// The officer the expiries are recorded as.
    static let officer = "system"

    @OptionGroup var global: GlobalOptions

    /// It opens the database read-only, and for writing only when there is something to expire,
    /// so that a daily check with nothing lapsed still works where the officer may not write.
    var readsOnly: Bool { true }

    @Option(help: "Region prefix of the enterprises: 2, 4 or 6 digits.")
    var region: String?

    /// The recognized cultivation cases whose re-review reminder (due on validUntil) has passed:
    /// lapsed the day after validUntil. The expire event's own guard holds the rule.
    static func lapsed(
      _ region: RegionPrefix?, in session: any ReliefSession, today: LocalDate
    ) throws -> [CaseRecord] {
      let due = CaseFilter(
        kind: .cultivation, state: .recognized, region: region, reReviewDue: true, limit: 0)
      return try session.cases(matching: due, today: today).items.filter { record in
        record.reliefCase.clock.map { today > $0.dueDate } ?? false
      }
    }

    func run(_ context: CommandContext) throws {
      let region = try region.map(Parse.regionPrefix)
      let anyLapsed = try context.store.read { session in
        try !Self.lapsed(region, in: session, today: context.today).isEmpty
      }
      if anyLapsed {
        try check(CommandContext.open(global), region: region, expiring: true)
      } else {
        try check(context, region: region, expiring: false)
      }
    }

    func check(_ context: CommandContext, region: RegionPrefix?, expiring: Bool) throws {
      let body = { (session: any ReliefSession, now: Instant) throws in
        let lapsed =
          expiring ? try Self.lapsed(region, in: session, today: context.today) : []
        var expired: [CaseID] = []
        for record in lapsed {
          do {
            let done = try session.perform(
              .expire, inputs: EventInputs(), at: nil, officer: Self.officer,
              on: record.reliefCase.id, now: now)
            expired.append(done.reliefCase.id)
          } catch DomainError.recognitionStillValid {
            continue
          }
        }
        return (
          expired,
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
      let (expired, counts, red, yellow, reReviews) =
        expiring
        ? try context.write(body) : try context.store.read { try body($0, context.now) }
      let cases = red.items + yellow.items
      let rendering = CaseRendering(context)
      if context.json {
        context.print(
          json: .object([
            ("date", .string(context.today.description)),
            ("expired", .array(expired.map { .string($0.description) })),
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
        if !expired.isEmpty {
          context.print(
            context.t(
              "sla.expired",
              [
                "count": String(expired.count),
                "cases": expired.map(\.description).joined(separator: ", "),
              ]))
        }
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
