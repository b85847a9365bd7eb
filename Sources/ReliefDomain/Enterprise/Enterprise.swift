/// A small or medium-sized enterprise (or a debtor's counterpart), known by its USCC.
public struct Enterprise: Equatable, Sendable {
  /// The Unified Social Credit Code.
  public var uscc: USCC
  /// The registered name, such as 深圳市星河科技有限公司.
  public var name: String
  /// Where it is registered.
  public var region: RegionCode
  /// Its size under the 2011 standard, given or derived.
  public var size: EnterpriseSize?
  /// The sector the size was derived for.
  public var sector: Sector?
  /// Staff count.
  public var employees: Int?
  /// Operating revenue.
  public var revenue: Money?
  /// Industry code (GB/T 4754), such as `C3971`.
  public var industry: String?
  /// A contact person.
  public var contact: String?
  /// A contact phone number.
  public var phone: String?
  /// True when the code failed its check characters and was let through.
  public var hasChecksumWarning: Bool

  /// Creates an enterprise.
  public init(
    uscc: USCC, name: String, region: RegionCode, size: EnterpriseSize? = nil,
    sector: Sector? = nil, employees: Int? = nil, revenue: Money? = nil, industry: String? = nil,
    contact: String? = nil, phone: String? = nil, hasChecksumWarning: Bool = false
  ) {
    self.uscc = uscc
    self.name = name
    self.region = region
    self.size = size
    self.sector = sector
    self.employees = employees
    self.revenue = revenue
    self.industry = industry
    self.contact = contact
    self.phone = phone
    self.hasChecksumWarning = hasChecksumWarning
  }

  /// Checks the free-text fields and the size against the figures; returns the cleaned enterprise.
  public func validated() throws(DomainError) -> Enterprise {
    var copy = self
    do {
      copy.name = try Text.required(name, field: "name", maxLength: 120)
      copy.industry = try Text.clean(industry, field: "industry", required: false, maxLength: 10)
      copy.contact = try Text.clean(contact, field: "contact", required: false, maxLength: 60)
      copy.phone = try Text.clean(phone, field: "phone", required: false, maxLength: 30)
    } catch {
      throw .text(error)
    }
    if let industry = copy.industry,
      !industry.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
    {
      throw .invalidValue(field: "industry", value: industry, expected: "a code such as C3971")
    }
    if let phone = copy.phone,
      !phone.allSatisfy({ $0.isASCIIDigit || " +-()".contains($0) })
    {
      throw .invalidValue(field: "phone", value: phone, expected: "digits, spaces, + - ( )")
    }
    if let employees, employees < 0 || employees > 10_000_000 {
      throw .invalidValue(
        field: "employees", value: String(employees), expected: "a staff count from 0")
    }
    copy.size = try EnterpriseSize.resolve(
      given: size, sector: sector, employees: employees, revenue: revenue)
    return copy
  }
}

/// The size classes of the 2011 SME classification standard.
public enum EnterpriseSize: String, CaseIterable, Codable, Sendable, Comparable {
  case micro, small, medium, large

  var rank: Int { Self.allCases.firstIndex(of: self)! }

  public static func < (lhs: EnterpriseSize, rhs: EnterpriseSize) -> Bool { lhs.rank < rhs.rank }

  /// The size the figures give: the largest size whose staff and revenue floors both are reached;
  /// a firm missing either small floor is micro.
  public static func classify(sector: Sector, employees: Int, revenue: Money) -> EnterpriseSize {
    for size in [EnterpriseSize.large, .medium, .small] {
      let floor = sector.floor(for: size)
      if employees >= floor.employees, revenue >= floor.revenue { return size }
    }
    return .micro
  }

  /// The size to store: derived when sector, staff and revenue are all given (and then a given
  /// size must agree), otherwise the size given.
  public static func resolve(
    given: EnterpriseSize?, sector: Sector?, employees: Int?, revenue: Money?
  ) throws(DomainError) -> EnterpriseSize? {
    guard let sector, let employees, let revenue else { return given }
    let derived = classify(sector: sector, employees: employees, revenue: revenue)
    if let given, given != derived {
      throw .sizeContradictsFigures(given: given, derived: derived)
    }
    return derived
  }
}

/// The sectors of the size table.
public enum Sector: String, CaseIterable, Codable, Sendable {
  case industry, wholesale, retail, transport
  case softwareAndIT = "software-and-it"

  /// The staff and revenue floors of a size in this sector.
  public func floor(for size: EnterpriseSize) -> (employees: Int, revenue: Money) {
    let table: [EnterpriseSize: (Int, Int64)]
    switch self {
    case .industry:
      table = [.large: (1000, 400_000_000), .medium: (300, 20_000_000), .small: (20, 3_000_000)]
    case .wholesale:
      table = [.large: (200, 400_000_000), .medium: (20, 50_000_000), .small: (5, 10_000_000)]
    case .retail:
      table = [.large: (300, 200_000_000), .medium: (50, 5_000_000), .small: (10, 1_000_000)]
    case .transport:
      table = [.large: (1000, 300_000_000), .medium: (300, 30_000_000), .small: (20, 2_000_000)]
    case .softwareAndIT:
      table = [.large: (300, 100_000_000), .medium: (100, 10_000_000), .small: (10, 500_000)]
    }
    let (staff, yuan) = table[size] ?? (0, 0)
    return (staff, Money(yuan: yuan))
  }
}
