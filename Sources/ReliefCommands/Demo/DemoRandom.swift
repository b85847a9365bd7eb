/// A small deterministic generator (SplitMix64), so that the demo is the same on every machine.
struct DemoRandom {
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

  /// True with probability `percent`%.
  mutating func chance(_ percent: Int) -> Bool {
    int(1...100) <= percent
  }

  /// An element of a non-empty array.
  mutating func pick<T>(_ items: [T]) -> T {
    items[int(0...items.count - 1)]
  }
}
