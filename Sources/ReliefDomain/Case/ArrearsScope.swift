/// Who may complain about an overdue payment, against whom, and when: the scope of intake of the
/// Regulations on Ensuring Payments to SMEs (State Council Decree 802, 2025 revision, in force
/// 2025-06-01), arts. 2, 3, 9 and 24-25 (Docs/deadlines.md).
public enum ArrearsScope {
  /// Why a complaint is outside the scope of intake.
  public enum Problem: Equatable, Sendable {
    /// The complainant is a large enterprise: the regulation protects SMEs only (arts. 2, 3).
    case complainantIsLarge
    /// The debtor is neither an organ of state, a public institution nor a large enterprise
    /// (art. 2): an ordinary consultation service, not a complaint.
    case debtorTypeOther
    /// The debtor's code says another type of organisation than the debtor type given (USCC
    /// characters 1-2, GB 32100-2015: `11` organs of state, `12` public institutions, `91`-`93`
    /// enterprises).
    case debtorCodeDisagrees(code: USCC, prefix: String, debtorType: DebtorType)
    /// The payment is not yet overdue on the day of the complaint (arts. 9, 24).
    case notYetDue(dueDate: LocalDate, day: LocalDate)
  }

  /// Days from delivery within which a debtor of a type must pay when no term was agreed
  /// (art. 9: organs of state and public institutions 30 days, large enterprises 60 days); nil for
  /// a debtor the regulation does not bind.
  public static func statutoryTermDays(for debtorType: DebtorType) -> Int? {
    switch debtorType {
    case .government, .publicInstitution: return 30
    case .largeEnterprise: return 60
    case .other: return nil
    }
  }

  /// The payment due date: the agreed one, or else the statutory one from the delivery day
  /// (art. 9). The term is counted in days as every period is (Civil Code arts. 201, 203; Docs/
  /// deadlines.md): the day of delivery does not count, the term ends N calendar days after it,
  /// and a term ending on a day off ends on the next working day. An agreed date wins over the
  /// delivery day when both are given (the delivery day is then only recorded).
  public static func dueDate(
    agreed: LocalDate?, deliveredOn: LocalDate?, debtorType: DebtorType,
    calendar: WorkingCalendar
  ) throws(DomainError) -> LocalDate {
    if let agreed { return agreed }
    guard let deliveredOn else { throw .dueDateNeeded }
    guard let days = statutoryTermDays(for: debtorType) else {
      throw .outOfScope(.debtorTypeOther)
    }
    return calendar.deadline(days: days, after: deliveredOn).date
  }

  /// The debtor types a USCC's first two characters (registration authority and type of
  /// organisation, GB 32100-2015 appendix A) allow: `11` an organ of state, `12` a public
  /// institution, `91`-`93` an enterprise (company, sole proprietorship or partnership,
  /// farmers' cooperative); nil when the code names none of these (a social organisation, a
  /// foundation...), which agrees with no debtor type the regulation binds.
  public static func debtorTypes(ofCodePrefix prefix: String) -> [DebtorType] {
    switch prefix {
    case "11": return [.government]
    case "12": return [.publicInstitution]
    case "91", "92", "93": return [.largeEnterprise]
    default: return []
    }
  }

  /// The problems of a complaint opened on `day` by a complainant of a size (nil when not
  /// recorded: not refused for it), in the order an officer would check them.
  public static func problems(
    _ details: ArrearsDetails, complainantSize: EnterpriseSize?, day: LocalDate
  ) -> [Problem] {
    var problems: [Problem] = []
    if complainantSize == .large { problems.append(.complainantIsLarge) }
    if details.debtorType == .other {
      problems.append(.debtorTypeOther)
    } else if let code = details.debtorCode {
      let prefix = String(code.rawValue.prefix(2))
      if !debtorTypes(ofCodePrefix: prefix).contains(details.debtorType) {
        problems.append(
          .debtorCodeDisagrees(code: code, prefix: prefix, debtorType: details.debtorType))
      }
    }
    // The debtor has until the end of the due date to pay: overdue from the day after.
    if details.paymentDueDate >= day {
      problems.append(.notYetDue(dueDate: details.paymentDueDate, day: day))
    }
    return problems
  }

  /// Refuses a complaint outside the scope, naming the first problem, unless it is opened anyway
  /// with a reason (`--allow-out-of-scope`, recorded on the case as `outOfScope`).
  public static func check(
    _ details: ArrearsDetails, complainantSize: EnterpriseSize?, day: LocalDate
  ) throws(DomainError) {
    guard details.outOfScope == nil,
      let first = problems(details, complainantSize: complainantSize, day: day).first
    else { return }
    throw .outOfScope(first)
  }
}
