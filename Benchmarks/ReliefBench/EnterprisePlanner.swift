import ReliefDomain

/// A generated enterprise, with the city its name and its debtors are made from.
struct BenchEnterprise {
  var enterprise: Enterprise
  var city: String
}

/// Enterprises with valid, distinct codes, real region codes and Chinese names.
struct EnterprisePlanner {
  var random: SeededRandom

  /// `count` enterprises. `series` (two letters of the organization code) keeps the codes of
  /// different files apart: `MA` for the data set, `MB` for the import file.
  mutating func enterprises(count: Int, series: String = "MA") -> [BenchEnterprise] {
    var result: [BenchEnterprise] = []
    result.reserveCapacity(count)
    var codes = Set<String>()
    while result.count < count {
      let place = random.pick(weighted: BenchData.regions)
      let uscc = makeCode(region: place.code, series: series)
      guard codes.insert(uscc.rawValue).inserted else { continue }
      let trade = random.pick(BenchData.trades)
      let name =
        place.city + random.pick(BenchData.brands) + random.pick(BenchData.filler)
        + random.pick(BenchData.filler) + trade.word
        + (random.chance(85) ? "有限公司" : "股份有限公司")
      let employees = random.pick([6, 12, 25, 40, 80, 150, 320, 600])
      let revenue = Money(yuan: Int64(employees) * Int64(random.int(120...900)) * 1000)
      result.append(
        BenchEnterprise(
          enterprise: Enterprise(
            uscc: uscc, name: name, region: RegionCode(trusted: place.code),
            size: EnterpriseSize.classify(
              sector: trade.sector, employees: employees, revenue: revenue),
            sector: trade.sector, employees: employees, revenue: revenue,
            industry: trade.industry,
            contact: random.pick(BenchData.surnames) + random.pick(BenchData.givenNames),
            phone: "1" + String(random.int(30...89)) + String(random.int(10_000_000...99_999_999))),
          city: place.city))
    }
    return result
  }

  /// A valid code: `91`, the region, an organization code with its check, the check character.
  mutating func makeCode(region: String, series: String) -> USCC {
    var body = Array(series)
    while body.count < 8 {
      body.append(USCC.alphabet[random.int(0...30)])
    }
    let organization = body + [USCC.organizationCheckCharacter(for: body)]
    let first17 = Array("91" + region) + organization
    return USCC(trusted: String(first17 + [USCC.checkCharacter(for: first17)]))
  }
}
