import ArgumentParser
import Foundation
import ReliefDomain
import ReliefPresentation

extension Relief.CaseGroup.Open {
  /// `relief case open arrears`: logs a complaint about an overdue payment.
  struct Arrears: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "arrears",
      abstract: "Log a complaint that an agency or a large enterprise has not paid an SME on time.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: OpenOptions

    @Option(help: "Who owes the money.")
    var debtor: String

    @Option(help: "What kind of debtor.")
    var debtorType: DebtorType

    @Option(parsing: .unconditional, help: "The amount owed (1250000, 1,250,000.50, 125万, 1.25亿).")
    var amount: String

    @Option(help: "When payment was due (YYYY-MM-DD); else give --delivered.")
    var paymentDue: String?

    @Option(
      help:
        "When the goods, works or services were delivered, when no due date was agreed: the due date is then 30 days later (agencies, public institutions) or 60 (large enterprises)."
    )
    var delivered: String?

    @Option(help: "The debtor's Unified Social Credit Code.")
    var debtorCode: String?

    @Option(help: "The contract reference.")
    var contract: String?

    @Option(help: "The agreed annual interest rate, such as 3.45% (else 0.05% a day applies).")
    var annualRate: String?

    @Option(
      help:
        "When the contract was signed: an agreed rate below that day's one-year LPR is raised to it."
    )
    var contractDate: String?

    @Option(
      help:
        "Open it although outside the scope of intake, for this reason (the case carries a warning)."
    )
    var allowOutOfScope: String?

    func run(_ context: CommandContext) throws {
      let deliveredOn = try delivered.map { try Parse.date($0, field: "delivered") }
      let dueDate = try ArrearsScope.dueDate(
        agreed: try paymentDue.map { try Parse.date($0, field: "payment-due") },
        deliveredOn: deliveredOn, debtorType: debtorType, calendar: context.agency.calendar)
      let details = ArrearsDetails(
        debtor: debtor, debtorType: debtorType,
        debtorCode: try debtorCode.map { try Parse.uscc($0, allowBadChecksum: true) },
        contract: contract, amountOwed: try Parse.money(amount), paymentDueDate: dueDate,
        agreedAnnualRate: try annualRate.map(Parse.rate), deliveredOn: deliveredOn,
        contractDate: try contractDate.map { try Parse.date($0, field: "contract-date") },
        outOfScope: allowOutOfScope)
      do {
        try options.open(
          .arrears(details),
          defaultTitle: { _ in details.debtor.trimmingCharacters(in: .whitespaces) },
          context: context)
      } catch DomainError.outOfScope(.debtorTypeOther) {
        // The hint, with the exact command that records the matter as a consultation instead.
        let day = options.at.flatMap { LocalDate(String($0.prefix(10))) } ?? context.today
        let debtor = details.debtor.trimmingCharacters(in: .whitespaces)
        throw Refusal(
          "error.scope.debtor-other-command",
          [
            "date": day.description,
            "uscc": (try? Parse.uscc(options.enterprise, allowBadChecksum: true).rawValue)
              ?? options.enterprise,
            "note": context.t("scope.consultation-note", ["debtor": debtor])
              .replacingOccurrences(of: "\"", with: "'"),
          ])
      }
    }
  }
}
