import Foundation
import GRDB
import ReliefDomain

extension StoreSession {
  /// Registers an enterprise; refuses a code already registered.
  public func addEnterprise(_ enterprise: Enterprise, now: Instant) throws {
    let enterprise = try enterprise.validated()
    if try enterpriseRowID(enterprise.uscc) != nil {
      throw StoreError.enterpriseExists(enterprise.uscc)
    }
    try db.execute(
      sql: """
        INSERT INTO enterprises (uscc, name, region, size, sector, employees, revenue, industry,
          contact, phone, checksum_warning, assets, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: Self.arguments(of: enterprise) + [now.seconds, now.seconds])
  }

  /// Replaces an enterprise's fields (its code stays).
  public func updateEnterprise(_ enterprise: Enterprise, now: Instant) throws {
    let enterprise = try enterprise.validated()
    guard try enterpriseRowID(enterprise.uscc) != nil else {
      throw StoreError.enterpriseNotFound(enterprise.uscc)
    }
    var arguments = Self.arguments(of: enterprise)
    arguments += [now.seconds]
    try db.execute(
      sql: """
        UPDATE enterprises SET uscc = ?1, name = ?2, region = ?3, size = ?4, sector = ?5,
          employees = ?6, revenue = ?7, industry = ?8, contact = ?9, phone = ?10,
          checksum_warning = ?11, assets = ?12, updated_at = ?13
        WHERE uscc = ?1
        """, arguments: arguments)
  }

  private static func arguments(of enterprise: Enterprise) -> StatementArguments {
    [
      enterprise.uscc.rawValue, enterprise.name, enterprise.region.rawValue,
      enterprise.size?.rawValue, enterprise.sector?.rawValue, enterprise.employees,
      enterprise.revenue?.fen, enterprise.industry, enterprise.contact, enterprise.phone,
      enterprise.hasChecksumWarning ? 1 : 0, enterprise.assets?.fen,
    ]
  }

  func enterpriseRowID(_ uscc: USCC) throws -> Int64? {
    try Int64.fetchOne(
      db.cachedStatement(sql: "SELECT id FROM enterprises WHERE uscc = ?"),
      arguments: [uscc.rawValue])
  }

  /// The enterprise registered under a code, or nil.
  public func enterprise(_ uscc: USCC) throws -> Enterprise? {
    try Row.fetchOne(
      db, sql: "SELECT * FROM enterprises WHERE uscc = ?", arguments: [uscc.rawValue]
    ).map(Self.enterprise(from:))
  }

  /// The enterprise with its tier and white-list status on a day, or nil.
  public func enterpriseView(_ uscc: USCC, today: LocalDate) throws -> EnterpriseView? {
    try Row.fetchOne(
      db,
      sql: "SELECT e.*, \(Self.derivedColumns) FROM enterprises e WHERE e.uscc = :uscc",
      arguments: ["uscc": uscc.rawValue, "today": today.description]
    ).map(Self.view(from:))
  }

  /// Enterprises matching a filter, most recently registered first.
  public func enterprises(matching filter: EnterpriseFilter, today: LocalDate) throws -> Page<
    EnterpriseView
  > {
    try page(enterpriseQuery(filter, today: today), limit: filter.limit, map: Self.view(from:))
  }

  /// Every enterprise matching a filter (its limit aside), in the same order, handed to `sink` a
  /// batch at a time.
  public func enterprises(
    matching filter: EnterpriseFilter, today: LocalDate, into sink: ListSink<EnterpriseView>
  ) throws {
    try stream(enterpriseQuery(filter, today: today), into: sink, map: Self.view(from:))
  }

  private func enterpriseQuery(_ filter: EnterpriseFilter, today: LocalDate) -> ListQuery {
    var conditions: [String] = []
    var arguments: [String: (any DatabaseValueConvertible)?] = ["today": today.description]
    if let region = filter.region {
      conditions.append("e.region >= :regionLow AND e.region < :regionHigh")
      arguments["regionLow"] = region.digits
      arguments["regionHigh"] = region.upperBound
    }
    if let size = filter.size {
      conditions.append("e.size = :size")
      arguments["size"] = size.rawValue
    }
    if let tier = filter.tier {
      conditions.append("(\(Self.tierRank)) = :tierRank")
      arguments["tierRank"] = Tier.allCases.firstIndex(of: tier)! + 1
    }
    if filter.whitelisted {
      conditions.append("(\(Self.whitelisted))")
    }
    return ListQuery(
      select: "e.*, \(Self.derivedColumns)", from: "enterprises e", conditions: conditions,
      arguments: StatementArguments(arguments), orderBy: "e.created_at DESC, e.id DESC")
  }

  /// What guards need to know of an enterprise: its region, tiers and open whitelist case.
  /// (The `+` keeps SQLite on the index of the enterprise's few cases: without it, the index of
  /// open cases or of recognitions looks better to it, and holds a province's worth.)
  public func standing(of uscc: USCC, today: LocalDate) throws -> EnterpriseStanding? {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT id, region, size FROM enterprises WHERE uscc = ?"),
        arguments: [uscc.rawValue])
    else { return nil }
    let id: Int64 = row["id"]
    var tiers: [Tier: LocalDate] = [:]
    // The enterprise's recognitions; which of them hold is the domain's rule.
    for tierRow in try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT state, json_extract(details, '$.tier') AS tier,
            json_extract(details, '$.validUntil') AS validUntil
          FROM cases WHERE enterprise_id = ? AND +kind = \(CaseKind.cultivation.sql)
          """), arguments: [id])
    {
      let validUntil = LocalDate(tierRow["validUntil"] ?? "")
      if let tier = Tier(rawValue: tierRow["tier"] ?? ""), let validUntil,
        Workflows.recognitionHolds(
          state: CaseState(rawValue: tierRow["state"]), validUntil: validUntil, on: today)
      {
        tiers[tier] = max(tiers[tier] ?? validUntil, validUntil)
      }
    }
    let openWhitelist = try Row.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT year, number FROM cases
          WHERE enterprise_id = ? AND +kind = \(CaseKind.whitelist.sql) AND +closed_at IS NULL LIMIT 1
          """), arguments: [id]
    ).map { CaseID(kind: .whitelist, year: $0["year"], number: $0["number"]) }
    // The latest end of a revocation's ban; the opening guard compares it with the day.
    let banUntil = try String.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT max(json_extract(details, '$.banUntil')) FROM cases
          WHERE enterprise_id = ? AND +kind = \(CaseKind.cultivation.sql) AND +state = \(CaseState.revoked.sql)
          """), arguments: [id]
    ).flatMap { LocalDate($0) }
    return EnterpriseStanding(
      region: RegionCode(trusted: row["region"]), validTiers: tiers,
      openWhitelistCase: openWhitelist,
      size: (row["size"] as String?).flatMap(EnterpriseSize.init(rawValue:)),
      cultivationBanUntil: banUntil, day: today)
  }

  /// The tier of `e` on `:today`: `Workflows.recognitionHolds` in SQL, for lists and filters.
  static let tierRank = """
    SELECT max(CASE json_extract(c.details, '$.tier') WHEN \(Tier.innovative.sql) THEN 1
      WHEN \(Tier.specialized.sql) THEN 2 WHEN \(Tier.littleGiant.sql) THEN 3 END)
    FROM cases c WHERE c.enterprise_id = e.id AND c.kind = \(CaseKind.cultivation.sql)
      AND c.state = \(CaseState.recognized.sql) AND json_extract(c.details, '$.validUntil') >= :today
    """

  static let whitelisted = """
    EXISTS (SELECT 1 FROM cases c WHERE c.enterprise_id = e.id AND c.kind = \(CaseKind.whitelist.sql)
      AND c.state = \(CaseState.listed.sql))
    """

  static let derivedColumns = "(\(tierRank)) AS tier_rank, \(whitelisted) AS whitelisted"

  static func enterprise(from row: Row) -> Enterprise {
    Enterprise(
      uscc: USCC(trusted: row["uscc"]), name: row["name"],
      region: RegionCode(trusted: row["region"]),
      size: (row["size"] as String?).flatMap(EnterpriseSize.init(rawValue:)),
      sector: (row["sector"] as String?).flatMap(Sector.init(rawValue:)),
      employees: row["employees"], revenue: (row["revenue"] as Int64?).map(Money.init(fen:)),
      industry: row["industry"], contact: row["contact"], phone: row["phone"],
      hasChecksumWarning: (row["checksum_warning"] as Int) == 1,
      assets: (row["assets"] as Int64?).map(Money.init(fen:)))
  }

  static func view(from row: Row) -> EnterpriseView {
    let rank: Int? = row["tier_rank"]
    return EnterpriseView(
      enterprise: enterprise(from: row),
      tier: rank.flatMap { $0 >= 1 && $0 <= Tier.allCases.count ? Tier.allCases[$0 - 1] : nil },
      isWhitelisted: (row["whitelisted"] as Int?) == 1,
      createdAt: Instant(seconds: row["created_at"]), updatedAt: Instant(seconds: row["updated_at"])
    )
  }
}
