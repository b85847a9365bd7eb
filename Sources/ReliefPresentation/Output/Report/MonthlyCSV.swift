/// The monthly summary as CSV (RFC 4180): one row per figure, named by its path in the JSON
/// document (`cases.arrears.opened`), so that a spreadsheet and a script read the same figures.
package enum MonthlyCSV {
  package static func render(_ report: MonthlyReport) -> String {
    var lines = ["figure,value"]
    for (path, value) in report.json().leaves() {
      // The history's anchor is the footer of the other renderings, not a figure.
      if path == "anchor" { continue }
      lines.append(field(path) + "," + field(text(value)))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// A scalar as CSV text: strings as they are (money as two-decimal yuan), null as empty.
  package static func text(_ value: JSONValue) -> String {
    switch value {
    case .null: return ""
    case .string(let text): return text
    default: return value.render(pretty: false)
    }
  }

  /// A field, quoted when it holds a comma, a quote or a line break.
  package static func field(_ text: String) -> String {
    guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
