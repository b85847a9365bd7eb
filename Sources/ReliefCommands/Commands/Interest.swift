import ArgumentParser
import ReliefDomain
import ReliefPresentation
import ReliefStoreAPI
import ReliefStores

extension OverdueInterest.Allocation: ExpressibleByArgument {}

extension Relief {
  /// `relief interest`: overdue interest under the payment regulation.
  struct Interest: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "interest",
      abstract: "Compute overdue interest: 0.05% a day, or an agreed annual rate / 365.",
      discussion: """
        Interest accrues on the outstanding amount for each calendar day after the due date \
        through --until (default today), inclusive. A payment goes first to the interest accrued \
        up to its day, then to the principal (Civil Code art. 561), unless --allocation \
        principal-first was agreed; the principal it reduces accrues less from the day after. \
        Rounded half up to the fen once per payment and at the end. With --contract-date, an \
        agreed rate below the one-year LPR in force that day is raised to it, with a warning \
        (Regulations on Ensuring Payments to SMEs, art. 17; `relief lpr list` shows the rates).
        """)

    @OptionGroup var global: GlobalOptions

    @Option(parsing: .unconditional, help: "The amount owed.")
    var amount: String

    @Option(help: "The payment due date (YYYY-MM-DD).")
    var due: String

    @Option(help: "The last day counted (default today).")
    var until: String?

    @Option(help: "The agreed annual rate, such as 3.45% (else 0.05% a day).")
    var annualRate: String?

    @Option(
      help:
        "When the contract was signed: a lower agreed rate is raised to that day's one-year LPR.")
    var contractDate: String?

    @Option(help: "A payment made, DATE:AMOUNT (repeat for several).")
    var payment: [String] = []

    @Option(help: "How payments apply: interest-first (the law's default) or principal-first.")
    var allocation: OverdueInterest.Allocation = .interestFirst

    func run() throws {
      let t = global.localizer
      let amount = try Parse.money(amount)
      let due = try Parse.date(due, field: "due")
      let agency = try? Databases.open(at: global.databasePath, readOnly: true).read { $0.agency }
      let zone = agency?.zone ?? .shanghai
      let until =
        try until.map { try Parse.date($0, field: "until") }
        ?? zone.date(of: try Clock.now(zone: zone))
      let contractDate = try contractDate.map { try Parse.date($0, field: "contract-date") }
      // Art. 17: the agreed rate, raised to the LPR of the contract date when below it (the
      // rates shipped, and those imported into the database when there is one).
      let agreed = try annualRate.map(Parse.rate).map {
        AgreedRate.applying(
          $0, contractDate: contractDate, rates: LoanPrimeRates(settings: agency?.settings ?? [:]))
      }
      let rate = agreed?.rate
      if let agreed, let from = agreed.raisedFrom, let floor = agreed.floor {
        StandardError.write(
          Style.yellow.apply(
            t(
              "msg.warning",
              ["message": t("msg.rate-raised-to-lpr", Self.raised(from: from, to: floor))]),
            colour: Terminal.errorIsInteractive) + "\n")
      }
      let payments = try payment.map { text -> OverdueInterest.Payment in
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let date = LocalDate(parts[0]) else {
          throw Refusal("error.bad-payment", ["value": text])
        }
        return OverdueInterest.Payment(date: date, amount: try Parse.money(parts[1]))
      }
      let result = OverdueInterest.compute(
        amount: amount, due: due, until: until, payments: payments, annualRate: rate,
        allocation: allocation)
      let basis =
        rate.map { t("interest.agreed", ["rate": $0.description]) } ?? t("interest.statutory")
      if global.json {
        StandardOutput.print(
          JSONValue.object([
            ("amount", .string(amount.yuan)), ("due", .string(due.description)),
            ("until", .string(until.description)), ("annualRate", .string(rate?.description)),
            ("agreedAnnualRate", .string(agreed?.raisedFrom?.description ?? rate?.description)),
            ("lpr", .string(agreed?.floor?.rate.description)),
            ("lprDate", .string(agreed?.floor?.date.description)),
            ("days", .int(Int64(result.days))), ("outstanding", .string(result.outstanding.yuan)),
            ("interest", .string(result.interest.yuan)), ("accrued", .string(result.accrued.yuan)),
            ("interestPaid", .string(result.paid.yuan)),
            ("allocation", .string(allocation.rawValue)),
          ]).render())
        return
      }
      var card = Card()
      card.add(t("interest.amount"), amount.grouped)
      card.add(t("interest.due"), due.description)
      card.add(t("interest.until"), until.description)
      card.add(t("interest.days"), String(result.days))
      card.add(t("interest.basis"), basis)
      if payments.isEmpty {
        card.add(t("interest.outstanding"), result.outstanding.grouped)
      } else {
        card.add(t("interest.allocation"), t("allocation.\(allocation.rawValue)"))
        card.add(t("interest.outstanding-principal"), result.outstanding.grouped)
        card.add(t("interest.accrued"), result.accrued.grouped)
        card.add(t("interest.paid"), result.paid.grouped)
      }
      card.add(t("interest.interest"), result.interest.grouped)
      StandardOutput.print(card.render(terminal: .current(environment: Environment.values)))
    }

    /// The placeholders of the warning that an agreed rate was raised to the LPR.
    static func raised(from: Rate, to floor: LoanPrimeRate) -> [String: String] {
      ["agreed": from.description, "lpr": floor.rate.description, "date": floor.date.description]
    }
  }
}
