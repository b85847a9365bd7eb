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
        overdue first.
        """)

    /// The officer the expiries are recorded as.
    static let officer = "system"

    @OptionGroup var global: GlobalOptions

    @Option(help: "Region prefix of the enterprises: 2, 4 or 6 digits.")
    var region: String?

    func run(_ context: CommandContext) throws {
      let region = try region.map(Parse.regionPrefix)
      let (expired, counts, red, yellow) = try context.write { session, now in
        // A recognition lapses the day after validUntil: its re-review reminder (due on
        // validUntil) has passed. The expire event's own guard holds the rule.
        let lapsed = try session.cases(
          matching: CaseFilter(
            kind: .cultivation, state: .recognized, region: region, overdue: true, limit: 0),
          today: context.today)
        var expired: [CaseID] = []
        for record in lapsed.items {
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
            matching: CaseFilter(region: region, alert: .yellow, limit: 0), today: context.today)
        )
      }
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
      }
      if red.total > 0 { throw ExitCode(3) }
    }
  }
}
