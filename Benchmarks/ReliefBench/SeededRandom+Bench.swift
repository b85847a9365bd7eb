import ReliefDomain

/// What the benchmark's planners draw besides whole numbers and elements.
extension SeededRandom {
  /// A number in 0..<1, in steps of 2^-53.
  mutating func unit() -> Double {
    Double(next() >> 11) / Double(1 << 53)
  }

  /// True with probability `percent`%, fractions of a percent included.
  mutating func chance(_ percent: Double) -> Bool {
    unit() * 100 < percent
  }

  /// An element of a non-empty array of weighted choices.
  mutating func pick<T>(weighted items: [(T, Int)]) -> T {
    let total = items.reduce(0) { $0 + $1.1 }
    var roll = int(1...total)
    for (item, weight) in items {
      roll -= weight
      if roll <= 0 { return item }
    }
    return items[items.count - 1].0
  }
}
