/// The ways spreadsheets write a day, read as `YYYY-MM-DD`: Excel on Chinese Windows saves
/// `2026/11/1` or `2026年11月1日`; a time of day may follow (`2026/11/1 9:30`).
package enum SpreadsheetDates {
  /// The text with a day written as `2026/11/1`, `2026/11/01`, `2026-11-1` or `2026年11月1日`
  /// (and a time of day after it written `9:30` or `9:30:05`) rewritten as `2026-11-01`
  /// (`2026-11-01 09:30`); any other text as it is.
  package static func normalized(_ text: String) -> String {
    let scalars = Array(text.trimmedOfSpaces.unicodeScalars)
    var index = 0
    func number(maxDigits: Int) -> Int? {
      var value = 0
      var digits = 0
      while index < scalars.count, digits < maxDigits, let digit = Int(String(scalars[index])),
        scalars[index].isASCII
      {
        value = value * 10 + digit
        digits += 1
        index += 1
      }
      return digits > 0 ? value : nil
    }
    func take(_ allowed: Set<Unicode.Scalar>) -> Unicode.Scalar? {
      guard index < scalars.count, allowed.contains(scalars[index]) else { return nil }
      defer { index += 1 }
      return scalars[index]
    }
    guard let year = number(maxDigits: 4), index == 4,
      let separator = take(["/", "-", "年"]), let month = number(maxDigits: 2),
      take([separator == "年" ? "月" : separator]) != nil, let day = number(maxDigits: 2)
    else { return text }
    if separator == "年", take(["日"]) == nil { return text }
    var result = String(format: "%04d-%02d-%02d", year, month, day)
    guard index < scalars.count else { return result }
    // A time of day after a space (or `T`): hours of one or two digits.
    guard take([" ", "T"]) != nil, let hour = number(maxDigits: 2), take([":"]) != nil,
      let minute = number(maxDigits: 2)
    else { return text }
    result += String(format: " %02d:%02d", hour, minute)
    if take([":"]) != nil {
      guard let second = number(maxDigits: 2) else { return text }
      result += String(format: ":%02d", second)
    }
    return result + String(String.UnicodeScalarView(scalars[index...]))
  }
}
