/// Who owes an arrears complainant.
public enum DebtorType: String, CaseIterable, Codable, Sendable {
  case government
  case publicInstitution = "public-institution"
  case largeEnterprise = "large-enterprise"
  case other
}

/// How an arrears complaint was resolved.
public enum ArrearsOutcome: String, CaseIterable, Codable, Sendable {
  case paidInFull = "paid-in-full"
  case partiallyPaid = "partially-paid"
  case paymentPlan = "payment-plan"
  case referredToCourt = "referred-to-court"
  case noDebtFound = "no-debt-found"
}

/// The complainant's view of the result, recorded at closing.
public enum Satisfaction: String, CaseIterable, Codable, Sendable {
  case satisfied, unsatisfied
}

/// The kinds of tax and fee relief.
public enum ReliefType: String, CaseIterable, Codable, Sendable {
  case vatCreditRefund = "vat-credit-refund"
  case taxReduction = "tax-reduction"
  case feeReduction = "fee-reduction"
  case taxDeferral = "tax-deferral"
}

/// White-list categories.
public enum WhitelistCategory: String, CaseIterable, Codable, Sendable {
  case medicalSupplies = "medical-supplies"
  case dailyNecessities = "daily-necessities"
  case agriculturalInputs = "agricultural-inputs"
  case strategicMaterials = "strategic-materials"
  case other
}

/// Industrial chains of the white list.
public enum SupplyChain: String, CaseIterable, Codable, Sendable {
  case automotive
  case integratedCircuits = "integrated-circuits"
  case consumerElectronics = "consumer-electronics"
  case equipment, food, pharmaceuticals, other
}

/// Cultivation tiers, lowest first.
public enum Tier: String, CaseIterable, Codable, Sendable, Comparable {
  /// Innovative SME (provincial evaluation).
  case innovative
  /// Specialized, refined, distinctive and innovative SME (provincial recognition).
  case specialized
  /// Little giant (national recognition).
  case littleGiant = "little-giant"

  /// The tier below, or nil for the lowest.
  public var below: Tier? {
    switch self {
    case .innovative: return nil
    case .specialized: return .innovative
    case .littleGiant: return .specialized
    }
  }

  private var rank: Int { Self.allCases.firstIndex(of: self)! }
  public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rank < rhs.rank }
}

/// The facts of an arrears complaint.
public struct ArrearsDetails: Equatable, Sendable, Codable {
  /// Who owes the money.
  public var debtor: String
  /// What kind of debtor.
  public var debtorType: DebtorType
  /// The debtor's USCC, when known.
  public var debtorCode: USCC?
  /// The contract reference.
  public var contract: String?
  /// The amount owed.
  public var amountOwed: Money
  /// When payment was due.
  public var paymentDueDate: LocalDate
  /// The sum of payments recorded.
  public var amountRecovered: Money
  /// The department the complaint was transferred to.
  public var handlingDepartment: String?
  /// The outcome, once resolved.
  public var outcome: ArrearsOutcome?
  /// Days added to the result period by extensions.
  public var extensionDays: Int
  /// The agreed annual interest rate, when one was agreed (else 0.05% a day applies).
  public var agreedAnnualRate: Rate?
  /// The complainant's satisfaction, recorded at closing.
  public var satisfaction: Satisfaction?
  /// The day the goods, works or services were delivered, when given (the statutory due date
  /// counts from it when none was agreed: Regulations on Ensuring Payments to SMEs, art. 9).
  public var deliveredOn: LocalDate?
  /// The day the contract was signed: the one-year LPR of that day is the floor of the agreed
  /// rate (art. 17).
  public var contractDate: LocalDate?
  /// Why the complaint was opened although outside the scope of intake (arts. 2, 3, 24-25): the
  /// case carries a warning.
  public var outOfScope: String?

  /// Creates the details of a new complaint.
  public init(
    debtor: String, debtorType: DebtorType, debtorCode: USCC? = nil, contract: String? = nil,
    amountOwed: Money, paymentDueDate: LocalDate, agreedAnnualRate: Rate? = nil,
    deliveredOn: LocalDate? = nil, contractDate: LocalDate? = nil, outOfScope: String? = nil
  ) {
    self.deliveredOn = deliveredOn
    self.contractDate = contractDate
    self.outOfScope = outOfScope
    self.debtor = debtor
    self.debtorType = debtorType
    self.debtorCode = debtorCode
    self.contract = contract
    self.amountOwed = amountOwed
    self.paymentDueDate = paymentDueDate
    self.amountRecovered = .zero
    self.extensionDays = 0
    self.agreedAnnualRate = agreedAnnualRate
  }

