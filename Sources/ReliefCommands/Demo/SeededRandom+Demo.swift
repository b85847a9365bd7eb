import ReliefDomain
import ReliefPresentation

extension SeededRandom {
  /// True with probability `percent`% (whole percents, as the demo's plans are written).
  mutating func chance(_ percent: Int) -> Bool {
    int(1...100) <= percent
  }
}
