import Foundation
import ReliefDomain
import ReliefStoreAPI

/// Imports cases. A record with a `history` (a case as `relief export cases --format json`
/// writes it) is restored with its id and every event; any other record opens a new case at its
/// `openedAt`, numbered like `relief case open` would.
package struct CaseImporter: RecordImporter {
  package let settings: ImportSettings
  /// The restored cases, for the check of gaps at the end, packed (`Packed`) with the lines they
  /// came from: 12 bytes a case where a tuple took 32, so that restoring a province's million
  /// cases keeps the importer's memory flat.
  private var restoredIDs: [UInt64] = []
  private var restoredLines: [Int32] = []

  /// A case id in one number: the kind's index, the year and the number (below 2^20).
  private enum Packed {
    package static func pack(_ id: CaseID) -> UInt64 {
      let kind = UInt64(CaseKind.allCases.firstIndex(of: id.kind)!)
      return kind << 40 | UInt64(id.year) << 20 | UInt64(id.number)
    }

    package static func unpack(_ value: UInt64) -> CaseID {
      CaseID(
        kind: CaseKind.allCases[Int(value >> 40)], year: Int(value >> 20 & 0xFFFFF),
        number: Int(value & 0xFFFFF))
    }
  }

  package init(settings: ImportSettings) {
    self.settings = settings
  }

  package func columns(for record: ImportRecord?) -> ColumnSet {
    record?.raw("history") != nil ? Columns.restoredCases : Columns.newCases
  }

  package func prepared(_ record: ImportRecord) throws -> ImportRecord {
    record.raw("history") != nil ? record : try record.lifting("details")
  }

  package mutating func importRecord(_ record: ImportRecord, into session: any ReliefSession) throws
  {
    if let history = try record.objects("history") {
      try restore(record, history: history, into: session)
    } else {
      try open(record, into: session)
    }
  }

  /// Opens a new case from the flat columns.
  private func open(_ record: ImportRecord, into session: any ReliefSession) throws {
    let kind = try record.value("kind", CaseKind.self)!
    let enterprise = try record.parse("enterprise") { try Parse.uscc($0, allowBadChecksum: true) }!
    let details = try Self.details(kind, from: record, calendar: session.agency.calendar)
    let officer = try Self.officer(record) ?? settings.officer
    let title = try record.text("title") ?? Self.defaultTitle(details, settings.t)
    let opening = CaseOpening(
      enterprise: enterprise, title: title, assignee: try record.text("assignee") ?? officer,
      details: details)
    let at = try record.time("openedAt")
    do {
      _ = try ImportErrors.naming {
        try session.openCase(opening, at: at, officer: officer, now: settings.now)
      }
    } catch DomainError.amountNotPositive {
      throw DomainError.amountNotPositive(field: kind == .arrears ? "amountOwed" : "amountClaimed")
    }
  }

  /// Restores a case with its id and history.
  private mutating func restore(
    _ record: ImportRecord, history: [[String: Any]], into session: any ReliefSession
  ) throws {
    let id = try record.parse("id") { text in
      guard let id = CaseID(text) else { throw Refusal("error.bad-case-id", ["value": text]) }
      return id
    }!
    let kind = try record.value("kind", CaseKind.self)!
    guard kind == id.kind else {
      throw ColumnError(
        column: "kind",
        underlying: Refusal("import.error.kind-differs", ["kind": kind.rawValue, "id": "\(id)"]))
    }
    var events: [CaseEvent] = []
    for (index, entry) in history.enumerated() {
      do {
        events.append(try Self.event(entry, kind: kind, zone: settings.zone))
      } catch {
        throw ColumnError(column: "history[\(index + 1)]", underlying: error)
      }
    }
    let state = try record.text("state").map { CaseState(rawValue: $0) }
    try ImportErrors.naming {
      try session.restoreCase(events, id: id, expectedState: state, now: settings.now)
    }
    restoredIDs.append(Packed.pack(id))
    restoredLines.append(Int32(clamping: record.line))
  }

  /// Restored ids must leave no gap in their kind and year.
  package mutating func finish(in session: any ReliefSession) throws -> [(
    line: Int, error: any Error
  )] {
    var problems: [(line: Int, error: any Error)] = []
    for (packed, line) in zip(restoredIDs, restoredLines) {
      let id = Packed.unpack(packed)
      guard id.number > 1 else { continue }
      let previous = CaseID(kind: id.kind, year: id.year, number: id.number - 1)
      if try !session.caseExists(previous) {
        problems.append((Int(line), DataError.caseNumberGap(id, missing: previous)))
      }
    }
    return problems
  }

  /// One history entry, as `relief case show --json` prints it.
  package static func event(_ entry: [String: Any], kind: CaseKind, zone: AgencyZone) throws
    -> CaseEvent
  {
    let fields = ImportRecord(line: 0, object: entry)
    guard let seq = try fields.int("seq") else {
      throw ColumnError(column: "seq", underlying: Refusal("import.error.required"))
    }
    let name = EventName(rawValue: try fields.required("event"))
    guard let at = try fields.time("at"), let recordedAt = try fields.time("recordedAt") else {
      throw ColumnError(column: "at", underlying: Refusal("import.error.required"))
    }
    var inputs = EventInputs()
    var opening: CaseOpening?
    if name == .open {
      let details = ImportRecord(line: 0, object: entry["details"] as? [String: Any] ?? [:])
      guard
        let enterprise = try fields.parse(
          "enterprise", { try Parse.uscc($0, allowBadChecksum: true) })
      else { throw ColumnError(column: "enterprise", underlying: Refusal("import.error.required")) }
      opening = CaseOpening(
        enterprise: enterprise, title: try fields.required("title"),
        assignee: try fields.text("assignee"),
        // A recorded opening carries its due date: the calendar is not consulted.
        details: try Self.details(kind, from: details, calendar: .official))
    } else {
      inputs = EventInputs(
        reason: try fields.text("reason"), to: try fields.text("department"),
        amount: try fields.money("amount"),
        outcome: try fields.value("outcome", ArrearsOutcome.self), days: try fields.int("days"),
        score: try fields.int("score"), region: try fields.parse("region", Parse.region),
        satisfaction: try fields.value("satisfaction", Satisfaction.self),
        note: try fields.text("note"), fastTrack: try fields.text("fastTrack"),
        assignee: try fields.text("assignee"), banYears: try fields.int("banYears"))
    }
    return CaseEvent(
      seq: seq, name: name, from: try fields.text("from").map { CaseState(rawValue: $0) },
      to: CaseState(rawValue: try fields.required("to")), at: zone.instant(of: at),
      recordedAt: zone.instant(of: recordedAt),
      officer: try Self.officer(fields) ?? fields.required("officer"), inputs: inputs,
      opening: opening)
  }

  /// A kind's opening facts from the columns named as the keys of its `details`; the columns of
  /// other kinds must be empty.
  package static func details(
    _ kind: CaseKind, from record: ImportRecord, calendar: WorkingCalendar
  ) throws -> CaseDetails {
    for entry in Columns.openingDetails {
      if entry.kind == kind.rawValue {
        for column in entry.required where record.raw(column) == nil {
          throw ColumnError(
            column: column,
            underlying: Refusal("import.error.required-for-kind", ["kind": kind.rawValue]))
        }
      } else {
        let own = Columns.openingDetails.first { $0.kind == kind.rawValue }
        for column in entry.required + entry.optional
        where record.raw(column) != nil && !(own?.required.contains(column) ?? false)
          && !(own?.optional.contains(column) ?? false)
        {
          throw ColumnError(
            column: column,
            underlying: Refusal("import.error.not-for-kind", ["kind": kind.rawValue]))
        }
      }
    }
    // Required columns of the kind are known to be filled (checked above).
    switch kind {
    case .arrears:
      let debtorType = try record.value("debtorType", DebtorType.self)!
      let deliveredOn = try record.date("deliveredOn")
      let dueDate: LocalDate
      do {
        dueDate = try ArrearsScope.dueDate(
          agreed: try record.date("paymentDueDate"), deliveredOn: deliveredOn,
          debtorType: debtorType, calendar: calendar)
      } catch {
        throw ColumnError(column: "paymentDueDate", underlying: error)
      }
      return .arrears(
        ArrearsDetails(
          debtor: try record.required("debtor"), debtorType: debtorType,
          debtorCode: try record.parse("debtorCode") { try Parse.uscc($0, allowBadChecksum: true) },
          contract: try record.text("contract"), amountOwed: try record.money("amountOwed")!,
          paymentDueDate: dueDate, agreedAnnualRate: try record.parse("annualRate", Parse.rate),
          deliveredOn: deliveredOn, contractDate: try record.date("contractDate"),
          outOfScope: try record.text("outOfScope")))
    case .taxRefund:
      return .taxRefund(
        TaxRefundDetails(
          reliefType: try record.value("reliefType", ReliefType.self)!,
          amountClaimed: try record.money("amountClaimed")!,
          taxPeriod: try record.text("taxPeriod")))
    case .whitelist:
      return .whitelist(
        WhitelistDetails(
          category: try record.value("category", WhitelistCategory.self)!,
          chain: try record.value("chain", SupplyChain.self)!))
    case .cultivation:
      return .cultivation(
        CultivationDetails(
          tier: try record.value("tier", Tier.self)!,
          priorTierEvidence: try record.text("priorTierEvidence")))
    }
  }

  /// The officer a record (or a restored event) names as its recorder, checked like
  /// `--officer`: no control characters, 60 characters at most.
  package static func officer(_ record: ImportRecord) throws -> String? {
    do {
      return try Text.clean(
        try record.text("officer"), field: "officer", required: false, maxLength: 60)
    } catch let error as TextError {
      throw DomainError.text(error)
    }
  }

  /// The title `relief case open` gives a case when none is given.
  package static func defaultTitle(_ details: CaseDetails, _ t: Localizer) -> String {
    switch details {
    case .arrears(let arrears):
      return arrears.debtor.trimmingCharacters(in: .whitespaces)
    case .taxRefund(let taxRefund):
      return [t.value("relief-type", taxRefund.reliefType.rawValue), taxRefund.taxPeriod ?? ""]
        .filter { !$0.isEmpty }.joined(separator: " ")
    case .whitelist(let whitelist):
      return t.value("category", whitelist.category.rawValue) + " / "
        + t.value("chain", whitelist.chain.rawValue)
    case .cultivation(let cultivation):
      return t.value("tier", cultivation.tier.rawValue)
    }
  }
}
