extension EventInputs {
  /// The inputs with free text trimmed and checked.
  public func cleaned() throws(DomainError) -> EventInputs {
    var copy = self
    do {
      copy.reason = try Text.clean(reason, field: "reason", required: false, maxLength: 500)
      copy.to = try Text.clean(to, field: "to", required: false, maxLength: 120)
      copy.note = try Text.clean(
        note, field: "note", required: false, maxLength: 4000, allowNewlines: true)
      copy.fastTrack = try Text.clean(
        fastTrack, field: "fast-track", required: false, maxLength: 500)
      copy.assignee = try Text.clean(assignee, field: "assignee", required: false, maxLength: 60)
    } catch {
      throw .text(error)
    }
    return copy
  }
}

extension CaseOpening {
  /// The opening with free text trimmed and checked and amounts above zero.
  public func validated() throws(DomainError) -> CaseOpening {
    var copy = self
    do {
      copy.title = try Text.required(title, field: "title", maxLength: 200)
      copy.assignee = try Text.clean(assignee, field: "assignee", required: false, maxLength: 60)
      switch details {
      case .arrears(var arrears):
        arrears.debtor = try Text.required(arrears.debtor, field: "debtor", maxLength: 120)
        arrears.contract = try Text.clean(
          arrears.contract, field: "contract", required: false, maxLength: 80)
        arrears.outOfScope = try Text.clean(
          arrears.outOfScope, field: "allow-out-of-scope", required: false, maxLength: 500)
        guard arrears.amountOwed > .zero else {
          throw DomainError.amountNotPositive(field: "amount")
        }
        copy.details = .arrears(arrears)
      case .taxRefund(var taxRefund):
        taxRefund.taxPeriod = try Text.clean(
          taxRefund.taxPeriod, field: "tax-period", required: false, maxLength: 30)
        guard taxRefund.amountClaimed > .zero else {
          throw DomainError.amountNotPositive(field: "amount")
        }
        copy.details = .taxRefund(taxRefund)
      case .whitelist:
        break
      case .cultivation(var cultivation):
        cultivation.priorTierEvidence = try Text.clean(
          cultivation.priorTierEvidence, field: "prior-tier-evidence", required: false,
          maxLength: 500)
        copy.details = .cultivation(cultivation)
      }
    } catch let error as TextError {
      throw .text(error)
    } catch let error as DomainError {
      throw error
    } catch {
      preconditionFailure("unexpected error \(error)")
    }
    return copy
  }
}
