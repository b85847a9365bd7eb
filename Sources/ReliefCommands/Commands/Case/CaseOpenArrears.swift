import ArgumentParser
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

    @Option(help: "When payment was due (YYYY-MM-DD).")
    var paymentDue: String

    @Option(help: "The debtor's Unified Social Credit Code.")
    var debtorCode: String?

    @Option(help: "The contract reference.")
    var contract: String?

    @Option(help: "The agreed annual interest rate, such as 3.45% (else 0.05% a day applies).")
    var annualRate: String?

    func run(_ context: CommandContext) throws {
      let details = ArrearsDetails(
        debtor: debtor, debtorType: debtorType,
        debtorCode: try debtorCode.map { try Parse.uscc($0, allowBadChecksum: true) },
        contract: contract, amountOwed: try Parse.money(amount),
        paymentDueDate: try Parse.date(paymentDue, field: "payment-due"),
        agreedAnnualRate: try annualRate.map(Parse.rate))
      try options.open(
        .arrears(details),
        defaultTitle: { _ in details.debtor.trimmingCharacters(in: .whitespaces) },
        context: context)
    }
  }
}
