import ReliefDomain
import ReliefStoreAPI

/// Service activities as JSON and as text.
package struct ServiceRendering {
  package let zone: AgencyZone
  package let t: Localizer
  package let terminal: Terminal

  package init(_ context: some RenderingContext) {
    self.zone = context.zone
    self.t = context.t
    self.terminal = context.terminal
  }

  /// A service in JSON.
  package func json(_ record: ServiceRecord) -> JSONValue {
    .object([
      ("id", .int(record.id)),
      ("type", .string(record.type.rawValue)),
      ("date", .string(record.date.description)),
      ("region", .string(record.region?.rawValue)),
      ("campaign", .string(record.campaign)),
      ("note", .string(record.note)),
      ("enterprisesServed", .int(Int64(record.served))),
      (
        "enterprises",
        .array(
          record.enterprises.map { enterprise in
            .object([
              ("uscc", .string(enterprise.uscc.rawValue)), ("name", .string(enterprise.name)),
            ])
          })
      ),
      ("officer", .string(record.officer)),
      ("recordedAt", .string(zone.iso8601(record.recordedAt))),
    ])
  }

  /// A table of services.
  package func table(_ records: [ServiceRecord]) -> Table {
    var table = Table(columns: [
      .init(header: t("col.service-id"), alignRight: true), .init(header: t("col.date")),
      .init(header: t("col.service-type")), .init(header: t("col.region"), maxWidth: 20),
      .init(header: t("col.served"), alignRight: true),
      .init(header: t("col.campaign"), maxWidth: 20),
      .init(header: t("col.enterprises"), maxWidth: 36), .init(header: t("col.officer")),
    ])
    for record in records {
      table.add([
        Table.Cell(String(record.id)), Table.Cell(record.date.description),
        Table.Cell(t.value("service-type", record.type.rawValue)),
        Table.Cell(record.region.map { ErrorText.regionName($0, t) } ?? ""),
        Table.Cell(String(record.served)), Table.Cell(record.campaign ?? ""),
        Table.Cell(enterpriseSummary(record.enterprises)), Table.Cell(record.officer),
      ])
    }
    return table
  }

  /// The first enterprise named, and how many more.
  private func enterpriseSummary(_ enterprises: [ServedEnterprise]) -> String {
    guard let first = enterprises.first else { return "" }
    if enterprises.count == 1 { return first.name }
    return t("msg.and-more", ["first": first.name, "more": String(enterprises.count - 1)])
  }
}
