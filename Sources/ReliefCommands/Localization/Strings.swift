/// The language tables: one per language, each assembled from parts kept beside the features
/// they word (core, reports, data, deadlines...). Every part has the same keys in every language;
/// a test holds them to it.
enum Strings {
  /// Every English string.
  static let english: [String: String] = merge([
    englishCore, englishDeadlines, englishData, englishReports, englishAnchor,
  ])

  /// Every Chinese string.
  static let chinese: [String: String] = merge([
    chineseCore, chineseDeadlines, chineseData, chineseReports, chineseAnchor,
  ])

  private static func merge(_ parts: [[String: String]]) -> [String: String] {
    parts.reduce(into: [:]) { result, part in
      result.merge(part) { first, _ in first }
    }
  }
}
