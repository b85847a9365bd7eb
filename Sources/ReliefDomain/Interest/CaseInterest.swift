extension ArrearsDetails {
  /// How the complaint's payments are split between interest and principal: the law's default
  /// (Civil Code art. 561), since a complaint records no agreement otherwise yet.
  public var interestAllocation: OverdueInterest.Allocation { .interestFirst }

  /// Overdue interest to a day on what is still owed, payments taken into account.
  public func interest(until day: LocalDate, payments: [OverdueInterest.Payment])
    -> OverdueInterest.Result
  {
    OverdueInterest.compute(
      amount: amountOwed, due: paymentDueDate, until: day, payments: payments,
      annualRate: agreedAnnualRate, allocation: interestAllocation)
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
