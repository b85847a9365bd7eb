import ArgumentParser
import Foundation
import ReliefDomain
import ReliefPresentation

extension Relief {
  /// `relief lpr`: the one-year Loan Prime Rate, the floor of an agreed overdue-interest rate
  /// (Regulations on Ensuring Payments to SMEs, art. 17).
  struct LprGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lpr",
      abstract: "List the one-year Loan Prime Rates known, or import later ones.",
      subcommands: [List.self, Import.self])
  }
}

extension Relief.LprGroup {
  /// `relief lpr list`: every one-year LPR known, shipped and imported.
  struct List: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the one-year LPR changes known, each from the day it was published.")

    @OptionGroup var global: GlobalOptions

    var readsOnly: Bool { true }

    func run(_ context: CommandContext) throws {
      let shipped = Set(LoanPrimeRate.published.map(\.date))
      let rates = LoanPrimeRates(settings: context.agency.settings).rates
      let t = context.t
      if context.json {
        context.print(
          json: .array(
            rates.map { rate in
              .object([
                ("date", .string(rate.date.description)), ("rate", .string(rate.rate.description)),
                ("source", .string(shipped.contains(rate.date) ? "shipped" : "imported")),
              ])
            }))
        return
      }
      var table = Table(columns: [
        .init(header: t("lpr.col.date")), .init(header: t("lpr.col.rate"), alignRight: true),
        .init(header: t("lpr.col.source")),
      ])
      for rate in rates {
        table.add([
          Table.Cell(rate.date.description), Table.Cell(rate.rate.description),
          Table.Cell(t(shipped.contains(rate.date) ? "lpr.source.shipped" : "lpr.source.imported")),
        ])
      }
      context.print(table.render(terminal: context.terminal))
    }
  }

  /// `relief lpr import FILE`: adds rates published after those Relief ships.
  struct Import: StoreCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import one-year LPR changes from a CSV file of date,rate lines.",
      discussion: """
        Each line: the day a one-year LPR was published and the rate, such as \
        2025-06-20,3.00% (a first line date,rate is a header). The rates are stored in the \
        database's settings; a day already known takes the rate imported. Nothing is written \
        when any line is wrong.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The CSV file.")
    var file: String

    func run(_ context: CommandContext) throws {
      let text: String
      do {
        text = try String(contentsOfFile: GlobalOptions.expand(file), encoding: .utf8)
      } catch {
        throw Refusal("error.file", ["path": file, "reason": error.localizedDescription])
      }
      let rates = try Self.parse(text)
      try context.write { session, _ in
        for rate in rates {
          try session.setSetting(
            LoanPrimeRate.settingsKey(rate.date), to: rate.rate.description)
        }
      }
      if context.json {
        context.print(json: .object([("imported", .int(Int64(rates.count)))]))
      } else {
        context.print(context.t("lpr.done", ["count": String(rates.count)]))
      }
    }

    /// The rates of a `date,rate` file: each date a day from 2019-08-20 (the first LPR under the
    /// reformed mechanism), once; each rate above 0 and at most 100%.
    static func parse(_ text: String) throws -> [LoanPrimeRate] {
      var rates: [LoanPrimeRate] = []
      var seen: Set<LocalDate> = []
      let first = LoanPrimeRate.published[0].date
      for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        .enumerated()
      {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line.isEmpty || (index == 0 && line.lowercased().hasPrefix("date")) { continue }
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
          .map { $0.trimmingCharacters(in: .whitespaces) }
        guard fields.count == 2, let date = LocalDate(fields[0]),
          let rate = Rate(parsing: fields[1])
        else {
          throw Refusal("error.lpr-line", ["line": String(index + 1), "text": line])
        }
        guard date >= first else {
          throw Refusal(
            "error.lpr-before-first",
            ["line": String(index + 1), "date": date.description, "first": first.description])
        }
        guard seen.insert(date).inserted else {
          throw Refusal(
            "error.lpr-repeated", ["line": String(index + 1), "date": date.description])
        }
        rates.append(LoanPrimeRate(date: date, rate: rate))
      }
      if rates.isEmpty { throw Refusal("error.lpr-empty") }
      return rates
    }
  }
}
