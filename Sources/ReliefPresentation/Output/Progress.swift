import Foundation

/// A progress bar on standard error, drawn only when standard error is a terminal.
package final class Progress {
  private let label: String
  private let total: Int
  private var done = 0
  private var lastDrawn = -1
  private let enabled: Bool

  package init(label: String, total: Int) {
    self.label = label
    self.total = max(total, 1)
    self.enabled = Terminal.errorIsInteractive && Environment.values["NO_PROGRESS"] == nil
  }

  /// Counts one unit of work done.
  package func advance(by count: Int = 1) {
    done += count
    guard enabled else { return }
    let percent = done * 100 / total
    guard percent != lastDrawn else { return }
    lastDrawn = percent
    let width = 30
    let filled = width * done / total
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    StandardError.write("\r\(label) \(bar) \(percent)%")
  }

  /// Clears the bar.
  package func finish() {
    guard enabled, lastDrawn >= 0 else { return }
    StandardError.write("\r" + String(repeating: " ", count: label.count + 40) + "\r")
  }
}
