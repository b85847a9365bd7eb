import ReliefDomain
import ReliefStoreAPI

/// Cases and events as JSON (for scripts) and as text (for people).
package struct CaseRendering {
  package let zone: AgencyZone
  package let today: LocalDate
  package let t: Localizer
  package let terminal: Terminal
  package let clocks: ClockSettings
  /// The one-year LPR, shipped and imported: the floor of an agreed rate.
  package let rates: LoanPrimeRates

  package init(_ context: some RenderingContext) {
    self.clocks = context.agency.clocks
    self.rates = LoanPrimeRates(settings: context.agency.settings)
    self.zone = context.zone
    self.today = context.today
    self.t = context.t
    self.terminal = context.terminal
  }

  // MARK: JSON

  /// The members that say which case it is, first in every case's JSON.
  package static func identity(_ record: CaseRecord) -> [(String, JSONValue)] {
    let reliefCase = record.reliefCase
    return [
      ("id", .string(reliefCase.id.description)),
      ("kind", .string(reliefCase.kind.rawValue)),
      ("state", .string(reliefCase.state.rawValue)),
      ("enterprise", .string(reliefCase.enterprise.rawValue)),
      ("enterpriseName", .string(record.enterpriseName)),
      ("region", .string(record.enterpriseRegion.rawValue)),
    ]
  }

  /// A case in JSON, with its history when given.
  package func json(_ record: CaseRecord, history: [CaseEvent]? = nil) -> JSONValue {
    let reliefCase = record.reliefCase
    var members =
      Self.identity(record) + [
        ("title", .string(reliefCase.title)),
        ("assignee", .string(reliefCase.assignee)),
        ("openedAt", .string(zone.iso8601(reliefCase.openedAt))),
        ("updatedAt", .string(zone.iso8601(reliefCase.updatedAt))),
        ("closedAt", .string(reliefCase.closedAt.map(zone.iso8601))),
        ("dueDate", .string(reliefCase.clock?.dueDate.description)),
        ("alert", .string(reliefCase.alert(on: today)?.rawValue)),
        ("reReviewDue", .bool(reliefCase.isReReviewDue(on: today))),
        ("supervisionLevel", .int(Int64(reliefCase.supervisionLevel))),
        ("warnings", .array(warnings(record).map { .string($0) })),
        ("details", details(reliefCase.details)),
        ("nextEvents", .array(reliefCase.nextEvents.map { .string($0.rawValue) })),
      ]
    if let history {
      if let interest = interest(reliefCase, history: history) {
        let applied = reliefCase.details.arrears?.appliedRate(rates)
        members.append(
          (
            "interest",
            .object([
              ("amount", .string(interest.result.interest.yuan)),
              ("accrued", .string(interest.result.accrued.yuan)),
              ("paid", .string(interest.result.paid.yuan)),
              (
                "allocation",
                .string(reliefCase.details.arrears?.interestAllocation.rawValue)
              ),
              ("until", .string(interest.until.description)),
              ("days", .int(Int64(interest.result.days))),
              ("annualRate", .string(applied?.rate.description)),
              (
                "agreedAnnualRate",
                .string(reliefCase.details.arrears?.agreedAnnualRate?.description)
              ),
              ("lpr", .string(applied?.floor?.rate.description)),
              ("lprDate", .string(applied?.floor?.date.description)),
            ])
          ))
      }
      members.append(("history", .array(history.map(json))))
    }
    return .object(members)
  }

  /// What to be wary of in a case: `enterprise-checksum` when the enterprise's code failed its
  /// check characters, `calendar-fallback` when its deadline was counted by weekdays alone,
  /// `out-of-scope` when an arrears complaint was opened outside the scope of intake
  /// (`--allow-out-of-scope`), `rate-raised-to-lpr` when its agreed rate is below the one-year
  /// LPR of its contract date (art. 17).
  package func warnings(_ record: CaseRecord) -> [String] {
    var warnings: [String] = []
    if record.enterpriseHasChecksumWarning { warnings.append("enterprise-checksum") }
    if record.reliefCase.clock?.usesFallbackCalendar == true {
      warnings.append("calendar-fallback")
    }
    if let arrears = record.reliefCase.details.arrears {
      if arrears.outOfScope != nil { warnings.append("out-of-scope") }
      if arrears.appliedRate(rates)?.raisedFrom != nil { warnings.append("rate-raised-to-lpr") }
    }
    return warnings
  }

  /// A warning's words on a case's card.
  package func warningText(_ warning: String, _ reliefCase: ReliefCase) -> String {
    switch warning {
    case "enterprise-checksum": return t("msg.checksum-warning")
    case "out-of-scope":
      return t("msg.out-of-scope-warning", ["reason": reliefCase.details.arrears?.outOfScope ?? ""])
    case "rate-raised-to-lpr":
      guard let applied = reliefCase.details.arrears?.appliedRate(rates),
        let from = applied.raisedFrom, let floor = applied.floor
      else { return warning }
      return t(
        "msg.rate-raised-to-lpr",
        ["agreed": from.description, "lpr": floor.rate.description, "date": floor.date.description])
    default: return t("msg.fallback-calendar")
    }
  }

  /// Overdue interest to date on an arrears case with an amount outstanding (to the closing day
  /// for a finished case), payments taken into account.
  package func interest(_ reliefCase: ReliefCase, history: [CaseEvent]) -> (
    result: OverdueInterest.Result, until: LocalDate
  )? {
    guard let arrears = reliefCase.details.arrears, arrears.outstanding > .zero else { return nil }
    let until = reliefCase.closedAt.map(zone.date(of:)) ?? today
    guard until > arrears.paymentDueDate else { return nil }
    let payments = ReliefCase.payments(in: history, zone: zone)
    return (arrears.interest(until: until, payments: payments, rates: rates), until)
  }

  /// Cases against their deadlines: most overdue first, with days late or left.
  package func deadlineTable(_ records: [CaseRecord]) -> String {
    var table = Table(columns: [
      .init(header: t("col.id")), .init(header: t("col.state")),
      .init(header: t("col.enterprise"), maxWidth: 24),
      .init(header: t("col.assignee"), dropPriority: 2),
      .init(header: t("col.due")), .init(header: t("col.overdue-days"), alignRight: true),
      .init(header: t("col.supervision"), alignRight: true, dropPriority: 3),
      .init(header: t("col.alert")),
    ])
    for record in records {
      let reliefCase = record.reliefCase
      let due = reliefCase.clock?.dueDate
      // A re-review reminder is never late: its days past `validUntil` are not days overdue.
      let isDeadline = reliefCase.clock?.isReminder == false
      let late = due.map { isDeadline ? max(0, $0.days(until: today)) : 0 } ?? 0
      table.add([
        Table.Cell(reliefCase.id.description), Table.Cell(t.state(reliefCase.state)),
        Table.Cell(record.enterpriseName), Table.Cell(reliefCase.assignee ?? ""),
        Table.Cell(due?.description ?? ""), Table.Cell(late > 0 ? String(late) : ""),
        Table.Cell(reliefCase.supervisionLevel > 0 ? String(reliefCase.supervisionLevel) : ""),
        alertCell(reliefCase.clock),
      ])
    }
    return table.render(terminal: terminal)
  }

  /// A case's kind-specific facts in JSON, money as two-decimal strings: one member per field of
  /// the kind's description (`CaseKind.detailFields`), under its key, in its order.
  package func details(_ details: CaseDetails) -> JSONValue {
    .object(
      details.kind.detailFields.map { field in
        (field.key, field.value(in: details).map(Self.json) ?? .null)
      })
  }

  /// A detail's value in JSON.
  package static func json(_ value: DetailValue) -> JSONValue {
    switch value {
    case .text(let text): return .string(text)
    case .money(let money): return .string(money?.yuan)
    case .date(let date): return .string(date?.description)
    case .integer(let number): return .int(number)
    case .rate(let rate): return .string(rate?.description)
    case .regions(let regions): return .array(regions.map { .string($0.rawValue) })
    }
  }

  /// One history entry in JSON: the fixed members, then the event's inputs by option name.
  package func json(_ event: CaseEvent) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("seq", .int(Int64(event.seq))),
      ("event", .string(event.name.rawValue)),
      ("from", .string(event.from?.rawValue)),
      ("to", .string(event.to.rawValue)),
      ("at", .string(zone.iso8601(event.at))),
      ("recordedAt", .string(zone.iso8601(event.recordedAt))),
      ("officer", .string(event.officer)),
      ("note", .string(event.inputs.note)),
    ]
    let inputs = event.inputs
    if let reason = inputs.reason { members.append(("reason", .string(reason))) }
    // `to` is the state reached; the transfer's --to department goes under `department`.
    if let to = inputs.to { members.append(("department", .string(to))) }
    if let amount = inputs.amount { members.append(("amount", .string(amount.yuan))) }
    if let outcome = inputs.outcome { members.append(("outcome", .string(outcome.rawValue))) }
    if let days = inputs.days { members.append(("days", .int(days))) }
    if let score = inputs.score { members.append(("score", .int(score))) }
    if let region = inputs.region { members.append(("region", .string(region.rawValue))) }
    if let satisfaction = inputs.satisfaction {
      members.append(("satisfaction", .string(satisfaction.rawValue)))
    }
    if let fastTrack = inputs.fastTrack { members.append(("fastTrack", .string(fastTrack))) }
    if let assignee = inputs.assignee { members.append(("assignee", .string(assignee))) }
    if let level = inputs.level { members.append(("level", .int(level))) }
    if let validUntil = inputs.validUntil {
      members.append(("validUntil", .string(validUntil.description)))
    }
    if let banYears = inputs.banYears { members.append(("banYears", .int(banYears))) }
    if let banUntil = inputs.banUntil {
      members.append(("banUntil", .string(banUntil.description)))
    }
    if let opening = event.opening {
      members.append(("enterprise", .string(opening.enterprise.rawValue)))
      members.append(("title", .string(opening.title)))
      if inputs.assignee == nil { members.append(("assignee", .string(opening.assignee))) }
      members.append(("details", details(opening.details)))
    }
    return .object(members)
  }

  // MARK: Text

  /// The alert as a coloured word, or empty.
  package func alertCell(_ alert: Alert?) -> Table.Cell {
    guard let alert else { return "" }
    let style: Style = alert == .red ? .red : alert == .yellow ? .yellow : .blue
    return Table.Cell("● " + t.value("alert", alert.rawValue), style: style)
  }

  /// The alert cell of a running clock today: a deadline's level, or "re-review due" for a
  /// reminder whose time has come, named apart so that it never reads as overdue or due soon.
  package func alertCell(_ clock: CaseClock?) -> Table.Cell {
    guard let clock else { return "" }
    if clock.isReminder {
      return clock.isReReviewDue(on: today)
        ? Table.Cell("◆ " + t("alert.re-review"), style: .yellow) : ""
    }
    return alertCell(clock.deadlineAlert(on: today))
  }

  /// A table of cases.
  package func table(_ records: [CaseRecord]) -> Table {
    var table = Table(columns: [
      .init(header: t("col.id")), .init(header: t("col.state")),
      // On a narrow terminal the enterprise and title are cut first, then the opening day,
      // the title, the assignee and the due day are left out, in that order.
      .init(header: t("col.enterprise"), maxWidth: 24),
      .init(header: t("col.title"), maxWidth: 30, dropPriority: 3),
      .init(header: t("col.assignee"), dropPriority: 2),
      .init(header: t("col.opened"), dropPriority: 4),
      .init(header: t("col.due"), dropPriority: 1), .init(header: t("col.alert")),
    ])
    for record in records {
      let reliefCase = record.reliefCase
      table.add([
        Table.Cell(reliefCase.id.description), Table.Cell(t.state(reliefCase.state)),
        Table.Cell(record.enterpriseName), Table.Cell(reliefCase.title),
        Table.Cell(reliefCase.assignee ?? ""),
        Table.Cell(zone.date(of: reliefCase.openedAt).description),
        Table.Cell(reliefCase.clock?.dueDate.description ?? ""),
        alertCell(reliefCase.clock),
      ])
    }
    return table
  }

  /// A case's card: header, facts, deadline, interest, next events.
  package func card(_ record: CaseRecord, history: [CaseEvent] = []) -> String {
    let reliefCase = record.reliefCase
    var lines: [String] = []
    let header =
      "\(reliefCase.id)  \(t.kind(reliefCase.kind)) · \(t.stateWithIdentifier(reliefCase.state))"
    lines.append(Style.bold.apply(header, colour: terminal.usesColour))
    var card = Card()
    card.add(t("label.enterprise"), "\(record.enterpriseName)  \(reliefCase.enterprise)")
    card.add(t("label.region"), ErrorText.regionName(record.enterpriseRegion, t))
    card.add(t("label.title"), reliefCase.title)
    card.add(t("label.assignee"), reliefCase.assignee)
    card.add(t("label.opened"), zone.shortTimestamp(reliefCase.openedAt))
    card.add(t("label.updated"), zone.shortTimestamp(reliefCase.updatedAt))
    card.add(t("label.closed"), reliefCase.closedAt.map(zone.shortTimestamp))
    if let clock = reliefCase.clock {
      let alert = alertCell(clock)
      card.add(
        t("label.due"),
        t("msg.due-value", ["date": clock.dueDate.description, "rule": clockRule(clock)]) + "  "
          + alert.style.apply(alert.text, colour: terminal.usesColour))
    }
    if reliefCase.supervisionLevel > 0 {
      card.add(
        t("label.supervision"), t("msg.level", ["level": String(reliefCase.supervisionLevel)]))
    }
    for (label, value) in detailLines(reliefCase.details) {
      card.add(label, value)
    }
    if let interest = interest(reliefCase, history: history) {
      let basis =
        reliefCase.details.arrears?.appliedRate(rates).map {
          t("interest.agreed", ["rate": $0.rate.description])
        } ?? t("interest.statutory")
      card.add(
        t("label.interest"),
        t(
          "msg.interest-line",
          [
            "interest": interest.result.interest.grouped, "until": interest.until.description,
            "days": String(interest.result.days), "basis": basis,
          ]))
      if interest.result.paid > .zero, let arrears = reliefCase.details.arrears {
        card.add(
          "",
          t(
            "msg.interest-paid-line",
            [
              "accrued": interest.result.accrued.grouped, "paid": interest.result.paid.grouped,
              "allocation": t("allocation.\(arrears.interestAllocation.rawValue)"),
            ]))
      }
    }
    card.add(t("label.next"), reliefCase.nextEvents.map(\.rawValue).joined(separator: ", "))
    for warning in warnings(record) {
      let text = warningText(warning, reliefCase)
      card.add(t("label.warning"), Style.yellow.apply(text, colour: terminal.usesColour))
    }
    lines.append(card.render(terminal: terminal))
    return lines.joined(separator: "\n")
  }

  /// The words of a running clock's rule, with the lengths in force.
  package func clockRule(_ clock: CaseClock) -> String {
    let spec = ClockSettings.keys.first { $0.spec.setting == clock.setting }?.spec
    let limit = spec.flatMap(clocks.limit(of:)) ?? clock.length
    return t("clock.\(clock.setting)", ["length": String(clock.length), "limit": String(limit)])
  }

  /// A case's facts on its card: each field of the kind's description under its label, absent
  /// ones left out (no extension days, no recognized region).
  package func detailLines(_ details: CaseDetails) -> [(String, String)] {
    details.kind.detailFields.compactMap { field in
      guard let value = field.value(in: details), let text = cardText(value, of: field) else {
        return nil
      }
      return (t(field.labelKey), text)
    }
  }

  /// A detail's value as a card shows it, or nil to leave it out.
  package func cardText(_ value: DetailValue, of field: DetailField) -> String? {
    switch (value, field.type) {
    case (.text(let text?), .enumeration(let table, _)): return t.value(table, text)
    case (.text(let text), _): return text
    case (.money(let money), _): return money?.grouped
    case (.date(let date), _): return date?.description
    case (.integer(let days?), .days):
      return days > 0 ? t("msg.extension-days", ["days": String(days)]) : nil
    case (.integer(let number), _): return number.map { String($0) }
    case (.rate(let rate), _): return rate?.description
    case (.regions(let regions), _):
      return regions.isEmpty ? nil : t.list(regions.map { ErrorText.regionName($0, t) })
    }
  }

  /// A case's history as a table.
  package func historyTable(_ events: [CaseEvent], kind: CaseKind) -> String {
    var table = Table(columns: [
      .init(header: t("col.seq"), alignRight: true), .init(header: t("col.at")),
      .init(header: t("col.event")), .init(header: t("col.change")),
      .init(header: t("col.officer")), .init(header: t("col.details"), maxWidth: 60),
    ])
    for event in events {
      let change: String
      if let from = event.from, from != event.to {
        change = "\(t.state(from)) → \(t.state(event.to))"
      } else if event.from == nil {
        change = "→ \(t.state(event.to))"
      } else {
        change = ""
      }
      table.add([
        Table.Cell(String(event.seq)), Table.Cell(zone.shortTimestamp(event.at)),
        Table.Cell(t.event(event.name, kind: kind)), Table.Cell(change), Table.Cell(event.officer),
        Table.Cell(inputSummary(event)),
      ])
    }
    return table.render(terminal: terminal)
  }

  /// The inputs of an event in a few words.
  package func inputSummary(_ event: CaseEvent) -> String {
    var parts: [String] = []
    let inputs = event.inputs
    if let opening = event.opening { parts.append(opening.title) }
    if let amount = inputs.amount { parts.append(amount.grouped) }
    if let to = inputs.to { parts.append(to) }
    if let outcome = inputs.outcome { parts.append(t.value("outcome", outcome.rawValue)) }
    if let days = inputs.days { parts.append(t("msg.extension-days", ["days": String(days)])) }
    if let score = inputs.score { parts.append("\(t("input.score")) \(score)") }
    if let region = inputs.region { parts.append(ErrorText.regionName(region, t)) }
    if let satisfaction = inputs.satisfaction {
      parts.append(t.value("satisfaction", satisfaction.rawValue))
    }
    if let assignee = inputs.assignee { parts.append(assignee) }
    if let level = inputs.level { parts.append(t("msg.level", ["level": String(level)])) }
    if let validUntil = inputs.validUntil {
      parts.append("\(t("input.validUntil")) \(validUntil)")
    }
    if let banUntil = inputs.banUntil { parts.append("\(t("input.banUntil")) \(banUntil)") }
    if let fastTrack = inputs.fastTrack { parts.append(fastTrack) }
    if let reason = inputs.reason { parts.append(reason) }
    if let note = inputs.note { parts.append(note.replacingOccurrences(of: "\n", with: " ")) }
    return parts.joined(separator: "; ")
  }
}
