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
  /// Total assets (资产总额): the measure of construction, real-estate development, and leasing
  /// and business services under the 2011 size standard.
  public var assets: Money?
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
    contact: String? = nil, phone: String? = nil, hasChecksumWarning: Bool = false,
    assets: Money? = nil
  ) {
    self.uscc = uscc
    self.name = name
    self.region = region
    self.size = size
    self.sector = sector
    self.employees = employees
    self.revenue = revenue
    self.assets = assets
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
      given: size, sector: sector,
      figures: SizeFigures(employees: employees, revenue: revenue, assets: assets))
    return copy
  }
}
