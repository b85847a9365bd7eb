import ArgumentParser
import ReliefDomain
import ReliefPresentation

extension Relief {
  /// `relief enterprise`: the enterprises served.
  struct EnterpriseGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "enterprise",
      abstract: "Register, show, update and list enterprises.",
      subcommands: [Add.self, Show.self, Update.self, List.self])
  }
}

/// The fields of an enterprise that `add` and `update` take.
struct EnterpriseFields: ParsableArguments {
  @Option(help: "The registered name.")
  var name: String?

  @Option(help: "Region code (GB/T 2260, 6 digits), such as 440305.")
  var region: String?

  @Option(
    help: "Size: micro, small, medium or large (derived from the figures when they are given).")
  var size: EnterpriseSize?

  @Option(help: "Sector of the 2011 size standard, for deriving the size.")
  var sector: Sector?

  @Option(parsing: .unconditional, help: "Staff count.")
  var employees: Int?

  @Option(
    parsing: .unconditional, help: "Operating revenue in yuan (1250000, 1,250,000.50, 125万, 1.25亿)."
  )
  var revenue: String?

  @Option(
    parsing: .unconditional,
    help:
      "Total assets in yuan: what construction, real-estate-development and leasing-and-business-services are sized by."
  )
  var assets: String?

  @Option(help: "Industry code (GB/T 4754), such as C3971.")
  var industry: String?

  @Option(help: "Contact person.")
  var contact: String?

  @Option(help: "Contact phone.")
  var phone: String?

  /// Applies the given fields to an enterprise; an empty text clears an optional field.
  func apply(to enterprise: inout Enterprise) throws {
    if let name { enterprise.name = name }
    if let region { enterprise.region = try Parse.region(region) }
    if let size { enterprise.size = size }
    if let sector { enterprise.sector = sector }
    if let employees { enterprise.employees = employees }
    if let revenue {
      enterprise.revenue = revenue.isEmpty ? nil : try Parse.money(revenue, field: "revenue")
    }
    if let assets {
      enterprise.assets = assets.isEmpty ? nil : try Parse.money(assets, field: "assets")
    }
    if let industry { enterprise.industry = industry.isEmpty ? nil : industry }
    if let contact { enterprise.contact = contact.isEmpty ? nil : contact }
    if let phone { enterprise.phone = phone.isEmpty ? nil : phone }
  }
}
