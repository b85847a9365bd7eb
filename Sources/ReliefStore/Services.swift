import GRDB
import ReliefDomain

extension StoreSession {
  /// Logs a service activity. Every enterprise named must be registered; the region is the one
  /// given, else the first named enterprise's; a service with neither is refused.
  public func logService(_ draft: ServiceDraft, officer: String, now: Instant) throws
    -> ServiceRecord
  {
    let draft = try draft.validated()
    var named: [(rowID: Int64, enterprise: ServedEnterprise, region: RegionCode)] = []
    for uscc in draft.enterprises {
      // Cached statements: preparing one anew costs more than running it (GRDB's authorizer
      // records what every statement reads), and an import logs a service a record.
      guard
        let row = try Row.fetchOne(
          db.cachedStatement(sql: "SELECT id, name, region FROM enterprises WHERE uscc = ?"),
          arguments: [uscc.rawValue])
      else { throw StoreError.enterpriseNotFound(uscc) }
      named.append(
        (
          row["id"], ServedEnterprise(uscc: uscc, name: row["name"]),
          RegionCode(trusted: row["region"])
        ))
    }
    guard let region = draft.region ?? named.first?.region else {
      throw StoreError.serviceNeedsRegion
    }
    try db.cachedStatement(
      sql: """
        INSERT INTO services (type, date, region, campaign, note, served, officer, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(
      arguments: [
        draft.type.rawValue, draft.date.description, region.rawValue, draft.campaign, draft.note,
        draft.served, officer, now.seconds,
      ])
    let id = db.lastInsertedRowID
    let insert = try db.cachedStatement(
      sql: "INSERT INTO service_enterprises (service_id, enterprise_id) VALUES (?, ?)")
    for entry in named {
      try insert.execute(arguments: [id, entry.rowID])
    }
    return ServiceRecord(
      id: id, type: draft.type, date: draft.date, region: region, campaign: draft.campaign,
      note: draft.note, served: draft.served, enterprises: named.map(\.enterprise),
      officer: officer, recordedAt: now)
  }

  /// Services matching a filter, latest first.
  public func services(matching filter: ServiceFilter) throws -> Page<ServiceRecord> {
    var page = try page(serviceQuery(filter), limit: filter.limit, map: Self.service(from:))
    try attachEnterprises(to: &page.items)
    return page
  }

  /// Every service matching a filter (its limit aside), latest first, handed to `sink` a batch
  /// at a time.
  public func services(matching filter: ServiceFilter, into sink: ListSink<ServiceRecord>) throws {
    try stream(
      serviceQuery(filter), into: sink, map: Self.service(from:), finish: attachEnterprises(to:))
  }

  private static func service(from row: Row) throws -> ServiceRecord {
    let id: Int64 = row["id"]
    guard let type = ServiceType(rawValue: row["type"]), let date = LocalDate(row["date"])
    else { throw StoreError.corruptRecord("service \(id)") }
    return ServiceRecord(
      id: id, type: type, date: date,
      region: (row["region"] as String?).map(RegionCode.init(trusted:)),
      campaign: row["campaign"], note: row["note"], served: row["served"], enterprises: [],
      officer: row["officer"], recordedAt: Instant(seconds: row["recorded_at"]))
  }

  private func serviceQuery(_ filter: ServiceFilter) -> ListQuery {
    var conditions: [String] = []
    var arguments: [String: (any DatabaseValueConvertible)?] = [:]
    if let type = filter.type {
      conditions.append("s.type = :type")
      arguments["type"] = type.rawValue
    }
    if let region = filter.region {
      conditions.append("s.region >= :regionLow AND s.region < :regionHigh")
      arguments["regionLow"] = region.digits
      arguments["regionHigh"] = region.upperBound
    }
    if let from = filter.from {
      conditions.append("s.date >= :from")
      arguments["from"] = from.description
    }
    if let to = filter.to {
      conditions.append("s.date <= :to")
      arguments["to"] = to.description
    }
    if let campaign = filter.campaign {
      conditions.append("instr(s.campaign, :campaign) > 0")
      arguments["campaign"] = campaign
    }
    if let enterprise = filter.enterprise {
      conditions.append(
        """
        s.id IN (SELECT se.service_id FROM service_enterprises se
          JOIN enterprises e ON e.id = se.enterprise_id WHERE e.uscc = :uscc)
        """)
      arguments["uscc"] = enterprise.rawValue
    }
    return ListQuery(
      select: "s.*", from: "services s", conditions: conditions,
      arguments: StatementArguments(arguments), orderBy: "s.date DESC, s.id DESC")
  }

  /// Fills in the enterprises each service names, in one query for the page.
  private func attachEnterprises(to services: inout [ServiceRecord]) throws {
    guard !services.isEmpty else { return }
    let placeholders = Array(repeating: "?", count: services.count).joined(separator: ", ")
    var named: [Int64: [ServedEnterprise]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT se.service_id, e.uscc, e.name FROM service_enterprises se
        JOIN enterprises e ON e.id = se.enterprise_id
        WHERE se.service_id IN (\(placeholders)) ORDER BY se.service_id, e.id
        """, arguments: StatementArguments(services.map(\.id)))
    {
      named[row["service_id"], default: []].append(
        ServedEnterprise(uscc: USCC(trusted: row["uscc"]), name: row["name"]))
    }
    for index in services.indices {
      services[index].enterprises = named[services[index].id] ?? []
    }
  }
}
