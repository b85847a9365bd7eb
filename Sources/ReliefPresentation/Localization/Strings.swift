/// The language tables: one per language, each assembled from parts kept beside the features
/// they word (core, reports, data, deadlines...). Every part has the same keys in every language;
/// a test holds them to it.
package enum Strings {
  /// The English parts; no key is in two of them (a test holds them to it).
  package static let englishParts: [[String: String]] = [
    englishCore, englishDeadlines, englishData, englishReports, englishWriters,
    englishImports, englishAnchor, englishOutputs, englishXlsx, englishCult, englishlaw,
  ]

  /// The Chinese parts, in the order of the English ones.
  package static let chineseParts: [[String: String]] = [
    chineseCore, chineseDeadlines, chineseData, chineseReports, chineseWriters,
    chineseImports, chineseAnchor, chineseOutputs, chineseXlsx, chineseCult, chineselaw,
  ]

  /// Every English string.
  package static let english: [String: String] = merge(englishParts)

  /// Every Chinese string.
  package static let chinese: [String: String] = merge(chineseParts)

  private static func merge(_ parts: [[String: String]]) -> [String: String] {
    parts.reduce(into: [:]) { result, part in
      result.merge(part) { first, _ in first }
    }
  }
}
