/// Why the domain refused something. The command line words each case through its language
/// tables; the associated values are what the message needs.
public enum DomainError: Error, Equatable, Sendable {
  /// A bad Unified Social Credit Code.
  case uscc(USCCError)
  /// A bad amount in a named field.
  case money(MoneyError, field: String)
  /// A bad region.
  case region(RegionError)
  /// Bad free text.
  case text(TextError)
  /// A value outside what a field accepts.
  case invalidValue(field: String, value: String, expected: String)
  /// The size given is not what the staff and revenue figures give.
  case sizeContradictsFigures(given: EnterpriseSize, derived: EnterpriseSize)
  /// An arrears complaint outside the scope of intake, opened without `--allow-out-of-scope`.
  case outOfScope(ArrearsScope.Problem)
  /// An arrears complaint with neither a payment due date nor a delivery day.
  case dueDateNeeded
  /// The event exists but not in the current state.
  case eventNotAllowed(caseID: CaseID, event: EventName, state: CaseState, allowed: [EventName])
  /// The kind has no such event.
  case unknownEvent(kind: CaseKind, event: String, allowed: [EventName])
  /// A required input is missing.
  case missingInput(event: EventName, field: InputField)
  /// An input the event does not take was given.
  case unexpectedInput(event: EventName, field: InputField)
  /// An amount must be above zero.
  case amountNotPositive(field: String)
  /// A payment would take the recovered sum above the amount owed.
  case paymentExceedsOutstanding(amount: Money, outstanding: Money)
  /// A complaint resolved as paid in full while what was recovered is not what was owed.
  case notPaidInFull(recovered: Money, owed: Money)
  /// An approval above the amount claimed.
  case approvalExceedsClaim(amount: Money, claimed: Money)
  /// A disbursement above the amount approved.
  case disbursementExceedsApproval(amount: Money, approved: Money)
  /// An extension beyond the longest result period.
  case extensionBeyondLimit(requested: Int, available: Int, limit: Int)
  /// A score outside 0...100.
  case scoreOutOfRange(Int)
  /// Recognition below the threshold without a fast-track reason.
  case scoreBelowThreshold(score: Int, threshold: Int)
  /// Expiry before the recognition's validity has run out.
  case recognitionStillValid(validUntil: LocalDate)
  /// A renewal before its window opens (90 days before `validUntil`), which also refuses a
  /// second renewal in one period.
  case renewalWindowNotOpen(opens: LocalDate, validUntil: LocalDate)
  /// A ban of years outside 0...10.
  case banYearsOutOfRange(Int)
  /// A cultivation candidate that is a large enterprise.
  case cultivationNotSME
  /// A cultivation case for an enterprise under a revocation's ban.
  case cultivationBanned(until: LocalDate)
  /// Cultivation for a tier whose tier below the enterprise does not hold.
  case priorTierMissing(tier: Tier, required: Tier)
  /// A second non-terminal whitelist case for one enterprise.
  case whitelistCaseOpen(existing: CaseID)
  /// Recognition by the listing enterprise's own province.
  case regionIsHomeProvince(RegionCode)
  /// Recognition by a province that already recognises the listing.
  case regionAlreadyRecognized(RegionCode)
  /// A time after now.
  case timeInFuture(at: Instant, now: Instant)
  /// A time before the case's previous event.
  case timeBeforePreviousEvent(at: Instant, previous: Instant)
  /// An imported calendar lists a day of another year.
  case calendarDayOutsideYear(LocalDate, year: Int)
  /// An imported calendar lists a day twice.
  case calendarDayRepeated(LocalDate)
  /// An imported calendar makes a weekday a "make-up working day".
  case calendarWorkdayNotWeekend(LocalDate)
  /// A service names no enterprise and gives no count of those served.
  case serviceServesNobody
  /// A service's count of enterprises served is below the number it names.
  case serviceCountBelowListed(count: Int, listed: Int)
  /// The kind of a case and of its details differ (a corrupted or foreign record).
  case detailsDoNotMatchKind(CaseKind)
  /// A replayed history does not start with an opening or skips a number.
  case brokenHistory(caseID: CaseID, seq: Int)
  /// A restored case's id carries a year other than the one its opening took effect in.
  case idYearDiffersFromOpening(caseID: CaseID, openedYear: Int)
  /// A restored event was recorded before it took effect.
  case recordedBeforeEffective(seq: Int, at: Instant, recordedAt: Instant)
}
