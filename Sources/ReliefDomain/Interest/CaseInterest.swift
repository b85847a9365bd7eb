extension ArrearsDetails {
  /// How the complaint's payments are split between interest and principal: the law's default
  /// (Civil Code art. 561), since a complaint records no agreement otherwise yet.
  public var interestAllocation: OverdueInterest.Allocation { .interestFirst }

  /// The agreed rate as it applies: raised to the one-year LPR of the contract date when below it
  /// (Regulations on Ensuring Payments to SMEs, art. 17); nil when no rate was agreed.
  public func appliedRate(_ rates: LoanPrimeRates) -> AgreedRate? {
    agreedAnnualRate.map { AgreedRate.applying($0, contractDate: contractDate, rates: rates) }
  }

  /// Overdue interest to a day on what is still owed, payments taken into account, at the agreed
  /// rate as it applies (`appliedRate`) or else 0.05% a day.
  public func interest(
    until day: LocalDate, payments: [OverdueInterest.Payment], rates: LoanPrimeRates
  ) -> OverdueInterest.Result {
    OverdueInterest.compute(
      amount: amountOwed, due: paymentDueDate, until: day, payments: payments,
      annualRate: appliedRate(rates)?.rate, allocation: interestAllocation)
  }
}

extension ReliefCase {
  /// The payments recorded in a case's events, by local day.
  public static func payments(in events: [CaseEvent], zone: AgencyZone) -> [OverdueInterest.Payment]
  {
    events.compactMap { event in
      guard event.name == .pay, let amount = event.inputs.amount else { return nil }
      return OverdueInterest.Payment(date: zone.date(of: event.at), amount: amount)
    }
  }
}
