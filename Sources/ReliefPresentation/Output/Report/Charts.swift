/// SVG charts drawn with whole numbers only: scales, bars and points are computed in integers
/// (money stays in fen until it becomes a label), so that a chart is as exact as its figures.
package enum Charts {
  /// A value axis from 0 to `top` in `ticks` equal steps of a "nice" size (1, 2 or 5 × 10^k).
  package struct Scale: Equatable {
    package let step: Int128
    package let ticks: Int128
    package var top: Int128 { step * ticks }

    /// The smallest nice scale reaching `maximum` in at most `maxTicks` steps; `minimumStep`
    /// keeps steps whole in the unit the labels use.
    package init(maximum: Int128, maxTicks: Int128 = 5, minimumStep: Int128 = 1) {
      var magnitude = minimumStep
      while true {
        for factor: Int128 in [1, 2, 5] {
          let step = magnitude * factor
          let needed = max(1, (maximum + step - 1) / step)
          if needed <= maxTicks {
            self.step = step
            self.ticks = needed
            return
          }
        }
        magnitude *= 10
      }
    }

    /// The distance from the axis of `value` on an axis `length` long.
    package func position(_ value: Int128, length: Int) -> Int {
      guard top > 0 else { return 0 }
      return Int(Int128(max(0, value)) * Int128(length) / Int128(top))
    }
  }

  /// A series of bars.
  package struct Series {
    package var label: String
    package var colour: String
    package var values: [Int128]
  }

  package static let width = 360
  package static let height = 210

  /// Grouped vertical bars with a legend: one group per category, one bar per series.
  package static func groupedBars(
    categories: [String], series: [Series], valueLabel: (Int128) -> String, title: String
  ) -> String {
    let left = 34
    let right = 8
    let top = 26
    let bottom = 40
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let maximum = series.flatMap(\.values).max() ?? 0
    let scale = Scale(maximum: maximum)
    var svg = open(title)
    svg += axis(
      scale: scale, left: left, right: width - right, top: top, plotHeight: plotHeight,
      label: valueLabel)
    svg += legend(series, y: 10)
    let groupWidth = plotWidth / max(1, categories.count)
    let barWidth = min(22, (groupWidth - 12) / max(1, series.count))
    for (index, category) in categories.enumerated() {
      let groupLeft = left + index * groupWidth + (groupWidth - barWidth * series.count) / 2
      for (position, entry) in series.enumerated() {
        let value = index < entry.values.count ? entry.values[index] : 0
        let barHeight = scale.position(value, length: plotHeight)
        let x = groupLeft + position * barWidth
        let y = top + plotHeight - barHeight
        svg +=
          "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth - 2)\" height=\"\(barHeight)\" fill=\"\(entry.colour)\"/>"
        svg +=
          "<text x=\"\(x + (barWidth - 2) / 2)\" y=\"\(y - 3)\" text-anchor=\"middle\" class=\"v\">\(valueLabel(value))</text>"
      }
      svg += categoryLabel(
        category, x: left + index * groupWidth + groupWidth / 2, y: top + plotHeight + 14,
        width: groupWidth)
    }
    return svg + "</svg>"
  }

  /// The frame both monthly charts draw in: the margins, the plot, the value axis and its
  /// scale, and a slot for each month.
  private struct MonthlyFrame {
    let left = 40
    let top = 14
    let plotHeight: Int
    let slot: Int
    let scale: Scale
    /// The chart's opening and its value axis.
    let start: String

    /// The chart closed: the months under the plot.
    func end(_ svg: String, months: [YearMonthLabel]) -> String {
      svg + Charts.monthLabels(months, left: left, slot: slot, y: top + plotHeight + 12) + "</svg>"
    }

    init(
      months: Int, values: [Int128], minimumStep: Int128, axisLabel: (Int128) -> String,
      title: String
    ) {
      let right = 8
      let bottom = 34
      plotHeight = Charts.height - top - bottom
      slot = (Charts.width - left - right) / max(1, months)
      scale = Scale(maximum: values.max() ?? 0, minimumStep: minimumStep)
      start =
        Charts.open(title)
        + Charts.axis(
          scale: scale, left: left, right: Charts.width - right, top: top,
          plotHeight: plotHeight, label: axisLabel)
    }
  }

  /// Vertical bars over months, with the month under each bar and the year under its first month
  /// and every January.
  package static func monthlyBars(
    months: [YearMonthLabel], values: [Int128], colour: String, valueLabel: (Int128) -> String,
    axisLabel: (Int128) -> String, minimumStep: Int128 = 1, title: String
  ) -> String {
    let frame = MonthlyFrame(
      months: months.count, values: values, minimumStep: minimumStep, axisLabel: axisLabel,
      title: title)
    let (left, top, plotHeight, slot, scale) =
      (frame.left, frame.top, frame.plotHeight, frame.slot, frame.scale)
    var svg = frame.start
    let barWidth = max(4, slot - 6)
    for (index, value) in values.enumerated() {
      let barHeight = scale.position(value, length: plotHeight)
      let x = left + index * slot + (slot - barWidth) / 2
      let y = top + plotHeight - barHeight
      let isLast = index == values.count - 1
      svg +=
        "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(barHeight)\" fill=\"\(colour)\"\(isLast ? "" : " fill-opacity=\"0.55\"")/>"
      if value > 0 {
        svg +=
          "<text x=\"\(x + barWidth / 2)\" y=\"\(y - 3)\" text-anchor=\"middle\" class=\"v\">\(valueLabel(value))</text>"
      }
    }
    return frame.end(svg, months: months)
  }

  /// A line over months with its area shaded, the last point labelled.
  package static func monthlyLine(
    months: [YearMonthLabel], values: [Int128], colour: String, axisLabel: (Int128) -> String,
    valueLabel: (Int128) -> String, minimumStep: Int128 = 1, title: String
  ) -> String {
    let frame = MonthlyFrame(
      months: months.count, values: values, minimumStep: minimumStep, axisLabel: axisLabel,
      title: title)
    let (left, top, plotHeight, slot, scale) =
      (frame.left, frame.top, frame.plotHeight, frame.slot, frame.scale)
    var svg = frame.start
    let points = values.enumerated().map { index, value in
      (
        x: left + index * slot + slot / 2,
        y: top + plotHeight - scale.position(value, length: plotHeight)
      )
    }
    if let first = points.first, let last = points.last {
      let path = points.map { "\($0.x),\($0.y)" }.joined(separator: " ")
      svg +=
        "<polygon points=\"\(first.x),\(top + plotHeight) \(path) \(last.x),\(top + plotHeight)\" fill=\"\(colour)\" fill-opacity=\"0.12\"/>"
      svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
      for point in points {
        svg += "<circle cx=\"\(point.x)\" cy=\"\(point.y)\" r=\"2.5\" fill=\"\(colour)\"/>"
      }
      svg +=
        "<text x=\"\(last.x)\" y=\"\(last.y - 6)\" text-anchor=\"end\" class=\"v\">\(valueLabel(values.last ?? 0))</text>"
    }
    return frame.end(svg, months: months)
  }

  /// Horizontal bars, one per category, the value at the end of each.
  package static func horizontalBars(
    categories: [String], values: [Int128], colour: String, valueLabel: (Int128) -> String,
    title: String
  ) -> String {
    let left = 118
    let right = 34
    let top = 8
    let rowHeight = (height - top - 8) / max(1, categories.count)
    let plotWidth = width - left - right
    let scale = Scale(maximum: values.max() ?? 0)
    var svg = open(title)
    svg +=
      "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(top + rowHeight * categories.count)\" class=\"axis\"/>"
    for (index, category) in categories.enumerated() {
      let value = index < values.count ? values[index] : 0
      let y = top + index * rowHeight
      let barLength = scale.position(value, length: plotWidth)
      svg +=
        "<text x=\"\(left - 6)\" y=\"\(y + rowHeight / 2 + 4)\" text-anchor=\"end\" class=\"c\">\(HTML.escape(category))</text>"
      svg +=
        "<rect x=\"\(left)\" y=\"\(y + 3)\" width=\"\(barLength)\" height=\"\(max(4, rowHeight - 6))\" fill=\"\(colour)\"/>"
      svg +=
        "<text x=\"\(left + barLength + 4)\" y=\"\(y + rowHeight / 2 + 4)\" class=\"v\">\(valueLabel(value))</text>"
    }
    return svg + "</svg>"
  }

  /// A month under a bar: its number, and on a second line its year when it is the first shown
  /// or a January.
  package struct YearMonthLabel {
    package var month: String
    package var year: String?
  }

  private static func open(_ title: String) -> String {
    "<svg viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTML.escape(title))\"><title>\(HTML.escape(title))</title>"
  }

  private static func axis(
    scale: Scale, left: Int, right: Int, top: Int, plotHeight: Int, label: (Int128) -> String
  ) -> String {
    var svg = ""
    for tick in 0...scale.ticks {
      let value = tick * scale.step
      let y = top + plotHeight - scale.position(value, length: plotHeight)
      svg +=
        "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(right)\" y2=\"\(y)\" class=\"\(tick == 0 ? "axis" : "grid")\"/>"
      svg +=
        "<text x=\"\(left - 4)\" y=\"\(y + 3)\" text-anchor=\"end\" class=\"t\">\(HTML.escape(label(value)))</text>"
    }
    return svg
  }

  private static func legend(_ series: [Series], y: Int) -> String {
    var svg = ""
    var x = width - 8
    for entry in series.reversed() {
      let textWidth = DisplayWidth.of(entry.label) * 6
      x -= textWidth
      svg += "<text x=\"\(x)\" y=\"\(y + 4)\" class=\"c\">\(HTML.escape(entry.label))</text>"
      x -= 14
      svg += "<rect x=\"\(x)\" y=\"\(y - 4)\" width=\"10\" height=\"10\" fill=\"\(entry.colour)\"/>"
      x -= 12
    }
    return svg
  }

  /// A category name under its group, on two lines when it is wider than the group.
  private static func categoryLabel(_ text: String, x: Int, y: Int, width: Int) -> String {
    let escaped = HTML.escape(text)
    guard DisplayWidth.of(text) * 6 > width, let space = text.firstIndex(of: " ") else {
      return "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"middle\" class=\"c\">\(escaped)</text>"
    }
    let first = HTML.escape(String(text[..<space]))
    let second = HTML.escape(String(text[text.index(after: space)...]))
    return
      "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"middle\" class=\"c\">\(first)<tspan x=\"\(x)\" dy=\"12\">\(second)</tspan></text>"
  }

  private static func monthLabels(_ months: [YearMonthLabel], left: Int, slot: Int, y: Int)
    -> String
  {
    var svg = ""
    for (index, label) in months.enumerated() {
      let x = left + index * slot + slot / 2
      svg +=
        "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"middle\" class=\"t\">\(HTML.escape(label.month))</text>"
      if let year = label.year {
        svg +=
          "<text x=\"\(x)\" y=\"\(y + 12)\" text-anchor=\"middle\" class=\"t\">\(HTML.escape(year))</text>"
      }
    }
    return svg
  }
}
