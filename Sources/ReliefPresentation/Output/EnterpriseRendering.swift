import ReliefDomain
import ReliefStoreAPI

/// Enterprises as JSON and as text.
package struct EnterpriseRendering {
  package let t: Localizer
  package let terminal: Terminal

  package init(_ context: some RenderingContext) {
    self.t = context.t
    self.terminal = context.terminal
  }

  /// An enterprise in JSON, revenue as a two-decimal string.
  package func json(_ view: EnterpriseView) -> JSONValue {
    let enterprise = view.enterprise
    return .object([
      ("uscc", .string(enterprise.uscc.rawValue)),
      ("name", .string(enterprise.name)),
      ("region", .string(enterprise.region.rawValue)),
      ("size", .string(enterprise.size?.rawValue)),
      ("sector", .string(enterprise.sector?.rawValue)),
      ("employees", .int(enterprise.employees)),
      ("revenue", .string(enterprise.revenue?.yuan)),
      ("assets", .string(enterprise.assets?.yuan)),
      ("industry", .string(enterprise.industry)),
      ("contact", .string(enterprise.contact)),
      ("phone", .string(enterprise.phone)),
      ("tier", .string(view.tier?.rawValue)),
      ("whitelisted", .bool(view.isWhitelisted)),
      ("checksumWarning", .bool(enterprise.hasChecksumWarning)),
    ])
  }

  /// A table of enterprises.
  package func table(_ views: [EnterpriseView]) -> Table {
    var table = Table(columns: [
      .init(header: t("col.uscc")), .init(header: t("col.name"), maxWidth: 32),
      .init(header: t("col.region"), maxWidth: 24), .init(header: t("col.size")),
      .init(header: t("col.tier")), .init(header: t("col.whitelisted")),
    ])
    for view in views {
      let enterprise = view.enterprise
      table.add([
        Table.Cell(enterprise.uscc.rawValue), Table.Cell(enterprise.name),
        Table.Cell(regionLabel(enterprise.region)),
        Table.Cell(enterprise.size.map { t.value("size", $0.rawValue) } ?? ""),
        Table.Cell(view.tier.map { t.value("tier", $0.rawValue) } ?? ""),
        Table.Cell(view.isWhitelisted ? t("msg.yes") : ""),
      ])
    }
    return table
  }

  /// A region as `440305 广东省深圳市南山区` in Chinese, `440305 Guangdong` in English.
  package func regionLabel(_ region: RegionCode) -> String {
    if t.language == .zh { return "\(region.rawValue) \(Regions.chineseName(of: region))" }
    let province = Regions.provinces[region.provinceDigits]?.en ?? ""
    return "\(region.rawValue) \(province)"
  }

  /// An enterprise's card.
  package func card(_ view: EnterpriseView) -> String {
    let enterprise = view.enterprise
    var card = Card()
    card.add(t("label.uscc"), enterprise.uscc.rawValue)
    card.add(t("label.name"), enterprise.name)
    card.add(t("label.region"), regionLabel(enterprise.region))
    card.add(t("label.size"), enterprise.size.map { t.value("size", $0.rawValue) })
    card.add(t("label.sector"), enterprise.sector.map { t.value("sector", $0.rawValue) })
    card.add(t("label.employees"), enterprise.employees.map(String.init))
    card.add(t("label.revenue"), enterprise.revenue?.grouped)
    card.add(t("label.assets"), enterprise.assets?.grouped)
    card.add(t("label.industry"), enterprise.industry)
    card.add(t("label.contact"), enterprise.contact)
    card.add(t("label.phone"), enterprise.phone)
    card.add(t("label.tier"), view.tier.map { t.value("tier", $0.rawValue) })
    card.add(t("label.whitelisted"), view.isWhitelisted ? t("msg.yes") : t("msg.no"))
    if enterprise.hasChecksumWarning {
      card.add(t("label.warning"), t("msg.checksum-warning"))
    }
    return card.render(terminal: terminal)
  }
}