  /// What is still owed.
  public var outstanding: Money { amountOwed - amountRecovered }
}

/// The facts of a tax or fee relief case.
public struct TaxRefundDetails: Equatable, Sendable, Codable {
  /// The kind of relief.
  public var reliefType: ReliefType
  /// The amount the enterprise claims.
  public var amountClaimed: Money
  /// The amount approved.
  public var amountApproved: Money?
  /// The amount paid out.
  public var amountDisbursed: Money?
  /// The tax period, such as `2026-Q2`.
  public var taxPeriod: String?
  /// The tax authority the application was submitted to (`review --to`).
  public var taxAuthority: String?

  /// Creates the details of a new application.
  public init(reliefType: ReliefType, amountClaimed: Money, taxPeriod: String? = nil) {
    self.reliefType = reliefType
    self.amountClaimed = amountClaimed
    self.taxPeriod = taxPeriod
  }
}

/// The facts of a white-list enrolment.
public struct WhitelistDetails: Equatable, Sendable, Codable {
  /// The category.
  public var category: WhitelistCategory
  /// The industrial chain.
  public var chain: SupplyChain
  /// Provinces (`XX0000`) that recognise the listing, besides the listing one.
  public var recognizedRegions: [RegionCode]

  /// Creates the details of a new application.
  public init(category: WhitelistCategory, chain: SupplyChain) {
    self.category = category
    self.chain = chain
    self.recognizedRegions = []
  }
}

/// The facts of a cultivation case.
public struct CultivationDetails: Equatable, Sendable, Codable {
  /// The tier sought.
  public var tier: Tier
  /// The evaluation score, 0...100.
  public var score: Int?
  /// The last day the recognition is valid.
  public var validUntil: LocalDate?
  /// Evidence of the tier below held outside Relief.
  public var priorTierEvidence: String?
  /// Why a recognition was granted below the score threshold.
  public var fastTrack: String?
  /// The day a revocation's ban on a new cultivation case ends (`revoke --ban-years N`).
  public var banUntil: LocalDate?

  /// Creates the details of a new candidacy.
  public init(tier: Tier, priorTierEvidence: String? = nil) {
    self.tier = tier
    self.priorTierEvidence = priorTierEvidence
  }
}

/// A case's kind-specific facts.
public enum CaseDetails: Equatable, Sendable {
  case arrears(ArrearsDetails)
  case taxRefund(TaxRefundDetails)
  case whitelist(WhitelistDetails)
  case cultivation(CultivationDetails)

  /// The kind these details belong to.
  public var kind: CaseKind {
    switch self {
    case .arrears: return .arrears
    case .taxRefund: return .taxRefund
    case .whitelist: return .whitelist
    case .cultivation: return .cultivation
    }
  }

  /// The arrears details, if these are.
  public var arrears: ArrearsDetails? {
    if case .arrears(let details) = self { return details }
    return nil
  }

  /// The tax-refund details, if these are.
  public var taxRefund: TaxRefundDetails? {
    if case .taxRefund(let details) = self { return details }
    return nil
  }

  /// The whitelist details, if these are.
  public var whitelist: WhitelistDetails? {
    if case .whitelist(let details) = self { return details }
    return nil
  }

  /// The cultivation details, if these are.
  public var cultivation: CultivationDetails? {
    if case .cultivation(let details) = self { return details }
    return nil
  }
}

extension CaseDetails: Codable {
  private enum CodingKeys: String, CodingKey { case kind }

  public init(from decoder: any Decoder) throws {
    let kind = try decoder.container(keyedBy: CodingKeys.self).decode(CaseKind.self, forKey: .kind)
    switch kind {
    case .arrears: self = .arrears(try ArrearsDetails(from: decoder))
    case .taxRefund: self = .taxRefund(try TaxRefundDetails(from: decoder))
    case .whitelist: self = .whitelist(try WhitelistDetails(from: decoder))
    case .cultivation: self = .cultivation(try CultivationDetails(from: decoder))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(kind, forKey: .kind)
    switch self {
    case .arrears(let details): try details.encode(to: encoder)
    case .taxRefund(let details): try details.encode(to: encoder)
    case .whitelist(let details): try details.encode(to: encoder)
    case .cultivation(let details): try details.encode(to: encoder)
    }
  }
}
