/// One fact of a case kind's `details`: its name everywhere it is written, its type, and what
/// sets it. Each kind's list (`CaseKind.detailFields`) is the one description that the JSON of a
/// case, its card, the import's and export's columns, `workflow show` and the `case open`
/// options are generated from or held to by a test.
public struct DetailField: Sendable {
  /// The kind of value a field holds.
  public enum ValueType: Equatable, Sendable {
    /// Free text.
    case text
    /// An amount of money (JSON: a two-decimal string; stored: fen).
    case money
    /// A day, `YYYY-MM-DD`.
    case date
    /// A whole number.
    case integer
    /// A count of days (a case's card leaves it out at 0).
    case days
    /// An annual interest rate, such as `3.45%` (stored: ten-thousandths of a percent).
    case rate
    /// A Unified Social Credit Code.
    case uscc
    /// One of a fixed list of identifiers; `table` names their labels in the language tables.
    case enumeration(table: String, values: [String])
    /// A list of region codes.
    case regions

    /// One of the raw values of an enumeration of the domain.
    public static func enumeration<T: CaseIterable & RawRepresentable>(
      _: T.Type, table: String
    ) -> ValueType where T.RawValue == String {
      .enumeration(table: table, values: T.allCases.map(\.rawValue))
    }
  }

  /// What gives a field its value.
  public enum SetBy: Equatable, Sendable {
    /// The opening: `case open` or an import.
    case opening
    /// These events (their effects).
    case events([EventName])
    /// Computed from other fields, never stored.
    case derived
  }

  /// The key in a case's JSON `details`; also its column in imports and exports.
  public let key: String
  /// Its type.
  public let type: ValueType
  /// What sets it.
  public let setBy: SetBy
  /// True when a case cannot be opened without it.
  public let requiredAtOpening: Bool
  /// The `case open KIND` option (without `--`), for a field set at opening.
  public let optionName: String?
  /// The key in the stored details JSON (the Codable property), nil for a derived field.
  public let storedKey: String?
  /// The key of its label in the language tables (a case's card).
  public let labelKey: String
  private let read: @Sendable (CaseDetails) -> DetailValue?

  /// The column an import reads it from, for a field set at opening: its JSON key.
  public var importColumn: String? { setBy == .opening ? key : nil }

  /// The field's value in a case's details; nil when the details are of another kind.
  public func value(in details: CaseDetails) -> DetailValue? { read(details) }

  init<Details>(
    _ key: String, _ type: ValueType, setBy: SetBy, required: Bool = false,
    option: String? = nil, stored: String? = nil, label: String,
    of kind: @escaping @Sendable (CaseDetails) -> Details?,
    read: @escaping @Sendable (Details) -> DetailValue
  ) {
    self.key = key
    self.type = type
    self.setBy = setBy
    self.requiredAtOpening = required
    self.optionName = setBy == .opening ? (option ?? key) : nil
    self.storedKey = setBy == .derived ? nil : (stored ?? key)
    self.labelKey = label
    self.read = { details in kind(details).map(read) }
  }
}

/// A detail's value, as its type holds it (enumerations and codes as their identifiers).
public enum DetailValue: Equatable, Sendable {
  case text(String?)
  case money(Money?)
  case date(LocalDate?)
  case integer(Int?)
  case rate(Rate?)
  case regions([RegionCode])

  /// True when the value fits a field of this type.
  public func fits(_ type: DetailField.ValueType) -> Bool {
    switch (self, type) {
    case (.text, .text), (.text, .uscc), (.text, .enumeration): return true
    case (.money, .money), (.date, .date), (.rate, .rate), (.regions, .regions): return true
    case (.integer, .integer), (.integer, .days): return true
    default: return false
    }
  }
}

extension CaseKind {
  /// The facts of a case of this kind, in the order its JSON `details` and its card list them.
  public var detailFields: [DetailField] { workflow.detailFields }

  /// The fields `case open KIND` and an import of new cases take.
  public var openingFields: [DetailField] { detailFields.filter { $0.setBy == .opening } }
}

