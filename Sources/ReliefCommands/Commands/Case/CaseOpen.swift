import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI

extension Relief.CaseGroup {
  /// `relief case open KIND`: logs a new case.
  struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "open",
      abstract: "Open a case of a kind; prints the new id (the whole case with --json).",
      subcommands: [Arrears.self, TaxRefund.self, Whitelist.self, Cultivation.self])
  }
}

/// What opening any kind of case takes.
struct OpenOptions: ParsableArguments {
  @Option(help: "The enterprise's Unified Social Credit Code.")
  var enterprise: String

  @Option(help: "A short title (default: made from the details).")
  var title: String?

  @Option(help: "The officer who handles the case (default: the officer recording it).")
  var assignee: String?

  @Option(help: "When it happened, if earlier: 2026-04-28 or 2026-04-28T09:30.")
  var at: String?

  @Option(help: "Register the enterprise on the way, under this name (with --region).")
  var enterpriseName: String?

  @Option(help: "The region of an enterprise registered on the way (6 digits).")
  var region: String?

  @Flag(help: "Accept an enterprise code whose check characters fail, with a warning.")
  var allowBadChecksum = false

  /// Opens the case in one transaction, registering the enterprise first when asked, and prints
  /// the id, or the whole case with --json.
  func open(
    _ details: CaseDetails, defaultTitle: (Localizer) -> String, context: CommandContext
  ) throws {
    let uscc = try Parse.uscc(enterprise, allowBadChecksum: allowBadChecksum)
    let officer = try context.officer()
    let at = try self.at.map { try Parse.time($0) }
    let newEnterprise: Enterprise?
    if let enterpriseName {
      guard let region else {
        throw Refusal("error.enterprise-details-needed", ["uscc": uscc.rawValue])
      }
      newEnterprise = Enterprise(
        uscc: uscc, name: enterpriseName, region: try Parse.region(region),
        hasChecksumWarning: USCC.checksumProblem(of: uscc) != nil)
    } else {
      newEnterprise = nil
    }
    let opening = CaseOpening(
      enterprise: uscc, title: title ?? defaultTitle(context.t),
      assignee: assignee ?? officer, details: details)
    let record: CaseRecord
    do {
      record = try context.write { session, now in
        if let newEnterprise, try session.enterprise(uscc) == nil {
          try session.addEnterprise(newEnterprise, now: now)
        }
        return try session.openCase(opening, at: at, officer: officer, now: now)
      }
    } catch StoreError.enterpriseNotFound(let missing) {
      throw Refusal("error.enterprise-not-found-open", ["uscc": missing.rawValue])
    }
    if context.json {
      let history = try context.store.read { try $0.history(of: record.reliefCase.id) }
      context.print(json: CaseRendering(context).json(record, history: history))
      return
    }
    context.print(record.reliefCase.id.description)
    if record.reliefCase.clock?.usesFallbackCalendar == true {
      context.warn(context.t("msg.fallback-calendar"))
    }
  }
}
