/// The size classes of the 2011 SME classification standard (工信部联企业〔2011〕300号, 《中小企业
/// 划型标准规定》).
public enum EnterpriseSize: String, CaseIterable, Codable, Sendable, Comparable {
  case micro, small, medium, large

  var rank: Int { Self.allCases.firstIndex(of: self)! }

  public static func < (lhs: EnterpriseSize, rhs: EnterpriseSize) -> Bool { lhs.rank < rhs.rank }

  /// The size the figures give: the largest size whose floors the firm reaches on every measure
  /// its sector is sized by (art. 4 of the standard joins a row's floors with 且, "and"); a firm
  /// missing a small floor is micro ("或", "or", in each micro row). Nil when a figure the sector
  /// needs was not given.
  public static func classify(sector: Sector, figures: SizeFigures) -> EnterpriseSize? {
    for measure in sector.measures where figures.value(of: measure) == nil { return nil }
    for size in [EnterpriseSize.large, .medium, .small] {
      let floor = sector.floor(for: size)
      if sector.measures.allSatisfy({ figures.value(of: $0)! >= floor.value(of: $0)! }) {
        return size
      }
    }
    return .micro
  }

  /// The size of a firm of a sector sized by staff and revenue.
  public static func classify(sector: Sector, employees: Int, revenue: Money) -> EnterpriseSize {
    classify(
      sector: sector, figures: SizeFigures(employees: employees, revenue: revenue, assets: nil))
      ?? .micro
  }

  /// The size to store: derived when the sector and every figure it is sized by are given (and
  /// then a given size must agree), otherwise the size given.
  public static func resolve(
    given: EnterpriseSize?, sector: Sector?, figures: SizeFigures
  ) throws(DomainError) -> EnterpriseSize? {
    guard let sector, let derived = classify(sector: sector, figures: figures) else {
      return given
    }
    if let given, given != derived {
      throw .sizeContradictsFigures(given: given, derived: derived)
    }
    return derived
  }

  /// `resolve` for staff and revenue only.
  public static func resolve(
    given: EnterpriseSize?, sector: Sector?, employees: Int?, revenue: Money?
  ) throws(DomainError) -> EnterpriseSize? {
    try resolve(
      given: given, sector: sector,
      figures: SizeFigures(employees: employees, revenue: revenue, assets: nil))
  }
}

/// What a size is measured by under the 2011 standard.
public enum SizeMeasure: String, CaseIterable, Sendable {
  /// 从业人员: staff.
  case employees
  /// 营业收入: operating revenue.
  case revenue
  /// 资产总额: total assets.
  case assets
}

/// A firm's figures, or a size's floors: staff, operating revenue, total assets.
public struct SizeFigures: Equatable, Sendable {
  /// Staff.
  public var employees: Int?
  /// Operating revenue.
  public var revenue: Money?
  /// Total assets.
  public var assets: Money?

  /// Creates figures.
  public init(employees: Int? = nil, revenue: Money? = nil, assets: Money? = nil) {
    self.employees = employees
    self.revenue = revenue
    self.assets = assets
  }

  /// A measure's value, as fen for money and as a count for staff.
  public func value(of measure: SizeMeasure) -> Int64? {
    switch measure {
    case .employees: return employees.map(Int64.init)
    case .revenue: return revenue?.fen
    case .assets: return assets?.fen
    }
  }
}

/// The sixteen sectors of the 2011 standard (工信部联企业〔2011〕300号, art. 4 (1)-(16)). The first
/// five names are those Relief always had; databases hold them.
public enum Sector: String, CaseIterable, Codable, Sendable {
  /// (1) 农、林、牧、渔业: revenue.
  case agriculture
  /// (2) 工业 (mining, manufacturing, electricity, heat, gas and water): staff and revenue.
  case industry
  /// (3) 建筑业: revenue and total assets.
  case construction
  /// (4) 批发业: staff and revenue.
  case wholesale
  /// (5) 零售业: staff and revenue.
  case retail
  /// (6) 交通运输业: staff and revenue.
  case transport
  /// (7) 仓储业: staff and revenue.
  case warehousing
  /// (8) 邮政业: staff and revenue.
  case postal
  /// (9) 住宿业: staff and revenue.
  case accommodation
  /// (10) 餐饮业: staff and revenue.
  case catering
  /// (11) 信息传输业: staff and revenue.
  case informationTransmission = "information-transmission"
  /// (12) 软件和信息技术服务业: staff and revenue.
  case softwareAndIT = "software-and-it"
  /// (13) 房地产开发经营: revenue and total assets.
  case realEstateDevelopment = "real-estate-development"
  /// (14) 物业管理: staff and revenue.
  case propertyManagement = "property-management"
  /// (15) 租赁和商务服务业: staff and total assets.
  case leasingAndBusinessServices = "leasing-and-business-services"
  /// (16) 其他未列明行业: staff alone.
  case other