extension DetailField {
  static let arrears: [DetailField] = {
    func field(
      _ key: String, _ type: ValueType, _ setBy: SetBy, required: Bool = false,
      option: String? = nil, stored: String? = nil, label: String,
      _ read: @escaping @Sendable (ArrearsDetails) -> DetailValue
    ) -> DetailField {
      DetailField(
        key, type, setBy: setBy, required: required, option: option, stored: stored, label: label,
        of: { $0.arrears }, read: read)
    }
    return [
      field("debtor", .text, .opening, required: true, label: "label.debtor") {
        .text($0.debtor)
      },
      field(
        "debtorType", .enumeration(DebtorType.self, table: "debtor-type"), .opening,
        required: true, option: "debtor-type", label: "label.debtor-type"
      ) { .text($0.debtorType.rawValue) },
      field("debtorCode", .uscc, .opening, option: "debtor-code", label: "label.debtor-code") {
        .text($0.debtorCode?.rawValue)
      },
      field("contract", .text, .opening, label: "label.contract") { .text($0.contract) },
      field(
        "amountOwed", .money, .opening, required: true, option: "amount", label: "label.amount-owed"
      ) {
        .money($0.amountOwed)
      },
      // Required unless `deliveredOn` gives the statutory due date (ArrearsScope.dueDate, art. 9).
      field(
        "paymentDueDate", .date, .opening, option: "payment-due", label: "label.payment-due"
      ) { .date($0.paymentDueDate) },
      field("deliveredOn", .date, .opening, option: "delivered", label: "label.delivered") {
        .date($0.deliveredOn)
      },
      field("amountRecovered", .money, .events([.pay]), label: "label.amount-recovered") {
        .money($0.amountRecovered)
      },
      field("amountOutstanding", .money, .derived, label: "label.outstanding") {
        .money($0.outstanding)
      },
      field(
        "handlingDepartment", .text, .events([.transfer]), label: "label.department"
      ) { .text($0.handlingDepartment) },
      field(
        "outcome", .enumeration(ArrearsOutcome.self, table: "outcome"),
        .events([.resolve, .reopen]), label: "label.outcome"
      ) { .text($0.outcome?.rawValue) },
      field("extensionDays", .days, .events([.extend, .reopen]), label: "label.extension") {
        .integer($0.extensionDays)
      },
      field(
        "annualRate", .rate, .opening, option: "annual-rate", stored: "agreedAnnualRate",
        label: "label.annual-rate"
      ) { .rate($0.agreedAnnualRate) },
      field(
        "contractDate", .date, .opening, option: "contract-date", label: "label.contract-date"
      ) { .date($0.contractDate) },
      field(
        "satisfaction", .enumeration(Satisfaction.self, table: "satisfaction"), .events([.close]),
        label: "label.satisfaction"
      ) { .text($0.satisfaction?.rawValue) },
      field(
        "outOfScope", .text, .opening, option: "allow-out-of-scope", label: "label.out-of-scope"
      ) { .text($0.outOfScope) },
    ]
  }()

  static let taxRefund: [DetailField] = {
    func field(
      _ key: String, _ type: ValueType, _ setBy: SetBy, required: Bool = false,
      option: String? = nil, label: String,
      _ read: @escaping @Sendable (TaxRefundDetails) -> DetailValue
    ) -> DetailField {
      DetailField(
        key, type, setBy: setBy, required: required, option: option, label: label,
        of: { $0.taxRefund }, read: read)
    }
    return [
      field(
        "reliefType", .enumeration(ReliefType.self, table: "relief-type"), .opening,
        required: true, option: "relief-type", label: "label.relief-type"
      ) { .text($0.reliefType.rawValue) },
      field(
        "amountClaimed", .money, .opening, required: true, option: "amount",
        label: "label.amount-claimed"
      ) { .money($0.amountClaimed) },
      field("amountApproved", .money, .events([.approve]), label: "label.amount-approved") {
        .money($0.amountApproved)
      },
      field("amountDisbursed", .money, .events([.disburse]), label: "label.amount-disbursed") {
        .money($0.amountDisbursed)
      },
      field("taxPeriod", .text, .opening, option: "tax-period", label: "label.tax-period") {
        .text($0.taxPeriod)
      },
      field("taxAuthority", .text, .events([.review]), label: "label.tax-authority") {
        .text($0.taxAuthority)
      },
    ]
  }()

  static let whitelist: [DetailField] = {
    func field(
      _ key: String, _ type: ValueType, _ setBy: SetBy, required: Bool = false,
      label: String, _ read: @escaping @Sendable (WhitelistDetails) -> DetailValue
    ) -> DetailField {
      DetailField(
        key, type, setBy: setBy, required: required, label: label, of: { $0.whitelist },
        read: read)
    }
    return [
      field(
        "category", .enumeration(WhitelistCategory.self, table: "category"), .opening,
        required: true, label: "label.category"
      ) { .text($0.category.rawValue) },
      field(
        "chain", .enumeration(SupplyChain.self, table: "chain"), .opening, required: true,
        label: "label.chain"
      ) { .text($0.chain.rawValue) },
      field(
        "recognizedRegions", .regions, .events([.recognize]), label: "label.recognized-regions"
      ) { .regions($0.recognizedRegions) },
    ]
  }()

  static let cultivation: [DetailField] = {
    func field(
      _ key: String, _ type: ValueType, _ setBy: SetBy, required: Bool = false,
      option: String? = nil, label: String,
      _ read: @escaping @Sendable (CultivationDetails) -> DetailValue
    ) -> DetailField {
      DetailField(
        key, type, setBy: setBy, required: required, option: option, label: label,
        of: { $0.cultivation }, read: read)
    }
    return [
      field(
        "tier", .enumeration(Tier.self, table: "tier"), .opening, required: true,
        label: "label.tier"
      ) { .text($0.tier.rawValue) },
      field("score", .integer, .events([.evaluate]), label: "label.score") { .integer($0.score) },
      field("validUntil", .date, .events([.recognize, .renew]), label: "label.valid-until") {
        .date($0.validUntil)
      },
      field(
        "priorTierEvidence", .text, .opening, option: "prior-tier-evidence",
        label: "label.prior-tier-evidence"
      ) { .text($0.priorTierEvidence) },
      field("fastTrack", .text, .events([.recognize]), label: "label.fast-track") {
        .text($0.fastTrack)
      },
      field("banUntil", .date, .events([.revoke]), label: "label.ban-until") {
        .date($0.banUntil)
      },
    ]
  }()
}
