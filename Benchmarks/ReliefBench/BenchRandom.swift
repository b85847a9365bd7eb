/// A small deterministic generator (SplitMix64): the same data set on every machine.
struct BenchRandom {
  private var state: UInt64

  init(seed: UInt64) {
    self.state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A whole number in a range.
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
  }

  /// A number in 0..<1, in steps of 2^-53.
  mutating func unit() -> Double {
    Double(next() >> 11) / Double(1 << 53)
  }

  /// True with probability `percent`%.
  mutating func chance(_ percent: Double) -> Bool {
    unit() * 100 < percent
  }

  /// An element of a non-empty array.
  mutating func pick<T>(_ items: [T]) -> T {
    items[int(0...items.count - 1)]
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
