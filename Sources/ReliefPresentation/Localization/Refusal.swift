import Foundation
import ReliefDomain
import ReliefStoreAPI

/// A refusal by the command line itself (a bad id, date or option), worded from the tables.
package struct Refusal: Error {
  /// The message key.
  package let key: String
  /// The placeholder values.
  package let arguments: [String: String]

  package init(_ key: String, _ arguments: [String: String] = [:]) {
    self.key = key
    self.arguments = arguments
  }
}

/// Words any error for a person.
package enum ErrorText {
  /// "; did you mean 'accept'?" when a known word is near the one given, else nothing.
  package static func didYouMean(_ word: String, among candidates: [String], _ t: Localizer)
    -> String
  {
    Suggestion.nearest(to: word, among: candidates).map { t("msg.did-you-mean", ["word": $0]) }
      ?? ""
  }

  /// Words any error; `optionPrefix` goes before field names (`--amount` on the command line,
  /// plain `amount` for a column of an import file).
  package static func describe(
    _ error: any Error, _ t: Localizer, zone: AgencyZone = .shanghai, optionPrefix: String = "--"
  ) -> String {
    switch error {
    case let refusal as Refusal:
      return t(refusal.key, refusal.arguments)
    case let error as DomainError:
      return describe(error, t, zone: zone, optionPrefix: optionPrefix)
    case let error as StoreError:
      return describe(error, t)
    case let error as DataError:
      return describe(error, t)
    case let error as OutputError:
      return describe(error, t)
    case let error as USCCError:
      return describe(DomainError.uscc(error), t, zone: zone)
    case let error as TextError:
      return describe(DomainError.text(error), t, zone: zone, optionPrefix: optionPrefix)
    case let error as RegionError:
      return describe(DomainError.region(error), t, zone: zone)
    case let error where StoreError(translating: error) != nil:
      return describe(StoreError(translating: error)!, t)
    default:
      return t("error.database", ["message": String(describing: error)])
    }
  }

  package static func describe(
    _ error: DomainError, _ t: Localizer, zone: AgencyZone, optionPrefix: String = "--"
  ) -> String {
    switch error {
    case .uscc(let error):
      switch error {
      case .empty: return t("error.uscc.empty")
      case .wrongLength(let code, let count):
        return t("error.uscc.length", ["code": code, "count": String(count)])
      case .forbiddenCharacter(let code, let character, let position):
        return t(
          "error.uscc.character",
          ["code": code, "character": String(character), "position": String(position)])
      case .badCheckCharacter(let code, let expected, let found):
        return t(
          "error.uscc.check", ["code": code, "expected": String(expected), "found": String(found)])
      case .badOrganizationCheck(let code, let expected, let found):
        return t(
          "error.uscc.org-check",
          ["code": code, "expected": String(expected), "found": String(found)])
      }
    case .money(let error, let field):
      let option = optionPrefix + field
      switch error {
      case .malformed(let value):
        return t("error.money.malformed", ["field": option, "value": value])
      case .negative(let value):
        return t("error.money.negative", ["field": option, "value": value])
      case .tooManyDecimals(let value):
        return t("error.money.decimals", ["field": option, "value": value])
      case .tooLarge(let value): return t("error.money.large", ["field": option, "value": value])
      }
    case .region(let error):
      switch error {
      case .malformed(let value): return t("error.region.malformed", ["value": value])
      case .malformedPrefix(let value): return t("error.region.prefix", ["value": value])
      case .unknownProvince(let value):
        return t("error.region.province", ["value": value, "province": String(value.prefix(2))])
      }
    case .text(let error):
      switch error {
      case .empty(let field): return t("error.text.empty", ["field": optionPrefix + field])
      case .controlCharacter(let field, let scalar):
        let hex = String(scalar, radix: 16, uppercase: true)
        return t(
          "error.text.control",
          [
            "field": optionPrefix + field,
            "code": String(repeating: "0", count: max(0, 4 - hex.count)) + hex,
          ])
      case .tooLong(let field, let maximum):
        return t("error.text.long", ["field": optionPrefix + field, "maximum": String(maximum)])
      }
    case .invalidValue(let field, let value, let expected):
      return t(
        "error.invalid-value",
        ["field": optionPrefix + field, "value": value, "expected": expected])
    case .sizeContradictsFigures(let given, let derived):
      return t(
        "error.size-contradiction",
        ["given": t.value("size", given.rawValue), "derived": t.value("size", derived.rawValue)])
    case .outOfScope(let problem):
      return describe(problem, t)
    case .dueDateNeeded:
      return t("error.due-date-needed")
    case .eventNotAllowed(let caseID, let event, let state, let allowed):
      return t(
        "error.event-not-allowed",
        [
          "case": caseID.description, "state": t.stateWithIdentifier(state),
          "event": event.rawValue, "allowed": t.list(allowed.map(\.rawValue)),
        ])
    case .unknownEvent(let kind, let event, let allowed):
      let events = kind.workflow.transitions.map(\.event.rawValue)
      return t(
        "error.unknown-event",
        ["kind": t.kind(kind), "event": event, "allowed": t.list(allowed.map(\.rawValue))])
        + didYouMean(event, among: events, t)
    case .missingInput(let event, let field):
      return t("error.missing-input", ["event": event.rawValue, "field": field.rawValue])
    case .unexpectedInput(let event, let field):
      return t("error.unexpected-input", ["event": event.rawValue, "field": field.rawValue])
    case .amountNotPositive(let field):
      return t("error.amount-not-positive", ["field": optionPrefix + field])
    case .paymentExceedsOutstanding(let amount, let outstanding):
      return t(
        "error.payment-exceeds", ["amount": amount.grouped, "outstanding": outstanding.grouped])
    case .notPaidInFull(let recovered, let owed):
      return t(
        "error.not-paid-in-full", ["recovered": recovered.grouped, "owed": owed.grouped])
    case .approvalExceedsClaim(let amount, let claimed):
      return t("error.approval-exceeds", ["amount": amount.grouped, "claimed": claimed.grouped])
    case .disbursementExceedsApproval(let amount, let approved):
      return t(
        "error.disbursement-exceeds", ["amount": amount.grouped, "approved": approved.grouped])
    case .extensionBeyondLimit(let requested, let available, let limit):
      return t(
        "error.extension-limit",
        ["requested": String(requested), "available": String(available), "limit": String(limit)])
    case .scoreOutOfRange(let score):
      return t("error.score-range", ["score": String(score)])
    case .scoreBelowThreshold(let score, let threshold):
      return t("error.score-threshold", ["score": String(score), "threshold": String(threshold)])
    case .recognitionStillValid(let validUntil):
      return t("error.recognition-valid", ["date": validUntil.description])
    case .renewalWindowNotOpen(let opens, let validUntil):
      return t(
        "error.renewal-window", ["opens": opens.description, "date": validUntil.description])
    case .banYearsOutOfRange(let years):
      return t(
        "error.ban-years-range",
        ["years": String(years), "limit": String(Workflows.banYearsLimit)])
    case .cultivationNotSME:
      return t("error.cultivation-not-sme")
    case .cultivationBanned(let until):
      return t("error.cultivation-banned", ["date": until.description])
    case .priorTierMissing(let tier, let required):
      return t(
        "error.prior-tier",
        ["tier": t.value("tier", tier.rawValue), "required": t.value("tier", required.rawValue)])
    case .whitelistCaseOpen(let existing):
      return t("error.whitelist-open", ["case": existing.description])
    case .regionIsHomeProvince(let region):
      return t("error.region-home", ["region": regionName(region, t)])
    case .regionAlreadyRecognized(let region):
      return t("error.region-recognized", ["region": regionName(region, t)])
    case .timeInFuture(let at, let now):
      return t("error.time-future", ["at": zone.iso8601(at), "now": zone.iso8601(now)])
    case .timeBeforePreviousEvent(let at, let previous):
      return t("error.time-before", ["at": zone.iso8601(at), "previous": zone.iso8601(previous)])
    case .calendarDayOutsideYear(let date, let year):
      return t("error.calendar-outside-year", ["date": date.description, "year": String(year)])
    case .calendarDayRepeated(let date):
      return t("error.calendar-repeated", ["date": date.description])
    case .calendarWorkdayNotWeekend(let date):
      return t("error.calendar-workday", ["date": date.description])
    case .serviceServesNobody:
      return t("error.service-serves-nobody")
    case .serviceCountBelowListed(let count, let listed):
      return t("error.service-count-below", ["count": String(count), "listed": String(listed)])
    case .detailsDoNotMatchKind(let kind):
      return t("error.details-kind", ["kind": kind.rawValue])
    case .brokenHistory(let caseID, let seq):
      return t("error.broken-history", ["case": caseID.description, "seq": String(seq)])
    case .idYearDiffersFromOpening(let caseID, let openedYear):
      return t(
        "imports.error.id-year",
        ["id": caseID.description, "idYear": String(caseID.year), "year": String(openedYear)])
    case .recordedBeforeEffective(let seq, let at, let recordedAt):
      return t(
        "imports.error.recorded-before",
        ["seq": String(seq), "at": zone.iso8601(at), "recordedAt": zone.iso8601(recordedAt)])
    }
  }

  package static func describe(_ error: StoreError, _ t: Localizer) -> String {
    switch error {
    case .databaseMissing(let path): return t("error.database-missing", ["path": path])
    case .notAReliefDatabase(let path): return t("error.not-relief", ["path": path])
    case .emptyDatabaseFile(let path): return t("error.empty-database-file", ["path": path])
    case .newerSchema(let found, let supported):
      return t("error.newer-schema", ["found": String(found), "supported": String(supported)])
    case .olderSchema(let path, let found, let supported):
      return t(
        "error.older-schema-read-only",
        ["path": path, "found": String(found), "supported": String(supported)])
    case .databaseReadOnly(let path): return t("error.database-read-only", ["path": path])
    case .databaseUnreadable(let path): return t("error.database-unreadable", ["path": path])
    case .enterpriseNotFound(let uscc):
      return t("error.enterprise-not-found", ["uscc": uscc.rawValue])
    case .enterpriseExists(let uscc): return t("error.enterprise-exists", ["uscc": uscc.rawValue])
    case .caseNotFound(let id): return t("error.case-not-found", ["id": id])
    case .sequenceExhausted(let kind, let year):
      return t("error.sequence", ["kind": t.kind(kind), "year": String(year)])
    case .notADemoDatabase(let path): return t("error.not-demo", ["path": path])
    case .corruptRecord(let what): return t("error.corrupt", ["what": what])
    case .invalidSetting(let key, let value):
      return t("error.invalid-setting", ["key": key, "value": value])
    case .serviceNeedsRegion: return t("error.service-needs-region")
    case .reportAlreadyFrozen(let month): return t("error.already-frozen", ["month": month])
    case .database(let message):
      return t("error.database", ["message": message])
    case .constraintFailed:
      return t("imports.error.constraint")
    case .io(let path, let reason):
      return t("error.io", ["path": path, "message": reason])
    case .calendarYearKnown(let year):
      return t("error.calendar-known", ["year": String(year)])
    }
  }

  package static func regionName(_ region: RegionCode, _ t: Localizer) -> String {
    if t.language == .zh { return Regions.chineseName(of: region) + " (\(region.rawValue))" }
    let english = Regions.provinces[region.provinceDigits]?.en ?? region.provinceDigits
    return "\(english) (\(region.rawValue))"
  }

  /// Why an arrears complaint is outside the scope of intake, and what to do instead.
  package static func describe(_ problem: ArrearsScope.Problem, _ t: Localizer) -> String {
    switch problem {
    case .complainantIsLarge:
      return t("error.scope.complainant-large")
    case .debtorTypeOther:
      return t("error.scope.debtor-other")
    case .debtorCodeDisagrees(let code, let prefix, let debtorType):
      let allowed = ArrearsScope.debtorTypes(ofCodePrefix: prefix)
      return t(
        "error.scope.debtor-code",
        [
          "code": code.rawValue, "prefix": prefix,
          "type": t.value("debtor-type", debtorType.rawValue),
          "says":
            allowed.isEmpty
            ? t("scope.code-names-none")
            : t.list(allowed.map { t.value("debtor-type", $0.rawValue) }),
        ])
    case .notYetDue(let dueDate, let day):
      return t("error.scope.not-yet-due", ["due": dueDate.description, "day": day.description])
    }
  }
}
