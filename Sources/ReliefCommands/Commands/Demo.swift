import ArgumentParser
import Foundation
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI
import ReliefStores

extension Relief {
  /// `relief demo`: builds a realistic demo database and shows what is in it.
  struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "demo",
      abstract: "Build a demo database of realistic enterprises and cases, then summarise it.",
      discussion: """
        The demo goes to ./relief-demo.sqlite unless --db says otherwise (RELIEF_DB is ignored, so \
        that the demo never touches the officer's own database). It replaces an earlier demo, and \
        refuses to overwrite any database that is not a demo.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "How many enterprises to make (at least one per white-list case of the demo).")
    var enterprises = 300

    func run() throws {
      let path = GlobalOptions.expand(global.db ?? "relief-demo.sqlite")
      let t = global.localizer
      guard enterprises >= DemoPlanner.minimumEnterprises else {
        throw Refusal(
          "error.demo-too-few", ["minimum": String(DemoPlanner.minimumEnterprises)])
      }
      try Self.refuseRealDatabase(at: path)
      // Built beside its final place and renamed over it at the end, so that a demo killed half
      // way leaves the earlier demo (or nothing) rather than half a database.
      // What a killed demo left beside it (its process gone) goes first.
      OutputTarget.removeStaleBuilds(of: path)
      let building = path + ".building-\(getpid())"
      Self.removeDatabaseFiles(at: building)
      defer { Self.removeDatabaseFiles(at: building) }
      let (store, _) = try Databases.create(at: building)
      let context = try CommandContext(store: store, global: global)
      if !context.json {
        StandardError.write(t("msg.demo-building", ["path": path]) + "\n")
      }
      let agency = context.agency
      var planner = DemoPlanner(now: context.now, zone: agency.zone, calendar: agency.calendar)
      let firms = planner.enterprises(count: enterprises)
      let steps = planner.steps(enterprises: firms)
      var servicePlanner = DemoServicePlanner(
        now: context.now, zone: agency.zone, calendar: agency.calendar)
      let services = servicePlanner.services(enterprises: firms)
      let progress = Progress(label: "demo", total: firms.count + steps.count + services.count)
      try store.write { session in
        try session.setSetting(Settings.demo, to: "1")
        let registered = context.now.adding(seconds: -430 * 86_400)
        for enterprise in firms {
          try session.addEnterprise(enterprise, now: registered)
          progress.advance()
        }
        var ids: [Int: CaseID] = [:]
        for step in steps {
          switch step.action {
          case .open(let opening):
            let record = try session.openCase(
              opening, at: nil, officer: step.officer, now: step.at)
            ids[step.caseIndex] = record.reliefCase.id
          case .act(let event, let inputs):
            guard let id = ids[step.caseIndex] else { continue }
            _ = try session.perform(
              event, inputs: inputs, at: nil, officer: step.officer, on: id, now: step.at)
          }
          progress.advance()
        }
        for service in services {
          _ = try session.logService(
            service.draft, officer: service.officer, now: service.recordedAt)
          progress.advance()
        }
      }
      progress.finish()
      try store.close()
      Self.removeDatabaseFiles(at: path)
      guard rename(building, path) == 0 else {
        throw Refusal("error.io", ["path": path, "message": String(cString: strerror(errno))])
      }
      let final = try Databases.open(at: path)
      try DemoSummary.print(
        store: final, path: path, context: try CommandContext(store: final, global: global))
    }

    /// Refuses to replace anything at `path` but an earlier demo.
    static func refuseRealDatabase(at path: String) throws {
      guard FileManager.default.fileExists(atPath: path) else { return }
      let isDemo: Bool
      do {
        let store = try Databases.open(at: path)
        isDemo = try store.read { $0.agency.isDemo }
        try store.close()
      } catch {
        throw StoreError.notADemoDatabase(path: path)
      }
      guard isDemo else { throw StoreError.notADemoDatabase(path: path) }
    }

    static func removeDatabaseFiles(at path: String) {
      for suffix in ["", "-wal", "-shm", "-journal"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
    }

  }
}

/// What the demo prints when it is done: the counts, the cases by kind and state, the latest
/// complete month's summary, and what to try.
enum DemoSummary {
  static func print(store: any ReliefDatabase, path: String, context: CommandContext) throws {
    let t = context.t
    let month = YearMonth(context.today).adding(months: -1)
    let (counts, byState, summary) = try store.read { session in
      (
        try session.counts(), try session.caseCountsByState(),
        try session.monthlySummary(month, region: nil)
      )
    }
    let report = MonthlyReport(
      summary: summary, zone: context.zone, generatedAt: context.now, isComplete: true)
    if context.json {
      context.print(
        json: .object([
          ("path", .string(path)),
          ("enterprises", .int(Int64(counts.enterprises))),
          ("cases", .int(Int64(counts.cases))),
          ("events", .int(Int64(counts.events))),
          ("services", .int(Int64(counts.services))),
          (
            "casesByState",
            .object(
              CaseKind.allCases.map { kind in
                (
                  kind.rawValue,
                  .object(
                    kind.workflow.states.map { state in
                      (state.name.rawValue, .int(Int64(byState[kind]?[state.name] ?? 0)))
                    })
                )
              })
          ),
          ("monthly", report.json()),
        ]))
      return
    }
    context.print(
      t(
        "msg.demo-built",
        [
          "path": path, "enterprises": String(counts.enterprises), "cases": String(counts.cases),
          "events": String(counts.events), "services": String(counts.services),
        ]))
    context.print("")
    context.print(context.styled(t("msg.demo-by-kind"), .bold))
    let width = CaseKind.allCases.map { DisplayWidth.of(t.kind($0)) }.max() ?? 0
    for kind in CaseKind.allCases {
      let parts = kind.workflow.states.map { state in
        "\(t.state(state.name)) \(byState[kind]?[state.name] ?? 0)"
      }
      context.print(
        "  \(DisplayWidth.pad(t.kind(kind), to: width))  \(parts.joined(separator: " · "))")
    }
    context.print("")
    context.print(context.styled(t("msg.demo-monthly"), .bold))
    context.print(MonthlyText.render(report, t: t, terminal: context.terminal))
    context.print("")
    context.print(t("msg.demo-try", ["path": path]))
    context.print(t("msg.demo-report-try", ["path": path, "month": month.description]))
  }
}
