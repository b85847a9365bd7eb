import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.DbGroup {
  /// `relief db check`: SQLite's checks and the project's own invariants.
  struct Check: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Check the database: SQLite's integrity and foreign keys, and Relief's invariants.",
      discussion: """
        Besides SQLite's integrity and foreign-key checks: the triggers that keep events (and the \
        steps, officers and clock specs they point to) append-only are all there; each case's \
        events are numbered 1..n; \
        its stored state, details, assignee and times equal the replay of its events; payments \
        stay within amounts owed, approvals within claims and disbursements within approvals; \
        case ids of each kind and year run 1..last without gaps; the search index matches the \
        data. Exits 0 when every check passes, 1 with the list of problems otherwise.
        """)

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    func run(_ context: CommandContext) throws {
      let t = context.t
      let cases = try context.store.read { try $0.counts().cases }
      let progress = Progress(label: t("db.check.progress"), total: cases)
      var skipped: [IntegrityProblem.Check] = []
      let problems = try context.store.checkIntegrity(
        now: context.now, skipped: { skipped.append($0) }, progress: { _, _ in progress.advance() })
      progress.finish()
      for check in skipped {
        context.warn(t("db.check.skipped.\(check.rawValue)"))
      }
      let text = IntegrityText(t: t, zone: context.zone)
      if context.json {
        context.print(
          json: .object([
            ("ok", .bool(problems.isEmpty)),
            (
              "checks",
              .array(
                IntegrityProblem.Check.allCases.map { check in
                  let found = problems.filter { $0.check == check }
                  return .object([
                    ("check", .string(check.rawValue)),
                    ("ok", .bool(found.isEmpty)),
                    (
                      "problems",
                      .array(
                        found.map { problem in
                          .object([
                            ("subject", .string(problem.subject)),
                            ("message", .string(text.describe(problem.detail))),
                          ])
                        })
                    ),
                  ])
                })
            ),
          ]))
      } else {
        for check in IntegrityProblem.Check.allCases {
          let found = problems.filter { $0.check == check }
          let label = t("db.check.\(check.rawValue)")
          if found.isEmpty {
            context.print(context.styled("✓ ", .green) + label)
            continue
          }
          context.print(
            context.styled("✗ ", .red) + label + ": "
              + t("db.check.problems", ["count": String(found.count)]))
          for problem in found {
            let subject = problem.subject.map { $0 + ": " } ?? ""
            context.print("    " + subject + text.describe(problem.detail))
          }
        }
        context.print(
          problems.isEmpty
            ? t("db.check.ok") : t("db.check.failed", ["count": String(problems.count)]))
      }
      if !problems.isEmpty { throw ExitCode(1) }
    }
  }
}

/// Words the problems `relief db check` finds.
struct IntegrityText {
  let t: Localizer
  let zone: AgencyZone

  func describe(_ detail: IntegrityProblem.Detail) -> String {
    switch detail {
    case .sqlite(let message):
      return message
    case .danglingReference(let table, let rowID, let parent):
      return t(
        "db.problem.dangling", ["table": table, "row": String(rowID), "parent": parent])
    case .appendOnlyTriggerMissing(let trigger, let operation, let present):
      return t(
        present ? "db.problem.trigger-altered" : "db.problem.trigger-missing",
        ["trigger": trigger, "operation": operation])
    case .eventsMisnumbered(let count, let first, let last, let lastSeq):
      return t(
        "db.problem.misnumbered",
        [
          "count": String(count), "first": first.map(String.init) ?? "-",
          "last": last.map(String.init) ?? "-", "lastSeq": String(lastSeq),
        ])
    case .unreadable(let reason):
      return t("db.problem.unreadable", ["reason": reason])
    case .replayFailed(let error):
      return t(
        "db.problem.replay-failed", ["message": ErrorText.describe(error, t, zone: zone)])
    case .fieldDiffers(let field, let stored, let replayed):
      return t(
        "db.problem.field-differs",
        [
          "field": field, "stored": timeOrText(field, stored),
          "replayed": timeOrText(field, replayed),
        ])
    case .recoveredAboveOwed(let recovered, let owed):
      return t("db.problem.recovered", ["recovered": recovered.grouped, "owed": owed.grouped])
    case .approvedAboveClaimed(let approved, let claimed):
      return t("db.problem.approved", ["approved": approved.grouped, "claimed": claimed.grouped])
    case .disbursedAboveApproved(let disbursed, let approved):
      return t(
        "db.problem.disbursed",
        ["disbursed": disbursed.grouped, "approved": approved?.grouped ?? t("msg.none")])
    case .numbersMissing(let kind, let year, let missing, let count):
      let ids = missing.map { CaseID(kind: kind, year: year, number: $0).description }
      return t(
        "db.problem.numbers-missing",
        [
          "count": String(count),
          "ids": ids.joined(separator: ", ") + (count > ids.count ? " …" : ""),
        ])
    case .numberBeyondSequence(let last):
      return t("db.problem.beyond-sequence", ["last": last.map(String.init) ?? "-"])
    case .searchOutOfStep(let missing, let stale):
      return t("db.problem.search", ["missing": String(missing), "stale": String(stale)])
    case .serviceDaysOutOfStep(let count):
      return t("db.problem.service-days", ["count": String(count)])
    }
  }

  /// Times (stored as seconds) shown as timestamps.
  private func timeOrText(_ field: String, _ value: String) -> String {
    guard field.hasSuffix("At"), let seconds = Int64(value) else { return value }
    return zone.iso8601(Instant(seconds: seconds))
  }
}
