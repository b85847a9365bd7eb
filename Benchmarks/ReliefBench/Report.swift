import Foundation

extension BenchmarkResult {
  /// The results as Markdown: the data set, the table of section 11, the other commands and where
  /// the bytes go.
  public func markdown() -> String {
    var lines: [String] = []
    let counts = self.counts
    lines.append("## \(Self.grouped(scale.cases)) cases")
    lines.append("")
    lines.append("Machine: \(machine).")
    lines.append("")
    var data =
      "Data: \(Self.grouped(counts.enterprises)) enterprises, \(Self.grouped(counts.cases)) cases "
      + "with \(Self.grouped(counts.events)) events, \(Self.grouped(counts.services)) services"
    if let generation {
      data += "; generated in \(String(format: "%.0f", generation.seconds)) s"
    }
    lines.append(data + ".")
    lines.append("")
    lines.append("| operation | target | median | sqlite3 floor | ratio | peak memory | met |")
    lines.append("|---|---|---:|---:|---:|---:|---|")
    for measurement in measurements {
      lines.append(row(measurement))
    }
    let size = bytesPerCase / 1000
    lines.append(
      "| database size | ≤ 1.5 KB per case | \(String(format: "%.2f", size)) KB per case "
        + "(\(String(format: "%.0f", Double(databaseBytes) / 1_000_000)) MB) | | | | "
        + "\(size <= 1.5 ? "yes" : "**no**") |")
    let peak = Double(peakKiB) / 1024
    lines.append(
      "| peak memory of any command | ≤ 100 MiB | \(String(format: "%.0f", peak)) MiB | | | | "
        + "\(peak <= 100 ? "yes" : "**no**") |")
    lines.append("")
    lines.append(
      "Median of \(measurements.first?.seconds.count ?? 0) runs after one warm-up (imports: "
        + "each run on a fresh copy of the database); whole process, from spawning to exit.")
    if !sweep.isEmpty {
      lines.append("")
      lines.append("Other commands, one run each:")
      lines.append("")
      lines.append("| command | time | peak memory |")
      lines.append("|---|---:|---:|")
      for measurement in sweep {
        lines.append(
          "| `relief \(measurement.name)` | \(Self.duration(measurement.median)) | "
            + "\(Self.mebibytes(measurement.peakKiB)) |")
      }
    }
    if !objects.isEmpty {
      lines.append("")
      lines.append("Where the bytes go (bytes per case):")
      lines.append("")
      lines.append("| table or index | bytes per case |")
      lines.append("|---|---:|")
      for (name, bytes) in objects.prefix(24) {
        lines.append(
          "| \(name) | \(String(format: "%.0f", Double(bytes) / Double(max(1, counts.cases)))) |")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func row(_ measurement: Measurement) -> String {
    let target: String
    let median: String
    var floor = ""
    switch measurement.target {
    case .atMost(let seconds): target = "≤ \(Self.duration(seconds))"
    case .atLeast(let rate): target = "≥ \(Self.grouped(Int(rate))) rows/s"
    case .none: target = ""
    }
    if let rows = measurement.rows {
      median =
        "\(Self.grouped(Int(Double(rows) / measurement.median))) rows/s "
        + "(\(Self.duration(measurement.median)))"
      if let seconds = measurement.floorSeconds {
        floor = "\(Self.grouped(Int(Double(rows) / seconds))) rows/s (\(Self.duration(seconds)))"
      }
    } else {
      median = Self.duration(measurement.median)
      floor = measurement.floorSeconds.map(Self.duration) ?? ""
    }
    let ratio = measurement.ratio.map { String(format: "%.1f×", $0) } ?? ""
    let met = measurement.isMet.map { $0 ? "yes" : "**no**" } ?? ""
    return
      "| \(measurement.name) | \(target) | \(median) | \(floor) | \(ratio) | "
      + "\(Self.mebibytes(measurement.peakKiB)) | \(met) |"
  }

  static func duration(_ seconds: Double) -> String {
    seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
  }

  static func mebibytes(_ kib: Int) -> String {
    String(format: "%.0f MiB", Double(kib) / 1024)
  }

  static func grouped(_ value: Int) -> String {
    let digits = Array(String(value))
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return result
  }
}
