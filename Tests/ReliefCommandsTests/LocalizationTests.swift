import Foundation
import Testing

@testable import ReliefCommands
@testable import ReliefDomain
@testable import ReliefPresentation

@Suite("Language tables")
struct LocalizationTests {
  @Test("the Chinese table has every English key, with the same placeholders")
  func parity() {
    let english = Strings.english
    let chinese = Strings.chinese
    #expect(Set(english.keys) == Set(chinese.keys))
    for (key, text) in english {
      guard let translation = chinese[key] else { continue }
      #expect(placeholders(text) == placeholders(translation), "\(key)")
    }
  }

  @Test("every state, event, kind and enumerated value has a label")
  func labels() {
    let t = Localizer(language: .en)
    for kind in CaseKind.allCases {
      #expect(t.has("kind.\(kind.rawValue)"))
      for state in kind.workflow.states { #expect(t.has("state.\(state.name)"), "\(state.name)") }
      for transition in kind.workflow.transitions {
        #expect(t.has("event.\(transition.event)"), "\(transition.event)")
        for check in transition.guards { #expect(t.has("guard.\(check.id)"), "\(check.id)") }
        if let effect = transition.effect { #expect(t.has("effect.\(effect.id)"), "\(effect.id)") }
      }
      for check in kind.workflow.openingGuards { #expect(t.has("guard.\(check.id)")) }
      for state in kind.workflow.states {
        for clock in state.clocks { #expect(t.has("clock.\(clock.setting)"), "\(clock.setting)") }
      }
    }
    for value in DebtorType.allCases { #expect(t.has("debtor-type.\(value.rawValue)")) }
    for value in ArrearsOutcome.allCases { #expect(t.has("outcome.\(value.rawValue)")) }
    for value in ReliefType.allCases { #expect(t.has("relief-type.\(value.rawValue)")) }
    for value in WhitelistCategory.allCases { #expect(t.has("category.\(value.rawValue)")) }
    for value in SupplyChain.allCases { #expect(t.has("chain.\(value.rawValue)")) }
    for value in Tier.allCases { #expect(t.has("tier.\(value.rawValue)")) }
    for value in EnterpriseSize.allCases { #expect(t.has("size.\(value.rawValue)")) }
    for value in Sector.allCases { #expect(t.has("sector.\(value.rawValue)")) }
    for value in InputField.allCases { #expect(t.has("input.\(value.rawValue)")) }
  }

  @Test("a key lives in one part of a table, and each part has the same keys in both languages")
  func onePlacePerKey() {
    for parts in [Strings.englishParts, Strings.chineseParts] {
      var seen: [String: Int] = [:]
      for (index, part) in parts.enumerated() {
        for key in part.keys {
          #expect(seen[key] == nil, "\(key) is in parts \(seen[key] ?? -1) and \(index)")
          seen[key] = index
        }
      }
    }
    #expect(Strings.englishParts.count == Strings.chineseParts.count)
    for (english, chinese) in zip(Strings.englishParts, Strings.chineseParts) {
      #expect(Set(english.keys) == Set(chinese.keys))
    }
  }

  @Test("every key the sources name is in the tables")
  func everyKeyNamed() throws {
    // A literal key right after `t(` or `Refusal(`, on the same line or the next.
    let pattern = try Regex(#"(?:\bt|Refusal)\(\s*"([^"\\]+)""#)
    var named = 0
    for module in ["Sources/ReliefCommands", "Sources/ReliefPresentation"] {
      let sources = DocsTests.root.appendingPathComponent(module)
      let files = try #require(FileManager.default.enumerator(atPath: sources.path))
      for case let file as String in files where file.hasSuffix(".swift") {
        let text = try String(
          contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
        for match in text.matches(of: pattern) {
          guard let key = match.output[1].substring.map(String.init) else { continue }
          named += 1
          #expect(Strings.english[key] != nil, "\(module)/\(file) names \(key), which no table has")
        }
      }
    }
    #expect(named > 300)
  }

  @Test("placeholders are filled in one pass: a value holding {x} stays as written")
  func onePass() {
    #expect(Localizer.fill("{a} and {b}", ["a": "{b}", "b": "two"]) == "{b} and two")
    #expect(Localizer.fill("{a}{a}", ["a": "x"]) == "xx")
    #expect(Localizer.fill("{unknown} {", ["a": "x"]) == "{unknown} {")
    #expect(Localizer.fill("no braces", ["a": "x"]) == "no braces")
    let t = Localizer(language: .en)
    #expect(t("error.bad-month", ["field": "--month", "value": "{field}"]).contains("'{field}'"))
  }

  @Test("the lowest cultivation tier carries the name the 2026 measures give it")
  func tierNames() {
    #expect(Localizer(language: .zh).value("tier", Tier.innovative.rawValue) == "科技和创新型中小企业")
    #expect(Localizer(language: .en).value("tier", Tier.innovative.rawValue).contains("innovative"))
  }

  @Test("LANG picks Chinese; --lang wins")
  func detection() {
    #expect(Language.detect(flag: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
    #expect(Language.detect(flag: nil, environment: ["LANG": "en_US.UTF-8"]) == .en)
    #expect(Language.detect(flag: .en, environment: ["LANG": "zh_CN.UTF-8"]) == .en)
    #expect(Language.detect(flag: nil, environment: ["LC_ALL": "zh_TW", "LANG": "en"]) == .zh)
  }

  @Test("display width counts CJK as two columns")
  func widths() {
    #expect(DisplayWidth.of("深圳市") == 6)
    #expect(DisplayWidth.of("AR-2026") == 7)
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.pad("星河", to: 6) == "星河  ")
    #expect(DisplayWidth.truncate("深圳市星河科技有限公司", to: 9) == "深圳市星…")
  }

  private func placeholders(_ text: String) -> Set<String> {
    var result = Set<String>()
    var current: String?
    for character in text {
      if character == "{" {
        current = ""
      } else if character == "}", let name = current {
        result.insert(name)
        current = nil
      } else if current != nil {
        current?.append(character)
      }
    }
    return result
  }
}
