import Foundation
import GRDB
import Testing

@testable import ReliefDomain
@testable import ReliefStore

/// Each kind's description (`CaseKind.detailFields`) against what the built `relief` takes and
/// writes: the `case open` options (declared by hand, as argument-parser needs), the import and
/// export columns, the `details` of a case's JSON in every state, the stored JSON, and the
/// names the shipped migrations hold.
@Suite("Kind descriptions end to end")
struct KindDescriptionEndToEndTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The options of `relief case open KIND`, from argument-parser's own description of the
  /// command: long name, whether it may be left out, and the values it accepts when listed.
  static func openOptions(_ sandbox: Sandbox, _ kind: CaseKind) throws -> [String: (
    optional: Bool, values: [String]?
  )] {
    let output = try sandbox.ok("case", "open", kind.rawValue, "--experimental-dump-help")
    let json = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
    let command = try #require(json?["command"] as? [String: Any])
    let arguments = try #require(command["arguments"] as? [[String: Any]])
    var options: [String: (optional: Bool, values: [String]?)] = [:]
    for argument in arguments where argument["kind"] as? String == "option" {
      let names = argument["names"] as? [[String: Any]] ?? []
      guard let long = names.first(where: { $0["kind"] as? String == "long" })?["name"] as? String
      else { continue }
      options[long] = (argument["isOptional"] as? Bool ?? true, argument["allValues"] as? [String])
    }
    return options
  }

  @Test("case open KIND takes exactly the description's opening fields, required as described")
  func caseOpenOptions() throws {
    let sandbox = try Sandbox(initialise: false)
    var all: [CaseKind: [String: (optional: Bool, values: [String]?)]] = [:]
    for kind in CaseKind.allCases { all[kind] = try Self.openOptions(sandbox, kind) }
    // What every kind takes (--enterprise, --title, --db ...) is not a detail.
    let common = CaseKind.allCases.map { Set(all[$0]!.keys) }.reduce(Set(all[.arrears]!.keys)) {
      $0.intersection($1)
    }
    #expect(common.contains("enterprise"))
    for kind in CaseKind.allCases {
      let options = all[kind]!.filter { !common.contains($0.key) }
      let fields = kind.openingFields
      #expect(Set(options.keys) == Set(fields.compactMap(\.optionName)), "\(kind)")
      for field in fields {
        let option = try #require(options[field.optionName ?? ""], "\(kind) --\(field.key)")
        #expect(option.optional == !field.requiredAtOpening, "\(kind) --\(field.optionName!)")
        if case .enumeration(_, let values) = field.type {
          #expect(option.values == values, "\(kind) --\(field.optionName!)")
        }
      }
    }
  }

  @Test("workflow show lists the required opening options of the description")
  func workflowShow() throws {
    let sandbox = try Sandbox(initialise: false)
    for kind in CaseKind.allCases {
      let json = try sandbox.run("workflow", "show", kind.rawValue, "--json").object()
      let required = kind.openingFields.filter(\.requiredAtOpening).compactMap(\.optionName)
      #expect(json["openingInputs"] as? [String] == required)
      let text = try sandbox.ok("workflow", "show", kind.rawValue)
      #expect(text.contains((["enterprise"] + required).map { "--\($0)" }.joined(separator: " ")))
    }
  }

  @Test("the details of every case of the demo, every kind in every state, are the description's")
  func detailsInEveryState() throws {
    let sandbox = try Sandbox(now: "2026-11-29T10:00:00+08:00", initialise: false)
    try sandbox.ok("demo", "--json")
    let demo = sandbox.folder.appendingPathComponent("relief-demo.sqlite").path
    let export = try sandbox.run("--db", demo, "export", "cases", "--format", "json")
    #expect(export.status == 0, "\(export.stderr)")
    let cases = try #require(try export.json() as? [[String: Any]])
    var seen: [CaseKind: Set<String>] = [:]
    for reliefCase in cases {
      let kind = try #require(CaseKind(rawValue: reliefCase["kind"] as? String ?? ""))
      let details = try #require(reliefCase["details"] as? [String: Any])
      #expect(Set(details.keys) == Set(kind.detailFields.map(\.key)), "\(reliefCase["id"] ?? "")")
      seen[kind, default: []].insert(reliefCase["state"] as? String ?? "")
    }
    for kind in CaseKind.allCases {
      #expect(seen[kind] == Set(kind.workflow.states.map(\.name.rawValue)), "\(kind)")
    }
    // The CSV export spreads them out in the description's order, one kind or all.
    for kind in CaseKind.allCases {
      let csv = try sandbox.ok(
        "--db", demo, "export", "cases", "--kind", kind.rawValue, "--format", "csv")
      let header = csv.split(separator: "\n").first.map(String.init) ?? ""
      let columns = header.split(separator: ",").map(String.init)
      let details = Array(columns.drop { $0 != "supervisionLevel" }.dropFirst().dropLast())
      #expect(details == kind.detailFields.map(\.key), "\(kind)")
    }
    // The stored details hold the description's stored keys, and nothing else.
    let queue = try DatabaseQueue(path: demo)
    try queue.read { db in
      for row in try Row.fetchAll(db, sql: "SELECT kind, details FROM cases") {
        let kind = try #require(CaseKind(rawValue: row["kind"]))
        let stored = try JSONSerialization.jsonObject(with: Data((row["details"] as String).utf8))
        let keys = Set((stored as? [String: Any] ?? [:]).keys).subtracting(["kind"])
        #expect(keys.isSubset(of: kind.detailFields.compactMap(\.storedKey)), "\(kind): \(keys)")
      }
    }
  }

  @Test("import of new cases takes the description's opening columns and refuses the others")
  func importColumns() throws {
    let sandbox = try Sandbox()
    let help = try sandbox.ok("import", "cases", "--help")
      .replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
    for kind in CaseKind.allCases {
      let required = kind.openingFields.filter(\.requiredAtOpening).compactMap(\.importColumn)
      #expect(help.contains("\(kind.rawValue): \(required.joined(separator: ", "))"), "\(kind)")
    }
    // A column set after opening needs the history; a column of another kind is refused.
    try sandbox.ok(
      "enterprise", "add", "--uscc", Codes.nanshan, "--name", "测试企业", "--region", "440305")
    for kind in CaseKind.allCases {
      for field in kind.detailFields where field.setBy != .opening {
        let file = sandbox.folder.appendingPathComponent("\(kind.rawValue)-\(field.key).json")
        let record: [String: Any] = [
          "kind": kind.rawValue, "enterprise": Codes.nanshan, field.key: "1",
        ]
        try JSONSerialization.data(withJSONObject: [record]).write(to: file)
        let result = try sandbox.run("import", "cases", file.path)
        #expect(result.status == 1, "\(kind) \(field.key)")
        #expect(result.stderr.contains(field.key), "\(kind) \(field.key): \(result.stderr)")
      }
    }
  }

  /// Details with every field filled, as events and openings fill them.
  static func filled(_ kind: CaseKind) -> CaseDetails {
    switch kind {
    case .arrears:
      var details = ArrearsDetails(
        debtor: "某局", debtorType: .government, debtorCode: USCC(trusted: "91440305MA5FXHGE2A"),
        contract: "C-1", amountOwed: Money(yuan: 100), paymentDueDate: LocalDate("2026-01-31")!,
        agreedAnnualRate: Rate(tenThousandthsOfPercent: 34_500),
        deliveredOn: LocalDate("2025-12-01")!, contractDate: LocalDate("2025-06-30")!,
        outOfScope: "reason")
      details.amountRecovered = Money(yuan: 10)
      details.handlingDepartment = "市工业和信息化局"
      details.outcome = .partiallyPaid
      details.extensionDays = 5
      details.satisfaction = .satisfied
      return .arrears(details)
    case .taxRefund:
      var details = TaxRefundDetails(
        reliefType: .taxDeferral, amountClaimed: Money(yuan: 100), taxPeriod: "2026-Q2")
      details.amountApproved = Money(yuan: 90)
      details.amountDisbursed = Money(yuan: 80)
      details.taxAuthority = "国家税务总局深圳市税务局"
      return .taxRefund(details)
    case .whitelist:
      var details = WhitelistDetails(category: .other, chain: .food)
      details.recognizedRegions = [RegionCode(trusted: "310000")]
      return .whitelist(details)
    case .cultivation:
      var details = CultivationDetails(tier: .littleGiant, priorTierEvidence: "证书")
      details.score = 70
      details.validUntil = LocalDate("2029-01-01")!
      details.fastTrack = "reason"
      details.banUntil = LocalDate("2030-01-01")!
      return .cultivation(details)
    }
  }

  @Test(
    "the stored JSON of filled details has exactly the description's stored keys",
    arguments: CaseKind.allCases)
  func storedKeys(kind: CaseKind) throws {
    let details = Self.filled(kind)
    for field in kind.detailFields {
      let value = try #require(field.value(in: details))
      switch value {
      case .text(let text): #expect(text != nil, "\(field.key)")
      case .money(let money): #expect(money != nil, "\(field.key)")
      case .date(let date): #expect(date != nil, "\(field.key)")
      case .integer(let number): #expect(number != nil, "\(field.key)")
      case .rate(let rate): #expect(rate != nil, "\(field.key)")
      case .regions(let regions): #expect(!regions.isEmpty, "\(field.key)")
      }
    }
    let stored = try StoredJSON.encode(details)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String: Any])
    #expect(Set(object.keys) == Set(kind.detailFields.compactMap(\.storedKey) + ["kind"]))
    #expect(try StoredJSON.decodeDetails(stored) == details)
  }

  /// The text of the shipped migrations and the store's sources.
  static func sources() throws -> [(name: String, text: String)] {
    var files: [(String, String)] = []
    for folder in ["Migrations/sqlite", "Sources/ReliefStore"] {
      let url = root.appendingPathComponent(folder)
      for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
      where name.hasSuffix(".sql") || name.hasSuffix(".swift") {
        files.append(
          (
            "\(folder)/\(name)",
            try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
          ))
      }
    }
    return files
  }

  static func matches(_ pattern: String, in text: String) throws -> [[String]] {
    let regex = try NSRegularExpression(pattern: pattern)
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
      (1..<match.numberOfRanges).map { index in
        Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
      }
    }
  }

  @Test("the kinds and detail keys that migrations and the store's SQL name are the domain's")
  func namesInSQL() throws {
    let storedKeys = Set(CaseKind.allCases.flatMap { $0.detailFields.compactMap(\.storedKey) })
    let kinds = Set(CaseKind.allCases.map(\.rawValue))
    var migrationKinds: Set<String> = []
    for (name, text) in try Self.sources() {
      // A detail read out of a case's details JSON is a stored key of a kind's description.
      for match in try Self.matches(
        #"json_extract\((?:c\.)?details, '\$\.([A-Za-z]+)'\)"#, in: text)
      {
        #expect(storedKeys.contains(match[0]), "\(name): $.\(match[0])")
      }
      guard name.hasSuffix(".sql") else { continue }
      // A kind compared in a migration (partial indexes, facets, the id's prefix) is a kind.
      for match in try Self.matches(#"(?:kind = |WHEN )'([a-z-]+)'"#, in: text) {
        #expect(kinds.contains(match[0]), "\(name): '\(match[0])'")
        migrationKinds.insert(match[0])
      }
      for match in try Self.matches(#"kind IN \(([^)]*)\)"#, in: text) {
        let listed = try Self.matches(#"'([a-z-]+)'"#, in: match[0]).map { $0[0] }
        #expect(Set(listed) == kinds, "\(name)")
      }
    }
    #expect(migrationKinds == kinds)
    // The store's own SQL names no kind, state or event by a literal: it uses the constants.
    let states = Set(CaseKind.allCases.flatMap { $0.workflow.states.map(\.name.rawValue) })
    // (The events every kind shares are left out: `note` is also a column of the search index.)
    let events = Set(
      CaseKind.allCases.flatMap { kind in
        kind.workflow.transitions.filter { !$0.isCommon }.map(\.event.rawValue)
      })
    for (name, text) in try Self.sources() where name.hasSuffix(".swift") {
      let code = text.split(separator: "\n")
        .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
      for match in try Self.matches(#"'([a-z][a-z-]*)'"#, in: code) {
        let literal = match[0]
        #expect(
          !kinds.contains(literal) && !states.contains(literal) && !events.contains(literal),
          "\(name): '\(literal)' should be named through the domain's constant")
      }
    }
  }
}