  /// What the sector is sized by (art. 4 of the standard, item by item).
  public var measures: [SizeMeasure] {
    switch self {
    case .agriculture: return [.revenue]
    case .construction, .realEstateDevelopment: return [.revenue, .assets]
    case .leasingAndBusinessServices: return [.employees, .assets]
    case .other: return [.employees]
    default: return [.employees, .revenue]
    }
  }

  /// The floors of a size in this sector; micro has none. Each row is art. 4 of 工信部联企业
  /// 〔2011〕300号, the item named: "X 以下的为中小微型企业" is the large floor (a firm at X is
  /// large), "X 及以上的为中型/小型企业" the medium and small floors. Amounts in yuan (the
  /// standard states them in units of 10,000 yuan).
  public func floor(for size: EnterpriseSize) -> SizeFigures {
    // (staff, revenue, assets), in staff and yuan; nil where the sector is not sized by it.
    typealias Row = (Int?, Int64?, Int64?)
    let rows: (large: Row, medium: Row, small: Row)
    switch self {
    case .agriculture:  // art. 4 (1): revenue 20000万 / 500万 / 50万
      rows = ((nil, 200_000_000, nil), (nil, 5_000_000, nil), (nil, 500_000, nil))
    case .industry:  // art. 4 (2): 1000 staff, 40000万 / 300, 2000万 / 20, 300万
      rows = ((1000, 400_000_000, nil), (300, 20_000_000, nil), (20, 3_000_000, nil))
    case .construction:  // art. 4 (3): revenue and assets 80000万 / 6000万, 5000万 / 300万, 300万
      rows = (
        (nil, 800_000_000, 800_000_000), (nil, 60_000_000, 50_000_000),
        (nil, 3_000_000, 3_000_000)
      )
    case .wholesale:  // art. 4 (4): 200, 40000万 / 20, 5000万 / 5, 1000万
      rows = ((200, 400_000_000, nil), (20, 50_000_000, nil), (5, 10_000_000, nil))
    case .retail:  // art. 4 (5): 300, 20000万 / 50, 500万 / 10, 100万
      rows = ((300, 200_000_000, nil), (50, 5_000_000, nil), (10, 1_000_000, nil))
    case .transport:  // art. 4 (6): 1000, 30000万 / 300, 3000万 / 20, 200万
      rows = ((1000, 300_000_000, nil), (300, 30_000_000, nil), (20, 2_000_000, nil))
    case .warehousing:  // art. 4 (7): 200, 30000万 / 100, 1000万 / 20, 100万
      rows = ((200, 300_000_000, nil), (100, 10_000_000, nil), (20, 1_000_000, nil))
    case .postal:  // art. 4 (8): 1000, 30000万 / 300, 2000万 / 20, 100万
      rows = ((1000, 300_000_000, nil), (300, 20_000_000, nil), (20, 1_000_000, nil))
    case .accommodation:  // art. 4 (9): 300, 10000万 / 100, 2000万 / 10, 100万
      rows = ((300, 100_000_000, nil), (100, 20_000_000, nil), (10, 1_000_000, nil))
    case .catering:  // art. 4 (10): 300, 10000万 / 100, 2000万 / 10, 100万
      rows = ((300, 100_000_000, nil), (100, 20_000_000, nil), (10, 1_000_000, nil))
    case .informationTransmission:  // art. 4 (11): 2000, 100000万 / 100, 1000万 / 10, 100万
      rows = ((2000, 1_000_000_000, nil), (100, 10_000_000, nil), (10, 1_000_000, nil))
    case .softwareAndIT:  // art. 4 (12): 300, 10000万 / 100, 1000万 / 10, 50万
      rows = ((300, 100_000_000, nil), (100, 10_000_000, nil), (10, 500_000, nil))
    case .realEstateDevelopment:  // art. 4 (13): revenue 200000万 and assets 10000万 / 1000万,
      // 5000万 / 100万, 2000万
      rows = (
        (nil, 2_000_000_000, 100_000_000), (nil, 10_000_000, 50_000_000),
        (nil, 1_000_000, 20_000_000)
      )
    case .propertyManagement:  // art. 4 (14): 1000, 5000万 / 300, 1000万 / 100, 500万
      rows = ((1000, 50_000_000, nil), (300, 10_000_000, nil), (100, 5_000_000, nil))
    case .leasingAndBusinessServices:  // art. 4 (15): staff and assets 300, 120000万 / 100,
      // 8000万 / 10, 100万
      rows = ((300, nil, 1_200_000_000), (100, nil, 80_000_000), (10, nil, 1_000_000))
    case .other:  // art. 4 (16): staff 300 / 100 / 10
      rows = ((300, nil, nil), (100, nil, nil), (10, nil, nil))
    }
    let row: Row
    switch size {
    case .large: row = rows.large
    case .medium: row = rows.medium
    case .small: row = rows.small
    case .micro: return SizeFigures()
    }
    return SizeFigures(
      employees: row.0, revenue: row.1.map(Money.init(yuan:)),
      assets: row.2.map(Money.init(yuan:)))
  }
}
